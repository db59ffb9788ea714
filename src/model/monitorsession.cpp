#include "monitorsession.h"

#include "ingest/ingestservice.h"

#include <QHostInfo>

namespace pnm {

MonitorSession::MonitorSession(IngestService *service, QObject *parent)
    : QObject(parent), m_service(service)
{
    m_proxy.setSourceModel(&m_model);
    connect(m_service, &IngestService::requestRecorded, this, &MonitorSession::handleRecorded);
    connect(&m_batcher, &RequestBatcher::batchReady, this, &MonitorSession::handleBatch);
    connect(&m_batcher, &RequestBatcher::heldCountChanged, this, &MonitorSession::statsChanged);
    connect(m_service, &IngestService::listening, this,
            [this](const QHostAddress &address, quint16 port) {
                m_listening = true;
                m_address = address;
                m_port = port;
                m_lastError.clear();
                emit listeningChanged(true);
            });
    connect(m_service, &IngestService::listenFailed, this, [this](const QString &error) {
        m_listening = false;
        m_lastError = error;
        emit listenFailed(error);
        emit listeningChanged(false);
    });
    connect(m_service, &IngestService::stopped, this, [this] {
        m_listening = false;
        m_connections = 0; // the listener and its connections are gone
        emit listeningChanged(false);
        emit statsChanged();
    });
    connect(m_service, &IngestService::sessionOpened, this, &MonitorSession::handleSessionOpened);
    connect(m_service, &IngestService::connectionCountChanged, this, [this](int open) {
        m_connections = open;
        emit statsChanged();
    });
    connect(&m_history, &SessionRowLoader::rowsAppended, this, [this] {
        // Earlier requests retention removed may have been read before they went.
        if (!m_removed.isEmpty() && !m_removalTimer.isActive())
            m_removalTimer.start();
        emit statsChanged();
    });
    connect(&m_history, &SessionRowLoader::finished, this, [this](quint64 count) {
        releaseWaiting();
        emit historyLoadFinished(count);
    });
    const auto failed = [this](const QString &error) {
        releaseWaiting();
        emit historyFailed(error);
    };
    connect(&m_history, &SessionRowLoader::openFailed, this, failed);
    connect(&m_history, &SessionRowLoader::loadFailed, this, failed);
    connect(m_service, &IngestService::storeFailed, this, [this](const QString &error) {
        m_storeError = error;
        emit storeFailed(error);
    });
    connect(m_service, &IngestService::storeRecovered, this, [this] {
        m_storeError.clear();
        emit storeRecovered();
    });
    connect(m_service, &IngestService::requestsRemoved, this, &MonitorSession::handleRemoved);
    m_removalTimer.setSingleShot(true);
    m_removalTimer.setInterval(kRemovalIntervalMs);
    connect(&m_removalTimer, &QTimer::timeout, this, &MonitorSession::applyRemovals);
    connect(&m_batcher, &RequestBatcher::pausedChanged, this, [this](bool paused) {
        if (!paused)
            applyRemovals();
    });
    connect(&m_poster, &TestEventPoster::finished, this, &MonitorSession::testEventFinished);
    m_rateTimer.setInterval(kRateIntervalMs);
    connect(&m_rateTimer, &QTimer::timeout, this, &MonitorSession::updateRate);
    m_rateTimer.start();
}

void MonitorSession::handleSessionOpened(const QString &path, quint64 already, quint64 lastSeq)
{
    m_details.attach(path);
    if (path != m_sessionPath) {
        m_sessionPath = path;
        emit sessionPathChanged(path);
    }
    if (already == 0 || path == m_historyPath)
        return;
    // This signal comes before any request of this run, and those are numbered after lastSeq:
    // the file's rows up to it are the earlier ones, the rest reach the table live.
    m_historyPath = path;
    m_historyExpected = already;
    m_history.load(path, lastSeq);
    emit statsChanged();
}

void MonitorSession::releaseWaiting()
{
    const QList<PreparedRow> waiting = std::exchange(m_waiting, {});
    m_model.appendPrepared(withoutRemoved(waiting));
    emit statsChanged();
}

QList<PreparedRow> MonitorSession::withoutRemoved(const QList<PreparedRow> &rows)
{
    if (m_removed.isEmpty())
        return rows;
    QList<PreparedRow> kept;
    QList<PreparedRow> gone;
    kept.reserve(rows.size());
    for (const PreparedRow &prepared : rows)
        (m_removed.remove(prepared.row.seq) ? gone : kept).append(prepared);
    m_model.discardPrepared(gone);
    return kept;
}

void MonitorSession::handleRemoved(const QList<quint64> &seqs)
{
    for (const quint64 seq : seqs)
        m_removed.insert(seq);
    if (!m_removalTimer.isActive())
        m_removalTimer.start();
}

void MonitorSession::applyRemovals()
{
    if (m_removed.isEmpty() || m_batcher.isPaused())
        return;
    m_model.removeSeqs(m_removed.values());
    // The table receives requests in sequence order: a number up to the highest it has seen is
    // either gone now or will never come (cleared, or removed before it was read). Higher ones
    // are still on their way.
    const quint64 highest = m_model.highestSeq();
    m_removed.removeIf([highest](quint64 seq) { return seq <= highest; });
    emit statsChanged();
}

void MonitorSession::setSessionStore(const SessionStoreOptions &store)
{
    m_store = store;
    m_service->setSession(store);
    if (store.path != m_sessionPath) {
        m_sessionPath = store.path;
        emit sessionPathChanged(m_sessionPath);
    }
}

void MonitorSession::setRetention(qint64 maxRequests, qint64 maxAgeSecs)
{
    SessionStoreOptions store = m_store;
    store.maxRequests = maxRequests;
    store.maxAgeSecs = maxAgeSecs;
    setSessionStore(store);
}

QString MonitorSession::webhookUrl() const
{
    QHostAddress address = m_listening ? m_address : m_config.address;
    const quint16 port = m_listening ? m_port : m_config.port;
    QString host;
    if (address.isEqual(QHostAddress::Any, QHostAddress::ConvertUnspecifiedAddress))
        host = QHostInfo::localHostName(); // what a remote Plug-N-Meet server would use
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + address.toString() + u']';
    else
        host = address.toString();
    return QStringLiteral("http://%1:%2/").arg(host).arg(port);
}

void MonitorSession::start(const ListenConfig &config)
{
    const bool restart = !m_configured || !m_listening || config.address != m_config.address ||
                         config.port != m_config.port ||
                         config.limits.maxBodyBytes != m_config.limits.maxBodyBytes;
    m_config = config;
    m_configured = true;
    if (restart)
        m_service->start(config.address, config.port, config.limits, config.options);
    else
        m_service->setOptions(config.options);
}

void MonitorSession::stop()
{
    m_service->stop();
}

void MonitorSession::setPaused(bool paused)
{
    m_batcher.setPaused(paused);
    emit statsChanged();
}

void MonitorSession::clear()
{
    // Clear empties the table: the earlier requests are not brought back either.
    m_history.cancel();
    m_waiting.clear();
    m_batcher.discardPending();
    m_details.clear();
    m_model.clear();
    emit statsChanged();
}

void MonitorSession::sendTestEvent()
{
    if (!m_listening) {
        emit testEventFinished(false, tr("Not listening: start the listener first."));
        return;
    }
    m_poster.post(m_address, m_port, m_config.options.keys);
}

void MonitorSession::handleRecorded(const RecordedRequest &request)
{
    // The details first, as the request arrives: a view may ask for them as soon as the row is
    // shown. Only the row waits for the batch (or the end of a pause).
    m_details.add({request});
    m_batcher.add(m_model.prepare(request));
}

void MonitorSession::handleBatch(const QList<PreparedRow> &rows)
{
    if (m_history.isLoading()) {
        m_waiting.append(rows);
        emit statsChanged();
        return;
    }
    m_model.appendPrepared(withoutRemoved(rows));
    emit statsChanged();
}

void MonitorSession::updateRate()
{
    const quint64 received = m_batcher.receivedCount();
    const int rate = int(received - m_rateBase);
    m_rateBase = received;
    if (rate != m_eventsPerSecond) {
        m_eventsPerSecond = rate;
        emit statsChanged();
    }
}

} // namespace pnm
