// Turns each request from the listener into a RecordedRequest: numbers it, verifies it, decodes
// it, answers it, and announces it. Lives on the ingest thread with the listener.
#pragma once

#include "http/requestsink.h"
#include "ingest/ingestoptions.h"
#include "ingest/recordedrequest.h"

#include <QObject>

namespace pnm {

class IngestPipeline : public QObject, public RequestSink
{
    Q_OBJECT
public:
    explicit IngestPipeline(const IngestOptions &options = {}, QObject *parent = nullptr);

    void setOptions(const IngestOptions &options);
    const IngestOptions &options() const { return m_options; }
    quint64 recordedCount() const { return m_nextSeq - 1; }

    void handleRequest(HttpRequest request, const PeerInfo &peer, HttpResponder responder) override;
    void handleRejected(const RejectedRequest &rejected) override;

    // The status and body we answer for a recorded request (exposed for tests and the docs).
    static HttpResponse responseFor(const RecordedRequest &recorded);

signals:
    void requestRecorded(const pnm::RecordedRequest &request);

private:
    RecordedRequest startRecord(const HttpRequest &request, const PeerInfo &peer);

    IngestOptions m_options;
    WebhookVerifier m_verifier;
    quint64 m_nextSeq = 1;
};

} // namespace pnm
