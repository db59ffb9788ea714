// The background checkpointer copies a session's write-ahead log into the database file while
// another connection keeps writing, and stops promptly. It refuses to start when the file is not
// there, or when the path names another file than the writer's by then: it would copy the
// writer's log into that file (or another session's log into the writer's).
#include "store/walcheckpointer.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace pnm;

class TestWalCheckpointer : public QObject
{
    Q_OBJECT
private slots:
    void copiesTheLogIntoTheDatabase();
    void aMissingFileIsNotAnError();
    void aReplacedFileIsLeftAlone();
    void anotherSessionAtThePathIsLeftAlone();
};

namespace {
bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// A session in WAL mode with one uncopied transaction in its log, its connection left open.
sqlite3 *writeSession(const QString &path)
{
    sqlite3 *writer = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &writer) != SQLITE_OK ||
        !exec(writer, "PRAGMA journal_mode=WAL") || !exec(writer, "PRAGMA wal_autocheckpoint=0") ||
        !exec(writer, "CREATE TABLE t(x BLOB)") ||
        !exec(writer, "INSERT INTO t VALUES(randomblob(5000))")) {
        sqlite3_close(writer);
        return nullptr;
    }
    return writer;
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

void TestWalCheckpointer::copiesTheLogIntoTheDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("s.pnmsession"));
    sqlite3 *writer = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &writer), SQLITE_OK);
    // The writer never checkpoints itself here: only the checkpointer can grow the main file.
    QVERIFY(exec(writer, "PRAGMA journal_mode=WAL"));
    QVERIFY(exec(writer, "PRAGMA wal_autocheckpoint=0"));
    QVERIFY(exec(writer, "CREATE TABLE t(x BLOB)"));
    const auto insertRows = [writer] {
        return exec(writer, "INSERT INTO t SELECT randomblob(1000) FROM "
                            "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            "WHERE i < 500) SELECT i FROM n)");
    };
    QVERIFY(insertRows());
    const qint64 sizeBefore = QFileInfo(path).size();
    QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 500 * 1000);

    WalCheckpointer checkpointer;
    QString error;
    QVERIFY2(checkpointer.start(path, FileIdentity::of(path), 10, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > sizeBefore + 500 * 1000, 10000);
    // Writing goes on while it runs, and what is written later is copied too.
    const qint64 sizeAfterFirst = QFileInfo(path).size();
    QVERIFY(insertRows());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > sizeAfterFirst + 500 * 1000, 10000);
    checkpointer.stop();

    sqlite3_stmt *count = nullptr;
    QCOMPARE(sqlite3_prepare_v2(writer, "SELECT count(*) FROM t", -1, &count, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(count), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(count, 0), 1000);
    sqlite3_finalize(count);
    QCOMPARE(sqlite3_close(writer), SQLITE_OK);
}

void TestWalCheckpointer::aMissingFileIsNotAnError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("absent.pnmsession"));
    WalCheckpointer checkpointer;
    QString error;
    QVERIFY(!checkpointer.start(path, FileIdentity::of(path), 10, &error));
    QCOMPARE(error, QStringLiteral("the session file was removed"));
    checkpointer.stop();
    // It must not have created the file: a session that was removed stays removed.
    QVERIFY(!QFileInfo::exists(path));
}

// The writer's file was removed and somebody wrote a file of their own at the path; the
// writer's log is still there. Under load this happened between the writer opening its file and
// the checkpointer opening its own connection, which then copied the log over the newcomer.
void TestWalCheckpointer::aReplacedFileIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replaced.pnmsession"));
    sqlite3 *writer = writeSession(path);
    QVERIFY(writer);
    const FileIdentity writersFile = FileIdentity::of(path);
    QVERIFY(QFile::remove(path));
    const QByteArray newcomer("somebody else's file\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(newcomer);
    }
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    WalCheckpointer checkpointer;
    QString error;
    QVERIFY(!checkpointer.start(path, writersFile, 10, &error));
    QCOMPARE(error, QStringLiteral("the session file was replaced by another file"));
    QCOMPARE(contentOf(path), newcomer);
    sqlite3_close(writer);
}

// Another session now lives at the path (a second monitor started there after the first one's
// files were deleted): the checkpointer of the first must not open it.
void TestWalCheckpointer::anotherSessionAtThePathIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("second.pnmsession"));
    sqlite3 *first = writeSession(path);
    QVERIFY(first);
    const FileIdentity firstFile = FileIdentity::of(path);
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    sqlite3 *second = writeSession(path);
    QVERIFY(second);
    QVERIFY(FileIdentity::of(path) != firstFile);
    WalCheckpointer checkpointer;
    QString error;
    QVERIFY(!checkpointer.start(path, firstFile, 10, &error));
    QCOMPARE(error, QStringLiteral("the session file was replaced by another file"));
    sqlite3_close(second);
    sqlite3_close(first);
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
