// EventDecoder against every shared vector (expected values read back from the vector body with
// plain QJsonDocument lookups), the event catalogue, and exact fields for every event type.
// Crafted bodies for the leniency and robustness rules are in tst_eventdecoderinput.cpp.
#include "events/eventdecoder.h"
#include "eventtestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pnm;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kRoomSid = u"6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f"_s;
// The room title in the vectors' metadata: accented Latin, an em dash and Japanese (UTF-8 source).
const QString kRoomTitle = QString::fromUtf8("R\xc3\xa9union hebdo \xe2\x80\x94 "
                                             "\xe9\x80\xb1\xe6\xac\xa1\xe3\x83\x9f\xe3\x83\xbc"
                                             "\xe3\x83\x86\xe3\x82\xa3\xe3\x83\xb3\xe3\x82\xb0");

// The family each catalogued event belongs to (protocol.md 6.1), written out for the test.
const QHash<QString, QString> kFamilies = {
    {u"room_created"_s, u"room"_s},
    {u"room_started"_s, u"room"_s},
    {u"room_finished"_s, u"room"_s},
    {u"session_ended"_s, u"room"_s},
    {u"participant_joined"_s, u"participant"_s},
    {u"participant_left"_s, u"participant"_s},
    {u"track_published"_s, u"track"_s},
    {u"track_unpublished"_s, u"track"_s},
    {u"start_recording"_s, u"recording"_s},
    {u"end_recording"_s, u"recording"_s},
    {u"recording_proceeded"_s, u"recording"_s},
    {u"recording_transcoding_finished"_s, u"recording"_s},
    {u"start_rtmp"_s, u"recording"_s},
    {u"end_rtmp"_s, u"recording"_s},
    {u"stop_recording"_s, u"recording"_s},
    {u"stop_rtmp"_s, u"recording"_s},
    {u"stop"_s, u"recording"_s},
    {u"artifact_created"_s, u"analytics"_s},
    {u"analytics_proceeded"_s, u"analytics"_s},
    {u"speech_to_text_session_started"_s, u"speech"_s},
    {u"speech_to_text_session_ended"_s, u"speech"_s},
    {u"speech_to_text_total_usage"_s, u"speech"_s},
};

const QStringList kTopLevelKeys = {u"event"_s,          u"room"_s,           u"participant"_s,
                                   u"recording_info"_s, u"speech_service"_s, u"track"_s,
                                   u"analytics"_s,      u"room_artifact"_s,  u"id"_s,
                                   u"created_at"_s};

// What every event carries (protocol.md 5.1, 6.2) on one line, so one QCOMPARE checks it all
// and a mismatch shows which part differs.
QString headerOf(const WebhookEvent &event)
{
    return QStringList{
        event.event, event.id, event.createdAt ? QString::number(*event.createdAt) : u"-"_s,
        eventFamilyName(event.family), event.isKnownEvent ? u"known"_s : u"unknown event"_s}
        .join(u' ');
}

} // namespace

class TestEventDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void vectors_data();
    void vectors();
    void catalogue_data();
    void catalogue();

    void roomCreated();
    void roomStartedAndFinished();
    void sessionEnded();
    void participantJoined();
    void participantLeft();
    void trackPublished();
    void trackUnpublishedHasZeroEnums();
    void recordings_data();
    void recordings();
    void speechService_data();
    void speechService();
    void artifactWithUsage();
    void artifactWithFile();
    void analyticsProceeded();
    void unknownEventAndField();
    void commaSpaceLayoutDecodesTheSame();

private:
    WebhookEvent decodeVector(const QString &name) const;

    QList<test::WebhookVector> m_vectors;
};

void TestEventDecoder::initTestCase()
{
    QString error;
    m_vectors = test::loadVectors(&error);
    QVERIFY2(!m_vectors.isEmpty(), qPrintable(error));
}

WebhookEvent TestEventDecoder::decodeVector(const QString &name) const
{
    return EventDecoder::decode(test::vectorBody(m_vectors, name));
}

void TestEventDecoder::vectors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("vectorEvent");
    for (const test::WebhookVector &vector : m_vectors)
        QTest::newRow(qPrintable(vector.name)) << vector.body << vector.event;
}

void TestEventDecoder::vectors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, vectorEvent);

    const QJsonObject expected = test::jsonObject(body);
    QVERIFY(!expected.isEmpty());
    const WebhookEvent event = EventDecoder::decode(body);

    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Object);
    QVERIFY(event.isDecoded());
    QCOMPARE(event.parseError, QString());
    QCOMPARE(event.event, expected.value("event"_L1).toString());
    QCOMPARE(event.event, vectorEvent);
    QCOMPARE(event.id, expected.value("id"_L1).toString());
    QVERIFY(!event.id.isEmpty());
    bool ok = false;
    const qint64 createdAt = expected.value("created_at"_L1).toString().toLongLong(&ok);
    QVERIFY(ok);
    QCOMPARE(event.createdAt, std::optional<qint64>(createdAt));

    QVERIFY(event.room.has_value());
    QCOMPARE(event.room->roomId,
             expected.value("room"_L1).toObject().value("room_id"_L1).toString());
    QCOMPARE(event.room->sid, expected.value("room"_L1).toObject().value("sid"_L1).toString());

    QCOMPARE(eventFamilyName(event.family), kFamilies.value(event.event, u"unknown"_s));
    QCOMPARE(event.isKnownEvent, kFamilies.contains(event.event));

    // Each sub-message is decoded exactly when its key is in the body.
    QCOMPARE(event.participant.has_value(), expected.contains("participant"_L1));
    QCOMPARE(event.track.has_value(), expected.contains("track"_L1));
    QCOMPARE(event.recording.has_value(), expected.contains("recording_info"_L1));
    QCOMPARE(event.artifact.has_value(), expected.contains("room_artifact"_L1));
    QCOMPARE(event.analytics.has_value(), expected.contains("analytics"_L1));
    QCOMPARE(event.speechService.has_value(), expected.contains("speech_service"_L1));
    if (event.participant) {
        const QJsonObject participant = expected.value("participant"_L1).toObject();
        QCOMPARE(event.participant->identity, participant.value("identity"_L1).toString());
        QCOMPARE(event.participant->sid, participant.value("sid"_L1).toString());
    }

    QStringList unknown;
    for (const QString &key : expected.keys()) {
        if (!kTopLevelKeys.contains(key))
            unknown.append(key);
    }
    QCOMPARE(event.unknownKeys, unknown);
    QCOMPARE(event.body, expected);
}

void TestEventDecoder::catalogue_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("family");
    QTest::addColumn<bool>("known");
    for (auto it = kFamilies.cbegin(); it != kFamilies.cend(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key() << it.value() << true;
    // The server lowercases names (protocol.md 2.1); a sender that does not is still understood.
    QTest::newRow("upper case") << u"ROOM_STARTED"_s << u"room"_s << true;
    QTest::newRow("unknown") << u"breakout_room_created"_s << u"unknown"_s << false;
    QTest::newRow("prefix of a known name") << u"room_"_s << u"unknown"_s << false;
    QTest::newRow("empty") << QString() << u"unknown"_s << false;
}

void TestEventDecoder::catalogue()
{
    QFETCH(QString, name);
    QFETCH(QString, family);
    QFETCH(bool, known);

    QCOMPARE(eventFamilyName(EventDecoder::familyOf(name)), family);
    QCOMPARE(EventDecoder::isKnownEvent(name), known);
    QCOMPARE(EventDecoder::knownEvents().contains(name), known && name == name.toLower());

    const WebhookEvent event =
        EventDecoder::decode(QJsonDocument(QJsonObject{{"event"_L1, name}}).toJson());
    QCOMPARE(event.event, name);
    QCOMPARE(eventFamilyName(event.family), family);
    QCOMPARE(event.isKnownEvent, known);
    QCOMPARE(EventDecoder::knownEvents().size(), kFamilies.size());
}

void TestEventDecoder::roomCreated()
{
    const WebhookEvent event = decodeVector(u"valid__room_created"_s);
    QCOMPARE(headerOf(event),
             u"room_created c0ffee00-0000-4000-8000-000000000001 1767222000 room known"_s);
    QVERIFY(event.room.has_value());
    QCOMPARE(event.room->sid, kRoomSid);
    QCOMPARE(event.room->roomId, u"room01"_s);
    QCOMPARE(event.room->title, kRoomTitle);
    QVERIFY(event.room->metadata.startsWith(u"{\"room_title\":\""_s + kRoomTitle + u"\",\""_s));
    QVERIFY(event.room->metadata.endsWith(
        u"\"metadata_id\":\"0d9f3a55-1a7b-4c2e-b6f0-2c8e5d1f7a90\"}"_s));
    QCOMPARE(event.room->emptyTimeoutSecs, std::optional<qint64>(1800));
    QCOMPARE(event.room->maxParticipants, std::optional<qint64>(100));
    QCOMPARE(event.room->creationTime, std::optional<qint64>(1767222000));
    QCOMPARE(event.room->numParticipants, std::nullopt); // room_created has none (6.1)
    QCOMPARE(event.room->enabledCodecs, QStringList());
    QVERIFY(!event.participant && !event.track && !event.recording && !event.artifact);
    QVERIFY(!event.analytics && !event.speechService);
    QCOMPARE(event.unknownKeys, QStringList());
}

void TestEventDecoder::roomStartedAndFinished()
{
    const QStringList codecs = {u"audio/opus"_s, u"audio/red"_s, u"video/VP8"_s,
                                u"video/H264"_s, u"video/VP9"_s, u"video/AV1"_s};
    const WebhookEvent started = decodeVector(u"valid__room_started"_s);
    QCOMPARE(headerOf(started), u"room_started EV_Qm7s2KpXvR9t 1767222004 room known"_s);
    QCOMPARE(started.room->enabledCodecs, codecs);
    QCOMPARE(started.room->numParticipants, std::optional<qint64>(0)); // optional: sent as 0
    QCOMPARE(started.room->creationTime, std::optional<qint64>(1767222004));
    QCOMPARE(started.room->title, kRoomTitle);

    const WebhookEvent finished = decodeVector(u"valid__room_finished"_s);
    QCOMPARE(headerOf(finished), u"room_finished EV_Rf5kD1sQ8hPx 1767225020 room known"_s);
    QCOMPARE(finished.room->enabledCodecs, codecs);
    QCOMPARE(finished.room->emptyTimeoutSecs, std::optional<qint64>(1800));
}

void TestEventDecoder::sessionEnded()
{
    const WebhookEvent event = decodeVector(u"valid__session_ended"_s);
    QCOMPARE(headerOf(event),
             u"session_ended c0ffee00-0000-4000-8000-000000000011 1767225010 room known"_s);
    QCOMPARE(event.room->creationTime, std::optional<qint64>(1767222000));
    QCOMPARE(event.room->title, kRoomTitle);
    QCOMPARE(event.room->emptyTimeoutSecs, std::nullopt);
    QCOMPARE(event.room->maxParticipants, std::nullopt);
    QCOMPARE(event.room->numParticipants, std::nullopt);
}

void TestEventDecoder::participantJoined()
{
    const WebhookEvent event = decodeVector(u"valid__participant_joined"_s);
    QCOMPARE(headerOf(event), u"participant_joined EV_Jn4wH8cYb2Lq 1767222600 participant known"_s);
    QCOMPARE(event.room->numParticipants, std::optional<qint64>(1));
    QVERIFY(event.participant.has_value());
    const EventParticipant &participant = *event.participant;
    QCOMPARE(participant.sid, u"PA_k3XqTz8Lm2Wn"_s);
    QCOMPARE(participant.identity, u"user_1001"_s);
    QCOMPARE(participant.name, QString::fromUtf8("Alice \xc3\x85ngstr\xc3\xb6m"));
    QCOMPARE(participant.state, u"ACTIVE"_s);
    QCOMPARE(participant.kind, u"STANDARD"_s); // absent: enum zero (protocol.md 8.9)
    QCOMPARE(participant.joinedAt, std::optional<qint64>(1767222600));
    QCOMPARE(participant.joinedAtMs, std::optional<qint64>(1767222600412));
    QCOMPARE(participant.isPublisher, true);
    QCOMPARE(participant.attributes,
             test::jsonObject(R"({"is_admin":"true","lk.platform":"web"})"));
    QCOMPARE(participant.metadata, QString());
    QCOMPARE(participant.region, QString());
    QCOMPARE(participant.disconnectReason, QString());
    QVERIFY(!event.track);
}

void TestEventDecoder::participantLeft()
{
    const WebhookEvent event = decodeVector(u"valid__participant_left"_s);
    QCOMPARE(headerOf(event), u"participant_left EV_Lw8eR2nT6yVc 1767225000 participant known"_s);
    QCOMPARE(event.participant->identity, u"user_1001"_s);
    QCOMPARE(event.participant->state, u"DISCONNECTED"_s);
    QCOMPARE(event.participant->disconnectReason, u"CLIENT_INITIATED"_s);
    QCOMPARE(event.participant->isPublisher, false);
    QCOMPARE(event.participant->joinedAtMs, std::optional<qint64>(1767222600412));
}

void TestEventDecoder::trackPublished()
{
    const WebhookEvent event = decodeVector(u"valid__track_published"_s);
    QCOMPARE(headerOf(event), u"track_published EV_Tp1aG6uN0dWe 1767222610 track known"_s);
    // LiveKit sends a reduced room and participant on track events (protocol.md 8.13).
    QCOMPARE(event.room->creationTime, std::optional<qint64>(0));
    QCOMPARE(event.room->enabledCodecs, QStringList());
    QCOMPARE(event.participant->sid, u"PA_k3XqTz8Lm2Wn"_s);
    QCOMPARE(event.participant->identity, u"user_1001"_s);
    QCOMPARE(event.participant->name, QString());
    QCOMPARE(event.participant->state, u"JOINING"_s);
    QCOMPARE(event.participant->joinedAt, std::nullopt);
    QVERIFY(event.track.has_value());
    QCOMPARE(event.track->sid, u"TR_VCa9PtZr5Ek3"_s);
    QCOMPARE(event.track->type, u"VIDEO"_s);
    QCOMPARE(event.track->source, u"CAMERA"_s);
    QCOMPARE(event.track->name, u"camera"_s);
    QCOMPARE(event.track->mimeType, u"video/VP8"_s);
    QCOMPARE(event.track->muted, false);
    QCOMPARE(event.track->width, std::optional<qint64>(1280));
    QCOMPARE(event.track->height, std::optional<qint64>(720));
}

void TestEventDecoder::trackUnpublishedHasZeroEnums()
{
    const WebhookEvent event = decodeVector(u"valid__track_unpublished"_s);
    QCOMPARE(headerOf(event), u"track_unpublished EV_Ux3bK9rM5fZa 1767224400 track known"_s);
    QCOMPARE(event.track->sid, u"TR_AMx4Hq2Lw7Ds"_s);
    QCOMPARE(event.track->type, u"AUDIO"_s); // no "type" key: AUDIO is enum zero
    QCOMPARE(event.track->source, u"MICROPHONE"_s);
    QCOMPARE(event.track->name, u"microphone"_s);
    QCOMPARE(event.track->muted, true);
    QCOMPARE(event.track->mimeType, u"audio/red"_s);
    QCOMPARE(event.track->width, std::nullopt);
    QCOMPARE(event.track->height, std::nullopt);

    const WebhookEvent bare = EventDecoder::decode(R"({"event":"track_published","track":{}})");
    QCOMPARE(bare.track->type, u"AUDIO"_s);
    QCOMPARE(bare.track->source, u"UNKNOWN"_s);
}

void TestEventDecoder::recordings_data()
{
    QTest::addColumn<QString>("vector");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("recordId");
    QTest::addColumn<QString>("recorderId");
    QTest::addColumn<QString>("recorderMsg");
    QTest::addColumn<QString>("filePath");
    QTest::addColumn<double>("fileSizeMb");

    const QString recording = kRoomSid + u"-1767223800077"_s;
    const QString rtmp = kRoomSid + u"-1767224100000"_s;
    QTest::newRow("start_recording")
        << u"valid__start_recording"_s
        << u"start_recording c0ffee00-0000-4000-8000-000000000002 1767223800 recording known"_s
        << recording << u"node_01"_s << u"success"_s << QString() << 0.0;
    QTest::newRow("end_recording")
        << u"valid__end_recording"_s
        << u"end_recording c0ffee00-0000-4000-8000-000000000003 1767224900 recording known"_s
        << recording << u"node_01"_s << u"success"_s << QString() << 0.0;
    QTest::newRow("recording_proceeded")
        << u"valid__recording_proceeded"_s
        << u"recording_proceeded c0ffee00-0000-4000-8000-000000000004 1767225200 recording known"_s
        << recording << u"node_01"_s << u"success"_s
        << u"node_01/"_s + kRoomSid + u"/"_s + recording + u".mp4"_s << 12.5;
    QTest::newRow("recording_transcoding_finished")
        << u"valid__recording_transcoding_finished"_s
        << u"recording_transcoding_finished c0ffee00-0000-4000-8000-000000000005 1767225210 recording known"_s
        << recording << u"node_01"_s << u"success"_s << QString() << 0.0;
    QTest::newRow("start_rtmp")
        << u"valid__start_rtmp"_s
        << u"start_rtmp c0ffee00-0000-4000-8000-000000000006 1767224100 recording known"_s << rtmp
        << u"node_02"_s << u"success"_s << QString() << 0.0;
    QTest::newRow("end_rtmp")
        << u"valid__end_rtmp"_s
        << u"end_rtmp c0ffee00-0000-4000-8000-000000000007 1767224700 recording known"_s << rtmp
        << u"node_02"_s << u"ffmpeg exited: \"rtmp://live.example/app\" connection refused\n"_s
        << QString() << 0.0;
}

void TestEventDecoder::recordings()
{
    QFETCH(QString, vector);
    QFETCH(QString, header);
    QFETCH(QString, recordId);
    QFETCH(QString, recorderId);
    QFETCH(QString, recorderMsg);
    QFETCH(QString, filePath);
    QFETCH(double, fileSizeMb);

    const WebhookEvent event = decodeVector(vector);
    QCOMPARE(headerOf(event), header);
    QVERIFY(event.recording.has_value());
    QCOMPARE(event.recording->recordId, recordId);
    QCOMPARE(event.recording->recorderId, recorderId);
    QCOMPARE(event.recording->recorderMsg, recorderMsg);
    QCOMPARE(event.recording->filePath, filePath);
    QCOMPARE(event.recording->fileSizeMb, std::optional<double>(fileSizeMb)); // always sent
}

void TestEventDecoder::speechService_data()
{
    QTest::addColumn<QString>("vector");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<qint64>("totalUsage"); // -1: absent (omitted when zero, protocol.md 5.4)

    QTest::newRow("speech_to_text_session_started")
        << u"valid__speech_to_text_session_started"_s
        << u"speech_to_text_session_started c0ffee00-0000-4000-8000-000000000008 1767223100 speech known"_s
        << u"user_1001"_s << qint64(-1);
    QTest::newRow("speech_to_text_session_ended")
        << u"valid__speech_to_text_session_ended"_s
        << u"speech_to_text_session_ended c0ffee00-0000-4000-8000-000000000009 1767224240 speech known"_s
        << u"user_1001"_s << qint64(1140);
    QTest::newRow("speech_to_text_total_usage")
        << u"valid__speech_to_text_total_usage"_s
        << u"speech_to_text_total_usage c0ffee00-0000-4000-8000-000000000010 1767225300 speech known"_s
        << QString() << qint64(2280);
}

void TestEventDecoder::speechService()
{
    QFETCH(QString, vector);
    QFETCH(QString, header);
    QFETCH(QString, userId);
    QFETCH(qint64, totalUsage);

    const WebhookEvent event = decodeVector(vector);
    QCOMPARE(headerOf(event), header);
    QVERIFY(event.speechService.has_value());
    QCOMPARE(event.speechService->userId, userId);
    QCOMPARE(event.speechService->totalUsageSecs,
             totalUsage < 0 ? std::nullopt : std::optional<qint64>(totalUsage));
}

void TestEventDecoder::artifactWithUsage()
{
    const WebhookEvent event =
        decodeVector(u"valid__artifact_created__speech_transcription_usage"_s);
    QCOMPARE(headerOf(event),
             u"artifact_created c0ffee00-0000-4000-8000-000000000012 1767225360 analytics known"_s);
    QVERIFY(event.artifact.has_value());
    QCOMPARE(event.artifact->type, u"SPEECH_TRANSCRIPTION_USAGE"_s);
    QCOMPARE(event.artifact->artifactId, u"b1d2e3f4-0a1b-4c2d-8e3f-4a5b6c7d8e9f"_s);
    QCOMPARE(event.artifact->referenceArtifactId, u"e5f6a7b8-1c2d-4e3f-9a0b-1c2d3e4f5a6b"_s);
    QCOMPARE(
        event.artifact->usage,
        test::jsonObject(
            R"({"duration_usage":{"duration_sec":2280,"breakdown":{"total_usage":"2280",)"
            R"("user_1001":"1140","user_1002":"1140"},"duration_sec_estimated_cost":0.0633}})"));
    QCOMPARE(event.artifact->fileSizeBytes, std::nullopt);
    QCOMPARE(event.artifact->filePath, QString());
    QCOMPARE(event.artifact->userId, QString());
}

void TestEventDecoder::artifactWithFile()
{
    const WebhookEvent event = decodeVector(u"valid__artifact_created__meeting_analytics"_s);
    QCOMPARE(headerOf(event),
             u"artifact_created c0ffee00-0000-4000-8000-000000000013 1767225480 analytics known"_s);
    QCOMPARE(event.artifact->type, u"MEETING_ANALYTICS"_s);
    QCOMPARE(event.artifact->artifactId, u"a7c3e1d2-5f60-4b8a-9c1d-2e3f4a5b6c7d"_s);
    QCOMPARE(event.artifact->filePath,
             u"room01/analytics/analytics-"_s + kRoomSid + u"-1767225480000.json"_s);
    QCOMPARE(event.artifact->fileSizeBytes, std::optional<qint64>(48213)); // bytes, from a string
    QCOMPARE(event.artifact->mimeType, u"application/json"_s);
    QCOMPARE(event.artifact->usage, QJsonObject());
    QCOMPARE(event.artifact->referenceArtifactId, QString());
}

void TestEventDecoder::analyticsProceeded()
{
    const WebhookEvent event = decodeVector(u"valid__analytics_proceeded"_s);
    QCOMPARE(
        headerOf(event),
        u"analytics_proceeded c0ffee00-0000-4000-8000-000000000014 1767225481 analytics known"_s);
    QVERIFY(event.analytics.has_value());
    QCOMPARE(event.analytics->fileId, u"a7c3e1d2-5f60-4b8a-9c1d-2e3f4a5b6c7d"_s);
}

void TestEventDecoder::unknownEventAndField()
{
    const WebhookEvent event = decodeVector(u"valid__unknown_event_and_field"_s);
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(
        headerOf(event),
        u"breakout_room_mystery_event c0ffee00-0000-4000-8000-000000000099 1767225600 unknown unknown event"_s);
    QCOMPARE(event.room->roomId, u"room01"_s);
    QCOMPARE(event.unknownKeys, QStringList{u"future_field"_s});
    QCOMPARE(event.body.value("future_field"_L1).toObject(), test::jsonObject(R"({"x":1})"));
}

void TestEventDecoder::commaSpaceLayoutDecodesTheSame()
{
    const WebhookEvent spaced = decodeVector(u"valid__comma_space_layout"_s);
    const WebhookEvent compact = decodeVector(u"valid__participant_joined"_s);
    QCOMPARE(spaced.body, compact.body);
    QCOMPARE(spaced.toSummaryJson(), compact.toSummaryJson());
    QCOMPARE(spaced.participant->name, compact.participant->name);
    QCOMPARE(spaced.participant->attributes, compact.participant->attributes);
    QCOMPARE(spaced.room->enabledCodecs, compact.room->enabledCodecs);
    QCOMPARE(spaced.room->title, kRoomTitle);
}

QTEST_GUILESS_MAIN(TestEventDecoder)
#include "tst_eventdecoder.moc"
