// JsonTextWriter's text must parse back with QJsonDocument to exactly what was written.
#include "text/jsontextwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pnm;

class TestJsonTextWriter : public QObject
{
    Q_OBJECT
private slots:
    void nestedStructure();
    void stringsRoundTrip_data();
    void stringsRoundTrip();
    void controlCharactersAreEscaped();
    void stringsAreWrittenAsQJsonDocumentWritesThem_data();
    void stringsAreWrittenAsQJsonDocumentWritesThem();
    void sortedKeysGiveQJsonDocumentsText();
};

void TestJsonTextWriter::nestedStructure()
{
    JsonTextWriter out;
    out.beginObject();
    out.key(QLatin1StringView("a"));
    out.number(-42);
    out.key(QLatin1StringView("list"));
    out.beginArray();
    out.boolean(true);
    out.beginObject();
    out.endObject();
    out.string(QLatin1StringView("x"));
    out.beginArray();
    out.endArray();
    out.endArray();
    out.key(QLatin1StringView("obj"));
    out.object(QJsonObject{{"k", 1.5}});
    out.key(QLatin1StringView("big"));
    out.number(std::numeric_limits<qint64>::min());
    out.endObject();
    QCOMPARE(out.text(), QByteArray("{\"a\":-42,\"list\":[true,{},\"x\",[]],\"obj\":{\"k\":1.5},"
                                    "\"big\":-9223372036854775808}"));
    QJsonParseError error;
    QJsonDocument::fromJson(out.text(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestJsonTextWriter::stringsRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("ascii") << QStringLiteral("plain text 123");
    QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ \\\\n");
    QTest::newRow("accents") << QStringLiteral("Réunion hebdo – façade");
    QTest::newRow("emoji (surrogate pair)") << QString::fromUtf8("room \xF0\x9F\x8E\xA5 live");
    QTest::newRow("mixed runs") << QString::fromUtf8("a\xC3\xA9\"b\xE2\x82\xAC\n\xF0\x9F\x98\x80z");
    QTest::newRow("nul and del") << QString(QChar(0)) + QStringLiteral("x\x7f");
}

void TestJsonTextWriter::stringsRoundTrip()
{
    QFETCH(QString, text);
    for (int latin1 = 0; latin1 < 2; ++latin1) {
        JsonTextWriter out;
        out.beginArray();
        const QByteArray asLatin1 = text.toLatin1();
        if (latin1 && QString::fromLatin1(asLatin1) == text)
            out.string(QLatin1StringView(asLatin1));
        else
            out.string(text);
        out.endArray();
        const QJsonDocument parsed = QJsonDocument::fromJson(out.text());
        QVERIFY2(parsed.isArray(), out.text().constData());
        QCOMPARE(parsed.array().at(0).toString(), text);
    }
}

void TestJsonTextWriter::controlCharactersAreEscaped()
{
    JsonTextWriter out;
    out.string(QStringLiteral("\t\r\n\b\f") + QChar(1) + QChar(0x1f));
    QCOMPARE(out.text(), QByteArray("\"\\t\\r\\n\\b\\f\\u0001\\u001f\""));
}

void TestJsonTextWriter::stringsAreWrittenAsQJsonDocumentWritesThem_data()
{
    QTest::addColumn<QString>("text");
    QString everyAscii;
    for (char16_t c = 0; c < 0x80; ++c)
        everyAscii += QChar(c);
    QTest::newRow("every ASCII character") << everyAscii;
    QTest::newRow("latin-1 and beyond")
        << QString::fromUtf8("\xC2\xA0\xC3\xBF \xE2\x80\xA8 \xEF\xBB\xBF");
    QTest::newRow("noncharacters") << QString(QChar(0xfffe)) + QChar(0xffff);
    QTest::newRow("emoji") << QString::fromUtf8("\xF0\x9F\x8E\xA5");
    // JSON escapes in a body (\ud800) can give names with half a surrogate pair.
    QTest::newRow("lone high surrogate") << QStringLiteral("a") + QChar(0xd800) + u'b';
    QTest::newRow("lone low surrogate") << QString(QChar(0xdc00)) + QChar(0xe9);
    QTest::newRow("high surrogate at the end") << QStringLiteral("x") + QChar(0xdbff);
    QTest::newRow("pair reversed") << QString(QChar(0xde00)) + QChar(0xd83d);
    QTest::newRow("two highs then a pair")
        << QString(QChar(0xd800)) + QChar(0xd83d) + QChar(0xde00) + QChar(0xd800);
}

void TestJsonTextWriter::stringsAreWrittenAsQJsonDocumentWritesThem()
{
    QFETCH(QString, text);
    JsonTextWriter out;
    out.beginArray();
    out.string(text);
    out.endArray();
    QCOMPARE(out.text(), QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact));
    QCOMPARE(QJsonDocument::fromJson(out.text()).array().at(0).toString(), text);
}

void TestJsonTextWriter::sortedKeysGiveQJsonDocumentsText()
{
    JsonTextWriter out(16, JsonTextWriter::KeyOrder::Sorted);
    out.beginObject();
    out.key(QLatin1StringView("zeta"));
    out.beginArray();
    out.beginObject();
    out.key(QLatin1StringView("sid"));
    out.string(QLatin1StringView("TR_1"));
    out.key(QLatin1StringView("type"));
    out.string(QLatin1StringView("audio"));
    out.key(QLatin1StringView("source"));
    out.string(QLatin1StringView("mic,\"x\"}"));
    out.endObject();
    out.beginObject();
    out.endObject();
    out.endArray();
    out.key(QLatin1StringView("body_encoding"));
    out.string(QLatin1StringView("utf-8"));
    out.key(QLatin1StringView("body"));
    out.string(QLatin1StringView("{\"b\":1,\"a\":2}"));
    out.key(QLatin1StringView("body_complete"));
    out.boolean(true);
    out.key(QLatin1StringView("Upper"));
    out.beginObject();
    out.key(QLatin1StringView("only"));
    out.number(1);
    out.endObject();
    out.key(QLatin1StringView("event"));
    out.beginObject();
    out.key(QLatin1StringView("room"));
    out.beginObject();
    out.key(QLatin1StringView("title"));
    out.string(QLatin1StringView("t"));
    out.key(QLatin1StringView("room_id"));
    out.string(QLatin1StringView("r"));
    out.endObject();
    out.key(QLatin1StringView("event"));
    out.string(QLatin1StringView("room_started"));
    out.key(QLatin1StringView("created_at"));
    out.number(7);
    out.endObject();
    out.key(QLatin1StringView("a"));
    out.object(QJsonObject{{"y", 1}, {"x", 2}});
    out.endObject();
    const QByteArray expected =
        R"({"Upper":{"only":1},"a":{"x":2,"y":1},"body":"{\"b\":1,\"a\":2}","body_complete":true,)"
        R"("body_encoding":"utf-8","event":{"created_at":7,"event":"room_started","room":)"
        R"({"room_id":"r","title":"t"}},"zeta":[{"sid":"TR_1","source":"mic,\"x\"}",)"
        R"("type":"audio"},{}]})";
    QCOMPARE(out.text(), expected);
    QCOMPARE(QJsonDocument::fromJson(out.text()).toJson(QJsonDocument::Compact), expected);
}

QTEST_GUILESS_MAIN(TestJsonTextWriter)
#include "tst_jsontextwriter.moc"
