// Runs one export or import on a thread of its own and reports progress and the result to the
// thread that started it (the GUI), so writing a file never blocks the window or the listener.
// One job at a time per object (a second start is answered at once with an error); cancel()
// stops an export between batches (no half file is left).
#pragma once

#include "store/sessionexporter.h"
#include "store/sessionimporter.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace pnm {

class SessionJob : public QObject
{
    Q_OBJECT
public:
    explicit SessionJob(QObject *parent = nullptr);
    ~SessionJob() override; // cancels and waits for the thread

    bool isRunning() const { return m_thread && m_thread->isRunning(); }

public slots:
    // options.progress and options.cancel are supplied by the job; set the rest.
    void startExport(const QString &sessionPath, const QString &outPath,
                     pnm::ExportOptions options);
    // Not into the session the listener is recording: import into another session file.
    void startImport(const QString &sessionPath, const QString &filePath,
                     const pnm::ImportOptions &options);
    void cancel() { m_cancel = true; }

signals:
    void progressed(quint64 done, quint64 total);
    void exportFinished(const pnm::ExportResult &result);
    void importFinished(const pnm::ImportResult &result);

private:
    void run(std::function<void()> work);
    void finish(std::function<void()> announce);

    std::unique_ptr<QThread> m_thread;
    std::atomic_bool m_cancel{false};
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::ExportResult)
Q_DECLARE_METATYPE(pnm::ImportResult)
