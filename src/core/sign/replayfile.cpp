#include "sign/replayfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pnm {

namespace {

HttpHeaders headersFrom(const QJsonValue &value)
{
    HttpHeaders headers;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            headers.append(it.key().toUtf8(), it.value().toString().toUtf8());
        return headers;
    }
    for (const QJsonValue &item : value.toArray()) {
        if (item.isArray() && item.toArray().size() == 2) {
            headers.append(item.toArray().at(0).toString().toUtf8(),
                           item.toArray().at(1).toString().toUtf8());
        } else if (item.isObject()) {
            headers.append(item.toObject().value(QStringLiteral("name")).toString().toUtf8(),
                           item.toObject().value(QStringLiteral("value")).toString().toUtf8());
        }
    }
    return headers;
}

bool recordFrom(const QJsonObject &object, ReplayRecord &record, QString &error)
{
    const bool base64 = object.value(QStringLiteral("body_encoding")).toString() == u"base64";
    if (object.value(QStringLiteral("body")).isString() && base64) {
        // The monitor's session export keeps bodies that are not UTF-8 as base64.
        record.body =
            QByteArray::fromBase64(object.value(QStringLiteral("body")).toString().toLatin1());
    } else if (object.value(QStringLiteral("body")).isString()) {
        // The exact text, re-encoded as UTF-8: what the vectors' `body` means.
        record.body = object.value(QStringLiteral("body")).toString().toUtf8();
    } else if (object.value(QStringLiteral("body_base64")).isString()) {
        record.body = QByteArray::fromBase64(
            object.value(QStringLiteral("body_base64")).toString().toLatin1());
    } else {
        error = QStringLiteral("no \"body\" or \"body_base64\" to re-send");
        return false;
    }
    record.headers = headersFrom(object.value(QStringLiteral("headers")));
    record.event = object.value(QStringLiteral("event")).toString();
    record.id = object.value(QStringLiteral("id")).toString();
    if (record.event.isEmpty() || record.id.isEmpty()) {
        const QJsonObject body = QJsonDocument::fromJson(record.body).object();
        if (record.event.isEmpty())
            record.event = body.value(QStringLiteral("event")).toString();
        if (record.id.isEmpty())
            record.id = body.value(QStringLiteral("id")).toString();
    }
    return true;
}

} // namespace

ReplayFile ReplayFile::parse(const QByteArray &data)
{
    ReplayFile file;
    const QByteArray trimmed = data.trimmed();
    QJsonParseError parseError{};
    QJsonDocument document;
    if (trimmed.startsWith('{')) {
        // The monitor's JSON session export: {"format":...,"requests":[...]}. Anything else
        // that starts with a brace is NDJSON.
        const QJsonDocument whole = QJsonDocument::fromJson(trimmed);
        if (whole.object().value(QStringLiteral("requests")).isArray())
            document = QJsonDocument(whole.object().value(QStringLiteral("requests")).toArray());
        const QJsonArray entries = whole.object()
                                       .value(QStringLiteral("log"))
                                       .toObject()
                                       .value(QStringLiteral("entries"))
                                       .toArray();
        if (!entries.isEmpty()) {
            // HAR 1.2 (the monitor's --export F.har, browsers, HTTP Toolkit): request.headers
            // and request.postData {text, encoding}.
            QJsonArray requests;
            for (const QJsonValue &entry : entries) {
                const QJsonObject request =
                    entry.toObject().value(QStringLiteral("request")).toObject();
                const QJsonObject post = request.value(QStringLiteral("postData")).toObject();
                QJsonObject item{
                    {QStringLiteral("headers"), request.value(QStringLiteral("headers"))}};
                if (post.contains(QStringLiteral("text")))
                    item.insert(QStringLiteral("body"), post.value(QStringLiteral("text")));
                item.insert(QStringLiteral("body_encoding"),
                            post.value(QStringLiteral("encoding")));
                requests.append(item);
            }
            document = QJsonDocument(requests);
        }
    } else if (trimmed.startsWith('[')) {
        document = QJsonDocument::fromJson(trimmed, &parseError);
    }
    if (!document.isNull() || trimmed.startsWith('[')) {
        if (!document.isArray()) {
            file.errors.append(QStringLiteral("not a JSON array: %1 at offset %2")
                                   .arg(parseError.errorString())
                                   .arg(parseError.offset));
            return file;
        }
        const QJsonArray items = document.array();
        for (qsizetype i = 0; i < items.size(); ++i) {
            ReplayRecord record;
            QString error;
            if (recordFrom(items.at(i).toObject(), record, error))
                file.records.append(record);
            else
                file.errors.append(QStringLiteral("item %1: %2").arg(i + 1).arg(error));
        }
        return file;
    }
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        document = QJsonDocument::fromJson(line, &parseError);
        ReplayRecord record;
        QString error;
        if (!document.isObject())
            error = QStringLiteral("not a JSON object (%1)").arg(parseError.errorString());
        else if (recordFrom(document.object(), record, error))
            file.records.append(record);
        if (!error.isEmpty())
            file.errors.append(QStringLiteral("line %1: %2").arg(i + 1).arg(error));
    }
    return file;
}

} // namespace pnm
