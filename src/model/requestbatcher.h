// Collects the table's rows as their requests arrive from the ingest thread and publishes them in
// batches on a coalescing timer, so the table sees a few insertions a second however fast events
// come (style.md section 3). Pausing holds rows back, never drops them; a held row is a
// PreparedRow, not the request, so a window paused for hours grows by the rows' bytes only.
// GUI thread.
#pragma once

#include "eventrow.h"

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
    void add(const pnm::PreparedRow &row);
    void setPaused(bool paused);
    // Publishes what is pending now; paused, only announces how many rows are held.
    void flush();
    // Forgets pending rows (the table is being cleared).
    void discardPending();

signals:
    void batchReady(const QList<pnm::PreparedRow> &rows);
    // Paused, at most once per kBatchIntervalMs however fast rows arrive.
    void heldCountChanged(qsizetype held);
    void pausedChanged(bool paused);

private:
    QTimer m_timer;
    QList<PreparedRow> m_pending;
    bool m_paused = false;
    quint64 m_received = 0;
};

} // namespace pnm
