// Streams a session file's requests into an EventTableModel in batches read on a SessionBrowser
// thread: the first rows show at once and a million never block the GUI thread. Optionally only
// the requests numbered up to a given one: the part of a continued session written before this
// run, while the file keeps growing. Used by the session window and by the live table of a
// continued session. GUI thread.
#pragma once

#include "store/sessionbrowser.h"

#include <QObject>
#include <limits>

namespace pnm {

class EventTableModel;

class SessionRowLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr quint64 kAllRows = std::numeric_limits<quint64>::max();

    // The model must outlive this; rows are appended to it in sequence order.
    explicit SessionRowLoader(EventTableModel *model, QObject *parent = nullptr);

    // Also answers fetches by sequence number (the session window's detail pane).
    SessionBrowser *browser() { return &m_browser; }
    bool isLoading() const { return m_loading; }
    quint64 loadedCount() const { return m_loaded; }

public slots:
    // Answered by opened(), rowsAppended()... finished(); or openFailed() / loadFailed().
    void load(const QString &path, quint64 lastSeq = kAllRows);
    // Stops loading; nothing more is appended or announced.
    void cancel();

signals:
    // `count`: the requests in the file when it was opened (more than are loaded when bounded).
    void opened(quint64 count);
    void rowsAppended(quint64 firstSeq, int rows);
    void finished(quint64 loaded);
    void openFailed(const QString &error);
    void loadFailed(const QString &error);

private:
    void handleRows(const QList<pnm::RecordedRequest> &rows);
    void finish();

    EventTableModel *m_model;
    SessionBrowser m_browser;
    quint64 m_lastSeq = kAllRows;
    quint64 m_loaded = 0;
    quint64 m_expected = 0; // the rows in the file when it opened
    bool m_loading = false;
};

} // namespace pnm
