// MeetingScenario: whole meetings in protocol.md 6.3 order, for several rooms at once, with
// counts, flags, ids and timestamps that agree with each other.
#include "sign/eventbuilder.h"
#include "sign/meetingscenario.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace pnm;

namespace {

QStringList eventsOfRoom(const QList<PlannedEvent> &plan, int room)
{
    QStringList events;
    for (const PlannedEvent &planned : plan)
        if (planned.roomIndex == room)
            events.append(planned.spec.event);
    return events;
}

} // namespace

class TestMeetingScenario : public QObject
{
    Q_OBJECT

private slots:
    void orderPerRoom_data()
    {
        QTest::addColumn<int>("rooms");
        QTest::addColumn<int>("participants");
        QTest::addColumn<qint64>("duration");
        QTest::newRow("1 room, 3 people") << 1 << 3 << qint64(1800);
        QTest::newRow("3 rooms, 5 people, short") << 3 << 5 << qint64(60);
        QTest::newRow("2 rooms, 12 people, long") << 2 << 12 << qint64(7200);
        QTest::newRow("empty room") << 1 << 0 << qint64(600);
    }
    void orderPerRoom()
    {
        QFETCH(int, rooms);
        QFETCH(int, participants);
        QFETCH(qint64, duration);
        MeetingOptions options;
        options.rooms = rooms;
        options.participants = participants;
        options.durationSecs = duration;
        options.startSecs = 1767222000;
        QRandomGenerator random(1);
        const QList<PlannedEvent> plan = MeetingScenario::plan(options, random);

        for (qsizetype i = 1; i < plan.size(); ++i)
            QVERIFY(plan.at(i - 1).offsetMs <= plan.at(i).offsetMs);
        QSet<QString> ids;
        for (const PlannedEvent &planned : plan)
            ids.insert(planned.spec.id);
        QCOMPARE(ids.size(), plan.size());

        for (int room = 0; room < rooms; ++room) {
            const QStringList events = eventsOfRoom(plan, room);
            QCOMPARE(events.first(), QStringLiteral("room_created"));
            QCOMPARE(events.at(1), QStringLiteral("room_started"));
            QCOMPARE(events.count("participant_joined"), participants);
            QCOMPARE(events.count("participant_left"), participants);
            QCOMPARE(events.count("track_published"), events.count("track_unpublished"));
            QCOMPARE(events.mid(events.size() - 8),
                     (QStringList{"session_ended", "end_recording", "end_rtmp", "room_finished",
                                  "recording_proceeded", "recording_transcoding_finished",
                                  "artifact_created", "analytics_proceeded"}));
            QVERIFY(events.indexOf("start_recording") < events.indexOf("session_ended"));

            // Counts and flags follow the meeting; times never go back within a room.
            quint32 present = 0;
            qint64 lastCreated = 0;
            QHash<QString, int> trackState; // sid -> 1 published, 2 unpublished
            QSet<QString> inRoom;
            QString roomSid;
            for (const PlannedEvent &planned : plan) {
                if (planned.roomIndex != room)
                    continue;
                const EventSpec &spec = planned.spec;
                QVERIFY(spec.createdAt >= lastCreated);
                lastCreated = spec.createdAt;
                if (roomSid.isEmpty())
                    roomSid = spec.room.sid;
                QCOMPARE(spec.room.sid, roomSid);
                if (spec.event == u"participant_joined") {
                    ++present;
                    inRoom.insert(spec.participant->identity);
                } else if (spec.event == u"participant_left") {
                    --present;
                    inRoom.remove(spec.participant->identity);
                } else if (spec.event == u"track_published") {
                    QVERIFY(inRoom.contains(spec.participant->identity));
                    QCOMPARE(trackState.value(spec.track->sid), 0);
                    trackState[spec.track->sid] = 1;
                } else if (spec.event == u"track_unpublished") {
                    QVERIFY(inRoom.contains(spec.participant->identity));
                    QCOMPARE(trackState.value(spec.track->sid), 1);
                    trackState[spec.track->sid] = 2;
                }
                QCOMPARE(spec.numParticipants, present);
                if (spec.event == u"session_ended")
                    QVERIFY(inRoom.isEmpty());
                const bool liveKit = EventBuilder::isLiveKitEvent(spec.event);
                QCOMPARE(spec.id.startsWith(u"EV_"), liveKit);
                if (spec.event == u"end_recording")
                    QVERIFY(!spec.isRecording);
                if (spec.event == u"participant_left" && !spec.isRecording)
                    QVERIFY(eventsOfRoom(plan, room).indexOf("start_recording") < 0);
            }
        }
    }

    void recordingIdsAndArtifactsAgree()
    {
        MeetingOptions options;
        options.startSecs = 1767222000;
        QRandomGenerator random(2);
        const QList<PlannedEvent> plan = MeetingScenario::plan(options, random);
        QHash<QString, QString> recordIds, artifactIds;
        for (const PlannedEvent &planned : plan) {
            const EventSpec &spec = planned.spec;
            if (spec.event.contains(u"recording"))
                recordIds.insert(spec.event, spec.recordId);
            if (spec.event == u"artifact_created" || spec.event == u"analytics_proceeded")
                artifactIds.insert(spec.event, spec.artifactId);
            if (spec.event == u"recording_proceeded") {
                QVERIFY(spec.filePath.endsWith(spec.recordId + ".mp4"));
                QVERIFY(spec.fileSizeMb > 0);
            }
        }
        QVERIFY(recordIds.value("start_recording").startsWith(plan.first().spec.room.sid + "-"));
        QCOMPARE(recordIds.value("end_recording"), recordIds.value("start_recording"));
        QCOMPARE(recordIds.value("recording_proceeded"), recordIds.value("start_recording"));
        QCOMPARE(artifactIds.value("analytics_proceeded"), artifactIds.value("artifact_created"));
    }

    void optionalPartsCanBeLeftOut()
    {
        MeetingOptions options;
        options.recording = options.rtmp = options.analytics = options.screenShare = false;
        options.participants = 2;
        QRandomGenerator random(3);
        QStringList events;
        for (const PlannedEvent &planned : MeetingScenario::plan(options, random))
            events.append(planned.spec.event);
        QCOMPARE(events.filter("recording").size() + events.filter("rtmp").size() +
                     events.filter("analytics").size() + events.filter("artifact").size(),
                 0);
        QCOMPARE(events.last(), QStringLiteral("room_finished"));
        QCOMPARE(events.count("track_published"), 4); // two people, mic + camera each
    }

    void sameSeedSamePlan()
    {
        MeetingOptions options;
        options.rooms = 2;
        QRandomGenerator a(9), b(9);
        const QList<PlannedEvent> first = MeetingScenario::plan(options, a);
        const QList<PlannedEvent> second = MeetingScenario::plan(options, b);
        QCOMPARE(first.size(), second.size());
        for (qsizetype i = 0; i < first.size(); ++i)
            QCOMPARE(EventBuilder::body(first.at(i).spec), EventBuilder::body(second.at(i).spec));
    }
};

QTEST_GUILESS_MAIN(TestMeetingScenario)
#include "tst_meetingscenario.moc"
