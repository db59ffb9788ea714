#include "mainwindow.h"

#include "appsettings.h"
#include "detailpane.h"
#include "eventicons.h"
#include "eventtableview.h"
#include "exportcontroller.h"
#include "filterbar.h"
#include "firstrunpanel.h"
#include "messagebanner.h"
#include "monitorsession.h"
#include "monitorstatusbar.h"
#include "recentsessionsmenu.h"
#include "sessionfiles.h"
#include "settingsdialog.h"
#include "ui_mainwindow.h"
#include "verify/cryptoprimitives.h"
#include "windowplacement.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QStyle>

namespace pnm {

MainWindow::MainWindow(MonitorSession *session, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_session(session),
      m_settings(settings)
{
    m_ui->setupUi(this);
    setWindowIcon(EventIcons::application());
    m_ui->eventTable->setEventModel(session->proxy());
    m_ui->filterBar->setEventModel(session->model());
    m_ui->detailPane->setDetailSource(session->details());
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);

    // Theme icons where the desktop has them, the style's own otherwise: both follow the palette.
    const auto setIcon = [this](QAction *action, const char *theme, QStyle::StandardPixmap pixmap) {
        action->setIcon(QIcon::fromTheme(QLatin1String(theme), style()->standardIcon(pixmap)));
    };
    setIcon(m_ui->actionStart, "media-playback-start", QStyle::SP_MediaPlay);
    setIcon(m_ui->actionStop, "media-playback-stop", QStyle::SP_MediaStop);
    setIcon(m_ui->actionPause, "media-playback-pause", QStyle::SP_MediaPause);
    setIcon(m_ui->actionAutoScroll, "go-bottom", QStyle::SP_ArrowDown);
    setIcon(m_ui->actionClear, "edit-clear", QStyle::SP_DialogResetButton);
    setIcon(m_ui->actionOpen, "document-open", QStyle::SP_DialogOpenButton);
    setIcon(m_ui->actionExport, "document-save-as", QStyle::SP_DialogSaveButton);
    setIcon(m_ui->actionSettings, "preferences-system", QStyle::SP_FileDialogDetailedView);
    setIcon(m_ui->actionSendTest, "mail-send", QStyle::SP_ArrowForward);
    setIcon(m_ui->actionCopyUrl, "edit-copy", QStyle::SP_FileLinkIcon);
    setIcon(m_ui->actionImport, "document-import", QStyle::SP_DialogOpenButton);
    m_urlLabel = new QLabel(this);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urlLabel->setContentsMargins(8, 0, 4, 0);
    m_ui->mainToolBar->insertWidget(m_ui->actionPause, m_urlLabel);
    m_ui->mainToolBar->insertAction(m_ui->actionPause, m_ui->actionCopyUrl);
    m_ui->mainToolBar->insertSeparator(m_ui->actionPause);
    m_ui->actionAutoScroll->setChecked(settings->autoScroll());
    m_ui->eventTable->setFollowNewest(settings->autoScroll());
    m_ui->actionShowDetails->setChecked(true);

    setUpSessionFiles();
    connectActions();
    connectSession();
    connectStore();
    restoreLayout();
    updateListening();
    updateStats();
    updateStack();
}

MainWindow::~MainWindow() = default;

EventTableView *MainWindow::eventTable() const
{
    return m_ui->eventTable;
}
FilterBar *MainWindow::filterBar() const
{
    return m_ui->filterBar;
}
DetailPane *MainWindow::detailPane() const
{
    return m_ui->detailPane;
}
FirstRunPanel *MainWindow::firstRunPanel() const
{
    return m_ui->firstRunPanel;
}
MonitorStatusBar *MainWindow::monitorStatusBar() const
{
    return m_ui->statusBar;
}
MessageBanner *MainWindow::storeBanner() const
{
    return m_ui->storeBanner;
}

bool MainWindow::isShowingTable() const
{
    return m_ui->tableStack->currentWidget() == m_ui->eventTable;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::setListenOverride(const QHostAddress &address, quint16 port)
{
    m_listenOverride = std::make_pair(address, port);
}

ListenConfig MainWindow::effectiveConfig() const
{
    ListenConfig config = m_settings->listenConfig();
    if (m_listenOverride) {
        config.address = m_listenOverride->first;
        config.port = m_listenOverride->second;
    }
    for (const QString &key : m_extraKeys.keys())
        config.options.keys.insert(key, m_extraKeys.secret(key));
    return config;
}

void MainWindow::startListening()
{
    m_session->start(effectiveConfig());
}

void MainWindow::connectActions()
{
    connect(m_ui->actionStart, &QAction::triggered, this, &MainWindow::startListening);
    connect(m_ui->actionStop, &QAction::triggered, m_session, &MonitorSession::stop);
    connect(m_ui->actionPause, &QAction::toggled, m_session, &MonitorSession::setPaused);
    connect(m_ui->actionAutoScroll, &QAction::toggled, this, [this](bool on) {
        m_ui->eventTable->setFollowNewest(on);
        m_settings->setAutoScroll(on);
    });
    connect(m_ui->actionClear, &QAction::triggered, m_session, &MonitorSession::clear);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->actionFind, &QAction::triggered, m_ui->filterBar, &FilterBar::focusSearch);
    connect(m_ui->actionSendTest, &QAction::triggered, m_session, &MonitorSession::sendTestEvent);
    connect(m_ui->actionCopyUrl, &QAction::triggered, this, &MainWindow::copyUrl);
    connect(m_ui->actionNext, &QAction::triggered, m_ui->eventTable, &EventTableView::selectNext);
    connect(m_ui->actionPrevious, &QAction::triggered, m_ui->eventTable,
            &EventTableView::selectPrevious);
    connect(m_ui->actionShowDetails, &QAction::toggled, m_ui->detailPane, &QWidget::setVisible);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About pnm-webhook-monitor"),
            tr("<b>pnm-webhook-monitor</b> %1<br>A live monitor for Plug-N-Meet webhooks: it "
               "verifies every request the way Plug-N-Meet signs it.<br><br>Licence: MIT<br>"
               "Qt %2 (built with %3)<br>%4")
                .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                     QStringLiteral(QT_VERSION_STR), crypto::libraryVersion().toHtmlEscaped()));
    });
    connect(m_ui->firstRunPanel, &FirstRunPanel::copyUrlRequested, this, &MainWindow::copyUrl);
    connect(m_ui->firstRunPanel, &FirstRunPanel::sendTestRequested, m_session,
            &MonitorSession::sendTestEvent);
    connect(m_ui->firstRunPanel, &FirstRunPanel::settingsRequested, this,
            &MainWindow::openSettings);
    connect(m_ui->filterBar, &FilterBar::filterChanged, m_session->proxy(),
            &EventFilterProxy::setFilter);
    connect(m_ui->eventTable, &EventTableView::currentSeqChanged, m_ui->detailPane,
            &DetailPane::showSeq);
    connect(m_ui->eventTable, &EventTableView::followPausedChanged, m_ui->statusBar,
            &MonitorStatusBar::setFollowPaused);
    connect(m_ui->statusBar, &MonitorStatusBar::resumeFollowRequested, m_ui->eventTable,
            &EventTableView::resumeFollowing);
}

void MainWindow::connectSession()
{
    connect(m_session, &MonitorSession::listeningChanged, this, &MainWindow::updateListening);
    connect(m_session, &MonitorSession::listenFailed, this, [this](const QString &error) {
        m_ui->statusBar->setListenError(error);
        m_ui->firstRunPanel->setResult(false, error);
    });
    connect(m_session, &MonitorSession::statsChanged, this, &MainWindow::updateStats);
    connect(m_session->proxy(), &EventFilterProxy::shownCountChanged, this,
            [this](int shown, int total) {
                m_ui->filterBar->setCounts(shown, total);
                updateStats();
                updateStack();
            });
    connect(m_session, &MonitorSession::historyLoadFinished, this, [this](quint64 count) {
        m_ui->statusBar->showMessage(tr("Loaded %1 earlier requests from %2")
                                         .arg(QLocale().toString(count), m_session->sessionPath()),
                                     8000);
    });
    connect(m_session, &MonitorSession::historyFailed, this, [this](const QString &error) {
        m_ui->statusBar->showMessage(
            tr("Could not load all earlier requests of the session: %1").arg(error));
    });
    connect(m_session, &MonitorSession::testEventFinished, m_ui->firstRunPanel,
            &FirstRunPanel::setResult);
    connect(m_session, &MonitorSession::testEventFinished, this,
            [this](bool, const QString &message) { m_ui->statusBar->showMessage(message, 5000); });
}

void MainWindow::setUpSessionFiles()
{
    m_files = new SessionFiles(this, m_settings, [this] { return m_session->sessionPath(); });
    m_export = new ExportController(this, m_session->proxy(), m_ui->eventTable);
    m_recent = new RecentSessionsMenu(m_settings, this);
    m_recent->setObjectName(QStringLiteral("menuRecentSessions"));
    m_ui->menuFile->insertMenu(m_ui->actionExport, m_recent);
    const auto showMessage = [this](const QString &message) {
        m_ui->statusBar->showMessage(message, 8000);
    };
    connect(m_recent, &RecentSessionsMenu::openRequested, this, &MainWindow::openSession);
    connect(m_recent, &RecentSessionsMenu::messageShown, this, showMessage);
    connect(m_files, &SessionFiles::messageShown, this, showMessage);
    connect(m_export, &ExportController::finished, this,
            [showMessage](bool, const QString &message) { showMessage(message); });
    connect(m_ui->actionOpen, &QAction::triggered, m_files, &SessionFiles::chooseAndOpen);
    connect(m_ui->actionExport, &QAction::triggered, m_export,
            &ExportController::exportInteractive);
    connect(m_ui->actionImport, &QAction::triggered, this, [this] {
        // Imported requests are checked with the keys this window verifies with now.
        const ListenConfig config = effectiveConfig();
        m_files->setVerification(config.options.keys, config.options.leewaySecs);
        m_files->chooseAndImport();
    });
}

void MainWindow::openSession(const QString &path)
{
    m_files->open(path);
}

void MainWindow::connectStore()
{
    connect(m_session, &MonitorSession::sessionPathChanged, this, &MainWindow::updateStore);
    connect(m_session, &MonitorSession::storeFailed, this, &MainWindow::updateStore);
    connect(m_session, &MonitorSession::storeRecovered, this, &MainWindow::updateStore);
    connect(m_session, &MonitorSession::listeningChanged, this, &MainWindow::updateStore);
    updateStore();
}

void MainWindow::updateStore()
{
    const QString path = m_session->sessionPath();
    const QString error = m_session->storeError();
    m_export->setSessionPath(path, false);
    m_ui->actionExport->setEnabled(!path.isEmpty());
    m_ui->actionExport->setToolTip(
        path.isEmpty() ? tr("Nothing is recorded to disk in this run (--no-session), so there is "
                            "nothing to export")
                       : tr("Export the session being recorded: all, the filter's result or the "
                            "selection"));
    // The file is open while listening: a start opens it first, a stop closes it, and a start
    // that cannot open it does not listen.
    using State = MonitorStatusBar::SessionFileState;
    m_ui->statusBar->setSessionFile(path, !m_session->isListening() ? State::Closed
                                          : error.isEmpty()         ? State::Recording
                                                                    : State::NotSaving);
    if (error.isEmpty()) {
        m_ui->storeBanner->hide();
        return;
    }
    m_ui->storeBanner->showError(
        tr("Not saving: senders get 503 Service Unavailable"),
        tr("%1. Plug-N-Meet retries each webhook, and this monitor accepts them again as soon as "
           "the session file can be written (free disk space, restore the file or its folder's "
           "write permission).")
            .arg(error));
}

void MainWindow::updateListening()
{
    const bool listening = m_session->isListening();
    const QString url = m_session->webhookUrl();
    m_ui->actionStart->setEnabled(!listening);
    m_ui->actionStop->setEnabled(listening);
    m_ui->actionSendTest->setEnabled(listening);
    m_ui->actionCopyUrl->setEnabled(listening);
    m_urlLabel->setText(listening ? url : tr("not listening"));
    QString base = url;
    if (base.endsWith(u'/'))
        base.chop(1);
    m_ui->detailPane->setBaseUrl(base);
    if (listening || m_session->lastError().isEmpty())
        m_ui->statusBar->setListening(listening, url);
    m_ui->statusBar->setConnections(listening, m_session->connectionCount());
    m_ui->firstRunPanel->setListening(listening, url, !m_session->config().options.keys.isEmpty());
}

void MainWindow::updateStats()
{
    m_ui->statusBar->setCounts(m_session->totalCount(), m_session->proxy()->shownCount(),
                               m_session->failedCount());
    m_ui->statusBar->setHeld(m_session->batcher()->isPaused(), m_session->heldCount());
    m_ui->statusBar->setRate(m_session->eventsPerSecond());
    m_ui->statusBar->setConnections(m_session->isListening(), m_session->connectionCount());
    m_ui->statusBar->setHistoryProgress(m_session->isLoadingHistory(), m_session->historyLoaded(),
                                        m_session->historyExpected(), m_session->waitingCount());
}

void MainWindow::updateStack()
{
    // The first-run panel until something arrives, and again after Clear.
    QWidget *page = m_session->totalCount() > 0 ? static_cast<QWidget *>(m_ui->eventTable)
                                                : static_cast<QWidget *>(m_ui->firstRunPanel);
    if (m_ui->tableStack->currentWidget() != page)
        m_ui->tableStack->setCurrentWidget(page);
}

void MainWindow::copyUrl()
{
    QGuiApplication::clipboard()->setText(m_session->webhookUrl());
    m_ui->statusBar->showMessage(tr("Copied %1").arg(m_session->webhookUrl()), 3000);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, m_ui->eventTable->columnsVisible(), this);
    SettingsDialog::RunOverrides overrides;
    if (m_listenOverride)
        overrides.listen =
            tr("%1 port %2").arg(m_listenOverride->first.toString()).arg(m_listenOverride->second);
    overrides.keys = m_extraKeys.keys();
    const SessionStoreOptions &store = m_session->sessionStore();
    overrides.retention =
        m_session->isRecordingToDisk() && (store.maxRequests != m_settings->retainCount() ||
                                           store.maxAgeSecs != m_settings->retainAgeSecs());
    overrides.retainCount = store.maxRequests;
    overrides.retainAgeSecs = store.maxAgeSecs;
    dialog.setRunOverrides(overrides);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_ui->eventTable->setColumnsVisible(dialog.columnsVisible());
    // What the user changed replaces the run's command-line choice; what they left keeps it,
    // so changing the leeway does not move a listener started with --listen elsewhere.
    if (dialog.listenerChanged())
        m_listenOverride.reset();
    if (m_session->isRecordingToDisk() && dialog.retentionChanged())
        m_session->setRetention(m_settings->retainCount(), m_settings->retainAgeSecs());
    m_session->start(effectiveConfig());
    updateListening();
}

void MainWindow::restoreLayout()
{
    // Qt keeps a restored window on its screen; a first launch is fitted to it.
    if (!restoreGeometry(m_settings->windowGeometry()))
        fitToScreen(this);
    restoreState(m_settings->windowState());
    m_ui->splitter->restoreState(m_settings->splitterState());
    const QByteArray header = m_settings->headerState();
    if (!header.isEmpty())
        m_ui->eventTable->horizontalHeader()->restoreState(header);
}

void MainWindow::saveLayout()
{
    m_settings->saveLayout(saveGeometry(), saveState(), m_ui->splitter->saveState(),
                           m_ui->eventTable->horizontalHeader()->saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace pnm
