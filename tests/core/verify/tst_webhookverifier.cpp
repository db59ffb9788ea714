// Tests WebhookVerifier against every shared vector and against tokens minted here with other
// keys, secrets and clocks, covering each verdict and each leeway boundary (protocol.md 3).
#include "../../support/vectors.h"
#include "sign/tokensigner.h"
#include "verify/webhookverifier.h"

#include <QJsonDocument>
#include <QTest>
#include <optional>

using namespace pnm;

namespace {

constexpr qint64 kMintedAt = 1'893'456'123; // 2030-01-01T00:02:03Z, unrelated to the vectors
constexpr qint64 kExp = kMintedAt + TokenSigner::kValidForSecs;
const QString kKey = QStringLiteral("APIgenK3y7");
const QByteArray kSecret = "gen-secret:with:colons-0f9e8d7c6b5a";
const QByteArray kBody = R"({"event":"room_started","room":{"sid":"2d5b7e0c-8a4f-4f6e-9d1a-)"
                         R"(3c2b1a0f9e8d","room_id":"gen-room"},"id":"EV_gen1","created_at":)"
                         R"("1893456120"})";

HttpHeaders goHeaders(const QByteArray &token)
{
    return {{"User-Agent", "Go-http-client/1.1"},
            {"Authorization", token},
            {"Content-Type", "application/json"},
            {"Hash-Token", token},
            {"Accept-Encoding", "gzip"}};
}

KeyRing ringFrom(const QStringList &specs)
{
    KeyRing ring;
    for (const QString &spec : specs)
        ring.insertSpec(spec);
    return ring;
}

QString defaultSpec()
{
    return kKey + u':' + QString::fromUtf8(kSecret);
}

TokenSigner signer()
{
    return TokenSigner(kKey, kSecret);
}

TokenClaims claimsAt(qint64 mintedAt, const QByteArray &body = kBody)
{
    return signer().webhookClaims(body, mintedAt);
}

QByteArray tokenAt(qint64 mintedAt)
{
    return signer().signWebhook(kBody, mintedAt);
}

// Replaces one base64url segment of a token, keeping the others byte for byte.
QByteArray withSegment(const QByteArray &token, int index, const QByteArray &segment)
{
    QList<QByteArray> parts = token.split('.');
    parts[index] = segment;
    return parts.join('.');
}

QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString allText(const Verification &result)
{
    QString text = QString::fromUtf8(QJsonDocument(result.toJson()).toJson());
    for (const VerificationStep &step : result.stepList())
        text += u'\n' + step.name + u' ' + step.detail;
    return text;
}

QStringList stepNames(const Verification &result)
{
    QStringList names;
    for (const VerificationStep &step : result.stepList())
        names.append(step.name);
    return names;
}

std::optional<VerificationStep> findStep(const Verification &result, const char *name)
{
    for (const VerificationStep &step : result.stepList()) {
        if (step.name == QLatin1String(name))
            return step;
    }
    return std::nullopt;
}

const QStringList kStepOrder = {"token", "alg", "issuer", "signature",
                                "exp",   "nbf", "iat",    "sha256"};

// readFacts() must find what verify() without keys finds, writing no steps.
void compareFactsWithKeylessVerify(const HttpHeaders &headers, const QByteArray &body, qint64 now,
                                   qint64 leeway)
{
    const Verification noted = WebhookVerifier(KeyRing(), leeway).verify(headers, body, now);
    const Verification facts = WebhookVerifier::readFacts(headers, body, now, leeway);
    QCOMPARE(facts.verdict, Verdict::Unverified);
    QVERIFY(facts.steps.isEmpty());
    QVERIFY(!facts.stepsDeferred);
    QVERIFY(!noted.steps.isEmpty());
    QCOMPARE(facts.bodyBytes, noted.bodyBytes);
    QCOMPARE(facts.tokenSource, noted.tokenSource);
    QCOMPARE(facts.bearerPrefixStripped, noted.bearerPrefixStripped);
    QCOMPARE(facts.tokenHeadersDiffer, noted.tokenHeadersDiffer);
    QCOMPARE(facts.jwtHeader, noted.jwtHeader);
    QCOMPARE(facts.jwtClaims, noted.jwtClaims);
    QCOMPARE(facts.jwtHeaderText, noted.jwtHeaderText);
    QCOMPARE(facts.jwtClaimsText, noted.jwtClaimsText);
    QCOMPARE(facts.issuer, noted.issuer);
    QCOMPARE(facts.issuerKnown, noted.issuerKnown);
    QCOMPARE(facts.verifiedAtSecs, noted.verifiedAtSecs);
    QCOMPARE(facts.leewaySecs, noted.leewaySecs);
    QCOMPARE(facts.expiresAt, noted.expiresAt);
    QCOMPARE(facts.notBefore, noted.notBefore);
    QCOMPARE(facts.issuedAt, noted.issuedAt);
    QCOMPARE(facts.clockSkewSecs, noted.clockSkewSecs);
    QCOMPARE(facts.claimedSha256, noted.claimedSha256);
    QCOMPARE(facts.computedSha256, noted.computedSha256);
}

} // namespace

class TestWebhookVerifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void verify_data();
    void verify();
    void vectorsWithoutKeysAreUnverified();

    void generated_data();
    void generated();

    void validStepsAndFields();
    void failureSkipsLaterSteps();
    void validStepsAreWrittenWhenRead();
    void toJsonForEachKindOfResult();
    void tokenHeadersDiffer();
    void bearerPrefixIsNoted();
    void emptyKeyRingStillExplains();
    void emptyKeyRingWithoutToken();
    void fractionalNumericDates();
    void negativeLeewayActsAsZero();
    void secretAndTokenNeverShown();
    void placeholdersInClaimsShownVerbatim();

private:
    QList<test::WebhookVector> m_vectors;
};

void TestWebhookVerifier::initTestCase()
{
    QString error;
    m_vectors = test::loadVectors(&error);
    QVERIFY2(!m_vectors.isEmpty(), qPrintable(error));
}

void TestWebhookVerifier::verify_data()
{
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("leeway");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expect");
    for (const test::WebhookVector &vector : m_vectors) {
        QTest::newRow(qPrintable(vector.name))
            << vector.headers << vector.body << vector.verifyAt << vector.leewaySecs
            << vector.apiKey + u':' + QString::fromUtf8(vector.apiSecret) << vector.expect;
    }
}

void TestWebhookVerifier::verify()
{
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, now);
    QFETCH(qint64, leeway);
    QFETCH(QString, spec);
    QFETCH(QString, expect);

    const WebhookVerifier verifier(ringFrom({spec}), leeway);
    const Verification result = verifier.verify(headers, body, now);
    QCOMPARE(verdictName(result.verdict), expect);
    QCOMPARE(result.toJson().value("status").toString(), expect);
    QCOMPARE(result.isValid(), expect == QLatin1String("valid"));
    QCOMPARE(result.isFailure(), expect != QLatin1String("valid"));
    QCOMPARE(result.verifiedAtSecs, now);
    QCOMPARE(result.leewaySecs, leeway);
    QCOMPARE(result.computedSha256, bodySha256Base64(body));
    if (result.verdict != Verdict::MissingToken)
        QVERIFY(result.tokenSource.compare("Authorization", Qt::CaseInsensitive) == 0 ||
                result.tokenSource.compare("Hash-Token", Qt::CaseInsensitive) == 0);
    // A failed verification names exactly one failed step, and it is the one toJson quotes.
    qsizetype failed = 0;
    for (const VerificationStep &step : result.stepList()) {
        if (step.outcome == VerificationStep::Outcome::Failed) {
            ++failed;
            QCOMPARE(result.toJson().value("detail").toString(), step.detail);
        }
    }
    QCOMPARE(failed, result.isFailure() ? 1 : 0);
    const QString secret = spec.section(u':', 1);
    QVERIFY(!allText(result).contains(secret));
    compareFactsWithKeylessVerify(headers, body, now, leeway);
}

void TestWebhookVerifier::vectorsWithoutKeysAreUnverified()
{
    const WebhookVerifier verifier;
    for (const test::WebhookVector &vector : m_vectors) {
        const Verification result = verifier.verify(vector.headers, vector.body, vector.verifyAt);
        QCOMPARE(result.verdict, Verdict::Unverified);
        QVERIFY(!result.isFailure());
        QCOMPARE(result.computedSha256, bodySha256Base64(vector.body));
        for (const VerificationStep &step : result.stepList())
            QVERIFY(step.outcome == VerificationStep::Outcome::Note ||
                    step.outcome == VerificationStep::Outcome::Skipped);
        if (vector.expect == QLatin1String("valid")) {
            QCOMPARE(result.issuer, vector.apiKey);
            QCOMPARE(result.claimedSha256, result.computedSha256);
            QVERIFY(result.expiresAt.has_value());
        }
    }
}

void TestWebhookVerifier::generated_data()
{
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("leeway");
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("expect");

    const QStringList ring = {defaultSpec()};
    const QByteArray token = tokenAt(kMintedAt);
    auto add = [&](const char *tag, const HttpHeaders &headers, const QString &expect,
                   qint64 now = kMintedAt, qint64 leeway = 60, const QByteArray &body = kBody,
                   const QStringList &specs = {}) {
        QTest::newRow(tag) << headers << body << now << leeway << (specs.isEmpty() ? ring : specs)
                           << expect;
    };
    auto addToken = [&](const char *tag, const QByteArray &jwt, const QString &expect,
                        qint64 now = kMintedAt,
                        qint64 leeway = 60) { add(tag, goHeaders(jwt), expect, now, leeway); };
    TokenSigner s = signer();

    // Valid, and the leeway boundaries of exp, nbf and iat (protocol.md 3.7).
    addToken("valid", token, "valid");
    addToken("exp_plus_leeway_passes", token, "valid", kExp + 60);
    addToken("exp_plus_leeway_plus_1_expired", token, "expired", kExp + 61);
    addToken("nbf_minus_leeway_passes", token, "valid", kMintedAt - 60);
    addToken("nbf_minus_leeway_minus_1_not_yet_valid", token, "not_yet_valid", kMintedAt - 61);
    TokenClaims lateIat = claimsAt(kMintedAt);
    lateIat.notBefore.reset();
    lateIat.issuedAt = kMintedAt + 100;
    addToken("iat_minus_leeway_passes", s.sign(lateIat), "valid", kMintedAt + 40);
    addToken("iat_minus_leeway_minus_1_issued_in_future", s.sign(lateIat), "issued_in_future",
             kMintedAt + 39);
    TokenClaims nbfBeforeIat = claimsAt(kMintedAt);
    nbfBeforeIat.notBefore = kMintedAt - 1000;
    nbfBeforeIat.issuedAt = kMintedAt + 500;
    addToken("nbf_ok_iat_in_future", s.sign(nbfBeforeIat), "issued_in_future");
    addToken("custom_leeway_10_boundary", token, "valid", kExp + 10, 10);
    addToken("custom_leeway_10_expired", token, "expired", kExp + 11, 10);
    addToken("custom_leeway_0_at_exp", token, "valid", kExp, 0);
    addToken("custom_leeway_0_after_exp", token, "expired", kExp + 1, 0);
    addToken("custom_leeway_0_before_nbf", token, "not_yet_valid", kMintedAt - 1, 0);
    addToken("custom_leeway_600_long_after", token, "valid", kExp + 600, 600);
    addToken("custom_leeway_600_too_early", token, "not_yet_valid", kMintedAt - 601, 600);
    addToken("far_future_clock", token, "expired", kMintedAt + 86400);
    TokenClaims noExp = claimsAt(kMintedAt);
    noExp.expiresAt.reset();
    addToken("missing_exp", s.sign(noExp), "missing_exp");
    TokenClaims onlyExp;
    onlyExp.issuer = kKey;
    onlyExp.expiresAt = kExp;
    onlyExp.sha256 = bodySha256Base64(kBody);
    addToken("only_iss_exp_sha256", s.sign(onlyExp), "valid");

    // Where the token comes from (protocol.md 3.2, 8.2, 8.3).
    add("no_headers", {}, "missing_token");
    add("no_token_headers", {{"Content-Type", "application/json"}}, "missing_token");
    add("empty_token_headers", {{"Authorization", ""}, {"Hash-Token", ""}}, "missing_token");
    add("whitespace_token_headers", {{"Authorization", " \t "}, {"Hash-Token", "  "}},
        "missing_token");
    add("bearer_without_token", {{"Authorization", "Bearer"}}, "missing_token");
    add("hash_token_only", {{"Hash-Token", token}}, "valid");
    add("authorization_only", {{"Authorization", token}}, "valid");
    add("empty_authorization_falls_back", {{"Authorization", ""}, {"Hash-Token", token}}, "valid");
    add("blank_authorization_falls_back", {{"Authorization", "   "}, {"Hash-Token", token}},
        "valid");
    add("lowercase_names", {{"authorization", token}, {"hash-token", token}}, "valid");
    add("uppercase_hash_token_only", {{"HASH-TOKEN", token}}, "valid");
    add("padded_value", {{"Authorization", " " + token + "\t"}}, "valid");
    add("bearer_prefix", {{"Authorization", "Bearer " + token}}, "valid");
    add("bearer_prefix_lowercase", {{"Authorization", "bearer " + token}}, "valid");
    add("bearer_prefix_tab", {{"Authorization", "Bearer\t" + token}}, "valid");
    add("bearer_prefix_uppercase_in_hash_token", {{"Hash-Token", "BEARER " + token}}, "valid");
    add("authorization_wins_over_bad_hash_token",
        {{"Authorization", token}, {"Hash-Token", "garbage"}}, "valid");
    add("bad_authorization_wins_over_good_hash_token",
        {{"Authorization", "garbage"}, {"Hash-Token", token}}, "malformed_token");

    // Structure (3.3).
    const QList<QByteArray> parts = token.split('.');
    addToken("garbage", "not-a-jwt", "malformed_token");
    addToken("two_segments", parts[0] + '.' + parts[1], "malformed_token");
    addToken("four_segments", token + '.' + parts[2], "malformed_token");
    addToken("trailing_dot", token + '.', "malformed_token");
    addToken("empty_segments", "..", "malformed_token");
    addToken("padded_header", withSegment(token, 0, parts[0] + "=="), "malformed_token");
    addToken("padded_signature", withSegment(token, 2, parts[2] + '='), "malformed_token");
    addToken("plus_in_payload", withSegment(token, 1, parts[1].left(8) + '+' + parts[1].mid(9)),
             "malformed_token");
    addToken("slash_in_signature", withSegment(token, 2, parts[2].left(5) + '/' + parts[2].mid(6)),
             "malformed_token");
    addToken("space_in_payload", withSegment(token, 1, parts[1].left(4) + ' ' + parts[1].mid(4)),
             "malformed_token");
    addToken("dangling_base64_char", withSegment(token, 1, parts[1] + "A"), "malformed_token");
    addToken("non_json_payload",
             s.signJson(TokenSigner::headerJson(TokenLayout::GoCurrent), "this is not json"),
             "malformed_token");
    addToken("array_payload",
             s.signJson(TokenSigner::headerJson(TokenLayout::GoCurrent), "[1767225600]"),
             "malformed_token");
    addToken("string_payload",
             s.signJson(TokenSigner::headerJson(TokenLayout::GoCurrent), "\"claims\""),
             "malformed_token");
    addToken("array_header",
             s.signJson(R"(["HS256"])",
                        TokenSigner::payloadJson(claimsAt(kMintedAt), TokenLayout::GoCurrent)),
             "malformed_token");
    addToken(
        "trailing_garbage_after_payload",
        s.signJson(TokenSigner::headerJson(TokenLayout::GoCurrent),
                   TokenSigner::payloadJson(claimsAt(kMintedAt), TokenLayout::GoCurrent) + "}"),
        "malformed_token");
    const QByteArray goHeader = TokenSigner::headerJson(TokenLayout::GoCurrent);
    const QByteArray hash = bodySha256Base64(kBody).toLatin1();
    const QByteArray iss = kKey.toUtf8();
    auto payload = [&](const QByteArray &times) {
        return "{\"iss\":\"" + iss + "\"," + times + ",\"sha256\":\"" + hash + "\"}";
    };
    addToken("exp_as_string", s.signJson(goHeader, payload(R"("exp":"1893456423","nbf":1)")),
             "malformed_token");
    addToken("nbf_as_bool", s.signJson(goHeader, payload(R"("exp":1893456423,"nbf":true)")),
             "malformed_token");
    addToken("iat_as_null", s.signJson(goHeader, payload(R"("exp":1893456423,"iat":null)")),
             "malformed_token");
    addToken("exp_as_object", s.signJson(goHeader, payload(R"("exp":{"t":1893456423})")),
             "malformed_token");
    addToken("exp_in_exponent_form", s.signJson(goHeader, payload(R"("exp":1.893456423e9)")),
             "valid");

    // Algorithm (3.4).
    for (const char *alg : {"none", "HS384", "HS512", "RS256", "ES256", "hs256", "HS256 ", ""}) {
        const QByteArray tag = "alg_" + QByteArray(alg).trimmed() + "_unsupported";
        addToken(tag.constData(), s.sign(claimsAt(kMintedAt), TokenLayout::GoCurrent, alg),
                 "unsupported_alg");
    }
    addToken("alg_missing", s.signJson("{\"typ\":\"JWT\"}", payload(R"("exp":1893456423)")),
             "unsupported_alg");
    addToken("alg_number", s.signJson("{\"alg\":256}", payload(R"("exp":1893456423)")),
             "unsupported_alg");
    addToken("typ_ignored",
             s.signJson(R"({"alg":"HS256","typ":"nonsense"})", payload(R"("exp":1893456423)")),
             "valid");

    // Issuer (3.5) and several keys in one ring.
    TokenClaims otherIss = claimsAt(kMintedAt);
    otherIss.issuer = QStringLiteral("APInotConfigured");
    addToken("unknown_issuer_right_secret", s.sign(otherIss), "unknown_issuer");
    TokenClaims noIss = claimsAt(kMintedAt);
    noIss.issuer.clear();
    addToken("issuer_missing", s.sign(noIss), "unknown_issuer");
    addToken("issuer_number",
             s.signJson(goHeader, R"({"iss":42,"exp":1893456423,"sha256":")" + hash + "\"}"),
             "unknown_issuer");
    TokenClaims caseIss = claimsAt(kMintedAt);
    caseIss.issuer = kKey.toLower();
    addToken("issuer_case_differs", s.sign(caseIss), "unknown_issuer");

    const QStringList threeKeys = {QStringLiteral("alpha:secret-alpha-111"),
                                   QStringLiteral("beta:secret-beta-222"),
                                   QStringLiteral("gamma:secret:gamma:333")};
    const TokenSigner alpha(QStringLiteral("alpha"), "secret-alpha-111");
    const TokenSigner beta(QStringLiteral("beta"), "secret-beta-222");
    const TokenSigner gamma(QStringLiteral("gamma"), "secret:gamma:333");
    add("ring_selects_alpha", goHeaders(alpha.signWebhook(kBody, kMintedAt)), "valid", kMintedAt,
        60, kBody, threeKeys);
    add("ring_selects_beta", goHeaders(beta.signWebhook(kBody, kMintedAt)), "valid", kMintedAt, 60,
        kBody, threeKeys);
    add("ring_selects_gamma", goHeaders(gamma.signWebhook(kBody, kMintedAt)), "valid", kMintedAt,
        60, kBody, threeKeys);
    TokenClaims betaClaims = beta.webhookClaims(kBody, kMintedAt);
    add("ring_beta_claims_alpha_secret", goHeaders(alpha.sign(betaClaims)), "bad_signature",
        kMintedAt, 60, kBody, threeKeys);
    add("ring_unknown_issuer", goHeaders(tokenAt(kMintedAt)), "unknown_issuer", kMintedAt, 60,
        kBody, threeKeys);
    const TokenSigner unicode(QStringLiteral("clé-ключ-鍵"), "ünïcødé-secret");
    add("unicode_key_and_secret", goHeaders(unicode.signWebhook(kBody, kMintedAt)), "valid",
        kMintedAt, 60, kBody, {QStringLiteral("clé-ключ-鍵:ünïcødé-secret")});

    // Signature (3.6).
    const TokenSigner wrongSecret(kKey, kSecret + "x");
    addToken("wrong_secret", wrongSecret.signWebhook(kBody, kMintedAt), "bad_signature");
    addToken("empty_signature", withSegment(token, 2, ""), "bad_signature");
    QByteArray flipped = parts[2];
    flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
    addToken("signature_char_changed", withSegment(token, 2, flipped), "bad_signature");
    addToken("signature_of_other_token",
             withSegment(token, 2, tokenAt(kMintedAt + 1).split('.')[2]), "bad_signature");
    addToken("payload_swapped_signature_kept",
             withSegment(token, 1, tokenAt(kMintedAt + 1).split('.')[1]), "bad_signature");
    addToken("hs256_signature_truncated_16_bytes",
             withSegment(
                 token, 2,
                 b64url(QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding).left(16))),
             "bad_signature");
    addToken("signature_checked_before_time", wrongSecret.signWebhook(kBody, kMintedAt),
             "bad_signature", kMintedAt + 86400);

    // Body hash (3.8).
    TokenClaims noHash = claimsAt(kMintedAt);
    noHash.sha256.reset();
    addToken("sha256_missing", s.sign(noHash), "hash_mismatch");
    TokenClaims hexHash = claimsAt(kMintedAt);
    hexHash.sha256 = QString::fromLatin1(QByteArray::fromBase64(hash).toHex());
    addToken("sha256_hex", s.sign(hexHash), "hash_mismatch");
    TokenClaims urlHash = claimsAt(kMintedAt);
    urlHash.sha256 = QString::fromLatin1(b64url(QByteArray::fromBase64(hash)));
    addToken("sha256_base64url", s.sign(urlHash), "hash_mismatch");
    TokenClaims unpadded = claimsAt(kMintedAt);
    unpadded.sha256 = QString::fromLatin1(hash).remove(u'=');
    addToken("sha256_without_padding", s.sign(unpadded), "hash_mismatch");
    addToken("sha256_number",
             s.signJson(goHeader, "{\"iss\":\"" + iss + "\",\"exp\":1893456423,\"sha256\":1}"),
             "hash_mismatch");
    QByteArray changed = kBody;
    changed[changed.indexOf("gen-room") + 4] = 'R';
    add("body_one_byte_changed", goHeaders(token), "hash_mismatch", kMintedAt, 60, changed);
    add("body_trailing_newline", goHeaders(token), "hash_mismatch", kMintedAt, 60, kBody + '\n');
    add("body_empty", goHeaders(token), "hash_mismatch", kMintedAt, 60, QByteArray());
    add("body_empty_signed_empty", goHeaders(s.signWebhook("", kMintedAt)), "valid", kMintedAt, 60,
        QByteArray());
    const QByteArray binary = QByteArray("\x00\xff\x80{\r\n", 6);
    add("body_binary", goHeaders(s.signWebhook(binary, kMintedAt)), "valid", kMintedAt, 60, binary);

    // Other senders' layouts (protocol.md 2.5, 9).
    TokenClaims legacy = claimsAt(kMintedAt);
    addToken("layout_go_jose_legacy", s.sign(legacy, TokenLayout::GoJoseLegacy), "valid");
    addToken("layout_livekit_js", s.sign(legacy, TokenLayout::LiveKitJs), "valid");
    addToken("layout_livekit_js_expired", s.sign(legacy, TokenLayout::LiveKitJs), "expired",
             kExp + 61);
}

void TestWebhookVerifier::generated()
{
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, now);
    QFETCH(qint64, leeway);
    QFETCH(QStringList, specs);
    QFETCH(QString, expect);

    const WebhookVerifier verifier(ringFrom(specs), leeway);
    const Verification result = verifier.verify(headers, body, now);
    QCOMPARE(verdictName(result.verdict), expect);
    // Every step is listed, in order, whatever the outcome (plus an optional note on the headers).
    QStringList names = stepNames(result);
    names.removeAll(QStringLiteral("token_headers"));
    QCOMPARE(names, kStepOrder);
    for (const QString &spec : specs)
        QVERIFY(!allText(result).contains(spec.section(u':', 1)));
    compareFactsWithKeylessVerify(headers, body, now, leeway);
}

void TestWebhookVerifier::validStepsAndFields()
{
    const QByteArray token = tokenAt(kMintedAt);
    const WebhookVerifier verifier(ringFrom({defaultSpec()}));
    const Verification result = verifier.verify(goHeaders(token), kBody, kMintedAt + 7);

    QCOMPARE(result.verdict, Verdict::Valid);
    QCOMPARE(stepNames(result), kStepOrder);
    for (const VerificationStep &step : result.stepList())
        QCOMPARE(step.outcome, VerificationStep::Outcome::Passed);
    QCOMPARE(result.tokenSource, QStringLiteral("Authorization"));
    QVERIFY(!result.bearerPrefixStripped);
    QVERIFY(!result.tokenHeadersDiffer);
    QCOMPARE(result.jwtHeader, QJsonObject({{"alg", "HS256"}, {"typ", "JWT"}}));
    QCOMPARE(result.jwtClaims.value("iss").toString(), kKey);
    QCOMPARE(result.jwtClaims.size(), 5);
    QCOMPARE(result.issuer, kKey);
    QVERIFY(result.issuerKnown);
    QCOMPARE(result.verifiedAtSecs, kMintedAt + 7);
    QCOMPARE(result.leewaySecs, WebhookVerifier::kDefaultLeewaySecs);
    QCOMPARE(result.expiresAt, std::optional<qint64>(kExp));
    QCOMPARE(result.notBefore, std::optional<qint64>(kMintedAt));
    QCOMPARE(result.issuedAt, std::optional<qint64>(kMintedAt));
    QCOMPARE(result.clockSkewSecs, std::optional<qint64>(7));
    QCOMPARE(result.claimedSha256, bodySha256Base64(kBody));
    QCOMPARE(result.computedSha256, bodySha256Base64(kBody));

    // Times are shown as unix seconds and ISO-8601 UTC.
    const std::optional<VerificationStep> exp = findStep(result, "exp");
    QVERIFY(exp);
    QVERIFY2(exp->detail.contains("1893456423 (2030-01-01T00:07:03Z)"), qPrintable(exp->detail));
    QVERIFY2(exp->detail.contains("1893456130 (2030-01-01T00:02:10Z)"), qPrintable(exp->detail));
    QVERIFY(exp->detail.contains("60 s leeway"));
    QVERIFY(findStep(result, "nbf")->detail.contains("1893456123 (2030-01-01T00:02:03Z)"));
    QVERIFY(findStep(result, "alg")->detail.contains("\"HS256\""));
    QVERIFY(findStep(result, "issuer")->detail.contains(kKey));
    QVERIFY(findStep(result, "sha256")->detail.contains(bodySha256Base64(kBody)));
    QVERIFY(findStep(result, "token")->detail.startsWith("Authorization header"));

    // Without iat, the skew is measured from nbf.
    TokenClaims claims = claimsAt(kMintedAt);
    claims.issuedAt.reset();
    const Verification noIat =
        verifier.verify(goHeaders(signer().sign(claims)), kBody, kMintedAt - 5);
    QCOMPARE(noIat.verdict, Verdict::Valid);
    QCOMPARE(noIat.clockSkewSecs, std::optional<qint64>(-5));
    QCOMPARE(findStep(noIat, "iat")->outcome, VerificationStep::Outcome::Skipped);
}

// A valid verdict leaves its steps to be written from its facts; those words are the ones a
// failing verdict gives for the same steps that passed before its failure.
void TestWebhookVerifier::validStepsAreWrittenWhenRead()
{
    const WebhookVerifier verifier(ringFrom({defaultSpec()}));
    for (const bool withIat : {true, false}) {
        TokenClaims claims = claimsAt(kMintedAt);
        if (!withIat)
            claims.issuedAt.reset();
        const HttpHeaders headers = goHeaders(signer().sign(claims));
        const Verification valid = verifier.verify(headers, kBody, kMintedAt + 7);
        QCOMPARE(valid.verdict, Verdict::Valid);
        QVERIFY(valid.stepsDeferred);
        QVERIFY(valid.steps.isEmpty());
        QCOMPARE(valid.bodyBytes, kBody.size());
        QCOMPARE(stepNames(valid), kStepOrder);
        for (const VerificationStep &step : valid.stepList()) {
            QVERIFY2(!step.detail.isEmpty(), qPrintable(step.name));
            QCOMPARE(step.outcome, step.name == "iat" && !withIat
                                       ? VerificationStep::Outcome::Skipped
                                       : VerificationStep::Outcome::Passed);
        }
        // The same token over another body: everything but the hash passes, in the same words.
        const Verification mismatch = verifier.verify(headers, kBody + ' ', kMintedAt + 7);
        QCOMPARE(mismatch.verdict, Verdict::HashMismatch);
        QVERIFY(!mismatch.stepsDeferred);
        const QList<VerificationStep> validSteps = valid.stepList();
        QCOMPARE(mismatch.steps.size(), validSteps.size());
        for (qsizetype i = 0; i + 1 < validSteps.size(); ++i) {
            QCOMPARE(mismatch.steps.at(i).name, validSteps.at(i).name);
            QCOMPARE(mismatch.steps.at(i).outcome, validSteps.at(i).outcome);
            QCOMPARE(mismatch.steps.at(i).detail, validSteps.at(i).detail);
        }
        QCOMPARE(mismatch.steps.constLast().outcome, VerificationStep::Outcome::Failed);
    }
}

void TestWebhookVerifier::failureSkipsLaterSteps()
{
    const WebhookVerifier verifier(ringFrom({defaultSpec()}));
    const Verification result = verifier.verify(goHeaders(tokenAt(kMintedAt)), kBody, kExp + 61);
    QCOMPARE(result.verdict, Verdict::Expired);
    QCOMPARE(stepNames(result), kStepOrder);
    using O = VerificationStep::Outcome;
    const QList<O> outcomes = {O::Passed, O::Passed,  O::Passed,  O::Passed,
                               O::Failed, O::Skipped, O::Skipped, O::Skipped};
    for (qsizetype i = 0; i < outcomes.size(); ++i)
        QCOMPARE(result.stepList().at(i).outcome, outcomes.at(i));
    const QString detail = result.stepList().at(4).detail;
    QVERIFY2(detail.contains("1893456484 (2030-01-01T00:08:04Z)"), qPrintable(detail));
    QVERIFY2(detail.contains("61 s after exp 1893456423 (2030-01-01T00:07:03Z)"),
             qPrintable(detail));

    const Verification missing = verifier.verify({}, kBody, kMintedAt);
    QCOMPARE(missing.verdict, Verdict::MissingToken);
    QCOMPARE(stepNames(missing), kStepOrder);
    QCOMPARE(missing.stepList().at(0).outcome, O::Failed);
    QCOMPARE(missing.stepList().at(0).detail,
             QStringLiteral("no token: Authorization is absent and Hash-Token is absent"));
    QCOMPARE(missing.stepList().at(7).outcome, O::Skipped);
    QVERIFY(missing.tokenSource.isEmpty());
    QCOMPARE(missing.computedSha256, bodySha256Base64(kBody));
}

void TestWebhookVerifier::toJsonForEachKindOfResult()
{
    const WebhookVerifier verifier(ringFrom({defaultSpec()}));
    const QByteArray token = tokenAt(kMintedAt);

    const Verification valid = verifier.verify(goHeaders(token), kBody, kMintedAt);
    QCOMPARE(valid.toJson(), QJsonObject({{"status", "valid"},
                                          {"issuer", kKey},
                                          {"token_source", "Authorization"},
                                          {"detail", "signature and body hash match"}}));

    const Verification mismatch = verifier.verify({{"hash-token", token}}, "{}", kMintedAt);
    QCOMPARE(mismatch.verdict, Verdict::HashMismatch);
    const QJsonObject json = mismatch.toJson();
    QCOMPARE(json.size(), 4);
    QCOMPARE(json.value("status").toString(), QStringLiteral("hash_mismatch"));
    QCOMPARE(json.value("token_source").toString(), QStringLiteral("hash-token"));
    QCOMPARE(json.value("detail").toString(), findStep(mismatch, "sha256")->detail);
    QVERIFY(json.value("detail").toString().contains(bodySha256Base64("{}")));
    QVERIFY(!json.value("detail").toString().contains(u'\n'));

    const Verification missing = verifier.verify({}, kBody, kMintedAt);
    QCOMPARE(missing.toJson(),
             QJsonObject({{"status", "missing_token"},
                          {"issuer", ""},
                          {"token_source", ""},
                          {"detail", "no token: Authorization is absent and Hash-Token is "
                                     "absent"}}));

    const Verification malformed = verifier.verify(goHeaders("a.b"), kBody, kMintedAt);
    QCOMPARE(malformed.toJson().value("detail").toString(),
             QStringLiteral("Authorization header: the token has 2 segments separated by '.', "
                            "expected 3"));

    const Verification unverified = WebhookVerifier().verify(goHeaders(token), kBody, kMintedAt);
    QCOMPARE(unverified.toJson().value("status").toString(), QStringLiteral("unverified"));
    QCOMPARE(unverified.toJson().value("issuer").toString(), kKey);
    QVERIFY(!unverified.toJson().value("detail").toString().isEmpty());
}

void TestWebhookVerifier::tokenHeadersDiffer()
{
    const WebhookVerifier verifier(ringFrom({defaultSpec()}));
    const QByteArray good = tokenAt(kMintedAt);
    const QByteArray other = tokenAt(kMintedAt - 10);

    const Verification result =
        verifier.verify({{"Authorization", good}, {"Hash-Token", other}}, kBody, kMintedAt);
    QCOMPARE(result.verdict, Verdict::Valid);
    QVERIFY(result.tokenHeadersDiffer);
    QCOMPARE(result.tokenSource, QStringLiteral("Authorization"));
    QCOMPARE(result.issuedAt, std::optional<qint64>(kMintedAt)); // Authorization's token was used
    const std::optional<VerificationStep> note = findStep(result, "token_headers");
    QVERIFY(note);
    QCOMPARE(note->outcome, VerificationStep::Outcome::Note);
    QVERIFY(note->detail.contains("Authorization"));
    QCOMPARE(result.toJson().value("token_headers_differ").toBool(), true);

    // The same token in both, once with a prefix and padding: not a difference.
    const Verification same = verifier.verify(
        {{"Authorization", "Bearer " + good}, {"Hash-Token", good + ' '}}, kBody, kMintedAt);
    QCOMPARE(same.verdict, Verdict::Valid);
    QVERIFY(!same.tokenHeadersDiffer);
    QVERIFY(!same.toJson().contains("token_headers_differ"));
    QVERIFY(!findStep(same, "token_headers"));

    // Only one header carries a token: nothing to compare.
    const Verification single =
        verifier.verify({{"Authorization", ""}, {"Hash-Token", good}}, kBody, kMintedAt);
    QVERIFY(!single.tokenHeadersDiffer);
    QCOMPARE(single.tokenSource, QStringLiteral("Hash-Token"));
}

void TestWebhookVerifier::bearerPrefixIsNoted()
{
    const WebhookVerifier verifier(ringFrom({defaultSpec()}));
    const QByteArray token = tokenAt(kMintedAt);
    const Verification result =
        verifier.verify({{"Authorization", "bEaReR   " + token}}, kBody, kMintedAt);
    QCOMPARE(result.verdict, Verdict::Valid);
    QVERIFY(result.bearerPrefixStripped);
    QCOMPARE(result.toJson().value("bearer_prefix_stripped").toBool(), true);
    QVERIFY(findStep(result, "token")->detail.contains("Bearer"));

    const Verification plain = verifier.verify({{"Authorization", token}}, kBody, kMintedAt);
    QVERIFY(!plain.bearerPrefixStripped);
    QVERIFY(!plain.toJson().contains("bearer_prefix_stripped"));

    // "Bearer" glued to the token is not a prefix: the token is then malformed.
    const Verification glued =
        verifier.verify({{"Authorization", "Bearer" + token}}, kBody, kMintedAt);
    QCOMPARE(glued.verdict, Verdict::MalformedToken);
    QVERIFY(!glued.bearerPrefixStripped);
}

void TestWebhookVerifier::emptyKeyRingStillExplains()
{
    const WebhookVerifier verifier;
    TokenClaims claims = claimsAt(kMintedAt);
    const QByteArray token = signer().sign(claims);
    const Verification result = verifier.verify(goHeaders(token), kBody, kExp + 100);

    QCOMPARE(result.verdict, Verdict::Unverified);
    QVERIFY(!result.isFailure());
    QVERIFY(!result.isValid());
    QCOMPARE(stepNames(result), kStepOrder);
    QCOMPARE(result.tokenSource, QStringLiteral("Authorization"));
    QCOMPARE(result.issuer, kKey);
    QVERIFY(!result.issuerKnown);
    QCOMPARE(result.jwtHeader.value("alg").toString(), QStringLiteral("HS256"));
    QCOMPARE(result.expiresAt, std::optional<qint64>(kExp));
    QCOMPARE(result.clockSkewSecs, std::optional<qint64>(TokenSigner::kValidForSecs + 100));
    QCOMPARE(result.claimedSha256, result.computedSha256);
    QCOMPARE(findStep(result, "signature")->outcome, VerificationStep::Outcome::Skipped);
    for (const char *name : {"token", "alg", "issuer", "exp", "nbf", "iat", "sha256"})
        QCOMPARE(findStep(result, name)->outcome, VerificationStep::Outcome::Note);
    // The expiry is reported, not enforced.
    QVERIFY2(findStep(result, "exp")->detail.contains("expired"),
             qPrintable(findStep(result, "exp")->detail));
    QVERIFY(findStep(result, "sha256")->detail.contains(result.computedSha256));

    const Verification tampered = verifier.verify(goHeaders(token), kBody + ' ', kMintedAt);
    QCOMPARE(tampered.verdict, Verdict::Unverified);
    QVERIFY(findStep(tampered, "sha256")->detail.contains("hash_mismatch"));
    QVERIFY(tampered.claimedSha256 != tampered.computedSha256);
}

void TestWebhookVerifier::emptyKeyRingWithoutToken()
{
    const WebhookVerifier verifier;
    const Verification missing = verifier.verify({}, kBody, kMintedAt);
    QCOMPARE(missing.verdict, Verdict::Unverified);
    QCOMPARE(stepNames(missing), kStepOrder);
    QCOMPARE(missing.stepList().at(0).outcome, VerificationStep::Outcome::Note);
    QCOMPARE(missing.computedSha256, bodySha256Base64(kBody));

    const Verification malformed = verifier.verify(goHeaders("x.y.z.w"), kBody, kMintedAt);
    QCOMPARE(malformed.verdict, Verdict::Unverified);
    QCOMPARE(malformed.stepList().at(0).outcome, VerificationStep::Outcome::Note);
    QVERIFY(malformed.stepList().at(0).detail.contains("4 segments"));
    QCOMPARE(malformed.stepList().at(1).outcome, VerificationStep::Outcome::Skipped);
}

void TestWebhookVerifier::fractionalNumericDates()
{
    const QByteArray header = TokenSigner::headerJson(TokenLayout::GoCurrent);
    const QByteArray hash = bodySha256Base64(kBody).toLatin1();
    auto token = [&](const QByteArray &times) {
        return signer().signJson(header, "{\"iss\":\"" + kKey.toUtf8() + "\"," + times +
                                             ",\"sha256\":\"" + hash + "\"}");
    };
    const WebhookVerifier verifier(ringFrom({defaultSpec()}));
    auto verdictAt = [&](const QByteArray &jwt, qint64 now) {
        return verdictName(verifier.verify(goHeaders(jwt), kBody, now).verdict);
    };
    // exp + L = 1000.5 + 60: now 1060 passes, now 1061 is after it.
    const QByteArray exp = token(R"("exp":1000.5)");
    QCOMPARE(verdictAt(exp, 1060), QStringLiteral("valid"));
    QCOMPARE(verdictAt(exp, 1061), QStringLiteral("expired"));
    QCOMPARE(verifier.verify(goHeaders(exp), kBody, 1000).expiresAt, std::optional<qint64>(1000));
    // now + L must reach nbf = 1000.5: now 940 falls short, 941 is enough.
    const QByteArray nbf = token(R"("exp":5000,"nbf":1000.5)");
    QCOMPARE(verdictAt(nbf, 940), QStringLiteral("not_yet_valid"));
    QCOMPARE(verdictAt(nbf, 941), QStringLiteral("valid"));
    const QByteArray iat = token(R"("exp":5000,"iat":1000.25)");
    QCOMPARE(verdictAt(iat, 940), QStringLiteral("issued_in_future"));
    QCOMPARE(verdictAt(iat, 941), QStringLiteral("valid"));
    const Verification shown = verifier.verify(goHeaders(exp), kBody, 1000);
    QVERIFY2(findStep(shown, "exp")->detail.contains("1000.5 (1970-01-01T00:16:40Z)"),
             qPrintable(findStep(shown, "exp")->detail));
    // Huge and negative dates neither overflow nor wrap.
    QCOMPARE(verdictAt(token(R"("exp":1e300)"), kMintedAt), QStringLiteral("valid"));
    QCOMPARE(verdictAt(token(R"("exp":-1e300)"), kMintedAt), QStringLiteral("expired"));
    QCOMPARE(verdictAt(token(R"("exp":9223372036854775807)"), kMintedAt), QStringLiteral("valid"));
    QCOMPARE(verdictAt(token(R"("exp":1e300,"nbf":1e300)"), kMintedAt),
             QStringLiteral("not_yet_valid"));
}

void TestWebhookVerifier::negativeLeewayActsAsZero()
{
    WebhookVerifier verifier(ringFrom({defaultSpec()}));
    verifier.setLeewaySecs(-30);
    const QByteArray token = tokenAt(kMintedAt);
    QCOMPARE(verifier.verify(goHeaders(token), kBody, kExp).verdict, Verdict::Valid);
    QCOMPARE(verifier.verify(goHeaders(token), kBody, kExp + 1).verdict, Verdict::Expired);
    QCOMPARE(verifier.verify(goHeaders(token), kBody, kExp).leewaySecs, 0);
}

void TestWebhookVerifier::secretAndTokenNeverShown()
{
    const QByteArray token = tokenAt(kMintedAt);
    const QByteArray signatureSegment = token.split('.').at(2);
    const TokenSigner wrong(kKey, "another-secret-value");
    const QList<QByteArray> tokens = {token, wrong.signWebhook(kBody, kMintedAt),
                                      withSegment(token, 1, "%%%"), token + ".x"};
    for (const KeyRing &ring : {ringFrom({defaultSpec()}), KeyRing()}) {
        const WebhookVerifier verifier(ring);
        for (const QByteArray &jwt : tokens) {
            for (qint64 now : {kMintedAt, kExp + 3600}) {
                const QString text = allText(verifier.verify(goHeaders(jwt), kBody, now));
                QVERIFY(!text.contains(QString::fromUtf8(kSecret)));
                QVERIFY(!text.contains("another-secret-value"));
                QVERIFY(!text.contains(QString::fromLatin1(jwt)));
                QVERIFY(!text.contains(QString::fromLatin1(jwt.split('.').at(0))));
                QVERIFY(!text.contains(QString::fromLatin1(signatureSegment)));
            }
        }
    }
}

// Token text that looks like QString::arg placeholders must not be substituted into details.
void TestWebhookVerifier::placeholdersInClaimsShownVerbatim()
{
    const TokenSigner tricky(QStringLiteral("k%1%2"), "s");
    TokenClaims claims = tricky.webhookClaims(kBody, kMintedAt);
    claims.sha256 = QStringLiteral("%1%2%3");
    const WebhookVerifier verifier(ringFrom({QStringLiteral("k%1%2:s")}));
    const Verification mismatch = verifier.verify(goHeaders(tricky.sign(claims)), kBody, kMintedAt);
    QCOMPARE(mismatch.verdict, Verdict::HashMismatch);
    QVERIFY2(findStep(mismatch, "sha256")->detail.startsWith("the sha256 claim \"%1%2%3\" differs"),
             qPrintable(findStep(mismatch, "sha256")->detail));
    QVERIFY(findStep(mismatch, "issuer")->detail.contains("\"k%1%2\""));

    const Verification wrong = WebhookVerifier(ringFrom({QStringLiteral("k%1%2:other")}))
                                   .verify(goHeaders(tricky.sign(claims)), kBody, kMintedAt);
    QCOMPARE(wrong.verdict, Verdict::BadSignature);
    QCOMPARE(wrong.toJson().value("detail").toString(),
             QStringLiteral("HMAC-SHA256 with the secret of \"k%1%2\" does not match the 32-byte "
                            "signature: the secret differs from the server's or the token was "
                            "altered"));
}

QTEST_GUILESS_MAIN(TestWebhookVerifier)
#include "tst_webhookverifier.moc"
