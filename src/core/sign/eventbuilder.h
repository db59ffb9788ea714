// Writes the body Plug-N-Meet would send for an EventSpec, byte for byte in the Go protojson
// layout (protocol.md sections 4-6): which keys each event carries, their declaration order and
// zero-value presence. Also mints the ids the real senders use. Stateless; any thread.
#pragma once

#include "sign/eventspec.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QStringList>

namespace pnm {

class ProtoJsonObject;

class EventBuilder
{
public:
    // Every event name of protocol.md 6.1, in meeting order, legacy speech events last.
    static QStringList eventNames();
    static bool isKnownEvent(const QString &event) { return eventNames().contains(event); }
    // room_started, room_finished, participant_*, track_*: ids and times come from LiveKit.
    static bool isLiveKitEvent(const QString &event);

    static QByteArray body(const EventSpec &spec, bool spaceAfterComma = false);

    // A complete, realistic spec for one event of any type at nowSecs (ids, room, participant,
    // track, recording or artifact as that event carries them). Unknown names get a room only.
    static EventSpec sample(const QString &event, qint64 nowSecs, QRandomGenerator &random);
    // Fills an empty spec.id the way the real sender does for this event (protocol.md 6.2).
    static void assignId(EventSpec &spec, QRandomGenerator &random);

    static QString uuidV4(QRandomGenerator &random);
    // LiveKit's ids: prefix ("EV_", "PA_", "TR_") + 12 base62 characters.
    static QString liveKitId(const QString &prefix, QRandomGenerator &random);

private:
    static ProtoJsonObject room(const EventSpec &spec);
    static ProtoJsonObject participant(const EventSpec &spec);
    static ProtoJsonObject track(const SimTrack &track);
};

} // namespace pnm
