#include "ingest/ingestworker.h"

namespace pnm {

IngestWorker::IngestWorker() : m_pipeline(IngestOptions{}, this)
{
    connect(&m_pipeline, &IngestPipeline::requestsRecorded, this, &IngestWorker::requestsRecorded);
}

IngestWorker::~IngestWorker()
{
    // Stop explicitly so the journal completes what it holds while the pipeline still exists.
    m_listener.reset();
    closeSession();
    m_pipeline.flushAnnounced();
}

void IngestWorker::setSession(const SessionStoreOptions &session)
{
    if (m_journal && session.path == m_session.path &&
        (session.maxRequests != m_session.maxRequests ||
         session.maxAgeSecs != m_session.maxAgeSecs))
        m_journal->setRetention(session.maxRequests, session.maxAgeSecs);
    m_session = session;
}

bool IngestWorker::openSession(QString *error)
{
    if (!m_session.isEnabled())
        return true;
    m_journal = std::make_unique<SessionJournal>();
    if (!m_journal->open(m_session, error)) {
        m_journal.reset();
        return false;
    }
    connect(m_journal.get(), &SessionJournal::storeFailed, this, &IngestWorker::storeFailed);
    connect(m_journal.get(), &SessionJournal::storeRecovered, this, &IngestWorker::storeRecovered);
    connect(m_journal.get(), &SessionJournal::requestsRemoved, this,
            &IngestWorker::requestsRemoved);
    m_pipeline.setJournal(m_journal.get());
    // Continue the session's numbering so sequence numbers stay unique within the file.
    m_pipeline.setNextSequence(m_journal->lastSequenceAtOpen() + 1);
    emit sessionOpened(m_journal->path(), m_journal->countAtOpen(),
                       m_journal->lastSequenceAtOpen());
    return true;
}

void IngestWorker::closeSession()
{
    if (!m_journal)
        return;
    // Commits what is queued and answers/announces it before the journal goes away.
    m_journal->close();
    m_pipeline.setJournal(nullptr);
    m_journal.reset();
}

void IngestWorker::start(const QHostAddress &address, quint16 port, const HttpLimits &limits,
                         const IngestOptions &options)
{
    stop();
    m_pipeline.setOptions(options);
    QString sessionError;
    if (!openSession(&sessionError)) {
        emit listenFailed(QStringLiteral("cannot open the session: %1").arg(sessionError));
        return;
    }
    m_listener = std::make_unique<HttpListener>(&m_pipeline, limits);
    connect(m_listener.get(), &HttpListener::connectionCountChanged, this,
            &IngestWorker::connectionCountChanged);
    if (!m_listener->listen(address, port)) {
        const QString error = QStringLiteral("cannot listen on %1 port %2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(m_listener->errorString());
        m_listener.reset();
        closeSession();
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
    closeSession();
    m_pipeline.flushAnnounced();
    emit stopped();
}

void IngestWorker::setOptions(const IngestOptions &options)
{
    m_pipeline.setOptions(options);
}

} // namespace pnm
