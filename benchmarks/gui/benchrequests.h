// Helpers for the GUI benchmarks: the process's memory, and realistic-looking RecordedRequests: a
// few hundred rooms, thousands of participants, the usual mix of event types and a sprinkling of
// failed verifications.
#pragma once

#include "ingest/recordedrequest.h"

#include <QFile>
#include <QRandomGenerator>

namespace pnm::bench {

// Resident set size of this process in KiB (Linux), for memory-per-row figures.
inline long rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

inline RecordedRequest syntheticRequest(quint64 seq, QRandomGenerator &random)
{
    static const QStringList kEvents = {
        QStringLiteral("participant_joined"), QStringLiteral("participant_left"),
        QStringLiteral("track_published"),    QStringLiteral("track_unpublished"),
        QStringLiteral("room_started"),       QStringLiteral("room_finished"),
        QStringLiteral("start_recording"),    QStringLiteral("end_recording")};
    RecordedRequest request;
    request.seq = seq;
    request.receivedAtMs = 1'764'180'000'000 + qint64(seq) * 3;
    request.remoteAddress = QStringLiteral("10.0.0.%1").arg(random.bounded(4) + 1);
    request.status = 200;
    request.body = QByteArray(int(300 + random.bounded(900)), 'x');
    const int failed = random.bounded(100);
    request.verification.verdict = failed == 0   ? Verdict::HashMismatch
                                   : failed == 1 ? Verdict::Expired
                                                 : Verdict::Valid;
    WebhookEvent &event = request.event;
    event.bodyKind = WebhookEvent::BodyKind::Object;
    event.event = kEvents.at(random.bounded(int(kEvents.size())));
    event.id = QStringLiteral("%1-4c1e-9f00-%2")
                   .arg(seq, 8, 16, QLatin1Char('0'))
                   .arg(random.generate(), 8, 16, QLatin1Char('0'));
    event.family = event.event.startsWith(u'p')   ? EventFamily::Participant
                   : event.event.startsWith(u't') ? EventFamily::Track
                   : event.event.startsWith(u'r') ? EventFamily::Room
                                                  : EventFamily::Recording;
    const int room = random.bounded(300);
    EventRoom eventRoom;
    eventRoom.roomId = QStringLiteral("room-%1").arg(room);
    eventRoom.title = QStringLiteral("Weekly meeting %1").arg(room);
    eventRoom.sid = QStringLiteral("sid-%1").arg(room);
    event.room = eventRoom;
    if (event.family == EventFamily::Participant || event.family == EventFamily::Track) {
        const int user = random.bounded(5000);
        EventParticipant participant;
        participant.identity = QStringLiteral("user-%1").arg(user);
        participant.name = QStringLiteral("User %1").arg(user);
        participant.sid = QStringLiteral("PA_%1").arg(user);
        event.participant = participant;
    }
    if (event.family == EventFamily::Track) {
        EventTrack track;
        track.sid = QStringLiteral("TR_%1").arg(random.bounded(20000));
        track.type = QStringLiteral("VIDEO");
        track.source = QStringLiteral("CAMERA");
        event.track = track;
    }
    return request;
}

} // namespace pnm::bench
