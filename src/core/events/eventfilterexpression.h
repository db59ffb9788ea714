// Reads an EventFilter from one line of text, for the command line and saved filters:
//   event:participant_joined,participant_left  room:room01  verdict:failed  alice "two words"
// `event:`, `room:` and `verdict:` (valid, failed, unverified) take comma-separated values; every
// other word is free text searched in the decoded fields, as in the window's search box.
#pragma once

#include "events/eventfilter.h"

#include <optional>

namespace pnm {

std::optional<EventFilter> parseEventFilterExpression(const QString &expression, QString *error);

} // namespace pnm
