// The Raw tab's content: a request exactly as received (request line, header fields in their
// original order and casing, body), and the same request as a cURL command that replays it.
// Pure functions, any thread.
#pragma once

#include "ingest/recordedrequest.h"

namespace pnm {

class RawRequestText
{
public:
    // Bytes that are not valid UTF-8 are shown as \xNN so the text view never hides them.
    static QString text(const RecordedRequest &request);
    // `baseUrl` like "http://127.0.0.1:8787"; the request target is appended.
    static QString curlCommand(const RecordedRequest &request, const QString &baseUrl);
};

} // namespace pnm
