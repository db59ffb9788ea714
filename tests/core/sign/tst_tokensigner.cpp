// Tests TokenSigner: byte-exact reproduction of the shared vectors' tokens in each sender layout
// (protocol.md 2.5, 9, 10), JSON escaping, known-answer signatures and round trips through the
// verifier with other keys and clocks.
#include "sign/tokensigner.h"
#include "verify/webhookverifier.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pnm;

namespace {

QJsonArray loadVectorArray()
{
    QFile file(QStringLiteral(PNM_VECTORS_FILE));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

// The token a vector carries, as the server wrote it: Authorization, else Hash-Token, with the
// lenient vector's "Bearer " taken off.
QByteArray vectorToken(const QJsonObject &vector)
{
    const QJsonObject headers = vector.value("headers").toObject();
    QString token;
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare("Authorization", Qt::CaseInsensitive) == 0 ||
            (token.isEmpty() && it.key().compare("Hash-Token", Qt::CaseInsensitive) == 0))
            token = it.value().toString();
    }
    if (token.startsWith("Bearer "))
        token = token.mid(7);
    return token.toUtf8();
}

// The vector's own payload, decoded independently of the code under test.
QJsonObject vectorClaims(const QByteArray &token)
{
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(token.split('.').value(1), QByteArray::Base64UrlEncoding))
        .object();
}

TokenLayout layoutFor(const QString &style)
{
    if (style == "go-jose-legacy")
        return TokenLayout::GoJoseLegacy;
    if (style == "livekit-server-sdk")
        return TokenLayout::LiveKitJs;
    return TokenLayout::GoCurrent;
}

QByteArray segment(const QByteArray &token, int index)
{
    return QByteArray::fromBase64(token.split('.').value(index), QByteArray::Base64UrlEncoding);
}

} // namespace

class TestTokenSigner : public QObject
{
    Q_OBJECT

private slots:
    void reproducesVectors_data();
    void reproducesVectors();
    void goCurrentAtVerifyTime();

    void headerJson();
    void payloadJsonKeyOrder_data();
    void payloadJsonKeyOrder();
    void payloadJsonOmitsUnsetClaims();
    void stringEscaping();
    void webhookClaims();

    void bodySha256Base64KnownAnswers_data();
    void bodySha256Base64KnownAnswers();
    void rfc7515ExampleSignature();
    void otherAlgorithms();
    void roundTripThroughVerifier_data();
    void roundTripThroughVerifier();
};

void TestTokenSigner::reproducesVectors_data()
{
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("mintedAt");
    QTest::addColumn<int>("layout");
    QTest::addColumn<QByteArray>("expected");

    int rows = 0;
    for (const QJsonValue &value : loadVectorArray()) {
        const QJsonObject vector = value.toObject();
        const QString style = vector.value("token_style").toString();
        if (style.isEmpty())
            continue; // invalid vectors are hand-made, not a sender's layout
        const QByteArray token = vectorToken(vector);
        // Minted at the vector's clock, except the two whose sender clock was shifted on purpose;
        // their iat/nbf says when.
        const QJsonObject claims = vectorClaims(token);
        const qint64 mintedAt = claims.value("nbf").toInteger();
        QTest::newRow(qPrintable(vector.value("name").toString()))
            << vector.value("api_key").toString() << vector.value("api_secret").toString().toUtf8()
            << vector.value("body").toString().toUtf8() << mintedAt << int(layoutFor(style))
            << token;
        ++rows;
    }
    QCOMPARE(rows, 30);
}

void TestTokenSigner::reproducesVectors()
{
    QFETCH(QString, apiKey);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, body);
    QFETCH(qint64, mintedAt);
    QFETCH(int, layout);
    QFETCH(QByteArray, expected);

    const TokenSigner signer(apiKey, secret);
    const QByteArray token = signer.sign(signer.webhookClaims(body, mintedAt), TokenLayout(layout));
    QCOMPARE(token, expected);
    if (TokenLayout(layout) == TokenLayout::GoCurrent)
        QCOMPARE(signer.signWebhook(body, mintedAt), expected);
}

// The brief's contract: for every go-current vector minted at verify_at, signWebhook(body,
// verify_at) is that vector's Authorization value byte for byte.
void TestTokenSigner::goCurrentAtVerifyTime()
{
    int reproduced = 0;
    for (const QJsonValue &value : loadVectorArray()) {
        const QJsonObject vector = value.toObject();
        if (vector.value("token_style").toString() != "go-current")
            continue;
        const QByteArray token = vectorToken(vector);
        const qint64 verifyAt = vector.value("verify_at").toInteger();
        if (vectorClaims(token).value("iat").toInteger() != verifyAt)
            continue;
        const TokenSigner signer(vector.value("api_key").toString(),
                                 vector.value("api_secret").toString().toUtf8());
        QCOMPARE(signer.signWebhook(vector.value("body").toString().toUtf8(), verifyAt), token);
        ++reproduced;
    }
    QCOMPARE(reproduced, 26); // 28 go-current vectors, 2 minted with a shifted sender clock
}

void TestTokenSigner::headerJson()
{
    QCOMPARE(TokenSigner::headerJson(TokenLayout::GoCurrent),
             QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
    QCOMPARE(TokenSigner::headerJson(TokenLayout::GoJoseLegacy),
             QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
    QCOMPARE(TokenSigner::headerJson(TokenLayout::LiveKitJs), QByteArray(R"({"alg":"HS256"})"));
    QCOMPARE(TokenSigner::headerJson(TokenLayout::GoCurrent, "none"),
             QByteArray(R"({"alg":"none","typ":"JWT"})"));
    QCOMPARE(TokenSigner::headerJson(TokenLayout::LiveKitJs, "HS512"),
             QByteArray(R"({"alg":"HS512"})"));
}

void TestTokenSigner::payloadJsonKeyOrder_data()
{
    QTest::addColumn<int>("layout");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("go-current") << int(TokenLayout::GoCurrent)
                                << QByteArray(R"({"iss":"K-1","exp":2000000300,"nbf":2000000000,)"
                                              R"("iat":1999999990,"sha256":"h+/="})");
    QTest::newRow("go-jose-legacy") << int(TokenLayout::GoJoseLegacy)
                                    << QByteArray(R"({"exp":2000000300,"iss":"K-1",)"
                                                  R"("nbf":2000000000,"sha256":"h+/="})");
    QTest::newRow("livekit-js") << int(TokenLayout::LiveKitJs)
                                << QByteArray(R"({"sha256":"h+/=","iss":"K-1","exp":2000000300,)"
                                              R"("nbf":2000000000})");
}

void TestTokenSigner::payloadJsonKeyOrder()
{
    QFETCH(int, layout);
    QFETCH(QByteArray, expected);
    TokenClaims claims;
    claims.issuer = QStringLiteral("K-1");
    claims.expiresAt = 2000000300;
    claims.notBefore = 2000000000;
    claims.issuedAt = 1999999990; // dropped by the layouts whose senders never write iat
    claims.sha256 = QStringLiteral("h+/=");
    QCOMPARE(TokenSigner::payloadJson(claims, TokenLayout(layout)), expected);
}

void TestTokenSigner::payloadJsonOmitsUnsetClaims()
{
    TokenClaims claims;
    QCOMPARE(TokenSigner::payloadJson(claims, TokenLayout::GoCurrent), QByteArray("{}"));
    claims.issuedAt = -5;
    QCOMPARE(TokenSigner::payloadJson(claims, TokenLayout::GoCurrent), QByteArray(R"({"iat":-5})"));
    claims.sha256 = QString();
    QCOMPARE(TokenSigner::payloadJson(claims, TokenLayout::GoCurrent),
             QByteArray(R"({"iat":-5,"sha256":""})"));
    claims.expiresAt = 0;
    QCOMPARE(TokenSigner::payloadJson(claims, TokenLayout::LiveKitJs),
             QByteArray(R"({"sha256":"","exp":0})"));
}

void TestTokenSigner::stringEscaping()
{
    TokenClaims claims;
    claims.issuer = QStringLiteral("a\"b\\c\n\t\r\b\f\x01<>&é\u2028😀");
    // Go's encoding/json also escapes <, >, & and U+2028; JSON.stringify does not.
    QCOMPARE(TokenSigner::payloadJson(claims, TokenLayout::GoCurrent),
             QByteArray(R"({"iss":"a\"b\\c\n\t\r\b\f\u0001\u003c\u003e\u0026)") + "\xc3\xa9" +
                 R"(\u2028)" + "\xf0\x9f\x98\x80\"}");
    QCOMPARE(TokenSigner::payloadJson(claims, TokenLayout::LiveKitJs),
             QByteArray(R"({"iss":"a\"b\\c\n\t\r\b\f\u0001<>&)") + "\xc3\xa9" +
                 "\xe2\x80\xa8\xf0\x9f\x98\x80\"}");
    // Whatever the escaping, a JSON parser reads the same issuer back.
    for (TokenLayout layout : {TokenLayout::GoCurrent, TokenLayout::LiveKitJs}) {
        const QJsonObject parsed =
            QJsonDocument::fromJson(TokenSigner::payloadJson(claims, layout)).object();
        QCOMPARE(parsed.value("iss").toString(), claims.issuer);
    }
}

void TestTokenSigner::webhookClaims()
{
    const TokenSigner signer(QStringLiteral("key-Z"), "secret-Z");
    QCOMPARE(signer.apiKey(), QStringLiteral("key-Z"));
    const TokenClaims claims = signer.webhookClaims("{}", 1234567890);
    QCOMPARE(claims.issuer, QStringLiteral("key-Z"));
    QCOMPARE(claims.expiresAt, std::optional<qint64>(1234567890 + 300));
    QCOMPARE(claims.notBefore, std::optional<qint64>(1234567890));
    QCOMPARE(claims.issuedAt, std::optional<qint64>(1234567890));
    QCOMPARE(claims.sha256, std::optional<QString>(bodySha256Base64("{}")));
    const QByteArray token = signer.signWebhook("{}", 1234567890);
    QCOMPARE(segment(token, 0), QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
    QCOMPARE(segment(token, 1), QByteArray(R"({"iss":"key-Z","exp":1234568190,"nbf":1234567890,)"
                                           R"("iat":1234567890,"sha256":")") +
                                    bodySha256Base64("{}").toLatin1() + "\"}");
    QVERIFY(!token.contains('='));
    QVERIFY(!token.contains('+'));
    QVERIFY(!token.contains('/'));
}

void TestTokenSigner::bodySha256Base64KnownAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    // FIPS 180-2 examples, written as base64 with padding.
    QTest::newRow("empty") << QByteArray() << "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    QTest::newRow("abc") << QByteArray("abc") << "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";
    QTest::newRow("two-blocks") << QByteArray(
                                       "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=";
}

void TestTokenSigner::bodySha256Base64KnownAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(bodySha256Base64(body), expected);
    QCOMPARE(bodySha256Base64(body).size(), 44);
}

// RFC 7515 appendix A.1: an HS256 JWS over a given header and payload with a given key.
void TestTokenSigner::rfc7515ExampleSignature()
{
    const QByteArray key = QByteArray::fromBase64(
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
        QByteArray::Base64UrlEncoding);
    const TokenSigner signer(QStringLiteral("unused"), key);
    const QByteArray token = signer.signJson("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}",
                                             "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n "
                                             "\"http://example.com/is_root\":true}");
    QCOMPARE(token, QByteArray("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
                               "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
                               "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
                               "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
}

void TestTokenSigner::otherAlgorithms()
{
    const TokenSigner signer(QStringLiteral("k"), "s");
    const TokenClaims claims = signer.webhookClaims("body", 1000);
    QCOMPARE(segment(signer.sign(claims, TokenLayout::GoCurrent, "HS256"), 2).size(), 32);
    QCOMPARE(segment(signer.sign(claims, TokenLayout::GoCurrent, "HS384"), 2).size(), 48);
    QCOMPARE(segment(signer.sign(claims, TokenLayout::GoCurrent, "HS512"), 2).size(), 64);
    const QByteArray none = signer.sign(claims, TokenLayout::GoCurrent, "none");
    QVERIFY(none.endsWith('.'));
    QCOMPARE(none.count('.'), 2);
    // An unknown name is only a label: the bytes are HMAC-SHA256, the header says otherwise.
    const QByteArray rs = signer.sign(claims, TokenLayout::GoCurrent, "RS256");
    QCOMPARE(segment(rs, 0), QByteArray(R"({"alg":"RS256","typ":"JWT"})"));
    QCOMPARE(segment(rs, 2), segment(signer.signJson(segment(rs, 0), segment(rs, 1), "HS256"), 2));
}

void TestTokenSigner::roundTripThroughVerifier_data()
{
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("layout");
    QTest::addColumn<qint64>("verifyAfter");
    QTest::newRow("go-current") << "roundtrip-1" << QByteArray("s-1") << QByteArray("{}")
                                << qint64(1700000000) << int(TokenLayout::GoCurrent) << qint64(0);
    QTest::newRow("legacy-late") << "rt:2" << QByteArray(":s:2:") << QByteArray("[1,2]")
                                 << qint64(2100000000) << int(TokenLayout::GoJoseLegacy)
                                 << qint64(359);
    QTest::newRow("livekit-early")
        << "rt 3 ü" << QByteArray("\x01\x02secret") << QByteArray("{\"a\": \"é\"}\n")
        << qint64(86400) << int(TokenLayout::LiveKitJs) << qint64(-59);
    QTest::newRow("empty-body") << "RT4" << QByteArray(64, 'x') << QByteArray() << qint64(1)
                                << int(TokenLayout::GoCurrent) << qint64(300);
}

void TestTokenSigner::roundTripThroughVerifier()
{
    QFETCH(QString, apiKey);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, body);
    QFETCH(qint64, now);
    QFETCH(int, layout);
    QFETCH(qint64, verifyAfter);

    const TokenSigner signer(apiKey, secret);
    const QByteArray token = signer.sign(signer.webhookClaims(body, now), TokenLayout(layout));
    KeyRing keys;
    keys.insert(apiKey, secret);
    const WebhookVerifier verifier(keys);
    const Verification result =
        verifier.verify({{"Authorization", token}, {"Hash-Token", token}}, body, now + verifyAfter);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("valid"));
    QCOMPARE(result.issuer, apiKey);
    QCOMPARE(result.expiresAt, std::optional<qint64>(now + TokenSigner::kValidForSecs));
}

QTEST_GUILESS_MAIN(TestTokenSigner)
#include "tst_tokensigner.moc"
