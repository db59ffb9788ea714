#include "verify/verification.h"

#include "text/jsontextwriter.h"
#include "verify/passedsteps.h"

#include <array>
#include <utility>

namespace pnm {

namespace {

// The wire names of protocol.md section 10, in enum order.
constexpr std::array<std::pair<Verdict, const char *>, 12> kVerdictNames = {{
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
}};

} // namespace

QString verdictName(Verdict verdict)
{
    for (const auto &[value, name] : kVerdictNames) {
        if (value == verdict)
            return QLatin1String(name);
    }
    return QString();
}

std::optional<Verdict> verdictFromName(QStringView name)
{
    for (const auto &[value, text] : kVerdictNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QString verdictAdvice(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return QStringLiteral("Nothing to fix: the token is genuine and the body arrived intact.");
    case Verdict::Unverified:
        return QStringLiteral("Add the server's client.api_key and client.secret as a KEY:SECRET "
                              "pair so requests can be verified.");
    case Verdict::MissingToken:
        return QStringLiteral("Make sure the sender is Plug-N-Meet and that no proxy strips the "
                              "Authorization and Hash-Token headers.");
    case Verdict::MalformedToken:
        return QStringLiteral("Check that nothing between the server and this receiver rewrites "
                              "the Authorization header; it must hold a bare three-part JWT.");
    case Verdict::UnsupportedAlg:
        return QStringLiteral("Only HS256 tokens are accepted; check that the sender is a genuine "
                              "Plug-N-Meet server.");
    case Verdict::UnknownIssuer:
        return QStringLiteral("Add the key and secret that match the server's client.api_key "
                              "(the token's iss claim).");
    case Verdict::BadSignature:
        return QStringLiteral("Set the secret for this key to the server's client.secret; the "
                              "configured one does not match.");
    case Verdict::MissingExp:
        return QStringLiteral("Check the sender: real Plug-N-Meet tokens always carry an exp "
                              "claim.");
    case Verdict::Expired:
        return QStringLiteral("Synchronise the clocks of the server and this receiver (NTP), or "
                              "check for a replayed or long-delayed request.");
    case Verdict::NotYetValid:
        return QStringLiteral("Synchronise the clocks of the server and this receiver (NTP); the "
                              "sender's clock is ahead of ours.");
    case Verdict::IssuedInFuture:
        return QStringLiteral("Synchronise the clocks of the server and this receiver (NTP); the "
                              "token says it was issued later than our current time.");
    case Verdict::HashMismatch:
        return QStringLiteral("Make sure no proxy or framework changes the request body; the hash "
                              "covers the exact bytes sent.");
    }
    return QString();
}

QList<VerificationStep> Verification::stepList() const
{
    return stepsDeferred ? PassedSteps::all(*this) : steps;
}

QString Verification::summaryDetail() const
{
    if (verdict == Verdict::Valid)
        return QStringLiteral("signature and body hash match");
    if (verdict == Verdict::Unverified)
        return QStringLiteral("no API keys configured: the token was read but not checked");
    for (const VerificationStep &step : steps) {
        if (step.outcome == VerificationStep::Outcome::Failed)
            return step.detail;
    }
    return QString();
}

QJsonObject Verification::toJson() const
{
    QJsonObject json{{"status", verdictName(verdict)},
                     {"issuer", issuer},
                     {"token_source", tokenSource},
                     {"detail", summaryDetail()}};
    if (bearerPrefixStripped)
        json.insert("bearer_prefix_stripped", true);
    if (tokenHeadersDiffer)
        json.insert("token_headers_differ", true);
    return json;
}

void Verification::writeSummary(JsonTextWriter &out) const
{
    // toJson()'s members in QJsonObject's order, so a sorting writer need not move them.
    const auto key = [&out](const char *name) { out.key(QLatin1StringView(name)); };
    out.beginObject();
    if (bearerPrefixStripped) {
        key("bearer_prefix_stripped");
        out.boolean(true);
    }
    key("detail");
    out.string(summaryDetail());
    key("issuer");
    out.string(issuer);
    key("status");
    out.string(verdictName(verdict));
    if (tokenHeadersDiffer) {
        key("token_headers_differ");
        out.boolean(true);
    }
    key("token_source");
    out.string(tokenSource);
    out.endObject();
}

} // namespace pnm
