// The monitor's main window. Lays out the filter bar, the event table (or the first-run panel),
// the detail pane and the status bar, and connects them to a MonitorSession; the features live in
// those widgets and in the session. GUI thread.
#pragma once

#include "verify/keyring.h"

#include <QHostAddress>
#include <QMainWindow>
#include <memory>
#include <optional>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace pnm {

class AppSettings;
class DetailPane;
class EventTableView;
class ExportController;
class FilterBar;
class FirstRunPanel;
class MonitorSession;
class MessageBanner;
class MonitorStatusBar;
class RecentSessionsMenu;
class SessionFiles;
struct ListenConfig;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(MonitorSession *session, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Command-line choices for this run only; the saved settings stay as they are.
    void setListenOverride(const QHostAddress &address, quint16 port);
    void setExtraKeys(const KeyRing &keys) { m_extraKeys = keys; }

    EventTableView *eventTable() const;
    FilterBar *filterBar() const;
    DetailPane *detailPane() const;
    FirstRunPanel *firstRunPanel() const;
    MonitorStatusBar *monitorStatusBar() const;
    MessageBanner *storeBanner() const;
    SessionFiles *sessionFiles() const { return m_files; }
    ExportController *exporter() const { return m_export; }
    RecentSessionsMenu *recentSessionsMenu() const { return m_recent; }
    bool isShowingTable() const;
    // Named actions ("actionPause", "actionClear"...) for tests and the menus.
    QAction *action(const QString &objectName) const;

public slots:
    void startListening();
    void openSettings();
    // Opens a saved session in a window of its own (--open FILE, File > Open, Recent).
    void openSession(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void connectSession();
    void connectStore();
    void setUpSessionFiles();
    void updateStore();
    void restoreLayout();
    void saveLayout();
    void updateListening();
    void updateStats();
    void updateStack();
    void copyUrl();
    ListenConfig effectiveConfig() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    MonitorSession *m_session;
    AppSettings *m_settings;
    std::optional<std::pair<QHostAddress, quint16>> m_listenOverride;
    KeyRing m_extraKeys;
    QLabel *m_urlLabel = nullptr;
    SessionFiles *m_files = nullptr;
    ExportController *m_export = nullptr;
    RecentSessionsMenu *m_recent = nullptr;
};

} // namespace pnm
