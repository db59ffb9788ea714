// One prepared SQLite statement on the connection behind a QSqlDatabase (the QSQLITE driver's own
// handle), bound and run through SQLite's C API. For the statements that run for every recorded
// request: Qt's binding goes through a QVariant per column and hands text to SQLite as UTF-16,
// and BEGIN/COMMIT were parsed again for every transaction; together a tenth of the writer's CPU.
// Use it on the thread that owns the connection, and drop it before the connection closes.
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace pnm {

class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // False (with SQLite's reason) when the database is not SQLite or the SQL does not compile.
    bool prepare(const QSqlDatabase &database, QByteArrayView sql, QString *error);
    bool isPrepared() const { return m_statement != nullptr; }
    // Frees the statement (before its connection closes).
    void finalize();

    // Parameters count from 1, as in SQL. Bound bytes are not copied: they must stay unchanged
    // until run() returns.
    void bindInteger(int index, qint64 value);
    void bindText(int index, QByteArrayView utf8);
    void bindBlob(int index, QByteArrayView bytes);

    // Runs the statement to its end, then resets it and clears its bindings for the next run.
    bool run(QString *error);
    // The same, appending the first column of every row it returns (a RETURNING clause) to
    // `values` as integers.
    bool run(QList<quint64> *values, QString *error);

private:
    QString lastError() const;

    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace pnm
