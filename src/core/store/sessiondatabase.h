// One Qt SQL connection to a session file (SQLite, WAL) with the schema of session format
// version 2 (docs/session-format.md). A connection belongs to the thread that opened it.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace pnm {

class SessionDatabase
{
public:
    // 2: a valid verdict's row may leave its token facts to be read from the request again
    // ("facts_derived"); version 1 programs would show such rows without them, so they refuse it.
    static constexpr int kFormatVersion = 2;
    // PRAGMA application_id: "PNMS", so a session is told apart from any other SQLite file.
    static constexpr int kApplicationId = 0x504E4D53;
    enum class Mode
    {
        Create,
        ReadOnly
    };

    SessionDatabase() = default;
    ~SessionDatabase();
    SessionDatabase(const SessionDatabase &) = delete;
    SessionDatabase &operator=(const SessionDatabase &) = delete;

    // Create: makes the file and schema if absent, checks an existing one (and marks an older
    // version's file as this version: it is about to get rows of this one), syncs every commit.
    // ReadOnly: the file must exist and be a session this version understands; nothing is written.
    bool open(const QString &path, Mode mode, QString *error);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }
    const QString &path() const { return m_path; }

    // Runs one statement; false with *error saying why (without the file name).
    bool exec(const QString &sql, QString *error);
    // SQLite's quick_check: "ok" or the first problems found.
    bool checkIntegrity(QString *error);

private:
    bool fail(const QString &what, QString *error);
    // A new connection to `databaseName` (a path, or a file: URI with QSQLITE_OPEN_URI).
    bool connectTo(const QString &databaseName, const QString &options, QString *error);
    bool prepareSchema(Mode mode, QString *error);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
};

} // namespace pnm
