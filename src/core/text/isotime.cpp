#include "text/isotime.h"

#include <QDateTime>
#include <algorithm>

namespace pnm::isotime {

namespace {

struct CivilTime
{
    qint64 year, month, day, secOfDay;
};

// Days since 1970-01-01 to the proleptic Gregorian date (H. Hinnant's civil_from_days).
CivilTime civil(qint64 secs)
{
    const qint64 days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1,
            secs - days * 86400};
}

void put(char *at, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i, value /= 10)
        at[i] = char('0' + value % 10);
}

// Writes "YYYY-MM-DDTHH:MM:SS" (19 chars) into text.
void putDateTime(char *text, const CivilTime &t)
{
    put(text, t.year, 4);
    text[4] = '-';
    put(text + 5, t.month, 2);
    text[7] = '-';
    put(text + 8, t.day, 2);
    text[10] = 'T';
    put(text + 11, t.secOfDay / 3600, 2);
    text[13] = ':';
    put(text + 14, t.secOfDay / 60 % 60, 2);
    text[16] = ':';
    put(text + 17, t.secOfDay % 60, 2);
}

} // namespace

std::optional<QString> fromSecs(qint64 secs)
{
    // Far outside any calendar year the arithmetic would overflow; QDateTime says no too.
    constexpr qint64 kLimit = 400'000'000'000LL;
    if (secs < -kLimit || secs > kLimit)
        return std::nullopt;
    const CivilTime t = civil(secs);
    // Qt has no year 0 (ISO 0000 is its year -1) and writes no ISO text for it: neither do we.
    if (t.year < 1 || t.year > 9999)
        return std::nullopt;
    char text[20];
    putDateTime(text, t);
    text[19] = 'Z';
    return QString::fromLatin1(text, 20);
}

QString fromMSecs(qint64 msecs)
{
    // Floor division without negating (INT64_MIN has no positive counterpart).
    const qint64 secs = msecs / 1000 - (msecs % 1000 < 0 ? 1 : 0);
    constexpr qint64 kLimit = 400'000'000'000LL;
    const CivilTime t = civil(std::clamp(secs, -kLimit, kLimit));
    if (secs < -kLimit || secs > kLimit || t.year < 1 || t.year > 9999)
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
    char text[24];
    putDateTime(text, t);
    text[19] = '.';
    put(text + 20, msecs - secs * 1000, 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

} // namespace pnm::isotime
