// Runs the listener and the ingest pipeline on their own thread and reports to the thread that
// owns this object (the GUI or the headless main loop). Only value types cross between them.
#pragma once

#include "http/httprequest.h"
#include "ingest/ingestoptions.h"
#include "ingest/recordedrequest.h"
#include "store/sessionstoreoptions.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

namespace pnm {

class IngestWorker;

class IngestService : public QObject
{
    Q_OBJECT
public:
    explicit IngestService(QObject *parent = nullptr);
    ~IngestService() override;

    bool isListening() const { return m_listening; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }

public slots:
    // Asynchronous: answered by listening() or listenFailed(). Port 0 picks a free port.
    void start(const QHostAddress &address, quint16 port, const pnm::HttpLimits &limits,
               const pnm::IngestOptions &options);
    void stop();
    // New keys, leeway or reject policy apply from the next request on.
    void setOptions(const pnm::IngestOptions &options);
    // Where the next start() records (a session file, opened or created before listening), or
    // nothing when the path is empty. A file that cannot be opened makes start() fail.
    void setSession(const pnm::SessionStoreOptions &session);

signals:
    void listening(const QHostAddress &address, quint16 port);
    void listenFailed(const QString &error);
    void stopped();
    // Per request, in sequence order; and the same requests as they arrived together (cheaper
    // for consumers that handle many at once).
    void requestRecorded(const pnm::RecordedRequest &request);
    void requestsRecorded(const QList<pnm::RecordedRequest> &requests);
    // The session file is open; it already held this many requests (continued session), the
    // newest numbered `lastSeqThere` (0 for a new file). Requests recorded from now on are
    // numbered after it, so a reader can tell the file's earlier requests from this run's.
    void sessionOpened(const QString &path, quint64 requestsAlreadyThere, quint64 lastSeqThere);
    // The store cannot write: senders get 503 until storeRecovered(). Show it loudly.
    void storeFailed(const QString &error);
    void storeRecovered();
    // A retention limit removed these requests from the session file (sequence numbers). They
    // may come before the same requests' requestRecorded() has been handled.
    void requestsRemoved(const QList<quint64> &seqs);
    // Connections the listener holds open (closing ones not counted), whenever that changes.
    void connectionCountChanged(int open);

private:
    QThread m_thread;
    IngestWorker *m_worker;
    bool m_listening = false;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace pnm
