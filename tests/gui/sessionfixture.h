// Session files for the GUI tests, made with the store API, and a reader that counts the
// requests in an exported file of any format.
#pragma once

#include "events/eventdecoder.h"
#include "store/exportformat.h"
#include "store/sessionwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pnm::test {

// A folder six long names deep under `base`, created: a session path long enough to set a
// window's width if anything shows it whole. Empty if it cannot be made.
inline QString deepFolder(const QString &base)
{
    QString folder = base;
    for (int level = 0; level < 6; ++level)
        folder += QStringLiteral("/a-rather-long-folder-name-for-level-%1").arg(level);
    return QDir().mkpath(folder) ? folder : QString();
}

inline RecordedRequest sessionRequest(quint64 seq, const QString &event, const QString &roomId)
{
    RecordedRequest r;
    r.seq = seq;
    r.receivedAtMs = 1767222000000 + qint64(seq) * 1000;
    r.remoteAddress = QStringLiteral("127.0.0.1");
    r.remotePort = 40000;
    r.method = "POST";
    r.target = "/webhook";
    r.headers = {{"Content-Type", "application/json"}, {"X-Seq", QByteArray::number(seq)}};
    r.body = QStringLiteral("{\"event\":\"%1\",\"id\":\"ev-%2\",\"room\":{\"sid\":\"S-%3\","
                            "\"room_id\":\"%3\"}}")
                 .arg(event)
                 .arg(seq)
                 .arg(roomId)
                 .toUtf8();
    r.status = 200;
    r.event = EventDecoder::decode(r.body);
    return r;
}

// Rows alternate between room-a (odd seq) and room-b (even seq).
inline bool writeSession(const QString &path, int rows, QString *error)
{
    SessionWriter writer;
    if (!writer.open({path}, {}, error))
        return false;
    for (int seq = 1; seq <= rows; ++seq)
        writer.append(sessionRequest(quint64(seq),
                                     seq % 2 ? QStringLiteral("room_started")
                                             : QStringLiteral("participant_joined"),
                                     seq % 2 ? QStringLiteral("room-a") : QStringLiteral("room-b")),
                      {});
    writer.close();
    return true;
}

// How many requests an exported file holds; -1 when it is not what its format promises.
inline int exportedCount(const QString &path, ExportFormat format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray bytes = file.readAll();
    switch (format) {
    case ExportFormat::Json: {
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        if (root.value(QLatin1String("format")).toString() != QLatin1String("pnm-webhook-session"))
            return -1;
        return int(root.value(QLatin1String("requests")).toArray().size());
    }
    case ExportFormat::Ndjson: {
        int count = 0;
        for (const QByteArray &line : bytes.split('\n')) {
            if (line.isEmpty())
                continue;
            if (!QJsonDocument::fromJson(line).isObject())
                return -1;
            ++count;
        }
        return count;
    }
    case ExportFormat::Csv:
        // A header line, then one CRLF-terminated line per request (no body, so no newlines).
        return int(bytes.count("\r\n")) - 1;
    case ExportFormat::Har: {
        const QJsonObject log =
            QJsonDocument::fromJson(bytes).object().value(QLatin1String("log")).toObject();
        if (log.value(QLatin1String("version")).toString() != QLatin1String("1.2"))
            return -1;
        return int(log.value(QLatin1String("entries")).toArray().size());
    }
    }
    return -1;
}

} // namespace pnm::test
