#include "verify/compactjwt.h"

#include "verify/cryptoprimitives.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <array>

namespace pnm {

namespace {

constexpr std::array<const char *, 3> kSegmentNames = {"header", "payload", "signature"};

bool failWith(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return false;
}

// A decoded segment must be one JSON object; say which JSON type arrived otherwise.
bool parseObject(const QByteArray &json, const char *segment, QJsonObject *object, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failWith(error, QStringLiteral("the %1 is not JSON (%2 at offset %3)")
                                   .arg(QLatin1String(segment), parseError.errorString(),
                                        QString::number(parseError.offset)));
    if (!document.isObject())
        return failWith(error, QStringLiteral("the %1 is a JSON %2, not an object")
                                   .arg(QLatin1String(segment), document.isArray()
                                                                    ? QStringLiteral("array")
                                                                    : QStringLiteral("scalar")));
    *object = document.object();
    return true;
}

} // namespace

std::optional<CompactJwt> CompactJwt::parse(QByteArrayView token, QString *error)
{
    const QList<QByteArray> segments = token.toByteArray().split('.');
    if (segments.size() != 3) {
        failWith(error, QStringLiteral("the token has %1 segment%2 separated by '.', expected 3")
                            .arg(segments.size())
                            .arg(segments.size() == 1 ? "" : "s"));
        return std::nullopt;
    }
    std::array<QByteArray, 3> decoded;
    for (qsizetype i = 0; i < 3; ++i) {
        std::optional<QByteArray> bytes = crypto::base64UrlDecode(segments.at(i));
        if (!bytes) {
            failWith(error, QStringLiteral("the %1 segment is not unpadded base64url (%2 chars)")
                                .arg(QLatin1String(kSegmentNames[size_t(i)]))
                                .arg(segments.at(i).size()));
            return std::nullopt;
        }
        decoded[size_t(i)] = std::move(*bytes);
    }
    CompactJwt jwt;
    if (!parseObject(decoded[0], kSegmentNames[0], &jwt.header, error) ||
        !parseObject(decoded[1], kSegmentNames[1], &jwt.claims, error))
        return std::nullopt;
    jwt.signingInput = token.first(segments.at(0).size() + 1 + segments.at(1).size()).toByteArray();
    jwt.signature = std::move(decoded[2]);
    jwt.headerText = std::move(decoded[0]);
    jwt.claimsText = std::move(decoded[1]);
    return jwt;
}

} // namespace pnm
