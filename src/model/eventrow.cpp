#include "eventrow.h"

namespace pnm {

namespace {

QString eventLabel(const RecordedRequest &request)
{
    if (!request.protocolError.isEmpty() && request.status == 0)
        return QStringLiteral("(client closed)"); // it went away before we could answer
    if (!request.protocolError.isEmpty())
        return QStringLiteral("(rejected %1)").arg(request.status);
    if (!request.event.event.isEmpty())
        return request.event.event;
    switch (request.event.bodyKind) {
    case WebhookEvent::BodyKind::Empty:
        return QStringLiteral("(empty body)");
    case WebhookEvent::BodyKind::NotJson:
        return QStringLiteral("(not JSON)");
    case WebhookEvent::BodyKind::NotObject:
        return QStringLiteral("(not an object)");
    case WebhookEvent::BodyKind::Object:
        break;
    }
    return QStringLiteral("(no event name)");
}

QString labelWithId(const QString &label, const QString &id)
{
    if (label.isEmpty() || label == id)
        return id;
    if (id.isEmpty())
        return label;
    return label + QStringLiteral(" (") + id + u')';
}

QString trackLabel(const EventTrack &track)
{
    QStringList parts{track.type, track.source, track.sid};
    parts.removeAll(QString());
    return parts.join(u' ');
}

// The non-empty fields, each matched on its own by the search (see EventRow).
QString detail(QStringList fields)
{
    fields.removeAll(QString());
    return fields.join(kFieldSeparator);
}

// Mirrors EventFilter::searchableFields part by part, so that the window finds what --filter
// finds; tst_eventfilterproxy checks that every searchable field is found.
QString otherDetail(const RecordedRequest &request)
{
    const WebhookEvent &event = request.event;
    QStringList fields{event.parseError, request.protocolError};
    if (event.recording)
        fields << event.recording->recordId << event.recording->recorderMsg
               << event.recording->filePath;
    if (event.artifact)
        fields << event.artifact->type << event.artifact->artifactId << event.artifact->userName
               << event.artifact->filePath;
    if (event.analytics)
        fields << event.analytics->fileId;
    if (event.speechService)
        fields << event.speechService->userId;
    return detail(fields);
}

} // namespace

EventRow buildEventRow(const RecordedRequest &request, StringPool *pool)
{
    const WebhookEvent &event = request.event;
    EventRow row;
    row.seq = request.seq;
    row.receivedAtMs = request.receivedAtMs;
    row.eventName = pool->intern(eventLabel(request));
    if (event.room) {
        const EventRoom &room = *event.room;
        row.roomId = pool->intern(room.roomId);
        row.room = pool->intern(labelWithId(room.title, room.roomId));
        row.roomDetail = pool->intern(detail({room.roomId, room.title, room.sid}));
    }
    if (event.participant) {
        const EventParticipant &who = *event.participant;
        row.participant = pool->intern(labelWithId(who.name, who.identity));
        row.participantDetail =
            pool->intern(detail({who.identity, who.name, who.sid, who.disconnectReason}));
    }
    if (event.track) {
        const EventTrack &track = *event.track;
        row.track = pool->intern(trackLabel(track));
        row.trackDetail =
            pool->intern(detail({track.sid, track.name, track.source, track.mimeType}));
    }
    row.sender = pool->intern(request.remoteAddress);
    row.otherDetail = pool->intern(otherDetail(request));
    row.bodyBytes = quint32(qMin<qsizetype>(request.bodySize(), UINT32_MAX));
    row.status = quint16(request.status);
    row.verdict = request.verification.verdict;
    row.family = event.family;
    row.rejectedByHttp = !request.protocolError.isEmpty();
    return row;
}

} // namespace pnm
