#include "store/sessionexporter.h"

#include "store/csvrow.h"
#include "store/exportoutput.h"
#include "store/fileidentity.h"
#include "store/harentry.h"
#include "store/redactor.h"
#include "store/sessionjson.h"
#include "store/sessionprefetcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <memory>

namespace pnm {

namespace {
QByteArray opening(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QByteArray("{\"format\":\"") + SessionJson::kFormatName +
               "\",\"version\":" + QByteArray::number(SessionJson::kVersion) + ",\"requests\":[";
    case ExportFormat::Har:
        return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"pnm-webhook-monitor\","
               "\"version\":\"" +
               QCoreApplication::applicationVersion().toUtf8() + "\"},\"entries\":[";
    case ExportFormat::Csv:
        return CsvRow::header();
    case ExportFormat::Ndjson:
        return {};
    }
    return {};
}

QByteArray closing(ExportFormat format, bool any)
{
    switch (format) {
    case ExportFormat::Json:
        return any ? "\n]}\n" : "]}\n";
    case ExportFormat::Har:
        return any ? "\n]}}\n" : "]}}\n";
    default:
        return {};
    }
}
} // namespace

QByteArray SessionExporter::encode(const RecordedRequest &request, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
    case ExportFormat::Ndjson:
        return SessionJson::toJsonText(request);
    case ExportFormat::Har:
        return HarEntry::toJsonText(request);
    case ExportFormat::Csv:
        return CsvRow::line(request);
    }
    return {};
}

namespace {
// Writing the export goes through a new file renamed over `outPath`: aimed at a session file
// (the one being read, another, one a monitor is recording into) it would replace the session.
QString refusalToReplace(const QString &sessionPath, const QString &outPath)
{
    const FileIdentity out = FileIdentity::of(outPath);
    if (!out.isValid())
        return {};
    if (out == FileIdentity::of(sessionPath))
        return QStringLiteral("%1: that is the session being exported; choose another file")
            .arg(outPath);
    // Its log, index and lock: replacing the log would lose requests not yet in the file.
    for (const char *suffix : {"-wal", "-shm", ".lock"}) {
        if (out == FileIdentity::of(sessionPath + QLatin1String(suffix)))
            return QStringLiteral("%1: belongs to the session being exported; choose another file")
                .arg(outPath);
    }
    // Only a regular file is read: /dev/stdout may be the read end of our own pipe.
    QFile existing(outPath);
    if (!QFileInfo(outPath).isFile() || !existing.open(QIODevice::ReadOnly))
        return {};
    const QByteArray start = existing.read(16);
    constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);
    const bool walMagic =
        start.startsWith("\x37\x7f\x06\x82") || start.startsWith("\x37\x7f\x06\x83");
    if (start == kSqliteMagic || walMagic)
        return QStringLiteral("%1: is an SQLite file, perhaps a session or its log; an export does "
                              "not replace it (choose another file)")
            .arg(outPath);
    return {};
}
} // namespace

ExportResult SessionExporter::exportSession(const QString &sessionPath, const QString &outPath,
                                            const ExportOptions &options)
{
    ExportResult result;
    result.error = refusalToReplace(sessionPath, outPath);
    if (!result.error.isEmpty())
        return result;
    SessionPrefetcher reader;
    if (!reader.open(sessionPath, kBatchRows, &result.error))
        return result;
    const quint64 total = reader.count();

    ExportOutput file(outPath);
    if (!file.open(&result.error))
        return result;
    const QSet<quint64> selection(options.onlySeqs.cbegin(), options.onlySeqs.cend());
    // JSON and HAR put one request per line after the opening, so the file diffs and greps well.
    const bool commaSeparated =
        options.format == ExportFormat::Json || options.format == ExportFormat::Har;
    QByteArray chunk = opening(options.format);
    quint64 seen = 0;
    for (;;) {
        if (options.cancel && options.cancel->load()) {
            file.cancel();
            result.error = QStringLiteral("%1: export cancelled").arg(outPath);
            return result;
        }
        const QList<RecordedRequest> batch = reader.next(&result.error);
        if (!result.error.isEmpty()) {
            file.cancel();
            return result;
        }
        if (batch.isEmpty())
            break;
        seen += quint64(batch.size());
        result.read = seen;
        for (const RecordedRequest &stored : batch) {
            if (!selection.isEmpty() && !selection.contains(stored.seq))
                continue;
            if (options.include && !options.include(stored))
                continue;
            const RecordedRequest request = options.redact ? Redactor::redact(stored) : stored;
            if (commaSeparated)
                chunk += result.written == 0 ? "\n" : ",\n";
            chunk += encode(request, options.format);
            if (options.format == ExportFormat::Ndjson)
                chunk += '\n';
            ++result.written;
        }
        if (!file.write(chunk, &result.error)) {
            file.cancel();
            return result;
        }
        chunk.clear();
        if (options.progress)
            options.progress(seen, total);
    }
    chunk += closing(options.format, result.written > 0);
    if (!file.write(chunk, &result.error) || !file.finish(&result.error)) {
        file.cancel();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace pnm
