// The main window's File > Open session, Recent sessions and Import: chooses files, opens each
// session in a SessionWindow beside the live one, imports through a SessionJobRunner into a new
// session file (never the one being recorded) and then opens it. GUI thread.
#pragma once

#include "verify/keyring.h"

#include <QObject>
#include <functional>

class QWidget;

namespace pnm {

class AppSettings;
class SessionWindow;

class SessionFiles : public QObject
{
    Q_OBJECT
public:
    // `livePath` answers which file the live session records to (empty: none).
    SessionFiles(QWidget *window, AppSettings *settings, std::function<QString()> livePath);

    // Keys and leeway to re-verify imported requests with (the window's current ones).
    void setVerification(const KeyRing &keys, qint64 leewaySecs);
    QList<SessionWindow *> sessionWindows() const;

public slots:
    void chooseAndOpen();
    SessionWindow *open(const QString &path);
    void chooseAndImport();
    // Imports `filePath` (JSON, NDJSON or HAR) into `sessionPath`, then opens it. Answered by
    // importFinished().
    void importInto(const QString &filePath, const QString &sessionPath);

signals:
    void messageShown(const QString &message);
    void importFinished(bool ok, const QString &message);

private:
    void showError(const QString &title, const QString &message);
    QString sessionsFolder() const;

    QWidget *m_window;
    AppSettings *m_settings;
    std::function<QString()> m_livePath;
    KeyRing m_keys;
    qint64 m_leewaySecs = 60;
};

} // namespace pnm
