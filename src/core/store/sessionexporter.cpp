#include "store/sessionexporter.h"

#include "store/csvrow.h"
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
    QFile existing(outPath);
    constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);
    // Only a regular file is read: /dev/stdout may be the read end of our own pipe.
    if (QFileInfo(outPath).isFile() && existing.open(QIODevice::ReadOnly) &&
        existing.read(16) == kSqliteMagic)
        return QStringLiteral("%1: is an SQLite file, perhaps a session; an export does not "
                              "replace it (choose another file)")
            .arg(outPath);
    return {};
}

// Where the export goes. A regular file (or a new one) is written beside its path and renamed
// over it once complete, so a failed export leaves what was there; anything else (/dev/stdout,
// a pipe, a device) is written in place. Every write is flushed at once, so that a full disk is
// reported by its name when it happens rather than as "Unknown error" at the end.
class ExportOutput
{
public:
    explicit ExportOutput(const QString &path) : m_path(path)
    {
        const QFileInfo info(path);
        if (info.exists() && !info.isFile())
            m_device = std::make_unique<QFile>(path);
        else
            m_device = std::make_unique<QSaveFile>(path);
    }

    bool open(QString *error) { return check(m_device->open(QIODevice::WriteOnly), error); }
    bool write(const QByteArray &bytes, QString *error)
    {
        // A full disk first shows as a short write with no error; the next write names it.
        for (qsizetype done = 0; done < bytes.size();) {
            const qint64 written = m_device->write(bytes.constData() + done, bytes.size() - done);
            if (written <= 0)
                return check(false, error);
            done += qsizetype(written);
        }
        return check(m_device->flush(), error);
    }
    bool finish(QString *error)
    {
        if (auto *saved = qobject_cast<QSaveFile *>(m_device.get()))
            return check(saved->commit(), error);
        m_device->close();
        return check(m_device->error() == QFileDevice::NoError, error);
    }
    void cancel()
    {
        if (auto *saved = qobject_cast<QSaveFile *>(m_device.get()))
            saved->cancelWriting();
    }

private:
    bool check(bool ok, QString *error) const
    {
        if (!ok)
            *error = QStringLiteral("%1: %2").arg(m_path, m_device->errorString());
        return ok;
    }

    QString m_path;
    std::unique_ptr<QFileDevice> m_device;
};
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
