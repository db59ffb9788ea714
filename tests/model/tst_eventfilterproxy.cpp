// EventFilter's rules and EventFilterProxy: filtering by type, room, verdict and every kind of
// free text (words, phrases, ids, regexes, any case), sorting, incremental inserts while sorted
// and filtered, all under QAbstractItemModelTester.
#include "eventfilterproxy.h"
#include "testrequests.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
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
    void searchKinds_data();
    void searchKinds();
    void everySearchableFieldIsFound_data();
    void everySearchableFieldIsFound();
    void arrivalsAreSearchedToo();
    void invalidTextHidesArrivals();
    void descendingSortKeepsArrivalTies();
    void clearedSourceEmptiesTheProxy();
    void removedRowsLeaveInArrivalOrder();
    void removedRowsLeaveWhileSorted();
    void scatteredRemovalResetsAndKeepsTheFilter();
    void renumberedStringsKeepFilterAndSort();

private:
    QList<quint64> shownSeqs() const;
    QList<RecordedRequest> m_requests;
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
    m_requests = {makeRequest(1, QStringLiteral("room_started"), QStringLiteral("alpha"), {}),
                  makeRequest(2, QStringLiteral("participant_joined"), QStringLiteral("alpha"),
                              QStringLiteral("carol")),
                  makeRequest(3, QStringLiteral("participant_joined"), QStringLiteral("beta"),
                              QStringLiteral("dave"), Verdict::Expired),
                  makeRequest(4, QStringLiteral("participant_left"), QStringLiteral("beta"),
                              QStringLiteral("carol"), Verdict::Unverified)};
    m_model->appendBatch(m_requests);
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

void TestEventFilterProxy::searchKinds_data()
{
    // Rows (from init): 1 room_started alpha; 2 participant_joined alpha carol; 3
    // participant_joined beta dave (expired); 4 participant_left beta carol (unverified). Ids are
    // "id-<seq>", rooms "Title of <room> (<room>)", participants "<NAME> (<identity>)".
    // `cli`: --filter (EventFilter::matches over the decoded fields) decides the same; the window
    // also searches what its columns show (verdict words, sender, the labels).
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<quint64>>("shown");
    QTest::addColumn<bool>("cli");
    QTest::newRow("word") << QStringLiteral("carol") << QList<quint64>{2, 4} << true;
    QTest::newRow("word, other case") << QStringLiteral("CaRoL") << QList<quint64>{2, 4} << true;
    QTest::newRow("two words, two fields")
        << QStringLiteral("carol beta") << QList<quint64>{4} << true;
    QTest::newRow("phrase") << QStringLiteral("\"title of beta\"") << QList<quint64>{3, 4} << true;
    QTest::newRow("phrase across fields")
        << QStringLiteral("\"dave title\"") << QList<quint64>{} << true;
    QTest::newRow("id") << QStringLiteral("id-3") << QList<quint64>{3} << true;
    QTest::newRow("id, other case") << QStringLiteral("ID-3") << QList<quint64>{3} << true;
    QTest::newRow("id fragment, every row")
        << QStringLiteral("d-") << QList<quint64>{1, 2, 3, 4} << true;
    QTest::newRow("id and a field") << QStringLiteral("id-4 carol") << QList<quint64>{4} << true;
    QTest::newRow("id and a field, no row")
        << QStringLiteral("id-3 carol") << QList<quint64>{} << true;
    QTest::newRow("verdict words") << QStringLiteral("expired") << QList<quint64>{3} << false;
    QTest::newRow("sender") << QStringLiteral("127.0.0.1") << QList<quint64>{1, 2, 3, 4} << false;
    QTest::newRow("event name") << QStringLiteral("JOINED") << QList<quint64>{2, 3} << true;
    QTest::newRow("no match") << QStringLiteral("zzz") << QList<quint64>{} << true;
    QTest::newRow("regex on ids") << QStringLiteral("/^id-[24]$/") << QList<quint64>{2, 4} << true;
    QTest::newRow("regex, any case") << QStringLiteral("/^ID-1$/") << QList<quint64>{1} << true;
    QTest::newRow("regex anchored on one field")
        << QStringLiteral("/^carol$/") << QList<quint64>{2, 4} << true;
    QTest::newRow("regex within a label")
        << QStringLiteral("/^title of beta \\(beta\\)$/") << QList<quint64>{3, 4} << false;
    QTest::newRow("regex never spans fields")
        << QStringLiteral("/dave.title/") << QList<quint64>{} << true;
    QTest::newRow("regex never spans ids")
        << QStringLiteral("/1\\sid-2/") << QList<quint64>{} << true;
    QTest::newRow("regex end of every id")
        << QStringLiteral("/-\\d$/") << QList<quint64>{1, 2, 3, 4} << true;
    QTest::newRow("regex lookbehind on ids")
        << QStringLiteral("/(?<=id-)3/") << QList<quint64>{3} << true;
    QTest::newRow("regex lookahead, no row")
        << QStringLiteral("/id-(?=9)/") << QList<quint64>{} << true;
    QTest::newRow("regex empty match")
        << QStringLiteral("/x*/") << QList<quint64>{1, 2, 3, 4} << true;
}

void TestEventFilterProxy::searchKinds()
{
    QFETCH(QString, text);
    QFETCH(QList<quint64>, shown);
    QFETCH(bool, cli);
    EventFilter filter;
    filter.setText(text);
    QVERIFY(filter.isTextValid());
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), shown);
    if (!cli)
        return;
    for (const RecordedRequest &request : std::as_const(m_requests)) {
        const bool matched =
            filter.matches({request.event.event, request.event.room->roomId, Verdict::Valid,
                            EventFilter::searchableFields(request.event)});
        QCOMPARE(matched, shown.contains(request.seq));
    }
}

namespace {
// A request with every part an event can carry, each field distinct.
RecordedRequest fullRequest()
{
    RecordedRequest request = makeRequest(9, QStringLiteral("track_published"),
                                          QStringLiteral("room-9"), QStringLiteral("erin"));
    WebhookEvent &event = request.event;
    event.room->sid = QStringLiteral("RM_sid9");
    event.participant->sid = QStringLiteral("PA_sid9");
    event.participant->disconnectReason = QStringLiteral("CLIENT_INITIATED");
    EventTrack track;
    track.sid = QStringLiteral("TR_sid9");
    track.name = QStringLiteral("cam name");
    track.mimeType = QStringLiteral("video/VP8");
    track.type = QStringLiteral("VIDEO");
    track.source = QStringLiteral("CAMERA");
    event.track = track;
    EventRecording recording;
    recording.recordId = QStringLiteral("REC_9");
    recording.recorderMsg = QStringLiteral("recorder says hi");
    recording.filePath = QStringLiteral("/rec/9.mp4");
    event.recording = recording;
    EventArtifact artifact;
    artifact.type = QStringLiteral("MEETING_ANALYTICS");
    artifact.artifactId = QStringLiteral("ART_9");
    artifact.userName = QStringLiteral("Fiona");
    artifact.filePath = QStringLiteral("/art/9.json");
    event.artifact = artifact;
    event.analytics = EventAnalytics{QStringLiteral("FILE_9")};
    EventSpeechService speech;
    speech.userId = QStringLiteral("speaker-9");
    event.speechService = speech;
    return request;
}
} // namespace

void TestEventFilterProxy::everySearchableFieldIsFound_data()
{
    QTest::addColumn<QString>("field");
    for (const QString &field : EventFilter::searchableFields(fullRequest().event))
        QTest::newRow(qPrintable(field)) << field;
}

void TestEventFilterProxy::everySearchableFieldIsFound()
{
    // What --filter searches (EventFilter::searchableFields), the window finds too: as a phrase,
    // in another case, and by a regex anchored to that one field.
    QFETCH(QString, field);
    m_model->appendBatch({fullRequest()});
    EventFilter filter;
    const QStringList texts{u'"' + field + u'"', u'"' + field.toUpper() + u'"',
                            QStringLiteral("/^%1$/").arg(QRegularExpression::escape(field))};
    for (const QString &text : texts) {
        filter.setText(text);
        m_proxy->setFilter(filter);
        QCOMPARE(shownSeqs(), QList<quint64>{9});
    }
}

void TestEventFilterProxy::arrivalsAreSearchedToo()
{
    EventFilter filter;
    filter.setText(QStringLiteral("ID-6"));
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), QList<quint64>{});
    m_model->appendBatch(
        {makeRequest(5, QStringLiteral("room_finished"), QStringLiteral("x"), {}),
         makeRequest(6, QStringLiteral("room_finished"), QStringLiteral("x"), {})});
    QCOMPARE(shownSeqs(), QList<quint64>{6});
    filter.setText(QStringLiteral("/^id-[78]$/"));
    m_proxy->setFilter(filter);
    m_model->appendBatch(
        {makeRequest(7, QStringLiteral("room_finished"), QStringLiteral("x"), {})});
    QCOMPARE(shownSeqs(), QList<quint64>{7});
}

void TestEventFilterProxy::invalidTextHidesArrivals()
{
    QSignalSpy counts(m_proxy.get(), &EventFilterProxy::shownCountChanged);
    EventFilter filter;
    filter.setText(QStringLiteral("/(/"));
    m_proxy->setFilter(filter);
    m_model->appendBatch(
        {makeRequest(5, QStringLiteral("room_finished"), QStringLiteral("x"), {})});
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(counts.last().at(0).toInt(), 0);
    QCOMPARE(counts.last().at(1).toInt(), 5); // "showing 0 of 5"
}

void TestEventFilterProxy::descendingSortKeepsArrivalTies()
{
    m_proxy->sort(EventTableModel::RoomColumn, Qt::DescendingOrder);
    QCOMPARE(shownSeqs(), (QList<quint64>{3, 4, 1, 2}));
    m_proxy->sort(EventTableModel::EventColumn, Qt::DescendingOrder);
    QCOMPARE(shownSeqs(), (QList<quint64>{1, 4, 2, 3}));
    m_proxy->sort(EventTableModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(shownSeqs(), (QList<quint64>{4, 3, 2, 1}));
    m_proxy->sort(EventTableModel::VerdictColumn, Qt::AscendingOrder);
    QCOMPARE(shownSeqs(), (QList<quint64>{1, 2, 4, 3})); // valid, unverified, expired
    // Arrivals land in place, and ties with them keep arrival order.
    m_model->appendBatch(
        {makeRequest(5, QStringLiteral("room_finished"), QStringLiteral("x"), {})});
    QCOMPARE(shownSeqs(), (QList<quint64>{1, 2, 5, 4, 3}));
}

void TestEventFilterProxy::clearedSourceEmptiesTheProxy()
{
    QSignalSpy counts(m_proxy.get(), &EventFilterProxy::shownCountChanged);
    EventFilter filter;
    filter.setText(QStringLiteral("carol"));
    m_proxy->setFilter(filter);
    m_model->clear();
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(counts.last().at(1).toInt(), 0);
    // The caches start again with the pool: new strings get new ids.
    m_model->appendBatch({makeRequest(1, QStringLiteral("participant_joined"),
                                      QStringLiteral("gamma"), QStringLiteral("carol"))});
    QCOMPARE(shownSeqs(), QList<quint64>{1});
}

void TestEventFilterProxy::removedRowsLeaveInArrivalOrder()
{
    m_model->appendBatch(
        {makeRequest(5, QStringLiteral("room_finished"), QStringLiteral("alpha"), {}),
         makeRequest(6, QStringLiteral("participant_joined"), QStringLiteral("beta"),
                     QStringLiteral("erin"))});
    EventFilter filter;
    filter.setRoomIds({QStringLiteral("beta")});
    m_proxy->setFilter(filter);
    QCOMPARE(shownSeqs(), (QList<quint64>{3, 4, 6}));
    QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy counts(m_proxy.get(), &EventFilterProxy::shownCountChanged);
    // 1..3 are one source run; only 3 of them is shown.
    m_model->removeSeqs({1, 2, 3});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    QCOMPARE(shownSeqs(), (QList<quint64>{4, 6}));
    QCOMPARE(counts.last().at(0).toInt(), 2);
    QCOMPARE(counts.last().at(1).toInt(), 3);
    // The shown rows map to the moved source rows.
    QCOMPARE(m_proxy->mapToSource(m_proxy->index(1, 0)).row(), 2);
    QCOMPARE(m_proxy->rowForSeq(6), 1);
    // Nothing shown among the removed: no removal announced here.
    m_model->removeSeqs({5});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(shownSeqs(), (QList<quint64>{4, 6}));
    QCOMPARE(m_proxy->mapToSource(m_proxy->index(1, 0)).row(), 1);
    // Rows arriving afterwards land where they belong.
    m_model->appendBatch({makeRequest(7, QStringLiteral("participant_left"), QStringLiteral("beta"),
                                      QStringLiteral("erin"))});
    QCOMPARE(shownSeqs(), (QList<quint64>{4, 6, 7}));
}

void TestEventFilterProxy::removedRowsLeaveWhileSorted()
{
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::AscendingOrder);
    QCOMPARE(shownSeqs(), (QList<quint64>{1, 2, 4, 3}));
    QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
    // Source rows 0..1 (seqs 1, 2) are shown first and second: one run.
    m_model->removeSeqs({1, 2});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(shownSeqs(), (QList<quint64>{4, 3}));
    m_model->appendBatch({makeRequest(5, QStringLiteral("participant_left"), QStringLiteral("x"),
                                      QStringLiteral("bob")),
                          makeRequest(6, QStringLiteral("participant_left"), QStringLiteral("x"),
                                      QStringLiteral("zed"))});
    QCOMPARE(shownSeqs(), (QList<quint64>{5, 4, 3, 6}));
    // Source rows 2..3 (seqs 5, 6) are shown first and last: two removals, the later one first.
    removed.clear();
    m_model->removeSeqs({5, 6});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 3);
    QCOMPARE(removed.at(1).at(1).toInt(), 0);
    QCOMPARE(shownSeqs(), (QList<quint64>{4, 3}));
    QCOMPARE(m_proxy->mapToSource(m_proxy->index(1, 0)).row(), 0);
}

void TestEventFilterProxy::scatteredRemovalResetsAndKeepsTheFilter()
{
    QList<RecordedRequest> more;
    for (quint64 seq = 5; seq <= 200; ++seq)
        more.append(makeRequest(seq, QStringLiteral("participant_joined"),
                                seq % 2 ? QStringLiteral("alpha") : QStringLiteral("beta"),
                                QStringLiteral("p%1").arg(seq % 37)));
    m_model->appendBatch(more);
    EventFilter filter;
    filter.setRoomIds({QStringLiteral("alpha")});
    m_proxy->setFilter(filter);
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::DescendingOrder);
    QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
    // The lowest 150 are one source run but lie all over the participant order.
    QList<quint64> gone;
    for (quint64 seq = 1; seq <= 150; ++seq)
        gone.append(seq);
    m_model->removeSeqs(gone);
    QCOMPARE(reset.size(), 1);
    const QList<quint64> shown = shownSeqs();
    QCOMPARE(shown.size(), 25); // the odd numbers 151..199
    for (int row = 0; row < shown.size(); ++row) {
        QVERIFY(shown.at(row) > 150 && shown.at(row) % 2 == 1);
        const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
        QCOMPARE(m_model->eventRow(source.row()).seq, shown.at(row));
        if (row > 0) {
            QVERIFY(m_proxy->index(row - 1, EventTableModel::ParticipantColumn).data().toString() >=
                    m_proxy->index(row, EventTableModel::ParticipantColumn).data().toString());
        }
    }
}

// Retention dropping strings from the pool renumbers the rest: the proxy builds its caches by
// pool id again, so rows arriving afterwards are filtered and placed as a fresh proxy would.
void TestEventFilterProxy::renumberedStringsKeepFilterAndSort()
{
    const auto joined = [](quint64 seq, const QString &who) {
        return makeRequest(seq, QStringLiteral("participant_joined"),
                           seq % 2 ? QStringLiteral("alpha") : QStringLiteral("beta"), who);
    };
    QList<RecordedRequest> many;
    for (quint64 seq = 5; seq <= 30'000; ++seq)
        many.append(joined(seq, QStringLiteral("p%1").arg(seq)));
    m_model->appendBatch(many);
    EventFilter filter;
    filter.setText(QStringLiteral("p2"));
    m_proxy->setFilter(filter);
    m_proxy->sort(EventTableModel::ParticipantColumn, Qt::DescendingOrder);
    QSignalSpy renumbered(m_model.get(), &EventTableModel::stringsRenumbered);
    QList<quint64> gone;
    for (quint64 seq = 1; seq <= 20'000; ++seq)
        gone.append(seq);
    m_model->removeSeqs(gone);
    QCOMPARE(renumbered.size(), 1);

    QList<RecordedRequest> later;
    for (quint64 seq = 30'001; seq <= 30'060; ++seq) {
        const QString who = seq % 3 == 0   ? QStringLiteral("p2-new-%1").arg(seq)
                            : seq % 3 == 1 ? QStringLiteral("zz-%1").arg(seq)
                                           : QStringLiteral("p%1").arg(seq - 10'000);
        later.append(joined(seq, who));
    }
    m_model->appendBatch(later);
    EventFilterProxy fresh;
    fresh.setSourceModel(m_model.get());
    fresh.setFilter(filter);
    fresh.sort(EventTableModel::ParticipantColumn, Qt::DescendingOrder);
    QList<quint64> expected;
    for (int row = 0; row < fresh.rowCount(); ++row)
        expected.append(fresh.index(row, 0).data(EventTableModel::SeqRole).toULongLong());
    QCOMPARE(expected.size(), 9'999 + 40); // p20001..p29999, and two arrivals in three
    QCOMPARE(shownSeqs(), expected);
}

QTEST_GUILESS_MAIN(TestEventFilterProxy)
#include "tst_eventfilterproxy.moc"
