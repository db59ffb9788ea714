// What the store keeps of a verification reads back as the same verification: for every shared
// vector with and without its key, and for tokens whose JSON text is not compact.
#include "../../support/vectors.h"
#include "store/verificationcodec.h"
#include "verify/webhookverifier.h"

#include <QJsonDocument>
#include <QTest>

using namespace pnm;

class TestVerificationCodec : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyVectorRoundTrips();
    void tokenTextIsKeptAsSent();
    void withoutTokenTextObjectsAreWritten();
    void validRowsKeepWhatTheRequestCannotSay();
    void otherRowsAreKeptWhole();

private:
    static void compareRoundTrip(const Verification &original);
    static KeyRing keysOf(const test::WebhookVector &vector);

    QList<test::WebhookVector> m_vectors;
};

void TestVerificationCodec::initTestCase()
{
    QString error;
    m_vectors = test::loadVectors(&error);
    QVERIFY2(!m_vectors.isEmpty(), qPrintable(error));
}

KeyRing TestVerificationCodec::keysOf(const test::WebhookVector &vector)
{
    KeyRing keys;
    keys.insert(vector.apiKey, vector.apiSecret);
    return keys;
}

void TestVerificationCodec::compareRoundTrip(const Verification &original)
{
    const QByteArray text = VerificationCodec::toJsonText(original);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, text.constData());
    // The text says what the QJsonObject form says, member for member.
    QCOMPARE(parsed.object(), VerificationCodec::toJson(original));
    const Verification back = VerificationCodec::fromJson(parsed.object());
    QCOMPARE(back.verdict, original.verdict);
    // A valid verdict's steps are not stored but written from the stored facts: the same words.
    QCOMPARE(back.stepsDeferred, original.stepsDeferred);
    QCOMPARE(back.bodyBytes, original.bodyBytes);
    const QList<VerificationStep> backSteps = back.stepList();
    const QList<VerificationStep> originalSteps = original.stepList();
    QCOMPARE(backSteps.size(), originalSteps.size());
    for (qsizetype i = 0; i < backSteps.size(); ++i) {
        QCOMPARE(backSteps[i].name, originalSteps[i].name);
        QCOMPARE(backSteps[i].outcome, originalSteps[i].outcome);
        QCOMPARE(backSteps[i].detail, originalSteps[i].detail);
    }
    QCOMPARE(back.jwtHeader, original.jwtHeader);
    QCOMPARE(back.jwtClaims, original.jwtClaims);
    QCOMPARE(back.issuer, original.issuer);
    QCOMPARE(back.expiresAt, original.expiresAt);
    QCOMPARE(back.notBefore, original.notBefore);
    QCOMPARE(back.issuedAt, original.issuedAt);
    QCOMPARE(back.clockSkewSecs, original.clockSkewSecs);
    QCOMPARE(back.claimedSha256, original.claimedSha256);
    QCOMPARE(back.computedSha256, original.computedSha256);
    // Read back from a file the token's own text is gone; writing again gives the same members.
    QCOMPARE(QJsonDocument::fromJson(VerificationCodec::toJsonText(back)).object(),
             parsed.object());
}

void TestVerificationCodec::everyVectorRoundTrips()
{
    for (const test::WebhookVector &vector : m_vectors) {
        for (const bool withKey : {true, false}) {
            compareRoundTrip(
                WebhookVerifier(withKey ? keysOf(vector) : KeyRing(), vector.leewaySecs)
                    .verify(vector.headers, vector.body, vector.verifyAt));
            if (QTest::currentTestFailed()) {
                qWarning() << "vector" << vector.name << "with key" << withKey;
                return;
            }
        }
    }
}

void TestVerificationCodec::tokenTextIsKeptAsSent()
{
    Verification v;
    v.jwtHeaderText = " {\"alg\" : \"HS256\"}\n";
    v.jwtClaimsText = "{\"iss\":\"k\",\"name\":\"R\\u00e9union \\\"x\\\"\",\"n\":[1,{\"a\":null}]}";
    v.jwtHeader = QJsonDocument::fromJson(v.jwtHeaderText).object();
    v.jwtClaims = QJsonDocument::fromJson(v.jwtClaimsText).object();
    QVERIFY(VerificationCodec::toJsonText(v).contains(v.jwtClaimsText));
    compareRoundTrip(v);
}

void TestVerificationCodec::withoutTokenTextObjectsAreWritten()
{
    Verification v;
    v.jwtClaims = QJsonObject{{"iss", "k"}, {"exp", 5}};
    v.jwtClaimsText = QByteArray("{\"iss\":\"k\",\"exp\":5}\0{", 22); // a NUL: not kept as sent
    compareRoundTrip(v);
    QVERIFY(!VerificationCodec::toJsonText(v).contains('\0'));
}

// A stored valid verdict keeps the verdict, time, leeway and body size; the rest is read from
// the stored request again and must be exactly what the verifier found when it arrived.
void TestVerificationCodec::validRowsKeepWhatTheRequestCannotSay()
{
    int valid = 0;
    for (const test::WebhookVector &vector : m_vectors) {
        // The vector's own leeway and one with seconds to spare, at its own moment.
        for (const qint64 leeway : {vector.leewaySecs, qint64(3)}) {
            const Verification original = WebhookVerifier(keysOf(vector), leeway)
                                              .verify(vector.headers, vector.body, vector.verifyAt);
            if (!original.isValid())
                continue;
            ++valid;
            const QByteArray text = VerificationCodec::toRowText(original, true);
            QVERIFY2(text.size() < 150 && !text.contains("jwt_claims"), text.constData());
            const Verification back = VerificationCodec::fromRow(
                QJsonDocument::fromJson(text).object(), vector.headers, vector.body);
            QCOMPARE(VerificationCodec::toJson(back), VerificationCodec::toJson(original));
            QCOMPARE(back.jwtHeaderText, original.jwtHeaderText);
            QCOMPARE(back.jwtClaimsText, original.jwtClaimsText);
            const QList<VerificationStep> backSteps = back.stepList();
            const QList<VerificationStep> originalSteps = original.stepList();
            QCOMPARE(backSteps.size(), originalSteps.size());
            for (qsizetype i = 0; i < backSteps.size(); ++i)
                QCOMPARE(backSteps[i].detail, originalSteps[i].detail);
            QCOMPARE(back.summaryDetail(), original.summaryDetail());
            if (QTest::currentTestFailed()) {
                qWarning() << "vector" << vector.name << "leeway" << leeway;
                return;
            }
        }
    }
    QVERIFY(valid >= 5);
}

// Failures, unverified requests, and valid ones whose body is not stored whole keep every fact.
void TestVerificationCodec::otherRowsAreKeptWhole()
{
    int checked = 0;
    for (const test::WebhookVector &vector : m_vectors) {
        for (const KeyRing &ring : {keysOf(vector), KeyRing()}) {
            const Verification v = WebhookVerifier(ring, vector.leewaySecs)
                                       .verify(vector.headers, vector.body, vector.verifyAt);
            const QByteArray full = VerificationCodec::toJsonText(v);
            QCOMPARE(VerificationCodec::toRowText(v, v.isValid() ? false : true), full);
            const Verification back = VerificationCodec::fromRow(
                QJsonDocument::fromJson(full).object(), vector.headers, vector.body);
            QCOMPARE(VerificationCodec::toJson(back), VerificationCodec::toJson(v));
            ++checked;
        }
    }
    QCOMPARE(checked, 2 * m_vectors.size());
}

QTEST_GUILESS_MAIN(TestVerificationCodec)
#include "tst_verificationcodec.moc"
