#include "sign/meetingscenario.h"

#include "sign/eventbuilder.h"

#include <algorithm>
#include <cmath>

namespace pnm {

namespace {

// Non-ASCII names on purpose: real bodies carry raw UTF-8 (protocol.md 8.17).
const QStringList kNames = {QStringLiteral("Alice Ångström"), QStringLiteral("Bo Nakamura 中村"),
                            QStringLiteral("Chloé Dubois"),   QStringLiteral("Dmitri Ivanov"),
                            QStringLiteral("Esther O'Neill"), QStringLiteral("Farid Haddad"),
                            QStringLiteral("Grace Mwangi"),   QStringLiteral("Hiroshi Tanaka"),
                            QStringLiteral("Ingrid Solberg"), QStringLiteral("José Álvarez")};

const QStringList kTitles = {QStringLiteral("Weekly meeting"), QStringLiteral("Réunion hebdo"),
                             QStringLiteral("Design review"), QStringLiteral("週次ミーティング"),
                             QStringLiteral("Customer call")};

QString roomName(const MeetingOptions &options, int index)
{
    return options.roomPrefix + QStringLiteral("%1").arg(index + 1, 2, 10, QLatin1Char('0'));
}

SimParticipant makeParticipant(int index, QRandomGenerator &random)
{
    SimParticipant who;
    who.sid = EventBuilder::liveKitId(QStringLiteral("PA_"), random);
    who.identity = QStringLiteral("user_%1").arg(1001 + index);
    who.name = kNames.at(index % kNames.size());
    if (index >= kNames.size())
        who.name += QStringLiteral(" %1").arg(index / kNames.size() + 1);
    who.isAdmin = index == 0;
    return who;
}

} // namespace

QList<PlannedEvent> MeetingScenario::planRoom(const MeetingOptions &options, int roomIndex,
                                              QRandomGenerator &random)
{
    const qint64 durationMs = std::max<qint64>(options.durationSecs, 60) * 1000;
    const qint64 staggerMs = qint64(roomIndex) * 3000;
    const qint64 startMs = options.startSecs * 1000 + staggerMs;
    const int count = std::max(options.participants, 0);
    auto at = [&](double fraction) { return staggerMs + qint64(fraction * double(durationMs)); };

    SimRoom room;
    room.roomId = roomName(options, roomIndex);
    room.sid = EventBuilder::uuidV4(random);
    room.metadataId = EventBuilder::uuidV4(random);
    room.title = kTitles.at(roomIndex % kTitles.size());
    room.creationTime = startMs / 1000;
    room.analyticsEnabled = options.analytics;

    QList<PlannedEvent> events;
    auto add = [&](const QString &name, qint64 offsetMs) -> EventSpec & {
        PlannedEvent planned;
        planned.spec.event = name;
        planned.spec.room = room;
        planned.offsetMs = offsetMs;
        planned.roomIndex = roomIndex;
        events.append(planned);
        return events.last().spec;
    };
    auto addTrack = [&](const QString &name, qint64 offsetMs, const SimParticipant &who,
                        const SimTrack &track) {
        EventSpec &spec = add(name, offsetMs);
        spec.participant = who;
        spec.track = track;
    };

    add(QStringLiteral("room_created"), staggerMs);
    add(QStringLiteral("room_started"), at(0.01) + 1000);

    int nextMid = 0;
    for (int i = 0; i < count; ++i) {
        SimParticipant who = makeParticipant(i, random);
        const qint64 joinMs =
            at(0.01) + 1500 + qint64((i + 0.5) * 0.14 * double(durationMs) / count);
        const qint64 leaveMs = at(0.85) + qint64(i * 0.1 * double(durationMs) / count);
        who.joinedAtMs = options.startSecs * 1000 + joinMs;
        add(QStringLiteral("participant_joined"), joinMs).participant = who;

        QList<SimTrack> tracks;
        SimTrack mic{SimTrack::Kind::Microphone, EventBuilder::liveKitId("TR_", random), nextMid++,
                     0};
        tracks.append(mic);
        if (i % 3 != 2) // every third participant joins with audio only
            tracks.append(
                {SimTrack::Kind::Camera, EventBuilder::liveKitId("TR_", random), nextMid++, 0});
        for (int t = 0; t < tracks.size(); ++t) {
            const qint64 publishMs = joinMs + 400 + t * 900;
            tracks[t].publishedAtMicros = (options.startSecs * 1000 + publishMs) * 1000 + 123;
            addTrack(QStringLiteral("track_published"), publishMs, who, tracks[t]);
            addTrack(QStringLiteral("track_unpublished"), leaveMs - 900 + t * 300, who, tracks[t]);
        }
        if (i == 0 && options.screenShare) {
            SimTrack screen{SimTrack::Kind::ScreenShare, EventBuilder::liveKitId("TR_", random),
                            nextMid++, 0};
            screen.publishedAtMicros = (options.startSecs * 1000 + at(0.3)) * 1000 + 456;
            addTrack(QStringLiteral("track_published"), at(0.3), who, screen);
            addTrack(QStringLiteral("track_unpublished"), at(0.6), who, screen);
        }
        add(QStringLiteral("participant_left"), leaveMs).participant = who;
    }

    // Recorder ids are "<room sid>-<unix ms>" (protocol.md 5.3).
    const QString recordId = QStringLiteral("%1-%2").arg(room.sid).arg(startMs + at(0.16));
    const QString rtmpId = QStringLiteral("%1-%2").arg(room.sid).arg(startMs + at(0.17));
    if (options.recording)
        add(QStringLiteral("start_recording"), at(0.16)).recordId = recordId;
    if (options.rtmp)
        add(QStringLiteral("start_rtmp"), at(0.17)).recordId = rtmpId;

    const qint64 endMs = staggerMs + durationMs;
    add(QStringLiteral("session_ended"), endMs);
    if (options.recording)
        add(QStringLiteral("end_recording"), endMs + 2000).recordId = recordId;
    if (options.rtmp)
        add(QStringLiteral("end_rtmp"), endMs + 2500).recordId = rtmpId;
    add(QStringLiteral("room_finished"), endMs + 3000);
    if (options.recording) {
        const double sizeMb = std::round(double(durationMs) / 1000.0 * 1.25) / 100.0;
        const QString path = QStringLiteral("node_01/%1/%2.mp4").arg(room.roomId, recordId);
        for (const QString &name : {QStringLiteral("recording_proceeded"),
                                    QStringLiteral("recording_transcoding_finished")}) {
            EventSpec &spec = add(name, endMs + (name.startsWith(u"recording_p") ? 40000 : 45000));
            spec.recordId = recordId;
            spec.filePath = path;
            spec.fileSizeMb = sizeMb;
        }
    }
    if (options.analytics) {
        const QString artifactId = EventBuilder::uuidV4(random);
        EventSpec &artifact = add(QStringLiteral("artifact_created"), endMs + 50000);
        artifact.artifactId = artifactId;
        artifact.filePath = QStringLiteral("%1/analytics/analytics-%2-%3.json")
                                .arg(room.roomId, room.sid)
                                .arg(startMs + endMs + 50000);
        artifact.artifactFileBytes = 12000 + 4000 * count;
        add(QStringLiteral("analytics_proceeded"), endMs + 51000).artifactId = artifactId;
    }

    std::stable_sort(
        events.begin(), events.end(),
        [](const PlannedEvent &a, const PlannedEvent &b) { return a.offsetMs < b.offsetMs; });

    // Walk in order so counts and the recording flags in the room metadata match each moment.
    quint32 present = 0;
    bool recording = false, rtmp = false;
    for (PlannedEvent &planned : events) {
        EventSpec &spec = planned.spec;
        if (spec.event == u"participant_joined")
            ++present;
        else if (spec.event == u"participant_left" && present > 0)
            --present;
        else if (spec.event == u"start_recording" || spec.event == u"end_recording")
            recording = spec.event.startsWith(u"start");
        else if (spec.event == u"start_rtmp" || spec.event == u"end_rtmp")
            rtmp = spec.event.startsWith(u"start");
        spec.numParticipants = present;
        spec.isRecording = recording;
        spec.isActiveRtmp = rtmp;
        spec.createdAt = options.startSecs + planned.offsetMs / 1000;
        EventBuilder::assignId(spec, random);
    }
    return events;
}

QList<PlannedEvent> MeetingScenario::plan(const MeetingOptions &options, QRandomGenerator &random)
{
    QList<PlannedEvent> all;
    for (int room = 0; room < std::max(options.rooms, 0); ++room)
        all += planRoom(options, room, random);
    // Stable: within one room the order planRoom chose survives equal timestamps.
    std::stable_sort(all.begin(), all.end(), [](const PlannedEvent &a, const PlannedEvent &b) {
        return a.offsetMs < b.offsetMs;
    });
    return all;
}

EventSpec MeetingScenario::sample(const QString &event, qint64 nowSecs, QRandomGenerator &random)
{
    EventSpec spec;
    spec.event = event;
    spec.createdAt = nowSecs;
    spec.room.sid = EventBuilder::uuidV4(random);
    spec.room.metadataId = EventBuilder::uuidV4(random);
    spec.room.creationTime = event == u"room_created" ? nowSecs : nowSecs - 600;
    spec.numParticipants = event == u"participant_left" || event == u"room_finished" ? 0 : 1;
    SimParticipant who = makeParticipant(0, random);
    who.joinedAtMs = (nowSecs - 300) * 1000 + 412;
    spec.participant = who;
    spec.track = SimTrack{SimTrack::Kind::Camera, EventBuilder::liveKitId("TR_", random), 1,
                          (nowSecs - 290) * 1000000 + 123456};
    spec.recordId = QStringLiteral("%1-%2").arg(spec.room.sid).arg((nowSecs - 500) * 1000 + 42);
    spec.isRecording = event == u"start_recording" || event == u"end_recording";
    if (event == u"recording_proceeded" || event == u"recording_transcoding_finished") {
        spec.filePath = QStringLiteral("node_01/%1/%2.mp4").arg(spec.room.roomId, spec.recordId);
        spec.fileSizeMb = 12.35;
    }
    spec.artifactId = EventBuilder::uuidV4(random);
    spec.filePath = spec.filePath.isEmpty() && event == u"artifact_created"
                        ? QStringLiteral("%1/analytics/analytics-%2-%3.json")
                              .arg(spec.room.roomId, spec.room.sid)
                              .arg(nowSecs * 1000)
                        : spec.filePath;
    spec.artifactFileBytes = 48213;
    spec.speechUserId = who.identity;
    if (event == u"speech_to_text_session_ended")
        spec.speechTotalUsageSecs = 1140;
    else if (event == u"speech_to_text_total_usage")
        spec.speechTotalUsageSecs = 2280;
    EventBuilder::assignId(spec, random);
    return spec;
}

} // namespace pnm
