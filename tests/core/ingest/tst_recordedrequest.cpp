// The headless output line written by hand (toJsonLine) must say exactly what toJson() says, for
// every kind of request: each shared vector, rejected and partial requests, odd bytes.
#include "../../support/vectors.h"
#include "events/eventdecoder.h"
#include "ingest/recordedrequest.h"
#include "verify/webhookverifier.h"

#include <QJsonDocument>
#include <QTest>

using namespace pnm;

class TestRecordedRequest : public QObject
{
    Q_OBJECT
private slots:
    void lineMatchesJsonForEveryVector();
    void lineMatchesJsonForOddRequests_data();
    void lineMatchesJsonForOddRequests();

private:
    static void compareLine(const RecordedRequest &request);
};

void TestRecordedRequest::compareLine(const RecordedRequest &request)
{
    const QByteArray line = request.toJsonLine();
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(line, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.object(), request.toJson());
    // The README's order: the request's own members first.
    QVERIFY(line.startsWith("{\"seq\":"));
}

void TestRecordedRequest::lineMatchesJsonForEveryVector()
{
    QString loadError;
    const QList<test::WebhookVector> vectors = test::loadVectors(&loadError);
    QVERIFY2(!vectors.isEmpty(), qPrintable(loadError));
    quint64 seq = 0;
    for (const test::WebhookVector &vector : vectors) {
        for (const bool withKey : {true, false}) {
            KeyRing keys;
            if (withKey)
                keys.insert(vector.apiKey, vector.apiSecret);
            RecordedRequest request;
            request.seq = ++seq;
            request.receivedAtMs = vector.verifyAt * 1000 + 123;
            request.remoteAddress = QStringLiteral("127.0.0.1");
            request.remotePort = 40000;
            request.method = "POST";
            request.target = "/webhook";
            request.httpVersion = "HTTP/1.1";
            request.headers = vector.headers;
            request.body = vector.body;
            request.status = 200;
            request.verification = WebhookVerifier(keys, vector.leewaySecs)
                                       .verify(vector.headers, vector.body, vector.verifyAt);
            request.event = EventDecoder::decode(vector.body);
            compareLine(request);
            if (QTest::currentTestFailed()) {
                qWarning() << "vector" << vector.name;
                return;
            }
        }
    }
}

void TestRecordedRequest::lineMatchesJsonForOddRequests_data()
{
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("protocolError");
    QTest::addColumn<qint64>("receivedAtMs");
    QTest::newRow("ipv6, rejected, partial")
        << QStringLiteral("::1") << QByteArray("/") << QByteArray("{\"event\":\"room_")
        << QStringLiteral("request not complete within 10000 ms") << qint64(1767225600000);
    QTest::newRow("invalid UTF-8 and NUL")
        << QStringLiteral("10.0.0.2") << QByteArray("/p\xff\xfe?q=\"x\"")
        << QByteArray("\0\xc3(", 3) << QString() << qint64(0);
    QTest::newRow("not an object") << QStringLiteral("10.0.0.2") << QByteArray("/")
                                   << QByteArray("[1,2.5,\"t\\u0001\"]") << QString() << qint64(-1);
    QTest::newRow("fractions and huge numbers")
        << QStringLiteral("10.0.0.2") << QByteArray("/")
        << QByteArray("{\"event\":\"room_started\",\"createdAt\":\"1.5e300\",\"room\":{\"sid\":"
                      "\"s\",\"name\":\"n\",\"emptyTimeout\":4294967296,\"maxParticipants\":2.5}}")
        << QString() << qint64(253402300800000);
}

void TestRecordedRequest::lineMatchesJsonForOddRequests()
{
    QFETCH(QString, remote);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QString, protocolError);
    QFETCH(qint64, receivedAtMs);
    RecordedRequest request;
    request.seq = 7;
    request.receivedAtMs = receivedAtMs;
    request.remoteAddress = remote;
    request.remotePort = 1;
    request.method = "PUT";
    request.target = target;
    request.body = body;
    request.status = protocolError.isEmpty() ? 405 : 408;
    request.protocolError = protocolError;
    request.verification = WebhookVerifier().verify({}, body, 0);
    request.event = EventDecoder::decode(body);
    compareLine(request);
}

QTEST_GUILESS_MAIN(TestRecordedRequest)
#include "tst_recordedrequest.moc"
