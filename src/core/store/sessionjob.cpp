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

void SessionJob::finish(std::function<void()> announce)
{
    // Job thread. The result is announced on the owner's thread once the job thread has ended,
    // so a start*() in reaction to it is not refused as "another job is running".
    QMetaObject::invokeMethod(
        this,
        [this, thread = QThread::currentThread(), announce = std::move(announce)] {
            if (m_thread.get() == thread) // else run() has waited for it already
                m_thread->wait();
            announce();
        },
        Qt::QueuedConnection);
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
        finish([this, result = SessionExporter::exportSession(sessionPath, outPath, options)] {
            emit exportFinished(result);
        });
    });
}

void SessionJob::startImport(const QString &sessionPath, const QString &filePath,
                             const ImportOptions &options)
{
    if (isRunning()) {
        ImportResult refused;
        refused.error = QStringLiteral("%1: another export or import is running").arg(filePath);
        emit importFinished(refused);
        return;
    }
    ImportOptions withProgress = options;
    withProgress.cancel = &m_cancel;
    withProgress.progress = [this](quint64 done, quint64 total) { emit progressed(done, total); };
    run([this, sessionPath, filePath, options = std::move(withProgress)] {
        finish([this, result = SessionImporter::importInto(sessionPath, filePath, options)] {
            emit importFinished(result);
        });
    });
}

} // namespace pnm
