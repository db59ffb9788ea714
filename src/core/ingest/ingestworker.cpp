#include "ingest/ingestworker.h"

namespace pnm {

IngestWorker::IngestWorker() : m_pipeline(IngestOptions{}, this)
{
    connect(&m_pipeline, &IngestPipeline::requestRecorded, this, &IngestWorker::requestRecorded);
}

IngestWorker::~IngestWorker() = default;

void IngestWorker::start(const QHostAddress &address, quint16 port, const HttpLimits &limits,
                         const IngestOptions &options)
{
    stop();
    m_pipeline.setOptions(options);
    m_listener = std::make_unique<HttpListener>(&m_pipeline, limits);
    if (!m_listener->listen(address, port)) {
        const QString error = QStringLiteral("cannot listen on %1 port %2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(m_listener->errorString());
        m_listener.reset();
        emit listenFailed(error);
        return;
    }
    emit listening(m_listener->serverAddress(), m_listener->serverPort());
}

void IngestWorker::stop()
{
    if (!m_listener)
        return;
    // Deleting the listener deletes its connections (children) and closes their sockets.
    m_listener.reset();
    emit stopped();
}

void IngestWorker::setOptions(const IngestOptions &options)
{
    m_pipeline.setOptions(options);
}

} // namespace pnm
