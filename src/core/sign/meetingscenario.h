// Plans whole simulated meetings: the events Plug-N-Meet sends for N rooms with M participants,
// in the order of protocol.md 6.3, with timestamps spread over a (compressed) meeting duration.
// A value type; plan() is pure given the seed, so tests and demos repeat exactly.
#pragma once

#include "sign/eventspec.h"

#include <QList>
#include <QRandomGenerator>

namespace pnm {

struct PlannedEvent
{
    EventSpec spec;
    qint64 offsetMs = 0; // when, after the scenario's start, the real server would send it
    int roomIndex = 0;   // 0-based
};

struct MeetingOptions
{
    int rooms = 1;
    int participants = 3;
    qint64 durationSecs = 1800; // simulated time from room_created to session_ended
    qint64 startSecs = 0;       // unix seconds of room_created (created_at of the first event)
    bool recording = true;      // start/end_recording, recording_proceeded, transcoding
    bool rtmp = true;           // start/end_rtmp
    bool analytics = true;      // artifact_created (MEETING_ANALYTICS) + analytics_proceeded
    bool screenShare = true;    // the first participant shares their screen for a while
    QString roomPrefix = QStringLiteral("room");
};

class MeetingScenario
{
public:
    // Every room's events in protocol.md 6.3 order; rooms start a few seconds apart and their
    // events interleave by time. Each room's own order is never changed by the interleaving.
    static QList<PlannedEvent> plan(const MeetingOptions &options, QRandomGenerator &random);

    // One realistic event of any type at nowSecs, as pnm-webhook-send EVENT and the GUI's
    // "send test event" use it. Unknown names get a room only.
    static EventSpec sample(const QString &event, qint64 nowSecs, QRandomGenerator &random);

private:
    static QList<PlannedEvent> planRoom(const MeetingOptions &options, int roomIndex,
                                        QRandomGenerator &random);
};

} // namespace pnm
