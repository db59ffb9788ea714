// Keeps a whole Verification (verdict, every step, the decoded token) as JSON in the session store,
// so a stored request explains itself without the keys. Stateless; any thread.
#pragma once

#include "http/httpheaders.h"
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

    // What a row of the session file keeps. A valid verdict from the verifier (steps deferred)
    // of a request that is stored whole (`bodyStored`) keeps only what the request cannot say
    // again: the verdict, the time and leeway it was checked with, the body's size, and
    // "facts_derived": true. Everything else (token source, header, claims, digests, dates)
    // follows from the stored headers and body, and was a third of each row. Any other
    // verification is kept whole, as toJsonText() writes it.
    static QByteArray toRowText(const Verification &verification, bool bodyStored);
    // Reads toRowText(): derived facts are read from the token and body again (no secret is
    // needed: the signature was checked when the request arrived).
    static Verification fromRow(const QJsonObject &json, const HttpHeaders &headers,
                                const QByteArray &body);
};

} // namespace pnm
