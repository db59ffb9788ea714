#include "verify/keyring.h"

namespace pnm {

bool KeyRing::insertSpec(QStringView spec, QString *error)
{
    auto failWith = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    // Split at the first ':' only, so a secret may itself contain ':'.
    const qsizetype colon = spec.indexOf(u':');
    if (colon < 0)
        return failWith(QStringLiteral("expected KEY:SECRET, found no ':'"));
    const QStringView key = spec.first(colon);
    const QStringView secret = spec.sliced(colon + 1);
    if (key.isEmpty())
        return failWith(QStringLiteral("expected KEY:SECRET, the key before ':' is empty"));
    if (secret.isEmpty())
        return failWith(
            QStringLiteral("expected KEY:SECRET, the secret for key '%1' is empty").arg(key));
    // A token's issuer selects one secret: a second secret for the same key would silently
    // turn every request signed with the first into a bad signature.
    const QByteArray bytes = secret.toUtf8();
    if (contains(key.toString()) && this->secret(key.toString()) != bytes)
        return failWith(QStringLiteral("key '%1' is given twice with different secrets; a token's "
                                       "issuer selects one secret, so give each key once")
                            .arg(key));
    insert(key.toString(), bytes);
    return true;
}

} // namespace pnm
