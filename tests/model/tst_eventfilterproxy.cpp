// EventFilter's rules and EventFilterProxy: filtering by type, room, verdict and text, sorting,
// incremental inserts while sorted and filtered, all under QAbstractItemModelTester.
#include "eventfilterproxy.h"
#include "testrequests.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pnm;
using pnm::test::makeRequest;

class TestEventFilterProxy : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void filterRules_data();
    void filterRules();
    void invalidRegexMatchesNothing();
    void filtersRows();
    void sortsAndInsertsInPlace();
    void seqSurvivesFilter();

private:
    QList<quint64> shownSeqs() const;
    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<EventFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestEventFilterProxy::init()
{
    m_model = std::make_unique<EventTableModel>();
    m_proxy = std::make_unique<EventFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->appendBatch(
        {makeRequest(1, QStringLiteral("room_started"), QStringLiteral("alpha"), {}),
         makeRequest(2, QStringLiteral("participant_joined"), QStringLiteral("alpha"),
                     QStringLiteral("carol")),
         makeRequest(3, QStringLiteral("participant_joined"), QStringLiteral("beta"),
                     QStringLiteral("dave"), Verdict::Expired),
         makeRequest(4, QStringLiteral("participant_left"), QStringLiteral("beta"),
                     QStringLiteral("carol"), Verdict::Unverified)});
}

QList<quint64> TestEventFilterProxy::shownSeqs() const
{
    QList<quint64> seqs;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        seqs.append(m_proxy->index(row, 0).data(EventTableModel::SeqRole).toULongLong());
    return seqs;
}

void TestEventFilterProxy::filterRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("one word, any case") << QStringLiteral("ALICE") << true;
    QTest::newRow("words in different fields") << QStringLiteral("alice demo") << true;
    QTest::newRow("a word not there") << QStringLiteral("alice zzz") << false;
    QTest::newRow("phrase") << QStringLiteral("\"demo room\"") << true;
    QTest::newRow("phrase not adjacent") << QStringLiteral("\"room demo\"") << false;
    QTest::newRow("regex") << QStringLiteral("/^ali.e$/") << true;
    QTest::newRow("regex no match") << QStringLiteral("/^lice/") << false;
}

void TestEventFilterProxy::filterRules()
{
    QFETCH(QString, text);
    QFETCH(bool, matches);
    EventFilter filter;
    filter.setText(text);
    QVERIFY(filter.isTextValid());
    const EventFilterSubject subject{QStringLiteral("participant_joined"),
                                     QStringLiteral("r1"),
                                     Verdict::Valid,
                                     {QStringLiteral("alice"), QStringLiteral("Demo room")}};
    QCOMPARE(filter.matches(subject), matches);
    filter.setVerdictClasses(int(VerdictClass::Failed));
    QCOMPARE(filter.matches(subject), false);
    filter.setVerdictClasses(EventFilter::kAllVerdictClasses);
    filter.setEventNames({QStringLiteral("room_started")});
    QCOMPARE(filter.matches(subject), false);
}

void TestEventFilterProxy::invalidRegexMatchesNothing()
{
    EventFilter filter;
    filter.setText(QStringLiteral("/([a-/"));
    QVERIFY(!filter.isTextValid());
    QVERIFY(filter.textError().startsWith(QLatin1String("Invalid regular expression")));
    m_proxy->setFilter(filter);
    QCOMPARE(m_proxy->rowCount(), 0);
    filter.setText(QStringLiteral("\"open"));
    QCOMPARE(filter.textError(), QStringLiteral("A quoted phrase is not closed"));
}

void TestEventFilterProxy::filtersRows()
{
    QSignalSpy counts(m_proxy.get(), &EventFilterProxy::shownCountChanged);
    EventFilter filter;
    filter.setEventNames({QStringLiteral("participant_joined")});
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), (QList<quint64>{2, 3}));
    QCOMPARE(counts.last().at(0).toInt(), 2);
    QCOMPARE(counts.last().at(1).toInt(), 4);

    filter = EventFilter();
    filter.setRoomIds({QStringLiteral("beta")});
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), (QList<quint64>{3, 4}));

    filter = EventFilter();
    filter.setVerdictClasses(int(VerdictClass::Failed));
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), (QList<quint64>{3}));

    filter = EventFilter();
    filter.setText(QStringLiteral("carol"));
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), (QList<quint64>{2, 4}));
    filter.setText(QStringLiteral("carol \"title of beta\""));
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), (QList<quint64>{4}));
    filter.setText(QStringLiteral("id-3"));
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), (QList<quint64>{3}));

    // New rows are filtered as they arrive.
    filter.setText(QStringLiteral("carol"));
    m_proxy->setFilter(filter);
    m_model->appendBatch({makeRequest(5, QStringLiteral("room_finished"), QStringLiteral("x"), {}),
                          makeRequest(6, QStringLiteral("participant_joined"), QStringLiteral("x"),
                                      QStringLiteral("carol"))});
    QCOMPARE(shownSeqs(), (QList<quint64>{2, 4, 6}));
    QCOMPARE(counts.last().at(1).toInt(), 6);
}

void TestEventFilterProxy::sortsAndInsertsInPlace()
{
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::AscendingOrder);
    // Empty participant first, then CAROL (carol) x2 in arrival order, then DAVE.
    QCOMPARE(shownSeqs(), (QList<quint64>{1, 2, 4, 3}));
    m_proxy->sort(EventTableModel::SeqColumn, Qt::DescendingOrder);
    QCOMPARE(shownSeqs(), (QList<quint64>{4, 3, 2, 1}));
    QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
    m_model->appendBatch(
        {makeRequest(5, QStringLiteral("room_finished"), QStringLiteral("x"), {}),
         makeRequest(6, QStringLiteral("room_finished"), QStringLiteral("x"), {})});
    QCOMPARE(inserted.size(), 1); // both at the top: one insertion
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(shownSeqs(), (QList<quint64>{6, 5, 4, 3, 2, 1}));
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::AscendingOrder);
    m_model->appendBatch({makeRequest(7, QStringLiteral("participant_left"), QStringLiteral("x"),
                                      QStringLiteral("cat")),
                          makeRequest(8, QStringLiteral("participant_left"), QStringLiteral("x"),
                                      QStringLiteral("zed"))});
    QCOMPARE(shownSeqs(), (QList<quint64>{1, 5, 6, 2, 4, 7, 3, 8}));
    m_proxy->sort(-1);
    QCOMPARE(shownSeqs(), (QList<quint64>{1, 2, 3, 4, 5, 6, 7, 8}));
}

void TestEventFilterProxy::seqSurvivesFilter()
{
    QCOMPARE(m_proxy->rowForSeq(3), 2);
    EventFilter filter;
    filter.setRoomIds({QStringLiteral("beta")});
    m_proxy->setFilter(filter);
    QCOMPARE(m_proxy->rowForSeq(3), 0);
    QCOMPARE(m_proxy->rowForSeq(1), -1);
    QCOMPARE(m_proxy->mapToSource(m_proxy->index(1, 2)).row(), 3);
    QCOMPARE(m_proxy->mapFromSource(m_model->index(2, 1)).row(), 0);
}

QTEST_GUILESS_MAIN(TestEventFilterProxy)
#include "tst_eventfilterproxy.moc"
