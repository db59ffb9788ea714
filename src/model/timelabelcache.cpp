#include "timelabelcache.h"

#include <QDateTime>

namespace pnm {

QString TimeLabelCache::label(qint64 unixMs) const
{
    const qint64 secs = unixMs >= 0 ? unixMs / 1000 : (unixMs - 999) / 1000;
    const int millis = int(unixMs - secs * 1000);
    auto found = m_secondLabels.constFind(secs);
    if (found == m_secondLabels.constEnd()) {
        // A view shows a few dozen rows at a time; the cache only has to cover what is visible
        // and recently scrolled, so a full reset is cheaper than tracking use.
        if (m_secondLabels.size() >= kMaxEntries)
            m_secondLabels.clear();
        const QString text =
            QDateTime::fromSecsSinceEpoch(secs, Qt::LocalTime).toString(QStringLiteral("HH:mm:ss"));
        found = m_secondLabels.insert(secs, text);
    }
    return found.value() + u'.' + QString::number(millis).rightJustified(3, u'0');
}

} // namespace pnm
