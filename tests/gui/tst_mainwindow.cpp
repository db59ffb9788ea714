// The window end to end, offscreen: it listens on a free loopback port, signed and forged
// requests posted to it become rows, the filters narrow them, the detail tabs explain them,
// pause holds events back, "Send test event" produces a valid row on an empty table, and the
// status bar says when auto-scroll waits for a reader and takes them back to the newest.
#include "../model/testrequests.h"
#include "../support/rawhttpclient.h"
#include "appsettings.h"
#include "detailpane.h"
#include "eventtableview.h"
#include "filterbar.h"
#include "ingest/ingestservice.h"
#include "mainwindow.h"
#include "monitorsession.h"
#include "monitorstatusbar.h"
#include "sign/tokensigner.h"
#include "texttablemodel.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace pnm;
using namespace pnm::test;

namespace {
const QByteArray kSecret = "gui-test-secret";

QByteArray body(const QString &event, const QString &roomId, const QString &identity, int n)
{
    QString json =
        QStringLiteral("{\"event\":\"%1\",\"room\":{\"sid\":\"S-%2\",\"room_id\":\"%2\"}")
            .arg(event, roomId);
    if (!identity.isEmpty())
        json += QStringLiteral(
                    ",\"participant\":{\"sid\":\"PA_%1\",\"identity\":\"%1\",\"name\":\"%1 name\"}")
                    .arg(identity);
    json += QStringLiteral(",\"id\":\"ev-%1\",\"created_at\":\"%2\"}")
                .arg(n)
                .arg(QDateTime::currentSecsSinceEpoch());
    return json.toUtf8();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rowsFiltersAndDetails();
    void pauseHoldsBack();
    void testEventOnEmptyTable();
    void newPortKeepsTheTable();
    void statusBarResumesFollowing();
    void statusBarCountsConnectedSenders();
    void firstLaunchFitsTheScreen();

private:
    void post(const QByteArray &bytes, const QByteArray &secret);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<IngestService> m_service;
    std::unique_ptr<MonitorSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setPort(0);
    m_settings->setKeys({{QStringLiteral("plugnmeet"), kSecret}});
    m_service = std::make_unique<IngestService>();
    m_session = std::make_unique<MonitorSession>(m_service.get());
    m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
    m_window->show();
    QVERIFY(!m_window->isShowingTable()); // the first-run panel
    m_window->startListening();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isListening(), 5000);
    QVERIFY(m_session->listenPort() != 0);
    QCOMPARE(m_window->monitorStatusBar()->listenText(),
             QStringLiteral("Listening on http://127.0.0.1:%1/").arg(m_session->listenPort()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_service.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindow::post(const QByteArray &bytes, const QByteArray &secret)
{
    const QByteArray token = TokenSigner(QStringLiteral("plugnmeet"), secret)
                                 .signWebhook(bytes, QDateTime::currentSecsSinceEpoch());
    RawHttpClient client;
    QVERIFY(client.connectTo(m_session->listenPort()));
    client.send(rawPost(
        bytes,
        {{"Authorization", token}, {"hash-token", token}, {"Content-Type", "application/json"}},
        "/webhook"));
    QCOMPARE(client.readResponse().status, 200);
}

void TestMainWindow::rowsFiltersAndDetails()
{
    post(body(QStringLiteral("room_started"), QStringLiteral("room-a"), {}, 1), kSecret);
    post(body(QStringLiteral("participant_joined"), QStringLiteral("room-a"), QStringLiteral("ann"),
              2),
         kSecret);
    post(body(QStringLiteral("participant_joined"), QStringLiteral("room-b"), QStringLiteral("bo"),
              3),
         "forged");
    post(
        body(QStringLiteral("participant_left"), QStringLiteral("room-b"), QStringLiteral("bo"), 4),
        kSecret);
    EventFilterProxy *proxy = m_session->proxy();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 4, 5000);
    QVERIFY(m_window->isShowingTable());
    QCOMPARE(m_session->failedCount(), 1u);
    QTRY_COMPARE(m_window->monitorStatusBar()->countsText(),
                 QStringLiteral("4 total \u00b7 4 shown \u00b7 1 failed"));
    const QModelIndex forgedVerdict = proxy->index(2, EventTableModel::VerdictColumn);
    QCOMPARE(forgedVerdict.data().toString(), QStringLiteral("\u2717 bad signature"));
    QCOMPARE(proxy->index(1, EventTableModel::VerdictColumn).data().toString(),
             QStringLiteral("\u2713 valid"));

    FilterBar *bar = m_window->filterBar();
    bar->setRoom(QStringLiteral("room-b"));
    QCOMPARE(proxy->rowCount(), 2);
    QCOMPARE(m_window->monitorStatusBar()->countsText(),
             QStringLiteral("4 total \u00b7 2 shown \u00b7 1 failed"));
    bar->setEventTypes({QStringLiteral("participant_joined")});
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, EventTableModel::SeqColumn).data().toString(), QStringLiteral("3"));
    bar->setRoom(QString());
    QCOMPARE(proxy->rowCount(), 2);
    bar->setEventTypes({});
    bar->setSearchText(QStringLiteral("ann"));
    QCOMPARE(proxy->rowCount(), 1);
    bar->setSearchText(QString());
    bar->setVerdictClasses(int(VerdictClass::Failed));
    QCOMPARE(proxy->rowCount(), 1);

    // The failed request explains itself in the Signature tab.
    m_window->eventTable()->selectSeq(3);
    DetailPane *pane = m_window->detailPane();
    QCOMPARE(pane->shownSeq(), 3u);
    QVERIFY2(pane->verdictText().startsWith(QStringLiteral("\u2717 bad signature \u2014 ")),
             qPrintable(pane->verdictText()));
    const QList<TextRow> &headers = pane->headersModel()->rows();
    QCOMPARE(headers.at(1).cells.value(0), QStringLiteral("Authorization"));
    QCOMPARE(headers.at(2).cells.value(0), QStringLiteral("hash-token"));
    QVERIFY(pane->rawText().startsWith(QStringLiteral("POST /webhook HTTP/1.1\n")));
    QVERIFY(pane->curlCommand().contains(
        QStringLiteral("'http://127.0.0.1:%1/webhook'").arg(m_session->listenPort())));
    QVERIFY(pane->stepsModel()->rowCount() > 0);
    QVERIFY(pane->summaryModel()->rowCount() > 0);
    QCOMPARE(pane->summaryModel()->rows().at(0).cells,
             (QStringList{QStringLiteral("Event"), QStringLiteral("participant_joined")}));

    // The selection survives widening the filter; j/k move through the events.
    bar->setVerdictClasses(EventFilter::kAllVerdictClasses);
    QCOMPARE(proxy->rowCount(), 4);
    QCOMPARE(m_window->eventTable()->currentSeq(), 3u);
    m_window->action(QStringLiteral("actionNext"))->trigger();
    QCOMPARE(pane->shownSeq(), 4u);
    m_window->action(QStringLiteral("actionPrevious"))->trigger();
    m_window->action(QStringLiteral("actionPrevious"))->trigger();
    QCOMPARE(pane->shownSeq(), 2u);
}

void TestMainWindow::pauseHoldsBack()
{
    post(body(QStringLiteral("room_started"), QStringLiteral("room-a"), {}, 1), kSecret);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->proxy()->rowCount(), 1, 5000);
    m_window->action(QStringLiteral("actionPause"))->setChecked(true);
    post(body(QStringLiteral("room_finished"), QStringLiteral("room-a"), {}, 2), kSecret);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->heldCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->monitorStatusBar()->heldText(),
                              QStringLiteral("Paused: 1 held back"), 5000);
    QCOMPARE(m_session->proxy()->rowCount(), 1);
    m_window->action(QStringLiteral("actionPause"))->setChecked(false);
    QCOMPARE(m_session->proxy()->rowCount(), 2);
    m_window->action(QStringLiteral("actionClear"))->trigger();
    QCOMPARE(m_session->proxy()->rowCount(), 0);
    QVERIFY(!m_window->isShowingTable());
}

void TestMainWindow::testEventOnEmptyTable()
{
    m_window->action(QStringLiteral("actionSendTest"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->proxy()->rowCount(), 1, 5000);
    const QModelIndex verdict = m_session->proxy()->index(0, EventTableModel::VerdictColumn);
    QCOMPARE(verdict.data().toString(), QStringLiteral("\u2713 valid"));
    QCOMPARE(m_session->proxy()->index(0, EventTableModel::EventColumn).data().toString(),
             QStringLiteral("participant_joined"));
    QVERIFY(m_window->isShowingTable());
}

void TestMainWindow::newPortKeepsTheTable()
{
    post(body(QStringLiteral("room_started"), QStringLiteral("room-a"), {}, 1), kSecret);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->proxy()->rowCount(), 1, 5000);
    QSignalSpy listening(m_session.get(), &MonitorSession::listeningChanged);
    m_settings->setListenAddress(QStringLiteral("127.0.0.1"));
    m_settings->setPort(0); // 0 again, but a restart is forced by the new body limit
    m_settings->setMaxBodyBytes(64 * 1024);
    m_window->startListening();
    QTRY_VERIFY_WITH_TIMEOUT(!listening.isEmpty() && listening.last().at(0).toBool(), 5000);
    QVERIFY(m_session->listenPort() != 0);
    QCOMPARE(m_session->proxy()->rowCount(), 1);
    post(body(QStringLiteral("room_finished"), QStringLiteral("room-a"), {}, 2), kSecret);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->proxy()->rowCount(), 2, 5000);
    QCOMPARE(m_session->proxy()->index(1, 0).data().toString(), QStringLiteral("2"));
}

void TestMainWindow::statusBarResumesFollowing()
{
    // Enough rows to scroll, straight into the table (the listener is not what is tested here).
    QList<RecordedRequest> rows;
    for (quint64 seq = 1; seq <= 300; ++seq)
        rows.append(makeRequest(seq, QStringLiteral("participant_joined"), QStringLiteral("r"),
                                QStringLiteral("u")));
    m_session->model()->appendBatch(rows);
    QVERIFY(m_window->isShowingTable());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    MonitorStatusBar *status = m_window->monitorStatusBar();
    QScrollBar *bar = m_window->eventTable()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(status->followText(), QString());

    bar->setValue(bar->maximum() / 2); // reading further up
    QCOMPARE(status->followText(), QStringLiteral("Auto-scroll paused \u2014 show newest"));
    QVERIFY(status->resumeFollowButton()->isVisible());
    QTest::mouseClick(status->resumeFollowButton(), Qt::LeftButton);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(status->followText(), QString());
    QVERIFY(!m_window->eventTable()->isFollowPaused());

    // Auto-scroll switched off: nothing to resume, so nothing is offered.
    bar->setValue(0);
    QVERIFY(!status->followText().isEmpty());
    m_window->action(QStringLiteral("actionAutoScroll"))->setChecked(false);
    QCOMPARE(status->followText(), QString());
}

// Plug-N-Meet keeps a connection per busy room: the status bar says how many are open now.
void TestMainWindow::statusBarCountsConnectedSenders()
{
    MonitorStatusBar *status = m_window->monitorStatusBar();
    QTRY_COMPARE_WITH_TIMEOUT(status->connectionsText(), QStringLiteral("0 senders connected"),
                              5000);
    {
        RawHttpClient first;
        RawHttpClient second;
        QVERIFY(first.connectTo(m_session->listenPort()));
        QVERIFY(second.connectTo(m_session->listenPort()));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(status->connectionsText(), QStringLiteral("2 senders connected"),
                                  5000);
        second.socket().abort();
        QTRY_COMPARE_WITH_TIMEOUT(status->connectionsText(), QStringLiteral("1 sender connected"),
                                  5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionCount(), 0, 5000);
    m_session->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isListening(), 5000);
    QCOMPARE(status->connectionsText(), QString());
}

void TestMainWindow::firstLaunchFitsTheScreen()
{
    // No saved geometry (init() starts from empty settings): the form's size is cut down to the
    // screen's free area, and the window is placed on it.
    QVERIFY(m_window->screen());
    const QRect available = m_window->screen()->availableGeometry();
    QVERIFY2(available.width() < 1280 || available.height() < 760,
             "the offscreen screen is meant to be smaller than the form");
    QVERIFY2(available.contains(m_window->geometry()),
             qPrintable(QStringLiteral("%1x%2 at %3,%4 on %5x%6")
                            .arg(m_window->width())
                            .arg(m_window->height())
                            .arg(m_window->x())
                            .arg(m_window->y())
                            .arg(available.width())
                            .arg(available.height())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
