#include "ingest/ingestservice.h"

#include "ingest/ingestworker.h"
#include "verify/cryptoprimitives.h"

#include <QMetaMethod>

namespace pnm {

IngestService::IngestService(QObject *parent) : QObject(parent), m_worker(new IngestWorker)
{
    qRegisterMetaType<pnm::RecordedRequest>();
    qRegisterMetaType<QList<pnm::RecordedRequest>>();
    qRegisterMetaType<pnm::HttpLimits>();
    qRegisterMetaType<pnm::IngestOptions>();
    qRegisterMetaType<pnm::SessionStoreOptions>();
    m_thread.setObjectName(QStringLiteral("pnm-ingest"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // finished() is emitted on the ending thread itself; a direct call frees its OpenSSL state
    // there (LeakSanitizer reports it otherwise).
    connect(&m_thread, &QThread::finished, [] { crypto::releaseThreadState(); });
    connect(m_worker, &IngestWorker::requestsRecorded, this,
            [this](const QList<RecordedRequest> &requests) {
                emit requestsRecorded(requests);
                if (isSignalConnected(QMetaMethod::fromSignal(&IngestService::requestRecorded))) {
                    for (const RecordedRequest &request : requests)
                        emit requestRecorded(request);
                }
            });
    connect(m_worker, &IngestWorker::sessionOpened, this, &IngestService::sessionOpened);
    connect(m_worker, &IngestWorker::storeFailed, this, &IngestService::storeFailed);
    connect(m_worker, &IngestWorker::storeRecovered, this, &IngestService::storeRecovered);
    connect(m_worker, &IngestWorker::requestsRemoved, this, &IngestService::requestsRemoved);
    connect(m_worker, &IngestWorker::connectionCountChanged, this,
            &IngestService::connectionCountChanged);
    connect(m_worker, &IngestWorker::listening, this,
            [this](const QHostAddress &address, quint16 port) {
                m_listening = true;
                m_address = address;
                m_port = port;
                emit listening(address, port);
            });
    connect(m_worker, &IngestWorker::listenFailed, this, [this](const QString &error) {
        m_listening = false;
        emit listenFailed(error);
    });
    connect(m_worker, &IngestWorker::stopped, this, [this] {
        m_listening = false;
        emit stopped();
    });
    m_thread.start();
}

IngestService::~IngestService()
{
    // The worker and its sockets are deleted on their own thread as it finishes.
    m_thread.quit();
    m_thread.wait();
}

void IngestService::start(const QHostAddress &address, quint16 port, const HttpLimits &limits,
                          const IngestOptions &options)
{
    QMetaObject::invokeMethod(
        m_worker, [=, worker = m_worker] { worker->start(address, port, limits, options); },
        Qt::QueuedConnection);
}

void IngestService::setSession(const SessionStoreOptions &session)
{
    QMetaObject::invokeMethod(
        m_worker, [session, worker = m_worker] { worker->setSession(session); },
        Qt::QueuedConnection);
}

void IngestService::stop()
{
    QMetaObject::invokeMethod(m_worker, &IngestWorker::stop, Qt::QueuedConnection);
}

void IngestService::setOptions(const IngestOptions &options)
{
    QMetaObject::invokeMethod(
        m_worker, [options, worker = m_worker] { worker->setOptions(options); },
        Qt::QueuedConnection);
}

} // namespace pnm
