// Copies a session's write-ahead log into the database file on a thread and connection of its
// own, so that the recording transaction rarely has to. SQLite checkpoints inside a commit once
// the log passes a size; that copy and the fsync of the database file stalled every connection
// waiting on a commit for 50 to 400 ms (15% of the time under load, benchmarks/ingest). With
// this, the writer's own checkpoint finds the log already copied but for its last frames, takes
// milliseconds, and lets the log start over (a checkpoint from another connection alone cannot:
// new frames keep arriving while it runs).
#pragma once

#include "store/fileidentity.h"

#include <QString>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

struct sqlite3;

namespace pnm {

class WalCheckpointer
{
public:
    WalCheckpointer() = default;
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Opens a connection to `path` (a session in WAL mode) now, on the caller's thread, and
    // checkpoints through it every `intervalMs` on a thread of its own. False, with *error saying
    // why, when it cannot open the file, or the file is no longer `expected` (the writer's): it
    // would copy that session's log into somebody else's file.
    bool start(const QString &path, const FileIdentity &expected, int intervalMs, QString *error);
    // Stops and closes its connection; returns once the thread has ended.
    void stop();

private:
    void run(const std::stop_token &stop, sqlite3 *connection, const QString &path, int intervalMs);

    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::jthread m_thread; // last: it stops and joins before the members it uses go
};

} // namespace pnm
