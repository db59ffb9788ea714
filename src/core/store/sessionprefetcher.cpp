#include "store/sessionprefetcher.h"

#include "store/sessionreader.h"

namespace pnm {

SessionPrefetcher::~SessionPrefetcher()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

bool SessionPrefetcher::open(const QString &path, int batchRows, QString *error)
{
    m_thread = std::thread([this, path, batchRows] { run(path, batchRows); });
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_opened; });
    if (m_finished && !m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    return true;
}

QList<RecordedRequest> SessionPrefetcher::next(QString *error)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.isEmpty() || m_finished; });
    if (m_ready.isEmpty()) {
        *error = m_error;
        return {};
    }
    QList<RecordedRequest> batch = m_ready.takeFirst();
    lock.unlock();
    m_changed.notify_all(); // room for one more
    return batch;
}

void SessionPrefetcher::run(const QString &path, int batchRows)
{
    // Opened, used and closed on this thread: a Qt SQL connection belongs to one thread.
    SessionReader reader;
    QString error;
    const bool ok = reader.open(path, &error);
    const quint64 count = ok ? reader.count(&error) : 0;
    {
        std::lock_guard lock(m_mutex);
        m_opened = true;
        m_count = count;
        m_error = error;
        m_finished = !error.isEmpty();
    }
    m_changed.notify_all();
    quint64 after = 0;
    while (ok && error.isEmpty()) {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || m_ready.size() < kBatchesAhead; });
            if (m_stopping)
                return;
        }
        QList<RecordedRequest> batch = reader.readBatch(after, batchRows, &error);
        const bool last = !error.isEmpty() || batch.isEmpty();
        {
            std::lock_guard lock(m_mutex);
            if (last) {
                m_error = error;
                m_finished = true;
            } else {
                after = batch.constLast().seq;
                m_ready.append(std::move(batch));
            }
        }
        m_changed.notify_all();
        if (last)
            return;
    }
}

} // namespace pnm
