#include "ingest/ingestpipeline.h"

#include "events/eventdecoder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pnm {

IngestPipeline::IngestPipeline(const IngestOptions &options, QObject *parent) : QObject(parent)
{
    setOptions(options);
}

void IngestPipeline::setOptions(const IngestOptions &options)
{
    m_options = options;
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_verifier = WebhookVerifier(options.keys, options.leewaySecs);
}

RecordedRequest IngestPipeline::startRecord(const HttpRequest &request, const PeerInfo &peer)
{
    RecordedRequest recorded;
    recorded.seq = m_nextSeq++;
    recorded.receivedAtMs = m_options.clock();
    // Show IPv4 peers as IPv4 even on a dual-stack socket.
    bool isV4 = false;
    const quint32 v4 = peer.address.toIPv4Address(&isV4);
    recorded.remoteAddress = isV4 ? QHostAddress(v4).toString() : peer.address.toString();
    recorded.remotePort = peer.port;
    recorded.method = request.method;
    recorded.target = request.target;
    recorded.httpVersion =
        request.httpVersion.isEmpty() ? QByteArray() : "HTTP/" + request.httpVersion;
    recorded.headers = request.headers;
    recorded.body = request.body;
    recorded.bodyComplete = request.bodyComplete;
    return recorded;
}

void IngestPipeline::handleRequest(HttpRequest request, const PeerInfo &peer,
                                   HttpResponder responder)
{
    RecordedRequest recorded = startRecord(request, peer);
    // Verify on receipt, as of the moment the request was complete (protocol.md 8.6).
    recorded.verification =
        m_verifier.verify(recorded.headers, recorded.body, recorded.receivedAtMs / 1000);
    recorded.event = EventDecoder::decode(recorded.body);
    if (recorded.method == "POST")
        recorded.status =
            (m_options.rejectInvalid && recorded.verification.isFailure()) ? 401 : 200;
    else if (recorded.method == "GET" || recorded.method == "HEAD")
        recorded.status = 200;
    else
        recorded.status = 405;
    finish(std::move(recorded), responder, true);
}

void IngestPipeline::finish(RecordedRequest recorded, const HttpResponder &responder, bool answer)
{
    if (!m_journal) {
        if (answer)
            responder.send(responseFor(recorded));
        announce(std::move(recorded));
        return;
    }
    // Answer only once the journal has it: a 2xx promises the event is kept (issue 4).
    m_journal->append(recorded, [this, recorded, responder, answer](bool stored) mutable {
        if (!stored && answer) {
            recorded.status = 503;
            recorded.protocolError = storeFailureReason();
        }
        if (answer)
            responder.send(responseFor(recorded));
        announce(std::move(recorded));
    });
}

void IngestPipeline::announce(RecordedRequest recorded)
{
    if (m_announced.isEmpty())
        QMetaObject::invokeMethod(this, &IngestPipeline::flushAnnounced, Qt::QueuedConnection);
    m_announced.append(std::move(recorded));
}

void IngestPipeline::flushAnnounced()
{
    if (m_announced.isEmpty())
        return;
    QList<RecordedRequest> requests;
    requests.swap(m_announced);
    emit requestsRecorded(requests);
}

void IngestPipeline::handleRejected(const RejectedRequest &rejected)
{
    RecordedRequest recorded = startRecord(rejected.partial, rejected.peer);
    recorded.status = rejected.status;
    recorded.protocolError = rejected.reason;
    recorded.bodyComplete = rejected.partial.bodyComplete;
    // A partial request can still be checked and decoded: the result says what arrived.
    recorded.verification =
        m_verifier.verify(recorded.headers, recorded.body, recorded.receivedAtMs / 1000);
    if (recorded.bodyComplete)
        recorded.event = EventDecoder::decode(recorded.body);
    finish(std::move(recorded), HttpResponder(), false); // the HTTP layer has answered already
}

HttpResponse IngestPipeline::responseFor(const RecordedRequest &recorded)
{
    HttpResponse response;
    response.status = recorded.status;
    if (recorded.status == 503) {
        response.body = "the monitor cannot store requests right now; retry later\n";
        response.extraHeaders.append("Retry-After", "1");
    } else if (recorded.method == "POST") {
        // Plug-N-Meet ignores the body; a person testing with curl gets the verdict at once.
        // Written by hand (keys in QJsonDocument's sorted order): this is on every request's path.
        QByteArray body = "{";
        if (recorded.status == 401) {
            // RFC 9110 11.6.1: a 401 names how to authenticate; Plug-N-Meet signs its token.
            response.extraHeaders.append("WWW-Authenticate",
                                         "Bearer realm=\"pnm-webhook-monitor\"");
            body += "\"advice\":";
            body += QJsonDocument(QJsonArray{verdictAdvice(recorded.verification.verdict)})
                        .toJson(QJsonDocument::Compact)
                        .sliced(1)
                        .chopped(1);
            body += ',';
        }
        body += "\"seq\":" + QByteArray::number(recorded.seq) + ",\"verification\":\"" +
                verdictName(recorded.verification.verdict).toLatin1() + "\"}\n";
        response.contentType = "application/json";
        response.body = body;
    } else if (recorded.status == 405) {
        response.extraHeaders.append("Allow", "POST, GET, HEAD");
        response.body = "Plug-N-Meet webhooks are POSTed here.\n";
    } else {
        response.body =
            "pnm-webhook-monitor is listening: point Plug-N-Meet's webhook_conf.url here.\n";
    }
    return response;
}

} // namespace pnm
