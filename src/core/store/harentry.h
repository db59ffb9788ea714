// One recorded request as a HAR 1.2 entry (so HTTP Toolkit and browser tools can read a session)
// and back. What HAR has no place for goes under "_pnm". Stateless; any thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <QJsonObject>

namespace pnm {

class HarEntry
{
public:
    // The entry as compact JSON text, written directly: what QJsonDocument would write for the
    // same entry built as a QJsonObject (members sorted by name).
    static QByteArray toJsonText(const RecordedRequest &request);
    // Lenient about what other tools add or leave out; false with *error naming the first field
    // it cannot do without, relative to the entry ("request.url: ...").
    static bool fromJson(const QJsonObject &entry, RecordedRequest *request, QString *error);
};

} // namespace pnm
