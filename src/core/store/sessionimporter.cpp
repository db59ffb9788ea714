#include "store/sessionimporter.h"

#include "store/harentry.h"
#include "store/requestrow.h"
#include "store/sessionjson.h"
#include "store/sessionreader.h"
#include "store/sessionwriter.h"
#include "verify/webhookverifier.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <limits>

namespace pnm {

namespace {
// "line:column" (1-based) of a byte offset, for parse errors a person can go to.
QString place(const QByteArray &data, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, data.size());
    const QByteArrayView before(data.constData(), offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lastBreak = before.lastIndexOf('\n');
    return QStringLiteral("%1:%2").arg(line).arg(offset - lastBreak);
}

bool parseJson(const QString &path, const QByteArray &data, QJsonObject *object, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1:%2: not valid JSON: %3")
                     .arg(path, place(data, parseError.offset), parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1: expected a JSON object at the top").arg(path);
        return false;
    }
    *object = document.object();
    return true;
}

bool readSessionJson(const QString &path, const QByteArray &data, QList<RecordedRequest> *out,
                     QString *error)
{
    QJsonObject top;
    if (!parseJson(path, data, &top, error))
        return false;
    if (top.value("format").toString() != QLatin1String(SessionJson::kFormatName)) {
        *error = QStringLiteral("%1: not a pnm-webhook-monitor session export (\"format\" is not "
                                "\"%2\")")
                     .arg(path, QLatin1String(SessionJson::kFormatName));
        return false;
    }
    const QJsonValue versionValue = top.value("version");
    const std::optional<qint64> version =
        SessionJson::wholeNumber(versionValue, 1, std::numeric_limits<int>::max());
    if (!version) {
        *error =
            versionValue.isUndefined()
                ? QStringLiteral("%1: field \"version\" is missing").arg(path)
                : QStringLiteral("%1: field \"version\" must be a whole number, not %2")
                      .arg(path, versionValue.isString() ? u'"' + versionValue.toString() + u'"'
                                                         : versionValue.toVariant().toString());
        return false;
    }
    if (*version > SessionJson::kVersion) {
        *error = QStringLiteral("%1: session format version %2; this program reads version %3")
                     .arg(path)
                     .arg(*version)
                     .arg(SessionJson::kVersion);
        return false;
    }
    if (!top.value("requests").isArray()) {
        *error = QStringLiteral("%1: \"requests\" is missing or not an array").arg(path);
        return false;
    }
    const QJsonArray requests = top.value("requests").toArray();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        RecordedRequest request;
        QString why = requests.at(i).isObject() ? QString() : QStringLiteral("not an object");
        if (why.isEmpty())
            SessionJson::fromJson(requests.at(i).toObject(), &request, &why);
        if (!why.isEmpty()) {
            *error = QStringLiteral("%1: requests[%2]: %3").arg(path).arg(i).arg(why);
            return false;
        }
        out->append(request);
    }
    return true;
}

bool readNdjson(const QString &path, const QByteArray &data, QList<RecordedRequest> *out,
                QString *error)
{
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("%1:%2:%3: not valid JSON: %4")
                         .arg(path)
                         .arg(i + 1)
                         .arg(parseError.offset + 1)
                         .arg(parseError.errorString());
            return false;
        }
        RecordedRequest request;
        QString why = document.isObject() ? QString() : QStringLiteral("not a JSON object");
        if (why.isEmpty())
            SessionJson::fromJson(document.object(), &request, &why);
        if (!why.isEmpty()) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(i + 1).arg(why);
            return false;
        }
        out->append(request);
    }
    return true;
}

bool readHar(const QString &path, const QByteArray &data, QList<RecordedRequest> *out,
             QString *error)
{
    QJsonObject top;
    if (!parseJson(path, data, &top, error))
        return false;
    const QJsonValue entries = top.value("log").toObject().value("entries");
    if (!entries.isArray()) {
        *error = QStringLiteral("%1: not a HAR file (no log.entries array)").arg(path);
        return false;
    }
    const QJsonArray list = entries.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        RecordedRequest request;
        QString why = list.at(i).isObject() ? QString() : QStringLiteral("not an object");
        if (why.isEmpty())
            HarEntry::fromJson(list.at(i).toObject(), &request, &why);
        if (!why.isEmpty()) {
            *error = QStringLiteral("%1: log.entries[%2].%3").arg(path).arg(i).arg(why);
            return false;
        }
        out->append(request);
    }
    return true;
}
} // namespace

bool SessionImporter::readFile(const QString &path, ExportFormat format,
                               QList<RecordedRequest> *requests, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    switch (format) {
    case ExportFormat::Json:
        return readSessionJson(path, data, requests, error);
    case ExportFormat::Ndjson:
        return readNdjson(path, data, requests, error);
    case ExportFormat::Har:
        return readHar(path, data, requests, error);
    case ExportFormat::Csv:
        break;
    }
    *error = QStringLiteral("%1: CSV holds only the table's columns and cannot be imported; use "
                            "JSON, NDJSON or HAR")
                 .arg(path);
    return false;
}

ImportResult SessionImporter::importInto(const QString &sessionPath, const QString &filePath,
                                         const ImportOptions &options)
{
    ImportResult result;
    const std::optional<ExportFormat> format =
        options.format ? options.format : exportFormatForPath(filePath);
    if (!format) {
        result.error = QStringLiteral("%1: cannot tell the format from the name; give it "
                                      "(json, ndjson or har)")
                           .arg(filePath);
        return result;
    }
    const auto cancelled = [&options] { return options.cancel && options.cancel->load(); };
    QList<RecordedRequest> requests;
    if (!readFile(filePath, *format, &requests, &result.error))
        return result;
    if (cancelled()) {
        result.cancelled = true;
        result.error = QStringLiteral("%1: import cancelled; nothing was added").arg(filePath);
        return result;
    }

    SessionWriter writer;
    SessionStoreOptions storeOptions{sessionPath};
    storeOptions.indexFingerprints = true; // each imported request is looked up by it
    if (!writer.open(storeOptions, {}, &result.error))
        return result;
    SessionReader reader;
    if (!reader.open(sessionPath, &result.error))
        return result;

    // Keep the file's numbers when they can be kept (an empty session, increasing numbers), so
    // export -> import -> export gives the same bytes; otherwise number after the session.
    bool keepNumbers = writer.countAtOpen() == 0;
    for (qsizetype i = 0; keepNumbers && i < requests.size(); ++i)
        keepNumbers = requests.at(i).seq > (i == 0 ? 0 : requests.at(i - 1).seq);
    quint64 nextSeq = writer.lastSequenceAtOpen() + 1;

    const WebhookVerifier verifier(options.keys, options.leewaySecs);
    QSet<QByteArray> seen;
    std::atomic<quint64> stored{0};
    std::atomic<quint64> completed{0}; // stored or not
    const auto total = quint64(requests.size());
    constexpr quint64 kProgressEvery = 1024;
    const auto report = [&] {
        if (options.progress)
            options.progress(result.duplicates + completed.load(), total);
    };
    report();
    for (RecordedRequest &request : requests) {
        if (cancelled()) {
            result.cancelled = true;
            break;
        }
        if ((result.duplicates + result.imported) % kProgressEvery == 0)
            report();
        // The writer commits in the background; wait while too many are queued for it.
        for (quint64 done = completed.load(); result.imported - done >= kInFlight;
             done = completed.load())
            completed.wait(done);
        const QByteArray fingerprint = RequestRow::fingerprint(request);
        if (seen.contains(fingerprint) || reader.containsFingerprint(fingerprint)) {
            ++result.duplicates;
            continue;
        }
        seen.insert(fingerprint);
        // Checked as of when it arrived, so an old token is judged as it was then.
        if (!options.keys.isEmpty() && !request.method.isEmpty())
            request.verification =
                verifier.verify(request.headers, request.body, request.receivedAtMs / 1000);
        if (!keepNumbers)
            request.seq = nextSeq++;
        writer.append(request, [&stored, &completed](bool ok) {
            stored += ok ? 1 : 0;
            ++completed;
            completed.notify_one();
        });
        ++result.imported;
    }
    reader.close();
    writer.close();
    report();
    if (result.cancelled) {
        result.imported = stored;
        result.error = QStringLiteral("%1: import cancelled after %2 of its %3 requests were "
                                      "added (importing it again adds the rest: requests already "
                                      "in the session are recognised)")
                           .arg(filePath)
                           .arg(result.imported)
                           .arg(total);
        return result;
    }
    if (stored != result.imported) {
        result.error = QStringLiteral("%1: only %2 of %3 requests could be stored")
                           .arg(sessionPath)
                           .arg(stored.load())
                           .arg(result.imported);
        result.imported = stored;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace pnm
