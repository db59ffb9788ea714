// The session store as the ingest pipeline's RequestJournal: requests go to a SessionWriter and
// each completion comes back to this object's thread (the ingest thread), where the pipeline
// answers the sender. Reports store failures and recoveries as signals for the window to show.
#pragma once

#include "ingest/requestjournal.h"
#include "store/sessionwriter.h"

#include <QMutex>
#include <QObject>

namespace pnm {

class SessionJournal : public QObject, public RequestJournal
{
    Q_OBJECT
public:
    explicit SessionJournal(QObject *parent = nullptr);
    ~SessionJournal() override;

    // Opens or creates the session file; blocks until it is ready (ingest thread only).
    bool open(const SessionStoreOptions &options, QString *error);
    // Commits what is queued and runs every outstanding completion before returning.
    void close();
    const QString &path() const { return m_path; }
    quint64 lastSequenceAtOpen() const { return m_writer.lastSequenceAtOpen(); }
    quint64 countAtOpen() const { return m_writer.countAtOpen(); }
    bool isHealthy() const { return m_healthy; }

    void append(const RecordedRequest &request, Done done) override;
    // New retention limits for the open session (0 keeps all).
    void setRetention(qint64 maxRequests, qint64 maxAgeSecs)
    {
        m_writer.setRetention(maxRequests, maxAgeSecs);
    }

signals:
    // The store stopped accepting requests (disk full, file removed, read-only): senders now get
    // 503 until it recovers. Emitted once per outage, not per request.
    void storeFailed(const QString &error);
    void storeRecovered();
    // A retention limit removed these requests (sequence numbers, committed). Emitted on the
    // writer thread: receivers on other threads get it queued.
    void requestsRemoved(const QList<quint64> &seqs);

private:
    struct Completed
    {
        QList<SessionWriter::Done> dones;
        bool stored = false;
        QString error;
    };
    void handleBatch(QList<SessionWriter::Done> dones, bool stored, const QString &error);
    void drainCompleted();

    SessionWriter m_writer;
    QString m_path;
    bool m_healthy = true;
    QMutex m_mutex; // guards m_completed, filled on the writer thread
    QList<Completed> m_completed;
};

} // namespace pnm
