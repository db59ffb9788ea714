#include "store/harentry.h"

#include "events/eventdecoder.h"
#include "ingest/ingestpipeline.h"
#include "store/sessionjson.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

namespace pnm {

namespace {
QJsonArray harHeaders(const HttpHeaders &headers)
{
    QJsonArray out;
    for (const HttpHeaderField &field : headers.fields())
        out.append(QJsonObject{{"name", QString::fromLatin1(field.name)},
                               {"value", QString::fromLatin1(field.value)}});
    return out;
}

} // namespace

QJsonObject HarEntry::toJson(const RecordedRequest &r)
{
    const QByteArray host = r.headers.value("Host").value_or("localhost");
    const QString url =
        QStringLiteral("http://%1%2").arg(QString::fromLatin1(host), QString::fromLatin1(r.target));
    QJsonArray queryString;
    const QUrlQuery query(QUrl(url).query());
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        queryString.append(QJsonObject{{"name", name}, {"value", value}});
    bool base64 = false;
    const QString text = SessionJson::bodyText(r.body, &base64);
    QJsonObject postData{
        {"mimeType", QString::fromLatin1(r.headers.value("Content-Type").value_or(QByteArray()))},
        {"params", QJsonArray()},
        {"text", text}};
    if (base64)
        postData.insert("encoding", QStringLiteral("base64"));
    const HttpResponse answer = IngestPipeline::responseFor(r);
    QJsonArray responseHeaders;
    if (!answer.contentType.isEmpty())
        responseHeaders.append(QJsonObject{{"name", QStringLiteral("Content-Type")},
                                           {"value", QString::fromLatin1(answer.contentType)}});
    for (const HttpHeaderField &field : answer.extraHeaders.fields())
        responseHeaders.append(QJsonObject{{"name", QString::fromLatin1(field.name)},
                                           {"value", QString::fromLatin1(field.value)}});
    const QJsonObject response{
        {"status", r.status},
        {"statusText", QString::fromLatin1(HttpResponse::reasonPhrase(r.status))},
        {"httpVersion", QString::fromLatin1(r.httpVersion.isEmpty() ? "HTTP/1.1" : r.httpVersion)},
        {"cookies", QJsonArray()},
        {"headers", responseHeaders},
        {"content", QJsonObject{{"size", answer.body.size()},
                                {"mimeType", QString::fromLatin1(answer.contentType.isEmpty()
                                                                     ? QByteArray("text/plain")
                                                                     : answer.contentType)},
                                {"text", QString::fromUtf8(answer.body)}}},
        {"redirectURL", QString()},
        {"headersSize", -1},
        {"bodySize", answer.body.size()}};
    return QJsonObject{
        {"startedDateTime", SessionJson::formatTime(r.receivedAtMs)},
        {"time", 0},
        {"request", QJsonObject{{"method", QString::fromLatin1(r.method)},
                                {"url", url},
                                {"httpVersion", QString::fromLatin1(r.httpVersion)},
                                {"cookies", QJsonArray()},
                                {"headers", harHeaders(r.headers)},
                                {"queryString", queryString},
                                {"postData", postData},
                                {"headersSize", -1},
                                {"bodySize", r.body.size()}}},
        {"response", response},
        {"cache", QJsonObject()},
        {"timings", QJsonObject{{"send", 0}, {"wait", 0}, {"receive", 0}}},
        {"_pnm", QJsonObject{{"seq", qint64(r.seq)},
                             {"remote_address", r.remoteAddress},
                             {"remote_port", r.remotePort},
                             {"target", QString::fromLatin1(r.target)},
                             {"body_complete", r.bodyComplete},
                             {"protocol_error", r.protocolError},
                             {"verification", r.verification.toJson()}}},
    };
}

bool HarEntry::fromJson(const QJsonObject &entry, RecordedRequest *request, QString *error)
{
    RecordedRequest r;
    const QJsonObject pnm = entry.value("_pnm").toObject();
    if (!entry.value("request").isObject()) {
        *error = QStringLiteral("request: missing");
        return false;
    }
    const QJsonObject req = entry.value("request").toObject();
    if (!req.value("method").isString() || req.value("method").toString().isEmpty()) {
        *error = QStringLiteral("request.method: missing");
        return false;
    }
    if (!SessionJson::parseTime(entry.value("startedDateTime").toString(), &r.receivedAtMs)) {
        *error = QStringLiteral("startedDateTime: not an ISO 8601 time: \"%1\"")
                     .arg(entry.value("startedDateTime").toString());
        return false;
    }
    r.method = req.value("method").toString().toLatin1();
    if (pnm.value("target").isString()) {
        r.target = pnm.value("target").toString().toLatin1();
    } else {
        const QUrl url(req.value("url").toString(), QUrl::StrictMode);
        if (!url.isValid() || req.value("url").toString().isEmpty()) {
            *error =
                QStringLiteral("request.url: not a URL: \"%1\"").arg(req.value("url").toString());
            return false;
        }
        r.target = url.path(QUrl::FullyEncoded).toLatin1();
        if (r.target.isEmpty())
            r.target = "/";
        if (url.hasQuery())
            r.target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    }
    r.httpVersion = req.value("httpVersion").toString().toLatin1();
    const QJsonArray headers = req.value("headers").toArray();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QJsonObject header = headers.at(i).toObject();
        if (!header.value("name").isString()) {
            *error = QStringLiteral("request.headers[%1].name: missing").arg(i);
            return false;
        }
        r.headers.append(header.value("name").toString().toLatin1(),
                         header.value("value").toVariant().toString().toLatin1());
    }
    const QJsonObject postData = req.value("postData").toObject();
    const QString text = postData.value("text").toString();
    if (postData.value("encoding").toString() == QLatin1String("base64")) {
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error = QStringLiteral("request.postData.text: not valid base64");
            return false;
        }
        r.body = *decoded;
    } else {
        r.body = text.toUtf8();
    }
    r.status = entry.value("response").toObject().value("status").toInt();
    r.seq = quint64(pnm.value("seq").toInteger());
    r.remoteAddress = pnm.value("remote_address").toString();
    r.remotePort = quint16(pnm.value("remote_port").toInt());
    r.bodyComplete = pnm.value("body_complete").toBool(true);
    r.protocolError = pnm.value("protocol_error").toString();
    r.verification = SessionJson::verificationFromSummary(pnm.value("verification").toObject());
    if (!pnm.contains("verification"))
        r.verification.verdict = Verdict::Unverified; // another tool's entry: checked on import
    if (r.bodyComplete)
        r.event = EventDecoder::decode(r.body);
    *request = r;
    return true;
}

} // namespace pnm
