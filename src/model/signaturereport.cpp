#include "signaturereport.h"

#include "eventtablemodel.h"
#include "timetext.h"

#include <QJsonDocument>

namespace pnm {

namespace {

QString compact(const QJsonObject &object)
{
    if (object.isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// "1764180487 = 2026-... UTC, 5 min after the check"
QString claimTime(const std::optional<qint64> &value, qint64 nowSecs)
{
    if (!value)
        return QStringLiteral("(absent)");
    const qint64 delta = *value - nowSecs;
    QString relation = durationText(delta * 1000);
    relation +=
        delta >= 0 ? QStringLiteral(" from the check") : QStringLiteral(" before the check");
    if (delta == 0)
        relation = QStringLiteral("at the check");
    return unixSecondsText(*value) + QStringLiteral(" (") + relation + u')';
}

} // namespace

QString SignatureReport::outcomeText(VerificationStep::Outcome outcome)
{
    switch (outcome) {
    case VerificationStep::Outcome::Passed:
        return QStringLiteral("\u2713 passed");
    case VerificationStep::Outcome::Failed:
        return QStringLiteral("\u2717 failed");
    case VerificationStep::Outcome::Skipped:
        return QStringLiteral("\u2013 skipped");
    case VerificationStep::Outcome::Note:
        break;
    }
    return QStringLiteral("\u2022 note");
}

QString SignatureReport::headline(const Verification &verification)
{
    return EventTableModel::verdictLabel(verification.verdict) + QStringLiteral(" \u2014 ") +
           verdictAdvice(verification.verdict);
}

QList<TextRow> SignatureReport::fields(const Verification &v)
{
    QList<TextRow> rows;
    const auto add = [&rows](const QString &label, const QString &value, bool emphasized = false) {
        rows.append({{label, value}, emphasized});
    };
    add(QStringLiteral("Verdict"), EventTableModel::verdictLabel(v.verdict), v.isFailure());
    add(QStringLiteral("What to do"), verdictAdvice(v.verdict));
    QString source = v.tokenSource.isEmpty() ? QStringLiteral("(no token found)") : v.tokenSource;
    if (v.bearerPrefixStripped)
        source += QStringLiteral("; a \"Bearer \" prefix was removed");
    if (v.tokenHeadersDiffer)
        source += QStringLiteral("; Authorization and Hash-Token carry different tokens");
    add(QStringLiteral("Token from"), source, v.tokenHeadersDiffer);
    add(QStringLiteral("JWT header"), compact(v.jwtHeader));
    add(QStringLiteral("JWT claims"), compact(v.jwtClaims));
    if (!v.issuer.isEmpty() || !v.jwtClaims.isEmpty()) {
        const QString known = v.issuerKnown ? QStringLiteral("matches the configured key \"%1\"")
                                            : QStringLiteral("no configured key has this issuer");
        add(QStringLiteral("Issuer (iss)"),
            (v.issuer.isEmpty() ? QStringLiteral("(absent)") : v.issuer) +
                QStringLiteral(" \u2014 ") + known.arg(v.issuer),
            !v.issuerKnown && v.verdict != Verdict::Unverified);
    }
    if (v.verifiedAtSecs != 0) {
        add(QStringLiteral("Checked at"), unixSecondsText(v.verifiedAtSecs));
        add(QStringLiteral("Leeway"), QString::number(v.leewaySecs) + QStringLiteral(" s"));
        add(QStringLiteral("Expires (exp)"), claimTime(v.expiresAt, v.verifiedAtSecs),
            v.verdict == Verdict::Expired || v.verdict == Verdict::MissingExp);
        add(QStringLiteral("Not before (nbf)"), claimTime(v.notBefore, v.verifiedAtSecs),
            v.verdict == Verdict::NotYetValid);
        add(QStringLiteral("Issued at (iat)"), claimTime(v.issuedAt, v.verifiedAtSecs),
            v.verdict == Verdict::IssuedInFuture);
    }
    if (v.clockSkewSecs) {
        const QString who =
            *v.clockSkewSecs >= 0
                ? QStringLiteral("sender's clock is behind or the request was delayed")
                : QStringLiteral("sender's clock is ahead");
        add(QStringLiteral("Measured skew"),
            durationText(*v.clockSkewSecs * 1000) + QStringLiteral(" (") + who + u')');
    }
    if (!v.claimedSha256.isEmpty() || !v.computedSha256.isEmpty()) {
        const bool same = v.claimedSha256 == v.computedSha256;
        add(QStringLiteral("Claimed SHA-256"),
            v.claimedSha256.isEmpty() ? QStringLiteral("(absent)") : v.claimedSha256, !same);
        add(QStringLiteral("Computed SHA-256"),
            v.computedSha256 +
                (same ? QStringLiteral("  (matches)") : QStringLiteral("  (differs)")),
            !same);
    }
    return rows;
}

QList<TextRow> SignatureReport::steps(const Verification &verification)
{
    QList<TextRow> rows;
    for (const VerificationStep &step : verification.stepList())
        rows.append({{step.name, outcomeText(step.outcome), step.detail},
                     step.outcome == VerificationStep::Outcome::Failed});
    return rows;
}

} // namespace pnm
