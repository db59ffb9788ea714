#include "store/csvrow.h"

#include "store/sessionjson.h"

#include <QStringList>

namespace pnm {

QByteArray CsvRow::header()
{
    return "seq,received_at,remote,method,target,status,verification,event,event_id,room_id,"
           "room_title,participant_identity,participant_name,body_bytes,error\r\n";
}

QByteArray CsvRow::field(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\r') &&
        !bytes.contains('\n'))
        return bytes;
    bytes.replace('"', "\"\"");
    return '"' + bytes + '"';
}

QByteArray CsvRow::line(const RecordedRequest &r)
{
    const QString remote = r.remoteAddress.contains(':')
                               ? QStringLiteral("[%1]:%2").arg(r.remoteAddress).arg(r.remotePort)
                               : QStringLiteral("%1:%2").arg(r.remoteAddress).arg(r.remotePort);
    const QStringList fields{
        QString::number(r.seq),
        SessionJson::formatTime(r.receivedAtMs),
        remote,
        QString::fromLatin1(r.method),
        r.targetText(),
        QString::number(r.status),
        verdictName(r.verification.verdict),
        r.event.event,
        r.event.id,
        r.event.room ? r.event.room->roomId : QString(),
        r.event.room ? r.event.room->title : QString(),
        r.event.participant ? r.event.participant->identity : QString(),
        r.event.participant ? r.event.participant->name : QString(),
        QString::number(r.body.size()),
        r.protocolError,
    };
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += field(fields.at(i));
    }
    return out + "\r\n";
}

} // namespace pnm
