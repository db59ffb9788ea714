// Copies a session's write-ahead log into the database file on a thread and connection of its
// own, so that the recording transaction rarely has to. SQLite checkpoints inside a commit once
// the log passes a size; that copy and the fsync of the database file stalled every connection
// waiting on a commit for 50 to 400 ms (15% of the time under load, benchmarks/ingest). With
// this, the writer's own checkpoint finds the log already copied but for its last frames, takes
// milliseconds, and lets the log start over (a checkpoint from another connection alone cannot:
// new frames keep arriving while it runs).
#pragma once

#include <QString>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

namespace pnm {

class WalCheckpointer
{
public:
    WalCheckpointer() = default;
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Starts checkpointing `path` (a session in WAL mode) every `intervalMs`.
    void start(const QString &path, int intervalMs);
    // Stops and closes its connection; returns once the thread has ended.
    void stop();

private:
    void run(const std::stop_token &stop, const QString &path, int intervalMs);

    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::jthread m_thread; // last: it stops and joins before the members it uses go
};

} // namespace pnm
