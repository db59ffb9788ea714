#include "headlessmonitor.h"

#include <cstdio>

namespace pnm {

HeadlessMonitor::HeadlessMonitor(const MonitorOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    // By descriptor, so each line goes straight to write(2): a FILE* is fully buffered when piped.
    m_stdout.open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_stderr.open(fileno(stderr), QIODevice::WriteOnly | QIODevice::Unbuffered);
    connect(&m_service, &IngestService::requestsRecorded, this, &HeadlessMonitor::writeLines);
    connect(&m_service, &IngestService::listening, this,
            [this](const QHostAddress &address, quint16 port) {
                const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                         ? QStringLiteral("[%1]").arg(address.toString())
                                         : address.toString();
                note(QStringLiteral("listening on http://%1:%2/ (%3 key%4 configured%5)")
                         .arg(host)
                         .arg(port)
                         .arg(m_options.ingest.keys.size())
                         .arg(m_options.ingest.keys.size() == 1 ? "" : "s")
                         .arg(m_options.ingest.keys.isEmpty()
                                  ? QStringLiteral(
                                        ": requests will show as unverified; add --key KEY:SECRET")
                                  : QString()));
                note(QStringLiteral("in Plug-N-Meet's config.yaml: client.webhook_conf.enable: "
                                    "true, url: \"http://%1:%2/\"")
                         .arg(host)
                         .arg(port));
                if (!address.isLoopback())
                    note(QStringLiteral("note: listening beyond loopback; anyone who can reach "
                                        "this port can post to it"));
                emit started();
            });
    connect(&m_service, &IngestService::listenFailed, this, [this](const QString &error) {
        note(error);
        emit failed(1);
    });
    connect(&m_service, &IngestService::stopped, this, &HeadlessMonitor::finished);
    connectSessionNotes();
}

void HeadlessMonitor::connectSessionNotes()
{
    connect(&m_service, &IngestService::sessionOpened, this,
            [this](const QString &path, quint64 already) {
                note(already == 0 ? QStringLiteral("recording into %1").arg(path)
                                  : QStringLiteral("recording into %1 (continuing after %2 "
                                                   "requests)")
                                        .arg(path)
                                        .arg(already));
            });
    connect(&m_service, &IngestService::storeFailed, this, [this](const QString &error) {
        note(QStringLiteral("SESSION STORE FAILED: %1; answering 503 until it can write again")
                 .arg(error));
    });
    connect(&m_service, &IngestService::storeRecovered, this,
            [this] { note(QStringLiteral("session store writing again")); });
}

void HeadlessMonitor::start()
{
    QString error;
    const SessionStoreOptions store = m_options.session.storeOptions(&error);
    if (!error.isEmpty()) {
        note(error);
        // Queued: start() runs before the event loop, where an exit request would be lost.
        QMetaObject::invokeMethod(
            this, [this] { emit failed(1); }, Qt::QueuedConnection);
        return;
    }
    m_service.setSession(store);
    if (!m_options.session.openPath.isEmpty())
        note(QStringLiteral("--open %1: not opened, browsing a session needs the window; this "
                            "headless run records as usual (to write that file out instead: "
                            "--open FILE --export OUT)")
                 .arg(m_options.session.openPath));
    m_service.start(m_options.address, m_options.port, m_options.limits, m_options.ingest);
}

void HeadlessMonitor::stop()
{
    if (!m_service.isListening()) {
        emit finished();
        return;
    }
    m_service.stop();
}

void HeadlessMonitor::writeLines(const QList<RecordedRequest> &requests)
{
    // One write(2) per batch: under load a syscall per line cost more than building the lines.
    QByteArray lines;
    for (const RecordedRequest &request : requests)
        lines += request.toJsonLine();
    m_stdout.write(lines);
    m_written += quint64(requests.size());
}

void HeadlessMonitor::note(const QString &text)
{
    m_stderr.write("pnm-webhook-monitor: " + text.toUtf8() + '\n');
}

} // namespace pnm
