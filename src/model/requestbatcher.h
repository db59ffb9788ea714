// Collects requests as they arrive from the ingest thread and publishes them in batches on a
// coalescing timer, so the table sees a few insertions a second however fast events come
// (style.md section 3). Pausing holds requests back, never drops them. GUI thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace pnm {

class RequestBatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchIntervalMs = 75;

    explicit RequestBatcher(QObject *parent = nullptr);

    bool isPaused() const { return m_paused; }
    qsizetype heldCount() const { return m_pending.size(); }
    quint64 receivedCount() const { return m_received; }

public slots:
    void add(const pnm::RecordedRequest &request);
    void setPaused(bool paused);
    // Publishes what is pending now (unless paused).
    void flush();
    // Forgets pending requests (the table is being cleared).
    void discardPending();

signals:
    void batchReady(const QList<pnm::RecordedRequest> &requests);
    void heldCountChanged(qsizetype held);
    void pausedChanged(bool paused);

private:
    QTimer m_timer;
    QList<RecordedRequest> m_pending;
    bool m_paused = false;
    quint64 m_received = 0;
};

} // namespace pnm
