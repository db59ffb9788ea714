// LogThrottle: lines per second up to the limit, the rest held back and counted into the next
// line let through, a new second starting afresh.
#include "http/logthrottle.h"

#include <QTest>

using namespace pnm;

class TestLogThrottle : public QObject
{
    Q_OBJECT
private slots:
    void limitsEachSecondAndCountsTheRest();
};

void TestLogThrottle::limitsEachSecondAndCountsTheRest()
{
    qint64 now = 5000;
    LogThrottle throttle(3, [&now] { return now; });
    qint64 heldBack = -1;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(throttle.admit(&heldBack));
        QCOMPARE(heldBack, 0);
    }
    for (int i = 0; i < 1000; ++i) // a flood within the same second
        QVERIFY(!throttle.admit(&heldBack));
    now += 999;
    QVERIFY(!throttle.admit(&heldBack));
    now += 1; // a second after the first line: the next line says what was left out
    QVERIFY(throttle.admit(&heldBack));
    QCOMPARE(heldBack, 1001);
    QVERIFY(throttle.admit(&heldBack));
    QCOMPARE(heldBack, 0);
}

QTEST_GUILESS_MAIN(TestLogThrottle)
#include "tst_logthrottle.moc"
