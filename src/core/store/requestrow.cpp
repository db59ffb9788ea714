#include "store/requestrow.h"

#include "events/eventdecoder.h"
#include "store/verificationcodec.h"
#include "verify/cryptoprimitives.h"

#include <QJsonDocument>
#include <QVariant>

namespace pnm {

QString RequestRow::selectColumns(Detail detail)
{
    return detail == Detail::Full
               ? QStringLiteral("seq, received_at_ms, remote_address, remote_port, method, "
                                "target, http_version, headers, body, body_complete, status, "
                                "protocol_error, verification")
               : QStringLiteral("seq, received_at_ms, remote_address, remote_port, method, "
                                "target, http_version, x'', body, body_complete, status, "
                                "protocol_error, verdict");
}

QString RequestRow::insertStatement()
{
    return QStringLiteral(
        "INSERT INTO requests(seq, received_at_ms, remote_address, remote_port, method, target, "
        "http_version, headers, body, body_complete, status, protocol_error, verdict, "
        "verification, event_name, event_id, fingerprint) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

void RequestRow::bind(QSqlQuery &query, const RecordedRequest &r)
{
    // QByteArray binds as a BLOB; an empty one must still be non-NULL for NOT NULL columns.
    auto blob = [](const QByteArray &bytes) { return bytes.isNull() ? QByteArray("") : bytes; };
    query.bindValue(0, qint64(r.seq));
    query.bindValue(1, r.receivedAtMs);
    query.bindValue(2, r.remoteAddress.isNull() ? QStringLiteral("") : r.remoteAddress);
    query.bindValue(3, int(r.remotePort));
    query.bindValue(4, blob(r.method));
    query.bindValue(5, blob(r.target));
    query.bindValue(6, blob(r.httpVersion));
    const QByteArray headers = headerBlock(r.headers);
    query.bindValue(7, blob(headers));
    query.bindValue(8, blob(r.body));
    query.bindValue(9, r.bodyComplete ? 1 : 0);
    query.bindValue(10, r.status);
    query.bindValue(11, r.protocolError.isNull() ? QStringLiteral("") : r.protocolError);
    query.bindValue(12, verdictName(r.verification.verdict));
    // UTF-8 bytes as they are: binding a QString would make SQLite convert from UTF-16.
    query.bindValue(13, VerificationCodec::toJsonText(r.verification));
    query.bindValue(14, r.event.event.isNull() ? QStringLiteral("") : r.event.event);
    query.bindValue(15, r.event.id.isNull() ? QStringLiteral("") : r.event.id);
    query.bindValue(16, fingerprint(r, headers));
}

RecordedRequest RequestRow::fromQuery(const QSqlQuery &query, Detail detail)
{
    RecordedRequest r;
    r.seq = query.value(0).toULongLong();
    r.receivedAtMs = query.value(1).toLongLong();
    r.remoteAddress = query.value(2).toString();
    r.remotePort = quint16(query.value(3).toUInt());
    r.method = query.value(4).toByteArray();
    r.target = query.value(5).toByteArray();
    r.httpVersion = query.value(6).toByteArray();
    r.headers = parseHeaderBlock(query.value(7).toByteArray());
    r.body = query.value(8).toByteArray();
    r.bodyComplete = query.value(9).toInt() != 0;
    r.status = query.value(10).toInt();
    r.protocolError = query.value(11).toString();
    if (detail == Detail::Full)
        r.verification = VerificationCodec::fromJson(
            QJsonDocument::fromJson(query.value(12).toByteArray()).object());
    else
        r.verification.verdict =
            verdictFromName(query.value(12).toString()).value_or(Verdict::MalformedToken);
    // As the pipeline does: a body that did not arrive whole is not decoded.
    if (r.bodyComplete)
        r.event = EventDecoder::decode(r.body);
    if (detail == Detail::Light) {
        r.body.clear();
        r.event.body = {};
    }
    return r;
}

QByteArray RequestRow::headerBlock(const HttpHeaders &headers)
{
    QByteArray block;
    for (const HttpHeaderField &field : headers.fields())
        block += field.name + ": " + field.value + "\r\n";
    return block;
}

HttpHeaders RequestRow::parseHeaderBlock(const QByteArray &block)
{
    HttpHeaders headers;
    qsizetype start = 0;
    while (start < block.size()) {
        qsizetype end = block.indexOf("\r\n", start);
        if (end < 0)
            end = block.size();
        const QByteArray line = block.mid(start, end - start);
        const qsizetype colon = line.indexOf(": ");
        if (colon >= 0)
            headers.append(line.left(colon), line.mid(colon + 2));
        else
            headers.append(line, QByteArray());
        start = end + 2;
    }
    return headers;
}

QByteArray RequestRow::fingerprint(const RecordedRequest &r)
{
    return fingerprint(r, headerBlock(r.headers));
}

QByteArray RequestRow::fingerprint(const RecordedRequest &r, const QByteArray &headerBlock)
{
    // OpenSSL rather than QCryptographicHash: this runs for every recorded request, and Qt's own
    // SHA-256 took several times as long.
    const QByteArray receivedAt = QByteArray::number(r.receivedAtMs);
    return crypto::sha256({receivedAt, "\n", r.method, " ", r.target, " ", r.httpVersion, "\r\n",
                           headerBlock, "\r\n", r.body});
}

} // namespace pnm
