// One monitoring session as the window sees it: the ingest service's results flowing through the
// batcher into the table model, the detail source (the session file being recorded, or memory),
// the filter proxy, counters, the events per second and the store's health. A continued session
// file's earlier requests are loaded into the table first. Owns no widgets; the window only
// shows it. GUI thread.
#pragma once

#include "eventfilterproxy.h"
#include "eventtablemodel.h"
#include "http/httprequest.h"
#include "ingest/ingestoptions.h"
#include "liverequestdetails.h"
#include "requestbatcher.h"
#include "sessionrowloader.h"
#include "store/sessionstoreoptions.h"
#include "testeventposter.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace pnm {

class IngestService;

struct ListenConfig
{
    static constexpr quint16 kDefaultPort = 8787;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = kDefaultPort;
    HttpLimits limits;
    IngestOptions options;
};

class MonitorSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRateIntervalMs = 1000;
    // How often rows retention removed leave the table (the writer removes a few hundred at a
    // time, many times a second).
    static constexpr int kRemovalIntervalMs = 250;

    // The service runs on its own thread (app/ or a test creates it) and must outlive this.
    explicit MonitorSession(IngestService *service, QObject *parent = nullptr);

    EventTableModel *model() { return &m_model; }
    EventFilterProxy *proxy() { return &m_proxy; }
    RequestBatcher *batcher() { return &m_batcher; }
    LiveRequestDetails *details() { return &m_details; }

    // Where the service records from the next start() on (empty path: nothing on disk).
    void setSessionStore(const pnm::SessionStoreOptions &store);
    // New retention limits (0 keeps all), for the file being recorded at once.
    void setRetention(qint64 maxRequests, qint64 maxAgeSecs);
    const pnm::SessionStoreOptions &sessionStore() const { return m_store; }
    // The session file being recorded (or about to be); empty with --no-session.
    const QString &sessionPath() const { return m_sessionPath; }
    bool isRecordingToDisk() const { return !m_sessionPath.isEmpty(); }
    // Why the store cannot write (senders get 503); empty while it is healthy.
    const QString &storeError() const { return m_storeError; }

    const ListenConfig &config() const { return m_config; }
    bool isListening() const { return m_listening; }
    QHostAddress listenAddress() const { return m_address; }
    quint16 listenPort() const { return m_port; }
    // The URL to put into Plug-N-Meet's config.yaml (client.webhook_conf.url).
    QString webhookUrl() const;

    quint64 totalCount() const { return quint64(m_model.rowCount()); }
    quint64 failedCount() const { return m_model.failedCount(); }
    qsizetype heldCount() const { return m_batcher.heldCount(); }
    quint64 receivedCount() const { return m_batcher.receivedCount(); }
    int eventsPerSecond() const { return m_eventsPerSecond; }
    // Connections the listener holds open (0 while not listening).
    int connectionCount() const { return m_connections; }
    QString lastError() const { return m_lastError; }

    // A continued session's earlier requests loading into the table; live requests wait
    // meanwhile (none is lost), so the table stays in sequence order.
    bool isLoadingHistory() const { return m_history.isLoading(); }
    quint64 historyLoaded() const { return m_history.loadedCount(); }
    quint64 historyExpected() const { return m_historyExpected; }
    qsizetype waitingCount() const { return m_waiting.size(); }

public slots:
    // Starts listening, or applies a new configuration: keys, leeway and the reject policy
    // apply at once; a new address, port or body limit restarts the listener. The table stays.
    void start(const pnm::ListenConfig &config);
    void stop();
    void setPaused(bool paused);
    void clear();
    void sendTestEvent();

signals:
    void listeningChanged(bool listening);
    void listenFailed(const QString &error);
    void statsChanged();
    void testEventFinished(bool ok, const QString &message);
    void sessionPathChanged(const QString &path);
    void storeFailed(const QString &error);
    void storeRecovered();
    // The earlier requests of a continued session are in the table (or could not all be read).
    void historyLoadFinished(quint64 count);
    void historyFailed(const QString &error);

private:
    void handleSessionOpened(const QString &path, quint64 already, quint64 lastSeq);
    void releaseWaiting();
    void handleRecorded(const pnm::RecordedRequest &request);
    void handleBatch(const QList<pnm::PreparedRow> &rows);
    void handleRemoved(const QList<quint64> &seqs);
    // Takes what retention removed out of the table (not while paused: the table holds still).
    void applyRemovals();
    // The rows whose requests retention has not removed already (those never reach the table).
    QList<PreparedRow> withoutRemoved(const QList<PreparedRow> &rows);
    void updateRate();

    IngestService *m_service;
    EventTableModel m_model;
    EventFilterProxy m_proxy;
    RequestBatcher m_batcher;
    LiveRequestDetails m_details;
    SessionRowLoader m_history{&m_model};
    QString m_historyPath; // loaded once per file: a listener restart reopens the same one
    quint64 m_historyExpected = 0;
    QList<PreparedRow> m_waiting; // live rows that arrived while the history loads
    QString m_sessionPath;
    pnm::SessionStoreOptions m_store;
    QString m_storeError;
    TestEventPoster m_poster;
    ListenConfig m_config;
    bool m_configured = false;
    bool m_listening = false;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_lastError;
    QTimer m_rateTimer;
    quint64 m_rateBase = 0;
    int m_eventsPerSecond = 0;
    int m_connections = 0;
    // Requests retention removed from the file that the table has not dropped yet: some may not
    // have reached it (held by the batcher, or not loaded yet). Applied on a coalescing timer.
    QSet<quint64> m_removed;
    QTimer m_removalTimer;
};

} // namespace pnm
