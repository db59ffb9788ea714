#include "sessionrows.h"

#include "store/sessionreader.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace pnm::test {

bool insertRows(const QSqlDatabase &db, quint64 first, quint64 last, const QString &receivedAtSql,
                QString *error)
{
    QSqlQuery query(db);
    const QString sql =
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM n WHERE i < %2) "
            "INSERT INTO requests(seq, received_at_ms, remote_address, remote_port, method, "
            "target, http_version, headers, body, body_complete, status, protocol_error, "
            "verdict, verification, event_name, event_id, fingerprint) "
            "SELECT i, %3, '127.0.0.1', 40000, 'POST', '/', 'HTTP/1.1', '', "
            "'{\"event\":\"room_started\"}', 1, 200, '', 'unverified', '{}', 'room_started', "
            "'e-' || i, randomblob(32) FROM n")
            .arg(first)
            .arg(last)
            .arg(receivedAtSql);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

qint64 readNumber(const QString &path, const QString &sql)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("read-number-%1").arg(counter.fetchAndAddRelaxed(1));
    qint64 number = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                number = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return number;
}

qint64 countRows(const QString &path)
{
    return readNumber(path, QStringLiteral("SELECT count(*) FROM requests"));
}

QHash<QString, quint64> readEventSeqs(const QString &path, QString *error)
{
    SessionReader reader;
    if (!reader.open(path, error) || !reader.checkIntegrity(error))
        return {};
    QHash<QString, quint64> seqs;
    quint64 after = 0;
    for (;;) {
        QString why;
        const QList<RecordedRequest> batch = reader.readBatch(after, 1000, &why);
        if (!why.isEmpty()) {
            *error = why;
            return {};
        }
        if (batch.isEmpty())
            return seqs;
        for (const RecordedRequest &request : batch)
            seqs.insert(request.event.id, request.seq);
        after = batch.constLast().seq;
    }
}

} // namespace pnm::test
