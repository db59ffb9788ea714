// Every shared vector posted as a real request to the ingest service on its own thread: the
// HTTP answer, the recorded verdict, the decoded event and the exact bytes must all be right.
#include "../support/rawhttpclient.h"
#include "../support/vectors.h"
#include "ingest/ingestservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace pnm;
using namespace pnm::test;

namespace {
QByteArray requestFor(const WebhookVector &vector)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const HttpHeaderField &field : vector.headers.fields()) {
        if (field.name.compare("Content-Length", Qt::CaseInsensitive) != 0)
            headers.append({field.name, field.value});
    }
    return rawPost(vector.body, headers, "/webhook");
}

IngestOptions optionsFor(const QList<WebhookVector> &vectors, bool rejectInvalid)
{
    IngestOptions options;
    for (const WebhookVector &vector : vectors)
        options.keys.insert(vector.apiKey, vector.apiSecret);
    options.leewaySecs = vectors.constFirst().leewaySecs;
    const qint64 nowMs = vectors.constFirst().verifyAt * 1000;
    options.clock = [nowMs] { return nowMs; };
    options.rejectInvalid = rejectInvalid;
    return options;
}
} // namespace

class TestIngestService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyVectorOverOneConnection_data();
    void everyVectorOverOneConnection();
    void noKeysMeansUnverified();
    void malformedRequestIsRecordedToo();
    void otherMethods();
    void listenFailureIsReported();

private:
    bool startService(IngestService &service, const IngestOptions &options,
                      const HttpLimits &limits = {});
    QList<WebhookVector> m_vectors;
};

void TestIngestService::initTestCase()
{
    QString error;
    m_vectors = loadVectors(&error);
    QVERIFY2(!m_vectors.isEmpty(), qPrintable(error));
}

bool TestIngestService::startService(IngestService &service, const IngestOptions &options,
                                     const HttpLimits &limits)
{
    QSignalSpy listening(&service, &IngestService::listening);
    service.start(QHostAddress::LocalHost, 0, limits, options);
    return listening.wait(5000) && service.port() != 0;
}

void TestIngestService::everyVectorOverOneConnection_data()
{
    QTest::addColumn<bool>("rejectInvalid");
    QTest::newRow("observe (200 to all)") << false;
    QTest::newRow("--reject-invalid") << true;
}

void TestIngestService::everyVectorOverOneConnection()
{
    QFETCH(bool, rejectInvalid);
    IngestService service;
    QSignalSpy recorded(&service, &IngestService::requestRecorded);
    QVERIFY(startService(service, optionsFor(m_vectors, rejectInvalid)));

    RawHttpClient client;
    QVERIFY(client.connectTo(service.port()));
    for (const WebhookVector &vector : m_vectors) {
        client.send(requestFor(vector));
        const RawResponse response = client.readResponse();
        const int expectedStatus = (rejectInvalid && vector.expect != "valid") ? 401 : 200;
        QVERIFY2(response.status == expectedStatus,
                 qPrintable(vector.name + ": status " + QString::number(response.status)));
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(answer.value("verification").toString(), vector.expect);
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), m_vectors.size(), 5000);
    for (int i = 0; i < m_vectors.size(); ++i) {
        const WebhookVector &vector = m_vectors.at(i);
        const auto request = recorded.at(i).at(0).value<RecordedRequest>();
        QCOMPARE(request.seq, quint64(i + 1));
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/webhook"));
        QCOMPARE(request.body, vector.body);
        QCOMPARE(request.remoteAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(request.receivedAtMs, vector.verifyAt * 1000);
        QCOMPARE(verdictName(request.verification.verdict), vector.expect);
        QCOMPARE(request.event.event, vector.event);
        // Headers in original order and casing: ours first (Host), then the vector's.
        QCOMPARE(request.headers.fields().at(0).name, QByteArray("Host"));
        for (int h = 0, skipped = 0; h < vector.headers.size(); ++h) {
            const HttpHeaderField &field = vector.headers.fields().at(h);
            if (field.name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
                skipped = 1;
                continue;
            }
            const HttpHeaderField &got = request.headers.fields().at(1 + h - skipped);
            QCOMPARE(got.name, field.name);
            QCOMPARE(got.value, field.value);
        }
        const QJsonObject line = request.toJson();
        QCOMPARE(line.value("verification").toObject().value("status").toString(), vector.expect);
        QCOMPARE(line.value("status").toInt(),
                 (rejectInvalid && vector.expect != "valid") ? 401 : 200);
    }
}

void TestIngestService::noKeysMeansUnverified()
{
    IngestService service;
    QSignalSpy recorded(&service, &IngestService::requestRecorded);
    IngestOptions options = optionsFor(m_vectors, true);
    options.keys = {};
    QVERIFY(startService(service, options));
    RawHttpClient client;
    QVERIFY(client.connectTo(service.port()));
    client.send(requestFor(m_vectors.constFirst()));
    const RawResponse response = client.readResponse();
    QCOMPARE(response.status, 200); // unverified is not a failure, even with --reject-invalid
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 5000);
    QCOMPARE(recorded.at(0).at(0).value<RecordedRequest>().verification.verdict,
             Verdict::Unverified);
}

void TestIngestService::malformedRequestIsRecordedToo()
{
    IngestService service;
    QSignalSpy recorded(&service, &IngestService::requestRecorded);
    HttpLimits limits;
    limits.maxBodyBytes = 100;
    QVERIFY(startService(service, optionsFor(m_vectors, false), limits));

    RawHttpClient tooBig;
    QVERIFY(tooBig.connectTo(service.port()));
    tooBig.send(requestFor(m_vectors.constFirst()));
    QCOMPARE(tooBig.readResponse().status, 413);

    RawHttpClient garbage;
    QVERIFY(garbage.connectTo(service.port()));
    garbage.send("POST /x HTTP/1.1\r\nBad Header\r\n\r\n");
    QCOMPARE(garbage.readResponse().status, 400);

    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 5000);
    const auto first = recorded.at(0).at(0).value<RecordedRequest>();
    QCOMPARE(first.status, 413);
    QCOMPARE(first.target, QByteArray("/webhook"));
    QVERIFY(first.protocolError.contains("exceeds"));
    QVERIFY(first.headers.contains("Authorization"));
    QCOMPARE(first.toJson().value("error").toString(), first.protocolError);
    const auto second = recorded.at(1).at(0).value<RecordedRequest>();
    QCOMPARE(second.status, 400);
    QCOMPARE(second.seq, quint64(2));
    QCOMPARE(second.verification.verdict, Verdict::MissingToken);
}

void TestIngestService::otherMethods()
{
    IngestService service;
    QSignalSpy recorded(&service, &IngestService::requestRecorded);
    QVERIFY(startService(service, optionsFor(m_vectors, false)));
    RawHttpClient client;
    QVERIFY(client.connectTo(service.port()));
    client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nDELETE /x HTTP/1.1\r\nHost: x\r\n\r\n");
    const QList<RawResponse> responses = client.readResponses(2);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).status, 200);
    QVERIFY(responses.at(0).body.contains("webhook_conf.url"));
    QCOMPARE(responses.at(1).status, 405);
    QCOMPARE(responses.at(1).header("Allow"), QByteArray("POST, GET, HEAD"));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 5000);
    QCOMPARE(recorded.at(1).at(0).value<RecordedRequest>().status, 405);
}

void TestIngestService::listenFailureIsReported()
{
    IngestService first;
    QVERIFY(startService(first, optionsFor(m_vectors, false)));
    IngestService second;
    QSignalSpy failed(&second, &IngestService::listenFailed);
    second.start(QHostAddress::LocalHost, first.port(), {}, optionsFor(m_vectors, false));
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains(QString::number(first.port())));
    QVERIFY(!second.isListening());
}

QTEST_GUILESS_MAIN(TestIngestService)
#include "tst_ingestservice.moc"
