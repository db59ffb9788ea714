// SessionBrowser's side on its worker thread: owns the SessionReader, loads one batch per event
// so fetches by sequence number interleave with a long load. Internal; use SessionBrowser.
#pragma once

#include "ingest/recordedrequest.h"
#include "store/sessionreader.h"

#include <QObject>

namespace pnm {

class SessionBrowserWorker : public QObject
{
    Q_OBJECT
public:
    // batchRows 0: open for fetch() only, without streaming the rows.
    void open(const QString &path, int batchRows, bool lightRows, quint64 generation);
    void fetch(quint64 seq);
    void close();

signals:
    void opened(const QString &path, quint64 count, quint64 generation);
    void openFailed(const QString &error, quint64 generation);
    void rowsLoaded(const QList<pnm::RecordedRequest> &rows, quint64 generation);
    void loadFinished(quint64 count, quint64 generation);
    void loadFailed(const QString &error, quint64 generation);
    void requestFetched(const pnm::RecordedRequest &request);
    void fetchFailed(quint64 seq, const QString &error);

private:
    void loadNext(quint64 generation);

    SessionReader m_reader;
    int m_batchRows = 2000;
    bool m_lightRows = true;
    quint64 m_generation = 0;
    quint64 m_after = 0;
    quint64 m_loaded = 0;
};

} // namespace pnm
