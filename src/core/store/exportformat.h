// The file formats a session can be exported to or imported from. Plain enum with its names.
#pragma once

#include <QString>
#include <optional>

namespace pnm {

enum class ExportFormat
{
    Json,
    Ndjson,
    Csv,
    Har
};

// "json", "ndjson", "csv", "har".
QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(QStringView name);
// From a file name's extension (.json, .ndjson or .jsonl, .csv, .har); nullopt when unknown.
std::optional<ExportFormat> exportFormatForPath(const QString &path);

} // namespace pnm
