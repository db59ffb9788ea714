#include "verify/cryptoprimitives.h"

#include <array>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace pnm::crypto {

namespace {

const char *digestName(HmacDigest digest)
{
    switch (digest) {
    case HmacDigest::Sha256:
        return "SHA256";
    case HmacDigest::Sha384:
        return "SHA384";
    case HmacDigest::Sha512:
        return "SHA512";
    }
    return "SHA256";
}

// Value of one base64url character, or -1 for a byte outside the alphabet.
int base64UrlValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int outLength = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), out.data(), &outLength, EVP_sha256(),
                   nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(outLength));
}

QString sha256Base64(QByteArrayView data)
{
    return QString::fromLatin1(sha256(data).toBase64(QByteArray::Base64Encoding));
}

QByteArray hmac(HmacDigest digest, QByteArrayView key, QByteArrayView data)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    size_t outLength = 0;
    // OpenSSL reads a null key pointer as "no key given"; an empty secret is still a key.
    static const unsigned char kNoBytes = 0;
    const void *keyBytes = key.isEmpty() ? &kNoBytes : static_cast<const void *>(key.data());
    const unsigned char *dataBytes =
        data.isEmpty() ? &kNoBytes : reinterpret_cast<const unsigned char *>(data.data());
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, digestName(digest), nullptr, keyBytes,
                   size_t(key.size()), dataBytes, size_t(data.size()), out.data(), out.size(),
                   &outLength))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(outLength));
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

QByteArray base64UrlEncode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    // 4 characters carry 3 bytes; a final group of 2 or 3 characters carries 1 or 2 bytes.
    const qsizetype tail = text.size() % 4;
    if (tail == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() / 4 * 3 + 2);
    quint32 bits = 0;
    int bitCount = 0;
    for (const char c : text) {
        const int value = base64UrlValue(c);
        if (value < 0)
            return std::nullopt;
        bits = (bits << 6) | quint32(value);
        bitCount += 6;
        if (bitCount >= 8) {
            bitCount -= 8;
            out.append(char((bits >> bitCount) & 0xFF));
        }
    }
    // Leftover bits (2 or 4) must be zero in the canonical encoding.
    if (bitCount > 0 && (bits & ((1u << bitCount) - 1)) != 0)
        return std::nullopt;
    return out;
}

void releaseThreadState()
{
    OPENSSL_thread_stop();
}

QString libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace pnm::crypto
