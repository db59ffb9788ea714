// Appends recorded requests to a session file with group commits, on a thread of its own: all
// that arrives while one transaction is being made durable goes into the next one. append() may
// be called from any thread; completions are reported on the writer thread.
#pragma once

#include "ingest/recordedrequest.h"
#include "store/fileidentity.h"
#include "store/sessionretention.h"
#include "store/sessionstoreoptions.h"
#include "store/sqlitestatement.h"

#include <QList>
#include <QLockFile>
#include <QString>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace pnm {

class SessionWriter
{
public:
    using Done = std::function<void(bool stored)>;
    // Called on the writer thread once per transaction with the completions of its requests.
    // Without one, the completions themselves are called there.
    using BatchHandler = std::function<void(QList<Done> dones, bool stored, const QString &error)>;
    // Unix ms now, for retention by age; injected by tests.
    using Clock = std::function<qint64()>;
    // The requests a retention limit removed (their sequence numbers), after the delete is
    // committed; writer thread.
    using RemovedHandler = SessionRetention::RemovedHandler;

    SessionWriter() = default;
    ~SessionWriter();
    SessionWriter(const SessionWriter &) = delete;
    SessionWriter &operator=(const SessionWriter &) = delete;

    // Starts the writer thread and waits until the file is open (created or continued). Fails if
    // another writer (this process or another) has the session open.
    // Blocks briefly: call it from a worker thread, not the GUI thread.
    bool open(const SessionStoreOptions &options, BatchHandler handler, QString *error,
              Clock clock = {});
    // Commits what is queued, then stops the thread and closes the file.
    void close();
    bool isOpen() const { return m_thread.joinable(); }
    // The highest sequence number in the file when it was opened (0 for a new session).
    quint64 lastSequenceAtOpen() const { return m_lastSeqAtOpen; }
    quint64 countAtOpen() const { return m_countAtOpen; }

    // Set before open(): who hears of the requests retention removes.
    void setRemovedHandler(RemovedHandler handler) { m_onRemoved = std::move(handler); }

    void append(const RecordedRequest &request, Done done);
    // New retention limits for the open session (0 keeps all), applied on the writer thread.
    void setRetention(qint64 maxRequests, qint64 maxAgeSecs);

private:
    struct Pending
    {
        RecordedRequest request;
        Done done;
    };
    void run(const SessionStoreOptions &options);
    bool prepareStatements(class SessionDatabase &db, QString *error);
    // Writes one batch, hands its completions back; false when it could not be stored.
    bool commitBatch(class SessionDatabase &db, QList<Pending> &batch, SessionRetention &retention);
    bool writeBatch(class SessionDatabase &db, const QList<Pending> &batch, QString *error);
    void logOutcome(bool stored, qsizetype count, const QString &why);

    // Writer thread only; prepared once, used for every transaction.
    SqliteStatement m_begin, m_insert, m_commit, m_rollback;
    // Writer thread only: the file opened, and the failure being reported (empty while writing).
    FileIdentity m_fileIdentity;
    QString m_failure;
    qsizetype m_refusedSinceFailure = 0;
    // FILE.lock while open: one writer per session, across processes. Another writer would
    // reuse sequence numbers and make every commit fail (503s); refusing to open says why.
    std::unique_ptr<QLockFile> m_lock;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<Pending> m_pending;
    struct RetentionChange
    {
        bool pending = false;
        qint64 maxRequests = 0;
        qint64 maxAgeSecs = 0;
    };
    RetentionChange m_retentionChange;
    bool m_stopping = false;
    // Open handshake between open() and the thread.
    bool m_openDone = false;
    bool m_openOk = false;
    QString m_openError;
    BatchHandler m_handler;
    RemovedHandler m_onRemoved;
    Clock m_clock;
    quint64 m_lastSeqAtOpen = 0;
    quint64 m_countAtOpen = 0;
};

} // namespace pnm
