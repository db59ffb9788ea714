// The words for verification steps that passed, written from the facts a Verification keeps.
// A valid verdict's steps are all of this kind, so the verifier leaves them unwritten (the ingest
// path formats no prose for the usual request, and the session store keeps facts rather than
// sentences) and they are written when someone looks. Failures use it for the steps before the
// one that failed. Stateless; any thread.
#pragma once

#include "verify/verification.h"

#include <QLatin1StringView>

namespace pnm {

class PassedSteps
{
public:
    // Step `name` ("token", "alg", "issuer", "signature", "exp", "nbf", "iat", "sha256") as it
    // reads when its check passed; nbf and iat read as skipped when the token has none.
    static VerificationStep step(QLatin1StringView name, const Verification &verification);
    // Every step of a valid verdict in the verifier's order (the token_headers note first, when
    // the two token headers differ).
    static QList<VerificationStep> all(const Verification &verification);

    // Shared with the verifier's failure texts.
    // Text taken from a token: quoted, on one line, bounded in length.
    static QString quoted(const QString &text);
    // "1767225900 (2026-01-01T00:00:00Z)": unix seconds as sent plus the same instant readable.
    static QString describeTime(double secs);
    static QString formatNumber(double value);
    static QString leewayText(qint64 leewaySecs);
};

} // namespace pnm
