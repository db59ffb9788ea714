#include "store/exportformat.h"

#include <QFileInfo>

namespace pnm {

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Ndjson:
        return QStringLiteral("ndjson");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Har:
        return QStringLiteral("har");
    }
    return QStringLiteral("json");
}

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    for (ExportFormat format :
         {ExportFormat::Json, ExportFormat::Ndjson, ExportFormat::Csv, ExportFormat::Har}) {
        if (name.compare(exportFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.compare(QLatin1String("jsonl"), Qt::CaseInsensitive) == 0)
        return ExportFormat::Ndjson;
    return exportFormatFromName(suffix);
}

} // namespace pnm
