// Opens a session file read-only on a thread of its own and streams its rows to the owner's
// thread in batches (first rows at once, the rest without blocking), and fetches one full request
// by sequence number for the detail pane. Works on a session being recorded too (SQLite WAL).
// Create and use it on the GUI thread; only value types cross.
#pragma once

#include "ingest/recordedrequest.h"

#include <QObject>
#include <QThread>

namespace pnm {

class SessionBrowserWorker;

class SessionBrowser : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultBatchRows = 2000;

    explicit SessionBrowser(QObject *parent = nullptr);
    ~SessionBrowser() override;

    // Light rows (the default) leave out headers, body, verification steps and the parsed body,
    // so a million rows fit in memory; fetch() brings one back whole.
    void setLightRows(bool light) { m_lightRows = light; }
    void setBatchRows(int rows) { m_batchRows = rows; }

public slots:
    // Answered by opened() then rowsLoaded()... loadFinished(), or by openFailed().
    void open(const QString &path);
    // Opens for fetch() only: answered by opened() or openFailed(), no rows are streamed. For the
    // detail pane of the session being recorded (the table already has its rows).
    void attach(const QString &path);
    void close();
    // Answered by requestFetched() or fetchFailed().
    void fetch(quint64 seq);

signals:
    void opened(const QString &path, quint64 count);
    void openFailed(const QString &error);
    void rowsLoaded(const QList<pnm::RecordedRequest> &rows);
    void loadFinished(quint64 count);
    void loadFailed(const QString &error);
    void requestFetched(const pnm::RecordedRequest &request);
    void fetchFailed(quint64 seq, const QString &error);

private:
    QThread m_thread;
    SessionBrowserWorker *m_worker;
    quint64 m_generation = 0; // answers from an earlier open() are dropped
    int m_batchRows = kDefaultBatchRows;
    bool m_lightRows = true;
};

} // namespace pnm
