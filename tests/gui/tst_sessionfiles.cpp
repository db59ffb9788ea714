// The main window recording into a session file, offscreen: the detail pane reads requests back
// from the file, a store that cannot write raises the banner (senders get 503) and recovery
// lowers it, the status bar names the file, exports write each format, sessions open in their
// own windows and are remembered in Recent sessions, imports land in a new session file, several
// selected rows export exactly those requests, and a continued session shows its earlier rows.
#include "../support/rawhttpclient.h"
#include "../support/sessionrows.h"
#include "appsettings.h"
#include "detailpane.h"
#include "elidedlabel.h"
#include "eventtableview.h"
#include "exportcontroller.h"
#include "ingest/ingestservice.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "monitorsession.h"
#include "monitorstatusbar.h"
#include "recentsessionsmenu.h"
#include "sessionfiles.h"
#include "sessionfixture.h"
#include "sessionwindow.h"
#include "settingsdialog.h"
#include "store/sessionexporter.h"
#include "texttablemodel.h"
#include "verify/keyring.h"

#include <QAction>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pnm;
using namespace pnm::test;

class TestSessionFiles : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void detailsComeFromTheFile();
    void storeFailureBanner();
    void exportsEachFormat_data();
    void exportsEachFormat();
    void exportsTheSelectedRows();
    void continuedSessionShowsEarlierRows();
    void opensAndRemembersSessions();
    void importsIntoANewSession();
    void importCanBeCancelled();
    void noSessionKeepsANewestWindow();
    void settingsRetentionAppliesToTheRecordedFile();
    void longSessionPathFitsASmallScreen();
    void sessionTextFollowsListening();
    void settingsKeepTheCommandLineChoicesLeftAlone();

private:
    void startWindow(const QString &sessionPath);
    int post(const QByteArray &body);
    // An NDJSON export of a session of `rows` requests, NAME.ndjson; empty if it failed.
    QString ndjsonOf(const QString &name, int rows);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_livePath;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<IngestService> m_service;
    std::unique_ptr<MonitorSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestSessionFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setPort(0);
    m_livePath = m_dir->filePath(QStringLiteral("live.pnmsession"));
}

void TestSessionFiles::startWindow(const QString &sessionPath)
{
    m_service = std::make_unique<IngestService>();
    m_session = std::make_unique<MonitorSession>(m_service.get());
    m_session->setSessionStore({sessionPath});
    m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
    m_window->show();
    m_window->startListening();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isListening(), 5000);
}

void TestSessionFiles::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_service.reset();
    m_settings.reset();
    m_dir.reset();
}

int TestSessionFiles::post(const QByteArray &body)
{
    RawHttpClient client;
    if (!client.connectTo(m_session->listenPort()))
        return -1;
    client.send(rawPost(body, {{"Content-Type", "application/json"}, {"X-Trace", "t1"}}));
    return client.readResponse().status;
}

QString TestSessionFiles::ndjsonOf(const QString &name, int rows)
{
    QString error;
    const QString source = m_dir->filePath(name + QStringLiteral(".pnmsession"));
    const QString ndjson = m_dir->filePath(name + QStringLiteral(".ndjson"));
    ExportOptions options;
    options.format = ExportFormat::Ndjson;
    if (!writeSession(source, rows, &error) ||
        !SessionExporter::exportSession(source, ndjson, options).ok) {
        qWarning("%s: %s", qPrintable(ndjson), qPrintable(error));
        return {};
    }
    return ndjson;
}

void TestSessionFiles::detailsComeFromTheFile()
{
    startWindow(m_livePath);
    QCOMPARE(m_window->monitorStatusBar()->sessionText(),
             QStringLiteral("Recording to %1").arg(m_livePath));
    QVERIFY(m_window->storeBanner()->isHidden());
    // Select each row the moment it appears: it is in the file by then (committed first).
    connect(m_session->model(), &QAbstractItemModel::rowsInserted, m_window.get(),
            [this](const QModelIndex &, int, int last) {
                m_window->eventTable()->selectSeq(m_session->model()->eventRow(last).seq);
            });
    QCOMPARE(post("{\"event\":\"room_started\",\"room\":{\"room_id\":\"r1\"}}"), 200);
    DetailPane *pane = m_window->detailPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->shownSeq(), 1u, 5000);
    QCOMPARE(pane->headlineText(), QStringLiteral("<b>#1 room_started</b>"));
    bool sawTrace = false;
    for (const TextRow &row : pane->headersModel()->rows())
        sawTrace =
            sawTrace || row.cells == QStringList{QStringLiteral("X-Trace"), QStringLiteral("t1")};
    QVERIFY(sawTrace);
    QCOMPARE(post("{\"event\":\"room_finished\",\"room\":{\"room_id\":\"r1\"}}"), 200);
    QTRY_COMPARE_WITH_TIMEOUT(pane->shownSeq(), 2u, 5000);
    QVERIFY(pane->rawText().endsWith(
        QStringLiteral("\"room_finished\",\"room\":{\"room_id\":\"r1\"}}")));
    // Nothing of it is kept in memory: the file has it.
    QCOMPARE(m_session->details()->memory().size(), 0);
}

void TestSessionFiles::storeFailureBanner()
{
    startWindow(m_livePath);
    QVERIFY(QFile::remove(m_livePath));
    QCOMPARE(post("{\"event\":\"room_started\"}"), 503);
    MessageBanner *banner = m_window->storeBanner();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), 5000);
    QCOMPARE(banner->title(), QStringLiteral("Not saving: senders get 503 Service Unavailable"));
    QVERIFY2(
        banner->detail().startsWith(m_livePath + QStringLiteral(": the session file was removed.")),
        qPrintable(banner->detail()));
    QCOMPARE(m_window->monitorStatusBar()->sessionText(),
             QStringLiteral("NOT SAVING to %1").arg(m_livePath));
    // The request answered 503 is not in the file, but its details are still there to read.
    QTRY_COMPARE_WITH_TIMEOUT(m_session->proxy()->rowCount(), 1, 5000);
    m_window->eventTable()->selectSeq(m_session->model()->eventRow(0).seq);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->detailPane()->shownSeq() != 0, 5000);
    // A removed file does not come back by itself; the window's reaction to the service's
    // recovery signal is what is checked here.
    emit m_service->storeRecovered();
    QVERIFY(banner->isHidden());
    QCOMPARE(m_window->monitorStatusBar()->sessionText(),
             QStringLiteral("Recording to %1").arg(m_livePath));
}

void TestSessionFiles::exportsEachFormat_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("json") << int(ExportFormat::Json);
    QTest::newRow("ndjson") << int(ExportFormat::Ndjson);
    QTest::newRow("csv") << int(ExportFormat::Csv);
    QTest::newRow("har") << int(ExportFormat::Har);
}

void TestSessionFiles::exportsEachFormat()
{
    QFETCH(int, format);
    startWindow(m_livePath);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            post("{\"event\":\"participant_joined\",\"id\":\"e" + QByteArray::number(i) + "\"}"),
            200);
    QVERIFY(m_window->action(QStringLiteral("actionExport"))->isEnabled());
    ExportChoice choice;
    choice.format = ExportFormat(format);
    choice.redact = true;
    choice.outPath = m_dir->filePath(QStringLiteral("export.") + exportFormatName(choice.format));
    QSignalSpy finished(m_window->exporter(), &ExportController::finished);
    m_window->exporter()->exportTo(choice);
    QVERIFY(finished.wait(5000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(exportedCount(choice.outPath, choice.format), 3);
    QCOMPARE(m_window->monitorStatusBar()->currentMessage(), finished.at(0).at(1).toString());

    // An export that cannot be written says which file and why.
    choice.outPath = m_dir->filePath(QStringLiteral("no/such/folder/x.json"));
    m_window->exporter()->exportTo(choice);
    QVERIFY(finished.wait(5000));
    QVERIFY(!finished.at(1).at(0).toBool());
    QVERIFY2(finished.at(1).at(1).toString().contains(choice.outPath),
             qPrintable(finished.at(1).at(1).toString()));
}

void TestSessionFiles::exportsTheSelectedRows()
{
    startWindow(m_livePath);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    for (int i = 1; i <= 6; ++i)
        QCOMPARE(
            post("{\"event\":\"participant_joined\",\"id\":\"e" + QByteArray::number(i) + "\"}"),
            200);
    EventTableView *view = m_window->eventTable();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 6, 5000);
    // What a user does to pick several: click #2, shift-click #4, ctrl-click #6.
    const auto click = [view](int row, Qt::KeyboardModifiers modifiers) {
        const QModelIndex index = view->model()->index(row, EventTableModel::EventColumn);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers,
                          view->visualRect(index).center());
    };
    click(1, Qt::NoModifier);
    click(3, Qt::ShiftModifier);
    click(5, Qt::ControlModifier);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 4);
    QCOMPARE(view->currentSeq(), 6u);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->detailPane()->shownSeq(), 6u, 5000);
    // Sorting does not change which requests are selected.
    view->sortByColumn(EventTableModel::SeqColumn, Qt::DescendingOrder);

    ExportChoice choice;
    choice.format = ExportFormat::Ndjson;
    choice.scope = ExportChoice::Scope::Selection;
    choice.outPath = m_dir->filePath(QStringLiteral("selection.ndjson"));
    QSignalSpy finished(m_window->exporter(), &ExportController::finished);
    m_window->exporter()->exportTo(choice);
    QVERIFY(finished.wait(5000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QFile file(choice.outPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<qint64> seqs;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            seqs.append(QJsonDocument::fromJson(line).object().value("seq").toInteger());
    }
    std::sort(seqs.begin(), seqs.end());
    QCOMPARE(seqs, (QList<qint64>{2, 3, 4, 6}));

    // Ctrl+A selects every request for the next export.
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_window->exporter()->seqsFor(ExportChoice::Scope::Selection).size(), 6);
}

void TestSessionFiles::continuedSessionShowsEarlierRows()
{
    constexpr int kEarlier = 4500; // several of the loader's batches
    QString error;
    QVERIFY2(writeSession(m_livePath, kEarlier, &error), qPrintable(error));
    startWindow(m_livePath);
    // Posted while the earlier rows may still be loading: they follow them, numbered on.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(post("{\"event\":\"room_finished\",\"room\":{\"room_id\":\"r1\"}}"), 200);
    const EventTableModel *model = m_session->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kEarlier + 3, 10000);
    QVERIFY(!m_session->isLoadingHistory());
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->eventRow(row).seq, quint64(row + 1));
    QCOMPARE(model->index(kEarlier, EventTableModel::EventColumn).data().toString(),
             QStringLiteral("room_finished"));
    QVERIFY(m_window->isShowingTable());
    QCOMPARE(m_window->monitorStatusBar()->historyText(), QString());
    // The fixture's requests carry no token (failed); the posted ones are unverified.
    QCOMPARE(m_window->monitorStatusBar()->countsText(),
             QStringLiteral("%1 total \u00b7 %1 shown \u00b7 %2 failed")
                 .arg(QLocale().toString(kEarlier + 3), QLocale().toString(kEarlier)));
    // An earlier request's details come from the file like any other.
    m_window->eventTable()->selectSeq(7);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->detailPane()->shownSeq(), 7u, 5000);
    QCOMPARE(m_window->detailPane()->headlineText(), QStringLiteral("<b>#7 room_started</b>"));
}

void TestSessionFiles::opensAndRemembersSessions()
{
    startWindow(m_livePath);
    QString error;
    const QString saved = m_dir->filePath(QStringLiteral("saved.pnmsession"));
    QVERIFY2(writeSession(saved, 4, &error), qPrintable(error));
    const QString gone = m_dir->filePath(QStringLiteral("gone.pnmsession"));
    m_settings->addRecentSession(gone);

    m_window->openSession(saved); // as --open FILE does
    const QList<SessionWindow *> windows = m_window->sessionFiles()->sessionWindows();
    QCOMPARE(windows.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(windows.at(0)->proxy()->rowCount(), 4, 5000);
    QCOMPARE(m_settings->recentSessions(), (QStringList{saved, gone}));
    // Opening it again brings the same window forward.
    m_window->openSession(saved);
    QCOMPARE(m_window->sessionFiles()->sessionWindows().size(), 1);

    RecentSessionsMenu *menu = m_window->recentSessionsMenu();
    menu->refresh();
    QCOMPARE(menu->actions().at(0)->data().toString(), saved);
    QCOMPARE(menu->actions().at(1)->data().toString(), gone);
    QVERIFY(menu->actions().at(0)->text().startsWith(QStringLiteral("&1 saved.pnmsession")));
    QSignalSpy messages(menu, &RecentSessionsMenu::messageShown);
    menu->actions().at(1)->trigger();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).toString(),
             QStringLiteral("%1 no longer exists; removed from Recent sessions").arg(gone));
    QCOMPARE(m_settings->recentSessions(), QStringList{saved});
    QCOMPARE(m_window->monitorStatusBar()->currentMessage(), messages.at(0).at(0).toString());

    for (int i = 0; i < AppSettings::kMaxRecentSessions + 3; ++i)
        m_settings->addRecentSession(QStringLiteral("/tmp/s%1.pnmsession").arg(i));
    QCOMPARE(m_settings->recentSessions().size(), AppSettings::kMaxRecentSessions);
    QCOMPARE(m_settings->recentSessions().constFirst(),
             QStringLiteral("/tmp/s%1.pnmsession").arg(AppSettings::kMaxRecentSessions + 2));

    // A second session opens stepped from the first, both within the screen.
    const QString other = m_dir->filePath(QStringLiteral("other.pnmsession"));
    QVERIFY2(writeSession(other, 2, &error), qPrintable(error));
    SessionWindow *second = m_window->sessionFiles()->open(other);
    QVERIFY(second);
    QVERIFY(second->pos() != windows.at(0)->pos());
    const QRect available = second->screen()->availableGeometry();
    QVERIFY(available.contains(second->geometry()));
    QVERIFY(available.contains(windows.at(0)->geometry()));
    second->close();
    QTRY_COMPARE(m_window->sessionFiles()->sessionWindows().size(), 1);
}

void TestSessionFiles::importsIntoANewSession()
{
    startWindow(m_livePath);
    const QString ndjson = ndjsonOf(QStringLiteral("requests"), 3);
    QVERIFY(!ndjson.isEmpty());

    SessionFiles *files = m_window->sessionFiles();
    QSignalSpy imported(files, &SessionFiles::importFinished);
    // Never into the file being recorded.
    files->importInto(ndjson, m_livePath);
    QCOMPARE(imported.size(), 1);
    QVERIFY(!imported.at(0).at(0).toBool());
    QCOMPARE(imported.at(0).at(1).toString(),
             QStringLiteral("%1 is the session being recorded; import into another file.")
                 .arg(m_livePath));

    const QString target = m_dir->filePath(QStringLiteral("imported.pnmsession"));
    files->importInto(ndjson, target);
    QVERIFY(imported.wait(10000));
    QVERIFY2(imported.at(1).at(0).toBool(), qPrintable(imported.at(1).at(1).toString()));
    QCOMPARE(imported.at(1).at(1).toString(),
             QStringLiteral("Imported 3 requests from %1 into %2 (0 were already there)")
                 .arg(ndjson, target));
    QCOMPARE(files->sessionWindows().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(files->sessionWindows().at(0)->proxy()->rowCount(), 3, 5000);

    // A file that is not an export: the error names it; nothing is opened.
    const QString bad = m_dir->filePath(QStringLiteral("bad.ndjson"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json\n");
    file.close();
    files->importInto(bad, m_dir->filePath(QStringLiteral("other.pnmsession")));
    QVERIFY(imported.wait(10000));
    QVERIFY(!imported.at(2).at(0).toBool());
    QVERIFY2(imported.at(2).at(1).toString().contains(bad),
             qPrintable(imported.at(2).at(1).toString()));
    QCOMPARE(files->sessionWindows().size(), 1);
}

void TestSessionFiles::importCanBeCancelled()
{
    startWindow(m_livePath);
    const QString ndjson = ndjsonOf(QStringLiteral("big"), 30'000);
    QVERIFY(!ndjson.isEmpty());

    SessionFiles *files = m_window->sessionFiles();
    QSignalSpy imported(files, &SessionFiles::importFinished);
    const QList<QProgressDialog *> earlier = m_window->findChildren<QProgressDialog *>();
    files->importInto(ndjson, m_dir->filePath(QStringLiteral("partial.pnmsession")));
    // The import's progress dialog offers Cancel; pressed at once, long before 30,000 requests
    // can be parsed and stored.
    QProgressDialog *progress = nullptr;
    for (QProgressDialog *dialog : m_window->findChildren<QProgressDialog *>()) {
        if (!earlier.contains(dialog))
            progress = dialog;
    }
    QVERIFY(progress);
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(imported.wait(30000));
    QVERIFY(!imported.at(0).at(0).toBool());
    const QString message = imported.at(0).at(1).toString();
    QVERIFY2(message.startsWith(ndjson + QStringLiteral(": import cancelled")),
             qPrintable(message));
    QCOMPARE(m_window->monitorStatusBar()->currentMessage(), message);
}

void TestSessionFiles::noSessionKeepsANewestWindow()
{
    startWindow(QString()); // --no-session
    QCOMPARE(m_window->monitorStatusBar()->sessionText(), QStringLiteral("Not recording to disk"));
    QVERIFY(!m_window->action(QStringLiteral("actionExport"))->isEnabled());
    m_session->details()->setMemoryCapacity(2);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(post("{\"event\":\"room_started\"}"), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->proxy()->rowCount(), 3, 5000);
    DetailPane *pane = m_window->detailPane();
    m_window->eventTable()->selectSeq(3);
    QCOMPARE(pane->shownSeq(), 3u); // from memory: at once
    m_window->eventTable()->selectSeq(1);
    QCOMPARE(pane->shownSeq(), 0u);
    QVERIFY2(pane->headlineText().startsWith(
                 QStringLiteral("#1 is no longer in memory: without a session file only the "
                                "newest 2 requests are kept.")),
             qPrintable(pane->headlineText()));
}

void TestSessionFiles::longSessionPathFitsASmallScreen()
{
    // A session deep in a project tree: its path in the status bar once made the window's
    // minimum width the path's, wider than a 1366-pixel laptop screen.
    const QString folder = deepFolder(m_dir->path());
    QVERIFY(!folder.isEmpty());
    const QString path = folder + QStringLiteral("/live.pnmsession");
    startWindow(path);
    QCOMPARE(m_window->monitorStatusBar()->sessionText(),
             QStringLiteral("Recording to %1").arg(path));
    const int minimumWidth = m_window->minimumSizeHint().width();
    QVERIFY2(minimumWidth <= 1024, qPrintable(QString::number(minimumWidth)));

    m_window->resize(1024, 700);
    ElidedLabel *label = nullptr;
    for (ElidedLabel *candidate : m_window->monitorStatusBar()->findChildren<ElidedLabel *>()) {
        if (candidate->fullText().startsWith(QStringLiteral("Recording to ")))
            label = candidate;
    }
    QVERIFY(label);
    // What fits is shown, with the middle of the path left out, and the whole of it on hover.
    QTRY_VERIFY(label->text().contains(QChar(0x2026)));
    QVERIFY(label->text().startsWith(QStringLiteral("Recording to ")));
    QVERIFY(label->text().endsWith(QStringLiteral("live.pnmsession")));
    QCOMPARE(label->toolTip(), label->fullText());
    QVERIFY(label->width() <= m_window->width());
}

void TestSessionFiles::sessionTextFollowsListening()
{
    // The file is open only while listening: a stop closes it, a start that cannot open it (held
    // by another monitor here) does not listen. The status bar must not claim otherwise.
    startWindow(m_livePath);
    const MonitorStatusBar *bar = m_window->monitorStatusBar();
    const QString recording = QStringLiteral("Recording to %1").arg(m_livePath);
    const QString closed = QStringLiteral("Not listening; will record to %1").arg(m_livePath);
    QCOMPARE(bar->sessionText(), recording);
    m_session->stop();
    QTRY_VERIFY(!m_session->isListening());
    QCOMPARE(bar->sessionText(), closed);

    SessionWriter other; // another monitor recording the same file
    QString error;
    QVERIFY2(other.open({m_livePath}, {}, &error), qPrintable(error));
    QSignalSpy failed(m_session.get(), &MonitorSession::listenFailed);
    m_window->startListening();
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("already being recorded")));
    QCOMPARE(bar->sessionText(), closed);

    other.close();
    m_window->startListening();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isListening(), 5000);
    QCOMPARE(bar->sessionText(), recording);
}

void TestSessionFiles::settingsRetentionAppliesToTheRecordedFile()
{
    startWindow(m_livePath);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(post("{\"event\":\"room_started\",\"room\":{\"room_id\":\"r1\"}}"), 200);
    QCOMPARE(countRows(m_livePath), 6);
    // Settings, filled as a user would: keep at most two requests.
    QTimer filler;
    filler.setInterval(20);
    connect(&filler, &QTimer::timeout, [] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (dialog == nullptr)
            return;
        dialog->findChild<QSpinBox *>(QStringLiteral("retainCountSpin"))->setValue(2);
        dialog->accept();
    });
    filler.start();
    m_window->action(QStringLiteral("actionSettings"))->trigger();
    filler.stop();
    QCOMPARE(m_settings->retainCount(), 2);
    QCOMPARE(m_session->sessionStore().maxRequests, 2);
    // The file being recorded is trimmed at once; the listener went on without a restart.
    QTRY_COMPARE_WITH_TIMEOUT(countRows(m_livePath), 2, 10000);
    QCOMPARE(readNumber(m_livePath, QStringLiteral("SELECT min(seq) FROM requests")), 5);
    // The table drops what the file no longer holds.
    const EventTableModel *model = m_session->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
    QCOMPARE(model->eventRow(0).seq, 5u);
    QCOMPARE(post("{\"event\":\"room_finished\",\"room\":{\"room_id\":\"r1\"}}"), 200);
    QTRY_COMPARE_WITH_TIMEOUT(countRows(m_livePath), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->eventRow(0).seq, 6u, 10000);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(m_window->eventTable()->model()->rowCount(), 2);
}

void TestSessionFiles::settingsKeepTheCommandLineChoicesLeftAlone()
{
    // As `--listen 127.0.0.1:F --key cli-key:... --retain-count 50` starts the window.
    quint16 commandLinePort = 0;
    {
        QTcpServer probe; // a free loopback port, released for the monitor to take
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        commandLinePort = probe.serverPort();
    }
    m_service = std::make_unique<IngestService>();
    m_session = std::make_unique<MonitorSession>(m_service.get());
    m_session->setSessionStore({m_livePath, 50, 0});
    m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
    KeyRing commandLineKeys;
    commandLineKeys.insert(QStringLiteral("cli-key"), "cli-secret");
    m_window->setExtraKeys(commandLineKeys);
    m_window->setListenOverride(QHostAddress::LocalHost, commandLinePort);
    m_window->show();
    m_window->startListening();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isListening(), 5000);
    QCOMPARE(m_session->listenPort(), commandLinePort);

    // Settings: only the leeway is changed. The dialog says what this run uses instead.
    QStringList notes;
    const auto fill = [&notes](const std::function<void(SettingsDialog *)> &edit) {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (dialog == nullptr)
            return;
        for (const char *name :
             {"listenOverrideNote", "keysOverrideNote", "retentionOverrideNote"}) {
            const auto *label = dialog->findChild<QLabel *>(QString::fromLatin1(name));
            notes << (label ? label->text() : QString());
        }
        edit(dialog);
        dialog->accept();
    };
    QTimer filler;
    filler.setInterval(20);
    connect(&filler, &QTimer::timeout, [&] {
        fill([](SettingsDialog *dialog) {
            dialog->findChild<QSpinBox *>(QStringLiteral("leewaySpin"))->setValue(30);
        });
    });
    filler.start();
    m_window->action(QStringLiteral("actionSettings"))->trigger();
    filler.stop();
    QCOMPARE(notes.size(), 3);
    QVERIFY2(notes.at(0).contains(QStringLiteral("127.0.0.1 port %1").arg(commandLinePort)),
             qPrintable(notes.at(0)));
    QVERIFY2(notes.at(1).contains(QStringLiteral("cli-key")), qPrintable(notes.at(1)));
    QVERIFY2(notes.at(2).contains(QStringLiteral("the newest 50 requests")),
             qPrintable(notes.at(2)));
    QCOMPARE(m_session->config().options.leewaySecs, 30);
    QCOMPARE(m_session->config().port, commandLinePort); // not moved to the saved port
    QVERIFY(m_session->isListening());
    QCOMPARE(m_session->listenPort(), commandLinePort);
    QCOMPARE(m_session->sessionStore().maxRequests, 50);
    QVERIFY(m_session->config().options.keys.contains(QStringLiteral("cli-key")));

    // Changing the port is a choice: the saved one applies from then on.
    notes.clear();
    QTimer movingFiller;
    movingFiller.setInterval(20);
    connect(&movingFiller, &QTimer::timeout, [&] {
        fill([](SettingsDialog *dialog) {
            dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(0);
            dialog->findChild<QLineEdit *>(QStringLiteral("addressEdit"))
                ->setText(QStringLiteral("127.0.0.2"));
        });
    });
    movingFiller.start();
    m_window->action(QStringLiteral("actionSettings"))->trigger();
    movingFiller.stop();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_session->isListening() && m_session->listenAddress() == QHostAddress("127.0.0.2"), 5000);
    QCOMPARE(m_session->sessionStore().maxRequests, 50); // retention was left alone
}

QTEST_MAIN(TestSessionFiles)
#include "tst_sessionfiles.moc"
