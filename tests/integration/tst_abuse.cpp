// Abuse over loopback (issue 6): slowloris, floods past the connection cap, bodies that never end,
// clients that never read, garbage, NUL bytes, invalid UTF-8, deep and wide JSON. For each: the
// right status, the listener still answering others, and nothing already recorded lost.
// Every loop is bounded in count and time.
#include "../support/rawhttpclient.h"
#include "ingest/ingestservice.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <vector>

using namespace pnm;
using namespace pnm::test;

namespace {
constexpr int kAnswerBoundMs =
    2000; // a legitimate request is answered within this while under abuse

struct Service
{
    IngestService service;
    QSignalSpy recorded{&service, &IngestService::requestRecorded};
    bool start(const HttpLimits &limits)
    {
        QSignalSpy listening(&service, &IngestService::listening);
        service.start(QHostAddress::LocalHost, 0, limits, IngestOptions{});
        return listening.wait(5000);
    }
    QList<RecordedRequest> requests() const
    {
        QList<RecordedRequest> list;
        for (const QList<QVariant> &args : recorded)
            list.append(args.at(0).value<RecordedRequest>());
        return list;
    }
};

// Posts one request on a fresh connection and returns the status, or 0 if not answered in time.
int legitimatePost(quint16 port, const QByteArray &body, qint64 *elapsedMs = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    RawHttpClient client;
    if (!client.connectTo(port, kAnswerBoundMs))
        return 0;
    client.send(rawPost(body, {{"Content-Type", "application/json"}}));
    const int status = client.readResponse(kAnswerBoundMs).status;
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    return status;
}
} // namespace

class TestAbuse : public QObject
{
    Q_OBJECT
private slots:
    void slowlorisDoesNotStarveOthers();
    void floodPastConnectionCap();
    void bodyThatNeverFinishes();
    void clientThatNeverReads();
    void pipelinedGarbageAfterGoodRequests();
    void nulBytesAndInvalidUtf8();
    void deeplyNestedJson();
    void millionTinyKeys();
};

void TestAbuse::slowlorisDoesNotStarveOthers()
{
    HttpLimits limits;
    limits.requestTimeoutMs = 1500;
    Service s;
    QVERIFY(s.start(limits));
    const quint16 port = s.service.port();
    constexpr int kSlowClients = 300;
    std::vector<std::unique_ptr<RawHttpClient>> slow;
    for (int i = 0; i < kSlowClients; ++i) {
        slow.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(slow.back()->connectTo(port));
        slow.back()->send("POST / HTTP/1.1\r\nHost: x\r\nX-Slow-" + QByteArray::number(i) + ": ");
    }
    for (int round = 0; round < 10; ++round) {
        for (int i = round; i < kSlowClients; i += 10)
            slow[size_t(i)]->send("a"); // trickle
        qint64 elapsed = 0;
        QCOMPARE(legitimatePost(port, "{\"round\":" + QByteArray::number(round) + "}", &elapsed),
                 200);
        QVERIFY2(elapsed < kAnswerBoundMs, qPrintable(QString::number(elapsed)));
    }
    // Each trickler gets 408 once its request deadline passes, however often it trickles.
    int timedOut = 0;
    for (auto &client : slow)
        timedOut += client->readResponse(5000).status == 408;
    QCOMPARE(timedOut, kSlowClients);
    QTRY_COMPARE_WITH_TIMEOUT(s.recorded.size(), 10 + kSlowClients, 10000);
}

void TestAbuse::floodPastConnectionCap()
{
    HttpLimits limits;
    limits.maxConnections = 50;
    Service s;
    QVERIFY(s.start(limits));
    std::vector<std::unique_ptr<RawHttpClient>> flood;
    for (int i = 0; i < 200; ++i) {
        flood.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(flood.back()->connectTo(s.service.port()));
    }
    int refused = 0;
    for (auto &client : flood) {
        if (client->socket().waitForReadyRead(50) || client->socket().bytesAvailable() > 0)
            refused += client->readResponse(2000).status == 503;
    }
    QCOMPARE(refused, 150);
    flood.clear(); // the held connections go away...
    QTRY_COMPARE_WITH_TIMEOUT(legitimatePost(s.service.port(), "{}"), 200,
                              10000); // ...and service resumes
}

void TestAbuse::bodyThatNeverFinishes()
{
    HttpLimits limits;
    limits.requestTimeoutMs = 500;
    Service s;
    QVERIFY(s.start(limits));
    RawHttpClient endless;
    QVERIFY(endless.connectTo(s.service.port()));
    endless.send("POST /endless HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (status == 0 &&
           timer.elapsed() < 5000) { // keeps sending chunks; the deadline still holds
        endless.send("1\r\nx\r\n");
        status = endless.readResponse(50).status;
    }
    QCOMPARE(status, 408);
    QVERIFY(endless.waitForClose());
    QCOMPARE(legitimatePost(s.service.port(), "{}"), 200);
    QTRY_VERIFY_WITH_TIMEOUT(s.recorded.size() == 2, 5000);
    const RecordedRequest partial = s.requests().at(0);
    QCOMPARE(partial.status, 408);
    QCOMPARE(partial.target, QByteArray("/endless"));
    QVERIFY(!partial.bodyComplete);
    QVERIFY(partial.body.startsWith("xxx"));
}

void TestAbuse::clientThatNeverReads()
{
    Service s;
    QVERIFY(s.start({}));
    RawHttpClient hog;
    QVERIFY(hog.connectTo(s.service.port()));
    hog.socket().setReadBufferSize(1); // we never read, and Qt must not read for us
    QByteArray burst;
    for (int i = 0; i < 2000; ++i)
        burst += "GET /" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    for (int i = 0; i < 20; ++i) // ~1.3 MB of requests whose answers pile up unread
        hog.socket().write(burst);
    QCOMPARE(legitimatePost(s.service.port(), "{\"still\":\"here\"}"), 200);
    hog.socket().abort();
    QCOMPARE(legitimatePost(s.service.port(), "{}"), 200);
    // The server stopped reading the hog once its answers backed up: far fewer than all recorded.
    QVERIFY(s.recorded.size() < 40000);
}

void TestAbuse::pipelinedGarbageAfterGoodRequests()
{
    Service s;
    QVERIFY(s.start({}));
    RawHttpClient client;
    QVERIFY(client.connectTo(s.service.port()));
    client.send(rawPost("{\"n\":1}", {}) + rawPost("{\"n\":2}", {}) + "\x7f\x45LF garbage\r\n\r\n" +
                rawPost("{\"n\":3}", {}));
    const QList<RawResponse> responses = client.readResponses(3);
    QCOMPARE(responses.size(), 3);
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(1).status, 200);
    QCOMPARE(responses.at(2).status, 400);
    QVERIFY(client.waitForClose());
    QTRY_COMPARE_WITH_TIMEOUT(s.recorded.size(), 3, 5000);
    QCOMPARE(s.requests().at(1).body, QByteArray("{\"n\":2}"));
}

void TestAbuse::nulBytesAndInvalidUtf8()
{
    Service s;
    QVERIFY(s.start({}));
    // Literals end where a hex escape would swallow the next character.
    static const char rawBody[] = "{\"event\":\"room_started\0\xff\xfe\",\"x\":\"\xc3\x28\"}";
    const QByteArray body(rawBody, sizeof rawBody - 1);
    RawHttpClient client;
    QVERIFY(client.connectTo(s.service.port()));
    client.send(rawPost(body, {{"X-Bytes", "caf\xc3\xa9 \xff"}}));
    QCOMPARE(client.readResponse().status, 200);
    static const char nulInValue[] = "POST / HTTP/1.1\r\nX-Nul: a\0b\r\nContent-Length: 0\r\n\r\n";
    client.send(QByteArray(nulInValue, sizeof nulInValue - 1));
    QCOMPARE(client.readResponse().status, 400);
    QTRY_COMPARE_WITH_TIMEOUT(s.recorded.size(), 2, 5000);
    const RecordedRequest first = s.requests().at(0);
    QCOMPARE(first.body, body); // exact bytes, whatever they are
    QCOMPARE(first.headers.value("x-bytes").value(), QByteArray("caf\xc3\xa9 \xff"));
    QVERIFY(!first.event.isDecoded());
    QVERIFY(!QJsonDocument(first.toJson()).toJson().isEmpty());
}

void TestAbuse::deeplyNestedJson()
{
    Service s;
    QVERIFY(s.start({}));
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QCOMPARE(legitimatePost(s.service.port(), deep), 200);
    QTRY_COMPARE_WITH_TIMEOUT(s.recorded.size(), 1, 5000);
    const RecordedRequest recorded = s.requests().at(0);
    QCOMPARE(recorded.body.size(), deep.size());
    QVERIFY(!recorded.event.isDecoded());
    QVERIFY(!recorded.event.parseError.isEmpty());
}

void TestAbuse::millionTinyKeys()
{
    HttpLimits limits;
    limits.maxBodyBytes = 32 * 1024 * 1024;
    Service s;
    QVERIFY(s.start(limits));
    QByteArray wide = "{\"event\":\"room_started\"";
    wide.reserve(16 * 1024 * 1024);
    for (int i = 0; i < 1000000; ++i)
        wide += ",\"k" + QByteArray::number(i) + "\":0";
    wide += '}';
    RawHttpClient client;
    QVERIFY(client.connectTo(s.service.port()));
    client.send(rawPost(wide, {}));
    QCOMPARE(client.readResponse(60000).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(s.recorded.size(), 1, 10000);
    const RecordedRequest recorded = s.requests().at(0);
    QCOMPARE(recorded.body.size(), wide.size());
    QCOMPARE(recorded.event.event, QStringLiteral("room_started"));
    QCOMPARE(legitimatePost(s.service.port(), "{}"), 200);
    // Over the default limit the same body is refused before it is read.
    Service strict;
    QVERIFY(strict.start({}));
    RawHttpClient refused;
    QVERIFY(refused.connectTo(strict.service.port()));
    refused.send(rawPost(wide, {}));
    QCOMPARE(refused.readResponse(10000).status, 413);
}

QTEST_GUILESS_MAIN(TestAbuse)
#include "tst_abuse.moc"
