// SessionRetention on its own: limits by count and by age, each reached in steps of at most
// kStepRows rows so the writer can commit between them, and looked at again once per interval.
#include "../../support/sessionrows.h"
#include "store/sessiondatabase.h"
#include "store/sessionretention.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace pnm;
using test::insertRows;

namespace {
constexpr qint64 kNowMs = 1700000000000;
constexpr qint64 kHourMs = 3600 * 1000;

qint64 rowsIn(SessionDatabase &db, const QString &where = QStringLiteral("1"))
{
    QSqlQuery query(db.db());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM requests WHERE %1").arg(where)) ||
        !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Rows 1..count received now, except those numbered above `recentUpTo`: imported, with receipt
// times two hours old.
bool insertWithOldImports(SessionDatabase &db, qint64 count, qint64 recentUpTo, QString *error)
{
    return insertRows(db.db(), 1, count,
                      QStringLiteral("CASE WHEN i > %1 THEN %2 ELSE %3 END")
                          .arg(recentUpTo)
                          .arg(kNowMs - 2 * kHourMs)
                          .arg(kNowMs),
                      error);
}

// Runs afterTurn() until the backlog is gone; fails the test if a turn deletes more than a step
// or nothing while a backlog is announced. Returns how many turns it took.
int drain(SessionRetention &retention, SessionDatabase &db)
{
    int turns = 0;
    qint64 before = rowsIn(db);
    while (retention.hasBacklog() && turns < 10000) {
        retention.afterTurn();
        ++turns;
        const qint64 after = rowsIn(db);
        if (before - after > SessionRetention::kStepRows) {
            qWarning("turn %d deleted %lld rows", turns, before - after);
            return -1;
        }
        before = after;
    }
    return turns;
}
} // namespace

class TestSessionRetention : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nothingWithoutLimits();
    void countReachedInSteps();
    void ageFollowsReceiptNotNumbering();
    void countThenAge();
    void removedNumbersReportedAfterCommit();
    void limitsSetWhileRecording();
    void systemClockWhenNoneGiven();
    void lookedAtAgainAfterTheInterval();
    void postponedAfterAFailedCommit();
    void wrongCountDoesNotSpin();

private:
    QTemporaryDir m_dir;
    SessionDatabase m_db;
    int m_file = 0;
};

void TestSessionRetention::init()
{
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("r%1.pnmsession").arg(++m_file));
    QVERIFY2(m_db.open(path, SessionDatabase::Mode::Create, &error), qPrintable(error));
}

void TestSessionRetention::cleanup()
{
    m_db.close();
}

void TestSessionRetention::nothingWithoutLimits()
{
    QString error;
    QVERIFY2(insertRows(m_db.db(), 1, 300, QStringLiteral("0"), &error), qPrintable(error));
    SessionRetention retention;
    QVERIFY(retention.prepare(m_db.db(), {m_db.path()}, 300, {}, &error));
    QVERIFY(!retention.isEnabled());
    QVERIFY(!retention.hasBacklog());
    retention.afterTurn();
    retention.finish();
    QCOMPARE(rowsIn(m_db), 300);
}

void TestSessionRetention::countReachedInSteps()
{
    QString error;
    QVERIFY2(insertRows(m_db.db(), 1, 1000, QStringLiteral("i"), &error), qPrintable(error));
    SessionRetention retention;
    QVERIFY2(retention.prepare(m_db.db(), {m_db.path(), 100, 0}, 1000, {}, &error),
             qPrintable(error));
    // A file opened over its limit is trimmed at once, not after the first interval.
    QVERIFY(retention.hasBacklog());
    const int turns = drain(retention, m_db);
    QCOMPARE(turns, 4); // 900 rows: 256, 256, 256, 132
    QCOMPARE(rowsIn(m_db), 100);
    QCOMPARE(rowsIn(m_db, QStringLiteral("seq > 900")), 100); // the newest are kept

    // New rows within the interval wait for it: the limit is looked at once a second.
    QVERIFY2(insertRows(m_db.db(), 1001, 1010, QStringLiteral("i"), &error), qPrintable(error));
    retention.added(10);
    retention.afterTurn();
    QVERIFY(!retention.hasBacklog());
    QCOMPARE(rowsIn(m_db), 110);
    retention.finish();
    QCOMPARE(rowsIn(m_db), 100);
    QCOMPARE(rowsIn(m_db, QStringLiteral("seq > 910")), 100);
}

void TestSessionRetention::ageFollowsReceiptNotNumbering()
{
    QString error;
    // Imports keep their old receipt times under new numbers: every other row here is old.
    QVERIFY2(insertRows(m_db.db(), 1, 700,
                        QStringLiteral("CASE WHEN i % 2 = 0 THEN %1 - i ELSE %2 + i END")
                            .arg(kNowMs - 2 * kHourMs)
                            .arg(kNowMs - kHourMs / 2),
                        &error),
             qPrintable(error));
    SessionRetention retention;
    QVERIFY2(retention.prepare(
                 m_db.db(), {m_db.path(), 0, 3600}, 700, [] { return kNowMs; }, &error),
             qPrintable(error));
    QVERIFY(retention.isEnabled());
    const int turns = drain(retention, m_db);
    QCOMPARE(turns, 2); // 350 old rows: 256, then 94 (less than a step: done)
    QCOMPARE(rowsIn(m_db), 350);
    QCOMPARE(rowsIn(m_db, QStringLiteral("seq % 2 = 1")), 350);
}

void TestSessionRetention::countThenAge()
{
    QString error;
    QVERIFY2(insertWithOldImports(m_db, 500, 400, &error), qPrintable(error));
    SessionRetention retention;
    QVERIFY(retention.prepare(
        m_db.db(), {m_db.path(), 300, 3600}, 500, [] { return kNowMs; }, &error));
    retention.finish();
    // The count drops the lowest numbers (1..200), the age the old imports (401..500).
    QCOMPARE(rowsIn(m_db), 200);
    QCOMPARE(rowsIn(m_db, QStringLiteral("seq BETWEEN 201 AND 400")), 200);
}

void TestSessionRetention::removedNumbersReportedAfterCommit()
{
    QString error;
    QVERIFY2(insertWithOldImports(m_db, 700, 600, &error), qPrintable(error));
    // Another connection sees only committed rows: each report must find its rows gone there.
    SessionDatabase other;
    QVERIFY2(other.open(m_db.path(), SessionDatabase::Mode::ReadOnly, &error), qPrintable(error));
    QList<quint64> reported;
    int reports = 0;
    bool allGone = true;
    SessionRetention retention;
    QVERIFY(retention.prepare(
        m_db.db(), {m_db.path(), 300, 3600}, 700, [] { return kNowMs; }, &error));
    retention.setRemovedHandler([&](const QList<quint64> &seqs) {
        ++reports;
        QVERIFY(seqs.size() <= SessionRetention::kStepRows);
        const qint64 still = rowsIn(other, QStringLiteral("seq BETWEEN %1 AND %2")
                                               .arg(*std::min_element(seqs.begin(), seqs.end()))
                                               .arg(*std::max_element(seqs.begin(), seqs.end())));
        allGone = allGone && still == 0;
        reported += seqs;
    });
    retention.finish();
    QVERIFY(allGone);
    // The count takes the lowest numbers (1..400), the age the old ones (601..700).
    std::sort(reported.begin(), reported.end());
    QList<quint64> expected;
    for (quint64 seq = 1; seq <= 700; ++seq) {
        if (seq <= 400 || seq > 600)
            expected.append(seq);
    }
    QCOMPARE(reported, expected);
    QCOMPARE(reports, 3); // 256 and 144 by count, then the 100 old ones
    QCOMPARE(rowsIn(m_db), 200);
}

void TestSessionRetention::limitsSetWhileRecording()
{
    QString error;
    QVERIFY2(insertRows(m_db.db(), 1, 400, QStringLiteral("i"), &error), qPrintable(error));
    SessionRetention retention;
    QVERIFY(retention.prepare(m_db.db(), {m_db.path()}, 400, {}, &error));
    QVERIFY(!retention.isEnabled());
    // A limit given later is looked at on the next turn, not after an interval.
    retention.setLimits(100, 0);
    QVERIFY(retention.hasBacklog());
    QCOMPARE(drain(retention, m_db), 2);
    QCOMPARE(rowsIn(m_db, QStringLiteral("seq > 300")), 100);
    QCOMPARE(rowsIn(m_db), 100);
    retention.setLimits(0, 0);
    QVERIFY(!retention.isEnabled());
    QVERIFY(!retention.hasBacklog());
}

void TestSessionRetention::systemClockWhenNoneGiven()
{
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(
        insertRows(
            m_db.db(), 1, 30,
            QStringLiteral("CASE WHEN i <= 10 THEN %1 ELSE %2 END").arg(now - 2 * kHourMs).arg(now),
            &error),
        qPrintable(error));
    SessionRetention retention;
    QVERIFY(retention.prepare(m_db.db(), {m_db.path(), 0, 3600}, 30, {}, &error));
    retention.finish();
    QCOMPARE(rowsIn(m_db), 20);
    QCOMPARE(rowsIn(m_db, QStringLiteral("seq > 10")), 20);
}

void TestSessionRetention::lookedAtAgainAfterTheInterval()
{
    QString error;
    QVERIFY2(insertRows(m_db.db(), 1, 50, QStringLiteral("%1").arg(kNowMs), &error),
             qPrintable(error));
    qint64 now = kNowMs;
    SessionRetention retention;
    QVERIFY(retention.prepare(
        m_db.db(), {m_db.path(), 0, 60}, 50, [&now] { return now; }, &error));
    retention.afterTurn();
    QVERIFY(!retention.hasBacklog());
    QCOMPARE(rowsIn(m_db), 50);
    // Time passes with nothing recorded: the rows age out at the next look, within the interval.
    now += 120 * 1000;
    retention.afterTurn();
    QCOMPARE(rowsIn(m_db), 50);
    QTRY_COMPARE_WITH_TIMEOUT((retention.afterTurn(), rowsIn(m_db)), 0,
                              int(5 * SessionRetention::kIntervalMs));
}

void TestSessionRetention::postponedAfterAFailedCommit()
{
    QString error;
    QVERIFY2(insertRows(m_db.db(), 1, 20, QStringLiteral("i"), &error), qPrintable(error));
    SessionRetention retention;
    QVERIFY(retention.prepare(m_db.db(), {m_db.path(), 10, 0}, 20, {}, &error));
    QVERIFY(retention.hasBacklog());
    retention.postpone();
    QVERIFY(!retention.hasBacklog());
    retention.afterTurn();
    QCOMPARE(rowsIn(m_db), 20);
    QTRY_COMPARE_WITH_TIMEOUT((retention.afterTurn(), rowsIn(m_db)), 10,
                              int(5 * SessionRetention::kIntervalMs));
}

void TestSessionRetention::wrongCountDoesNotSpin()
{
    QString error;
    QVERIFY2(insertRows(m_db.db(), 1, 10, QStringLiteral("i"), &error), qPrintable(error));
    SessionRetention retention;
    // Told of far more rows than the file holds, as if it had changed behind the writer's back
    // (the lock keeps other writers out): it stops once a step finds nothing, instead of
    // spinning on a backlog that cannot go.
    QVERIFY(retention.prepare(m_db.db(), {m_db.path(), 5, 0}, 100000, {}, &error));
    const int turns = drain(retention, m_db);
    QVERIFY2(turns > 0 && turns < 5, qPrintable(QString::number(turns)));
    QVERIFY(!retention.hasBacklog());
}

QTEST_GUILESS_MAIN(TestSessionRetention)
#include "tst_sessionretention.moc"
