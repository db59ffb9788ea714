#include "eventrow.h"

#include "events/eventfilter.h"

namespace pnm {

namespace {

QString eventLabel(const RecordedRequest &request)
{
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

} // namespace

EventRow buildEventRow(const RecordedRequest &request, StringPool *pool)
{
    const WebhookEvent &event = request.event;
    EventRow row;
    row.seq = request.seq;
    row.receivedAtMs = request.receivedAtMs;
    if (event.createdAt)
        row.createdAtSecs = *event.createdAt;
    row.eventId = event.id.toUtf8();
    row.eventName = pool->intern(eventLabel(request));
    if (event.room) {
        row.roomId = pool->intern(event.room->roomId);
        row.room = pool->intern(labelWithId(event.room->title, event.room->roomId));
    }
    if (event.participant)
        row.participant =
            pool->intern(labelWithId(event.participant->name, event.participant->identity));
    if (event.track)
        row.track = pool->intern(trackLabel(*event.track));
    row.sender = pool->intern(request.remoteAddress);
    // The shown columns are searched through their own ids; the rest (sids, messages, paths)
    // go into one joined string that repeats across a participant's or a room's events.
    QStringList fields = EventFilter::searchableFields(event);
    fields.removeAll(event.event);
    fields.removeAll(event.id);
    if (!request.protocolError.isEmpty())
        fields.append(request.protocolError);
    row.extra = pool->intern(fields.join(u'\n'));
    row.bodyBytes = quint32(qMin<qsizetype>(request.body.size(), UINT32_MAX));
    row.status = quint16(request.status);
    row.verdict = request.verification.verdict;
    row.family = event.family;
    row.rejectedByHttp = !request.protocolError.isEmpty();
    return row;
}

} // namespace pnm
