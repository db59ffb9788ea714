// RequestBatcher: many arrivals become one published batch per interval; pausing holds
// requests back without dropping any and resuming publishes them in order.
#include "requestbatcher.h"
#include "testrequests.h"

#include <QSignalSpy>
#include <QTest>

using namespace pnm;
using pnm::test::makeRequest;

class TestRequestBatcher : public QObject
{
    Q_OBJECT
private slots:
    void coalesces();
    void pauseHoldsAndResumePublishes();
};

void TestRequestBatcher::coalesces()
{
    RequestBatcher batcher;
    QSignalSpy batches(&batcher, &RequestBatcher::batchReady);
    for (quint64 seq = 1; seq <= 250; ++seq)
        batcher.add(makeRequest(seq, QStringLiteral("room_started"), QStringLiteral("r"), {}));
    QCOMPARE(batches.size(), 0); // nothing until the timer fires
    QVERIFY(batches.wait(2000));
    QCOMPARE(batches.size(), 1);
    const auto batch = batches.at(0).at(0).value<QList<RecordedRequest>>();
    QCOMPARE(batch.size(), 250);
    QCOMPARE(batch.first().seq, 1u);
    QCOMPARE(batch.last().seq, 250u);
    QCOMPARE(batcher.receivedCount(), 250u);
}

void TestRequestBatcher::pauseHoldsAndResumePublishes()
{
    RequestBatcher batcher;
    QSignalSpy batches(&batcher, &RequestBatcher::batchReady);
    QSignalSpy held(&batcher, &RequestBatcher::heldCountChanged);
    batcher.setPaused(true);
    for (quint64 seq = 1; seq <= 3; ++seq)
        batcher.add(makeRequest(seq, QStringLiteral("room_started"), QStringLiteral("r"), {}));
    QCOMPARE(batcher.heldCount(), 3);
    QCOMPARE(held.last().at(0).value<qsizetype>(), 3);
    QTest::qWait(3 * RequestBatcher::kBatchIntervalMs); // shows that nothing is published
    QCOMPARE(batches.size(), 0);
    batcher.setPaused(false);
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches.at(0).at(0).value<QList<RecordedRequest>>().size(), 3);
    QCOMPARE(batcher.heldCount(), 0);
}

QTEST_GUILESS_MAIN(TestRequestBatcher)
#include "tst_requestbatcher.moc"
