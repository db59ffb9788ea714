#include "verify/cryptoprimitives.h"

#include <array>
#include <memory>
#include <openssl/core_names.h>
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

// OpenSSL 3 looks an algorithm up by name on every implicit use (EVP_sha256(), EVP_Q_mac), which
// cost more than the hashing itself for a webhook-sized input. Fetched once, kept for the process.
const EVP_MD *fetchedDigest(HmacDigest digest)
{
    static const std::array<EVP_MD *, 3> digests = {EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                    EVP_MD_fetch(nullptr, "SHA384", nullptr),
                                                    EVP_MD_fetch(nullptr, "SHA512", nullptr)};
    return digests[size_t(digest)];
}

EVP_MAC *fetchedHmac()
{
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

// One keyed HMAC context per thread and digest, re-initialised with the same key for the next
// message: a receiver checks nearly every token with the same secret, and setting a key up
// (hashing it into the inner and outer pads, fetching the digest) was most of an HMAC's cost.
class KeyedHmac
{
public:
    ~KeyedHmac() { EVP_MAC_CTX_free(m_context); }

    bool start(HmacDigest digest, QByteArrayView key)
    {
        if (m_context && m_key == key)
            return EVP_MAC_init(m_context, nullptr, 0, nullptr) == 1;
        EVP_MAC_CTX_free(m_context);
        m_key.clear();
        m_context = EVP_MAC_CTX_new(fetchedHmac());
        if (!m_context)
            return false;
        const std::array<OSSL_PARAM, 2> params = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                             const_cast<char *>(digestName(digest)), 0),
            OSSL_PARAM_construct_end()};
        // OpenSSL reads a null key pointer as "no key given"; an empty secret is still a key.
        static const unsigned char kNoByte = 0;
        const auto *keyBytes =
            key.isEmpty() ? &kNoByte : reinterpret_cast<const unsigned char *>(key.data());
        if (EVP_MAC_init(m_context, keyBytes, size_t(key.size()), params.data()) != 1) {
            EVP_MAC_CTX_free(m_context);
            m_context = nullptr;
            return false;
        }
        m_key = key.toByteArray();
        return true;
    }
    EVP_MAC_CTX *context() const { return m_context; }

private:
    EVP_MAC_CTX *m_context = nullptr;
    QByteArray m_key;
};

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
    return sha256({data});
}

QByteArray sha256(std::initializer_list<QByteArrayView> parts)
{
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int outLength = 0;
    if (!context ||
        EVP_DigestInit_ex2(context.get(), fetchedDigest(HmacDigest::Sha256), nullptr) != 1)
        return {};
    for (const QByteArrayView part : parts) {
        if (!part.isEmpty() &&
            EVP_DigestUpdate(context.get(), part.data(), size_t(part.size())) != 1)
            return {};
    }
    if (EVP_DigestFinal_ex(context.get(), out.data(), &outLength) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(outLength));
}

QString sha256Base64(QByteArrayView data)
{
    return QString::fromLatin1(sha256(data).toBase64(QByteArray::Base64Encoding));
}

QByteArray hmac(HmacDigest digest, QByteArrayView key, QByteArrayView data)
{
    thread_local std::array<KeyedHmac, 3> keyed;
    KeyedHmac &mac = keyed[size_t(digest)];
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    size_t outLength = 0;
    if (!mac.start(digest, key) ||
        (!data.isEmpty() &&
         EVP_MAC_update(mac.context(), reinterpret_cast<const unsigned char *>(data.data()),
                        size_t(data.size())) != 1) ||
        EVP_MAC_final(mac.context(), out.data(), &outLength, out.size()) != 1)
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
