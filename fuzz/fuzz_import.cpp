// libFuzzer target: arbitrary bytes as a JSON session export, an NDJSON export and a HAR file
// through SessionImporter into one temporary session, the way `--session FILE --import IN` does.
// Checks what the importer promises: a file it reads goes in whole (imported + duplicates = what
// it read), and importing the same file again adds nothing. The session lives in one reused
// folder (in /dev/shm when there is one, so commits cost no disk flush) and is removed after
// every input.
#include "store/sessionimporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>

namespace {
// The vectors' key (../shared/vectors): seeds made from them verify, so the verifier runs too.
const QByteArray kSecret = "zumyyYWqv7KR2kUqvYdq4z4sXg7XTBD2ljT6";

QTemporaryDir &workDir()
{
    // SessionWriter opens QSQLITE, whose driver is a plugin found through the application.
    static int argc = 1;
    static char name[] = "fuzz_import";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app =
        QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
    static QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
                                 ? QStringLiteral("/dev/shm/pnm-fuzz-import-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/pnm-fuzz-import-XXXXXX"));
    return dir;
}

void removeSession(const QString &sessionPath)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".lock"})
        QFile::remove(sessionPath + QLatin1String(suffix));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QTemporaryDir &dir = workDir();
    if (!dir.isValid())
        __builtin_trap();
    const QString input = dir.filePath(QStringLiteral("input"));
    const QString session = dir.filePath(QStringLiteral("fuzz.pnmsession"));
    {
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
            __builtin_trap();
    }
    pnm::ImportOptions options;
    options.keys.insert(QStringLiteral("plugnmeet"), kSecret);
    for (const pnm::ExportFormat format :
         {pnm::ExportFormat::Json, pnm::ExportFormat::Ndjson, pnm::ExportFormat::Har}) {
        options.format = format;
        QList<pnm::RecordedRequest> requests;
        QString error;
        const bool readable = pnm::SessionImporter::readFile(input, format, &requests, &error);
        if (readable != error.isEmpty())
            __builtin_trap(); // an error exactly when the file is refused
        const pnm::ImportResult first = pnm::SessionImporter::importInto(session, input, options);
        if (first.ok != readable)
            __builtin_trap();
        if (!first.ok) {
            if (first.imported != 0 || first.error.isEmpty())
                __builtin_trap(); // a refused file adds nothing, and says why
            continue;
        }
        if (first.imported + first.duplicates != quint64(requests.size()))
            __builtin_trap();
        const pnm::ImportResult again = pnm::SessionImporter::importInto(session, input, options);
        if (!again.ok || again.imported != 0 || again.duplicates != quint64(requests.size()))
            __builtin_trap(); // everything in it is already there
        removeSession(session);
    }
    QFile::remove(input);
    return 0;
}
