// The ingest thread's side of IngestService: owns the listener and pipeline there. Internal to
// the ingest module; talk to IngestService instead.
#pragma once

#include "http/httplistener.h"
#include "ingest/ingestpipeline.h"

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

signals:
    void listening(const QHostAddress &address, quint16 port);
    void listenFailed(const QString &error);
    void stopped();
    void requestRecorded(const pnm::RecordedRequest &request);

private:
    IngestPipeline m_pipeline;
    std::unique_ptr<HttpListener> m_listener;
};

} // namespace pnm
