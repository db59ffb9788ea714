// The ingest thread's side of IngestService: owns the listener and pipeline there. Internal to
// the ingest module; talk to IngestService instead.
#pragma once

#include "http/httplistener.h"
#include "ingest/ingestpipeline.h"
#include "store/sessionjournal.h"

#include <QObject>
#include <memory>

namespace pnm {

class IngestWorker : public QObject
{
    Q_OBJECT
public:
    IngestWorker();
    ~IngestWorker() override;

    void start(const QHostAddress &address, quint16 port, const HttpLimits &limits,
               const IngestOptions &options);
    void stop();
    void setOptions(const IngestOptions &options);
    // Where recorded requests are kept (issue 4): another file takes effect at the next
    // start(); new retention limits for the open one at once.
    void setSession(const SessionStoreOptions &session);

signals:
    void listening(const QHostAddress &address, quint16 port);
    void listenFailed(const QString &error);
    void stopped();
    void requestsRecorded(const QList<pnm::RecordedRequest> &requests);
    void sessionOpened(const QString &path, quint64 requestsAlreadyThere, quint64 lastSeqThere);
    void storeFailed(const QString &error);
    void storeRecovered();
    void requestsRemoved(const QList<quint64> &seqs);
    void connectionCountChanged(int open);

private:
    bool openSession(QString *error);
    void closeSession();

    IngestPipeline m_pipeline;
    SessionStoreOptions m_session;
    // Declared after the pipeline: closing the journal completes requests through it.
    std::unique_ptr<SessionJournal> m_journal;
    std::unique_ptr<HttpListener> m_listener;
};

} // namespace pnm
