#include "headlessmonitor.h"

#include "events/eventfilter.h"
#include "ingest/ingestpipeline.h"

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
    connect(&m_service, &IngestService::stopped, this, [this] {
        noteSummary();
        emit finished();
    });
    connectSessionNotes();
}

void HeadlessMonitor::connectSessionNotes()
{
    connect(&m_service, &IngestService::sessionOpened, this,
            [this](const QString &path, quint64 already) {
                m_sessionPath = path;
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
    for (const RecordedRequest &request : requests) {
        lines += request.toJsonLine();
        switch (verdictClassOf(request.verification.verdict)) {
        case VerdictClass::Valid:
            ++m_valid;
            break;
        case VerdictClass::Failed:
            ++m_failed;
            break;
        case VerdictClass::Unverified:
            ++m_unverified;
            break;
        }
        if (request.protocolError == IngestPipeline::storeFailureReason())
            ++m_unsaved;
        else if (!request.protocolError.isEmpty())
            ++m_rejectedByHttp;
    }
    m_stdout.write(lines);
}

void HeadlessMonitor::noteSummary()
{
    // The last word of a run: what a script or an operator scrolling back wants to know.
    QString where;
    if (!m_options.session.record)
        where = QStringLiteral("; nothing stored (--no-session)");
    else if (!m_sessionPath.isEmpty())
        where = QStringLiteral("; session file %1").arg(m_sessionPath);
    const QString unsaved =
        m_unsaved == 0 ? QString()
                       : QStringLiteral("; %1 answered 503 because the session store could not "
                                        "write them (the sender retries)")
                             .arg(m_unsaved);
    // Their verdicts are counted above too: a request cut short may still carry a token.
    const QString rejected =
        m_rejectedByHttp == 0
            ? QString()
            : QStringLiteral("; %1 not taken by the HTTP layer (malformed, too large, too slow, "
                             "too many connections, or the client closed first)")
                  .arg(m_rejectedByHttp);
    const quint64 written = m_valid + m_failed + m_unverified;
    note(QStringLiteral("stopped after %1 request%2: %3 valid, %4 failed verification, %5 "
                        "unverified%6%7%8")
             .arg(written)
             .arg(written == 1 ? "" : "s")
             .arg(m_valid)
             .arg(m_failed)
             .arg(m_unverified)
             .arg(rejected, unsaved, where));
}

void HeadlessMonitor::note(const QString &text)
{
    m_stderr.write("pnm-webhook-monitor: " + text.toUtf8() + '\n');
}

} // namespace pnm
