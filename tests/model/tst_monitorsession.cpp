// MonitorSession continuing a session file: the file's earlier requests load into the table in
// batches, live requests that arrive meanwhile wait and follow them in sequence order (none lost,
// none twice, even when the reader already sees this run's rows in the file), a listener restart
// does not load them again, Clear stops the load, and an unreadable file lets live rows through.
// Requests a retention limit removed from the file leave the table, also those not in it yet.
// Paused, the table holds rows back while their details are at hand at once.
// The ingest service's signals are emitted by the test; no listener runs.
#include "../gui/sessionfixture.h"
#include "ingest/ingestservice.h"
#include "monitorsession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pnm;
using namespace pnm::test;

class TestMonitorSession : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void earlierRowsComeFirst();
    void clearStopsTheLoad();
    void unreadableFileLetsLiveRowsThrough();
    void removedRequestsLeaveTheTable();
    void removedWhileTheHistoryLoads();
    void pauseHoldsRowsAndClearDropsThem();

private:
    void arrive(quint64 first, quint64 last);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<IngestService> m_service;
    std::unique_ptr<MonitorSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestMonitorSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("continued.pnmsession"));
    m_service = std::make_unique<IngestService>();
    m_session = std::make_unique<MonitorSession>(m_service.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_session->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMonitorSession::cleanup()
{
    m_tester.reset();
    m_session.reset();
    m_service.reset();
    m_dir.reset();
}

// Live requests, as the ingest thread announces them, published by the batcher at once.
void TestMonitorSession::arrive(quint64 first, quint64 last)
{
    for (quint64 seq = first; seq <= last; ++seq)
        emit m_service->requestRecorded(
            sessionRequest(seq, QStringLiteral("room_finished"), QStringLiteral("live")));
    m_session->batcher()->flush();
}

void TestMonitorSession::earlierRowsComeFirst()
{
    constexpr int kEarlier = 4500; // three of the loader's batches
    // The file also holds this run's first three requests: committed before the reader got
    // there, they must come once, from the live side.
    QString error;
    QVERIFY2(writeSession(m_path, kEarlier + 3, &error), qPrintable(error));
    QSignalSpy loaded(m_session.get(), &MonitorSession::historyLoadFinished);
    emit m_service->sessionOpened(m_path, kEarlier, kEarlier);
    QVERIFY(m_session->isLoadingHistory());
    QCOMPARE(m_session->historyExpected(), quint64(kEarlier));
    arrive(kEarlier + 1, kEarlier + 3);
    QCOMPARE(m_session->waitingCount(), 3);
    QVERIFY(m_session->model()->rowForSeq(kEarlier + 1) < 0);

    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(0).toULongLong(), quint64(kEarlier));
    QVERIFY(!m_session->isLoadingHistory());
    QCOMPARE(m_session->waitingCount(), 0);
    const EventTableModel *model = m_session->model();
    QCOMPARE(model->rowCount(), kEarlier + 3);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->eventRow(row).seq, quint64(row + 1));
    QCOMPARE(model->index(kEarlier - 1, EventTableModel::EventColumn).data().toString(),
             QStringLiteral("participant_joined"));
    QCOMPARE(model->index(kEarlier, EventTableModel::EventColumn).data().toString(),
             QStringLiteral("room_finished")); // the live request, not the file's copy
    QCOMPARE(m_session->totalCount(), quint64(kEarlier + 3));
    // The file's rows come without their bodies, but with their sizes.
    const auto sizeAt = [model](int row) {
        return model->index(row, EventTableModel::SizeColumn)
            .data(EventTableModel::RawValueRole)
            .toLongLong();
    };
    for (const quint64 seq : {quint64(1), quint64(kEarlier)}) {
        const bool odd = seq % 2 != 0;
        const RecordedRequest written = sessionRequest(
            seq, odd ? QStringLiteral("room_started") : QStringLiteral("participant_joined"),
            odd ? QStringLiteral("room-a") : QStringLiteral("room-b"));
        QCOMPARE(sizeAt(int(seq) - 1), written.body.size());
    }
    QCOMPARE(sizeAt(kEarlier),
             sessionRequest(kEarlier + 1, QStringLiteral("room_finished"), QStringLiteral("live"))
                 .body.size());

    // Later live requests go straight in; a listener restart reopens the file without a reload.
    arrive(kEarlier + 4, kEarlier + 4);
    emit m_service->sessionOpened(m_path, kEarlier + 4, kEarlier + 4);
    QVERIFY(!m_session->isLoadingHistory());
    QCOMPARE(model->rowCount(), kEarlier + 4);
}

void TestMonitorSession::clearStopsTheLoad()
{
    QString error;
    QVERIFY2(writeSession(m_path, 3000, &error), qPrintable(error));
    emit m_service->sessionOpened(m_path, 3000, 3000);
    arrive(3001, 3001);
    QCOMPARE(m_session->waitingCount(), 1);
    m_session->clear();
    QVERIFY(!m_session->isLoadingHistory());
    QCOMPARE(m_session->waitingCount(), 0);
    QTest::qWait(300); // to show that nothing of the cancelled load arrives
    QCOMPARE(m_session->model()->rowCount(), 0);
    arrive(3002, 3002);
    QCOMPARE(m_session->model()->rowCount(), 1);
}

void TestMonitorSession::unreadableFileLetsLiveRowsThrough()
{
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a session file, not SQLite either");
    file.close();
    QSignalSpy failed(m_session.get(), &MonitorSession::historyFailed);
    emit m_service->sessionOpened(m_path, 10, 10);
    arrive(11, 12);
    QVERIFY(failed.wait(10000));
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QVERIFY(!m_session->isLoadingHistory());
    QCOMPARE(m_session->model()->rowCount(), 2);
    QCOMPARE(m_session->model()->eventRow(0).seq, 11u);
}

QTEST_GUILESS_MAIN(TestMonitorSession)
void TestMonitorSession::removedRequestsLeaveTheTable()
{
    const EventTableModel *model = m_session->model();
    const auto seqs = [model] {
        QList<quint64> shown;
        for (int row = 0; row < model->rowCount(); ++row)
            shown.append(model->eventRow(row).seq);
        return shown;
    };
    arrive(1, 10);
    emit m_service->requestsRemoved({1, 2, 3});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 7, 5000);
    QCOMPARE(seqs().first(), 4u);
    QCOMPARE(m_session->totalCount(), 7u);

    // Removed before the table saw them (the batcher holds requests for a moment): they never
    // show up.
    emit m_service->requestsRemoved({11, 12});
    arrive(11, 13);
    QCOMPARE(seqs(), (QList<quint64>{4, 5, 6, 7, 8, 9, 10, 13}));

    // Paused, the table holds still; resumed, it catches up at once.
    m_session->setPaused(true);
    emit m_service->requestsRemoved({4, 5});
    QTest::qWait(2 * MonitorSession::kRemovalIntervalMs); // to show that nothing leaves
    QCOMPARE(model->rowCount(), 8);
    m_session->setPaused(false);
    QCOMPARE(seqs(), (QList<quint64>{6, 7, 8, 9, 10, 13}));

    // After Clear, later requests are unaffected by earlier removals.
    m_session->clear();
    emit m_service->requestsRemoved({6, 7});
    arrive(14, 15);
    QTRY_COMPARE_WITH_TIMEOUT(seqs(), (QList<quint64>{14, 15}), 5000);
}

void TestMonitorSession::removedWhileTheHistoryLoads()
{
    constexpr int kEarlier = 3000; // two of the loader's batches
    QString error;
    QVERIFY2(writeSession(m_path, kEarlier, &error), qPrintable(error));
    QSignalSpy loaded(m_session.get(), &MonitorSession::historyLoadFinished);
    emit m_service->sessionOpened(m_path, kEarlier, kEarlier);
    // Retention trims a continued file as it opens: the reader may still find those rows.
    QList<quint64> gone;
    for (quint64 seq = 1; seq <= 100; ++seq)
        gone.append(seq);
    emit m_service->requestsRemoved(gone);
    emit m_service->requestsRemoved({kEarlier + 1});
    arrive(kEarlier + 1, kEarlier + 2);
    QVERIFY(loaded.wait(10000));
    const EventTableModel *model = m_session->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kEarlier - 100 + 1, 5000);
    QCOMPARE(model->eventRow(0).seq, 101u);
    QCOMPARE(model->eventRow(model->rowCount() - 1).seq, quint64(kEarlier + 2));
    QCOMPARE(model->rowForSeq(kEarlier + 1), -1);
}

void TestMonitorSession::pauseHoldsRowsAndClearDropsThem()
{
    const EventTableModel *model = m_session->model();
    m_session->setPaused(true);
    arrive(1, 5);
    QCOMPARE(m_session->heldCount(), 5);
    QCOMPARE(model->rowCount(), 0);
    // Without a session file the details live in memory, from the moment the request arrives.
    const auto held = m_session->details()->memory().request(3);
    QVERIFY(held.has_value());
    QVERIFY(held->body.contains("\"id\":\"ev-3\""));

    m_session->setPaused(false);
    QCOMPARE(m_session->heldCount(), 0);
    QCOMPARE(model->rowCount(), 5);
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(model->eventRow(row).seq, quint64(row + 1));
        QCOMPARE(model->index(row, EventTableModel::EventColumn).data().toString(),
                 QStringLiteral("room_finished"));
        QCOMPARE(model->index(row, EventTableModel::RoomColumn).data().toString(),
                 QStringLiteral("live"));
        QCOMPARE(model->eventIds().id(row), QStringLiteral("ev-%1").arg(row + 1).toStdString());
    }

    // Cleared while paused: what was held goes too, and later rows show their own text.
    m_session->setPaused(true);
    emit m_service->requestRecorded(
        sessionRequest(6, QStringLiteral("participant_joined"), QStringLiteral("gone")));
    QCOMPARE(m_session->heldCount(), 1);
    m_session->clear();
    QCOMPARE(m_session->heldCount(), 0);
    m_session->setPaused(false);
    QCOMPARE(model->rowCount(), 0);
    emit m_service->requestRecorded(
        sessionRequest(7, QStringLiteral("track_published"), QStringLiteral("kept")));
    m_session->batcher()->flush();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, EventTableModel::EventColumn).data().toString(),
             QStringLiteral("track_published"));
    QCOMPARE(model->index(0, EventTableModel::RoomColumn).data().toString(),
             QStringLiteral("kept"));
    QCOMPARE(model->rooms().size(), 1);
}

#include "tst_monitorsession.moc"
