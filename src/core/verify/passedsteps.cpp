#include "verify/passedsteps.h"

#include "text/isotime.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <cmath>

namespace pnm {

namespace {
constexpr qsizetype kMaxShownChars = 80;
using Outcome = VerificationStep::Outcome;

// nbf and iat: a lower bound on "now" each, read the same way.
VerificationStep lowerBound(QLatin1StringView name, QLatin1StringView passText,
                            const Verification &v)
{
    const QString stepName(name);
    const QJsonValue claim = v.jwtClaims.value(stepName);
    if (claim.isUndefined())
        return {stepName, Outcome::Skipped, QStringLiteral("no %1 claim").arg(stepName)};
    return {stepName, Outcome::Passed,
            QStringLiteral("%1 %2, now %3, %4: %5")
                .arg(stepName, PassedSteps::describeTime(claim.toDouble()),
                     PassedSteps::describeTime(double(v.verifiedAtSecs)),
                     PassedSteps::leewayText(v.leewaySecs), QString(passText))};
}
} // namespace

QString PassedSteps::quoted(const QString &text)
{
    QString shown = text.left(kMaxShownChars);
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control)
            c = u'?';
    }
    return u'"' + shown + QLatin1String(text.size() > kMaxShownChars ? "...\"" : "\"");
}

QString PassedSteps::formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString PassedSteps::describeTime(double secs)
{
    QString iso = QStringLiteral("out of range");
    if (std::abs(secs) < 1e14) {
        const qint64 whole = qint64(std::floor(secs));
        // By hand: QDateTime's formatting showed in ingest profiles (up to four per request).
        if (const std::optional<QString> fast = isotime::fromSecs(whole)) {
            iso = *fast;
        } else {
            const QDateTime utc = QDateTime::fromSecsSinceEpoch(whole, Qt::UTC);
            if (utc.isValid())
                iso = utc.toString(Qt::ISODate);
        }
    }
    return formatNumber(secs) + QStringLiteral(" (") + iso + u')';
}

QString PassedSteps::leewayText(qint64 leewaySecs)
{
    return QStringLiteral("%1 s leeway").arg(leewaySecs);
}

VerificationStep PassedSteps::step(QLatin1StringView name, const Verification &v)
{
    const QString stepName(name);
    const auto passed = [&stepName](const QString &detail) {
        return VerificationStep{stepName, Outcome::Passed, detail};
    };
    if (name == QLatin1StringView("token")) {
        QString detail =
            QStringLiteral("%1 header: JWT with header %2 and claims %3")
                .arg(v.tokenSource,
                     QString::fromUtf8(QJsonDocument(v.jwtHeader).toJson(QJsonDocument::Compact))
                         .left(kMaxShownChars),
                     v.jwtClaims.keys().join(QStringLiteral(", ")).left(kMaxShownChars));
        if (v.bearerPrefixStripped)
            detail += QStringLiteral("; 'Bearer ' prefix removed");
        return passed(detail);
    }
    if (name == QLatin1StringView("alg"))
        return passed(QStringLiteral("alg %1").arg(quoted(v.jwtHeader.value("alg").toString())));
    if (name == QLatin1StringView("issuer"))
        return passed(QStringLiteral("iss %1 is a configured key").arg(quoted(v.issuer)));
    if (name == QLatin1StringView("signature"))
        return passed(QStringLiteral("HMAC-SHA256 with the secret of %1 matches the signature")
                          .arg(quoted(v.issuer)));
    if (name == QLatin1StringView("exp"))
        return passed(QStringLiteral("exp %1, now %2, %3: not expired")
                          .arg(describeTime(v.jwtClaims.value("exp").toDouble()),
                               describeTime(double(v.verifiedAtSecs)), leewayText(v.leewaySecs)));
    if (name == QLatin1StringView("nbf"))
        return lowerBound(name, QLatin1StringView("already valid"), v);
    if (name == QLatin1StringView("iat"))
        return lowerBound(name, QLatin1StringView("not in the future"), v);
    if (name == QLatin1StringView("sha256"))
        return passed(QStringLiteral("the sha256 claim equals the SHA-256 of the %1-byte body: %2")
                          .arg(QString::number(v.bodyBytes), v.computedSha256));
    return {stepName, Outcome::Skipped, QString()};
}

QList<VerificationStep> PassedSteps::all(const Verification &v)
{
    QList<VerificationStep> steps;
    steps.reserve(9);
    if (v.tokenHeadersDiffer)
        steps.append({QStringLiteral("token_headers"), Outcome::Note,
                      QStringLiteral("Authorization and Hash-Token carry different tokens; the "
                                     "one from %1 is used")
                          .arg(v.tokenSource)});
    for (const char *name : {"token", "alg", "issuer", "signature", "exp", "nbf", "iat", "sha256"})
        steps.append(step(QLatin1StringView(name), v));
    return steps;
}

} // namespace pnm
