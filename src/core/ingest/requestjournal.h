// Where the ingest pipeline puts each recorded request before it answers (the session store
// implements this). Called on the ingest thread; `done` may be called from any thread, once.
#pragma once

#include "ingest/recordedrequest.h"

#include <functional>

namespace pnm {

class RequestJournal
{
public:
    using Done = std::function<void(bool stored)>;
    virtual ~RequestJournal() = default;
    // The pipeline answers the sender only after done(true): "an event we answered 200 is on
    // disk". done(false) means it could not be stored; the sender then gets 503 and retries.
    virtual void append(const RecordedRequest &request, Done done) = 0;
};

} // namespace pnm
