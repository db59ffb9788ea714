// Plug-N-Meet's delivery retry rules (protocol.md section 7, go-retryablehttp v0.7.8 with
// RetryMax = 2): which outcomes are retried and how long to wait first. A value type; the
// waits are scaled so tests and quick demos need not wait whole seconds.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace pnm {

struct RetryPolicy
{
    static constexpr int kDefaultMaxAttempts = 3;
    static constexpr qint64 kMinWaitMs = 1000;  // RetryWaitMin
    static constexpr qint64 kMaxWaitMs = 30000; // RetryWaitMax; Retry-After is not capped

    int maxAttempts = kDefaultMaxAttempts;
    double waitScale = 1.0; // multiplies every wait; 0 retries at once

    // status 0 means no HTTP answer at all (connection refused, reset, ...).
    static bool shouldRetry(int status);
    // The unscaled wait before attempt (failedAttempt + 1), failedAttempt counting from 1:
    // 1 s, 2 s, 4 s... capped at 30 s; for 429 and 503 a Retry-After header (delta seconds or an
    // HTTP date, compared with nowUtc) replaces it.
    static qint64 waitMs(int failedAttempt, int status, const QByteArray &retryAfter,
                         const QDateTime &nowUtc);
    // Retry-After as milliseconds from nowUtc, or nothing when absent or unreadable.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);

    qint64 scaled(qint64 waitMs) const { return qint64(double(waitMs) * waitScale); }
};

} // namespace pnm
