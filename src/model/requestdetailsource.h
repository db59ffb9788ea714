// Where the detail pane gets the full request (raw headers and body, verification steps) for a
// sequence number. The table keeps only compact rows; the session store implements this once it
// exists, InMemoryRequestStore until then. GUI thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <optional>

namespace pnm {

class RequestDetailSource
{
public:
    virtual ~RequestDetailSource() = default;
    virtual std::optional<RecordedRequest> request(quint64 seq) const = 0;
};

} // namespace pnm
