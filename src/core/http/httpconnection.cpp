#include "http/httpconnection.h"

#include "http/logthrottle.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "pnm.http")

namespace pnm {

namespace {
// Unread bytes Qt may hold for us while we wait on the sink; beyond it TCP pushes back on the
// client.
constexpr qint64 kSocketReadBufferBytes = 64 * 1024;
// Answers not yet taken by a client that does not read; past this we stop reading its requests.
constexpr qint64 kMaxUnsentResponseBytes = 256 * 1024;
constexpr QByteArrayView kContinueLine = "HTTP/1.1 100 Continue\r\n\r\n";
// Requests a closing client had pipelined behind the one being answered that are still recorded.
constexpr int kMaxUnansweredRecorded = 32;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, RequestSink *sink,
                               quint64 connectionId, QObject *parent)
    : QObject(parent), m_socket(socket), m_limits(limits), m_sink(sink), m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBufferBytes);
    // No Nagle: an answer written while an earlier one is unacknowledged (pipelined requests, an
    // answer after "100 Continue") would otherwise wait for the client's delayed ACK, 40 ms.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peer.address = m_socket->peerAddress();
    m_peer.port = m_socket->peerPort();
    m_peer.connectionId = connectionId;

    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(m_limits.requestTimeoutMs);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_limits.idleTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &HttpConnection::handleDeadline);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_awaitingResponse && !m_parser.isMidRequest() && m_buffer.isEmpty())
            closeAfterWrite();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::handleReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (!m_closing && !m_awaitingResponse && !m_buffer.isEmpty() &&
            m_socket->bytesToWrite() <= kMaxUnsentResponseBytes)
            processBuffer();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        recordUnanswered();
        m_closing = true;
        emit closed();
        deleteLater();
    });
    m_idleTimer.start();
    // Bytes may have arrived before we connected readyRead; look at them from the event loop so the
    // listener can still turn this connection away first.
    QMetaObject::invokeMethod(this, &HttpConnection::handleReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::handleReadyRead()
{
    if (m_closing || m_awaitingResponse)
        return; // leave the bytes with Qt/TCP until the current answer is out
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::startRequestTimerIfNeeded()
{
    if (!m_requestTimer.isActive())
        m_requestTimer.start();
}

void HttpConnection::processBuffer()
{
    m_processQueued = false;
    while (!m_closing && !m_awaitingResponse && !m_buffer.isEmpty()) {
        if (m_socket->bytesToWrite() > kMaxUnsentResponseBytes) {
            // Resumed from bytesWritten once the client reads. One that never does gets the
            // request deadline, then is dropped (handleDeadline), or it would hold its connection
            // slot for ever.
            startRequestTimerIfNeeded();
            return;
        }

        m_idleTimer.stop();
        startRequestTimerIfNeeded();
        qsizetype consumed = 0;
        const auto event = m_parser.feed(m_buffer, &consumed);
        m_buffer.remove(0, consumed);
        switch (event) {
        case HttpRequestParser::Event::NeedMoreData:
            return;
        case HttpRequestParser::Event::HeadersComplete:
            // curl and others wait for this before sending a body over 1 KiB (RFC 9110 10.1.1).
            if (m_parser.expectsContinue() && m_parser.current().httpVersion != "1.0" &&
                m_parser.declaredContentLength() != 0)
                m_socket->write(kContinueLine.data(), kContinueLine.size());
            continue;
        case HttpRequestParser::Event::RequestComplete: {
            m_requestTimer.stop();
            HttpRequest request = m_parser.takeRequest();
            m_awaitingResponse = true;
            m_pendingHead = request.method == "HEAD";
            m_closeAfterResponse = !request.keepAlive;
            const quint64 number = ++m_requestsHanded;
            m_sink->handleRequest(std::move(request), m_peer, HttpResponder(this, number));
            return;
        }
        case HttpRequestParser::Event::Error:
            handleError(m_parser.errorStatus(), m_parser.errorText());
            return;
        }
    }
    if (!m_awaitingResponse && !m_parser.isMidRequest() && m_buffer.isEmpty()) {
        m_requestTimer.stop();
        m_idleTimer.start();
    }
}

void HttpConnection::sendResponse(quint64 requestNumber, const HttpResponse &response)
{
    if (m_closing || !m_awaitingResponse || requestNumber != m_requestsHanded)
        return;
    m_awaitingResponse = false;
    HttpResponse answer = response;
    answer.closeConnection = answer.closeConnection || m_closeAfterResponse;
    m_socket->write(answer.serialize(m_pendingHead));
    if (answer.closeConnection) {
        closeAfterWrite();
        return;
    }
    // Nothing waiting: readyRead() brings the next request (a queued call per answer showed in
    // profiles). Otherwise re-enter through the event loop, not recursion: a burst of pipelined
    // requests must not grow the stack, and other connections get their turn in between.
    if (m_buffer.isEmpty() && m_socket->bytesAvailable() == 0) {
        m_idleTimer.start();
        return;
    }
    if (!m_processQueued) {
        m_processQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_socket->bytesAvailable() > 0)
                    m_buffer += m_socket->readAll();
                processBuffer();
            },
            Qt::QueuedConnection);
    }
}

void HttpConnection::recordUnanswered()
{
    if (m_closing)
        return; // we closed it: whatever followed was refused already
    // The client closed its end (Qt closes ours with it, so no answer can go out any more). Keep
    // every request it sent that we had not taken yet: those behind the one being answered and
    // one it stopped half-way through. Status 0: nothing was answered.
    if (m_socket->bytesAvailable() > 0)
        m_buffer += m_socket->readAll();
    const auto record = [this](const HttpRequest &request, const QString &reason) {
        RejectedRequest unanswered;
        unanswered.partial = request;
        unanswered.peer = m_peer;
        unanswered.status = 0;
        unanswered.reason = reason;
        m_sink->handleRejected(unanswered);
    };
    // A client that pipelined thousands of requests it never meant to wait for must not keep
    // this thread busy recording them; Plug-N-Meet sends one at a time.
    int recorded = 0;
    for (;;) {
        qsizetype consumed = 0;
        const auto event = m_parser.feed(m_buffer, &consumed);
        m_buffer.remove(0, consumed);
        if (event == HttpRequestParser::Event::RequestComplete) {
            if (recorded == kMaxUnansweredRecorded) {
                logRejection(QStringLiteral("closed the connection with more than %1 pipelined "
                                            "requests unanswered; the rest were not recorded")
                                 .arg(kMaxUnansweredRecorded));
                return;
            }
            ++recorded;
            record(m_parser.takeRequest(),
                   QStringLiteral("the client closed the connection before it was answered"));
        } else if (event == HttpRequestParser::Event::Error) {
            record(m_parser.current(), QStringLiteral("%1; the client had closed the connection")
                                           .arg(m_parser.errorText()));
            return;
        } else if (event == HttpRequestParser::Event::NeedMoreData) {
            if (m_parser.isMidRequest())
                record(m_parser.current(),
                       QStringLiteral("the client closed the connection before the request was "
                                      "complete"));
            return;
        }
    }
}

void HttpConnection::handleDeadline()
{
    if (m_closing)
        return;
    if (m_awaitingResponse)
        return; // the sink is answering; our own deadline covers only the client's part
    if (m_socket->bytesToWrite() > kMaxUnsentResponseBytes) {
        // It has not read its answers for a whole deadline: a 408 would not be read either.
        logRejection(QStringLiteral("did not read its answers; connection dropped"));
        m_closing = true;
        m_requestTimer.stop();
        m_idleTimer.stop();
        m_socket->abort(); // disconnected() deletes us
        return;
    }
    handleError(408,
                QStringLiteral("request not complete within %1 ms").arg(m_limits.requestTimeoutMs));
}

void HttpConnection::logRejection(const QString &what) const
{
    // Each connection of a listener runs on the listener's thread: one throttle for them all.
    thread_local LogThrottle throttle;
    qint64 heldBack = 0;
    if (!throttle.admit(&heldBack))
        return;
    if (heldBack > 0)
        qCInfo(lcHttp).noquote() << heldBack << "more rejections were not logged";
    qCInfo(lcHttp).noquote() << m_peer.address.toString() << what;
}

void HttpConnection::handleError(int status, const QString &reason)
{
    logRejection(QStringLiteral("rejected with %1 %2").arg(status).arg(reason));
    RejectedRequest rejected;
    rejected.partial = m_parser.current();
    rejected.peer = m_peer;
    rejected.status = status;
    rejected.reason = reason;
    m_requestTimer.stop();
    m_idleTimer.stop();
    m_sink->handleRejected(rejected);
    rejectAndClose(status, reason);
}

void HttpConnection::rejectAndClose(int status, const QString &reason)
{
    if (m_closing)
        return;
    HttpResponse response;
    response.status = status;
    response.body = reason.toUtf8() + '\n';
    response.closeConnection = true;
    m_socket->write(response.serialize());
    closeAfterWrite();
}

void HttpConnection::closeAfterWrite()
{
    if (m_closing)
        return;
    m_closing = true;
    m_requestTimer.stop();
    m_idleTimer.stop();
    // disconnectFromHost() flushes what is queued, then emits disconnected(), which deletes us.
    // A client that never reads would hold that forever, so a last timer aborts it.
    QTimer::singleShot(m_limits.requestTimeoutMs, this, [this] { m_socket->abort(); });
    m_socket->disconnectFromHost();
}

} // namespace pnm
