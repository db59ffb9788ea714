// What one simulated webhook is about: the room, participant, track, recording or artifact facts
// from which EventBuilder writes a body the way Plug-N-Meet would (protocol.md sections 5 and 6).
// Value types, used on whichever thread builds events.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace pnm {

struct SimRoom
{
    QString roomId = QStringLiteral("room01"); // plugNmeet room id = LiveKit room name
    QString sid;                               // plugNmeet session UUID (protocol.md 5.2)
    QString title = QStringLiteral("Weekly meeting");
    qint64 creationTime = 0; // unix seconds
    quint32 emptyTimeoutSecs = 1800;
    quint32 maxParticipants = 100;
    bool analyticsEnabled = true;
    QStringList enabledCodecs = {QStringLiteral("audio/opus"), QStringLiteral("audio/red"),
                                 QStringLiteral("video/VP8"),  QStringLiteral("video/H264"),
                                 QStringLiteral("video/VP9"),  QStringLiteral("video/AV1")};
    QString metadataId; // RoomMetadata.metadata_id, a UUID

    // plugnmeet.RoomMetadata as the server stores it: JSON inside the `metadata` string.
    QString metadataJson(bool isRecording = false, bool isActiveRtmp = false) const;
};

struct SimParticipant
{
    QString sid;      // PA_...
    QString identity; // plugNmeet user id
    QString name;
    bool isAdmin = false;
    qint64 joinedAtMs = 0;
};

struct SimTrack
{
    enum class Kind
    {
        Microphone,
        Camera,
        ScreenShare
    };
    Kind kind = Kind::Microphone;
    QString sid; // TR_...
    int mid = 0; // SDP media id, a small number as text on the wire
    qint64 publishedAtMicros = 0;
};

struct EventSpec
{
    QString event; // lowercase name; any name is accepted (unknown ones get room only)
    QString id;    // EV_... for LiveKit-derived events, a UUID v4 otherwise (protocol.md 6.2)
    qint64 createdAt = 0; // unix seconds
    SimRoom room;
    quint32 numParticipants = 0; // LiveKit's count at the time of the event
    std::optional<SimParticipant> participant;
    std::optional<SimTrack> track;
    QString disconnectReason = QStringLiteral("CLIENT_INITIATED"); // participant_left
    bool isRecording = false, isActiveRtmp = false;                // reflected in room metadata

    // Recorder events (protocol.md 5.3).
    QString recordId, recorderId = QStringLiteral("node_01"),
                      recorderMsg = QStringLiteral("success");
    QString filePath;
    double fileSizeMb = 0;

    // artifact_created / analytics_proceeded (protocol.md 5.5, 5.6).
    QString artifactType = QStringLiteral("MEETING_ANALYTICS");
    QString artifactId;
    qint64 artifactFileBytes = 0;
    quint32 usageSeconds = 0; // duration_usage for *_USAGE artifacts
    QString referenceArtifactId;

    // Legacy speech_to_text_* events (protocol.md 5.4).
    QString speechUserId;
    qint64 speechTotalUsageSecs = 0;
};

} // namespace pnm
