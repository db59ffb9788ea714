#include "requestbatcher.h"

namespace pnm {

RequestBatcher::RequestBatcher(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kBatchIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RequestBatcher::flush);
}

void RequestBatcher::add(const PreparedRow &row)
{
    ++m_received;
    m_pending.append(row);
    // The timer starts with the first request of a batch and is not restarted by later ones:
    // a steady stream still publishes every interval instead of waiting for a gap. Paused, it
    // announces the held count as often: once per request, the window's status bar cost more
    // than everything else a held request costs.
    if (!m_timer.isActive())
        m_timer.start();
}

void RequestBatcher::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    emit pausedChanged(paused);
    if (paused) {
        m_timer.stop();
        return;
    }
    flush();
}

void RequestBatcher::flush()
{
    m_timer.stop();
    if (m_paused) {
        emit heldCountChanged(m_pending.size());
        return;
    }
    if (m_pending.isEmpty())
        return;
    const QList<PreparedRow> batch = std::exchange(m_pending, {});
    emit batchReady(batch);
    emit heldCountChanged(0);
}

void RequestBatcher::discardPending()
{
    m_timer.stop();
    m_pending.clear();
    emit heldCountChanged(0);
}

} // namespace pnm
