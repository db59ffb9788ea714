#include "store/sessionjson.h"

#include "events/eventdecoder.h"
#include "text/isotime.h"
#include "text/jsontextwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringDecoder>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace pnm {

QString SessionJson::formatTime(qint64 unixMs)
{
    return isotime::fromMSecs(unixMs);
}

bool SessionJson::parseTime(const QString &text, qint64 *unixMs)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return false;
    *unixMs = time.toMSecsSinceEpoch();
    return true;
}

QString SessionJson::bodyText(const QByteArray &body, bool *base64)
{
    // A byte order mark is kept: it is part of the body and of its sha256.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(body);
    *base64 = decoder.hasError();
    return *base64 ? QString::fromLatin1(body.toBase64()) : text;
}

QByteArray SessionJson::toJsonText(const RecordedRequest &r)
{
    bool base64 = false;
    const QString body = bodyText(r.body, &base64);
    // Members in QJsonObject's order (sorted by name), which the writer would otherwise restore.
    JsonTextWriter out(1024 + body.size() + body.size() / 8, JsonTextWriter::KeyOrder::Sorted);
    const auto latin1 = [](const QByteArray &bytes) { return QLatin1StringView(bytes); };
    out.beginObject();
    out.member("body"_L1, body);
    out.member("body_complete"_L1, r.bodyComplete);
    out.member("body_encoding"_L1, base64 ? "base64"_L1 : "utf-8"_L1);
    out.key("event"_L1);
    out.beginObject();
    r.writeEventSummary(out);
    out.endObject();
    // Header bytes map one to one onto U+0000..U+00FF, so any byte survives the trip.
    out.key("headers"_L1);
    out.beginArray();
    for (const HttpHeaderField &field : r.headers.fields()) {
        out.beginArray();
        out.string(latin1(field.name));
        out.string(latin1(field.value));
        out.endArray();
    }
    out.endArray();
    out.member("http_version"_L1, latin1(r.httpVersion));
    out.member("method"_L1, latin1(r.method));
    out.member("protocol_error"_L1, r.protocolError);
    out.member("received_at"_L1, formatTime(r.receivedAtMs));
    out.member("remote_address"_L1, r.remoteAddress);
    out.member("remote_port"_L1, int(r.remotePort));
    out.member("seq"_L1, qint64(r.seq));
    out.member("status"_L1, r.status);
    out.member("target"_L1, latin1(r.target));
    out.key("verification"_L1);
    r.verification.writeSummary(out);
    out.endObject();
    return out.take();
}

std::optional<Verification> SessionJson::verificationFromSummary(const QJsonValue &value,
                                                                 QString *error)
{
    if (!value.isObject()) {
        *error =
            value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("is not an object");
        return std::nullopt;
    }
    const QJsonObject summary = value.toObject();
    const std::optional<Verdict> verdict = verdictFromName(summary.value("status").toString());
    if (!verdict) {
        *error = QStringLiteral("has no status this program knows (\"%1\")")
                     .arg(summary.value("status").toVariant().toString());
        return std::nullopt;
    }
    Verification v;
    v.verdict = *verdict;
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

std::optional<qint64> SessionJson::wholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || number < double(min) || number > double(max))
        return std::nullopt;
    return qint64(number);
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
    // Numbers are checked, not wrapped: 99999 must not become port 34463.
    const auto whole = [&](const char *key, qint64 min, qint64 max) -> std::optional<qint64> {
        const QJsonValue value = json.value(QLatin1String(key));
        const std::optional<qint64> number = wholeNumber(value, min, max);
        if (!number) {
            *error = QStringLiteral("field \"%1\" must be a whole number from %2 to %3, not %4")
                         .arg(QLatin1String(key))
                         .arg(min)
                         .arg(max)
                         .arg(value.toVariant().toString());
        }
        return number;
    };
    const auto seq = whole("seq", 1, qint64(1) << 53);
    const auto status = whole("status", 0, 999);
    const auto port = json.contains("remote_port") ? whole("remote_port", 0, 65535) : 0;
    if (!seq || !status || !port)
        return false;
    r.seq = quint64(*seq);
    r.status = int(*status);
    r.remotePort = quint16(*port);
    if (!parseTime(json.value("received_at").toString(), &r.receivedAtMs)) {
        *error = QStringLiteral("field \"received_at\" is not an RFC 3339 time with an offset "
                                "(\"Z\" for UTC): \"%1\"")
                     .arg(json.value("received_at").toString());
        return false;
    }
    if (json.contains("verification")) {
        QString why;
        const std::optional<Verification> verification =
            verificationFromSummary(json.value("verification"), &why);
        if (!verification) {
            *error = QStringLiteral("field \"verification\" %1").arg(why);
            return false;
        }
        r.verification = *verification;
    } else {
        r.verification.verdict = Verdict::Unverified; // nobody checked it: keys check it on import
    }
    r.remoteAddress = json.value("remote_address").toString();
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
    r.protocolError = json.value("protocol_error").toString();
    if (r.bodyComplete)
        r.event = EventDecoder::decode(r.body);
    *request = r;
    return true;
}

} // namespace pnm
