#include "sign/tokensigner.h"

#include "verify/cryptoprimitives.h"

#include <QList>
#include <algorithm>
#include <array>
#include <utility>

namespace pnm {

namespace {

// A JSON string literal. The Go layouts escape like Go's encoding/json (also "<", ">", "&",
// U+2028 and U+2029, as \u003c ...); the JS layout escapes like JSON.stringify. Both write
// other non-ASCII characters as raw UTF-8.
QByteArray jsonString(const QString &text, TokenLayout layout)
{
    // Both encoders use the two-character forms for these, \u00xx for other control characters.
    static constexpr std::array<std::pair<char16_t, const char *>, 7> kShortEscapes = {{
        {u'"', "\\\""},
        {u'\\', "\\\\"},
        {u'\b', "\\b"},
        {u'\f', "\\f"},
        {u'\n', "\\n"},
        {u'\r', "\\r"},
        {u'\t', "\\t"},
    }};
    const bool goStyle = layout != TokenLayout::LiveKitJs;
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const auto shortEscape = std::find_if(kShortEscapes.begin(), kShortEscapes.end(),
                                              [u](const auto &entry) { return entry.first == u; });
        const bool goEscapes =
            goStyle && (u == u'<' || u == u'>' || u == u'&' || u == 0x2028 || u == 0x2029);
        if (shortEscape != kShortEscapes.end())
            out += QLatin1String(shortEscape->second);
        else if (u < 0x20 || goEscapes)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c; // surrogate pairs stay together and become one UTF-8 sequence below
    }
    out += u'"';
    return out.toUtf8();
}

crypto::HmacDigest digestFor(QByteArrayView alg)
{
    if (alg == "HS384")
        return crypto::HmacDigest::Sha384;
    if (alg == "HS512")
        return crypto::HmacDigest::Sha512;
    return crypto::HmacDigest::Sha256;
}

} // namespace

QString bodySha256Base64(QByteArrayView body)
{
    return crypto::sha256Base64(body);
}

TokenClaims TokenSigner::webhookClaims(QByteArrayView body, qint64 nowSecs) const
{
    TokenClaims claims;
    claims.issuer = m_apiKey;
    claims.expiresAt = nowSecs + kValidForSecs;
    claims.notBefore = nowSecs;
    claims.issuedAt = nowSecs;
    claims.sha256 = bodySha256Base64(body);
    return claims;
}

QByteArray TokenSigner::signWebhook(QByteArrayView body, qint64 nowSecs) const
{
    return sign(webhookClaims(body, nowSecs), TokenLayout::GoCurrent);
}

QByteArray TokenSigner::sign(const TokenClaims &claims, TokenLayout layout,
                             QByteArrayView alg) const
{
    return signJson(headerJson(layout, alg), payloadJson(claims, layout), alg);
}

QByteArray TokenSigner::signJson(QByteArrayView headerJson, QByteArrayView payloadJson,
                                 QByteArrayView alg) const
{
    // RFC 7515 section 5.1: the signature covers base64url(header) "." base64url(payload).
    const QByteArray signingInput =
        crypto::base64UrlEncode(headerJson) + '.' + crypto::base64UrlEncode(payloadJson);
    const QByteArray signature =
        alg == "none" ? QByteArray() : crypto::hmac(digestFor(alg), m_secret, signingInput);
    return signingInput + '.' + crypto::base64UrlEncode(signature);
}

QByteArray TokenSigner::headerJson(TokenLayout layout, QByteArrayView alg)
{
    const QByteArray algJson = jsonString(QString::fromUtf8(alg), layout);
    if (layout == TokenLayout::LiveKitJs)
        return "{\"alg\":" + algJson + '}';
    return "{\"alg\":" + algJson + ",\"typ\":\"JWT\"}";
}

QByteArray TokenSigner::payloadJson(const TokenClaims &claims, TokenLayout layout)
{
    // Keys are written in the sender's order; QJsonObject would sort them.
    enum class Key
    {
        Iss,
        Exp,
        Nbf,
        Iat,
        Sha256
    };
    QList<Key> order;
    switch (layout) {
    case TokenLayout::GoCurrent:
        order = {Key::Iss, Key::Exp, Key::Nbf, Key::Iat, Key::Sha256};
        break;
    case TokenLayout::GoJoseLegacy:
        order = {Key::Exp, Key::Iss, Key::Nbf, Key::Sha256};
        break;
    case TokenLayout::LiveKitJs:
        order = {Key::Sha256, Key::Iss, Key::Exp, Key::Nbf};
        break;
    }
    QByteArray out = "{";
    auto member = [&out](const char *name, const QByteArray &value) {
        if (out.size() > 1)
            out += ',';
        out += '"' + QByteArray(name) + "\":" + value;
    };
    auto number = [&member](const char *name, const std::optional<qint64> &value) {
        if (value)
            member(name, QByteArray::number(*value));
    };
    for (const Key key : order) {
        switch (key) {
        case Key::Iss:
            if (!claims.issuer.isEmpty())
                member("iss", jsonString(claims.issuer, layout));
            break;
        case Key::Exp:
            number("exp", claims.expiresAt);
            break;
        case Key::Nbf:
            number("nbf", claims.notBefore);
            break;
        case Key::Iat:
            number("iat", claims.issuedAt);
            break;
        case Key::Sha256:
            if (claims.sha256)
                member("sha256", jsonString(*claims.sha256, layout));
            break;
        }
    }
    return out + '}';
}

} // namespace pnm
