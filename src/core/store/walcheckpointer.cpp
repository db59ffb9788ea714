#include "store/walcheckpointer.h"

#include "store/storelog.h"

#include <chrono>
#include <sqlite3.h>

namespace pnm {

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

void WalCheckpointer::start(const QString &path, int intervalMs)
{
    stop();
    m_thread = std::jthread(
        [this, path, intervalMs](const std::stop_token &stop) { run(stop, path, intervalMs); });
}

void WalCheckpointer::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop(); // wakes the wait in run()
    m_thread.join();
}

void WalCheckpointer::run(const std::stop_token &stop, const QString &path, int intervalMs)
{
    sqlite3 *connection = nullptr;
    // No create flag: the writer made the file; a file removed meanwhile is the writer's to report.
    if (sqlite3_open_v2(path.toUtf8().constData(), &connection, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        qCWarning(lcStore) << "background checkpoints off for" << path << ":"
                           << sqlite3_errmsg(connection);
        sqlite3_close(connection);
        return;
    }
    // The database file is made durable after each copy, as the writer's own checkpoints do.
    sqlite3_exec(connection, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, stop, std::chrono::milliseconds(intervalMs),
                            [&stop] { return stop.stop_requested(); })) {
        lock.unlock();
        // PASSIVE: copies what no reader still needs and never waits on the writer; it does
        // nothing when the log holds nothing new.
        int logFrames = 0;
        int copiedFrames = 0;
        const int status = sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                     &logFrames, &copiedFrames);
        if (status != SQLITE_OK && status != SQLITE_BUSY)
            qCDebug(lcStore) << "background checkpoint of" << path << ":"
                             << sqlite3_errmsg(connection);
        lock.lock();
    }
    lock.unlock();
    sqlite3_close(connection);
}

} // namespace pnm
