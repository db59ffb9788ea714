// Mints the JWTs Plug-N-Meet puts into Authorization and Hash-Token (protocol.md section 2), in
// the exact byte layouts of the real senders; used by tests, pnm-webhook-send and "send test
// event". A value type holding one key/secret pair, usable from any thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace pnm {

struct TokenClaims
{
    QString issuer; // `iss`; left out of the payload when empty, as Go's omitempty does
    std::optional<qint64> expiresAt, notBefore, issuedAt;
    std::optional<QString> sha256;
};

// Which sender's byte layout to reproduce (protocol.md 2.5 and 9).
enum class TokenLayout
{
    GoCurrent,    // server >= v2.3.0: header {"alg":"HS256","typ":"JWT"}; iss,exp,nbf,iat,sha256
    GoJoseLegacy, // server <= v2.2.0: same header; sorted exp,iss,nbf,sha256; never an iat
    LiveKitJs,    // livekit-server-sdk: header {"alg":"HS256"}; sha256,iss,exp,nbf; never an iat
};

// Base64 standard alphabet WITH "=" padding of SHA-256(body): the `sha256` claim (protocol.md 2.3).
QString bodySha256Base64(QByteArrayView body);

class TokenSigner
{
public:
    static constexpr qint64 kValidForSecs =
        300; // SetValidFor(5 min) in the server (protocol.md 2.4)

    TokenSigner() = default;
    TokenSigner(QString apiKey, QByteArray secret)
        : m_apiKey(std::move(apiKey)), m_secret(std::move(secret))
    {
    }

    const QString &apiKey() const { return m_apiKey; }

    // The claims the current server sends for this body at nowSecs: iss = api key,
    // exp = now + 300, nbf = iat = now, sha256 = bodySha256Base64(body).
    TokenClaims webhookClaims(QByteArrayView body, qint64 nowSecs) const;
    // The Go-current token for this body at nowSecs, byte for byte what the server would send.
    QByteArray signWebhook(QByteArrayView body, qint64 nowSecs) const;

    // A token with the layout's header and key order. `alg` is written into the header as given;
    // HS384 and HS512 sign with that HMAC, "none" leaves the signature empty, and any other
    // name signs with HMAC-SHA256 (a mislabelled token, for testing verifiers).
    QByteArray sign(const TokenClaims &claims, TokenLayout layout = TokenLayout::GoCurrent,
                    QByteArrayView alg = "HS256") const;
    // Signs arbitrary header and payload JSON text as given, for tokens no layout describes.
    QByteArray signJson(QByteArrayView headerJson, QByteArrayView payloadJson,
                        QByteArrayView alg = "HS256") const;

    static QByteArray headerJson(TokenLayout layout, QByteArrayView alg = "HS256");
    static QByteArray payloadJson(const TokenClaims &claims, TokenLayout layout);

private:
    QString m_apiKey;
    QByteArray m_secret;
};

} // namespace pnm
