// Accepts connections on one address and port and gives each an HttpConnection, up to a limit.
// Derives from QTcpServer so a QSslServer-based variant can take its place later. Lives on the
// ingest thread; create it there (or move it there before listen()).
#pragma once

#include "http/httprequest.h"

#include <QHostAddress>
#include <QTcpServer>

class QTcpSocket;

namespace pnm {

class HttpConnection;
class RequestSink;

class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    HttpListener(RequestSink *sink, const HttpLimits &limits, QObject *parent = nullptr);

    const HttpLimits &limits() const { return m_limits; }
    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    // Connections that count against HttpLimits::maxConnections: reading, answering or idle.
    int openConnectionCount() const { return m_openConnections; }
    // Connections we are closing, whose last answer Qt has not yet handed to the kernel.
    int closingConnectionCount() const { return m_closingConnections; }

signals:
    void connectionCountChanged(int open);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void refuse(QTcpSocket *socket, quint64 connectionId);
    void track(HttpConnection *connection, QTcpSocket *socket);

    RequestSink *m_sink;
    HttpLimits m_limits;
    int m_openConnections = 0;
    int m_closingConnections = 0;
    quint64 m_nextConnectionId = 1;
};

} // namespace pnm
