// Reads requests to re-send from a file (pnm-webhook-send --from): a JSON array of request
// objects as in ../shared/vectors, the monitor's session export (`--export F` as json, ndjson or
// har), pnm-webhook-send --print output, or any NDJSON with one such object per line. Each
// object needs `body` (exact text; base64 when `body_encoding` says so) or `body_base64`;
// `headers` may be an object or a list of [name, value] pairs / {name, value} objects.
// The headless monitor's live output has no bodies and cannot be re-sent. A value-type parser.
#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace pnm {

struct ReplayRecord
{
    QString event, id; // from the object, else from the body; for progress output
    HttpHeaders headers;
    QByteArray body;
};

struct ReplayFile
{
    QList<ReplayRecord> records;
    QStringList errors; // "line 3: no body" ...; records that had them are skipped

    static ReplayFile parse(const QByteArray &data);
};

} // namespace pnm
