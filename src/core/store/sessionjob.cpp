#include "store/sessionjob.h"

namespace pnm {

SessionJob::SessionJob(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<pnm::ExportResult>();
    qRegisterMetaType<pnm::ImportResult>();
}

SessionJob::~SessionJob()
{
    m_cancel = true;
    if (m_thread)
        m_thread->wait();
}

void SessionJob::run(std::function<void()> work)
{
    if (m_thread)
        m_thread->wait(); // already finished: start*() refuses while running
    m_cancel = false;
    m_thread.reset(QThread::create(std::move(work)));
    m_thread->setObjectName(QStringLiteral("pnm-session-job"));
    m_thread->start();
}

void SessionJob::startExport(const QString &sessionPath, const QString &outPath,
                             ExportOptions options)
{
    if (isRunning()) {
        emit exportFinished(
            {false, 0, QStringLiteral("%1: another export or import is running").arg(outPath)});
        return;
    }
    options.cancel = &m_cancel;
    // Signals emitted from the job thread reach this object's thread queued.
    options.progress = [this](quint64 done, quint64 total) { emit progressed(done, total); };
    run([this, sessionPath, outPath, options] {
        emit exportFinished(SessionExporter::exportSession(sessionPath, outPath, options));
    });
}

void SessionJob::startImport(const QString &sessionPath, const QString &filePath,
                             const ImportOptions &options)
{
    if (isRunning()) {
        emit importFinished(
            {false, 0, 0, QStringLiteral("%1: another export or import is running").arg(filePath)});
        return;
    }
    run([this, sessionPath, filePath, options] {
        emit importFinished(SessionImporter::importInto(sessionPath, filePath, options));
    });
}

} // namespace pnm
