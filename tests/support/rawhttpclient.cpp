#include "rawhttpclient.h"

#include <QDeadlineTimer>

namespace pnm::test {

QByteArray RawResponse::header(QByteArrayView name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && name.compare(line.left(colon).trimmed(), Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(timeoutMs);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.waitForBytesWritten(1000);
}

bool RawHttpClient::takeOne(RawResponse *response)
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    RawResponse parsed;
    parsed.head = m_buffer.left(headEnd);
    const qsizetype lineEnd = parsed.head.indexOf('\r');
    const QList<QByteArray> statusLine =
        (lineEnd < 0 ? parsed.head : parsed.head.left(lineEnd)).split(' ');
    parsed.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    const qsizetype length =
        parsed.status == 100 ? 0 : parsed.header("Content-Length").toLongLong();
    if (m_buffer.size() < headEnd + 4 + length)
        return false;
    parsed.body = m_buffer.mid(headEnd + 4, length);
    parsed.closeRequested = parsed.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    m_buffer.remove(0, headEnd + 4 + length);
    *response = parsed;
    return true;
}

QList<RawResponse> RawHttpClient::readResponses(int count, int timeoutMs)
{
    QList<RawResponse> responses;
    QDeadlineTimer deadline(timeoutMs);
    while (responses.size() < count) {
        RawResponse response;
        if (takeOne(&response)) {
            responses.append(response);
            continue;
        }
        if (deadline.hasExpired())
            break;
        if (m_socket.bytesAvailable() == 0 &&
            !m_socket.waitForReadyRead(int(deadline.remainingTime()))) {
            m_buffer += m_socket.readAll();
            RawResponse last;
            if (takeOne(&last))
                responses.append(last);
            break;
        }
        m_buffer += m_socket.readAll();
    }
    return responses;
}

RawResponse RawHttpClient::readResponse(int timeoutMs)
{
    const QList<RawResponse> responses = readResponses(1, timeoutMs);
    return responses.isEmpty() ? RawResponse{} : responses.first();
}

bool RawHttpClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.waitForReadyRead(int(deadline.remainingTime())))
            m_buffer += m_socket.readAll();
    }
    m_buffer += m_socket.readAll();
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray rawPost(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                   const QByteArray &target)
{
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return request;
}

} // namespace pnm::test
