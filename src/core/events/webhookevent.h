// One decoded Plug-N-Meet webhook body (protocol.md sections 5 and 6) as typed fields. Absent
// fields stay empty / nullopt; unknown events and keys are kept in `body`. A value type.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace pnm {

class JsonTextWriter;

// Used for colouring, filtering and grouping; derived from the event name.
enum class EventFamily
{
    Room,
    Participant,
    Track,
    Recording,
    Analytics,
    Speech,
    Unknown
};
QString eventFamilyName(EventFamily family); // "room", "participant", ...

struct EventRoom
{
    QString sid;      // plugNmeet session UUID
    QString roomId;   // stable room name
    QString title;    // room_title from the metadata JSON, when present
    QString metadata; // raw metadata string (JSON inside a string)
    std::optional<qint64> numParticipants, maxParticipants, emptyTimeoutSecs, creationTime;
    QStringList enabledCodecs; // mime types
};

struct EventParticipant
{
    QString sid, identity, name, metadata, region;
    // Enum name ("ACTIVE"), or the number as text when unknown; "JOINING" when absent.
    QString state;
    QString kind;             // "STANDARD" when absent
    QString disconnectReason; // empty when absent
    std::optional<qint64> joinedAt, joinedAtMs;
    bool isPublisher = false;
    QJsonObject attributes;
};

struct EventTrack
{
    QString sid, name, mimeType;
    QString type;   // "AUDIO" when absent (enum zero), "VIDEO", "DATA"
    QString source; // "UNKNOWN" when absent, "CAMERA", "MICROPHONE", "SCREEN_SHARE", ...
    bool muted = false;
    std::optional<qint64> width, height;
};

struct EventRecording
{
    QString recordId, recorderId, recorderMsg, filePath;
    std::optional<double> fileSizeMb; // megabytes (protocol.md 5.3)
};

struct EventArtifact
{
    QString type; // "MEETING_ANALYTICS", ...; "UNKNOWN_ARTIFACT" when absent
    QString artifactId, referenceArtifactId;
    QString userId, userName;
    QString filePath, mimeType;
    std::optional<qint64> fileSizeBytes; // bytes, a string on the wire (protocol.md 5.6)
    // Whichever usage_details member was set, as sent, under its proto name:
    // {"duration_usage": {...}}; empty when none was (protocol.md 5.6).
    QJsonObject usage;
};

struct EventAnalytics
{
    QString fileId;
};

struct EventSpeechService
{
    QString userId;
    std::optional<qint64> totalUsageSecs;
};

struct WebhookEvent
{
    enum class BodyKind
    {
        Empty,
        NotJson,
        NotObject,
        Object
    };
    BodyKind bodyKind = BodyKind::Empty;
    QString parseError; // for NotJson / NotObject: what and where

    QString event; // as sent (lowercase in practice)
    QString id;
    std::optional<qint64> createdAt; // unix seconds
    EventFamily family = EventFamily::Unknown;
    bool isKnownEvent = false; // one of the events in protocol.md 6.1

    std::optional<EventRoom> room;
    std::optional<EventParticipant> participant;
    std::optional<EventTrack> track;
    std::optional<EventRecording> recording;
    std::optional<EventArtifact> artifact;
    std::optional<EventAnalytics> analytics;
    std::optional<EventSpeechService> speechService;

    QStringList unknownKeys; // top-level keys this decoder does not know (kept in body)
    QJsonObject body;        // the whole parsed body, unknown fields included

    bool isDecoded() const { return bodyKind == BodyKind::Object; }
    // Compact summary for headless output: event, id, created_at, room{room_id,sid,title},
    // participant{identity,name,sid}, track{sid,type,source}, ... only what is present.
    QJsonObject toSummaryJson() const;
    // The same members written into an object `out` has open (the headless line).
    void writeSummaryMembers(JsonTextWriter &out) const;
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::WebhookEvent)
