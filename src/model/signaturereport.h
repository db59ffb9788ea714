// The Signature tab's content: the verdict in plain words with what to fix, the values every
// verification step looked at (token source, JWT header and claims, issuer and key, times with
// the measured skew, claimed vs computed SHA-256), and the steps themselves. Pure, any thread.
#pragma once

#include "texttablemodel.h"
#include "verify/verification.h"

namespace pnm {

class SignatureReport
{
public:
    // "✗ hash mismatch — the body was changed after it was signed..." (one paragraph).
    static QString headline(const Verification &verification);
    static QList<TextRow> fields(const Verification &verification);
    // Step, result, detail.
    static QList<TextRow> steps(const Verification &verification);
    static QString outcomeText(VerificationStep::Outcome outcome);
};

} // namespace pnm
