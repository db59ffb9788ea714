// ProtoJsonValue / ProtoJsonObject: Go protojson's text for each JSON type (protocol.md 4).
#include "sign/protojsonvalue.h"

#include <QTest>
#include <limits>

using namespace pnm;

class TestProtoJsonValue : public QObject
{
    Q_OBJECT

private:
    static QByteArray text(const ProtoJsonValue &value, bool spaceAfterComma = false)
    {
        QByteArray out;
        value.write(out, spaceAfterComma);
        return out;
    }

private slots:
    void float32_data()
    {
        QTest::addColumn<float>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("megabytes") << 12.35f << QByteArray("12.35");
        QTest::newRow("zero") << 0.0f << QByteArray("0");
        QTest::newRow("negative zero") << -0.0f << QByteArray("-0");
        QTest::newRow("integral") << 2.0f << QByteArray("2");
        QTest::newRow("million, not 1e+06") << 1e6f << QByteArray("1000000");
        QTest::newRow("tiny") << 1.5e-7f << QByteArray("1.5e-7");
        QTest::newRow("edge 1e-6 stays plain") << 1e-6f << QByteArray("0.000001");
        QTest::newRow("huge") << 3e21f << QByteArray("3e+21");
        QTest::newRow("third") << (1.0f / 3.0f) << QByteArray("0.33333334");
        QTest::newRow("NaN") << std::numeric_limits<float>::quiet_NaN() << QByteArray("\"NaN\"");
        QTest::newRow("+inf") << std::numeric_limits<float>::infinity()
                              << QByteArray("\"Infinity\"");
        QTest::newRow("-inf") << -std::numeric_limits<float>::infinity()
                              << QByteArray("\"-Infinity\"");
    }
    void float32()
    {
        QFETCH(float, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(text(ProtoJsonValue::float32(value)), expected);
    }

    void float64_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("cost") << 0.0633 << QByteArray("0.0633");
        QTest::newRow("third") << (1.0 / 3.0) << QByteArray("0.3333333333333333");
        QTest::newRow("1e20 plain") << 1e20 << QByteArray("100000000000000000000");
        QTest::newRow("1e21 exponent") << 1e21 << QByteArray("1e+21");
        QTest::newRow("1e-7") << 1e-7 << QByteArray("1e-7");
        QTest::newRow("1.25e-10 keeps two digits") << 1.25e-10 << QByteArray("1.25e-10");
        QTest::newRow("negative") << -42.5 << QByteArray("-42.5");
    }
    void float64()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(text(ProtoJsonValue::float64(value)), expected);
    }

    void integers()
    {
        QCOMPARE(text(ProtoJsonValue::integer(1800)), QByteArray("1800"));
        QCOMPARE(text(ProtoJsonValue::integer(-5)), QByteArray("-5"));
        // int64/uint64 are strings in protojson.
        QCOMPARE(text(ProtoJsonValue::integer64(1767222004)), QByteArray("\"1767222004\""));
        QCOMPARE(text(ProtoJsonValue::integer64(0)), QByteArray("\"0\""));
        QCOMPARE(text(ProtoJsonValue::boolean(true)), QByteArray("true"));
        QCOMPARE(text(ProtoJsonValue::boolean(false)), QByteArray("false"));
        QCOMPARE(text(ProtoJsonValue::null()), QByteArray("null"));
    }

    void stringEscaping_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("room01") << QByteArray("\"room01\"");
        QTest::newRow("quote and backslash")
            << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("short escapes")
            << QStringLiteral("\b\f\n\r\t") << QByteArray("\"\\b\\f\\n\\r\\t\"");
        QTest::newRow("other controls lowercase hex")
            << QString(QChar(0x01)) + QChar(0x1f) << QByteArray("\"\\u0001\\u001f\"");
        QTest::newRow("html left alone")
            << QStringLiteral("<b>&</b>") << QByteArray("\"<b>&</b>\"");
        QTest::newRow("raw utf-8")
            << QStringLiteral("Ångström 週") << QStringLiteral("\"Ångström 週\"").toUtf8();
        QTest::newRow("U+2028 raw")
            << QString(QChar(0x2028))
            << QString(QStringLiteral("\"") + QChar(0x2028) + "\"").toUtf8();
        QTest::newRow("DEL raw") << QString(QChar(0x7f)) << QByteArray("\"\x7f\"");
        QTest::newRow("emoji") << QStringLiteral("🎉") << QStringLiteral("\"🎉\"").toUtf8();
    }
    void stringEscaping()
    {
        QFETCH(QString, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(text(ProtoJsonValue::string(input)), expected);
    }

    void objectsKeepInsertionOrderAndPresenceRules()
    {
        ProtoJsonObject object;
        object.add("z", ProtoJsonValue::integer(1))
            .addIfSet("empty", QString())
            .addIfSet("name", QStringLiteral("x"))
            .addIfSet("zero", qint64(0))
            .addIfSet("count", qint64(3))
            .addInt64IfSet("zero64", 0)
            .addInt64IfSet("big", 1767222600412)
            .addIfSet("off", false)
            .addIfSet("on", true)
            .add("a",
                 ProtoJsonValue::array({ProtoJsonValue::integer(1), ProtoJsonValue::integer(2)}));
        QCOMPARE(object.toJson(),
                 QByteArray("{\"z\":1,\"name\":\"x\",\"count\":3,\"big\":\"1767222600412\","
                            "\"on\":true,\"a\":[1,2]}"));
        QVERIFY(!object.isEmpty());
        QVERIFY(ProtoJsonObject().isEmpty());
        QCOMPARE(ProtoJsonObject().toJson(), QByteArray("{}"));
        QCOMPARE(text(ProtoJsonValue::array({})), QByteArray("[]"));
    }

    void spaceAfterEveryCommaOnly()
    {
        ProtoJsonObject inner;
        inner.add("mime", ProtoJsonValue::string(QStringLiteral("a,b")));
        ProtoJsonObject object;
        object
            .add("a", ProtoJsonValue::array(
                          {ProtoJsonValue::object(inner), ProtoJsonValue::object(inner)}))
            .add("b", ProtoJsonValue::integer(2));
        // Commas inside strings are data, not layout; no space ever after ':'.
        QCOMPARE(object.toJson(true),
                 QByteArray("{\"a\":[{\"mime\":\"a,b\"}, {\"mime\":\"a,b\"}], \"b\":2}"));
        QCOMPARE(object.toJson(false),
                 QByteArray("{\"a\":[{\"mime\":\"a,b\"},{\"mime\":\"a,b\"}],\"b\":2}"));
    }
};

QTEST_GUILESS_MAIN(TestProtoJsonValue)
#include "tst_protojsonvalue.moc"
