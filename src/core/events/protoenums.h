// Number-to-name tables for the protobuf enums carried in webhook bodies (protocol.md 5.6, 5.7).
// Go writes an enum as its name, but as a bare number when its descriptor does not know the value
// (protocol.md 4), so a receiver needs the tables to show known numbers by name. Constant data.
#pragma once

#include <QString>
#include <QtGlobal>
#include <span>

namespace pnm {

struct ProtoEnumValue
{
    qint64 number;
    const char *name;
};

using ProtoEnumTable = std::span<const ProtoEnumValue>;

namespace ProtoEnums {

// livekit.TrackType, livekit.TrackSource (LK-P v1.49.0)
extern const ProtoEnumTable trackType;
extern const ProtoEnumTable trackSource;
// livekit.ParticipantInfo.State, .Kind and livekit.DisconnectReason
extern const ProtoEnumTable participantState;
extern const ProtoEnumTable participantKind;
extern const ProtoEnumTable disconnectReason;
// plugnmeet.RoomArtifactType (PN-A)
extern const ProtoEnumTable roomArtifactType;

// The name of `number` in `table`, or the number as decimal text when the table does not know it.
QString nameOf(ProtoEnumTable table, qint64 number);

} // namespace ProtoEnums

} // namespace pnm
