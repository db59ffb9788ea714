// A test client that writes raw bytes to a loopback socket and reads HTTP/1.1 responses back,
// so tests control exactly how requests are split, pipelined or left unfinished.
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

namespace pnm::test {

struct RawResponse
{
    int status = 0;
    QByteArray head; // status line and header fields
    QByteArray body;
    bool closeRequested = false;
    QByteArray header(QByteArrayView name) const;
};

class RawHttpClient
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // Waits (bounded, on socket signals) until `count` complete responses are buffered.
    QList<RawResponse> readResponses(int count, int timeoutMs = 5000);
    RawResponse readResponse(int timeoutMs = 5000);
    // Waits until the server closes the connection; true if it did within the bound.
    bool waitForClose(int timeoutMs = 5000);
    QByteArray pendingBytes() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    bool takeOne(RawResponse *response);
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// A whole request: POST to `target` with the given header fields (in order) and body.
QByteArray rawPost(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                   const QByteArray &target = "/");

} // namespace pnm::test
