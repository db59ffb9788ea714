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

QTEST_GUILESS_MAIN(TestJsonTextWriter)
#include "tst_jsontextwriter.moc"
