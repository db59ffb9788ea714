// The configured API key/secret pairs; a token's `iss` claim selects the secret (protocol.md 3.5).
// A value type, copied into the ingest thread. Secrets never leave it except to compute an HMAC.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace pnm {

class KeyRing
{
public:
    void insert(const QString &apiKey, const QByteArray &secret)
    {
        m_secrets.insert(apiKey, secret);
    }
    void remove(const QString &apiKey) { m_secrets.remove(apiKey); }
    bool isEmpty() const { return m_secrets.isEmpty(); }
    qsizetype size() const { return m_secrets.size(); }
    bool contains(const QString &apiKey) const { return m_secrets.contains(apiKey); }
    QByteArray secret(const QString &apiKey) const { return m_secrets.value(apiKey); }
    QStringList keys() const { return m_secrets.keys(); }

    // Parses "KEY:SECRET" (the secret may itself contain ':'). Returns false on a bad spec, and
    // for a key already here with another secret.
    bool insertSpec(QStringView spec, QString *error = nullptr);

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace pnm
