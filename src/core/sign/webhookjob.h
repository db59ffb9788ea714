// One webhook to deliver: the body plus how to sign it at the moment it is sent (the server
// mints the token per URL just before the first attempt, protocol.md section 2), or headers kept
// as recorded for an as-is re-send. Fault settings make deliberately broken requests for testing
// receivers. A value type; prepare() is pure given the clock.
#pragma once

#include "http/httpheaders.h"
#include "sign/tokensigner.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace pnm {

struct SigningFaults
{
    qint64 clockShiftSecs = 0; // token minted as if now were now + shift (expired / not yet valid)
    bool wrongSecret = false;  // sign with a secret the receiver does not have: bad_signature
    bool tamperBody = false;   // change the body after signing: hash_mismatch

    bool any() const { return clockShiftSecs != 0 || wrongSecret || tamperBody; }
    // Shifts that land well outside the usual 60 s leeway (protocol.md 3.7).
    static constexpr qint64 kExpiredShiftSecs = -(TokenSigner::kValidForSecs + 120);
    static constexpr qint64 kNotYetValidShiftSecs = 180;
};

struct PreparedRequest
{
    HttpHeaders headers; // in the order Go's net/http writes them (minus Host / Content-Length)
    QByteArray body;
};

struct WebhookJob
{
    QString event; // for progress output
    QString id;
    QByteArray body;

    // Signing (ignored when fixedHeaders is set).
    QString apiKey;
    QByteArray secret;
    TokenLayout layout = TokenLayout::GoCurrent;
    bool legacyContentType = false; // application/webhook+json, servers before v2.4.0
    SigningFaults faults;

    std::optional<HttpHeaders> fixedHeaders; // re-send exactly these (from --from, as-is)
    int copies =
        1; // > 1: the identical request again, as a retried delivery would (protocol.md 8.7)

    // The request as it goes on the wire at nowSecs.
    PreparedRequest prepare(qint64 nowSecs) const;

    static QByteArray contentType(bool legacy);
};

// The one-call form for the GUI's "send test event": a realistic, correctly signed request for
// any event name (protocol.md 6.1) at nowSecs.
PreparedRequest buildTestRequest(const QString &event, const QString &apiKey,
                                 const QByteArray &secret, qint64 nowSecs);

} // namespace pnm
