// How a RecordedRequest maps onto a row of the session's `requests` table, and the encodings that
// go with it (the header block, the duplicate fingerprint). Stateless; any thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <QSqlQuery>

namespace pnm {

class SqliteStatement;

class RequestRow
{
public:
    // Light rows are what a table needs: no headers, the verdict without its steps, the event
    // decoded but the body dropped. About half the work of a full row per request.
    enum class Detail
    {
        Full,
        Light
    };

    // Column list shared by SELECTs so fromQuery() can read by position.
    static QString selectColumns(Detail detail = Detail::Full);
    static QByteArray insertStatement();
    // Runs `statement` (prepared from insertStatement()) for `request`.
    static bool insert(SqliteStatement &statement, const RecordedRequest &request, QString *error);
    // Reads a row selected with selectColumns(); the event is decoded again from the body.
    static RecordedRequest fromQuery(const QSqlQuery &query, Detail detail = Detail::Full);

    // "Name: value\r\n" per field, in order and casing as received. Exact both ways, since a
    // field name never holds ':' and the parser never lets CR or LF into a value.
    static QByteArray headerBlock(const HttpHeaders &headers);
    static HttpHeaders parseHeaderBlock(const QByteArray &block);
    // SHA-256 of what arrived (time, request line, headers, body): equal fingerprints are the
    // same request seen twice, as when one export is imported again.
    static QByteArray fingerprint(const RecordedRequest &request);
    // The same, reusing a headerBlock() already made for the request.
    static QByteArray fingerprint(const RecordedRequest &request, const QByteArray &headerBlock);
};

} // namespace pnm
