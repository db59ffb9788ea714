// WebhookEvent's one-line summary for headless output and the family names: exact JSON for
// hand-built events, for body errors, and for decoded vectors of every family.
#include "events/eventdecoder.h"
#include "events/webhookevent.h"
#include "eventtestdata.h"

#include <QJsonDocument>
#include <QTest>

using namespace pnm;
using namespace Qt::Literals::StringLiterals;

namespace {

// QJsonObject sorts keys, so the compact text is a stable, exact expectation.
QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QByteArray kRoomPart =
    R"("room":{"room_id":"room01","sid":"6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f"})";
const QByteArray kTitledRoomPart =
    "\"room\":{\"room_id\":\"room01\",\"sid\":\"6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f\","
    "\"title\":\"R\xc3\xa9union hebdo \xe2\x80\x94 \xe9\x80\xb1\xe6\xac\xa1\xe3\x83\x9f\xe3\x83"
    "\xbc\xe3\x83\x86\xe3\x82\xa3\xe3\x83\xb3\xe3\x82\xb0\"}";

} // namespace

class TestWebhookEvent : public QObject
{
    Q_OBJECT

private slots:
    void familyNames_data();
    void familyNames();
    void defaultEventIsAnEmptyBody();
    void summaryOfHandBuiltEvent();
    void summaryLeavesOutWhatIsEmpty();
    void summaryOfBodyErrors_data();
    void summaryOfBodyErrors();
    void summaryOfVectors_data();
    void summaryOfVectors();
    void isAMetaType();
};

void TestWebhookEvent::familyNames_data()
{
    QTest::addColumn<EventFamily>("family");
    QTest::addColumn<QString>("name");
    QTest::newRow("room") << EventFamily::Room << u"room"_s;
    QTest::newRow("participant") << EventFamily::Participant << u"participant"_s;
    QTest::newRow("track") << EventFamily::Track << u"track"_s;
    QTest::newRow("recording") << EventFamily::Recording << u"recording"_s;
    QTest::newRow("analytics") << EventFamily::Analytics << u"analytics"_s;
    QTest::newRow("speech") << EventFamily::Speech << u"speech"_s;
    QTest::newRow("unknown") << EventFamily::Unknown << u"unknown"_s;
    QTest::newRow("out of range") << EventFamily(99) << u"unknown"_s;
}

void TestWebhookEvent::familyNames()
{
    QFETCH(EventFamily, family);
    QFETCH(QString, name);
    QCOMPARE(eventFamilyName(family), name);
}

void TestWebhookEvent::defaultEventIsAnEmptyBody()
{
    const WebhookEvent event;
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Empty);
    QVERIFY(!event.isDecoded());
    QCOMPARE(compact(event.toSummaryJson()), R"({"body_error":"empty body"})"_ba);
}

void TestWebhookEvent::summaryOfHandBuiltEvent()
{
    WebhookEvent event;
    event.bodyKind = WebhookEvent::BodyKind::Object;
    event.event = u"participant_left"_s;
    event.id = u"EV_1"_s;
    event.createdAt = 1767225000;
    event.family = EventFamily::Participant;
    event.room =
        EventRoom{u"S"_s, u"R"_s, u"T"_s, u"{}"_s, 2, 10, 60, 1767222000, {u"audio/opus"_s}};
    EventParticipant participant;
    participant.sid = u"PA_1"_s;
    participant.identity = u"u1"_s;
    participant.name = u"N"_s;
    participant.state = u"DISCONNECTED"_s;
    event.participant = participant;
    event.track = EventTrack{u"TR_1"_s,       u"mic"_s, u"audio/opus"_s, u"AUDIO"_s,
                             u"MICROPHONE"_s, true,     std::nullopt,    std::nullopt};
    event.recording = EventRecording{u"rec"_s, u"node_01"_s, u"success"_s, u"a.mp4"_s, 12.5};
    EventArtifact artifact;
    artifact.type = u"MEETING_SUMMARY"_s;
    artifact.artifactId = u"A1"_s;
    artifact.referenceArtifactId = u"A0"_s;
    artifact.userId = u"u1"_s;
    artifact.userName = u"N"_s;
    artifact.filePath = u"s.md"_s;
    artifact.mimeType = u"text/markdown"_s;
    artifact.fileSizeBytes = 9000000000; // beyond 32 bits: stays an exact integer
    artifact.usage.insert("token_usage"_L1, QJsonObject{{"total_tokens"_L1, 5}});
    event.artifact = artifact;
    event.analytics = EventAnalytics{u"F1"_s};
    event.speechService = EventSpeechService{u"u1"_s, 1140};

    QCOMPARE(compact(event.toSummaryJson()),
             R"({"analytics":{"file_id":"F1"},)"
             R"("artifact":{"artifact_id":"A1","file_path":"s.md","file_size_bytes":9000000000,)"
             R"("mime_type":"text/markdown","reference_artifact_id":"A0","type":"MEETING_SUMMARY",)"
             R"("usage":"token_usage","user_id":"u1","user_name":"N"},)"
             R"("created_at":1767225000,"event":"participant_left","family":"participant",)"
             R"("id":"EV_1","participant":{"identity":"u1","name":"N","sid":"PA_1"},)"
             R"("recording":{"file_path":"a.mp4","file_size_mb":12.5,"record_id":"rec",)"
             R"("recorder_id":"node_01","recorder_msg":"success"},)"
             R"("room":{"room_id":"R","sid":"S","title":"T"},)"
             R"("speech":{"total_usage_secs":1140,"user_id":"u1"},)"
             R"("track":{"sid":"TR_1","source":"MICROPHONE","type":"AUDIO"}})"_ba);
}

void TestWebhookEvent::summaryLeavesOutWhatIsEmpty()
{
    WebhookEvent event;
    event.bodyKind = WebhookEvent::BodyKind::Object; // `{}`
    QCOMPARE(compact(event.toSummaryJson()), R"({"family":"unknown"})"_ba);

    event.event = u"room_started"_s;
    event.family = EventFamily::Room;
    event.createdAt = 0; // present, so shown even though zero
    event.room = EventRoom{};
    event.participant = EventParticipant{};
    event.recording = EventRecording{};
    QCOMPARE(compact(event.toSummaryJson()),
             R"({"created_at":0,"event":"room_started","family":"room"})"_ba);
}

void TestWebhookEvent::summaryOfBodyErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("summary");

    QTest::newRow("empty") << QByteArray() << R"({"body_error":"empty body"})"_ba;
    QTest::newRow("not JSON") << R"({"event":"x")"_ba
                              << R"({"body_error":"not JSON: unterminated string at byte 12"})"_ba;
    QTest::newRow("array") << "[]"_ba
                           << R"({"body_error":"body is a JSON array, not an object"})"_ba;
    QTest::newRow("number") << "7"_ba
                            << R"({"body_error":"body is a JSON number, not an object"})"_ba;
}

void TestWebhookEvent::summaryOfBodyErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, summary);
    QCOMPARE(compact(EventDecoder::decode(body).toSummaryJson()), summary);
}

void TestWebhookEvent::summaryOfVectors_data()
{
    QTest::addColumn<QString>("vector");
    QTest::addColumn<QByteArray>("summary");

    QTest::newRow("room_created")
        << u"valid__room_created"_s
        << R"({"created_at":1767222000,"event":"room_created","family":"room",)"
           R"("id":"c0ffee00-0000-4000-8000-000000000001",)" +
               kTitledRoomPart + "}";
    QTest::newRow("participant_joined")
        << u"valid__participant_joined"_s
        << R"({"created_at":1767222600,"event":"participant_joined","family":"participant",)"
           R"("id":"EV_Jn4wH8cYb2Lq","participant":{"identity":"user_1001",)"
           "\"name\":\"Alice \xc3\x85ngstr\xc3\xb6m\",\"sid\":\"PA_k3XqTz8Lm2Wn\"}," +
               kTitledRoomPart + "}";
    QTest::newRow("track_unpublished")
        << u"valid__track_unpublished"_s
        << R"({"created_at":1767224400,"event":"track_unpublished","family":"track",)"
           R"("id":"EV_Ux3bK9rM5fZa","participant":{"identity":"user_1001","sid":"PA_k3XqTz8Lm2Wn"},)" +
               kTitledRoomPart +
               R"(,"track":{"sid":"TR_AMx4Hq2Lw7Ds","source":"MICROPHONE","type":"AUDIO"}})";
    QTest::newRow("recording_proceeded")
        << u"valid__recording_proceeded"_s
        << R"({"created_at":1767225200,"event":"recording_proceeded","family":"recording",)"
           R"("id":"c0ffee00-0000-4000-8000-000000000004","recording":{"file_path":)"
           R"("node_01/6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f/6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f-)"
           R"(1767223800077.mp4","file_size_mb":12.5,"record_id":)"
           R"("6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f-1767223800077","recorder_id":"node_01",)"
           R"("recorder_msg":"success"},)" +
               kRoomPart + "}";
    QTest::newRow("start_recording")
        << u"valid__start_recording"_s
        << R"({"created_at":1767223800,"event":"start_recording","family":"recording",)"
           R"("id":"c0ffee00-0000-4000-8000-000000000002","recording":{"file_size_mb":0,)"
           R"("record_id":"6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f-1767223800077",)"
           R"("recorder_id":"node_01","recorder_msg":"success"},)" +
               kRoomPart + "}";
    QTest::newRow("artifact_created")
        << u"valid__artifact_created__meeting_analytics"_s
        << R"({"artifact":{"artifact_id":"a7c3e1d2-5f60-4b8a-9c1d-2e3f4a5b6c7d","file_path":)"
           R"("room01/analytics/analytics-6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f-1767225480000.json",)"
           R"("file_size_bytes":48213,"mime_type":"application/json","type":"MEETING_ANALYTICS"},)"
           R"("created_at":1767225480,"event":"artifact_created","family":"analytics",)"
           R"("id":"c0ffee00-0000-4000-8000-000000000013",)" +
               kRoomPart + "}";
    QTest::newRow("analytics_proceeded")
        << u"valid__analytics_proceeded"_s
        << R"({"analytics":{"file_id":"a7c3e1d2-5f60-4b8a-9c1d-2e3f4a5b6c7d"},)"
           R"("created_at":1767225481,"event":"analytics_proceeded","family":"analytics",)"
           R"("id":"c0ffee00-0000-4000-8000-000000000014",)" +
               kRoomPart + "}";
    QTest::newRow("speech_to_text_session_ended")
        << u"valid__speech_to_text_session_ended"_s
        << R"({"created_at":1767224240,"event":"speech_to_text_session_ended","family":"speech",)"
           R"("id":"c0ffee00-0000-4000-8000-000000000009",)" +
               kRoomPart + R"(,"speech":{"total_usage_secs":1140,"user_id":"user_1001"}})";
    QTest::newRow("unknown event")
        << u"valid__unknown_event_and_field"_s
        << R"({"created_at":1767225600,"event":"breakout_room_mystery_event","family":"unknown",)"
           R"("id":"c0ffee00-0000-4000-8000-000000000099",)" +
               kRoomPart + "}";
}

void TestWebhookEvent::summaryOfVectors()
{
    QFETCH(QString, vector);
    QFETCH(QByteArray, summary);

    QString error;
    const QList<test::WebhookVector> vectors = test::loadVectors(&error);
    QVERIFY2(!vectors.isEmpty(), qPrintable(error));
    QCOMPARE(compact(EventDecoder::decode(test::vectorBody(vectors, vector)).toSummaryJson()),
             summary);
}

void TestWebhookEvent::isAMetaType()
{
    // Events cross from the ingest thread in queued signals (style.md section 3).
    const QMetaType type = QMetaType::fromType<WebhookEvent>();
    QVERIFY(type.isValid());
    WebhookEvent event = EventDecoder::decode(R"({"event":"room_started","id":"i"})");
    const QVariant variant = QVariant::fromValue(event);
    QCOMPARE(variant.value<WebhookEvent>().id, u"i"_s);
}

QTEST_GUILESS_MAIN(TestWebhookEvent)
#include "tst_webhookevent.moc"
