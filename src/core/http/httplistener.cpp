#include "http/httplistener.h"

#include "http/httpconnection.h"
#include "http/requestsink.h"

#include <QTcpSocket>
#include <memory>

namespace pnm {

namespace {
// Accepted connections we hold at most, open and closing together, per maxConnections. Closing
// ones leave the cap to new senders, but a client that never reads keeps one for up to
// requestTimeoutMs (HttpConnection's abort timer), so they need a bound of their own.
constexpr int kSocketsPerConnectionSlot = 2;
} // namespace

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
    const quint64 connectionId = m_nextConnectionId++;
    if (m_openConnections + m_closingConnections >=
        kSocketsPerConnectionSlot * m_limits.maxConnections) {
        refuse(socket, connectionId);
        return;
    }
    auto *connection = new HttpConnection(socket, m_limits, m_sink, connectionId, this);
    if (m_openConnections >= m_limits.maxConnections) {
        // Answer rather than drop, so the sender sees why; 503 makes Plug-N-Meet retry (7).
        RejectedRequest rejected;
        rejected.peer = connection->peer();
        rejected.status = 503;
        rejected.reason =
            QStringLiteral("too many open connections (limit %1)").arg(m_limits.maxConnections);
        m_sink->handleRejected(rejected);
        // Not counted: a fresh connection's few-hundred-byte answer always fits the kernel's
        // buffer, so it is gone on the next pass of the event loop.
        connection->rejectAndClose(rejected.status, rejected.reason);
        return;
    }
    track(connection, socket);
}

// Every slot and as many closing connections taken: clients are keeping sockets we close from
// going away, so the connection is reset at once rather than given one more. Still recorded, as
// every refusal is.
void HttpListener::refuse(QTcpSocket *socket, quint64 connectionId)
{
    RejectedRequest rejected;
    rejected.peer.address = socket->peerAddress();
    rejected.peer.port = socket->peerPort();
    rejected.peer.connectionId = connectionId;
    rejected.status = 503;
    rejected.reason = QStringLiteral("too many open and closing connections (limit %1 open, %2 "
                                     "in all); reset without an answer")
                          .arg(m_limits.maxConnections)
                          .arg(kSocketsPerConnectionSlot * m_limits.maxConnections);
    m_sink->handleRejected(rejected);
    socket->abort();
    delete socket;
}

// A connection counts as open until its socket starts closing. From then on it serves nobody: it
// only waits for Qt to hand its last answer to the kernel, which for a client that does not read
// lasts until HttpConnection's abort timer. Left in the open count, such clients would turn
// legitimate senders away for that long (docs/http.md).
void HttpListener::track(HttpConnection *connection, QTcpSocket *socket)
{
    const auto isClosing = std::make_shared<bool>(false);
    ++m_openConnections;
    emit connectionCountChanged(m_openConnections);
    connect(socket, &QAbstractSocket::stateChanged, this,
            [this, isClosing](QAbstractSocket::SocketState state) {
                if (state != QAbstractSocket::ClosingState || *isClosing)
                    return;
                *isClosing = true;
                --m_openConnections;
                ++m_closingConnections;
                emit connectionCountChanged(m_openConnections);
            });
    connect(connection, &HttpConnection::closed, this, [this, isClosing] {
        if (*isClosing) {
            --m_closingConnections;
            return;
        }
        --m_openConnections;
        emit connectionCountChanged(m_openConnections);
    });
}

} // namespace pnm
