// Keeps a session file within its retention limits (a count, an age) while it is recorded.
// The rows beyond a limit are deleted a step of a few hundred at a time, each step its own short
// transaction between the writer's group commits: one large delete held every waiting sender's
// answer for a quarter of a second at 17,000 requests/s. Writer thread only.
#pragma once

#include "store/sessionstoreoptions.h"
#include "store/sqlitestatement.h"

#include <QElapsedTimer>
#include <QList>
#include <functional>

class QSqlDatabase;

namespace pnm {

class SessionRetention
{
public:
    using Clock = std::function<qint64()>; // Unix ms now
    // Told the sequence numbers of the requests each delete removed, once it is committed (so
    // that a live table can drop them too). Called on the writer thread.
    using RemovedHandler = std::function<void(const QList<quint64> &seqs)>;
    // Rows deleted per step, and how often the limits are looked at again once met.
    static constexpr qint64 kStepRows = 256;
    static constexpr qint64 kIntervalMs = 1000;

    // `rows` is how many requests the file holds now; without a clock, the system's. Without
    // limits this does nothing until setLimits() gives some. False if the statements do not
    // compile (retention then stays off).
    bool prepare(const QSqlDatabase &database, const SessionStoreOptions &options, quint64 rows,
                 Clock clock, QString *error);
    void setRemovedHandler(RemovedHandler handler) { m_onRemoved = std::move(handler); }
    // New limits while recording (0 keeps all); looked at on the next turn.
    void setLimits(qint64 maxRequests, qint64 maxAgeSecs);
    // Frees the statements (before the connection closes).
    void finalize();

    bool isEnabled() const { return m_maxRequests > 0 || m_maxAgeMs > 0; }
    // True while rows beyond a limit are known to remain: the writer should not sleep.
    bool hasBacklog() const { return m_backlog; }
    // The writer committed this many new requests.
    void added(qint64 rows) { m_rows += rows; }

    // After each turn of the writer's loop: looks at the limits once per interval and deletes at
    // most one step of what lies beyond them.
    void afterTurn();
    // The store failed to write: look again after an interval rather than at once.
    void postpone();
    // Deletes everything beyond the limits (when the session closes).
    void finish();

private:
    // Deletes up to kStepRows; false once nothing beyond the limits remains, or on an error.
    bool step();
    // Runs a bound delete and counts what it removed.
    bool deleteRows(SqliteStatement &statement, qint64 *removed, QString *error);
    void reportRemoved();

    SqliteStatement m_deleteOldest;    // ?1 rows with the lowest sequence numbers
    SqliteStatement m_deleteOlderThan; // ?2 rows received before ?1, oldest first
    QString m_path;
    Clock m_clock;
    RemovedHandler m_onRemoved;
    qint64 m_maxRequests = 0;
    qint64 m_maxAgeMs = 0;
    qint64 m_rows = 0;
    qint64 m_removed = 0; // since the last report
    bool m_backlog = false;
    QElapsedTimer m_sinceCheck;
};

} // namespace pnm
