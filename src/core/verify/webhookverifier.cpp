#include "verify/webhookverifier.h"

#include "text/isotime.h"
#include "verify/compactjwt.h"
#include "verify/cryptoprimitives.h"
#include "verify/passedsteps.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>
#include <array>
#include <cmath>
#include <limits>

namespace pnm {

namespace {

// Every verification lists these steps in this order, so a GUI can lay them out in a fixed grid.
constexpr std::array<QLatin1StringView, 8> kStepNames = {
    QLatin1StringView("token"),     QLatin1StringView("alg"),   QLatin1StringView("issuer"),
    QLatin1StringView("signature"), QLatin1StringView("exp"),   QLatin1StringView("nbf"),
    QLatin1StringView("iat"),       QLatin1StringView("sha256")};
const QByteArray kAuthorization = QByteArrayLiteral("Authorization");
const QByteArray kHashToken = QByteArrayLiteral("Hash-Token");

using Outcome = VerificationStep::Outcome;

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("absent");
}

// The words shared with the texts of passed steps.
constexpr auto quoted = &PassedSteps::quoted;
constexpr auto formatNumber = &PassedSteps::formatNumber;
constexpr auto describeTime = &PassedSteps::describeTime;

// A NumericDate claim (RFC 7519 section 2): a JSON number of seconds, fractions allowed.
struct NumericDate
{
    double value = 0;
    qint64 secs = 0; // rounded down, saturated, for Verification's integer fields
};

// Reads exp/nbf/iat; false when the claim is present but not a JSON number (protocol.md 3.7).
bool readNumericDate(const QJsonObject &claims, const QString &name,
                     std::optional<NumericDate> *date, QString *error)
{
    const QJsonValue value = claims.value(name);
    if (value.isUndefined())
        return true;
    if (!value.isDouble()) {
        *error = QStringLiteral("the %1 claim is %2, expected a JSON number of seconds")
                     .arg(name, jsonTypeName(value));
        return false;
    }
    NumericDate read;
    read.value = value.toDouble();
    constexpr qint64 kNoInteger = std::numeric_limits<qint64>::min();
    if (const qint64 exact = value.toInteger(kNoInteger); exact != kNoInteger)
        read.secs = exact;
    else if (read.value >= 9.2e18)
        read.secs = std::numeric_limits<qint64>::max();
    else if (read.value <= -9.2e18)
        read.secs = std::numeric_limits<qint64>::min();
    else
        read.secs = qint64(std::floor(read.value));
    *date = read;
    return true;
}

// The token found in the request headers (protocol.md 3.2, 8.2, 8.3).
struct TokenChoice
{
    QByteArray token;
    QString source;        // header name as spelled on the wire
    bool bearer = false;   // a "Bearer " prefix was removed
    bool differ = false;   // Authorization and Hash-Token carry different tokens
    QString absenceDetail; // why there is no token, when there is none
};

struct HeaderToken
{
    std::optional<QByteArray> name; // the header's spelling, when present
    QByteArray token;               // trimmed, prefix removed; may be empty
    bool bearer = false;
};

HeaderToken readHeader(const HttpHeaders &headers, const QByteArray &name)
{
    HeaderToken read;
    for (const HttpHeaderField &field : headers.fields()) {
        if (QByteArrayView(field.name).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        read.name = field.name;
        read.token = field.value.trimmed();
        // The real server never sends "Bearer " (protocol.md 8.3); stripping it is harmless.
        const QByteArrayView value(read.token);
        const bool prefixed = value.size() >= 6 &&
                              value.first(6).compare("bearer", Qt::CaseInsensitive) == 0 &&
                              (value.size() == 6 || value.at(6) == ' ' || value.at(6) == '\t');
        if (prefixed) {
            read.token = read.token.sliced(6).trimmed();
            read.bearer = true;
        }
        break;
    }
    return read;
}

QString describePresence(const QByteArray &canonical, const HeaderToken &header)
{
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(canonical),
                                       header.name ? QStringLiteral("is empty")
                                                   : QStringLiteral("is absent"));
}

TokenChoice chooseToken(const HttpHeaders &headers)
{
    const HeaderToken authorization = readHeader(headers, kAuthorization);
    const HeaderToken hashToken = readHeader(headers, kHashToken);
    TokenChoice choice;
    const HeaderToken *used = !authorization.token.isEmpty() ? &authorization
                              : !hashToken.token.isEmpty()   ? &hashToken
                                                             : nullptr;
    if (!used) {
        choice.absenceDetail = QStringLiteral("no token: %1 and %2")
                                   .arg(describePresence(kAuthorization, authorization),
                                        describePresence(kHashToken, hashToken));
        return choice;
    }
    choice.token = used->token;
    choice.source = QString::fromLatin1(*used->name);
    choice.bearer = used->bearer;
    choice.differ = !authorization.token.isEmpty() && !hashToken.token.isEmpty() &&
                    authorization.token != hashToken.token;
    return choice;
}

// Appends steps and settles the verdict. With keys, the first failed check decides the verdict
// and the remaining steps are skipped; without keys nothing can be trusted, so every finding is
// recorded as a Note and the verdict stays Unverified. Reading facts runs the same checks as
// without keys and writes no steps at all.
class StepRecorder
{
public:
    enum class Mode
    {
        Enforcing,
        Noting,
        FactsOnly
    };

    StepRecorder(Verification &verification, Mode mode) : m_result(verification), m_mode(mode)
    {
        m_result.verdict = mode == Mode::Enforcing ? Verdict::Valid : Verdict::Unverified;
    }

    bool isEnforcing() const { return m_mode == Mode::Enforcing; }

    void add(QLatin1StringView name, Outcome outcome, const QString &detail)
    {
        if (m_mode != Mode::FactsOnly)
            m_result.steps.append({QString(name), outcome, detail});
    }
    void note(QLatin1StringView name, const QString &detail) { add(name, Outcome::Note, detail); }

    // Records one check; returns whether verification goes on past it. `detail` is called only
    // when its words are needed now: a check that passes while enforcing is written later, from
    // the facts, by PassedSteps (see finish()).
    template <typename Detail>
    bool check(QLatin1StringView name, bool ok, Verdict failure, Detail detail)
    {
        if (m_mode == Mode::FactsOnly)
            return true; // as without keys, minus the words
        if (m_mode == Mode::Noting) {
            note(name, detail() + (ok ? QStringLiteral(" (not verified: no keys configured)")
                                      : QStringLiteral(" (would be %1; no keys configured)")
                                            .arg(verdictName(failure))));
            return true;
        }
        add(name, ok ? Outcome::Passed : Outcome::Failed, ok ? QString() : detail());
        if (!ok) {
            m_result.verdict = failure;
            skipAfter(name, QStringLiteral("not checked: verification stopped at %1").arg(name));
        }
        return ok;
    }

    // A step with no words of its own yet (an absent nbf or iat): PassedSteps has them.
    void addUnwritten(QLatin1StringView name, Outcome outcome) { add(name, outcome, QString()); }

    // Settles the steps once every check has run. A valid verdict's steps are all of the passed
    // kind, so they are left for Verification::stepList() to write when someone looks; otherwise
    // the passed ones before the failure are written now.
    void finish()
    {
        if (m_result.verdict == Verdict::Valid) {
            m_result.steps.clear();
            m_result.stepsDeferred = true;
            return;
        }
        for (VerificationStep &step : m_result.steps) {
            if (step.detail.isEmpty())
                step.detail =
                    PassedSteps::step(QLatin1StringView(step.name.toLatin1()), m_result).detail;
        }
    }

    // A failure after which nothing else can be inspected (no token, unparseable token).
    void stop(QLatin1StringView name, Verdict failure, const QString &detail)
    {
        check(name, false, failure, [&detail] { return detail; });
        if (!isEnforcing())
            skipAfter(name, QStringLiteral("not inspected: no readable token"));
    }

private:
    void skipAfter(QLatin1StringView name, const QString &detail)
    {
        bool after = false;
        for (const QLatin1StringView step : kStepNames) {
            if (after)
                add(step, Outcome::Skipped, detail);
            after = after || step == name;
        }
    }

    Verification &m_result;
    Mode m_mode;
};

// Reads the claims Verification shows; false (with a reason) when a NumericDate is mistyped.
struct ClaimDates
{
    std::optional<NumericDate> exp, nbf, iat;
};

bool readClaims(const CompactJwt &jwt, qint64 nowSecs, Verification &result, ClaimDates *dates,
                QString *error)
{
    result.jwtHeader = jwt.header;
    result.jwtClaims = jwt.claims;
    result.jwtHeaderText = jwt.headerText;
    result.jwtClaimsText = jwt.claimsText;
    result.issuer = jwt.claims.value(QLatin1String("iss")).toString();
    result.claimedSha256 = jwt.claims.value(QLatin1String("sha256")).toString();
    if (!readNumericDate(jwt.claims, QStringLiteral("exp"), &dates->exp, error) ||
        !readNumericDate(jwt.claims, QStringLiteral("nbf"), &dates->nbf, error) ||
        !readNumericDate(jwt.claims, QStringLiteral("iat"), &dates->iat, error))
        return false;
    auto secsOf = [](const std::optional<NumericDate> &date) -> std::optional<qint64> {
        return date ? std::optional<qint64>(date->secs) : std::nullopt;
    };
    result.expiresAt = secsOf(dates->exp);
    result.notBefore = secsOf(dates->nbf);
    result.issuedAt = secsOf(dates->iat);
    // Positive skew: the sender's clock is behind ours (or the request took that long).
    if (const auto sent = result.issuedAt ? result.issuedAt : result.notBefore; sent)
        result.clockSkewSecs = nowSecs - *sent;
    return true;
}

// Names the likely cause when the claim holds the right digest in another encoding (protocol.md
// 8.4: only base64 standard with padding matches).
QString hashFormHint(const QString &claimed, const QString &computedBase64)
{
    const QByteArray digest = QByteArray::fromBase64(computedBase64.toLatin1());
    const QString asHex = QString::fromLatin1(digest.toHex());
    const QString asUrl = QString::fromLatin1(
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (claimed.compare(asHex, Qt::CaseInsensitive) == 0)
        return QStringLiteral(" (the claim is the same digest in hex; base64 with '=' expected)");
    if (claimed == asUrl)
        return QStringLiteral(" (the claim is the same digest in base64url; standard base64 with "
                              "'=' expected)");
    return QString();
}

// 3.7: times, with leeway L. exp is required; nbf and iat only when present. Doubles keep
// fractional NumericDates exact enough and cannot overflow on absurd values.
bool checkTimes(StepRecorder &steps, const ClaimDates &dates, const Verification &result)
{
    const qint64 nowSecs = result.verifiedAtSecs;
    const qint64 leeway = result.leewaySecs;
    const double now = double(nowSecs);
    const double slack = double(leeway);
    const auto nowText = [now] { return describeTime(now); };
    const QString leewayText = PassedSteps::leewayText(leeway);
    if (!dates.exp)
        return steps.check(kStepNames[4], false, Verdict::MissingExp,
                           [] { return QStringLiteral("no exp claim"); });
    const double exp = dates.exp->value;
    const bool expired = now > exp + slack;
    const auto expDetail = [&] {
        return expired ? QStringLiteral("expired: now %1 is %2 s after exp %3, beyond the %4")
                             .arg(nowText(), formatNumber(now - exp), describeTime(exp), leewayText)
                       : PassedSteps::step(kStepNames[4], result).detail;
    };
    if (!steps.check(kStepNames[4], !expired, Verdict::Expired, expDetail))
        return false;

    struct LowerBound
    {
        QLatin1StringView name;
        const std::optional<NumericDate> &date;
        Verdict failure;
        QLatin1StringView failText;
    };
    const std::array<LowerBound, 2> lowerBounds = {{
        {kStepNames[5], dates.nbf, Verdict::NotYetValid, QLatin1StringView("not yet valid")},
        {kStepNames[6], dates.iat, Verdict::IssuedInFuture,
         QLatin1StringView("issued in the future")},
    }};
    for (const LowerBound &bound : lowerBounds) {
        if (!bound.date) {
            steps.addUnwritten(bound.name, Outcome::Skipped); // "no nbf claim"
            continue;
        }
        const double value = bound.date->value;
        const bool early = now + slack < value;
        const auto detail = [&] {
            return early
                       ? QStringLiteral("%1: %2 %3 is %4 s after now %5, beyond the %6")
                             .arg(QString(bound.failText), QString(bound.name), describeTime(value),
                                  formatNumber(value - now), nowText(), leewayText)
                       : PassedSteps::step(bound.name, result).detail;
        };
        if (!steps.check(bound.name, !early, bound.failure, detail))
            return false;
    }
    return true;
}

// 3.8: base64-std SHA-256 of the exact body bytes against the claim, in constant time.
void checkBodyHash(StepRecorder &steps, const QJsonObject &claims, const Verification &result,
                   qsizetype bodySize)
{
    const QJsonValue claim = claims.value(QLatin1String("sha256"));
    const bool hashOk =
        claim.isString() &&
        crypto::constantTimeEquals(result.claimedSha256.toUtf8(), result.computedSha256.toLatin1());
    const auto detail = [&] {
        const QString size = QString::number(bodySize);
        if (hashOk)
            return PassedSteps::step(kStepNames[7], result).detail;
        if (!claim.isString())
            return QStringLiteral("the sha256 claim is %1, expected a base64 string; the %2-byte "
                                  "body hashes to %3")
                .arg(jsonTypeName(claim), size, result.computedSha256);
        return QStringLiteral("the sha256 claim %1 differs from the SHA-256 of the %2-byte "
                              "body: %3%4")
            .arg(quoted(result.claimedSha256), size, result.computedSha256,
                 hashFormHint(result.claimedSha256, result.computedSha256));
    };
    steps.check(kStepNames[7], hashOk, Verdict::HashMismatch, detail);
}

// protocol.md section 3, in order; each check that fails ends it.
void runChecks(StepRecorder &steps, Verification &result, const KeyRing &keys,
               const HttpHeaders &headers, const QByteArray &body)
{
    const qint64 nowSecs = result.verifiedAtSecs;

    // 3.2: the token and where it came from.
    const TokenChoice choice = chooseToken(headers);
    result.tokenSource = choice.source;
    result.bearerPrefixStripped = choice.bearer;
    result.tokenHeadersDiffer = choice.differ;
    if (choice.differ)
        steps.note(QLatin1StringView("token_headers"),
                   QStringLiteral("Authorization and Hash-Token carry different tokens; the one "
                                  "from %1 is used")
                       .arg(choice.source));
    if (choice.token.isEmpty()) {
        steps.stop(kStepNames[0], Verdict::MissingToken, choice.absenceDetail);
        return;
    }

    // 3.3: three base64url segments, JSON object header and payload, numeric dates.
    QString error;
    const std::optional<CompactJwt> jwt = CompactJwt::parse(choice.token, &error);
    ClaimDates dates;
    if (!jwt || !readClaims(*jwt, nowSecs, result, &dates, &error)) {
        steps.stop(kStepNames[0], Verdict::MalformedToken,
                   QStringLiteral("%1 header: %2").arg(choice.source, error));
        return;
    }
    steps.check(kStepNames[0], true, Verdict::MalformedToken,
                [&] { return PassedSteps::step(kStepNames[0], result).detail; });

    // 3.4: HS256 only; `typ` is ignored (livekit-server-sdk omits it).
    const QJsonValue alg = jwt->header.value(QLatin1String("alg"));
    const bool algOk = alg.isString() && alg.toString() == QLatin1String("HS256");
    const auto algDetail = [&] {
        const QString detail = alg.isString() ? QStringLiteral("alg %1").arg(quoted(alg.toString()))
                                              : QStringLiteral("alg is %1").arg(jsonTypeName(alg));
        return algOk ? detail : detail + QStringLiteral(", only \"HS256\" is accepted");
    };
    if (!steps.check(kStepNames[1], algOk, Verdict::UnsupportedAlg, algDetail))
        return;

    // 3.5: the issuer selects the secret.
    const QJsonValue iss = jwt->claims.value(QLatin1String("iss"));
    result.issuerKnown = iss.isString() && keys.contains(result.issuer);
    const auto issDetail = [&] {
        QString detail = iss.isString() ? QStringLiteral("iss %1").arg(quoted(result.issuer))
                                        : QStringLiteral("iss is %1").arg(jsonTypeName(iss));
        if (steps.isEnforcing())
            detail +=
                result.issuerKnown
                    ? QStringLiteral(" is a configured key")
                    : QStringLiteral(" is not among the %1 configured key(s)").arg(keys.size());
        return detail;
    };
    // Without keys an issuer cannot be known; only a missing or mistyped iss is worth noting.
    const bool issOk = steps.isEnforcing() ? result.issuerKnown : iss.isString();
    if (!steps.check(kStepNames[2], issOk, Verdict::UnknownIssuer, issDetail))
        return;

    // 3.6: HMAC-SHA256 over "segment0.segment1", compared in constant time.
    if (steps.isEnforcing()) {
        const QByteArray expected =
            crypto::hmacSha256(keys.secret(result.issuer), jwt->signingInput);
        const bool signatureOk = crypto::constantTimeEquals(expected, jwt->signature);
        const auto detail = [&] {
            return signatureOk
                       ? PassedSteps::step(kStepNames[3], result).detail
                       : QStringLiteral("HMAC-SHA256 with the secret of %1 does not match the "
                                        "%2-byte signature: the secret differs from the server's "
                                        "or the token was altered")
                             .arg(quoted(result.issuer), QString::number(jwt->signature.size()));
        };
        if (!steps.check(kStepNames[3], signatureOk, Verdict::BadSignature, detail))
            return;
    } else {
        steps.add(kStepNames[3], Outcome::Skipped,
                  QStringLiteral("not checked: no secret configured"));
    }

    if (!checkTimes(steps, dates, result))
        return;
    checkBodyHash(steps, jwt->claims, result, body.size());
}

Verification runVerification(const KeyRing &keys, qint64 leewaySecs, const HttpHeaders &headers,
                             const QByteArray &body, qint64 nowSecs, StepRecorder::Mode mode)
{
    Verification result;
    result.verifiedAtSecs = nowSecs;
    // A negative leeway would reject tokens that are exactly on time.
    result.leewaySecs = std::max<qint64>(0, leewaySecs);
    result.computedSha256 = crypto::sha256Base64(body);
    result.bodyBytes = body.size();
    StepRecorder steps(result, mode);
    runChecks(steps, result, keys, headers, body);
    steps.finish();
    return result;
}

} // namespace

Verification WebhookVerifier::verify(const HttpHeaders &headers, const QByteArray &body,
                                     qint64 nowSecs) const
{
    return runVerification(m_keys, m_leewaySecs, headers, body, nowSecs,
                           m_keys.isEmpty() ? StepRecorder::Mode::Noting
                                            : StepRecorder::Mode::Enforcing);
}

Verification WebhookVerifier::readFacts(const HttpHeaders &headers, const QByteArray &body,
                                        qint64 nowSecs, qint64 leewaySecs)
{
    return runVerification(KeyRing(), leewaySecs, headers, body, nowSecs,
                           StepRecorder::Mode::FactsOnly);
}

} // namespace pnm
