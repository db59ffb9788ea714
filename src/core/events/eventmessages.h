// Decoders for the sub-messages of a CommonNotifyEvent (protocol.md 5.2-5.7), one per message.
// Pure functions over a ProtoJsonReader; used by EventDecoder on whatever thread calls it.
#pragma once

#include "events/protojsonreader.h"
#include "events/webhookevent.h"

namespace pnm::EventMessages {

EventRoom room(const ProtoJsonReader &reader);
EventParticipant participant(const ProtoJsonReader &reader);
EventTrack track(const ProtoJsonReader &reader);
EventRecording recording(const ProtoJsonReader &reader);
EventArtifact artifact(const ProtoJsonReader &reader);
EventAnalytics analytics(const ProtoJsonReader &reader);
EventSpeechService speechService(const ProtoJsonReader &reader);

// `room_title` from the room metadata, itself JSON inside a string (protocol.md 5.2, 8.12);
// empty when the metadata is not a JSON object or has no title.
QString roomTitle(const QString &metadata);

} // namespace pnm::EventMessages
