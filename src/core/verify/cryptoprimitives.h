// Hashing, HMAC and base64url helpers for JWT signing and verification (RFC 7515, protocol.md
// sections 2 and 3), on OpenSSL 3. Safe from any thread: what they cache is per thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <initializer_list>
#include <optional>

namespace pnm::crypto {

enum class HmacDigest
{
    Sha256,
    Sha384,
    Sha512
};

// The raw 32-byte SHA-256 digest.
QByteArray sha256(QByteArrayView data);
// The same over the parts one after another, as if they were joined (without joining them).
QByteArray sha256(std::initializer_list<QByteArrayView> parts);
// Base64 standard alphabet WITH "=" padding of SHA-256(data): the form of the `sha256` claim
// (protocol.md 2.3, Go base64.StdEncoding), 44 characters.
QString sha256Base64(QByteArrayView data);
// The raw HMAC tag (32, 48 or 64 bytes); empty only if OpenSSL itself fails.
QByteArray hmac(HmacDigest digest, QByteArrayView key, QByteArrayView data);
inline QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return hmac(HmacDigest::Sha256, key, data);
}
// Compares without an early exit so timing does not reveal how many leading bytes matched.
// Lengths are not secret: different lengths compare unequal at once.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// Unpadded base64url (RFC 7515 section 2 "Base64url Encoding").
QByteArray base64UrlEncode(QByteArrayView data);
// Strict inverse of base64UrlEncode: rejects "=" padding, "+", "/", whitespace and any other
// byte outside [A-Za-z0-9_-], a length that leaves one dangling character, and non-zero unused
// trailing bits (so each byte string has exactly one accepted spelling and a token cannot be
// altered without changing what it decodes to).
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

// Frees OpenSSL's per-thread state. Call on a worker thread that used the functions above, just
// before it ends: OpenSSL only cleans up the main thread by itself.
void releaseThreadState();

// The OpenSSL library in use at run time ("OpenSSL 3.0.x ..."), for the About box.
QString libraryVersion();

} // namespace pnm::crypto
