// Tests the Verification value type: verdict names (protocol.md 10), advice, toJson and flags.
#include "verify/verification.h"

#include <QTest>
#include <QVariant>

using namespace pnm;

namespace {

const QList<QPair<Verdict, QString>> kNames = {
    {Verdict::Valid, "valid"},
    {Verdict::Unverified, "unverified"},
    {Verdict::MissingToken, "missing_token"},
    {Verdict::MalformedToken, "malformed_token"},
    {Verdict::UnsupportedAlg, "unsupported_alg"},
    {Verdict::UnknownIssuer, "unknown_issuer"},
    {Verdict::BadSignature, "bad_signature"},
    {Verdict::MissingExp, "missing_exp"},
    {Verdict::Expired, "expired"},
    {Verdict::NotYetValid, "not_yet_valid"},
    {Verdict::IssuedInFuture, "issued_in_future"},
    {Verdict::HashMismatch, "hash_mismatch"},
};

} // namespace

class TestVerification : public QObject
{
    Q_OBJECT

private slots:
    void names();
    void unknownNames();
    void advice();
    void flags();
    void toJson();
    void toJsonUsesFirstFailedStep();
    void travelsInQVariant();
};

void TestVerification::names()
{
    for (const auto &[verdict, name] : kNames) {
        QCOMPARE(verdictName(verdict), name);
        QCOMPARE(verdictFromName(name), std::optional<Verdict>(verdict));
    }
}

void TestVerification::unknownNames()
{
    for (const char *name : {"", "VALID", "Valid", "valid ", "hash-mismatch", "bogus", "ok"})
        QCOMPARE(verdictFromName(QString::fromLatin1(name)), std::nullopt);
}

void TestVerification::advice()
{
    QSet<QString> seen;
    for (const auto &[verdict, name] : kNames) {
        const QString text = verdictAdvice(verdict);
        QVERIFY2(text.size() > 20, qPrintable(name));
        QVERIFY2(text.endsWith(u'.'), qPrintable(name));
        QVERIFY2(!text.contains(u'\n'), qPrintable(name));
        QVERIFY2(text.at(0).isUpper(), qPrintable(name));
        seen.insert(text);
    }
    QCOMPARE(seen.size(), kNames.size());
    QVERIFY(verdictAdvice(Verdict::UnknownIssuer).contains("client.api_key"));
    QVERIFY(verdictAdvice(Verdict::BadSignature).contains("client.secret"));
}

void TestVerification::flags()
{
    Verification v;
    QCOMPARE(v.verdict, Verdict::MissingToken);
    QCOMPARE(v.leewaySecs, 60);
    for (const auto &[verdict, name] : kNames) {
        v.verdict = verdict;
        QCOMPARE(v.isValid(), verdict == Verdict::Valid);
        QCOMPARE(v.isFailure(), verdict != Verdict::Valid && verdict != Verdict::Unverified);
    }
}

void TestVerification::toJson()
{
    Verification v;
    v.verdict = Verdict::Valid;
    v.issuer = QStringLiteral("plugnmeet");
    v.tokenSource = QStringLiteral("Authorization");
    v.steps.append({"token", VerificationStep::Outcome::Passed, "fine"});
    QCOMPARE(v.toJson(), QJsonObject({{"status", "valid"},
                                      {"issuer", "plugnmeet"},
                                      {"token_source", "Authorization"},
                                      {"detail", "signature and body hash match"}}));
    v.bearerPrefixStripped = true;
    v.tokenHeadersDiffer = true;
    QCOMPARE(v.toJson(), QJsonObject({{"status", "valid"},
                                      {"issuer", "plugnmeet"},
                                      {"token_source", "Authorization"},
                                      {"detail", "signature and body hash match"},
                                      {"bearer_prefix_stripped", true},
                                      {"token_headers_differ", true}}));
    v.verdict = Verdict::Unverified;
    QCOMPARE(v.toJson().value("status").toString(), QStringLiteral("unverified"));
    QVERIFY(v.toJson().value("detail").toString().contains("no API keys configured"));
}

void TestVerification::toJsonUsesFirstFailedStep()
{
    Verification v;
    v.verdict = Verdict::Expired;
    v.steps = {{"token", VerificationStep::Outcome::Passed, "ok"},
               {"token_headers", VerificationStep::Outcome::Note, "a note"},
               {"exp", VerificationStep::Outcome::Failed, "expired: now 2 is after exp 1"},
               {"nbf", VerificationStep::Outcome::Skipped, "not checked"}};
    const QJsonObject json = v.toJson();
    QCOMPARE(json.value("detail").toString(), QStringLiteral("expired: now 2 is after exp 1"));
    QCOMPARE(json.value("issuer").toString(), QString());
    QCOMPARE(json.value("token_source").toString(), QString());
    QCOMPARE(json.size(), 4);
}

void TestVerification::travelsInQVariant()
{
    Verification v;
    v.verdict = Verdict::HashMismatch;
    v.issuer = QStringLiteral("k");
    v.expiresAt = 42;
    const QVariant variant = QVariant::fromValue(v);
    const Verification back = variant.value<Verification>();
    QCOMPARE(back.verdict, Verdict::HashMismatch);
    QCOMPARE(back.issuer, QStringLiteral("k"));
    QCOMPARE(back.expiresAt, std::optional<qint64>(42));
}

QTEST_GUILESS_MAIN(TestVerification)
#include "tst_verification.moc"
