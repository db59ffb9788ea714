// EventDecoder on crafted bodies: the leniency of protocol.md section 8 (both key spellings,
// integers as numbers or strings, enums as names or numbers, unknown keys kept) and input that
// is not a webhook at all (empty, not JSON, not an object, NUL bytes, bad UTF-8, deep nesting).
#include "events/eventdecoder.h"
#include "eventtestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <limits>

using namespace pnm;
using namespace Qt::Literals::StringLiterals;

class TestEventDecoderInput : public QObject
{
    Q_OBJECT

private slots:
    void camelCaseKeys();
    void snakeCaseWins();
    void integersAsNumbersOrStrings();
    void overflowingIntegerLeavesFieldEmpty();
    void enums_data();
    void enums();
    void unknownKeysAreKept();
    void nullAndWrongTypes();
    void emptyBody();
    void notJson_data();
    void notJson();
    void notObject_data();
    void notObject();
    void nulBytes();
    void deepNesting();
    void metadata_data();
    void metadata();
    void commaSpacing();
    void everyPrefixOfABodyIsNotJson();
};

void TestEventDecoderInput::camelCaseKeys()
{
    // The lowerCamelCase JSON names Go's protojson parser also accepts (protocol.md 4).
    const WebhookEvent event = EventDecoder::decode(R"({"event":"participant_left",
        "room":{"sid":"s1","roomId":"r1","emptyTimeout":60,"maxParticipants":"5",
                "creationTime":"1700000000","enabledCodecs":[{"mime":"audio/opus"}],
                "metadata":"{\"roomTitle\":\"Camel\"}","numParticipants":3},
        "participant":{"identity":"u1","joinedAt":"1700000001","joinedAtMs":"1700000001234",
                       "isPublisher":true,"disconnectReason":"ROOM_DELETED"},
        "track":{"sid":"TR_1","mimeType":"audio/opus"},
        "recordingInfo":{"recordId":"rec1","recorderId":"node_9","recorderMsg":"ok",
                         "filePath":"a.mp4","fileSize":1.25},
        "speechService":{"userId":"u1","totalUsage":"77"},
        "roomArtifact":{"type":"MEETING_SUMMARY","artifactId":"art1",
                        "metadata":{"userInfo":{"userId":"u1","name":"N"},
                                    "fileInfo":{"filePath":"s.md","fileSize":"2048",
                                                "mimeType":"text/markdown"},
                                    "tokenUsage":{"totalTokens":9},
                                    "referenceArtifactId":"art0"}},
        "analytics":{"fileId":"f1"},
        "id":"ev1","createdAt":"1700000002"})");
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(event.createdAt, std::optional<qint64>(1700000002));
    QCOMPARE(event.unknownKeys, QStringList());
    QCOMPARE(event.room->roomId, u"r1"_s);
    QCOMPARE(event.room->emptyTimeoutSecs, std::optional<qint64>(60));
    QCOMPARE(event.room->maxParticipants, std::optional<qint64>(5));
    QCOMPARE(event.room->creationTime, std::optional<qint64>(1700000000));
    QCOMPARE(event.room->enabledCodecs, QStringList{u"audio/opus"_s});
    QCOMPARE(event.room->title, u"Camel"_s);
    QCOMPARE(event.room->numParticipants, std::optional<qint64>(3));
    QCOMPARE(event.participant->joinedAt, std::optional<qint64>(1700000001));
    QCOMPARE(event.participant->joinedAtMs, std::optional<qint64>(1700000001234));
    QCOMPARE(event.participant->isPublisher, true);
    QCOMPARE(event.participant->disconnectReason, u"ROOM_DELETED"_s);
    QCOMPARE(event.track->mimeType, u"audio/opus"_s);
    QCOMPARE(event.recording->recordId, u"rec1"_s);
    QCOMPARE(event.recording->recorderId, u"node_9"_s);
    QCOMPARE(event.recording->recorderMsg, u"ok"_s);
    QCOMPARE(event.recording->filePath, u"a.mp4"_s);
    QCOMPARE(event.recording->fileSizeMb, std::optional<double>(1.25));
    QCOMPARE(event.speechService->userId, u"u1"_s);
    QCOMPARE(event.speechService->totalUsageSecs, std::optional<qint64>(77));
    QCOMPARE(event.artifact->type, u"MEETING_SUMMARY"_s);
    QCOMPARE(event.artifact->artifactId, u"art1"_s);
    QCOMPARE(event.artifact->userId, u"u1"_s);
    QCOMPARE(event.artifact->userName, u"N"_s);
    QCOMPARE(event.artifact->filePath, u"s.md"_s);
    QCOMPARE(event.artifact->fileSizeBytes, std::optional<qint64>(2048));
    QCOMPARE(event.artifact->mimeType, u"text/markdown"_s);
    // The oneof member is named by its proto name whichever spelling arrived.
    QCOMPARE(event.artifact->usage, test::jsonObject(R"({"token_usage":{"totalTokens":9}})"));
    QCOMPARE(event.artifact->referenceArtifactId, u"art0"_s);
    QCOMPARE(event.analytics->fileId, u"f1"_s);
}

void TestEventDecoderInput::snakeCaseWins()
{
    const WebhookEvent event = EventDecoder::decode(
        R"({"createdAt":"2","created_at":"1","room":{"roomId":"camel","room_id":"snake"},)"
        R"("recordingInfo":{"record_id":"camel"},"recording_info":{"record_id":"snake"}})");
    QCOMPARE(event.createdAt, std::optional<qint64>(1));
    QCOMPARE(event.room->roomId, u"snake"_s);
    QCOMPARE(event.recording->recordId, u"snake"_s);
    QCOMPARE(event.unknownKeys, QStringList());
}

void TestEventDecoderInput::integersAsNumbersOrStrings()
{
    // int64 fields normally arrive as strings and int32 as numbers (protocol.md 4); swapped
    // here, every one must still be read (protocol.md 8.8).
    const WebhookEvent swapped = EventDecoder::decode(
        R"({"created_at":1767222600,"room":{"num_participants":"4","empty_timeout":"1800",)"
        R"("max_participants":"100","creation_time":1767222004},)"
        R"("participant":{"joined_at":1767222600,"joined_at_ms":1767222600412},)"
        R"("track":{"width":"1280","height":"720"},"speech_service":{"total_usage":1140},)"
        R"("room_artifact":{"metadata":{"file_info":{"file_size":48213}}}})");
    QCOMPARE(swapped.createdAt, std::optional<qint64>(1767222600));
    QCOMPARE(swapped.room->numParticipants, std::optional<qint64>(4));
    QCOMPARE(swapped.room->emptyTimeoutSecs, std::optional<qint64>(1800));
    QCOMPARE(swapped.room->maxParticipants, std::optional<qint64>(100));
    QCOMPARE(swapped.room->creationTime, std::optional<qint64>(1767222004));
    QCOMPARE(swapped.participant->joinedAt, std::optional<qint64>(1767222600));
    QCOMPARE(swapped.participant->joinedAtMs, std::optional<qint64>(1767222600412));
    QCOMPARE(swapped.track->width, std::optional<qint64>(1280));
    QCOMPARE(swapped.track->height, std::optional<qint64>(720));
    QCOMPARE(swapped.speechService->totalUsageSecs, std::optional<qint64>(1140));
    QCOMPARE(swapped.artifact->fileSizeBytes, std::optional<qint64>(48213));

    // A recording's MB size as a string, and the non-finite spellings protojson uses.
    const WebhookEvent size = EventDecoder::decode(R"({"recording_info":{"file_size":"12.5"}})");
    QCOMPARE(size.recording->fileSizeMb, std::optional<double>(12.5));
    const WebhookEvent nan = EventDecoder::decode(R"({"recording_info":{"file_size":"NaN"}})");
    QVERIFY(nan.recording->fileSizeMb.has_value());
    QVERIFY(qIsNaN(*nan.recording->fileSizeMb));
    // Integers that are not integers leave the field empty, the rest of the event is kept.
    const WebhookEvent fraction = EventDecoder::decode(
        R"({"event":"room_started","created_at":"1767222600.5","room":{"num_participants":1.5}})");
    QCOMPARE(fraction.createdAt, std::nullopt);
    QCOMPARE(fraction.room->numParticipants, std::nullopt);
    QCOMPARE(fraction.event, u"room_started"_s);
}

void TestEventDecoderInput::overflowingIntegerLeavesFieldEmpty()
{
    const WebhookEvent max = EventDecoder::decode(R"({"created_at":"9223372036854775807"})");
    QCOMPARE(max.createdAt, std::optional<qint64>(std::numeric_limits<qint64>::max()));

    const WebhookEvent over = EventDecoder::decode(
        R"({"event":"room_started","id":"x","created_at":"9223372036854775808",)"
        R"("room":{"room_id":"r","creation_time":"18446744073709551616"},)"
        R"("participant":{"joined_at_ms":"99999999999999999999999999"}})");
    QCOMPARE(over.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(over.createdAt, std::nullopt);
    QCOMPARE(over.room->creationTime, std::nullopt);
    QCOMPARE(over.participant->joinedAtMs, std::nullopt);
    QCOMPARE(over.room->roomId, u"r"_s);
    QCOMPARE(over.id, u"x"_s);
    QVERIFY(!over.toSummaryJson().contains("created_at"_L1));
}

void TestEventDecoderInput::enums_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    // Names as sent, known numbers by name, unknown numbers as text (protocol.md 4, 8.9).
    QTest::newRow("state name") << R"({"participant":{"state":"JOINED"}})"_ba << u"state"_s
                                << u"JOINED"_s;
    QTest::newRow("state 2") << R"({"participant":{"state":2}})"_ba << u"state"_s << u"ACTIVE"_s;
    QTest::newRow("state 0") << R"({"participant":{"state":0}})"_ba << u"state"_s << u"JOINING"_s;
    QTest::newRow("state 9") << R"({"participant":{"state":9}})"_ba << u"state"_s << u"9"_s;
    QTest::newRow("state absent") << R"({"participant":{}})"_ba << u"state"_s << u"JOINING"_s;
    QTest::newRow("kind 7") << R"({"participant":{"kind":7}})"_ba << u"kind"_s << u"CONNECTOR"_s;
    QTest::newRow("kind 5") << R"({"participant":{"kind":5}})"_ba << u"kind"_s << u"5"_s;
    QTest::newRow("kind absent") << R"({"participant":{}})"_ba << u"kind"_s << u"STANDARD"_s;
    QTest::newRow("reason 16") << R"({"participant":{"disconnect_reason":16}})"_ba
                               << u"disconnectReason"_s << u"AGENT_ERROR"_s;
    QTest::newRow("reason 0") << R"({"participant":{"disconnect_reason":0}})"_ba
                              << u"disconnectReason"_s << u"UNKNOWN_REASON"_s;
    QTest::newRow("reason 99") << R"({"participant":{"disconnect_reason":99}})"_ba
                               << u"disconnectReason"_s << u"99"_s;
    QTest::newRow("reason absent")
        << R"({"participant":{}})"_ba << u"disconnectReason"_s << QString();
    QTest::newRow("type 1") << R"({"track":{"type":1}})"_ba << u"type"_s << u"VIDEO"_s;
    QTest::newRow("type 3") << R"({"track":{"type":3}})"_ba << u"type"_s << u"3"_s;
    QTest::newRow("type 1.5") << R"({"track":{"type":1.5}})"_ba << u"type"_s << QString();
    QTest::newRow("source 4") << R"({"track":{"source":4}})"_ba << u"source"_s
                              << u"SCREEN_SHARE_AUDIO"_s;
    QTest::newRow("source -1") << R"({"track":{"source":-1}})"_ba << u"source"_s << u"-1"_s;
    QTest::newRow("source new name")
        << R"({"track":{"source":"HOLOGRAM"}})"_ba << u"source"_s << u"HOLOGRAM"_s;
    QTest::newRow("artifact 9") << R"({"room_artifact":{"type":9}})"_ba << u"artifactType"_s
                                << u"AI_TEXT_CHAT_SUMMARIZATION_USAGE"_s;
    QTest::newRow("artifact 10") << R"({"room_artifact":{"type":10}})"_ba << u"artifactType"_s
                                 << u"10"_s;
    QTest::newRow("artifact absent")
        << R"({"room_artifact":{}})"_ba << u"artifactType"_s << u"UNKNOWN_ARTIFACT"_s;
}

void TestEventDecoderInput::enums()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    const WebhookEvent event = EventDecoder::decode(body);
    QString actual;
    if (field == u"state")
        actual = event.participant->state;
    else if (field == u"kind")
        actual = event.participant->kind;
    else if (field == u"disconnectReason")
        actual = event.participant->disconnectReason;
    else if (field == u"type")
        actual = event.track->type;
    else if (field == u"source")
        actual = event.track->source;
    else
        actual = event.artifact->type;
    QCOMPARE(actual, expected);
}

void TestEventDecoderInput::unknownKeysAreKept()
{
    const QByteArray body =
        R"({"event":"x_new_event","zeta":[1,{"deep":true}],"alpha":null,)"
        R"("createdAt":"5","recordingInfo":{},"room":{"room_id":"r","extra":1}})";
    const WebhookEvent event = EventDecoder::decode(body);
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(event.event, u"x_new_event"_s);
    QCOMPARE(event.isKnownEvent, false);
    QCOMPARE(event.family, EventFamily::Unknown);
    QCOMPARE(event.createdAt, std::optional<qint64>(5));
    QCOMPARE(event.unknownKeys, (QStringList{u"alpha"_s, u"zeta"_s})); // sorted, like QJsonObject
    QCOMPARE(event.body, test::jsonObject(body));
    QCOMPARE(event.room->roomId, u"r"_s);
    QVERIFY(event.recording.has_value()); // an empty message is still a message
}

void TestEventDecoderInput::nullAndWrongTypes()
{
    // protojson reads null as "not set"; other wrong types are skipped, never an error.
    const WebhookEvent event = EventDecoder::decode(
        R"({"event":7,"id":null,"created_at":true,"room":null,"participant":[1],)"
        R"("track":"TR_1","analytics":{"file_id":5},)"
        R"("room_artifact":{"metadata":{"file_info":"x","token_usage":"lots"}}})");
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(event.event, QString());
    QCOMPARE(event.id, QString());
    QCOMPARE(event.createdAt, std::nullopt);
    QVERIFY(!event.room);
    QVERIFY(!event.participant);
    QVERIFY(!event.track);
    QCOMPARE(event.analytics->fileId, QString());
    QCOMPARE(event.artifact->filePath, QString());
    QCOMPARE(event.artifact->usage, QJsonObject());
    QCOMPARE(event.unknownKeys, QStringList());
}

void TestEventDecoderInput::emptyBody()
{
    const WebhookEvent event = EventDecoder::decode(QByteArray());
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Empty);
    QVERIFY(!event.isDecoded());
    QCOMPARE(event.parseError, QString());
    QCOMPARE(event.event, QString());
    QCOMPARE(event.family, EventFamily::Unknown);
    QVERIFY(event.body.isEmpty());
    QVERIFY(!event.room);
}

void TestEventDecoderInput::notJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("missing value")
        << R"({"event":})"_ba << u"not JSON: object is missing after a comma at byte 10"_s;
    QTest::newRow("truncated") << R"({"event":"room_started")"_ba
                               << u"not JSON: unterminated string at byte 23"_s;
    QTest::newRow("trailing comma")
        << R"({"event":"x",})"_ba << u"not JSON: object is missing after a comma at byte 14"_s;
    QTest::newRow("garbage after object")
        << R"({"event":"x"}x)"_ba << u"not JSON: garbage at the end of the document at byte 13"_s;
    QTest::newRow("single quotes")
        << R"({'event':'x'})"_ba << u"not JSON: unterminated object at byte 2"_s;
    QTest::newRow("NaN literal") << R"({"created_at":NaN})"_ba
                                 << u"not JSON: illegal number at byte 14"_s;
    QTest::newRow("number too large for a double")
        << R"({"created_at":1e400})"_ba << u"not JSON: illegal number at byte 19"_s;
    QTest::newRow("bare word") << "hello"_ba << u"not JSON: illegal value at byte 0"_s;
    QTest::newRow("unterminated string")
        << R"("abc)"_ba << u"not JSON: unterminated string at byte 4"_s;
    QTest::newRow("two scalars") << "1 2"_ba << u"not JSON: missing value separator at byte 3"_s;
    QTest::newRow("scalars with comma") << "1,2"_ba << u"not JSON: illegal value at byte 1"_s;
    QTest::newRow("whitespace only") << " \r\n"_ba << u"not JSON: illegal value at byte 3"_s;
    QTest::newRow("form-encoded") << "event=room_started&id=1"_ba
                                  << u"not JSON: illegal value at byte 0"_s;
    QTest::newRow("word after spaces") << "  \n why"_ba << u"not JSON: illegal value at byte 4"_s;
    QTest::newRow("bad literal") << "tru"_ba << u"not JSON: illegal value at byte 1"_s;
    QTest::newRow("invalid UTF-8")
        << "{\"event\":\"\xff\xfe\"}"_ba << u"not JSON: invalid UTF8 string at byte 10"_s;
    QTest::newRow("truncated UTF-8")
        << "{\"name\":\"\xc3\"}"_ba << u"not JSON: invalid UTF8 string at byte 9"_s;
    QTest::newRow("UTF-8 surrogate")
        << "{\"name\":\"\xed\xa0\x80\"}"_ba << u"not JSON: invalid UTF8 string at byte 9"_s;
    QTest::newRow("overlong UTF-8")
        << "{\"name\":\"\xc0\xaf\"}"_ba << u"not JSON: invalid UTF8 string at byte 9"_s;
}

void TestEventDecoderInput::notJson()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    const WebhookEvent event = EventDecoder::decode(body);
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::NotJson);
    QVERIFY(!event.isDecoded());
    QCOMPARE(event.parseError, error);
    QCOMPARE(event.family, EventFamily::Unknown);
    QVERIFY(event.body.isEmpty());
}

void TestEventDecoderInput::notObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("array") << R"([{"event":"room_started"}])"_ba
                           << u"body is a JSON array, not an object"_s;
    QTest::newRow("empty array") << "[]"_ba << u"body is a JSON array, not an object"_s;
    QTest::newRow("string") << R"("room_started")"_ba << u"body is a JSON string, not an object"_s;
    QTest::newRow("string with spaces")
        << " \"x\"\n"_ba << u"body is a JSON string, not an object"_s;
    QTest::newRow("number") << "42"_ba << u"body is a JSON number, not an object"_s;
    QTest::newRow("boolean") << "true"_ba << u"body is a JSON boolean, not an object"_s;
    QTest::newRow("null") << "null"_ba << u"body is JSON null, not an object"_s;
}

void TestEventDecoderInput::notObject()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    const WebhookEvent event = EventDecoder::decode(body);
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::NotObject);
    QCOMPARE(event.parseError, error);
    QVERIFY(event.body.isEmpty());
    QCOMPARE(event.event, QString());
}

void TestEventDecoderInput::nulBytes()
{
    // A NUL inside a string is kept as U+0000; one outside is not JSON.
    const WebhookEvent inside =
        EventDecoder::decode(QByteArray("{\"participant\":{\"identity\":\"a\0b\"}}", 34));
    QCOMPARE(inside.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(inside.participant->identity, QString(u"a\0b"_s));
    QCOMPARE(inside.participant->identity.size(), 3);

    const WebhookEvent escaped = EventDecoder::decode(R"({"id":"a\u0000b"})");
    QCOMPARE(escaped.id, QString(u"a\0b"_s));

    const WebhookEvent after = EventDecoder::decode(QByteArray("{\"id\":\"x\"}\0", 11));
    QCOMPARE(after.bodyKind, WebhookEvent::BodyKind::NotJson);
    QCOMPARE(after.parseError, u"not JSON: garbage at the end of the document at byte 10"_s);

    const WebhookEvent only = EventDecoder::decode(QByteArray(16, '\0'));
    QCOMPARE(only.bodyKind, WebhookEvent::BodyKind::NotJson);
    QCOMPARE(only.parseError, u"not JSON: illegal value at byte 0"_s);
}

void TestEventDecoderInput::deepNesting()
{
    constexpr int kDepth = 10000;
    const QByteArray deepArray = QByteArray(kDepth, '[') + QByteArray(kDepth, ']');
    const WebhookEvent array = EventDecoder::decode(deepArray);
    QCOMPARE(array.bodyKind, WebhookEvent::BodyKind::NotJson);
    QCOMPARE(array.parseError, u"not JSON: too deeply nested document at byte 1025"_s);

    const WebhookEvent inObject =
        EventDecoder::decode("{\"event\":\"room_started\",\"deep\":" + deepArray + "}");
    QCOMPARE(inObject.bodyKind, WebhookEvent::BodyKind::NotJson);
    QCOMPARE(inObject.parseError, u"not JSON: too deeply nested document at byte 1055"_s);

    QByteArray deepObjects;
    for (int i = 0; i < kDepth; ++i)
        deepObjects += "{\"a\":";
    deepObjects += "1" + QByteArray(kDepth, '}');
    QCOMPARE(EventDecoder::decode(deepObjects).bodyKind, WebhookEvent::BodyKind::NotJson);

    // Nesting within QJsonDocument's limit is kept like any unknown value.
    constexpr int kAcceptedDepth = 500;
    const QByteArray nested = QByteArray(kAcceptedDepth, '[') + QByteArray(kAcceptedDepth, ']');
    const WebhookEvent kept = EventDecoder::decode(
        "{\"event\":\"room_started\",\"deep\":" + nested + ",\"room\":" + nested +
        ",\"participant\":{\"attributes\":{\"k\":" + nested + "}}}");
    QCOMPARE(kept.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(kept.unknownKeys, QStringList{u"deep"_s});
    QVERIFY(!kept.room);
    QVERIFY(kept.participant->attributes.value("k"_L1).isArray());
}

void TestEventDecoderInput::metadata_data()
{
    QTest::addColumn<QString>("metadata");
    QTest::addColumn<QString>("title");

    QTest::newRow("title") << uR"({"room_title":"Weekly"})"_s << u"Weekly"_s;
    QTest::newRow("escaped non-ASCII") << uR"({"room_title":"caf\u00e9 \ud83c\udf75"})"_s
                                       << QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x8d\xb5");
    QTest::newRow("HTML is text") << uR"({"room_title":"<b>A & B</b>"})"_s << u"<b>A & B</b>"_s;
    QTest::newRow("not JSON") << u"Weekly meeting"_s << QString();
    QTest::newRow("truncated JSON") << uR"({"room_title":"Wee)"_s << QString();
    QTest::newRow("JSON array") << uR"(["room_title"])"_s << QString();
    QTest::newRow("JSON string") << uR"("Weekly")"_s << QString();
    QTest::newRow("no title") << uR"({"welcome_message":"hi"})"_s << QString();
    QTest::newRow("title not a string") << uR"({"room_title":5})"_s << QString();
    QTest::newRow("title null") << uR"({"room_title":null})"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestEventDecoderInput::metadata()
{
    QFETCH(QString, metadata);
    QFETCH(QString, title);

    QJsonObject room{{"room_id"_L1, u"r"_s}, {"metadata"_L1, metadata}};
    const QByteArray body =
        QJsonDocument(QJsonObject{{"event"_L1, u"room_created"_s}, {"room"_L1, room}}).toJson();
    const WebhookEvent event = EventDecoder::decode(body);
    QCOMPARE(event.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(event.room->title, title);
    QCOMPARE(event.room->metadata, metadata); // kept as sent either way
    QCOMPARE(event.room->roomId, u"r"_s);
}

void TestEventDecoderInput::commaSpacing()
{
    // Go may put one space after every comma, decided per server binary (protocol.md 4, 8.1).
    const WebhookEvent compact = EventDecoder::decode(
        R"({"event":"track_published","room":{"sid":"s","room_id":"r"},)"
        R"("track":{"sid":"T","type":"VIDEO","source":"SCREEN_SHARE"},"id":"i","created_at":"7"})");
    const WebhookEvent spaced = EventDecoder::decode(
        R"({"event":"track_published", "room":{"sid":"s", "room_id":"r"}, )"
        R"("track":{"sid":"T", "type":"VIDEO", "source":"SCREEN_SHARE"}, "id":"i", "created_at":"7"})");
    QCOMPARE(spaced.bodyKind, WebhookEvent::BodyKind::Object);
    QCOMPARE(spaced.body, compact.body);
    QCOMPARE(spaced.toSummaryJson(), compact.toSummaryJson());
    QCOMPARE(spaced.track->source, u"SCREEN_SHARE"_s);
    QCOMPARE(spaced.createdAt, std::optional<qint64>(7));
}

void TestEventDecoderInput::everyPrefixOfABodyIsNotJson()
{
    // Cut anywhere, including inside a multi-byte character, a body is NotJson (never Object,
    // never a crash); only the whole body decodes.
    QString error;
    const QList<test::WebhookVector> vectors = test::loadVectors(&error);
    QVERIFY2(vectors.size() > 2, qPrintable(error));
    QCOMPARE(vectors.at(2).name, u"valid__participant_joined"_s); // with non-ASCII text
    const QByteArray body = vectors.at(2).body;
    QCOMPARE(EventDecoder::decode(QByteArray()).bodyKind, WebhookEvent::BodyKind::Empty);
    for (qsizetype length = 1; length < body.size(); ++length) {
        const WebhookEvent event = EventDecoder::decode(body.first(length));
        if (event.bodyKind != WebhookEvent::BodyKind::NotJson)
            QFAIL(qPrintable(
                u"prefix of %1 bytes decoded as kind %2"_s.arg(length).arg(int(event.bodyKind))));
    }
    QCOMPARE(EventDecoder::decode(body).bodyKind, WebhookEvent::BodyKind::Object);
}

QTEST_GUILESS_MAIN(TestEventDecoderInput)
#include "tst_eventdecoderinput.moc"
