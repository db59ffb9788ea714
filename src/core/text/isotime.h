// RFC 3339 UTC text for unix times, formatted by hand: the same text QDateTime gives with
// Qt::ISODate / Qt::ISODateWithMs, several times faster, for what runs once per request (the
// verifier's step details, the headless output line). Any thread.
#pragma once

#include <QString>
#include <optional>

namespace pnm::isotime {

// "2026-01-01T00:00:00Z"; nullopt outside the years 0001-9999.
std::optional<QString> fromSecs(qint64 secs);
// "2026-01-01T00:00:00.123Z"; QDateTime's text outside the years 0001-9999.
QString fromMSecs(qint64 msecs);

} // namespace pnm::isotime
