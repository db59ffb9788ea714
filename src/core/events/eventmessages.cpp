#include "events/eventmessages.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace pnm::EventMessages {

EventRoom room(const ProtoJsonReader &reader)
{
    EventRoom room; // NotifyEventRoom, protocol.md 5.2
    room.sid = reader.string("sid"_L1);
    room.roomId = reader.string("room_id"_L1);
    room.emptyTimeoutSecs = reader.integer("empty_timeout"_L1);
    room.maxParticipants = reader.integer("max_participants"_L1);
    room.creationTime = reader.integer("creation_time"_L1);
    const QJsonArray codecs = reader.value("enabled_codecs"_L1).toArray();
    for (const QJsonValue &codec : codecs) {
        const QString mime = ProtoJsonReader(codec.toObject()).string("mime"_L1);
        if (!mime.isEmpty())
            room.enabledCodecs.append(mime);
    }
    room.metadata = reader.string("metadata"_L1);
    room.title = roomTitle(room.metadata);
    room.numParticipants = reader.integer("num_participants"_L1);
    return room;
}

EventParticipant participant(const ProtoJsonReader &reader)
{
    EventParticipant participant; // livekit.ParticipantInfo, protocol.md 5.7
    participant.sid = reader.string("sid"_L1);
    participant.identity = reader.string("identity"_L1);
    participant.state = reader.enumName("state"_L1, ProtoEnums::participantState);
    participant.metadata = reader.string("metadata"_L1);
    participant.joinedAt = reader.integer("joined_at"_L1);
    participant.joinedAtMs = reader.integer("joined_at_ms"_L1);
    participant.name = reader.string("name"_L1);
    participant.region = reader.string("region"_L1);
    participant.isPublisher = reader.boolean("is_publisher"_L1);
    participant.kind = reader.enumName("kind"_L1, ProtoEnums::participantKind);
    participant.attributes = reader.object("attributes"_L1);
    // Only participant_left carries a reason; an absent one stays empty rather than
    // UNKNOWN_REASON so "no reason given" and "reason 0" remain distinguishable.
    if (reader.has("disconnect_reason"_L1))
        participant.disconnectReason =
            reader.enumName("disconnect_reason"_L1, ProtoEnums::disconnectReason);
    return participant;
}

EventTrack track(const ProtoJsonReader &reader)
{
    EventTrack track; // livekit.TrackInfo, protocol.md 5.7; an audio track has no `type` (8.9)
    track.sid = reader.string("sid"_L1);
    track.type = reader.enumName("type"_L1, ProtoEnums::trackType);
    track.name = reader.string("name"_L1);
    track.muted = reader.boolean("muted"_L1);
    track.width = reader.integer("width"_L1);
    track.height = reader.integer("height"_L1);
    track.source = reader.enumName("source"_L1, ProtoEnums::trackSource);
    track.mimeType = reader.string("mime_type"_L1);
    return track;
}

EventRecording recording(const ProtoJsonReader &reader)
{
    EventRecording recording; // RecordingInfoEvent, protocol.md 5.3; file_size is MB (8.11)
    recording.recordId = reader.string("record_id"_L1);
    recording.recorderId = reader.string("recorder_id"_L1);
    recording.recorderMsg = reader.string("recorder_msg"_L1);
    recording.filePath = reader.string("file_path"_L1);
    recording.fileSizeMb = reader.floating("file_size"_L1);
    return recording;
}

EventArtifact artifact(const ProtoJsonReader &reader)
{
    EventArtifact artifact; // RoomArtifactWebhookEvent, protocol.md 5.6
    artifact.type = reader.enumName("type"_L1, ProtoEnums::roomArtifactType);
    artifact.artifactId = reader.string("artifact_id"_L1);

    const ProtoJsonReader metadata = reader.message("metadata"_L1);
    const ProtoJsonReader user = metadata.message("user_info"_L1);
    artifact.userId = user.string("user_id"_L1);
    artifact.userName = user.string("name"_L1);
    const ProtoJsonReader file = metadata.message("file_info"_L1);
    artifact.filePath = file.string("file_path"_L1);
    artifact.fileSizeBytes = file.integer("file_size"_L1); // bytes, an int64 string (8.11)
    artifact.mimeType = file.string("mime_type"_L1);
    // The usage_details oneof, kept under its proto name so the reader knows which member it is.
    for (const QLatin1String member :
         {"token_usage"_L1, "duration_usage"_L1, "character_count_usage"_L1}) {
        const QJsonValue usage = metadata.value(member);
        if (usage.isObject())
            artifact.usage.insert(member, usage);
    }
    artifact.referenceArtifactId = metadata.string("reference_artifact_id"_L1);
    return artifact;
}

EventAnalytics analytics(const ProtoJsonReader &reader)
{
    return EventAnalytics{reader.string("file_id"_L1)}; // AnalyticsEvent, protocol.md 5.5
}

EventSpeechService speechService(const ProtoJsonReader &reader)
{
    // SpeechServiceEvent, protocol.md 5.4; total_usage is omitted when zero
    return EventSpeechService{reader.string("user_id"_L1), reader.integer("total_usage"_L1)};
}

QString roomTitle(const QString &metadata)
{
    if (metadata.isEmpty())
        return QString();
    const QJsonDocument document = QJsonDocument::fromJson(metadata.toUtf8());
    return ProtoJsonReader(document.object()).string("room_title"_L1);
}

} // namespace pnm::EventMessages
