#include "store/harentry.h"

#include "events/eventdecoder.h"
#include "ingest/ingestpipeline.h"
#include "store/sessionjson.h"
#include "text/jsontextwriter.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace pnm {

namespace {
QLatin1StringView latin1(const QByteArray &bytes)
{
    return QLatin1StringView(bytes);
}

void emptyArray(JsonTextWriter &out, QLatin1StringView name)
{
    out.key(name);
    out.beginArray();
    out.endArray();
}

// HAR's name/value pairs; header bytes map one to one onto U+0000..U+00FF.
template <typename Text> void namedValue(JsonTextWriter &out, const Text &name, const Text &value)
{
    out.beginObject();
    out.member("name"_L1, name);
    out.member("value"_L1, value);
    out.endObject();
}

void writeRequest(JsonTextWriter &out, const RecordedRequest &r, const QString &url)
{
    bool base64 = false;
    const QString body = SessionJson::bodyText(r.body, &base64);
    out.beginObject();
    out.member("method"_L1, latin1(r.method));
    out.member("url"_L1, url);
    out.member("httpVersion"_L1, latin1(r.httpVersion));
    emptyArray(out, "cookies"_L1);
    out.key("headers"_L1);
    out.beginArray();
    for (const HttpHeaderField &field : r.headers.fields())
        namedValue(out, latin1(field.name), latin1(field.value));
    out.endArray();
    out.key("queryString"_L1);
    out.beginArray();
    if (r.target.contains('?')) { // parsing every URL only to find no query cost a tenth
        const QUrlQuery query(QUrl(url).query());
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
            namedValue(out, name, value);
    }
    out.endArray();
    out.key("postData"_L1);
    out.beginObject();
    out.member("mimeType"_L1, latin1(r.headers.value("Content-Type").value_or(QByteArray())));
    emptyArray(out, "params"_L1);
    out.member("text"_L1, body);
    if (base64)
        out.member("encoding"_L1, "base64"_L1);
    out.endObject();
    out.member("headersSize"_L1, -1);
    out.member("bodySize"_L1, r.body.size());
    out.endObject();
}

// What the monitor answered (IngestPipeline::responseFor).
void writeResponse(JsonTextWriter &out, const RecordedRequest &r)
{
    const HttpResponse answer = IngestPipeline::responseFor(r);
    out.beginObject();
    out.member("status"_L1, r.status);
    out.member("statusText"_L1, latin1(HttpResponse::reasonPhrase(r.status)));
    out.member("httpVersion"_L1,
               latin1(r.httpVersion.isEmpty() ? QByteArrayLiteral("HTTP/1.1") : r.httpVersion));
    emptyArray(out, "cookies"_L1);
    out.key("headers"_L1);
    out.beginArray();
    if (!answer.contentType.isEmpty())
        namedValue(out, "Content-Type"_L1, latin1(answer.contentType));
    for (const HttpHeaderField &field : answer.extraHeaders.fields())
        namedValue(out, latin1(field.name), latin1(field.value));
    out.endArray();
    out.key("content"_L1);
    out.beginObject();
    out.member("size"_L1, answer.body.size());
    out.member("mimeType"_L1, latin1(answer.contentType.isEmpty() ? QByteArrayLiteral("text/plain")
                                                                  : answer.contentType));
    out.member("text"_L1, QString::fromUtf8(answer.body));
    out.endObject();
    out.member("redirectURL"_L1, ""_L1);
    out.member("headersSize"_L1, -1);
    out.member("bodySize"_L1, answer.body.size());
    out.endObject();
}

// What HAR has no place for.
void writeMonitorPart(JsonTextWriter &out, const RecordedRequest &r)
{
    out.beginObject();
    out.member("seq"_L1, qint64(r.seq));
    out.member("remote_address"_L1, r.remoteAddress);
    out.member("remote_port"_L1, int(r.remotePort));
    out.member("target"_L1, latin1(r.target));
    out.member("body_complete"_L1, r.bodyComplete);
    out.member("protocol_error"_L1, r.protocolError);
    out.key("verification"_L1);
    r.verification.writeSummary(out);
    out.endObject();
}
} // namespace

QByteArray HarEntry::toJsonText(const RecordedRequest &r)
{
    const QByteArray host = r.headers.value("Host").value_or("localhost");
    // A URL holds no raw bytes above 0x7f: Go sends a query's UTF-8 as it is, so its bytes are
    // percent-encoded here and the query's values decode to the text that was sent.
    QByteArray target;
    target.reserve(r.target.size());
    for (const char c : r.target) {
        const auto byte = quint8(c);
        if (byte >= 0x80 || byte <= 0x20 || byte == 0x7f)
            target += '%' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
        else
            target += c;
    }
    const QString url =
        QStringLiteral("http://%1%2").arg(QString::fromLatin1(host), QString::fromLatin1(target));
    // Members in any order: the writer sorts each object as QJsonObject would, so the text is
    // what QJsonDocument writes for the same entry.
    JsonTextWriter out(2048 + r.body.size() + r.body.size() / 2, JsonTextWriter::KeyOrder::Sorted);
    out.beginObject();
    out.member("startedDateTime"_L1, SessionJson::formatTime(r.receivedAtMs));
    out.member("time"_L1, 0);
    out.key("request"_L1);
    writeRequest(out, r, url);
    out.key("response"_L1);
    writeResponse(out, r);
    out.key("cache"_L1);
    out.beginObject();
    out.endObject();
    out.key("timings"_L1);
    out.beginObject();
    out.member("send"_L1, 0);
    out.member("wait"_L1, 0);
    out.member("receive"_L1, 0);
    out.endObject();
    out.key("_pnm"_L1);
    writeMonitorPart(out, r);
    out.endObject();
    return out.take();
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
    // Our own part (_pnm) is checked as strictly as the JSON format; another tool's entry has
    // none, is numbered on import and verified then.
    if (pnm.contains("seq")) {
        const std::optional<qint64> seq =
            SessionJson::wholeNumber(pnm.value("seq"), 1, qint64(1) << 53);
        if (!seq) {
            *error = QStringLiteral("_pnm.seq: not a whole number of at least 1: %1")
                         .arg(pnm.value("seq").toVariant().toString());
            return false;
        }
        r.seq = quint64(*seq);
    }
    if (pnm.contains("remote_port")) {
        const std::optional<qint64> port =
            SessionJson::wholeNumber(pnm.value("remote_port"), 0, 65535);
        if (!port) {
            *error = QStringLiteral("_pnm.remote_port: not a port number: %1")
                         .arg(pnm.value("remote_port").toVariant().toString());
            return false;
        }
        r.remotePort = quint16(*port);
    }
    r.remoteAddress = pnm.value("remote_address").toString();
    r.bodyComplete = pnm.value("body_complete").toBool(true);
    r.protocolError = pnm.value("protocol_error").toString();
    if (pnm.contains("verification")) {
        QString why;
        const std::optional<Verification> verification =
            SessionJson::verificationFromSummary(pnm.value("verification"), &why);
        if (!verification) {
            *error = QStringLiteral("_pnm.verification: %1").arg(why);
            return false;
        }
        r.verification = *verification;
    } else {
        r.verification.verdict = Verdict::Unverified; // another tool's entry: checked on import
    }
    if (r.bodyComplete)
        r.event = EventDecoder::decode(r.body);
    *request = r;
    return true;
}

} // namespace pnm
