// The background checkpointer copies a session's write-ahead log into the database file while
// another connection keeps writing, and stops promptly, also when the file is not there.
#include "store/walcheckpointer.h"

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
};

namespace {
bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
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
    checkpointer.start(path, 10);
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
    checkpointer.start(path, 10);
    checkpointer.stop();
    // It must not have created the file: a session that was removed stays removed.
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
