// Reads JSON (session format), NDJSON and HAR files into a session: every request is checked
// again with the current keys as of when it was received, and requests already in the session
// are recognised and skipped. Synchronous: run it on a worker thread or from the command line.
#pragma once

#include "ingest/recordedrequest.h"
#include "store/exportformat.h"
#include "verify/keyring.h"

#include <QList>
#include <atomic>
#include <optional>

namespace pnm {

struct ImportOptions
{
    std::optional<ExportFormat> format; // nullopt: from the file name
    KeyRing keys;                       // empty: keep the verdict the file recorded
    qint64 leewaySecs = 60;
};

struct ImportResult
{
    bool ok = false;
    quint64 imported = 0;
    quint64 duplicates = 0;
    QString error; // names the file and the place in it
};

class SessionImporter
{
public:
    // Parses a whole file; false with *error ("FILE:LINE:COLUMN: ...", "FILE: requests[4]: ...")
    // at the first problem. Nothing is written.
    static bool readFile(const QString &path, ExportFormat format, QList<RecordedRequest> *requests,
                         QString *error);
    // Reads `filePath`, then appends what is new to the session at `sessionPath` (created if
    // absent). A file with any error adds nothing; what the session held stays as it was.
    static ImportResult importInto(const QString &sessionPath, const QString &filePath,
                                   const ImportOptions &options);
};

} // namespace pnm
