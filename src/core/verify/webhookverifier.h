// Checks a Plug-N-Meet webhook request's token and body hash (protocol.md section 3, strict
// profile). Stateless apart from its configuration, so it is safe to copy into any thread.
#pragma once

#include "http/httpheaders.h"
#include "verify/keyring.h"
#include "verify/verification.h"

namespace pnm {

class WebhookVerifier
{
public:
    static constexpr qint64 kDefaultLeewaySecs = 60;

    WebhookVerifier() = default;
    explicit WebhookVerifier(KeyRing keys, qint64 leewaySecs = kDefaultLeewaySecs)
        : m_keys(std::move(keys)), m_leewaySecs(leewaySecs)
    {
    }

    const KeyRing &keys() const { return m_keys; }
    void setKeys(KeyRing keys) { m_keys = std::move(keys); }
    qint64 leewaySecs() const { return m_leewaySecs; }
    void setLeewaySecs(qint64 secs) { m_leewaySecs = secs; }

    // nowSecs is injected so a stored request can be re-verified as of when it was received.
    // With an empty key ring the verdict is always Unverified. A negative leeway counts as 0.
    Verification verify(const HttpHeaders &headers, const QByteArray &body, qint64 nowSecs) const;
    // What verify() without keys finds (token source, header, claims, dates, digests), with no
    // steps written and the verdict Unverified: for requests whose verdict is already known.
    static Verification readFacts(const HttpHeaders &headers, const QByteArray &body,
                                  qint64 nowSecs, qint64 leewaySecs);

private:
    KeyRing m_keys;
    qint64 m_leewaySecs = kDefaultLeewaySecs;
};

} // namespace pnm
