#include "sign/retrypolicy.h"

#include <QLocale>
#include <algorithm>

namespace pnm {

bool RetryPolicy::shouldRetry(int status)
{
    // retryablehttp's DefaultRetryPolicy: connection errors, 429, and 5xx except 501.
    return status == 0 || status == 429 || (status >= 500 && status != 501);
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    // RFC 9110 section 10.2.3 and 5.6.7: an IMF-fixdate such as "Sun, 06 Nov 1994 08:49:37 GMT".
    const QString date = QString::fromLatin1(text);
    QDateTime when =
        QLocale::c().toDateTime(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(nowUtc.msecsTo(when), 0);
}

qint64 RetryPolicy::waitMs(int failedAttempt, int status, const QByteArray &retryAfter,
                           const QDateTime &nowUtc)
{
    if (status == 429 || status == 503) {
        if (const auto fromHeader = parseRetryAfter(retryAfter, nowUtc))
            return *fromHeader;
    }
    // RetryWaitMin * 2^(attempt-1), capped at RetryWaitMax (retryablehttp DefaultBackoff).
    const int exponent = std::clamp(failedAttempt - 1, 0, 16);
    return std::min(kMinWaitMs << exponent, kMaxWaitMs);
}

} // namespace pnm
