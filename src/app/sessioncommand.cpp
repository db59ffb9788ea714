#include "sessioncommand.h"

#include "events/eventfilterexpression.h"
#include "store/sessionexporter.h"
#include "store/sessionimporter.h"

namespace pnm {

namespace {
void note(std::FILE *err, const QString &text)
{
    std::fputs(qPrintable(QStringLiteral("pnm-webhook-monitor: %1\n").arg(text)), err);
}
} // namespace

int SessionCommand::run(const MonitorOptions &options, std::FILE *err)
{
    const SessionOptions &session = options.session;
    const std::optional<ExportFormat> chosen =
        session.format.isEmpty() ? std::nullopt : exportFormatFromName(session.format);
    for (const QString &path : session.importPaths) {
        ImportOptions importOptions;
        importOptions.format = chosen;
        importOptions.keys = options.ingest.keys;
        importOptions.leewaySecs = options.ingest.leewaySecs;
        const ImportResult result =
            SessionImporter::importInto(session.sessionPath, path, importOptions);
        if (!result.ok) {
            note(err, result.error);
            return 1;
        }
        note(err, QStringLiteral("imported %1 requests from %2 into %3 (%4 already there)%5")
                      .arg(result.imported)
                      .arg(path, session.sessionPath)
                      .arg(result.duplicates)
                      .arg(importOptions.keys.isEmpty()
                               ? QStringLiteral("; no keys given, so verdicts are as recorded")
                               : QString()));
    }
    if (session.exportPath.isEmpty())
        return 0;
    ExportOptions exportOptions;
    exportOptions.format =
        chosen ? *chosen : exportFormatForPath(session.exportPath).value_or(ExportFormat::Json);
    exportOptions.redact = session.redact;
    if (!session.filter.isEmpty()) {
        QString error; // already checked by SessionOptions::read
        const EventFilter filter =
            parseEventFilterExpression(session.filter, &error).value_or(EventFilter{});
        exportOptions.include = [filter](const RecordedRequest &request) {
            return filter.matches(
                {request.event.event, request.event.room ? request.event.room->roomId : QString(),
                 request.verification.verdict, EventFilter::searchableFields(request.event)});
        };
    }
    const ExportResult result =
        SessionExporter::exportSession(session.openPath, session.exportPath, exportOptions);
    if (!result.ok) {
        note(err, result.error);
        return 1;
    }
    // With a filter, how many it left out: a mistyped word matches nothing and is not an error.
    const QString filtered =
        session.filter.isEmpty()
            ? QString()
            : QStringLiteral("; the filter matched %1 of %2 requests%3")
                  .arg(result.written)
                  .arg(result.read)
                  .arg(result.written == 0 && result.read > 0
                           ? QStringLiteral(" (words other than event:, room: and verdict: are "
                                            "searched for as text)")
                           : QString());
    note(err, QStringLiteral("exported %1 request%2 from %3 to %4 (%5)%6")
                  .arg(result.written)
                  .arg(result.written == 1 ? "" : "s")
                  .arg(session.openPath, session.exportPath, exportFormatName(exportOptions.format),
                       filtered));
    return 0;
}

} // namespace pnm
