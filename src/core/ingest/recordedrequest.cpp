#include "ingest/recordedrequest.h"

#include <QDateTime>
#include <QJsonArray>

namespace pnm {

QJsonObject RecordedRequest::toJson() const
{
    QJsonObject line;
    line.insert("seq", qint64(seq));
    line.insert("received_at",
                QDateTime::fromMSecsSinceEpoch(receivedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    line.insert("remote", remoteAddress.contains(':')
                              ? QStringLiteral("[%1]:%2").arg(remoteAddress).arg(remotePort)
                              : QStringLiteral("%1:%2").arg(remoteAddress).arg(remotePort));
    line.insert("method", QString::fromLatin1(method));
    line.insert("path", QString::fromUtf8(target));
    line.insert("status", status);
    line.insert("body_bytes", body.size());
    if (!protocolError.isEmpty())
        line.insert("error", protocolError);
    // The decoded summary contributes event, id, created_at, room, participant, track, ...
    const QJsonObject summary = event.toSummaryJson();
    for (auto it = summary.begin(); it != summary.end(); ++it)
        line.insert(it.key(), it.value());
    line.insert("verification", verification.toJson());
    return line;
}

} // namespace pnm
