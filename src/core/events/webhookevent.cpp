#include "events/webhookevent.h"

using namespace Qt::Literals::StringLiterals;

namespace pnm {

QString eventFamilyName(EventFamily family)
{
    switch (family) {
    case EventFamily::Room:
        return u"room"_s;
    case EventFamily::Participant:
        return u"participant"_s;
    case EventFamily::Track:
        return u"track"_s;
    case EventFamily::Recording:
        return u"recording"_s;
    case EventFamily::Analytics:
        return u"analytics"_s;
    case EventFamily::Speech:
        return u"speech"_s;
    case EventFamily::Unknown:
        break;
    }
    return u"unknown"_s;
}

namespace {

// The summary leaves out what is empty so a headless line stays short.
void insertText(QJsonObject &object, QLatin1String key, const QString &text)
{
    if (!text.isEmpty())
        object.insert(key, text);
}

template <typename Number>
void insertNumber(QJsonObject &object, QLatin1String key, const std::optional<Number> &number)
{
    if (number)
        object.insert(key, *number);
}

void insertPart(QJsonObject &summary, QLatin1String key, const QJsonObject &part)
{
    if (!part.isEmpty())
        summary.insert(key, part);
}

QJsonObject roomSummary(const EventRoom &room)
{
    QJsonObject part;
    insertText(part, "room_id"_L1, room.roomId);
    insertText(part, "sid"_L1, room.sid);
    insertText(part, "title"_L1, room.title);
    return part;
}

QJsonObject participantSummary(const EventParticipant &participant)
{
    QJsonObject part;
    insertText(part, "identity"_L1, participant.identity);
    insertText(part, "name"_L1, participant.name);
    insertText(part, "sid"_L1, participant.sid);
    return part;
}

QJsonObject trackSummary(const EventTrack &track)
{
    QJsonObject part;
    insertText(part, "sid"_L1, track.sid);
    insertText(part, "type"_L1, track.type);
    insertText(part, "source"_L1, track.source);
    return part;
}

// Sizes carry their unit in the key: recordings report MB, artifacts bytes (protocol.md 8.11).
QJsonObject recordingSummary(const EventRecording &recording)
{
    QJsonObject part;
    insertText(part, "record_id"_L1, recording.recordId);
    insertText(part, "recorder_id"_L1, recording.recorderId);
    insertText(part, "recorder_msg"_L1, recording.recorderMsg);
    insertText(part, "file_path"_L1, recording.filePath);
    insertNumber(part, "file_size_mb"_L1, recording.fileSizeMb);
    return part;
}

QJsonObject artifactSummary(const EventArtifact &artifact)
{
    QJsonObject part;
    insertText(part, "type"_L1, artifact.type);
    insertText(part, "artifact_id"_L1, artifact.artifactId);
    insertText(part, "reference_artifact_id"_L1, artifact.referenceArtifactId);
    insertText(part, "user_id"_L1, artifact.userId);
    insertText(part, "user_name"_L1, artifact.userName);
    insertText(part, "file_path"_L1, artifact.filePath);
    insertText(part, "mime_type"_L1, artifact.mimeType);
    insertNumber(part, "file_size_bytes"_L1, artifact.fileSizeBytes);
    insertText(part, "usage"_L1, artifact.usage.keys().join(u','));
    return part;
}

QJsonObject speechSummary(const EventSpeechService &speech)
{
    QJsonObject part;
    insertText(part, "user_id"_L1, speech.userId);
    insertNumber(part, "total_usage_secs"_L1, speech.totalUsageSecs);
    return part;
}

QString bodyError(const WebhookEvent &event)
{
    return event.bodyKind == WebhookEvent::BodyKind::Empty ? u"empty body"_s : event.parseError;
}

} // namespace

QJsonObject WebhookEvent::toSummaryJson() const
{
    QJsonObject summary;
    if (!isDecoded()) {
        summary.insert("body_error"_L1, bodyError(*this));
        return summary;
    }
    insertText(summary, "event"_L1, event);
    insertText(summary, "id"_L1, id);
    insertNumber(summary, "created_at"_L1, createdAt);
    summary.insert("family"_L1, eventFamilyName(family));
    if (room)
        insertPart(summary, "room"_L1, roomSummary(*room));
    if (participant)
        insertPart(summary, "participant"_L1, participantSummary(*participant));
    if (track)
        insertPart(summary, "track"_L1, trackSummary(*track));
    if (recording)
        insertPart(summary, "recording"_L1, recordingSummary(*recording));
    if (artifact)
        insertPart(summary, "artifact"_L1, artifactSummary(*artifact));
    if (analytics)
        insertPart(summary, "analytics"_L1, QJsonObject{{"file_id"_L1, analytics->fileId}});
    if (speechService)
        insertPart(summary, "speech"_L1, speechSummary(*speechService));
    return summary;
}

} // namespace pnm
