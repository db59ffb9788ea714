#include "store/walcheckpointer.h"

#include "store/storelog.h"

#include <chrono>
#include <sqlite3.h>

namespace pnm {

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

bool WalCheckpointer::start(const QString &path, const FileIdentity &expected, int intervalMs,
                            QString *error)
{
    stop();
    error->clear();
    // Before SQLite touches anything at the path, and again once it holds the file and its log:
    // a connection to somebody else's file would copy the writer's log into it, when it
    // checkpoints and also when it closes.
    const auto replaced = [&] {
        const FileIdentity now = FileIdentity::of(path);
        if (now.isValid() && now == expected)
            return false;
        *error = now.isValid() ? QStringLiteral("the session file was replaced by another file")
                               : QStringLiteral("the session file was removed");
        return true;
    };
    if (replaced())
        return false;
    sqlite3 *connection = nullptr;
    // No create flag: the writer made the file; a file removed meanwhile is the writer's to report.
    bool ok = sqlite3_open_v2(path.toUtf8().constData(), &connection, SQLITE_OPEN_READWRITE,
                              nullptr) == SQLITE_OK;
    // The writer's connection makes the last checkpoint when it closes; this one never does.
    ok = ok &&
         sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr) == SQLITE_OK;
    // The database file is made durable after each copy, as the writer's own checkpoints do.
    ok = ok && sqlite3_exec(connection, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) ==
                   SQLITE_OK;
    // A first read opens the log and its index now: SQLite opens them by name at first use, and
    // at the first checkpoint the path may name another session's (a second monitor's) files,
    // whose frames would be copied into this one and then count as saved in that one.
    ok = ok && !replaced() &&
         sqlite3_exec(connection, "SELECT count(*) FROM sqlite_master", nullptr, nullptr,
                      nullptr) == SQLITE_OK &&
         !replaced();
    if (!ok) {
        if (error->isEmpty()) // not said by replaced(): SQLite's own reason
            *error = QString::fromUtf8(sqlite3_errmsg(connection));
        sqlite3_close(connection);
        return false;
    }
    m_thread = std::jthread([this, connection, path, intervalMs](const std::stop_token &stop) {
        run(stop, connection, path, intervalMs);
    });
    return true;
}

void WalCheckpointer::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop(); // wakes the wait in run()
    m_thread.join();
}

void WalCheckpointer::run(const std::stop_token &stop, sqlite3 *connection, const QString &path,
                          int intervalMs)
{
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
