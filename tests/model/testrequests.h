// Builds RecordedRequests for model tests without a listener: an event of a given name in a
// room, from a participant, with a verdict. Header-only helper for tests/model.
#pragma once

#include "ingest/recordedrequest.h"

namespace pnm::test {

inline RecordedRequest makeRequest(quint64 seq, const QString &event, const QString &roomId,
                                   const QString &identity, Verdict verdict = Verdict::Valid)
{
    RecordedRequest request;
    request.seq = seq;
    request.receivedAtMs = 1'764'180'000'000 + qint64(seq) * 10;
    request.remoteAddress = QStringLiteral("127.0.0.1");
    request.method = "POST";
    request.target = "/";
    request.status = 200;
    request.body = QByteArray(int(100 + seq % 7), 'x');
    request.verification.verdict = verdict;
    request.event.bodyKind = WebhookEvent::BodyKind::Object;
    request.event.event = event;
    request.event.id = QStringLiteral("id-%1").arg(seq);
    request.event.family = event.startsWith(QLatin1String("participant")) ? EventFamily::Participant
                                                                          : EventFamily::Room;
    EventRoom room;
    room.roomId = roomId;
    room.title = QStringLiteral("Title of ") + roomId;
    request.event.room = room;
    if (!identity.isEmpty()) {
        EventParticipant participant;
        participant.identity = identity;
        participant.name = identity.toUpper();
        request.event.participant = participant;
    }
    return request;
}

} // namespace pnm::test
