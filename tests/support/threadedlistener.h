// Runs an HttpListener with a recording sink on its own thread, as the application does, so a
// test can talk to it with blocking sockets from the test thread.
#pragma once

#include "http/httplistener.h"
#include "http/requestsink.h"

#include <QAbstractSocket>
#include <QMutex>
#include <QThread>

namespace pnm::test {

class RecordingSink : public RequestSink
{
public:
    void handleRequest(HttpRequest request, const PeerInfo &peer, HttpResponder responder) override;
    void handleRejected(const RejectedRequest &rejected) override;

    QList<HttpRequest> requests() const;
    QList<RejectedRequest> rejected() const;
    // While deferring, answers are held until releaseDeferred() (tests of slow sinks).
    void setDeferring(bool deferring);
    void releaseDeferred();
    int deferredCount() const;

private:
    mutable QMutex m_mutex;
    QList<HttpRequest> m_requests;
    QList<RejectedRequest> m_rejected;
    QList<HttpResponder> m_deferred;
    bool m_deferring = false;
};

class ThreadedListener
{
public:
    explicit ThreadedListener(const HttpLimits &limits = {});
    ~ThreadedListener();
    quint16 port() const { return m_port; }
    RecordingSink &sink() { return m_sink; }
    int openConnections() const;
    int closingConnections() const;
    // `option` of each accepted connection's socket, read on the listener's thread.
    QList<int> serverSocketOptions(QAbstractSocket::SocketOption option) const;

private:
    int countOnListenerThread(int (HttpListener::*count)() const) const;

    QThread m_thread;
    QObject *m_context = new QObject; // lives on m_thread: the target of invokeMethod
    RecordingSink m_sink;
    HttpListener *m_listener = nullptr;
    quint16 m_port = 0;
};

} // namespace pnm::test
