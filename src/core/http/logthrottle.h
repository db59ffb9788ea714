// Keeps a log from growing with an attack: at most a number of lines a second get through, and
// the next line let through says how many were held back. Anyone who can reach the port can
// make every request a rejection, and each rejection was a line on stderr. One per thread that
// logs (a listener's connections share their thread's).
#pragma once

#include <QtGlobal>
#include <functional>

namespace pnm {

class LogThrottle
{
public:
    using Clock = std::function<qint64()>; // monotonic ms; injected by tests
    static constexpr int kDefaultLinesPerSecond = 20;

    explicit LogThrottle(int linesPerSecond = kDefaultLinesPerSecond, Clock clock = {});

    // Whether a line may be logged now. When it may, *heldBack is how many were not since the
    // last one that was (0 most of the time).
    bool admit(qint64 *heldBack);

private:
    int m_linesPerSecond;
    Clock m_clock;
    qint64 m_windowStartMs = 0;
    int m_admittedInWindow = 0;
    qint64 m_heldBack = 0;
};

} // namespace pnm
