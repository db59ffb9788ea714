// isotime must give exactly QDateTime's Qt::ISODate / Qt::ISODateWithMs text wherever it answers.
#include "text/isotime.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace pnm;

class TestIsoTime : public QObject
{
    Q_OBJECT
private slots:
    void knownInstants_data();
    void knownInstants();
    void agreesWithQDateTimeEverywhere();
    void outsideFourDigitYears();
};

void TestIsoTime::knownInstants_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("before epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("2026") << qint64(1767225600123) << QStringLiteral("2026-01-01T00:00:00.123Z");
    QTest::newRow("leap day") << qint64(951782400000) << QStringLiteral("2000-02-29T00:00:00.000Z");
    QTest::newRow("last of 9999") << qint64(253402300799999)
                                  << QStringLiteral("9999-12-31T23:59:59.999Z");
    QTest::newRow("year 1") << qint64(-62135596800000)
                            << QStringLiteral("0001-01-01T00:00:00.000Z");
}

void TestIsoTime::knownInstants()
{
    QFETCH(qint64, msecs);
    QFETCH(QString, expected);
    QCOMPARE(isotime::fromMSecs(msecs), expected);
    const qint64 secs = msecs >= 0 ? msecs / 1000 : -((-msecs + 999) / 1000);
    QCOMPARE(isotime::fromSecs(secs), std::optional<QString>(expected.left(19) + u'Z'));
}

void TestIsoTime::agreesWithQDateTimeEverywhere()
{
    // Years 0001-9999 in milliseconds, both sides of every boundary the arithmetic has.
    constexpr qint64 kFirst = -62135596800000;
    constexpr qint64 kLast = 253402300799999;
    QRandomGenerator random(20261126);
    for (int i = 0; i < 200000; ++i) {
        const qint64 msecs = kFirst + qint64(random.bounded(quint64(kLast - kFirst + 1)));
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
        QCOMPARE(isotime::fromMSecs(msecs), utc.toString(Qt::ISODateWithMs));
        const qint64 secs = utc.toSecsSinceEpoch();
        QCOMPARE(*isotime::fromSecs(secs),
                 QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate));
    }
}

void TestIsoTime::outsideFourDigitYears()
{
    QCOMPARE(isotime::fromSecs(253402300800), std::nullopt); // 10000-01-01
    QCOMPARE(isotime::fromSecs(-62135596801), std::nullopt); // 0000-12-31, Qt's year -1
    QCOMPARE(isotime::fromMSecs(-62135596801000),
             QDateTime::fromMSecsSinceEpoch(-62135596801000, Qt::UTC).toString(Qt::ISODateWithMs));
    QCOMPARE(isotime::fromSecs(std::numeric_limits<qint64>::max()), std::nullopt);
    QCOMPARE(isotime::fromSecs(std::numeric_limits<qint64>::min()), std::nullopt);
    // Beyond four digits the text is whatever QDateTime says; it must not crash either way.
    const qint64 far = 253402300800000;
    QCOMPARE(isotime::fromMSecs(far),
             QDateTime::fromMSecsSinceEpoch(far, Qt::UTC).toString(Qt::ISODateWithMs));
    isotime::fromMSecs(std::numeric_limits<qint64>::max());
    isotime::fromMSecs(std::numeric_limits<qint64>::min());
}

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
