// Turns each request from the listener into a RecordedRequest: numbers it, verifies it, decodes
// it, answers it, and announces it. Lives on the ingest thread with the listener.
#pragma once

#include "http/requestsink.h"
#include "ingest/ingestoptions.h"
#include "ingest/recordedrequest.h"
#include "ingest/requestjournal.h"

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
    // With a journal, every request is appended to it and answered only once it is stored. The
    // journal must outlive the pipeline's use of it. Null: answer at once, keep nothing.
    void setJournal(RequestJournal *journal) { m_journal = journal; }
    // Continue numbering after requests already in a session.
    void setNextSequence(quint64 seq) { m_nextSeq = seq; }

    void handleRequest(HttpRequest request, const PeerInfo &peer, HttpResponder responder) override;
    void handleRejected(const RejectedRequest &rejected) override;

    // Emits requestsRecorded() now with what was gathered: before reporting a stop, so nothing
    // recorded is announced after it.
    void flushAnnounced();

    // The status and body we answer for a recorded request (exposed for tests and the docs).
    static HttpResponse responseFor(const RecordedRequest &recorded);
    // The protocol error of a request answered 503 because the store could not save it; the
    // HTTP layer's 503s (too many connections) give their own reason.
    static QString storeFailureReason()
    {
        return QStringLiteral("session store could not save the request");
    }

signals:
    // The requests recorded since the last event-loop pass, in sequence order, each with the
    // status actually answered: one queued call per burst rather than one per request.
    void requestsRecorded(const QList<pnm::RecordedRequest> &requests);

private:
    RecordedRequest startRecord(const HttpRequest &request, const PeerInfo &peer);
    void finish(RecordedRequest recorded, const HttpResponder &responder, bool answer);
    void announce(RecordedRequest recorded);

    IngestOptions m_options;
    WebhookVerifier m_verifier;
    RequestJournal *m_journal = nullptr;
    quint64 m_nextSeq = 1;
    QList<RecordedRequest> m_announced; // recorded since the last flushAnnounced()
};

} // namespace pnm
