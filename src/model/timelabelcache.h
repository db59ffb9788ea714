// Formats receive times for the table ("14:03:07.123", local time) without building a QDateTime
// per call: the part up to the second is cached, only the milliseconds are appended. GUI thread.
#pragma once

#include <QHash>
#include <QString>

namespace pnm {

class TimeLabelCache
{
public:
    static constexpr qsizetype kMaxEntries = 8192;

    QString label(qint64 unixMs) const;

private:
    mutable QHash<qint64, QString> m_secondLabels;
};

} // namespace pnm
