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

    MonitorOptions m_options;
    IngestService m_service;
    QFile m_stdout;
    QFile m_stderr;
    quint64 m_written = 0;
};

} // namespace pnm
