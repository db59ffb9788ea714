// Runs the listener and the ingest pipeline on their own thread and reports to the thread that
// owns this object (the GUI or the headless main loop). Only value types cross between them.
#pragma once

#include "http/httprequest.h"
#include "ingest/ingestoptions.h"
#include "ingest/recordedrequest.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

namespace pnm {

class IngestWorker;

class IngestService : public QObject
{
    Q_OBJECT
public:
    explicit IngestService(QObject *parent = nullptr);
    ~IngestService() override;

    bool isListening() const { return m_listening; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }

public slots:
    // Asynchronous: answered by listening() or listenFailed(). Port 0 picks a free port.
    void start(const QHostAddress &address, quint16 port, const pnm::HttpLimits &limits,
               const pnm::IngestOptions &options);
    void stop();
    // New keys, leeway or reject policy apply from the next request on.
    void setOptions(const pnm::IngestOptions &options);

signals:
    void listening(const QHostAddress &address, quint16 port);
    void listenFailed(const QString &error);
    void stopped();
    void requestRecorded(const pnm::RecordedRequest &request);

private:
    QThread m_thread;
    IngestWorker *m_worker;
    bool m_listening = false;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace pnm
