// One row of the live event table, compact: numbers, a verdict and ids into a StringPool. Built
// once per request when its batch is published, so the model's data() only looks things up.
// GUI thread.
#pragma once

#include "events/webhookevent.h"
#include "ingest/recordedrequest.h"
#include "stringpool.h"

namespace pnm {

// Between the fields of a detail string: a control character no typed search contains.
inline constexpr char16_t kFieldSeparator = u'\x1f';

struct EventRow
{
    quint64 seq = 0;
    qint64 receivedAtMs = 0;
    // StringPool ids: the shown text, and what the filters compare. The free text searches
    // each distinct string once per query. The decoded fields of each part (room, participant,
    // track, the rest) are also joined into one detail string per part, separated by
    // kFieldSeparator so that each field is matched on its own: per part rather than per row,
    // so a million rows share a few thousand strings. The event id is unique per event and
    // lives in the model's EventIdIndex instead.
    quint32 eventName = 0;         // "participant_joined", or "(rejected 413)", "(not JSON)", ...
    quint32 roomId = 0;            // for the room filter
    quint32 room = 0;              // "Title (room_id)" or just the id
    quint32 participant = 0;       // "Name (identity)"
    quint32 track = 0;             // "VIDEO CAMERA TR_x"
    quint32 sender = 0;            // remote address
    quint32 roomDetail = 0;        // room id, title, sid
    quint32 participantDetail = 0; // identity, name, sid, disconnect reason
    quint32 trackDetail = 0;       // sid, name, source, MIME type
    quint32 otherDetail = 0;       // recording, artifact, analytics, speech; parse and HTTP errors
    quint32 bodyBytes = 0;
    quint16 status = 0;
    Verdict verdict = Verdict::MissingToken;
    EventFamily family = EventFamily::Unknown;
    bool rejectedByHttp = false;
};

EventRow buildEventRow(const RecordedRequest &request, StringPool *pool);

// Calls `visit(quint32 &id)` for each of the row's StringPool ids: whatever renumbers the pool
// maps them all in one place.
template <typename Visit> void forEachStringId(EventRow &row, Visit visit)
{
    for (quint32 *id :
         {&row.eventName, &row.roomId, &row.room, &row.participant, &row.track, &row.sender,
          &row.roomDetail, &row.participantDetail, &row.trackDetail, &row.otherDetail})
        visit(*id);
}

// A request's row built ahead of its batch (EventTableModel::prepare), with the event id: all the
// table needs of the request. Holding it costs a row's bytes, not the request's (its headers,
// body and parsed JSON, several kilobytes). Its strings are in the pool of the table that made it,
// as it was in `tableGeneration`.
struct PreparedRow
{
    EventRow row;
    QString eventId;
    quint32 tableGeneration = 0;
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::PreparedRow)
