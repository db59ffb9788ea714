#include "store/sessionjson.h"

#include "events/eventdecoder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringDecoder>

namespace pnm {

QString SessionJson::formatTime(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool SessionJson::parseTime(const QString &text, qint64 *unixMs)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return false;
    *unixMs = time.toMSecsSinceEpoch();
    return true;
}

QString SessionJson::bodyText(const QByteArray &body, bool *base64)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(body);
    *base64 = decoder.hasError();
    return *base64 ? QString::fromLatin1(body.toBase64()) : text;
}

QJsonObject SessionJson::toJson(const RecordedRequest &r)
{
    QJsonArray headers;
    // Header bytes map one to one onto U+0000..U+00FF, so any byte survives the trip.
    for (const HttpHeaderField &field : r.headers.fields())
        headers.append(
            QJsonArray{QString::fromLatin1(field.name), QString::fromLatin1(field.value)});
    bool base64 = false;
    const QString body = bodyText(r.body, &base64);
    return QJsonObject{
        {"seq", qint64(r.seq)},
        {"received_at", formatTime(r.receivedAtMs)},
        {"remote_address", r.remoteAddress},
        {"remote_port", r.remotePort},
        {"method", QString::fromLatin1(r.method)},
        {"target", QString::fromLatin1(r.target)},
        {"http_version", QString::fromLatin1(r.httpVersion)},
        {"headers", headers},
        {"body", body},
        {"body_encoding", base64 ? QStringLiteral("base64") : QStringLiteral("utf-8")},
        {"body_complete", r.bodyComplete},
        {"status", r.status},
        {"protocol_error", r.protocolError},
        {"verification", r.verification.toJson()},
        {"event", r.event.toSummaryJson()},
    };
}

Verification SessionJson::verificationFromSummary(const QJsonObject &summary)
{
    Verification v;
    v.verdict =
        verdictFromName(summary.value("status").toString()).value_or(Verdict::MalformedToken);
    v.issuer = summary.value("issuer").toString();
    v.tokenSource = summary.value("token_source").toString();
    v.bearerPrefixStripped = summary.value("bearer_prefix_stripped").toBool();
    v.tokenHeadersDiffer = summary.value("token_headers_differ").toBool();
    // The summary keeps only the failing step's words; keep them as that step.
    const QString detail = summary.value("detail").toString();
    if (v.isFailure())
        v.steps.append({QStringLiteral("imported"), VerificationStep::Outcome::Failed, detail});
    return v;
}

bool SessionJson::fromJson(const QJsonObject &json, RecordedRequest *request, QString *error)
{
    RecordedRequest r;
    auto need = [&](const char *key, QJsonValue::Type type) {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.type() == type)
            return true;
        *error = QStringLiteral("field \"%1\" %2")
                     .arg(QLatin1String(key), value.isUndefined()
                                                  ? QStringLiteral("is missing")
                                                  : QStringLiteral("has the wrong type"));
        return false;
    };
    if (!need("seq", QJsonValue::Double) || !need("received_at", QJsonValue::String) ||
        !need("method", QJsonValue::String) || !need("target", QJsonValue::String) ||
        !need("headers", QJsonValue::Array) || !need("body", QJsonValue::String) ||
        !need("status", QJsonValue::Double))
        return false;
    r.seq = quint64(json.value("seq").toInteger());
    if (!parseTime(json.value("received_at").toString(), &r.receivedAtMs)) {
        *error = QStringLiteral("field \"received_at\" is not an RFC 3339 time: \"%1\"")
                     .arg(json.value("received_at").toString());
        return false;
    }
    r.remoteAddress = json.value("remote_address").toString();
    r.remotePort = quint16(json.value("remote_port").toInt());
    r.method = json.value("method").toString().toLatin1();
    r.target = json.value("target").toString().toLatin1();
    r.httpVersion = json.value("http_version").toString().toLatin1();
    const QJsonArray headers = json.value("headers").toArray();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QJsonArray pair = headers.at(i).toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString()) {
            *error = QStringLiteral("headers[%1] is not a [name, value] pair of strings").arg(i);
            return false;
        }
        r.headers.append(pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1());
    }
    const QString encoding = json.value("body_encoding").toString(QStringLiteral("utf-8"));
    if (encoding == QLatin1String("base64")) {
        auto decoded = QByteArray::fromBase64Encoding(json.value("body").toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error = QStringLiteral("field \"body\" is not valid base64");
            return false;
        }
        r.body = *decoded;
    } else if (encoding == QLatin1String("utf-8")) {
        r.body = json.value("body").toString().toUtf8();
    } else {
        *error = QStringLiteral("field \"body_encoding\" must be \"utf-8\" or \"base64\", not "
                                "\"%1\"")
                     .arg(encoding);
        return false;
    }
    r.bodyComplete = json.value("body_complete").toBool(true);
    r.status = json.value("status").toInt();
    r.protocolError = json.value("protocol_error").toString();
    r.verification = verificationFromSummary(json.value("verification").toObject());
    if (r.bodyComplete)
        r.event = EventDecoder::decode(r.body);
    *request = r;
    return true;
}

} // namespace pnm
