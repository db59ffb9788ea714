#include "http/httplistener.h"

#include "http/httpconnection.h"
#include "http/requestsink.h"

#include <QTcpSocket>

namespace pnm {

HttpListener::HttpListener(RequestSink *sink, const HttpLimits &limits, QObject *parent)
    : QTcpServer(parent), m_sink(sink), m_limits(limits)
{
    // The OS queue holds connections we have not accepted yet; ours are accepted at once.
    setMaxPendingConnections(m_limits.maxConnections);
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    auto *connection = new HttpConnection(socket, m_limits, m_sink, m_nextConnectionId++, this);
    if (m_openConnections >= m_limits.maxConnections) {
        // Answer rather than drop, so the sender sees why; 503 makes Plug-N-Meet retry (7).
        RejectedRequest rejected;
        rejected.peer = connection->peer();
        rejected.status = 503;
        rejected.reason =
            QStringLiteral("too many open connections (limit %1)").arg(m_limits.maxConnections);
        m_sink->handleRejected(rejected);
        connection->rejectAndClose(rejected.status, rejected.reason);
        return;
    }
    ++m_openConnections;
    emit connectionCountChanged(m_openConnections);
    connect(connection, &HttpConnection::closed, this, [this] {
        --m_openConnections;
        emit connectionCountChanged(m_openConnections);
    });
}

} // namespace pnm
