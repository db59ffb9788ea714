#include "store/requestrow.h"

#include "events/eventdecoder.h"
#include "store/sqlitestatement.h"
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

QByteArray RequestRow::insertStatement()
{
    return QByteArrayLiteral(
        "INSERT INTO requests(seq, received_at_ms, remote_address, remote_port, method, target, "
        "http_version, headers, body, body_complete, status, protocol_error, verdict, "
        "verification, event_name, event_id, fingerprint) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

bool RequestRow::insert(SqliteStatement &statement, const RecordedRequest &r, QString *error)
{
    // Everything bound stays alive here until run() returns (SqliteStatement does not copy).
    const QByteArray remoteAddress = r.remoteAddress.toUtf8();
    const QByteArray headers = headerBlock(r.headers);
    const QByteArray protocolError = r.protocolError.toUtf8();
    const QByteArray verdict = verdictName(r.verification.verdict).toUtf8();
    // A valid verdict's token facts are read again from the stored headers and body.
    const QByteArray verification = VerificationCodec::toRowText(
        r.verification, r.bodyComplete && r.verification.bodyBytes == r.body.size());
    const QByteArray eventName = r.event.event.toUtf8();
    const QByteArray eventId = r.event.id.toUtf8();
    const QByteArray requestFingerprint = fingerprint(r, headers);
    statement.bindInteger(1, qint64(r.seq));
    statement.bindInteger(2, r.receivedAtMs);
    statement.bindText(3, remoteAddress);
    statement.bindInteger(4, r.remotePort);
    statement.bindBlob(5, r.method);
    statement.bindBlob(6, r.target);
    statement.bindBlob(7, r.httpVersion);
    statement.bindBlob(8, headers);
    statement.bindBlob(9, r.body);
    statement.bindInteger(10, r.bodyComplete ? 1 : 0);
    statement.bindInteger(11, r.status);
    statement.bindText(12, protocolError);
    statement.bindText(13, verdict);
    statement.bindText(14, verification);
    statement.bindText(15, eventName);
    statement.bindText(16, eventId);
    statement.bindBlob(17, requestFingerprint);
    return statement.run(error);
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
        r.verification = VerificationCodec::fromRow(
            QJsonDocument::fromJson(query.value(12).toByteArray()).object(), r.headers, r.body);
    else
        r.verification.verdict =
            verdictFromName(query.value(12).toString()).value_or(Verdict::MalformedToken);
    // As the pipeline does: a body that did not arrive whole is not decoded.
    if (r.bodyComplete)
        r.event = EventDecoder::decode(r.body);
    if (detail == Detail::Light) {
        r.leftOutBodySize = r.body.size(); // the table's Size column
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
