// Replaces what identifies people in a recorded request before it leaves the program (export
// --redact): participant names, identities and metadata, room metadata. Stateless; any thread.
#pragma once

#include "ingest/recordedrequest.h"

namespace pnm {

class Redactor
{
public:
    static constexpr char kMark[] = "[redacted]";
    // The body is rewritten (so its SHA-256 no longer matches the token: the verdict recorded
    // at receipt is kept) and the event decoded again from it.
    static RecordedRequest redact(const RecordedRequest &request);
};

} // namespace pnm
