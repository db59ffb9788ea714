// The outcome of checking one webhook request's signature (protocol.md section 3): a verdict plus
// every step with the values it looked at, so the GUI can explain a failure. A value type.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace pnm {

enum class Verdict
{
    Valid,
    // No keys configured: nothing could be checked, even a missing or malformed token is not a
    // failure; the steps still say what was found (as Notes).
    Unverified,
    MissingToken,
    MalformedToken,
    UnsupportedAlg,
    UnknownIssuer,
    BadSignature,
    MissingExp,
    Expired,
    NotYetValid,
    IssuedInFuture,
    HashMismatch,
};

// The wire name used in vectors, headless output and exports ("valid", "hash_mismatch", ...).
QString verdictName(Verdict verdict);
std::optional<Verdict> verdictFromName(QStringView name);
// One sentence a person can act on: what went wrong and what to fix.
QString verdictAdvice(Verdict verdict);

struct VerificationStep
{
    enum class Outcome
    {
        Passed,
        Failed,
        Skipped,
        Note
    };
    // Short and stable: "token", "alg", "issuer", "signature", "exp", "nbf", "iat", "sha256"
    // (always listed, in this order), plus "token_headers" (a Note) when the two token headers
    // differ.
    QString name;
    Outcome outcome = Outcome::Skipped;
    QString detail; // the values looked at, in words
};

struct Verification
{
    Verdict verdict = Verdict::MissingToken;
    // Read them with stepList(): a valid verdict from the verifier leaves them unwritten.
    QList<VerificationStep> steps;
    // The steps are those of a valid verdict, to be written from the facts below when shown
    // (PassedSteps): they are the same words every time, and writing them for every request was
    // a good part of the ingest path and of each stored row.
    bool stepsDeferred = false;
    qint64 bodyBytes = -1; // size of the body that was hashed, when known

    QString tokenSource; // "Authorization" or "Hash-Token" (as spelled on the wire), or empty
    bool bearerPrefixStripped = false;
    // Authorization and Hash-Token both present with different tokens.
    bool tokenHeadersDiffer = false;
    QJsonObject jwtHeader; // decoded JOSE header, when it parsed
    QJsonObject jwtClaims; // decoded payload, when it parsed
    // The same two as the JSON text that was sent, when known: the store keeps it as it is
    // rather than serialising the objects again. Empty after a round trip through a file.
    QByteArray jwtHeaderText, jwtClaimsText;
    QString issuer;            // the `iss` claim
    bool issuerKnown = false;  // a configured key has this issuer
    qint64 verifiedAtSecs = 0; // the "now" used for time checks
    qint64 leewaySecs = 60;
    std::optional<qint64> expiresAt, notBefore, issuedAt;
    // now - iat (or now - nbf without iat): positive means the sender's clock is behind.
    std::optional<qint64> clockSkewSecs;
    QString claimedSha256;  // the `sha256` claim as sent
    QString computedSha256; // base64-std SHA-256 of the raw body bytes

    bool isValid() const { return verdict == Verdict::Valid; }
    // The steps, written now if they were deferred.
    QList<VerificationStep> stepList() const;
    // Failed: a token was present or required and did not check out. Unverified is not failed.
    bool isFailure() const { return verdict != Verdict::Valid && verdict != Verdict::Unverified; }
    // Compact JSON for headless output and exports: status, issuer, token source, detail text.
    QJsonObject toJson() const;
    // The same object written straight into `out` (the headless line, the JSON export).
    void writeSummary(class JsonTextWriter &out) const;
    // The detail toJson() gives: the failing step in words, or what a valid verdict means.
    QString summaryDetail() const;
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::Verification)
