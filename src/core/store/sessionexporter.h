// Writes a session file out as JSON, NDJSON, CSV or HAR, streaming it from the store in batches
// and through QSaveFile, so a failed or cancelled export leaves no half file. Synchronous: run it
// on a worker thread (SessionTask) or from the command line, never on the GUI thread.
#pragma once

#include "ingest/recordedrequest.h"
#include "store/exportformat.h"

#include <QList>
#include <atomic>
#include <functional>

namespace pnm {

struct ExportOptions
{
    ExportFormat format = ExportFormat::Json;
    bool redact = false;
    // Which requests: all by default; a selection by sequence number; and/or a predicate (the
    // window's current filter, evaluated here on the worker thread).
    QList<quint64> onlySeqs;
    std::function<bool(const RecordedRequest &)> include;
    // Called now and then with (written, total in the session); may be called often.
    std::function<void(quint64, quint64)> progress;
    const std::atomic_bool *cancel = nullptr;
};

struct ExportResult
{
    bool ok = false;
    quint64 written = 0;
    QString error; // names the file that failed
    // Requests read from the session, written or left out by the selection or filter.
    quint64 read = 0;
};

class SessionExporter
{
public:
    static constexpr int kBatchRows = 2000;
    static ExportResult exportSession(const QString &sessionPath, const QString &outPath,
                                      const ExportOptions &options);
    // The bytes one request takes in a JSON/NDJSON/HAR/CSV file (no separators). Exposed for
    // tests and for exporting rows that are not in a file (the window's in-memory rows).
    static QByteArray encode(const RecordedRequest &request, ExportFormat format);
};

} // namespace pnm
