#include "store/sessionexporter.h"

#include "store/csvrow.h"
#include "store/fileidentity.h"
#include "store/harentry.h"
#include "store/redactor.h"
#include "store/sessionjson.h"
#include "store/sessionprefetcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QSet>

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
    QFile existing(outPath);
    constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);
    if (existing.open(QIODevice::ReadOnly) && existing.read(16) == kSqliteMagic)
        return QStringLiteral("%1: is an SQLite file, perhaps a session; an export does not "
                              "replace it (choose another file)")
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

    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("%1: %2").arg(outPath, file.errorString());
        return result;
    }
    const QSet<quint64> selection(options.onlySeqs.cbegin(), options.onlySeqs.cend());
    // JSON and HAR put one request per line after the opening, so the file diffs and greps well.
    const bool commaSeparated =
        options.format == ExportFormat::Json || options.format == ExportFormat::Har;
    QByteArray chunk = opening(options.format);
    quint64 seen = 0;
    for (;;) {
        if (options.cancel && options.cancel->load()) {
            file.cancelWriting();
            result.error = QStringLiteral("%1: export cancelled").arg(outPath);
            return result;
        }
        const QList<RecordedRequest> batch = reader.next(&result.error);
        if (!result.error.isEmpty()) {
            file.cancelWriting();
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
        if (file.write(chunk) != chunk.size()) {
            result.error = QStringLiteral("%1: %2").arg(outPath, file.errorString());
            file.cancelWriting();
            return result;
        }
        chunk.clear();
        if (options.progress)
            options.progress(seen, total);
    }
    chunk += closing(options.format, result.written > 0);
    if (file.write(chunk) != chunk.size() || !file.commit()) {
        result.error = QStringLiteral("%1: %2").arg(outPath, file.errorString());
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace pnm
