// A saved session, browsed read-only in a window of its own while the main window keeps
// recording: the same filter bar, table and detail pane as the live window, fed by a
// SessionRowLoader that streams light rows in batches (the first rows show at once, a million
// never freeze the window); its browser fetches the selected request whole. GUI thread.
#pragma once

#include "browserdetailsource.h"
#include "eventfilterproxy.h"
#include "eventtablemodel.h"
#include "sessionrowloader.h"

#include <QMainWindow>
#include <memory>

class QProgressBar;

namespace Ui {
class SessionWindow;
}

namespace pnm {

class DetailPane;
class ElidedLabel;
class EventTableView;
class ExportController;
class FilterBar;
class MessageBanner;

class SessionWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Starts reading `path` at once; show() the window to see it fill.
    explicit SessionWindow(const QString &path, QWidget *parent = nullptr);
    ~SessionWindow() override;

    const QString &path() const { return m_path; }
    bool isLoading() const { return m_loading; }
    EventTableModel *model() { return &m_model; }
    EventFilterProxy *proxy() { return &m_proxy; }
    EventTableView *eventTable() const;
    FilterBar *filterBar() const;
    DetailPane *detailPane() const;
    MessageBanner *banner() const;
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;
    ExportController *exporter() const { return m_export; }
    QAction *action(const QString &objectName) const;
    // The live table's column order, widths and hidden columns, so both windows look alike.
    void restoreHeaderState(const QByteArray &state);

signals:
    void loadFinished(quint64 count);
    void openFailed(const QString &error);

private:
    void handleOpened(quint64 count);
    void handleRows(quint64 firstSeq, int rows);
    void handleLoadFinished(quint64 count);
    void handleFailure(const QString &title, const QString &error);
    void updateStatus();

    std::unique_ptr<Ui::SessionWindow> m_ui;
    QString m_path;
    EventTableModel m_model;
    EventFilterProxy m_proxy;
    SessionRowLoader m_loader{&m_model};
    BrowserDetailSource m_details{m_loader.browser()};
    QProgressBar *m_progress;
    ElidedLabel *m_status;
    ExportController *m_export = nullptr;
    quint64 m_expected = 0;
    bool m_loading = true;
};

} // namespace pnm
