#include "store/verificationcodec.h"

#include "text/jsontextwriter.h"
#include "verify/webhookverifier.h"

#include <QJsonArray>

namespace pnm {

namespace {
QLatin1StringView outcomeName(VerificationStep::Outcome outcome)
{
    switch (outcome) {
    case VerificationStep::Outcome::Passed:
        return QLatin1StringView("passed");
    case VerificationStep::Outcome::Failed:
        return QLatin1StringView("failed");
    case VerificationStep::Outcome::Skipped:
        return QLatin1StringView("skipped");
    case VerificationStep::Outcome::Note:
        return QLatin1StringView("note");
    }
    return QLatin1StringView("skipped");
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
        steps.append(QJsonObject{{"name", step.name},
                                 {"outcome", QString(outcomeName(step.outcome))},
                                 {"detail", step.detail}});
    QJsonObject json{{"verdict", verdictName(v.verdict)},
                     {"steps", steps},
                     {"steps_derived", v.stepsDeferred},
                     {"body_bytes", v.bodyBytes},
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

QByteArray VerificationCodec::toJsonText(const Verification &v)
{
    JsonTextWriter out(1024 + 160 * v.steps.size());
    const auto optional = [&out](QLatin1StringView name, const std::optional<qint64> &value) {
        if (value) {
            out.key(name);
            out.number(*value);
        }
    };
    out.beginObject();
    out.key(QLatin1StringView("verdict"));
    out.string(verdictName(v.verdict));
    // A valid verdict's steps are written from the facts when shown (PassedSteps): the row keeps
    // the facts, not the same sentences for every request.
    out.key(QLatin1StringView("steps_derived"));
    out.boolean(v.stepsDeferred);
    out.key(QLatin1StringView("body_bytes"));
    out.number(v.bodyBytes);
    out.key(QLatin1StringView("steps"));
    out.beginArray();
    for (const VerificationStep &step : v.steps) {
        out.beginObject();
        out.key(QLatin1StringView("name"));
        out.string(step.name);
        out.key(QLatin1StringView("outcome"));
        out.string(outcomeName(step.outcome));
        out.key(QLatin1StringView("detail"));
        out.string(step.detail);
        out.endObject();
    }
    out.endArray();
    out.key(QLatin1StringView("token_source"));
    out.string(v.tokenSource);
    out.key(QLatin1StringView("bearer_prefix_stripped"));
    out.boolean(v.bearerPrefixStripped);
    out.key(QLatin1StringView("token_headers_differ"));
    out.boolean(v.tokenHeadersDiffer);
    // The token's own JSON text when we have it: it parsed as these objects, so it reads back
    // as them, and serialising them again was a tenth of the store's CPU per request.
    const auto tokenPart = [&out](const QByteArray &text, const QJsonObject &object) {
        // A NUL could end a reader's view of the text early: such a token is re-serialised.
        if (text.isEmpty() || text.contains('\0'))
            out.object(object);
        else
            out.raw(text);
    };
    out.key(QLatin1StringView("jwt_header"));
    tokenPart(v.jwtHeaderText, v.jwtHeader);
    out.key(QLatin1StringView("jwt_claims"));
    tokenPart(v.jwtClaimsText, v.jwtClaims);
    out.key(QLatin1StringView("issuer"));
    out.string(v.issuer);
    out.key(QLatin1StringView("issuer_known"));
    out.boolean(v.issuerKnown);
    out.key(QLatin1StringView("verified_at"));
    out.number(v.verifiedAtSecs);
    out.key(QLatin1StringView("leeway"));
    out.number(v.leewaySecs);
    out.key(QLatin1StringView("claimed_sha256"));
    out.string(v.claimedSha256);
    out.key(QLatin1StringView("computed_sha256"));
    out.string(v.computedSha256);
    optional(QLatin1StringView("exp"), v.expiresAt);
    optional(QLatin1StringView("nbf"), v.notBefore);
    optional(QLatin1StringView("iat"), v.issuedAt);
    optional(QLatin1StringView("clock_skew"), v.clockSkewSecs);
    out.endObject();
    return out.take();
}

QByteArray VerificationCodec::toRowText(const Verification &v, bool bodyStored)
{
    if (!v.isValid() || !v.stepsDeferred || !v.steps.isEmpty() || !bodyStored)
        return toJsonText(v);
    JsonTextWriter out(128);
    out.beginObject();
    out.key(QLatin1StringView("verdict"));
    out.string(verdictName(v.verdict));
    out.key(QLatin1StringView("steps_derived"));
    out.boolean(true);
    out.key(QLatin1StringView("facts_derived"));
    out.boolean(true);
    out.key(QLatin1StringView("body_bytes"));
    out.number(v.bodyBytes);
    out.key(QLatin1StringView("verified_at"));
    out.number(v.verifiedAtSecs);
    out.key(QLatin1StringView("leeway"));
    out.number(v.leewaySecs);
    out.endObject();
    return out.take();
}

Verification VerificationCodec::fromRow(const QJsonObject &json, const HttpHeaders &headers,
                                        const QByteArray &body)
{
    Verification stored = fromJson(json);
    if (!json.value(QLatin1String("facts_derived")).toBool())
        return stored;
    // The same checks without keys find the same token, claims, dates and digests; what keys
    // decided (the issuer known, the signature good) is the stored verdict.
    Verification facts =
        WebhookVerifier::readFacts(headers, body, stored.verifiedAtSecs, stored.leewaySecs);
    facts.verdict = stored.verdict;
    facts.stepsDeferred = true;
    facts.issuerKnown = true;
    facts.bodyBytes = stored.bodyBytes;
    return facts;
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
    v.stepsDeferred = json.value("steps_derived").toBool();
    v.bodyBytes = json.value("body_bytes").toInteger(-1);
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
