// The CSV export's columns (what the table shows) and one RFC 4180 line per request. Stateless.
#pragma once

#include "ingest/recordedrequest.h"

#include <QByteArray>

namespace pnm {

class CsvRow
{
public:
    // The header line, CRLF-terminated.
    static QByteArray header();
    static QByteArray line(const RecordedRequest &request);
    // Quotes a field when it holds a comma, quote, CR or LF (RFC 4180 section 2).
    static QByteArray field(const QString &text);
};

} // namespace pnm
