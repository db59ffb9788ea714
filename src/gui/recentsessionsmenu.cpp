#include "recentsessionsmenu.h"

#include "appsettings.h"

#include <QDir>
#include <QFileInfo>

namespace pnm {

RecentSessionsMenu::RecentSessionsMenu(AppSettings *settings, QWidget *parent)
    : QMenu(tr("&Recent sessions"), parent), m_settings(settings)
{
    connect(this, &QMenu::aboutToShow, this, &RecentSessionsMenu::refresh);
    refresh();
}

void RecentSessionsMenu::refresh()
{
    clear();
    const QStringList paths = m_settings->recentSessions();
    for (int i = 0; i < paths.size(); ++i) {
        const QString &path = paths.at(i);
        // "&1 session-….pnmsession  (~/folder)": the number is the keyboard accelerator.
        const QFileInfo info(path);
        const QString text =
            QStringLiteral("&%1 %2  (%3)")
                .arg((i + 1) % 10)
                .arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath()));
        QAction *action = addAction(text, this, [this, path] { choose(path); });
        action->setData(path);
        action->setToolTip(path);
    }
    if (paths.isEmpty()) {
        addAction(tr("No sessions opened yet"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(tr("&Clear list"), this, [this] {
        m_settings->clearRecentSessions();
        refresh();
    });
}

void RecentSessionsMenu::choose(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        m_settings->removeRecentSession(path);
        refresh();
        emit messageShown(tr("%1 no longer exists; removed from Recent sessions").arg(path));
        return;
    }
    emit openRequested(path);
}

} // namespace pnm
