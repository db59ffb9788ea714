// Reads requests to re-send from a file (pnm-webhook-send --from): a JSON array of request
// objects as in ../shared/vectors, or NDJSON with one such object per line (the monitor's
// headless output when it carries the body). Each object needs `body` (exact text) or
// `body_base64`; `headers` may be an object or a list of [name, value] pairs / {name, value}
// objects. A value-type parser; no I/O beyond the bytes it is given.
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
