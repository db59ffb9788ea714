#include "sign/eventencoder.h"

#include "sign/protojsonvalue.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <algorithm>

namespace pnm {

namespace {

using V = ProtoJsonValue;

// An enum that is zero on the wire is left out (protocol.md section 4).
void addEnum(ProtoJsonObject &object, const QByteArray &key, const QString &name,
             QStringView zeroName)
{
    if (!name.isEmpty() && name != zeroName)
        object.add(key, V::string(name));
}

void addOptional(ProtoJsonObject &object, const QByteArray &key, const std::optional<qint64> &value)
{
    if (value)
        object.add(key, V::integer(*value));
}

void addOptional64(ProtoJsonObject &object, const QByteArray &key,
                   const std::optional<qint64> &value)
{
    if (value)
        object.add(key, V::integer64(*value));
}

// Free-form JSON kept as decoded (attributes, usage): map keys sorted bytewise as Go does.
ProtoJsonValue fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return V::boolean(value.toBool());
    case QJsonValue::Double:
        // Go writes an integral double without a fraction ("2"), as goFloatText does.
        return V::float64(value.toDouble());
    case QJsonValue::String:
        return V::string(value.toString());
    case QJsonValue::Array: {
        QList<ProtoJsonValue> items;
        for (const QJsonValue &item : value.toArray())
            items.append(fromJson(item));
        return V::array(items);
    }
    case QJsonValue::Object: {
        const QJsonObject source = value.toObject();
        QList<QByteArray> keys;
        for (const QString &key : source.keys())
            keys.append(key.toUtf8());
        std::sort(keys.begin(), keys.end());
        ProtoJsonObject object;
        for (const QByteArray &key : keys)
            object.add(key, fromJson(source.value(QString::fromUtf8(key))));
        return V::object(object);
    }
    default:
        return V::null();
    }
}

qint64 integerOf(const QJsonValue &value)
{
    return value.isString() ? value.toString().toLongLong() : value.toInteger();
}

// One usage_details member (protocol.md 5.6) with its fields in declaration order: the u32
// counters as numbers, `breakdown` (map<string,int64>) with sorted keys and string values, the
// optional cost doubles as numbers. Keys this table does not know follow, sorted.
ProtoJsonValue encodeUsage(const QString &member, const QJsonObject &usage)
{
    static const QHash<QString, QStringList> kCounters = {
        {QStringLiteral("token_usage"),
         {QStringLiteral("prompt_tokens"), QStringLiteral("completion_tokens"),
          QStringLiteral("total_tokens")}},
        {QStringLiteral("duration_usage"), {QStringLiteral("duration_sec")}},
        {QStringLiteral("character_count_usage"), {QStringLiteral("total_characters")}},
    };
    static const QHash<QString, QStringList> kCosts = {
        {QStringLiteral("token_usage"),
         {QStringLiteral("prompt_tokens_estimated_cost"),
          QStringLiteral("completion_tokens_estimated_cost"),
          QStringLiteral("total_tokens_estimated_cost")}},
        {QStringLiteral("duration_usage"), {QStringLiteral("duration_sec_estimated_cost")}},
        {QStringLiteral("character_count_usage"),
         {QStringLiteral("total_characters_estimated_cost")}},
    };
    if (!kCounters.contains(member))
        return fromJson(usage);

    ProtoJsonObject object;
    QStringList known;
    for (const QString &key : kCounters.value(member)) {
        known.append(key);
        object.addIfSet(key.toUtf8(), integerOf(usage.value(key)));
    }
    known.append(QStringLiteral("breakdown"));
    const QJsonObject breakdown = usage.value(QStringLiteral("breakdown")).toObject();
    if (!breakdown.isEmpty()) {
        QList<QByteArray> keys;
        for (const QString &key : breakdown.keys())
            keys.append(key.toUtf8());
        std::sort(keys.begin(), keys.end());
        ProtoJsonObject map;
        for (const QByteArray &key : keys)
            map.add(key, V::integer64(integerOf(breakdown.value(QString::fromUtf8(key)))));
        object.add("breakdown", V::object(map));
    }
    for (const QString &key : kCosts.value(member)) {
        known.append(key);
        if (usage.contains(key))
            object.add(key.toUtf8(), V::float64(usage.value(key).toDouble()));
    }
    QList<QByteArray> extra;
    for (const QString &key : usage.keys())
        if (!known.contains(key))
            extra.append(key.toUtf8());
    std::sort(extra.begin(), extra.end());
    for (const QByteArray &key : extra)
        object.add(key, fromJson(usage.value(QString::fromUtf8(key))));
    return V::object(object);
}

ProtoJsonObject encodeRoom(const EventRoom &room)
{
    ProtoJsonObject object; // NotifyEventRoom: every field is `optional` (protocol.md 5.2)
    object.addIfSet("sid", room.sid).addIfSet("room_id", room.roomId);
    addOptional(object, "empty_timeout", room.emptyTimeoutSecs);
    addOptional(object, "max_participants", room.maxParticipants);
    addOptional64(object, "creation_time", room.creationTime);
    if (!room.enabledCodecs.isEmpty()) {
        QList<ProtoJsonValue> codecs;
        for (const QString &mime : room.enabledCodecs)
            codecs.append(V::object(ProtoJsonObject().addIfSet("mime", mime)));
        object.add("enabled_codecs", V::array(codecs));
    }
    object.addIfSet("metadata", room.metadata);
    addOptional(object, "num_participants", room.numParticipants);
    return object;
}

ProtoJsonObject encodeParticipant(const EventParticipant &participant)
{
    ProtoJsonObject object; // livekit.ParticipantInfo in declaration order (protocol.md 5.7)
    object.addIfSet("sid", participant.sid).addIfSet("identity", participant.identity);
    addEnum(object, "state", participant.state, u"JOINING");
    object.addIfSet("metadata", participant.metadata);
    object.addInt64IfSet("joined_at", participant.joinedAt.value_or(0));
    object.addInt64IfSet("joined_at_ms", participant.joinedAtMs.value_or(0));
    object.addIfSet("name", participant.name).addIfSet("region", participant.region);
    object.addIfSet("is_publisher", participant.isPublisher);
    addEnum(object, "kind", participant.kind, u"STANDARD");
    if (!participant.attributes.isEmpty())
        object.add("attributes", fromJson(participant.attributes));
    addEnum(object, "disconnect_reason", participant.disconnectReason, u"UNKNOWN_REASON");
    return object;
}

ProtoJsonObject encodeTrack(const EventTrack &track)
{
    ProtoJsonObject object; // livekit.TrackInfo in declaration order (protocol.md 5.7)
    object.addIfSet("sid", track.sid);
    addEnum(object, "type", track.type, u"AUDIO");
    object.addIfSet("name", track.name).addIfSet("muted", track.muted);
    object.addIfSet("width", track.width.value_or(0)).addIfSet("height", track.height.value_or(0));
    addEnum(object, "source", track.source, u"UNKNOWN");
    object.addIfSet("mime_type", track.mimeType);
    return object;
}

ProtoJsonObject encodeRecording(const EventRecording &recording)
{
    ProtoJsonObject object; // RecordingInfoEvent (protocol.md 5.3): file_path/file_size always sent
    object.addIfSet("record_id", recording.recordId)
        .addIfSet("recorder_id", recording.recorderId)
        .addIfSet("recorder_msg", recording.recorderMsg)
        .add("file_path", V::string(recording.filePath))
        .add("file_size", V::float32(float(recording.fileSizeMb.value_or(0))));
    return object;
}

ProtoJsonObject encodeArtifact(const EventArtifact &artifact)
{
    ProtoJsonObject metadata; // RoomArtifactMetadata (protocol.md 5.6)
    if (!artifact.userId.isEmpty() || !artifact.userName.isEmpty()) {
        ProtoJsonObject user;
        user.addIfSet("user_id", artifact.userId);
        if (!artifact.userName.isEmpty())
            user.add("name", V::string(artifact.userName));
        metadata.add("user_info", V::object(user));
    }
    if (!artifact.filePath.isEmpty() || artifact.fileSizeBytes || !artifact.mimeType.isEmpty()) {
        ProtoJsonObject file;
        file.addIfSet("file_path", artifact.filePath)
            .addInt64IfSet("file_size", artifact.fileSizeBytes.value_or(0))
            .addIfSet("mime_type", artifact.mimeType);
        metadata.add("file_info", V::object(file));
    }
    // The one usage member that was set, under its own name (token_usage, duration_usage, ...).
    for (const QString &key : artifact.usage.keys())
        metadata.add(key.toUtf8(), encodeUsage(key, artifact.usage.value(key).toObject()));
    if (!artifact.referenceArtifactId.isEmpty())
        metadata.add("reference_artifact_id", V::string(artifact.referenceArtifactId));

    ProtoJsonObject object;
    addEnum(object, "type", artifact.type, u"UNKNOWN_ARTIFACT");
    object.addIfSet("artifact_id", artifact.artifactId);
    if (!metadata.isEmpty())
        object.add("metadata", V::object(metadata));
    return object;
}

} // namespace

QByteArray EventEncoder::encode(const WebhookEvent &event, bool spaceAfterComma)
{
    ProtoJsonObject body; // CommonNotifyEvent in declaration order (protocol.md 5.1)
    body.addIfSet("event", event.event);
    if (event.room)
        body.add("room", V::object(encodeRoom(*event.room)));
    if (event.participant)
        body.add("participant", V::object(encodeParticipant(*event.participant)));
    if (event.recording)
        body.add("recording_info", V::object(encodeRecording(*event.recording)));
    if (event.speechService) {
        ProtoJsonObject speech;
        if (!event.speechService->userId.isEmpty())
            speech.add("user_id", V::string(event.speechService->userId));
        speech.addInt64IfSet("total_usage", event.speechService->totalUsageSecs.value_or(0));
        body.add("speech_service", V::object(speech));
    }
    if (event.track)
        body.add("track", V::object(encodeTrack(*event.track)));
    if (event.analytics)
        body.add("analytics",
                 V::object(ProtoJsonObject().add("file_id", V::string(event.analytics->fileId))));
    if (event.artifact)
        body.add("room_artifact", V::object(encodeArtifact(*event.artifact)));
    body.addIfSet("id", event.id);
    if (event.createdAt)
        body.add("created_at", V::integer64(*event.createdAt));
    // Keys a newer server added (protocol.md 8.14) are kept, after the ones this version knows.
    for (const QString &key : event.unknownKeys)
        body.add(key.toUtf8(), fromJson(event.body.value(key)));
    return body.toJson(spaceAfterComma);
}

} // namespace pnm
