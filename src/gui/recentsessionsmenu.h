// File > Recent sessions: the last session files opened (AppSettings keeps the list), numbered
// for the keyboard. Choosing one that no longer exists removes it and says so. GUI thread.
#pragma once

#include <QMenu>

namespace pnm {

class AppSettings;

class RecentSessionsMenu : public QMenu
{
    Q_OBJECT
public:
    RecentSessionsMenu(AppSettings *settings, QWidget *parent = nullptr);

public slots:
    // Rebuilds the entries from the settings (also done each time the menu opens).
    void refresh();
    // What choosing the entry for `path` does.
    void choose(const QString &path);

signals:
    void openRequested(const QString &path);
    // Said in the status bar: the entry was removed because the file is gone.
    void messageShown(const QString &message);

private:
    AppSettings *m_settings;
};

} // namespace pnm
