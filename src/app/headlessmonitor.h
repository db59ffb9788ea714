// The monitor without a window: starts the ingest service and writes one JSON line per recorded
// request to stdout (written as soon as it is recorded), human-readable notes to stderr. Main
// thread.
#pragma once

#include "ingest/ingestservice.h"
#include "monitoroptions.h"

#include <QFile>
#include <QObject>

namespace pnm {

class HeadlessMonitor : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessMonitor(const MonitorOptions &options, QObject *parent = nullptr);

    void start();
    void stop();

signals:
    void started();
    void failed(int exitCode);
    void finished();

private:
    void connectSessionNotes();
    void writeLines(const QList<RecordedRequest> &requests);
    void note(const QString &text);
    // One line on stderr when the listener has stopped: how many requests, by verdict, and where.
    void noteSummary();

    MonitorOptions m_options;
    IngestService m_service;
    QFile m_stdout;
    QFile m_stderr;
    QString m_sessionPath;
    // Requests written to stdout, by verdict.
    quint64 m_valid = 0;
    quint64 m_failed = 0;
    quint64 m_unverified = 0;
    quint64 m_unsaved = 0;        // answered 503: the store could not write them
    quint64 m_rejectedByHttp = 0; // answered by the HTTP layer (400, 408, 413, ..., 503)
};

} // namespace pnm
