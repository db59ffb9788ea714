#include "store/sessionwriter.h"

#include "store/fileidentity.h"
#include "store/requestrow.h"
#include "store/sessiondatabase.h"
#include "store/sessionretention.h"
#include "store/storelog.h"
#include "store/walcheckpointer.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace pnm {

namespace {
constexpr qsizetype kMaxBatchRows = 4096;
// How often the log is copied into the database file off the commit path (WalCheckpointer).
constexpr int kCheckpointIntervalMs = 100;
} // namespace

SessionWriter::~SessionWriter()
{
    close();
}

bool SessionWriter::open(const SessionStoreOptions &options, BatchHandler handler, QString *error,
                         Clock clock)
{
    close();
    const QFileInfo info(options.path);
    if (!info.dir().exists()) {
        if (error)
            *error = QStringLiteral("%1: the folder %2 does not exist")
                         .arg(options.path, info.dir().path());
        return false;
    }
    // A lock left by a killed process names a dead pid; QLockFile treats that as stale.
    m_lock = std::make_unique<QLockFile>(options.path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    qint64 pid = 0;
    QString host, application;
    // An empty or garbled lock file names no process, so QLockFile would never call it stale.
    // Removing it succeeds only when no process holds its native lock, as a live owner does;
    // one that is starting creates the file a moment before it locks it and writes its pid, so
    // only a file some seconds old is taken for left over.
    constexpr qint64 kUnreadableLockAgeMs = 5000;
    const auto leftOver = [&options] {
        const QDateTime modified = QFileInfo(options.path + QStringLiteral(".lock")).lastModified();
        return modified.isValid() &&
               modified.msecsTo(QDateTime::currentDateTime()) > kUnreadableLockAgeMs;
    };
    const bool locked =
        m_lock->tryLock(0) || (m_lock->error() == QLockFile::LockFailedError &&
                               !m_lock->getLockInfo(&pid, &host, &application) && leftOver() &&
                               m_lock->removeStaleLockFile() && m_lock->tryLock(0));
    if (!locked) {
        m_lock->getLockInfo(&pid, &host, &application);
        if (error)
            *error =
                m_lock->error() != QLockFile::LockFailedError
                    ? QStringLiteral("%1: cannot create the lock file %1.lock").arg(options.path)
                : pid == 0 ? QStringLiteral("%1: another process holds the lock file %1.lock")
                                 .arg(options.path)
                           : QStringLiteral("%1: already being recorded by process %2 (%3)")
                                 .arg(options.path)
                                 .arg(pid)
                                 .arg(application);
        m_lock.reset();
        return false;
    }
    m_handler = std::move(handler);
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
    m_stopping = false;
    m_openDone = false;
    m_thread = std::thread([this, options] { run(options); });
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_openDone; });
    if (m_openOk)
        return true;
    lock.unlock();
    m_thread.join();
    m_lock.reset();
    if (error)
        *error = m_openError;
    return false;
}

void SessionWriter::close()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    m_lock.reset(); // unlocks and removes FILE.lock
}

void SessionWriter::append(const RecordedRequest &request, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending.append({request, std::move(done)});
    }
    m_wake.notify_one();
}

void SessionWriter::setRetention(qint64 maxRequests, qint64 maxAgeSecs)
{
    {
        std::lock_guard lock(m_mutex);
        m_retentionChange = {true, maxRequests, maxAgeSecs};
    }
    m_wake.notify_one();
}

void SessionWriter::run(const SessionStoreOptions &options)
{
    SessionDatabase db;
    // The statements live on db's connection: freed before it closes, on every way out of here.
    const auto finalizeStatements = qScopeGuard([this] {
        for (SqliteStatement *statement : {&m_begin, &m_insert, &m_commit, &m_rollback})
            statement->finalize();
    });
    QString error;
    bool ok = db.open(options.path, SessionDatabase::Mode::Create, &error);
    m_fileIdentity = FileIdentity::of(options.path);
    if (ok) {
        QSqlQuery query(db.db());
        ok = query.exec(options.indexFingerprints
                            ? QStringLiteral("CREATE INDEX IF NOT EXISTS requests_fingerprint ON "
                                             "requests(fingerprint)")
                            : QStringLiteral("DROP INDEX IF EXISTS requests_fingerprint")) &&
             query.exec(QStringLiteral("SELECT coalesce(max(seq), 0), count(*) FROM requests")) &&
             query.next();
        if (ok) {
            m_lastSeqAtOpen = query.value(0).toULongLong();
            m_countAtOpen = query.value(1).toULongLong();
        } else {
            error = QStringLiteral("%1: %2").arg(options.path, query.lastError().text());
        }
    }
    QString prepareError;
    if (ok && !prepareStatements(db, &prepareError)) {
        ok = false;
        error = QStringLiteral("%1: %2").arg(options.path, prepareError);
    }
    // Declared after the connection, so it stops (and closes its own) before that one closes.
    // Started before open() returns, while the path still names the file opened above: its
    // connection opens the file and its log by name.
    WalCheckpointer checkpointer;
    QString checkpointError;
    if (ok &&
        !checkpointer.start(options.path, m_fileIdentity, kCheckpointIntervalMs, &checkpointError))
        qCWarning(lcStore) << "background checkpoints off for" << options.path << ":"
                           << checkpointError;
    {
        std::lock_guard lock(m_mutex);
        m_openDone = true;
        m_openOk = ok;
        m_openError = error;
    }
    m_wake.notify_all();
    if (!ok)
        return;
    qCDebug(lcStore) << "recording into" << options.path << "after" << m_countAtOpen << "requests";

    // Declared after the connection: its statements are freed before that one closes.
    SessionRetention retention;
    if (!retention.prepare(db.db(), options, m_countAtOpen, m_clock, &error))
        qCWarning(lcStore) << "retention off for" << options.path << ":" << error;
    retention.setRemovedHandler(m_onRemoved);

    RetentionChange retentionChange;
    for (;;) {
        QList<Pending> batch;
        {
            std::unique_lock lock(m_mutex);
            const auto ready = [this, &retention] {
                return m_stopping || !m_pending.isEmpty() || m_retentionChange.pending ||
                       retention.hasBacklog();
            };
            // Limits are looked at again while nothing arrives: requests age, and the last ones
            // before a quiet spell may still lie beyond a count.
            if (retention.isEnabled())
                m_wake.wait_for(lock, std::chrono::milliseconds(SessionRetention::kIntervalMs),
                                ready);
            else
                m_wake.wait(lock, ready);
            retentionChange = std::exchange(m_retentionChange, {});
            if (m_stopping && m_pending.isEmpty())
                break;
            // Bounded transactions: an import or a burst of millions must not become one
            // commit (memory, WAL size, and the answers of early requests would wait for all).
            if (m_pending.size() <= kMaxBatchRows) {
                batch.swap(m_pending);
            } else {
                batch = m_pending.first(kMaxBatchRows);
                m_pending.remove(0, kMaxBatchRows);
            }
        }
        if (retentionChange.pending)
            retention.setLimits(retentionChange.maxRequests, retentionChange.maxAgeSecs);
        if (!batch.isEmpty() && !commitBatch(db, batch, retention)) {
            retention.postpone(); // a store that cannot write is not asked to delete either
            continue;
        }
        retention.afterTurn();
    }
    if (retentionChange.pending)
        retention.setLimits(retentionChange.maxRequests, retentionChange.maxAgeSecs);
    retention.finish();
}

bool SessionWriter::commitBatch(SessionDatabase &db, QList<Pending> &batch,
                                SessionRetention &retention)
{
    QString why;
    const bool stored = writeBatch(db, batch, &why);
    if (stored)
        retention.added(batch.size());
    logOutcome(stored, batch.size(), why);
    QList<Done> dones;
    dones.reserve(batch.size());
    for (Pending &pending : batch)
        dones.append(std::move(pending.done));
    if (m_handler) {
        m_handler(std::move(dones), stored, why);
    } else {
        for (Done &done : dones) {
            if (done)
                done(stored);
        }
    }
    return stored;
}

void SessionWriter::logOutcome(bool stored, qsizetype count, const QString &why)
{
    // A store that cannot write fails every batch until someone acts: one line per cause, and
    // the count refused when it writes again, rather than a line per batch.
    if (stored) {
        if (!m_failure.isEmpty())
            qCWarning(lcStore) << "storing again after refusing" << m_refusedSinceFailure
                               << "requests:" << m_failure;
        m_failure.clear();
        m_refusedSinceFailure = 0;
        return;
    }
    if (why != m_failure)
        qCWarning(lcStore) << "cannot store requests:" << why;
    m_failure = why;
    m_refusedSinceFailure += count;
}

bool SessionWriter::prepareStatements(SessionDatabase &db, QString *error)
{
    // Prepared once per writer: parsing them for every transaction showed in profiles.
    return m_begin.prepare(db.db(), "BEGIN", error) &&
           m_insert.prepare(db.db(), RequestRow::insertStatement(), error) &&
           m_commit.prepare(db.db(), "COMMIT", error) &&
           m_rollback.prepare(db.db(), "ROLLBACK", error);
}

bool SessionWriter::writeBatch(SessionDatabase &db, const QList<Pending> &batch, QString *error)
{
    // SQLite keeps writing to a file that was deleted under it; that would silently lose
    // everything, so a vanished or replaced file is a failure (the sender gets 503 and retries).
    const FileIdentity now = FileIdentity::of(db.path());
    if (!now.isValid()) {
        *error = QStringLiteral("%1: the session file was removed").arg(db.path());
        return false;
    }
    if (now != m_fileIdentity) {
        *error = QStringLiteral("%1: the session file was replaced by another file").arg(db.path());
        return false;
    }
    QString why;
    if (!m_begin.run(&why)) {
        *error = QStringLiteral("%1: %2").arg(db.path(), why);
        return false;
    }
    for (const Pending &pending : batch) {
        if (!RequestRow::insert(m_insert, pending.request, &why)) {
            *error = QStringLiteral("%1: %2").arg(db.path(), why);
            m_rollback.run(&why);
            return false;
        }
    }
    if (!m_commit.run(&why)) {
        *error = QStringLiteral("%1: %2").arg(db.path(), why);
        m_rollback.run(&why);
        return false;
    }
    return true;
}

} // namespace pnm
