// The Summary tab's content: a request's decoded event as labelled fields (event, room,
// participant, track, recording...), its times in local and UTC, and how long after `created_at`
// it arrived. Pure functions, any thread.
#pragma once

#include "ingest/recordedrequest.h"
#include "texttablemodel.h"

namespace pnm {

class RequestSummary
{
public:
    static QList<TextRow> fields(const RecordedRequest &request);
};

} // namespace pnm
