#include "store/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace pnm {

namespace {
// A non-null pointer for empty values: SQLite binds a null pointer as NULL, which the NOT NULL
// columns refuse.
const char kEmpty[] = "";

const char *bytesOf(QByteArrayView bytes)
{
    return bytes.isEmpty() ? kEmpty : bytes.data();
}
} // namespace

SqliteStatement::~SqliteStatement()
{
    finalize();
}

void SqliteStatement::finalize()
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_connection = nullptr;
}

bool SqliteStatement::prepare(const QSqlDatabase &database, QByteArrayView sql, QString *error)
{
    finalize();
    // The QSQLITE driver's handle is a sqlite3* (QSqlDriver::handle()).
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *error = QStringLiteral("not an SQLite connection");
        return false;
    }
    m_connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (sqlite3_prepare_v3(m_connection, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_statement, nullptr) != SQLITE_OK) {
        *error = lastError();
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return false;
    }
    return true;
}

void SqliteStatement::bindInteger(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bindText(int index, QByteArrayView utf8)
{
    sqlite3_bind_text64(m_statement, index, bytesOf(utf8), sqlite3_uint64(utf8.size()),
                        SQLITE_STATIC, SQLITE_UTF8);
}

void SqliteStatement::bindBlob(int index, QByteArrayView bytes)
{
    sqlite3_bind_blob64(m_statement, index, bytesOf(bytes), sqlite3_uint64(bytes.size()),
                        SQLITE_STATIC);
}

bool SqliteStatement::run(QString *error)
{
    return run(nullptr, error);
}

bool SqliteStatement::run(QList<quint64> *values, QString *error)
{
    int status = sqlite3_step(m_statement);
    for (; status == SQLITE_ROW; status = sqlite3_step(m_statement)) {
        if (values)
            values->append(quint64(sqlite3_column_int64(m_statement, 0)));
    }
    const bool ok = status == SQLITE_DONE;
    if (!ok)
        *error = lastError();
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return ok;
}

QString SqliteStatement::lastError() const
{
    return QString::fromUtf8(m_connection ? sqlite3_errmsg(m_connection) : "no connection");
}

} // namespace pnm
