// RequestBatcher: many arrivals become one published batch per interval; pausing holds
// rows back without dropping any and resuming publishes them in order.
#include "requestbatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace pnm;

namespace {
PreparedRow rowNumber(quint64 seq)
{
    PreparedRow prepared;
    prepared.row.seq = seq;
    prepared.eventId = QStringLiteral("ev-%1").arg(seq);
    return prepared;
}
} // namespace

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
        batcher.add(rowNumber(seq));
    QCOMPARE(batches.size(), 0); // nothing until the timer fires
    QVERIFY(batches.wait(2000));
    QCOMPARE(batches.size(), 1);
    const auto batch = batches.at(0).at(0).value<QList<PreparedRow>>();
    QCOMPARE(batch.size(), 250);
    QCOMPARE(batch.first().row.seq, 1u);
    QCOMPARE(batch.last().row.seq, 250u);
    QCOMPARE(batch.last().eventId, QStringLiteral("ev-250"));
    QCOMPARE(batcher.receivedCount(), 250u);
}

void TestRequestBatcher::pauseHoldsAndResumePublishes()
{
    RequestBatcher batcher;
    QSignalSpy batches(&batcher, &RequestBatcher::batchReady);
    QSignalSpy held(&batcher, &RequestBatcher::heldCountChanged);
    batcher.setPaused(true);
    for (quint64 seq = 1; seq <= 3; ++seq)
        batcher.add(rowNumber(seq));
    QCOMPARE(batcher.heldCount(), 3);
    // The held count is announced once for the three, when the interval ends.
    QVERIFY(held.isEmpty());
    QVERIFY(held.wait(2000));
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.last().at(0).value<qsizetype>(), 3);
    QTest::qWait(3 * RequestBatcher::kBatchIntervalMs); // shows that nothing is published
    QCOMPARE(batches.size(), 0);
    QCOMPARE(held.size(), 1); // nor announced again while nothing arrives
    batcher.setPaused(false);
    QCOMPARE(batches.size(), 1);
    const auto batch = batches.at(0).at(0).value<QList<PreparedRow>>();
    QCOMPARE(batch.size(), 3);
    for (qsizetype i = 0; i < batch.size(); ++i)
        QCOMPARE(batch.at(i).row.seq, quint64(i + 1));
    QCOMPARE(batcher.heldCount(), 0);
}

QTEST_GUILESS_MAIN(TestRequestBatcher)
#include "tst_requestbatcher.moc"
