// The listener over real loopback sockets: keep-alive, pipelining, chunked bodies, 100-continue,
// every limit, garbage, connection caps and slow sinks. The listener runs on its own thread.
#include "../support/rawhttpclient.h"
#include "../support/threadedlistener.h"

#include <QRegularExpression>
#include <QTest>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace pnm;
using namespace pnm::test;

class TestHttpListener : public QObject
{
    Q_OBJECT
private slots:
    void keepAliveServesSeveralRequests();
    void pipelinedRequestsAnsweredInOrder();
    void answersAreNotHeldForDelayedAcks();
    void requestSplitAcrossWrites();
    void chunkedBody();
    void expectContinue();
    void expectContinueRefusedWhenTooLarge();
    void limitStatuses_data();
    void limitStatuses();
    void stalledRequestGets408();
    void garbageGets400AndClose();
    void connectionCapAnswers503AndOthersStillServed();
    void closingConnectionLeavesItsSlot();
    void manyConnectionsAtOnce();
    void slowSinkHoldsPipelinedRequests();
    void clientVanishingMidRequestIsHarmless();
    void closedClientsRequestsAreStillRecorded();
    void closedPipelineFloodIsRecordedOnlyInPart();
    void idleConnectionIsClosed();
    void headAnswerHasNoBody();
};

void TestHttpListener::keepAliveServesSeveralRequests()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    for (int i = 1; i <= 3; ++i) {
        client.send(
            rawPost("body-" + QByteArray::number(i), {{"Content-Type", "application/json"}}));
        const RawResponse response = client.readResponse();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, "request " + QByteArray::number(i) + ": POST / body=6");
        QVERIFY(!response.closeRequested);
        // RFC 9110 6.6.1: a server with a clock dates its answers (IMF-fixdate, GMT).
        static const QRegularExpression imfDate(QStringLiteral(
            "^[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$"));
        QVERIFY2(imfDate.match(QString::fromLatin1(response.header("Date"))).hasMatch(),
                 response.head.constData());
    }
    const QList<HttpRequest> seen = server.sink().requests();
    QCOMPARE(seen.size(), 3);
    QCOMPARE(seen.at(2).body, QByteArray("body-3"));
    QCOMPARE(seen.at(0).headers.fields().at(1).name, QByteArray("Content-Type"));
}

void TestHttpListener::pipelinedRequestsAnsweredInOrder()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    QByteArray burst;
    for (int i = 1; i <= 20; ++i)
        burst += rawPost(QByteArray(i, 'x'), {}, "/n" + QByteArray::number(i));
    client.send(burst);
    const QList<RawResponse> responses = client.readResponses(20);
    QCOMPARE(responses.size(), 20);
    for (int i = 1; i <= 20; ++i)
        QCOMPARE(responses.at(i - 1).body, "request " + QByteArray::number(i) + ": POST /n" +
                                               QByteArray::number(i) +
                                               " body=" + QByteArray::number(i));
}

// With Nagle's algorithm on, an answer written while the previous one is unacknowledged waits
// for the client's delayed ACK (40 ms on Linux): pipelined answers crawled at 44 ms per burst.
void TestHttpListener::answersAreNotHeldForDelayedAcks()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(rawPost("{}", {}));
    QCOMPARE(client.readResponse().status, 200);
    QCOMPARE(server.serverSocketOptions(QAbstractSocket::LowDelayOption), QList<int>{1});
}

void TestHttpListener::requestSplitAcrossWrites()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray request =
        rawPost("{\"event\":\"room_started\"}", {{"Authorization", "a.b.c"}});
    for (qsizetype offset = 0; offset < request.size(); offset += 7)
        client.send(request.mid(offset, 7));
    QCOMPARE(client.readResponse().status, 200);
    QCOMPARE(server.sink().requests().constFirst().body,
             QByteArray("{\"event\":\"room_started\"}"));
}

void TestHttpListener::chunkedBody()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");
    QCOMPARE(client.readResponse().status, 200);
    QCOMPARE(server.sink().requests().constFirst().body, QByteArray("{\"a\":1}"));
}

void TestHttpListener::expectContinue()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray body(2000, 'b');
    client.send(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\nExpect: 100-continue\r\n\r\n");
    const RawResponse interim = client.readResponse();
    QCOMPARE(interim.status, 100);
    QVERIFY(server.sink().requests().isEmpty());
    client.send(body);
    const RawResponse final = client.readResponse();
    QCOMPARE(final.status, 200);
    QCOMPARE(server.sink().requests().constFirst().body, body);
}

void TestHttpListener::expectContinueRefusedWhenTooLarge()
{
    HttpLimits limits;
    limits.maxBodyBytes = 1000;
    ThreadedListener server(limits);
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\nExpect: 100-continue\r\n\r\n");
    const RawResponse response = client.readResponse();
    QCOMPARE(response.status, 413); // never 100 first: the client must not send the body
    QVERIFY(response.closeRequested);
    QVERIFY(client.waitForClose());
}

void TestHttpListener::limitStatuses_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const HttpLimits limits;
    QTest::newRow("413 declared") << rawPost(QByteArray(limits.maxBodyBytes + 1, 'x'), {}) << 413;
    QTest::newRow("431 header block")
        << rawPost("{}", {{"X-Fill", QByteArray(limits.maxHeaderBytes + 1, 'h')}}) << 431;
    QTest::newRow("414 target") << QByteArray("GET /" +
                                              QByteArray(limits.maxRequestLineBytes + 1, 't') +
                                              " HTTP/1.1\r\n\r\n")
                                << 414;
}

void TestHttpListener::limitStatuses()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(request);
    const RawResponse response = client.readResponse();
    QCOMPARE(response.status, status);
    QVERIFY(response.closeRequested);
    QVERIFY(client.waitForClose());
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().rejected().size(), 1, 5000);
    QCOMPARE(server.sink().rejected().constFirst().status, status);
    QVERIFY(server.sink().requests().isEmpty());
    // And the listener keeps serving.
    RawHttpClient next;
    QVERIFY(next.connectTo(server.port()));
    next.send(rawPost("ok", {}));
    QCOMPARE(next.readResponse().status, 200);
}

void TestHttpListener::stalledRequestGets408()
{
    HttpLimits limits;
    limits.requestTimeoutMs = 300;
    ThreadedListener server(limits);
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST /slow HTTP/1.1\r\nHost: x\r\nAuthorization: t.o.k\r\nContent-Length: "
                "10\r\n\r\n12345");
    const RawResponse response = client.readResponse(5000);
    QCOMPARE(response.status, 408);
    QVERIFY(client.waitForClose());
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().rejected().size(), 1, 5000);
    const RejectedRequest rejected = server.sink().rejected().constFirst();
    QCOMPARE(rejected.status, 408);
    QCOMPARE(rejected.partial.target, QByteArray("/slow"));
    QCOMPARE(rejected.partial.body, QByteArray("12345"));
    QCOMPARE(rejected.partial.headers.value("authorization").value(), QByteArray("t.o.k"));
}

void TestHttpListener::garbageGets400AndClose()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(rawPost("first", {}) + QByteArray("\x00\x01\x02 not http at all\r\n\r\n", 22));
    const QList<RawResponse> responses = client.readResponses(2);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(1).status, 400);
    QVERIFY(client.waitForClose());
    QCOMPARE(server.sink().requests().size(), 1);
}

void TestHttpListener::connectionCapAnswers503AndOthersStillServed()
{
    HttpLimits limits;
    limits.maxConnections = 3;
    ThreadedListener server(limits);
    std::vector<std::unique_ptr<RawHttpClient>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(held.back()->connectTo(server.port()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 3, 5000);
    RawHttpClient extra;
    QVERIFY(extra.connectTo(server.port()));
    extra.send(rawPost("x", {}));
    QCOMPARE(extra.readResponse().status, 503);
    QVERIFY(extra.waitForClose());
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().rejected().size(), 1, 5000);
    for (auto &client : held) {
        client->send(rawPost("held", {}));
        QCOMPARE(client->readResponse().status, 200);
    }
    held.pop_back();
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 2, 5000);
    RawHttpClient again;
    QVERIFY(again.connectTo(server.port()));
    again.send(rawPost("again", {}));
    QCOMPARE(again.readResponse().status, 200);
}

namespace {
// A loopback client that never reads, with a receive buffer too small for our answers: what the
// server writes to it stays in Qt's write buffer. A plain socket, because the buffer size must be
// set before connecting to shape the TCP window.
class NonReadingClient
{
public:
    explicit NonReadingClient(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int receiveBytes = 2048;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBytes, sizeof receiveBytes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~NonReadingClient() { ::close(m_fd); }
    NonReadingClient(const NonReadingClient &) = delete;
    NonReadingClient &operator=(const NonReadingClient &) = delete;
    bool isConnected() const { return m_connected; }
    bool send(const QByteArray &bytes) const
    {
        return ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size();
    }

private:
    int m_fd = -1;
    bool m_connected = false;
};
} // namespace

// A connection we are closing serves nobody: while Qt still holds its last answers for a client
// that does not read, it must not keep new senders out. The sockets stay bounded all the same:
// open and closing together at most twice the cap, past that a connection is reset unanswered.
void TestHttpListener::closingConnectionLeavesItsSlot()
{
    HttpLimits limits;
    limits.maxConnections = 1;
    limits.requestTimeoutMs = 60000; // the abort timer of a closing connection: not within the test
    // The sink echoes the target, so an 8 MB target makes an 8 MB answer: more than loopback's
    // socket buffers take (tcp_wmem allows 4 MB by default). Connection: close closes it at once.
    constexpr qsizetype kTargetBytes = 8 * 1024 * 1024;
    limits.maxRequestLineBytes = kTargetBytes + 1;
    ThreadedListener server(limits);
    NonReadingClient hog(server.port());
    QVERIFY(hog.isConnected());
    QVERIFY(hog.send("GET /" + QByteArray(kTargetBytes - 1, 'a') +
                     " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().requests().size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(server.closingConnections(), 1, 5000);
    QCOMPARE(server.openConnections(), 0);

    RawHttpClient sender; // the slot is free for it
    QVERIFY(sender.connectTo(server.port()));
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, 5000);
    sender.send(rawPost("{}", {}));
    QCOMPARE(sender.readResponse().status, 200);

    // One open and one closing: the bound of two sockets is reached, so the next is reset at once.
    RawHttpClient refused;
    QVERIFY(refused.connectTo(server.port()));
    QVERIFY(refused.waitForClose());
    QVERIFY(refused.pendingBytes().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().rejected().size(), 1, 5000);
    QVERIFY(server.sink().rejected().constFirst().reason.contains("reset without an answer"));
    QCOMPARE(server.openConnections(), 1);
    QCOMPARE(server.closingConnections(), 1);
}

void TestHttpListener::manyConnectionsAtOnce()
{
    ThreadedListener server;
    constexpr int kClients = 100;
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(clients.back()->connectTo(server.port()));
        clients.back()->send(rawPost("client " + QByteArray::number(i), {}));
    }
    for (auto &client : clients)
        QCOMPARE(client->readResponse().status, 200);
    QCOMPARE(server.sink().requests().size(), kClients);
}

void TestHttpListener::slowSinkHoldsPipelinedRequests()
{
    ThreadedListener server;
    server.sink().setDeferring(true);
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(rawPost("one", {}) + rawPost("two", {}));
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().deferredCount(), 1, 5000);
    QCOMPARE(server.sink().requests().size(), 1); // the second waits for the first answer
    server.sink().setDeferring(false);
    server.sink().releaseDeferred();
    const QList<RawResponse> responses = client.readResponses(2);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).body, QByteArray("released"));
    QCOMPARE(responses.at(1).body, QByteArray("request 2: POST / body=3"));
}

void TestHttpListener::clientVanishingMidRequestIsHarmless()
{
    ThreadedListener server;
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port()));
        client.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part");
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, 5000);
        client.socket().abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 5000);
    QVERIFY(server.sink().requests().isEmpty());
    // Not answered, but recorded with what arrived.
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().rejected().size(), 1, 5000);
    QCOMPARE(server.sink().rejected().at(0).status, 0);
    QCOMPARE(server.sink().rejected().at(0).partial.body, QByteArray("only part"));
}

// A client that closes its end (a half-close, as `nc -N` does, or a crash) takes away the
// chance to answer, not the requests it sent: each one not taken yet is recorded with status 0,
// the one it stopped half-way through with what arrived of it.
void TestHttpListener::closedClientsRequestsAreStillRecorded()
{
    ThreadedListener server;
    server.sink().setDeferring(true);
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(rawPost("one", {}) + rawPost("two", {}) + rawPost("three", {}) +
                "POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part");
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().deferredCount(), 1, 5000);
    QCOMPARE(::shutdown(int(client.socket().socketDescriptor()), SHUT_WR), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().rejected().size(), 3, 5000);
    const QList<RejectedRequest> rejected = server.sink().rejected();
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(rejected.at(i).status, 0);
        QVERIFY(rejected.at(i).partial.bodyComplete);
        QCOMPARE(rejected.at(i).reason,
                 QStringLiteral("the client closed the connection before it was answered"));
    }
    QCOMPARE(rejected.at(0).partial.body, QByteArray("two"));
    QCOMPARE(rejected.at(1).partial.body, QByteArray("three"));
    QCOMPARE(rejected.at(2).partial.body, QByteArray("only part"));
    QVERIFY(!rejected.at(2).partial.bodyComplete);
    QCOMPARE(rejected.at(2).reason,
             QStringLiteral("the client closed the connection before the request was complete"));
    QCOMPARE(server.sink().requests().size(), 1); // the one being answered
    server.sink().releaseDeferred();              // to a client that is gone: nothing happens
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 5000);
}

// A client that pipelines a flood and hangs up must not keep the listener recording it.
void TestHttpListener::closedPipelineFloodIsRecordedOnlyInPart()
{
    ThreadedListener server;
    server.sink().setDeferring(true);
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    QByteArray flood;
    for (int i = 0; i < 200; ++i)
        flood += rawPost("x", {});
    client.send(flood);
    QTRY_COMPARE_WITH_TIMEOUT(server.sink().deferredCount(), 1, 5000);
    QCOMPARE(::shutdown(int(client.socket().socketDescriptor()), SHUT_WR), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 5000);
    QCOMPARE(server.sink().rejected().size(), 32);
    server.sink().releaseDeferred();
}

void TestHttpListener::idleConnectionIsClosed()
{
    HttpLimits limits;
    limits.idleTimeoutMs = 200;
    ThreadedListener server(limits);
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(rawPost("x", {}));
    QCOMPARE(client.readResponse().status, 200);
    QVERIFY(client.waitForClose(5000));
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 5000);
}

void TestHttpListener::headAnswerHasNoBody()
{
    ThreadedListener server;
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    // HEAD then GET, pipelined: the HEAD answer declares a length but must carry no body, so the
    // bytes right after its blank line are the GET answer's status line.
    client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += client.socket().readAll()).count("\r\n\r\n") >= 2, 5000);
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    const QByteArray head = received.left(headEnd);
    QVERIFY(head.startsWith("HTTP/1.1 200"));
    QVERIFY(head.contains("Content-Length: "));
    QVERIFY(!head.contains("Content-Length: 0\r"));
    QVERIFY2(received.mid(headEnd + 4).startsWith("HTTP/1.1 200"), received.constData());
}

QTEST_GUILESS_MAIN(TestHttpListener)
#include "tst_httplistener.moc"
