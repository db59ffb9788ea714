#include "events/protoenums.h"

namespace pnm::ProtoEnums {

namespace {

// Values as declared in the .proto files; gaps (Kind 5 and 6) are values those versions lack.
constexpr ProtoEnumValue kTrackType[] = {{0, "AUDIO"}, {1, "VIDEO"}, {2, "DATA"}};

constexpr ProtoEnumValue kTrackSource[] = {{0, "UNKNOWN"},
                                           {1, "CAMERA"},
                                           {2, "MICROPHONE"},
                                           {3, "SCREEN_SHARE"},
                                           {4, "SCREEN_SHARE_AUDIO"}};

constexpr ProtoEnumValue kParticipantState[] = {
    {0, "JOINING"}, {1, "JOINED"}, {2, "ACTIVE"}, {3, "DISCONNECTED"}};

constexpr ProtoEnumValue kParticipantKind[] = {{0, "STANDARD"}, {1, "INGRESS"}, {2, "EGRESS"},
                                               {3, "SIP"},      {4, "AGENT"},   {7, "CONNECTOR"},
                                               {8, "BRIDGE"}};

constexpr ProtoEnumValue kDisconnectReason[] = {
    {0, "UNKNOWN_REASON"},  {1, "CLIENT_INITIATED"},    {2, "DUPLICATE_IDENTITY"},
    {3, "SERVER_SHUTDOWN"}, {4, "PARTICIPANT_REMOVED"}, {5, "ROOM_DELETED"},
    {6, "STATE_MISMATCH"},  {7, "JOIN_FAILURE"},        {8, "MIGRATION"},
    {9, "SIGNAL_CLOSE"},    {10, "ROOM_CLOSED"},        {11, "USER_UNAVAILABLE"},
    {12, "USER_REJECTED"},  {13, "SIP_TRUNK_FAILURE"},  {14, "CONNECTION_TIMEOUT"},
    {15, "MEDIA_FAILURE"},  {16, "AGENT_ERROR"}};

constexpr ProtoEnumValue kRoomArtifactType[] = {{0, "UNKNOWN_ARTIFACT"},
                                                {1, "MEETING_ANALYTICS"},
                                                {2, "MEETING_SUMMARY"},
                                                {3, "MEETING_SUMMARY_USAGE"},
                                                {4, "SPEECH_TRANSCRIPTION"},
                                                {5, "SPEECH_TRANSCRIPTION_USAGE"},
                                                {6, "SYNTHESIZED_SPEECH_USAGE"},
                                                {7, "CHAT_TRANSLATION_USAGE"},
                                                {8, "AI_TEXT_CHAT_INTERACTION_USAGE"},
                                                {9, "AI_TEXT_CHAT_SUMMARIZATION_USAGE"}};

} // namespace

constinit const ProtoEnumTable trackType{kTrackType};
constinit const ProtoEnumTable trackSource{kTrackSource};
constinit const ProtoEnumTable participantState{kParticipantState};
constinit const ProtoEnumTable participantKind{kParticipantKind};
constinit const ProtoEnumTable disconnectReason{kDisconnectReason};
constinit const ProtoEnumTable roomArtifactType{kRoomArtifactType};

QString nameOf(ProtoEnumTable table, qint64 number)
{
    for (const ProtoEnumValue &value : table) {
        if (value.number == number)
            return QString::fromLatin1(value.name);
    }
    return QString::number(number);
}

} // namespace pnm::ProtoEnums
