#include "store/sessiondatabase.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <sys/statvfs.h>
#include <unistd.h>

namespace pnm {

namespace {
QAtomicInteger<quint64> s_connectionCounter;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS requests("
    " seq INTEGER PRIMARY KEY,"
    " received_at_ms INTEGER NOT NULL,"
    " remote_address TEXT NOT NULL, remote_port INTEGER NOT NULL,"
    " method BLOB NOT NULL, target BLOB NOT NULL, http_version BLOB NOT NULL,"
    " headers BLOB NOT NULL, body BLOB NOT NULL, body_complete INTEGER NOT NULL,"
    " status INTEGER NOT NULL, protocol_error TEXT NOT NULL,"
    " verdict TEXT NOT NULL, verification TEXT NOT NULL,"
    " event_name TEXT NOT NULL, event_id TEXT NOT NULL,"
    " fingerprint BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS requests_received ON requests(received_at_ms)",
};
} // namespace

SessionDatabase::~SessionDatabase()
{
    close();
}

bool SessionDatabase::fail(const QString &what, QString *error)
{
    if (error)
        *error = QStringLiteral("%1: %2").arg(m_path, what);
    close();
    return false;
}

bool SessionDatabase::open(const QString &path, Mode mode, QString *error)
{
    close();
    m_path = path;
    const QFileInfo info(path);
    if (mode == Mode::ReadOnly && !info.exists())
        return fail(QStringLiteral("no such file"), error);
    if (info.exists() && !info.isFile())
        return fail(QStringLiteral("not a regular file"), error);
    if (mode == Mode::Create && !info.exists() && !info.dir().exists())
        return fail(QStringLiteral("the folder %1 does not exist").arg(info.dir().path()), error);

    // A reader of a WAL session needs its -shm file, which SQLite cannot make in a folder that
    // may not be written. On a read-only mount (a backup disk, a CD) nobody can be writing the
    // file, and with no log beside it the file is the whole session: it is read as immutable.
    // Elsewhere another user may be recording into it, so it is not read at all.
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path + QStringLiteral("-shm")) &&
        ::access(QFile::encodeName(info.absolutePath()).constData(), W_OK) != 0) {
        const QFileInfo log(path + QStringLiteral("-wal"));
        struct statvfs volume = {};
        const bool readOnlyMount =
            ::statvfs(QFile::encodeName(info.absolutePath()).constData(), &volume) == 0 &&
            (volume.f_flag & ST_RDONLY) != 0;
        if (!readOnlyMount)
            return fail(QStringLiteral("cannot be read in place: SQLite needs to create %1 beside "
                                       "it and this folder may not be written (copy the file "
                                       "somewhere writable)")
                            .arg(info.fileName() + QStringLiteral("-shm")),
                        error);
        if (log.exists() && log.size() > 0)
            return fail(QStringLiteral("its log (%1) holds requests not yet in the file, and "
                                       "reading them needs a folder this program may write")
                            .arg(log.fileName()),
                        error);
        return connectTo(QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
                             QStringLiteral("?immutable=1"),
                         QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"), error) &&
               prepareSchema(mode, error);
    }
    // Busy timeout: a reader may briefly hold a lock while a recording process checkpoints.
    return connectTo(path,
                     mode == Mode::ReadOnly
                         ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                         : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"),
                     error) &&
           prepareSchema(mode, error);
}

bool SessionDatabase::connectTo(const QString &databaseName, const QString &options, QString *error)
{
    m_connectionName =
        QStringLiteral("pnm-session-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return fail(QStringLiteral("the Qt SQLite driver (libqt6sql6-sqlite) is not installed"),
                    error);
    m_db.setDatabaseName(databaseName);
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return fail(m_db.lastError().text(), error);
    return true;
}

bool SessionDatabase::prepareSchema(Mode mode, QString *error)
{
    QString why;
    QSqlQuery query(m_db);
    // The first read of the header is where a file that is not SQLite, or is damaged, shows.
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return fail(
            QStringLiteral("not a readable SQLite session file (%1)").arg(query.lastError().text()),
            error);
    const int applicationId = query.value(0).toInt();
    query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    const int objects = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    const bool fresh = objects == 0 && applicationId == 0;
    if (!fresh && applicationId != kApplicationId)
        return fail(QStringLiteral("an SQLite file, but not a pnm-webhook-monitor session"), error);
    if (fresh && mode == Mode::ReadOnly)
        return fail(QStringLiteral("an empty file, not a session"), error);

    if (mode == Mode::Create) {
        // WAL lets readers browse while we record; synchronous=FULL makes each commit durable
        // (fsync of the WAL), which is what "answered 2xx means on disk" needs.
        // Checkpoints run inside a commit and fsync the database file; every 32 MB of WAL rather
        // than SQLite's 4 MB roughly doubled durable ingest in benchmarks/ingest.
        if (!exec(QStringLiteral("PRAGMA journal_mode=WAL"), &why) ||
            !exec(QStringLiteral("PRAGMA synchronous=FULL"), &why) ||
            !exec(QStringLiteral("PRAGMA wal_autocheckpoint=8192"), &why))
            return fail(why, error);
    }
    if (fresh) {
        if (!m_db.transaction())
            return fail(m_db.lastError().text(), error);
        for (const char *statement : kSchema) {
            if (!exec(QString::fromLatin1(statement), &why))
                return fail(why, error);
        }
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        if (!exec(QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId), &why) ||
            !exec(QStringLiteral("PRAGMA user_version=%1").arg(kFormatVersion), &why) ||
            !exec(QStringLiteral("INSERT INTO meta VALUES('format','pnm-webhook-session'),"
                                 "('created_at','%1')")
                      .arg(now),
                  &why))
            return fail(why, error);
        if (!m_db.commit())
            return fail(m_db.lastError().text(), error);
        return true;
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(query.lastError().text(), error);
    const int version = query.value(0).toInt();
    if (version > kFormatVersion)
        return fail(QStringLiteral("session format version %1; this program reads up to %2")
                        .arg(version)
                        .arg(kFormatVersion),
                    error);
    if (!query.exec(QStringLiteral("SELECT 1 FROM requests LIMIT 1")))
        return fail(QStringLiteral("damaged session: %1").arg(query.lastError().text()), error);
    query.finish();
    // Continuing an older session: its rows stay readable as they are, the new ones are of this
    // version, so the file says so (an older program then refuses it rather than misreading).
    if (mode == Mode::Create && version < kFormatVersion &&
        !exec(QStringLiteral("PRAGMA user_version=%1").arg(kFormatVersion), &why))
        return fail(why, error);
    return true;
}

void SessionDatabase::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool SessionDatabase::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

bool SessionDatabase::checkIntegrity(QString *error)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        *error = QStringLiteral("%1: %2").arg(m_path, query.lastError().text());
        return false;
    }
    QStringList problems;
    while (query.next())
        problems.append(query.value(0).toString());
    if (problems == QStringList{QStringLiteral("ok")})
        return true;
    *error = QStringLiteral("%1: damaged: %2").arg(m_path, problems.join(QStringLiteral("; ")));
    return false;
}

} // namespace pnm
