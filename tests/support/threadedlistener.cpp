#include "threadedlistener.h"

#include <QMetaObject>
#include <QTcpSocket>

namespace pnm::test {

void RecordingSink::handleRequest(HttpRequest request, const PeerInfo &, HttpResponder responder)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
    HttpResponse response;
    response.body = "request " + QByteArray::number(m_requests.size()) + ": " + request.method +
                    ' ' + request.target + " body=" + QByteArray::number(request.body.size());
    if (m_deferring) {
        m_deferred.append(responder);
        return;
    }
    lock.unlock();
    responder.send(response);
}

void RecordingSink::handleRejected(const RejectedRequest &rejected)
{
    QMutexLocker lock(&m_mutex);
    m_rejected.append(rejected);
}

QList<HttpRequest> RecordingSink::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

QList<RejectedRequest> RecordingSink::rejected() const
{
    QMutexLocker lock(&m_mutex);
    return m_rejected;
}

void RecordingSink::setDeferring(bool deferring)
{
    QMutexLocker lock(&m_mutex);
    m_deferring = deferring;
}

void RecordingSink::releaseDeferred()
{
    QMutexLocker lock(&m_mutex);
    const QList<HttpResponder> deferred = std::exchange(m_deferred, {});
    lock.unlock();
    HttpResponse response;
    response.body = "released";
    for (const HttpResponder &responder : deferred)
        responder.send(response); // from the test thread: exercises the cross-thread path
}

int RecordingSink::deferredCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_deferred.size());
}

ThreadedListener::ThreadedListener(const HttpLimits &limits)
{
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context,
        [this, limits] {
            m_listener = new HttpListener(&m_sink, limits);
            if (m_listener->listen(QHostAddress::LocalHost, 0))
                m_port = m_listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

ThreadedListener::~ThreadedListener()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_listener; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

int ThreadedListener::openConnections() const
{
    return countOnListenerThread(&HttpListener::openConnectionCount);
}

int ThreadedListener::closingConnections() const
{
    return countOnListenerThread(&HttpListener::closingConnectionCount);
}

QList<int> ThreadedListener::serverSocketOptions(QAbstractSocket::SocketOption option) const
{
    QList<int> values;
    QMetaObject::invokeMethod(
        m_context,
        [this, option, &values] {
            for (QTcpSocket *socket : m_listener->findChildren<QTcpSocket *>())
                values.append(socket->socketOption(option).toInt());
        },
        Qt::BlockingQueuedConnection);
    return values;
}

// The counters belong to the listener's thread: read them there.
int ThreadedListener::countOnListenerThread(int (HttpListener::*count)() const) const
{
    int value = 0;
    QMetaObject::invokeMethod(
        m_context, [this, count, &value] { value = (m_listener->*count)(); },
        Qt::BlockingQueuedConnection);
    return value;
}

} // namespace pnm::test
