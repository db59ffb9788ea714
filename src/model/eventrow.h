// One row of the live event table, compact: numbers, a verdict and ids into a StringPool. Built
// once per request when its batch is published, so the model's data() only looks things up.
// GUI thread.
#pragma once

#include "events/webhookevent.h"
#include "ingest/recordedrequest.h"
#include "stringpool.h"

#include <QByteArray>
#include <limits>

namespace pnm {

struct EventRow
{
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    quint64 seq = 0;
    qint64 receivedAtMs = 0;
    qint64 createdAtSecs = kNoTime;
    QByteArray eventId; // UTF-8; unique per event so not worth interning
    // StringPool ids: shown text, and what the filters compare.
    quint32 eventName = 0;   // "participant_joined", or "(rejected)" / "(not JSON)" / "(empty)"
    quint32 roomId = 0;      // for the room filter
    quint32 room = 0;        // "Title (room_id)" or just the id
    quint32 participant = 0; // "Name (identity)"
    quint32 track = 0;       // "VIDEO CAMERA TR_x"
    quint32 sender = 0;      // remote address
    quint32 extra = 0;       // the remaining searchable fields, joined
    quint32 bodyBytes = 0;
    quint16 status = 0;
    Verdict verdict = Verdict::MissingToken;
    EventFamily family = EventFamily::Unknown;
    bool rejectedByHttp = false;
};

EventRow buildEventRow(const RecordedRequest &request, StringPool *pool);

} // namespace pnm
