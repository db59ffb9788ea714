#include "store/sessionretention.h"

#include "store/storelog.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <algorithm>
#include <limits>

namespace pnm {

namespace {
// Longer ages keep everything; the bound keeps the millisecond arithmetic in range.
constexpr qint64 kMaxAgeSecs = std::numeric_limits<qint64>::max() / 1000 / 4;
} // namespace

bool SessionRetention::prepare(const QSqlDatabase &database, const SessionStoreOptions &options,
                               quint64 rows, Clock clock, QString *error)
{
    finalize();
    m_path = options.path;
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
    m_rows = qint64(rows);
    m_removed = 0;
    m_maxRequests = m_maxAgeMs = 0;
    m_backlog = false;
    m_sinceCheck.start();
    // Prepared even without limits: they may be set while recording (setLimits).
    // Both walk an index from its low end: a step costs the rows it deletes, whatever the file's
    // size (an OFFSET from the newest row walked every kept row each time).
    if (!m_deleteOldest.prepare(database,
                                "DELETE FROM requests WHERE seq IN "
                                "(SELECT seq FROM requests ORDER BY seq LIMIT ?1) RETURNING seq",
                                error) ||
        !m_deleteOlderThan.prepare(database,
                                   "DELETE FROM requests WHERE seq IN "
                                   "(SELECT seq FROM requests WHERE received_at_ms < ?1 "
                                   "ORDER BY received_at_ms LIMIT ?2) RETURNING seq",
                                   error)) {
        finalize();
        return false;
    }
    setLimits(options.maxRequests, options.maxAgeSecs);
    return true;
}

void SessionRetention::setLimits(qint64 maxRequests, qint64 maxAgeSecs)
{
    if (!m_deleteOldest.isPrepared())
        return;
    m_maxRequests = std::max<qint64>(maxRequests, 0);
    m_maxAgeMs = std::clamp<qint64>(maxAgeSecs, 0, kMaxAgeSecs) * 1000;
    // Look at once: a continued session, or a lower limit, may leave rows beyond them.
    m_backlog = isEnabled();
}

void SessionRetention::finalize()
{
    m_deleteOldest.finalize();
    m_deleteOlderThan.finalize();
}

void SessionRetention::afterTurn()
{
    if (!isEnabled())
        return;
    if (!m_backlog && m_sinceCheck.elapsed() >= kIntervalMs)
        m_backlog = true;
    if (!m_backlog)
        return;
    m_backlog = step();
    if (!m_backlog) {
        m_sinceCheck.restart();
        reportRemoved();
    }
}

void SessionRetention::postpone()
{
    m_backlog = false;
    m_sinceCheck.restart();
}

void SessionRetention::finish()
{
    if (!isEnabled())
        return;
    while (step()) {
    }
    m_backlog = false;
    reportRemoved();
}

bool SessionRetention::step()
{
    QString error;
    qint64 budget = kStepRows;
    if (m_maxRequests > 0 && m_rows > m_maxRequests) {
        qint64 removed = 0;
        m_deleteOldest.bindInteger(1, std::min(m_rows - m_maxRequests, budget));
        if (!deleteRows(m_deleteOldest, &removed, &error)) {
            qCWarning(lcStore) << "retention by count failed for" << m_path << ":" << error;
            return false;
        }
        // Nothing to remove although the count says so: it was off; stop rather than spin.
        if (removed == 0)
            m_rows = m_maxRequests;
        budget -= removed;
        if (m_rows > m_maxRequests || budget == 0)
            return true;
    }
    if (m_maxAgeMs > 0) {
        qint64 removed = 0;
        m_deleteOlderThan.bindInteger(1, m_clock() - m_maxAgeMs);
        m_deleteOlderThan.bindInteger(2, budget);
        if (!deleteRows(m_deleteOlderThan, &removed, &error)) {
            qCWarning(lcStore) << "retention by age failed for" << m_path << ":" << error;
            return false;
        }
        return removed == budget; // a whole step: more may be that old
    }
    return false;
}

bool SessionRetention::deleteRows(SqliteStatement &statement, qint64 *removed, QString *error)
{
    // Each delete is its own transaction: once run() returns, the rows are gone for good.
    QList<quint64> seqs;
    if (!statement.run(&seqs, error))
        return false;
    *removed = seqs.size();
    m_rows -= *removed;
    m_removed += *removed;
    if (m_onRemoved && !seqs.isEmpty())
        m_onRemoved(seqs);
    return true;
}

void SessionRetention::reportRemoved()
{
    if (m_removed > 0)
        qCInfo(lcStore) << "retention removed" << m_removed << "requests from" << m_path;
    m_removed = 0;
}

} // namespace pnm
