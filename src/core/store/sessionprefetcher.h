// Reads a session's requests in sequence order, batch by batch, on a thread of its own that
// stays up to two batches ahead of the caller. Reading a row (SQLite, the event decoded from the
// body, the token's facts) costs about as much as encoding it for an export; with this the two
// run on two cores. One caller thread; the reading thread has its own connection.
#pragma once

#include "ingest/recordedrequest.h"

#include <QList>
#include <QString>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace pnm {

class SessionPrefetcher
{
public:
    SessionPrefetcher() = default;
    ~SessionPrefetcher(); // stops reading, whatever is left
    SessionPrefetcher(const SessionPrefetcher &) = delete;
    SessionPrefetcher &operator=(const SessionPrefetcher &) = delete;

    // Opens the session on the reading thread and starts reading; false with *error (naming
    // the file) when it cannot be read. Once per prefetcher.
    bool open(const QString &path, int batchRows, QString *error);
    // Requests in the session when it was opened.
    quint64 count() const { return m_count; }
    // The next batch; empty at the end, or after a failure, which sets *error.
    QList<RecordedRequest> next(QString *error);

private:
    static constexpr qsizetype kBatchesAhead = 2;
    void run(const QString &path, int batchRows);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    QList<QList<RecordedRequest>> m_ready;
    bool m_opened = false;
    bool m_finished = false; // no more batches will come (the end, or m_error)
    bool m_stopping = false;
    QString m_error;
    quint64 m_count = 0;
    std::thread m_thread;
};

} // namespace pnm
