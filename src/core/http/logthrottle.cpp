#include "http/logthrottle.h"

#include <QElapsedTimer>
#include <utility>

namespace pnm {

namespace {
qint64 monotonicMs()
{
    static const QElapsedTimer started = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return started.elapsed();
}
} // namespace

LogThrottle::LogThrottle(int linesPerSecond, Clock clock)
    : m_linesPerSecond(linesPerSecond), m_clock(clock ? std::move(clock) : Clock(monotonicMs))
{
    m_windowStartMs = m_clock();
}

bool LogThrottle::admit(qint64 *heldBack)
{
    const qint64 now = m_clock();
    if (now - m_windowStartMs >= 1000) {
        m_windowStartMs = now;
        m_admittedInWindow = 0;
    }
    if (m_admittedInWindow >= m_linesPerSecond) {
        ++m_heldBack;
        return false;
    }
    ++m_admittedInWindow;
    *heldBack = std::exchange(m_heldBack, 0);
    return true;
}

} // namespace pnm
