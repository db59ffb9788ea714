// Tests CompactJwt::parse: the three-segment structure and strict decoding (protocol.md 3.3).
#include "verify/compactjwt.h"

#include <QTest>

using namespace pnm;

namespace {

QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray jwt(const QByteArray &header, const QByteArray &payload, const QByteArray &signature)
{
    return b64url(header) + '.' + b64url(payload) + '.' + b64url(signature);
}

} // namespace

class TestCompactJwt : public QObject
{
    Q_OBJECT

private slots:
    void parsesParts();
    void rejects_data();
    void rejects();
};

void TestCompactJwt::parsesParts()
{
    const QByteArray token = jwt(R"({"alg":"HS256"})", R"({"iss":"k","exp":1.5})", "\x01\x02\x03");
    QString error;
    const std::optional<CompactJwt> parsed = CompactJwt::parse(token, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->signingInput, token.left(token.lastIndexOf('.')));
    QCOMPARE(parsed->signature, QByteArray("\x01\x02\x03"));
    QCOMPARE(parsed->header, QJsonObject({{"alg", "HS256"}}));
    QCOMPARE(parsed->claims.value("iss").toString(), QStringLiteral("k"));
    QCOMPARE(parsed->claims.value("exp").toDouble(), 1.5);

    const std::optional<CompactJwt> unsigned_ = CompactJwt::parse(jwt("{}", "{}", ""));
    QVERIFY(unsigned_);
    QVERIFY(unsigned_->signature.isEmpty());
    QCOMPARE(unsigned_->signingInput, QByteArray("e30.e30"));
}

void TestCompactJwt::rejects_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("reason");
    const QByteArray good = jwt("{}", "{}", "sig");
    QTest::newRow("empty") << QByteArray() << "has 1 segment separated";
    QTest::newRow("one-segment") << QByteArray("abc") << "has 1 segment separated";
    QTest::newRow("two-segments") << QByteArray("e30.e30") << "has 2 segments";
    QTest::newRow("four-segments") << good + ".e30"
                                   << "has 4 segments";
    QTest::newRow("padded-header") << QByteArray("e30=.e30.") << "header segment is not";
    QTest::newRow("bad-payload-chars") << QByteArray("e30.%%%.") << "payload segment is not";
    QTest::newRow("bad-signature-chars") << QByteArray("e30.e30.a+b/") << "signature segment";
    QTest::newRow("header-not-json") << jwt("nope", "{}", "") << "the header is not JSON";
    QTest::newRow("payload-not-json") << jwt("{}", "{\"a\":", "") << "the payload is not JSON";
    QTest::newRow("payload-array") << jwt("{}", "[{}]", "") << "the payload is a JSON array";
    QTest::newRow("header-array") << jwt("[]", "{}", "") << "the header is a JSON array";
    QTest::newRow("payload-empty") << jwt("{}", "", "") << "the payload is not JSON";
    QTest::newRow("payload-trailing-data") << jwt("{}", "{} {}", "") << "the payload is not JSON";
}

void TestCompactJwt::rejects()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!CompactJwt::parse(token, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
    QVERIFY(!CompactJwt::parse(token)); // the error pointer is optional
}

QTEST_GUILESS_MAIN(TestCompactJwt)
#include "tst_compactjwt.moc"
