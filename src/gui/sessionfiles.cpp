#include "sessionfiles.h"

#include "appsettings.h"
#include "sessionjobrunner.h"
#include "sessionwindow.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

namespace pnm {

namespace {
constexpr char kSessionFilter[] = "Sessions (*.pnmsession);;All files (*)";
constexpr char kImportFilter[] = "Exports (*.json *.ndjson *.jsonl *.har);;All files (*)";

bool sameFile(const QString &a, const QString &b)
{
    const QString ca = QFileInfo(a).canonicalFilePath();
    const QString cb = QFileInfo(b).canonicalFilePath();
    return !ca.isEmpty() ? ca == cb
                         : QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}
} // namespace

SessionFiles::SessionFiles(QWidget *window, AppSettings *settings,
                           std::function<QString()> livePath)
    : QObject(window), m_window(window), m_settings(settings), m_livePath(std::move(livePath))
{
}

void SessionFiles::setVerification(const KeyRing &keys, qint64 leewaySecs)
{
    m_keys = keys;
    m_leewaySecs = leewaySecs;
}

QList<SessionWindow *> SessionFiles::sessionWindows() const
{
    return m_window->findChildren<SessionWindow *>(Qt::FindDirectChildrenOnly);
}

QString SessionFiles::sessionsFolder() const
{
    const QStringList recent = m_settings->recentSessions();
    if (!recent.isEmpty())
        return QFileInfo(recent.constFirst()).absolutePath();
    const QString live = m_livePath();
    return !live.isEmpty() ? QFileInfo(live).absolutePath()
                           : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void SessionFiles::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open session"),
                                                      sessionsFolder(), tr(kSessionFilter));
    if (!path.isEmpty())
        open(path);
}

SessionWindow *SessionFiles::open(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        showError(tr("Open session"), tr("%1 does not exist.").arg(path));
        return nullptr;
    }
    // Already open: bring that window forward rather than reading the file twice.
    for (SessionWindow *window : sessionWindows()) {
        if (sameFile(window->path(), path)) {
            window->raise();
            window->activateWindow();
            return window;
        }
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_settings->addRecentSession(absolute);
    auto *window = new SessionWindow(absolute, m_window);
    window->restoreHeaderState(m_settings->headerState());
    connect(window, &SessionWindow::openFailed, this, [this, absolute](const QString &error) {
        emit messageShown(tr("Cannot open %1: %2").arg(absolute, error));
    });
    window->show();
    emit messageShown(tr("Opened %1").arg(absolute));
    return window;
}

void SessionFiles::chooseAndImport()
{
    const QString file = QFileDialog::getOpenFileName(m_window, tr("Import requests from"),
                                                      QString(), tr(kImportFilter));
    if (file.isEmpty())
        return;
    const QString suggested = sessionsFolder() + u'/' + QFileInfo(file).completeBaseName() +
                              QStringLiteral(".pnmsession");
    const QString session = QFileDialog::getSaveFileName(
        m_window, tr("Import into a new session file"), suggested, tr(kSessionFilter), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (!session.isEmpty())
        importInto(file, session);
}

void SessionFiles::importInto(const QString &filePath, const QString &sessionPath)
{
    const QString live = m_livePath();
    if (!live.isEmpty() && sameFile(sessionPath, live)) {
        const QString message =
            tr("%1 is the session being recorded; import into another file.").arg(sessionPath);
        showError(tr("Import"), message);
        emit importFinished(false, message);
        return;
    }
    ImportOptions options;
    options.keys = m_keys;
    options.leewaySecs = m_leewaySecs;
    auto *runner = new SessionJobRunner(m_window);
    connect(runner, &SessionJobRunner::importFinished, this,
            [this, filePath, sessionPath](const ImportResult &result) {
                if (result.cancelled) {
                    // Not an error: say what was added, and show it if anything was.
                    emit messageShown(result.error);
                    emit importFinished(false, result.error);
                    if (result.imported > 0)
                        open(sessionPath);
                    return;
                }
                if (!result.ok) {
                    const QString message = tr("Import failed: %1").arg(result.error);
                    showError(tr("Import"), message);
                    emit importFinished(false, message);
                    return;
                }
                const QString message =
                    tr("Imported %1 requests from %2 into %3 (%4 were already there)")
                        .arg(result.imported)
                        .arg(filePath, sessionPath)
                        .arg(result.duplicates);
                emit messageShown(message);
                emit importFinished(true, message);
                open(sessionPath);
            });
    runner->startImport(sessionPath, filePath, options);
}

void SessionFiles::showError(const QString &title, const QString &message)
{
    // Non-modal: recording goes on behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("sessionFilesErrorBox"));
    box->open();
    emit messageShown(message);
}

} // namespace pnm
