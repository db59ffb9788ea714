// One accepted TCP connection: owns the socket, feeds a parser, hands complete requests to the
// sink one at a time and writes the answers in order. Enforces the per-request deadline (408) and
// the keep-alive idle timeout. Lives on the listener's thread.
#pragma once

#include "http/httprequestparser.h"
#include "http/requestsink.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace pnm {

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, RequestSink *sink,
                   quint64 connectionId, QObject *parent = nullptr);
    ~HttpConnection() override;

    const PeerInfo &peer() const { return m_peer; }
    // Answers request number `requestNumber` (as given to the sink's responder). Stale numbers,
    // e.g. after a timeout already answered, are ignored.
    void sendResponse(quint64 requestNumber, const HttpResponse &response);
    // Answers with `status` and closes: used by the listener when over the connection limit.
    void rejectAndClose(int status, const QString &reason);

signals:
    void closed();

private:
    void handleReadyRead();
    void processBuffer();
    void handleDeadline();
    void handleError(int status, const QString &reason);
    // The client went away: records, with status 0, the requests it sent that were not taken.
    void recordUnanswered();
    // One info line per rejection, throttled: a flood of garbage must not become a flood of log.
    void logRejection(const QString &what) const;
    void closeAfterWrite();
    void startRequestTimerIfNeeded();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    RequestSink *m_sink;
    PeerInfo m_peer;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_requestTimer; // a request must arrive whole within requestTimeoutMs
    QTimer m_idleTimer;    // an idle keep-alive connection is closed after idleTimeoutMs
    quint64 m_requestsHanded = 0;
    bool m_awaitingResponse = false;
    bool m_pendingHead = false; // the request being answered is a HEAD
    bool m_closeAfterResponse = false;
    bool m_closing = false;
    bool m_processQueued = false;
};

} // namespace pnm
