#include "timetext.h"

#include <QDateTime>

namespace pnm {

QString instantText(qint64 unixMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(unixMs, Qt::LocalTime);
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
           QStringLiteral(" (local) \u00b7 ") + utc.toString(QStringLiteral("HH:mm:ss.zzz")) +
           QStringLiteral(" UTC");
}

QString unixSecondsText(qint64 unixSecs)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(unixSecs, Qt::LocalTime);
    const QDateTime utc = QDateTime::fromSecsSinceEpoch(unixSecs, Qt::UTC);
    return QString::number(unixSecs) + QStringLiteral(" = ") +
           local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(" (local) \u00b7 ") +
           utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString durationText(qint64 ms)
{
    const QString sign = ms > 0 ? QStringLiteral("+") : ms < 0 ? QStringLiteral("-") : QString();
    const qint64 magnitude = ms < 0 ? -ms : ms;
    if (magnitude < 1000)
        return sign + QString::number(magnitude) + QStringLiteral(" ms");
    if (magnitude < 60'000)
        return sign + QString::number(double(magnitude) / 1000.0, 'f', 1) + QStringLiteral(" s");
    const qint64 minutes = magnitude / 60'000;
    const qint64 seconds = (magnitude % 60'000) / 1000;
    return sign + QString::number(minutes) + QStringLiteral(" min ") + QString::number(seconds) +
           QStringLiteral(" s");
}

} // namespace pnm
