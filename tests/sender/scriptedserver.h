// A loopback HTTP server for sender tests: answers each request with the next scripted response
// (200 once the script runs out) and records what arrived. Runs on the test thread, so the
// sender under test and the server share one event loop; nothing blocks.
#pragma once

#include "http/httplistener.h"
#include "http/requestsink.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

namespace pnm::test {

class ScriptedServer : public QObject, public RequestSink
{
    Q_OBJECT
public:
    explicit ScriptedServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_listener.serverPort(); }
    QString url() const;

    // status with optional Retry-After value.
    void script(int status, const QByteArray &retryAfter = QByteArray());
    const QList<HttpRequest> &requests() const { return m_requests; }
    const QList<qint64> &arrivalMs() const { return m_arrivalMs; } // since construction

    void handleRequest(HttpRequest request, const PeerInfo &peer, HttpResponder responder) override;
    void handleRejected(const RejectedRequest &rejected) override;

signals:
    void requestArrived(int count);

private:
    HttpListener m_listener;
    QList<HttpResponse> m_script;
    QList<HttpRequest> m_requests;
    QList<qint64> m_arrivalMs;
    QElapsedTimer m_clock;
};

} // namespace pnm::test
