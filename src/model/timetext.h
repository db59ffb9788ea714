// How the detail pane writes instants and durations: local and UTC side by side, so an operator
// can compare with server logs in either. Pure functions, any thread.
#pragma once

#include <QString>

namespace pnm {

// "2026-11-26 19:03:07.123 (local) · 18:03:07.123 UTC"
QString instantText(qint64 unixMs);
// Unix seconds: "1764180187 = 2026-11-26 19:03:07 (local) · 18:03:07 UTC"
QString unixSecondsText(qint64 unixSecs);
// "+2.5 s", "-1 min 3 s", "0 ms"
QString durationText(qint64 ms);

} // namespace pnm
