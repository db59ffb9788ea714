#include "store/sessionreader.h"

#include "store/requestrow.h"

#include <QSqlError>
#include <QSqlQuery>

namespace pnm {

bool SessionReader::open(const QString &path, QString *error)
{
    return m_db.open(path, SessionDatabase::Mode::ReadOnly, error);
}

bool SessionReader::queryFailed(const QSqlQuery &query, QString *error)
{
    if (error)
        *error = QStringLiteral("%1: %2").arg(m_db.path(), query.lastError().text());
    return false;
}

quint64 SessionReader::count(QString *error)
{
    QSqlQuery query(m_db.db());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM requests")) || !query.next()) {
        queryFailed(query, error);
        return 0;
    }
    return query.value(0).toULongLong();
}

QList<RecordedRequest> SessionReader::readBatch(quint64 afterSeq, int limit, QString *error,
                                                RequestRow::Detail detail)
{
    QList<RecordedRequest> rows;
    QSqlQuery query(m_db.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM requests WHERE seq > ? ORDER BY seq LIMIT ?")
                      .arg(RequestRow::selectColumns(detail)));
    query.addBindValue(qint64(afterSeq));
    query.addBindValue(limit);
    if (!query.exec()) {
        queryFailed(query, error);
        return rows;
    }
    rows.reserve(limit);
    while (query.next())
        rows.append(RequestRow::fromQuery(query, detail));
    if (query.lastError().isValid())
        queryFailed(query, error);
    return rows;
}

std::optional<RecordedRequest> SessionReader::request(quint64 seq, QString *error)
{
    QSqlQuery query(m_db.db());
    query.prepare(
        QStringLiteral("SELECT %1 FROM requests WHERE seq = ?").arg(RequestRow::selectColumns()));
    query.addBindValue(qint64(seq));
    if (!query.exec()) {
        queryFailed(query, error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return RequestRow::fromQuery(query);
}

bool SessionReader::containsFingerprint(const QByteArray &fingerprint, QString *error)
{
    QSqlQuery query(m_db.db());
    query.prepare(QStringLiteral("SELECT 1 FROM requests WHERE fingerprint = ? LIMIT 1"));
    query.addBindValue(fingerprint);
    if (!query.exec())
        return queryFailed(query, error);
    return query.next();
}

} // namespace pnm
