// Keeps a whole Verification (verdict, every step, the decoded token) as JSON in the session store,
// so a stored request explains itself without the keys. Stateless; any thread.
#pragma once

#include "verify/verification.h"

#include <QJsonObject>

namespace pnm {

class VerificationCodec
{
public:
    static QJsonObject toJson(const Verification &verification);
    // The same members as compact JSON text, written directly: what the store keeps per request.
    static QByteArray toJsonText(const Verification &verification);
    // Unknown or missing fields fall back to defaults; an unknown verdict reads as MalformedToken.
    static Verification fromJson(const QJsonObject &json);
};

} // namespace pnm
