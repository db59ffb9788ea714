// A JWT in JWS compact serialisation split into its parts (RFC 7515 section 7.1, protocol.md
// 3.3): the signed input, the decoded signature and the decoded header and claims. A value type.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace pnm {

struct CompactJwt
{
    QByteArray signingInput; // "segment0.segment1" exactly as received: what the HMAC covers
    QByteArray signature;    // the decoded third segment (empty for alg "none")
    QJsonObject header;
    QJsonObject claims;
    // The decoded header and payload bytes: JSON text that parsed as the objects above.
    QByteArray headerText, claimsText;

    // Exactly three segments of strict unpadded base64url; header and payload JSON objects.
    // On failure returns nothing and puts a one-line reason (no token text) into *error.
    static std::optional<CompactJwt> parse(QByteArrayView token, QString *error = nullptr);
};

} // namespace pnm
