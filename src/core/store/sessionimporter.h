// Reads JSON (session format), NDJSON and HAR files into a session: every request is checked
// again with the current keys as of when it was received, and requests already in the session
// are recognised and skipped. Synchronous: run it on a worker thread or from the command line.
#pragma once

#include "ingest/recordedrequest.h"
#include "store/exportformat.h"
#include "verify/keyring.h"

#include <QList>
#include <atomic>
#include <functional>
#include <optional>

namespace pnm {

struct ImportOptions
{
    std::optional<ExportFormat> format; // nullopt: from the file name
    KeyRing keys;                       // empty: keep the verdict the file recorded
    qint64 leewaySecs = 60;
    // Requests stored so far of those to add, from the thread that imports (after the file is
    // read; it is not called while it is parsed).
    std::function<void(quint64 done, quint64 total)> progress;
    // Set to stop: what is stored by then stays (importing the file again adds the rest, since
    // the requests already there are recognised).
    const std::atomic_bool *cancel = nullptr;
};

struct ImportResult
{
    bool ok = false;
    quint64 imported = 0;
    quint64 duplicates = 0;
    bool cancelled = false; // then `imported` of the file's requests were added
    QString error;          // names the file and the place in it
};

class SessionImporter
{
public:
    // Parses a whole file; false with *error ("FILE:LINE:COLUMN: ...", "FILE: requests[4]: ...")
    // at the first problem. Nothing is written.
    static bool readFile(const QString &path, ExportFormat format, QList<RecordedRequest> *requests,
                         QString *error);
    // Reads `filePath`, then appends what is new to the session at `sessionPath` (created if
    // absent). A file with any error adds nothing; what the session held stays as it was. At most
    // kInFlight requests wait for the store at a time, so a cancel takes effect within them.
    static constexpr quint64 kInFlight = 2048;
    static ImportResult importInto(const QString &sessionPath, const QString &filePath,
                                   const ImportOptions &options);
};

} // namespace pnm
