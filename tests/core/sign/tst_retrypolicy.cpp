// RetryPolicy: which outcomes Plug-N-Meet retries and how long it waits (protocol.md 7).
#include "sign/retrypolicy.h"

#include <QTest>

using namespace pnm;

namespace {
const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC); // Thu 2026-01-01
}

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void shouldRetry_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retry");
        const QList<std::pair<int, bool>> table = {
            {0, true},    {200, false}, {204, false}, {301, false}, {400, false},
            {401, false}, {404, false}, {408, false}, {429, true},  {500, true},
            {501, false}, {502, true},  {503, true},  {504, true},  {599, true}};
        for (const auto &[status, retry] : table)
            QTest::newRow(qPrintable(QString::number(status))) << status << retry;
    }
    void shouldRetry()
    {
        QFETCH(int, status);
        QFETCH(bool, retry);
        QCOMPARE(RetryPolicy::shouldRetry(status), retry);
    }

    void backoff()
    {
        QCOMPARE(RetryPolicy::waitMs(1, 500, {}, kNow), 1000);
        QCOMPARE(RetryPolicy::waitMs(2, 500, {}, kNow), 2000);
        QCOMPARE(RetryPolicy::waitMs(3, 0, {}, kNow), 4000);
        QCOMPARE(RetryPolicy::waitMs(6, 0, {}, kNow), 30000); // capped at RetryWaitMax
        QCOMPARE(RetryPolicy::waitMs(60, 0, {}, kNow), 30000);
    }

    void retryAfter_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("wait");
        QTest::newRow("429 seconds") << 429 << QByteArray("3") << qint64(3000);
        QTest::newRow("503 seconds, spaces") << 503 << QByteArray(" 12 ") << qint64(12000);
        QTest::newRow("503 zero") << 503 << QByteArray("0") << qint64(0);
        QTest::newRow("429 uncapped") << 429 << QByteArray("120") << qint64(120000);
        QTest::newRow("503 date") << 503 << QByteArray("Thu, 01 Jan 2026 00:00:05 GMT")
                                  << qint64(5000);
        QTest::newRow("503 date in the past")
            << 503 << QByteArray("Wed, 31 Dec 2025 23:59:00 GMT") << qint64(0);
        QTest::newRow("429 negative") << 429 << QByteArray("-4") << qint64(1000);
        QTest::newRow("429 garbage") << 429 << QByteArray("later") << qint64(1000);
        QTest::newRow("500 ignores it") << 500 << QByteArray("7") << qint64(1000);
        QTest::newRow("connection error ignores it") << 0 << QByteArray("7") << qint64(1000);
    }
    void retryAfter()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(qint64, wait);
        QCOMPARE(RetryPolicy::waitMs(1, status, header, kNow), wait);
    }

    void scaling()
    {
        RetryPolicy policy;
        QCOMPARE(policy.scaled(2000), 2000);
        policy.waitScale = 0.01;
        QCOMPARE(policy.scaled(2000), 20);
        policy.waitScale = 0;
        QCOMPARE(policy.scaled(30000), 0);
        QCOMPARE(policy.maxAttempts, 3);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
