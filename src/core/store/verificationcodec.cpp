#include "store/verificationcodec.h"

#include <QJsonArray>

namespace pnm {

namespace {
QString outcomeName(VerificationStep::Outcome outcome)
{
    switch (outcome) {
    case VerificationStep::Outcome::Passed:
        return QStringLiteral("passed");
    case VerificationStep::Outcome::Failed:
        return QStringLiteral("failed");
    case VerificationStep::Outcome::Skipped:
        return QStringLiteral("skipped");
    case VerificationStep::Outcome::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("skipped");
}

VerificationStep::Outcome outcomeFromName(const QString &name)
{
    if (name == QLatin1String("passed"))
        return VerificationStep::Outcome::Passed;
    if (name == QLatin1String("failed"))
        return VerificationStep::Outcome::Failed;
    if (name == QLatin1String("note"))
        return VerificationStep::Outcome::Note;
    return VerificationStep::Outcome::Skipped;
}

void putOptional(QJsonObject &json, const char *key, const std::optional<qint64> &value)
{
    if (value)
        json.insert(QLatin1String(key), *value);
}

std::optional<qint64> takeOptional(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    return qint64(value.toDouble());
}
} // namespace

QJsonObject VerificationCodec::toJson(const Verification &v)
{
    QJsonArray steps;
    for (const VerificationStep &step : v.steps)
        steps.append(QJsonObject{
            {"name", step.name}, {"outcome", outcomeName(step.outcome)}, {"detail", step.detail}});
    QJsonObject json{{"verdict", verdictName(v.verdict)},
                     {"steps", steps},
                     {"token_source", v.tokenSource},
                     {"bearer_prefix_stripped", v.bearerPrefixStripped},
                     {"token_headers_differ", v.tokenHeadersDiffer},
                     {"jwt_header", v.jwtHeader},
                     {"jwt_claims", v.jwtClaims},
                     {"issuer", v.issuer},
                     {"issuer_known", v.issuerKnown},
                     {"verified_at", v.verifiedAtSecs},
                     {"leeway", v.leewaySecs},
                     {"claimed_sha256", v.claimedSha256},
                     {"computed_sha256", v.computedSha256}};
    putOptional(json, "exp", v.expiresAt);
    putOptional(json, "nbf", v.notBefore);
    putOptional(json, "iat", v.issuedAt);
    putOptional(json, "clock_skew", v.clockSkewSecs);
    return json;
}

Verification VerificationCodec::fromJson(const QJsonObject &json)
{
    Verification v;
    v.verdict = verdictFromName(json.value("verdict").toString()).value_or(Verdict::MalformedToken);
    for (const QJsonValue &value : json.value("steps").toArray()) {
        const QJsonObject step = value.toObject();
        v.steps.append({step.value("name").toString(),
                        outcomeFromName(step.value("outcome").toString()),
                        step.value("detail").toString()});
    }
    v.tokenSource = json.value("token_source").toString();
    v.bearerPrefixStripped = json.value("bearer_prefix_stripped").toBool();
    v.tokenHeadersDiffer = json.value("token_headers_differ").toBool();
    v.jwtHeader = json.value("jwt_header").toObject();
    v.jwtClaims = json.value("jwt_claims").toObject();
    v.issuer = json.value("issuer").toString();
    v.issuerKnown = json.value("issuer_known").toBool();
    v.verifiedAtSecs = qint64(json.value("verified_at").toDouble());
    v.leewaySecs = qint64(json.value("leeway").toDouble(60));
    v.claimedSha256 = json.value("claimed_sha256").toString();
    v.computedSha256 = json.value("computed_sha256").toString();
    v.expiresAt = takeOptional(json, "exp");
    v.notBefore = takeOptional(json, "nbf");
    v.issuedAt = takeOptional(json, "iat");
    v.clockSkewSecs = takeOptional(json, "clock_skew");
    return v;
}

} // namespace pnm
