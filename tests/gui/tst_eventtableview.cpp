// EventTableView: follows the newest request whatever the sort order while the user is at it,
// leaves a reader where they are (even when rows land above them or retention removes rows
// above them) and follows again once they
// return; keeps the selected request across arrivals, filtering, sorting, and forgets it on clear;
// several rows can be selected (shift/ctrl-click, Ctrl+A) and stay selected the same way.
#include "../model/testrequests.h"
#include "eventfilterproxy.h"
#include "eventtableview.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace pnm;
using pnm::test::makeRequest;

class TestEventTableView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void followsTheEndInArrivalOrder();
    void followsTheTopNewestFirst();
    void followsTheNewestRowByAnotherColumn();
    void selectionStaysOnTheRequest();
    void severalRowsStaySelected();
    void readerStaysWhileRetentionRemovesAbove();

private:
    void append(int count);
    quint64 seqAt(int row) const;
    quint64 topSeq() const { return seqAt(m_view->rowAt(0)); }
    QList<quint64> selectedSeqs() const;
    void click(quint64 seq, Qt::KeyboardModifiers modifiers);

    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<EventFilterProxy> m_proxy;
    std::unique_ptr<EventTableView> m_view;
    quint64 m_nextSeq = 1;
};

void TestEventTableView::init()
{
    m_model = std::make_unique<EventTableModel>();
    m_proxy = std::make_unique<EventFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_view = std::make_unique<EventTableView>();
    m_view->setEventModel(m_proxy.get());
    m_view->resize(600, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_nextSeq = 1;
    append(200);
}

void TestEventTableView::cleanup()
{
    m_view.reset();
    m_proxy.reset();
    m_model.reset();
}

void TestEventTableView::append(int count)
{
    QList<RecordedRequest> batch;
    for (int i = 0; i < count; ++i, ++m_nextSeq)
        batch.append(
            makeRequest(m_nextSeq, QStringLiteral("participant_joined"),
                        QStringLiteral("room-%1").arg(m_nextSeq % 3),
                        QStringLiteral("user-%1").arg(m_nextSeq % 50, 3, 10, QChar(u'0'))));
    m_model->appendBatch(batch);
}

quint64 TestEventTableView::seqAt(int row) const
{
    return m_proxy->index(row, 0).data(EventTableModel::SeqRole).toULongLong();
}

void TestEventTableView::followsTheEndInArrivalOrder()
{
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(!m_view->isFollowPaused());
    // Reading further up: arrivals do not move the view, and following says it is paused.
    QSignalSpy paused(m_view.get(), &EventTableView::followPausedChanged);
    bar->setValue(bar->maximum() / 2);
    QCOMPARE(paused.size(), 1);
    QVERIFY(m_view->isFollowPaused());
    const quint64 reading = topSeq();
    append(20);
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(topSeq(), reading);
    // Back at the end: following resumes.
    bar->setValue(bar->maximum());
    QVERIFY(!m_view->isFollowPaused());
    append(20);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(seqAt(m_view->rowAt(m_view->viewport()->height() - 1)), m_nextSeq - 1);
}

void TestEventTableView::followsTheTopNewestFirst()
{
    m_proxy->sort(EventTableModel::TimeColumn, Qt::DescendingOrder);
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), 0);
    append(5);
    QCOMPARE(bar->value(), 0);
    QCOMPARE(topSeq(), m_nextSeq - 1);
    // A reader lower down keeps reading the same rows while new ones land above.
    bar->setValue(bar->maximum() / 2);
    const quint64 reading = topSeq();
    QVERIFY(m_view->isFollowPaused());
    append(7);
    QCOMPARE(topSeq(), reading);
    bar->setValue(0);
    QVERIFY(!m_view->isFollowPaused());
    append(3);
    QCOMPARE(topSeq(), m_nextSeq - 1);
}

void TestEventTableView::readerStaysWhileRetentionRemovesAbove()
{
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    // Following the end: the oldest rows go and the view stays at the end.
    m_model->removeSeqs({1, 2, 3, 4, 5});
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(seqAt(m_view->rowAt(m_view->viewport()->height() - 1)), m_nextSeq - 1);
    // Reading in the middle: rows removed above do not move what is read.
    bar->setValue(bar->maximum() / 2);
    const quint64 reading = topSeq();
    QVERIFY(reading > 40);
    QList<quint64> oldest;
    for (quint64 seq = 6; seq <= 30; ++seq)
        oldest.append(seq);
    m_model->removeSeqs(oldest);
    QCOMPARE(topSeq(), reading);
    // The row read at the top itself goes: the next one takes its place.
    m_model->removeSeqs({reading});
    QCOMPARE(topSeq(), reading + 1);
    QVERIFY(m_view->isFollowPaused());
}

void TestEventTableView::followsTheNewestRowByAnotherColumn()
{
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::AscendingOrder);
    QVERIFY(m_view->followsNewest());
    append(1); // user-001 .. user-049 cycle: the newest lands somewhere in the middle
    const int newest = m_proxy->rowForSeq(m_nextSeq - 1);
    QCOMPARE(m_proxy->newestRow(), newest);
    const int y = m_view->rowViewportPosition(newest);
    QVERIFY2(y >= 0 && y < m_view->viewport()->height(), qPrintable(QString::number(y)));
    // Turned off, nothing moves.
    m_view->setFollowNewest(false);
    m_view->scrollToTop();
    append(1);
    QCOMPARE(m_view->verticalScrollBar()->value(), 0);
}

void TestEventTableView::selectionStaysOnTheRequest()
{
    QSignalSpy current(m_view.get(), &EventTableView::currentSeqChanged);
    m_view->selectSeq(42);
    QCOMPARE(m_view->currentSeq(), 42u);
    QCOMPARE(current.size(), 1);
    append(10);
    QCOMPARE(seqAt(m_view->currentIndex().row()), 42u);
    // Hidden by a filter: still the request the detail pane shows; back when the filter widens.
    EventFilter filter;
    filter.setRoomIds({QStringLiteral("room-1")}); // 42 is in room-0
    m_proxy->setFilter(filter);
    QCOMPARE(m_view->currentSeq(), 42u);
    QCOMPARE(current.size(), 1);
    m_proxy->setFilter(EventFilter());
    QCOMPARE(seqAt(m_view->currentIndex().row()), 42u);
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::DescendingOrder);
    QCOMPARE(seqAt(m_view->currentIndex().row()), 42u);
    QCOMPARE(current.size(), 1);
    m_view->selectNext();
    QCOMPARE(m_view->currentSeq(), seqAt(m_view->currentIndex().row()));
    QCOMPARE(current.size(), 2);
    m_model->clear();
    QCOMPARE(m_view->currentSeq(), 0u);
    QCOMPARE(current.last().at(0).toULongLong(), 0u);
}

QList<quint64> TestEventTableView::selectedSeqs() const
{
    QList<quint64> seqs;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        seqs.append(index.data(EventTableModel::SeqRole).toULongLong());
    std::sort(seqs.begin(), seqs.end());
    return seqs;
}

void TestEventTableView::click(quint64 seq, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex index = m_proxy->index(m_proxy->rowForSeq(seq), EventTableModel::EventColumn);
    m_view->scrollTo(index);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, modifiers,
                      m_view->visualRect(index).center());
}

void TestEventTableView::severalRowsStaySelected()
{
    QSignalSpy current(m_view.get(), &EventTableView::currentSeqChanged);
    m_view->setFollowNewest(false);
    m_view->scrollToTop();
    click(3, Qt::NoModifier);
    click(5, Qt::ShiftModifier);
    click(9, Qt::ControlModifier);
    QCOMPARE(selectedSeqs(), (QList<quint64>{3, 4, 5, 9}));
    QCOMPARE(m_view->currentSeq(), 9u); // the detail pane shows the row clicked last
    QCOMPARE(current.last().at(0).toULongLong(), 9u);

    // Arrivals, a sort and a filter keep the same requests selected, not the same row numbers.
    append(10);
    QCOMPARE(selectedSeqs(), (QList<quint64>{3, 4, 5, 9}));
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::DescendingOrder);
    QCOMPARE(selectedSeqs(), (QList<quint64>{3, 4, 5, 9}));
    QCOMPARE(m_view->currentSeq(), 9u);
    append(60); // some land between the selected rows in this order: they do not join
    QCOMPARE(selectedSeqs(), (QList<quint64>{3, 4, 5, 9}));
    EventFilter filter;
    filter.setRoomIds({QStringLiteral("room-0")}); // 3 and 9; 4 and 5 are hidden
    m_proxy->setFilter(filter);
    QCOMPARE(selectedSeqs(), (QList<quint64>{3, 9}));
    m_proxy->setFilter(EventFilter());
    QCOMPARE(selectedSeqs(), (QList<quint64>{3, 4, 5, 9}));
    m_proxy->sort(-1);

    // Choosing anew forgets what a filter hid; Ctrl+A takes every shown row.
    m_proxy->setFilter(filter);
    click(6, Qt::NoModifier);
    m_proxy->setFilter(EventFilter());
    QCOMPARE(selectedSeqs(), QList<quint64>{6});
    QTest::keyClick(m_view.get(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), m_proxy->rowCount());
    QCOMPARE(m_view->currentSeq(), 6u);
    // All of them stay selected in another order, as one range.
    m_proxy->sort(EventTableModel::RoomColumn, Qt::AscendingOrder);
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), m_proxy->rowCount());
    QCOMPARE(m_view->selectionModel()->selection().size(), 1);
    m_proxy->setFilter(filter);
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), m_proxy->rowCount());
    m_proxy->setFilter(EventFilter());
    m_proxy->sort(-1);
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), m_proxy->rowCount());
    // A selection does not stop following: new rows are shown, and not selected.
    const int selected = m_proxy->rowCount();
    m_view->setFollowNewest(true);
    append(5);
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), selected);
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(!m_view->isFollowPaused());
    m_model->clear();
    QVERIFY(m_view->selectionModel()->selectedRows().isEmpty());
    QCOMPARE(m_view->currentSeq(), 0u);
}

QTEST_MAIN(TestEventTableView)
#include "tst_eventtableview.moc"
