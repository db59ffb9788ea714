#include "sign/eventbuilder.h"

#include "sign/protojsonvalue.h"

#include <QUuid>

namespace pnm {

namespace {

using V = ProtoJsonValue;

const QStringList kRecorderEvents = {
    QStringLiteral("start_recording"),     QStringLiteral("end_recording"),
    QStringLiteral("start_rtmp"),          QStringLiteral("end_rtmp"),
    QStringLiteral("recording_proceeded"), QStringLiteral("recording_transcoding_finished")};

const QStringList kSpeechEvents = {QStringLiteral("speech_to_text_session_started"),
                                   QStringLiteral("speech_to_text_session_ended"),
                                   QStringLiteral("speech_to_text_total_usage")};

// Which NotifyEventRoom keys an event carries (protocol.md 6.1, "room keys" column).
enum class RoomShape
{
    Created,
    Full,
    TrackEvent,
    SessionEnded,
    IdsOnly
};

RoomShape roomShape(const QString &event)
{
    if (event == u"room_created")
        return RoomShape::Created;
    if (event == u"session_ended")
        return RoomShape::SessionEnded;
    if (event.startsWith(u"track_"))
        return RoomShape::TrackEvent;
    if (event == u"room_started" || event == u"room_finished" || event.startsWith(u"participant_"))
        return RoomShape::Full;
    return RoomShape::IdsOnly;
}

} // namespace

QString SimRoom::metadataJson(bool isRecording, bool isActiveRtmp) const
{
    // RoomMetadata is written with EmitUnpopulated (protocol.md 5.2): every scalar appears.
    ProtoJsonObject recording;
    recording.add("is_allow", V::boolean(true))
        .add("is_allow_cloud", V::boolean(true))
        .add("enable_auto_cloud_recording", V::boolean(false))
        .add("is_allow_local", V::boolean(false))
        .add("only_record_admin_webcams", V::boolean(false));
    ProtoJsonObject features;
    features.add("allow_webcams", V::boolean(true))
        .add("mute_on_start", V::boolean(false))
        .add("allow_screen_share", V::boolean(true))
        .add("allow_rtmp", V::boolean(true))
        .add("allow_view_other_webcams", V::boolean(true))
        .add("allow_view_other_users_list", V::boolean(true))
        .add("admin_only_webcams", V::boolean(false))
        .add("allow_polls", V::boolean(true))
        .add("enable_analytics", V::boolean(analyticsEnabled))
        .add("recording_features", V::object(recording));
    ProtoJsonObject metadata;
    metadata.add("room_title", V::string(title))
        .add("welcome_message", V::string(QStringLiteral("Welcome to <b>%1</b>").arg(title)))
        .add("is_recording", V::boolean(isRecording))
        .add("is_active_rtmp", V::boolean(isActiveRtmp))
        .add("parent_room_id", V::string(QString()))
        .add("is_breakout_room", V::boolean(false))
        .add("started_at", V::integer64(creationTime))
        .add("room_features", V::object(features))
        .add("metadata_id", V::string(metadataId));
    return QString::fromUtf8(metadata.toJson());
}

QStringList EventBuilder::eventNames()
{
    static const QStringList names =
        QStringList{QStringLiteral("room_created"),       QStringLiteral("room_started"),
                    QStringLiteral("participant_joined"), QStringLiteral("track_published"),
                    QStringLiteral("track_unpublished"),  QStringLiteral("participant_left"),
                    QStringLiteral("session_ended"),      QStringLiteral("room_finished")} +
        kRecorderEvents +
        QStringList{QStringLiteral("artifact_created"), QStringLiteral("analytics_proceeded")} +
        kSpeechEvents;
    return names;
}

bool EventBuilder::isLiveKitEvent(const QString &event)
{
    return event == u"room_started" || event == u"room_finished" ||
           event.startsWith(u"participant_") || event.startsWith(u"track_");
}

ProtoJsonObject EventBuilder::room(const EventSpec &spec)
{
    const SimRoom &room = spec.room;
    const RoomShape shape = roomShape(spec.event);
    ProtoJsonObject object; // NotifyEventRoom, declaration order (protocol.md 5.2)
    object.add("sid", V::string(room.sid)).add("room_id", V::string(room.roomId));
    if (shape == RoomShape::IdsOnly)
        return object;
    if (shape != RoomShape::SessionEnded) {
        object.add("empty_timeout", V::integer(room.emptyTimeoutSecs));
        object.add("max_participants", V::integer(room.maxParticipants));
    }
    // LiveKit sends track events without its full room: creation_time "0" (protocol.md 6.1).
    object.add("creation_time",
               V::integer64(shape == RoomShape::TrackEvent ? 0 : room.creationTime));
    if (shape == RoomShape::Full && !room.enabledCodecs.isEmpty()) {
        QList<ProtoJsonValue> codecs;
        for (const QString &mime : room.enabledCodecs)
            codecs.append(V::object(ProtoJsonObject().add("mime", V::string(mime))));
        object.add("enabled_codecs", V::array(codecs));
    }
    object.add("metadata", V::string(room.metadataJson(spec.isRecording, spec.isActiveRtmp)));
    if (shape == RoomShape::Full || shape == RoomShape::TrackEvent)
        object.add("num_participants",
                   V::integer(shape == RoomShape::TrackEvent ? 0 : spec.numParticipants));
    return object;
}

ProtoJsonObject EventBuilder::participant(const EventSpec &spec)
{
    const SimParticipant &who = *spec.participant;
    ProtoJsonObject object; // livekit.ParticipantInfo, declaration order (protocol.md 5.7)
    object.addIfSet("sid", who.sid).addIfSet("identity", who.identity);
    if (spec.event.startsWith(u"track_"))
        return object; // LiveKit's track events carry only these two (protocol.md 6.1)
    const bool left = spec.event == u"participant_left";
    object.add("state",
               V::string(left ? QStringLiteral("DISCONNECTED") : QStringLiteral("ACTIVE")));
    object.addInt64IfSet("joined_at", who.joinedAtMs / 1000);
    object.addInt64IfSet("joined_at_ms", who.joinedAtMs);
    object.addIfSet("name", who.name);
    object.add("version", V::integer(left ? 5 : 2));
    ProtoJsonObject permission;
    permission.add("can_subscribe", V::boolean(true))
        .add("can_publish", V::boolean(true))
        .add("can_publish_data", V::boolean(true))
        .add("can_update_metadata", V::boolean(true));
    object.add("permission", V::object(permission));
    object.add("is_publisher", V::boolean(true));
    ProtoJsonObject attributes; // map keys sorted bytewise
    attributes.add("is_admin", V::string(who.isAdmin ? QStringLiteral("true") : "false"))
        .add("lk.platform", V::string(QStringLiteral("web")));
    object.add("attributes", V::object(attributes));
    if (left)
        object.addIfSet("disconnect_reason", spec.disconnectReason);
    return object;
}

ProtoJsonObject EventBuilder::track(const SimTrack &track)
{
    ProtoJsonObject object; // livekit.TrackInfo, declaration order (protocol.md 5.7)
    object.add("sid", V::string(track.sid));
    const QByteArray mid = QByteArray::number(track.mid);
    const ProtoJsonValue version =
        V::object(ProtoJsonObject().addInt64IfSet("unix_micro", track.publishedAtMicros));
    if (track.kind == SimTrack::Kind::Microphone) {
        // type AUDIO and the enum zeros are left out (protocol.md section 4).
        object.add("name", V::string(QStringLiteral("microphone")))
            .add("source", V::string(QStringLiteral("MICROPHONE")))
            .add("mime_type", V::string(QStringLiteral("audio/red")))
            .add("mid", V::string(QString::fromLatin1(mid)))
            .add("version", version)
            .add("audio_features", V::array({V::string(QStringLiteral("TF_ECHO_CANCELLATION")),
                                             V::string(QStringLiteral("TF_NOISE_SUPPRESSION"))}));
        return object;
    }
    const bool camera = track.kind == SimTrack::Kind::Camera;
    const int width = camera ? 1280 : 1920, height = camera ? 720 : 1080;
    auto layer = [](const char *quality, int w, int h, int bitrate, int ssrc) {
        ProtoJsonObject l;
        if (quality)
            l.add("quality", V::string(QString::fromLatin1(quality))); // LOW (0) is left out
        return V::object(l.add("width", V::integer(w))
                             .add("height", V::integer(h))
                             .add("bitrate", V::integer(bitrate))
                             .add("ssrc", V::integer(ssrc)));
    };
    object.add("type", V::string(QStringLiteral("VIDEO")))
        .add("name", V::string(camera ? QStringLiteral("camera") : QStringLiteral("screen")))
        .add("width", V::integer(width))
        .add("height", V::integer(height));
    if (camera)
        object.add("simulcast", V::boolean(true));
    object.add("source", V::string(camera ? QStringLiteral("CAMERA") : "SCREEN_SHARE"));
    const qint64 ssrcBase = 1000 + track.mid * 100;
    QList<ProtoJsonValue> layers;
    if (camera) {
        layers = {layer(nullptr, 320, 180, 150000, int(ssrcBase + 1)),
                  layer("MEDIUM", 640, 360, 500000, int(ssrcBase + 2)),
                  layer("HIGH", 1280, 720, 1700000, int(ssrcBase + 3))};
    } else {
        layers = {layer("HIGH", 1920, 1080, 2500000, int(ssrcBase + 1))};
    }
    object.add("layers", V::array(layers))
        .add("mime_type", V::string(QStringLiteral("video/VP8")))
        .add("mid", V::string(QString::fromLatin1(mid)));
    ProtoJsonObject codec;
    codec.add("mime_type", V::string(QStringLiteral("video/VP8")))
        .add("mid", V::string(QString::fromLatin1(mid)))
        .add("cid", V::string(camera ? QStringLiteral("camera-%1").arg(track.mid)
                                     : QStringLiteral("screen-%1").arg(track.mid)))
        .add("layers", V::array({layers.last()}));
    object.add("codecs", V::array({V::object(codec)})).add("version", version);
    return object;
}

QByteArray EventBuilder::body(const EventSpec &spec, bool spaceAfterComma)
{
    ProtoJsonObject body; // CommonNotifyEvent, declaration order (protocol.md 5.1)
    body.add("event", V::string(spec.event));
    body.add("room", V::object(room(spec)));
    const bool participantEvent =
        spec.event.startsWith(u"participant_") || spec.event.startsWith(u"track_");
    if (participantEvent && spec.participant)
        body.add("participant", V::object(participant(spec)));
    if (kRecorderEvents.contains(spec.event)) {
        ProtoJsonObject info; // file_path and file_size are always set (protocol.md 5.3)
        info.addIfSet("record_id", spec.recordId)
            .addIfSet("recorder_id", spec.recorderId)
            .addIfSet("recorder_msg", spec.recorderMsg)
            .add("file_path", V::string(spec.filePath))
            .add("file_size", V::float32(float(spec.fileSizeMb)));
        body.add("recording_info", V::object(info));
    }
    if (kSpeechEvents.contains(spec.event)) {
        ProtoJsonObject speech;
        if (spec.event != u"speech_to_text_total_usage")
            speech.add("user_id", V::string(spec.speechUserId));
        speech.addInt64IfSet("total_usage", spec.speechTotalUsageSecs);
        body.add("speech_service", V::object(speech));
    }
    if (spec.event.startsWith(u"track_") && spec.track)
        body.add("track", V::object(track(*spec.track)));
    if (spec.event == u"analytics_proceeded")
        body.add("analytics",
                 V::object(ProtoJsonObject().add("file_id", V::string(spec.artifactId))));
    if (spec.event == u"artifact_created") {
        ProtoJsonObject metadata; // RoomArtifactMetadata (protocol.md 5.6)
        if (spec.artifactType.endsWith(u"_USAGE")) {
            ProtoJsonObject usage;
            usage.add("duration_sec", V::integer(spec.usageSeconds));
            usage.add("breakdown", V::object(ProtoJsonObject().add(
                                       "total_usage", V::integer64(spec.usageSeconds))));
            usage.add("duration_sec_estimated_cost", V::float64(spec.usageSeconds * 0.0000278));
            metadata.add("duration_usage", V::object(usage));
        } else {
            ProtoJsonObject file;
            file.addIfSet("file_path", spec.filePath)
                .addInt64IfSet("file_size", spec.artifactFileBytes)
                .add("mime_type", V::string(QStringLiteral("application/json")));
            metadata.add("file_info", V::object(file));
        }
        if (!spec.referenceArtifactId.isEmpty())
            metadata.add("reference_artifact_id", V::string(spec.referenceArtifactId));
        ProtoJsonObject artifact;
        artifact.addIfSet("type", spec.artifactType)
            .add("artifact_id", V::string(spec.artifactId))
            .add("metadata", V::object(metadata));
        body.add("room_artifact", V::object(artifact));
    }
    body.addIfSet("id", spec.id);
    body.add("created_at", V::integer64(spec.createdAt));
    return body.toJson(spaceAfterComma);
}

QString EventBuilder::uuidV4(QRandomGenerator &random)
{
    // From the given generator (not QUuid::createUuid) so seeded runs repeat exactly.
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(random.bounded(256));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString EventBuilder::liveKitId(const QString &prefix, QRandomGenerator &random)
{
    static constexpr char kAlphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = prefix;
    for (int i = 0; i < 12; ++i)
        id += QLatin1Char(kAlphabet[random.bounded(62)]);
    return id;
}

void EventBuilder::assignId(EventSpec &spec, QRandomGenerator &random)
{
    if (spec.id.isEmpty())
        spec.id =
            isLiveKitEvent(spec.event) ? liveKitId(QStringLiteral("EV_"), random) : uuidV4(random);
}

} // namespace pnm
