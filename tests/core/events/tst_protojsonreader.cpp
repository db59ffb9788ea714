// ProtoJsonReader reads what Go's protojson writes (protocol.md 4) and the lenient variants of
// protocol.md 8: integers as numbers or strings, enums as names or numbers, both key spellings.
#include "events/protojsonreader.h"
#include "eventtestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cmath>
#include <limits>

using namespace pnm;
using namespace Qt::Literals::StringLiterals;

namespace {

// One JSON value from its text; "undefined" gives an undefined QJsonValue (a missing field).
QJsonValue jsonValue(const QByteArray &text)
{
    if (text == "undefined")
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument document = QJsonDocument::fromJson('[' + text + ']');
    if (!document.isArray() || document.array().size() != 1)
        qFatal("test data is not one JSON value: %s", text.constData());
    return document.array().first();
}

ProtoEnumTable tableNamed(const QString &name)
{
    if (name == u"trackType")
        return ProtoEnums::trackType;
    if (name == u"trackSource")
        return ProtoEnums::trackSource;
    if (name == u"participantState")
        return ProtoEnums::participantState;
    if (name == u"participantKind")
        return ProtoEnums::participantKind;
    if (name == u"disconnectReason")
        return ProtoEnums::disconnectReason;
    return ProtoEnums::roomArtifactType;
}

} // namespace

class TestProtoJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void toInteger_data();
    void toInteger();
    void toFloating_data();
    void toFloating();
    void enumTables_data();
    void enumTables();
    void toEnumName_data();
    void toEnumName();
    void jsonName_data();
    void jsonName();
    void protoNameWinsOverJsonName();
    void nullMeansNotSet();
    void wrongTypesGiveZeroValues();
};

void TestProtoJsonReader::toInteger_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<qint64>("expected");

    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    // int32/uint32 travel as numbers, int64/uint64 as strings (protocol.md 4)
    QTest::newRow("number") << "1800"_ba << true << qint64(1800);
    QTest::newRow("number zero") << "0"_ba << true << qint64(0);
    QTest::newRow("negative number") << "-42"_ba << true << qint64(-42);
    QTest::newRow("negative zero") << "-0"_ba << true << qint64(0);
    QTest::newRow("number with exponent") << "1e3"_ba << true << qint64(1000);
    QTest::newRow("integral fraction") << "7.0"_ba << true << qint64(7);
    QTest::newRow("number above 2^53 exact")
        << "12345678901234567"_ba << true << qint64(12345678901234567);
    QTest::newRow("number int64 max") << "9223372036854775807"_ba << true << max;
    QTest::newRow("number int64 min") << "-9223372036854775808"_ba << true << min;
    QTest::newRow("string") << "\"1767222600\""_ba << true << qint64(1767222600);
    QTest::newRow("string zero") << "\"0\""_ba << true << qint64(0);
    QTest::newRow("string negative") << "\"-5\""_ba << true << qint64(-5);
    QTest::newRow("string ms") << "\"1767222600412\""_ba << true << qint64(1767222600412);
    QTest::newRow("string int64 max") << "\"9223372036854775807\""_ba << true << max;
    QTest::newRow("string int64 min") << "\"-9223372036854775808\""_ba << true << min;
    QTest::newRow("string leading zeros") << "\"007\""_ba << true << qint64(7);

    QTest::newRow("number fraction") << "1.5"_ba << false << qint64(0);
    QTest::newRow("number over int64") << "9223372036854775808"_ba << false << qint64(0);
    QTest::newRow("number 1e300") << "1e300"_ba << false << qint64(0);
    // Qt's parser keeps plain integers in range exactly but rounds other numbers to a double
    // first, and -(2^63 + 1) rounds to -2^63. Documented in protojsonreader.h; int64 values
    // travel as strings, which are read exactly (rows below).
    QTest::newRow("number under int64 rounds to min") << "-9223372036854775809"_ba << true << min;
    QTest::newRow("string over int64") << "\"9223372036854775808\""_ba << false << qint64(0);
    QTest::newRow("string under int64") << "\"-9223372036854775809\""_ba << false << qint64(0);
    QTest::newRow("string uint64 max") << "\"18446744073709551615\""_ba << false << qint64(0);
    QTest::newRow("string 40 digits")
        << "\"1234567890123456789012345678901234567890\""_ba << false << qint64(0);
    QTest::newRow("string fraction") << "\"1.5\""_ba << false << qint64(0);
    QTest::newRow("string exponent") << "\"1e3\""_ba << false << qint64(0);
    QTest::newRow("string empty") << "\"\""_ba << false << qint64(0);
    QTest::newRow("string minus only") << "\"-\""_ba << false << qint64(0);
    QTest::newRow("string plus sign") << "\"+5\""_ba << false << qint64(0);
    QTest::newRow("string leading space") << "\" 5\""_ba << false << qint64(0);
    QTest::newRow("string trailing space") << "\"5 \""_ba << false << qint64(0);
    QTest::newRow("string hex") << "\"0x10\""_ba << false << qint64(0);
    QTest::newRow("string words") << "\"twelve\""_ba << false << qint64(0);
    QTest::newRow("string arabic-indic digit") << "\"\xd9\xa3\""_ba << false << qint64(0);
    QTest::newRow("string with NUL") << "\"1\\u00002\""_ba << false << qint64(0);
    QTest::newRow("bool") << "true"_ba << false << qint64(0);
    QTest::newRow("null") << "null"_ba << false << qint64(0);
    QTest::newRow("object") << "{}"_ba << false << qint64(0);
    QTest::newRow("array") << "[1]"_ba << false << qint64(0);
    QTest::newRow("missing") << "undefined"_ba << false << qint64(0);
}

void TestProtoJsonReader::toInteger()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, readable);
    QFETCH(qint64, expected);

    const std::optional<qint64> number = ProtoJsonReader::toInteger(jsonValue(json));
    QCOMPARE(number.has_value(), readable);
    if (readable)
        QCOMPARE(*number, expected);
}

void TestProtoJsonReader::toFloating_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<double>("expected");

    const double inf = std::numeric_limits<double>::infinity();
    // recording file_size is a float32 in MB (protocol.md 5.3)
    QTest::newRow("number") << "12.35"_ba << true << 12.35;
    QTest::newRow("integer number") << "0"_ba << true << 0.0;
    QTest::newRow("negative") << "-0.5"_ba << true << -0.5;
    QTest::newRow("string") << "\"12.5\""_ba << true << 12.5;
    QTest::newRow("string exponent") << "\"1e2\""_ba << true << 100.0;
    QTest::newRow("string Infinity") << "\"Infinity\""_ba << true << inf;
    QTest::newRow("string -Infinity") << "\"-Infinity\""_ba << true << -inf;
    QTest::newRow("string inf (not protojson)") << "\"inf\""_ba << false << 0.0;
    QTest::newRow("string with space") << "\" 1.5\""_ba << false << 0.0;
    QTest::newRow("string words") << "\"big\""_ba << false << 0.0;
    QTest::newRow("string empty") << "\"\""_ba << false << 0.0;
    QTest::newRow("bool") << "false"_ba << false << 0.0;
    QTest::newRow("null") << "null"_ba << false << 0.0;
    QTest::newRow("missing") << "undefined"_ba << false << 0.0;
}

void TestProtoJsonReader::toFloating()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, readable);
    QFETCH(double, expected);

    const std::optional<double> number = ProtoJsonReader::toFloating(jsonValue(json));
    QCOMPARE(number.has_value(), readable);
    if (readable)
        QCOMPARE(*number, expected);
}

void TestProtoJsonReader::enumTables_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("names"); // index = number; "" marks a number the enum lacks

    // Written out from protocol.md 5.6 and 5.7, independently of src/core/events/protoenums.cpp.
    QTest::newRow("trackType") << u"trackType"_s << QStringList{u"AUDIO"_s, u"VIDEO"_s, u"DATA"_s};
    QTest::newRow("trackSource") << u"trackSource"_s
                                 << QStringList{u"UNKNOWN"_s, u"CAMERA"_s, u"MICROPHONE"_s,
                                                u"SCREEN_SHARE"_s, u"SCREEN_SHARE_AUDIO"_s};
    QTest::newRow("participantState")
        << u"participantState"_s
        << QStringList{u"JOINING"_s, u"JOINED"_s, u"ACTIVE"_s, u"DISCONNECTED"_s};
    QTest::newRow("participantKind")
        << u"participantKind"_s
        << QStringList{u"STANDARD"_s, u"INGRESS"_s, u"EGRESS"_s,    u"SIP"_s,   u"AGENT"_s,
                       QString(),     QString(),    u"CONNECTOR"_s, u"BRIDGE"_s};
    QTest::newRow("disconnectReason")
        << u"disconnectReason"_s
        << QStringList{u"UNKNOWN_REASON"_s,  u"CLIENT_INITIATED"_s,    u"DUPLICATE_IDENTITY"_s,
                       u"SERVER_SHUTDOWN"_s, u"PARTICIPANT_REMOVED"_s, u"ROOM_DELETED"_s,
                       u"STATE_MISMATCH"_s,  u"JOIN_FAILURE"_s,        u"MIGRATION"_s,
                       u"SIGNAL_CLOSE"_s,    u"ROOM_CLOSED"_s,         u"USER_UNAVAILABLE"_s,
                       u"USER_REJECTED"_s,   u"SIP_TRUNK_FAILURE"_s,   u"CONNECTION_TIMEOUT"_s,
                       u"MEDIA_FAILURE"_s,   u"AGENT_ERROR"_s};
    QTest::newRow("roomArtifactType") << u"roomArtifactType"_s
                                      << QStringList{u"UNKNOWN_ARTIFACT"_s,
                                                     u"MEETING_ANALYTICS"_s,
                                                     u"MEETING_SUMMARY"_s,
                                                     u"MEETING_SUMMARY_USAGE"_s,
                                                     u"SPEECH_TRANSCRIPTION"_s,
                                                     u"SPEECH_TRANSCRIPTION_USAGE"_s,
                                                     u"SYNTHESIZED_SPEECH_USAGE"_s,
                                                     u"CHAT_TRANSLATION_USAGE"_s,
                                                     u"AI_TEXT_CHAT_INTERACTION_USAGE"_s,
                                                     u"AI_TEXT_CHAT_SUMMARIZATION_USAGE"_s};
}

void TestProtoJsonReader::enumTables()
{
    QFETCH(QString, table);
    QFETCH(QStringList, names);

    const ProtoEnumTable enumTable = tableNamed(table);
    QCOMPARE(qsizetype(enumTable.size()), qsizetype(names.size() - names.count(QString())));
    for (qsizetype number = 0; number < names.size(); ++number) {
        const QString expected =
            names.at(number).isEmpty() ? QString::number(number) : names.at(number);
        QCOMPARE(ProtoEnums::nameOf(enumTable, number), expected);
        // The same number arriving as a JSON number (protocol.md 4, enum branch)
        QCOMPARE(ProtoJsonReader::toEnumName(QJsonValue(qint64(number)), enumTable), expected);
    }
    // One past the end and a negative number are unknown: shown as the number.
    QCOMPARE(ProtoEnums::nameOf(enumTable, names.size()), QString::number(names.size()));
    QCOMPARE(ProtoEnums::nameOf(enumTable, -1), u"-1"_s);
}

void TestProtoJsonReader::toEnumName_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    // Absent or null is enum value 0, which Go omits (protocol.md 8.9).
    QTest::newRow("missing type is AUDIO") << u"trackType"_s << "undefined"_ba << u"AUDIO"_s;
    QTest::newRow("null source is UNKNOWN") << u"trackSource"_s << "null"_ba << u"UNKNOWN"_s;
    QTest::newRow("missing state is JOINING")
        << u"participantState"_s << "undefined"_ba << u"JOINING"_s;
    QTest::newRow("missing kind is STANDARD")
        << u"participantKind"_s << "undefined"_ba << u"STANDARD"_s;
    QTest::newRow("missing artifact type")
        << u"roomArtifactType"_s << "undefined"_ba << u"UNKNOWN_ARTIFACT"_s;
    QTest::newRow("name") << u"trackType"_s << "\"VIDEO\""_ba << u"VIDEO"_s;
    QTest::newRow("name the table lacks is kept")
        << u"participantKind"_s << "\"SIMULATION\""_ba << u"SIMULATION"_s;
    QTest::newRow("known number") << u"trackSource"_s << "3"_ba << u"SCREEN_SHARE"_s;
    QTest::newRow("unknown number") << u"trackSource"_s << "42"_ba << u"42"_s;
    QTest::newRow("number as integral double") << u"trackType"_s << "1.0"_ba << u"VIDEO"_s;
    QTest::newRow("huge number") << u"trackType"_s << "9223372036854775807"_ba
                                 << u"9223372036854775807"_s;
    QTest::newRow("fraction") << u"trackType"_s << "1.5"_ba << QString();
    QTest::newRow("bool") << u"trackType"_s << "true"_ba << QString();
    QTest::newRow("object") << u"trackType"_s << "{}"_ba << QString();
    QTest::newRow("array") << u"trackType"_s << "[1]"_ba << QString();
}

void TestProtoJsonReader::toEnumName()
{
    QFETCH(QString, table);
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    QCOMPARE(ProtoJsonReader::toEnumName(jsonValue(json), tableNamed(table)), expected);
}

void TestProtoJsonReader::jsonName_data()
{
    QTest::addColumn<QString>("protoName");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one word") << u"sid"_s << u"sid"_s;
    QTest::newRow("two words") << u"created_at"_s << u"createdAt"_s;
    QTest::newRow("three words") << u"joined_at_ms"_s << u"joinedAtMs"_s;
    QTest::newRow("four words") << u"duration_sec_estimated_cost"_s
                                << u"durationSecEstimatedCost"_s;
    QTest::newRow("message name") << u"recording_info"_s << u"recordingInfo"_s;
}

void TestProtoJsonReader::jsonName()
{
    QFETCH(QString, protoName);
    QFETCH(QString, expected);

    const QByteArray latin1 = protoName.toLatin1();
    QCOMPARE(ProtoJsonReader::jsonName(QLatin1String(latin1)), expected);
}

void TestProtoJsonReader::protoNameWinsOverJsonName()
{
    const ProtoJsonReader both(test::jsonObject(R"({"createdAt":"2","created_at":"1"})"));
    QCOMPARE(both.integer("created_at"_L1), std::optional<qint64>(1));

    const ProtoJsonReader camelOnly(
        test::jsonObject(R"({"joinedAtMs":"1767222600412","roomId":"r1"})"));
    QCOMPARE(camelOnly.integer("joined_at_ms"_L1), std::optional<qint64>(1767222600412));
    QCOMPARE(camelOnly.string("room_id"_L1), u"r1"_s);
    QVERIFY(camelOnly.has("room_id"_L1));
    QVERIFY(!camelOnly.has("room_title"_L1));

    // A key spelled neither way is not found.
    const ProtoJsonReader other(test::jsonObject(R"({"RoomId":"r1","room-id":"r2"})"));
    QVERIFY(other.value("room_id"_L1).isUndefined());
}

void TestProtoJsonReader::nullMeansNotSet()
{
    const ProtoJsonReader reader(test::jsonObject(
        R"({"sid":null,"num_participants":null,"state":null,"room":null,"muted":null})"));
    QVERIFY(!reader.has("sid"_L1));
    QVERIFY(reader.value("sid"_L1).isNull());
    QCOMPARE(reader.string("sid"_L1), QString());
    QCOMPARE(reader.integer("num_participants"_L1), std::nullopt);
    QCOMPARE(reader.enumName("state"_L1, ProtoEnums::participantState), u"JOINING"_s);
    QVERIFY(reader.object("room"_L1).isEmpty());
    QCOMPARE(reader.boolean("muted"_L1), false);
}

void TestProtoJsonReader::wrongTypesGiveZeroValues()
{
    const ProtoJsonReader reader(test::jsonObject(
        R"({"sid":5,"muted":"true","width":"wide","file_size":{},"user_info":[1],"name":false})"));
    QCOMPARE(reader.string("sid"_L1), QString());
    QCOMPARE(reader.boolean("muted"_L1), false);
    QCOMPARE(reader.integer("width"_L1), std::nullopt);
    QCOMPARE(reader.floating("file_size"_L1), std::nullopt);
    QVERIFY(reader.object("user_info"_L1).isEmpty());
    QVERIFY(reader.message("user_info"_L1).json().isEmpty());
    QCOMPARE(reader.string("name"_L1), QString());
    // Present, so not "absent", even though unreadable.
    QVERIFY(reader.has("width"_L1));

    const ProtoJsonReader nested(test::jsonObject(R"({"user_info":{"user_id":"u1","name":"N"}})"));
    QCOMPARE(nested.message("user_info"_L1).string("user_id"_L1), u"u1"_s);
    const ProtoJsonReader camel(test::jsonObject(R"({"userInfo":{"userId":"u2"}})"));
    QCOMPARE(camel.message("user_info"_L1).string("user_id"_L1), u"u2"_s);
}

QTEST_GUILESS_MAIN(TestProtoJsonReader)
#include "tst_protojsonreader.moc"
