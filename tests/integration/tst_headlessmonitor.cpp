// The real pnm-webhook-monitor executable, as a user runs it: headless, on a free loopback port,
// with keys on the command line. Requests signed now (as the server would) must show `valid`,
// the same with one body byte changed `hash_mismatch`; SIGTERM must end it cleanly.
#include "../support/monitorprocess.h"
#include "../support/rawhttpclient.h"
#include "../support/vectors.h"
#include "sign/tokensigner.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace pnm;
using namespace pnm::test;

namespace {

QByteArray signedPost(const QByteArray &body, const QByteArray &token)
{
    return rawPost(body, {{"User-Agent", "Go-http-client/1.1"},
                          {"Authorization", token},
                          {"Content-Type", "application/json"},
                          {"Hash-Token", token},
                          {"Accept-Encoding", "gzip"}});
}

} // namespace

class TestHeadlessMonitor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void signedNowIsValidAndTamperedIsNot();
    void rejectInvalidAnswers401();
    void keysFromEnvironment();
    void badOptionsExit2();
    void portInUseExits1();
    void openWithoutAWindowIsANote();

private:
    QList<WebhookVector> m_vectors;
};

void TestHeadlessMonitor::initTestCase()
{
    m_vectors = loadVectors();
    QVERIFY(!m_vectors.isEmpty());
}

void TestHeadlessMonitor::signedNowIsValidAndTamperedIsNot()
{
    MonitorProcess monitor({"--headless", "--listen", "127.0.0.1:0", "--key",
                            "staging:other-secret", "--key", "prod-key:prod-secret"});
    const quint16 port = monitor.waitForPort();
    QVERIFY2(port != 0, monitor.standardError().constData());

    const TokenSigner signer("prod-key", "prod-secret");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const WebhookVector &created = m_vectors.at(0); // room_created
    QByteArray joinedBody;
    for (const WebhookVector &vector : m_vectors) {
        if (vector.event == "participant_joined" && vector.expect == "valid") {
            joinedBody = vector.body;
            break;
        }
    }
    QVERIFY(!joinedBody.isEmpty());
    QByteArray tampered = joinedBody;
    tampered.replace("Alice", "Alicf");
    QVERIFY(tampered != joinedBody);

    RawHttpClient client;
    QVERIFY(client.connectTo(port));
    client.send(signedPost(created.body, signer.signWebhook(created.body, now)));
    client.send(signedPost(joinedBody, signer.signWebhook(joinedBody, now)));
    client.send(signedPost(tampered, signer.signWebhook(joinedBody, now)));
    client.send("BROKEN\r\n\r\n");
    const QList<RawResponse> responses = client.readResponses(4);
    QCOMPARE(responses.size(), 4);
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(2).status, 200); // a monitor observes: 200 even when invalid
    QCOMPARE(responses.at(3).status, 400);

    QTRY_COMPARE_WITH_TIMEOUT(monitor.lines().size(), 4, 10000);
    const QList<QJsonObject> lines = monitor.lines();
    const QJsonObject first = lines.at(0);
    QCOMPARE(first.value("seq").toInt(), 1);
    QVERIFY(
        QDateTime::fromString(first.value("received_at").toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(first.value("received_at").toString().endsWith('Z'));
    QVERIFY(first.value("remote").toString().startsWith("127.0.0.1:"));
    QCOMPARE(first.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(first.value("path").toString(), QStringLiteral("/"));
    QCOMPARE(first.value("status").toInt(), 200);
    QCOMPARE(first.value("event").toString(), QStringLiteral("room_created"));
    QCOMPARE(first.value("id").toString(), QStringLiteral("c0ffee00-0000-4000-8000-000000000001"));
    QCOMPARE(first.value("room").toObject().value("room_id").toString(), QStringLiteral("room01"));
    QCOMPARE(first.value("room").toObject().value("sid").toString(),
             QStringLiteral("6f1c2a7e-3b9d-4c51-8e2f-9a0b1c2d3e4f"));
    const QJsonObject verification = first.value("verification").toObject();
    QCOMPARE(verification.value("status").toString(), QStringLiteral("valid"));
    QCOMPARE(verification.value("issuer").toString(), QStringLiteral("prod-key"));
    QVERIFY(!verification.value("detail").toString().isEmpty());

    QCOMPARE(lines.at(1).value("participant").toObject().value("identity").toString(),
             QStringLiteral("user_1001"));
    QCOMPARE(lines.at(1).value("verification").toObject().value("status").toString(),
             QStringLiteral("valid"));
    QCOMPARE(lines.at(2).value("verification").toObject().value("status").toString(),
             QStringLiteral("hash_mismatch"));
    QCOMPARE(lines.at(3).value("status").toInt(), 400);
    QVERIFY(!lines.at(3).value("error").toString().isEmpty());
    // Secrets never reach the output.
    QVERIFY(!monitor.standardOutput().contains("prod-secret"));
    QVERIFY(!monitor.standardError().contains("prod-secret"));

    monitor.process().terminate(); // SIGTERM
    QVERIFY(monitor.process().waitForFinished(10000));
    QCOMPARE(monitor.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(monitor.process().exitCode(), 0);
    // The last note sums the run up: the broken request has no token, so it failed too, and it
    // is the HTTP layer's rejection, not the store's.
    const QList<QByteArray> notes = monitor.standardError().trimmed().split('\n');
    QVERIFY2(notes.constLast().startsWith(
                 "pnm-webhook-monitor: stopped after 4 requests: 2 valid, 2 failed verification, 0 "
                 "unverified; 1 not taken by the HTTP layer (malformed, too large, too slow, too "
                 "many connections, or the client closed first); session file "),
             notes.constLast().constData());
}

void TestHeadlessMonitor::rejectInvalidAnswers401()
{
    MonitorProcess monitor({"--headless", "--listen", ":0", "--key", "k:s", "--reject-invalid"});
    const quint16 port = monitor.waitForPort();
    QVERIFY(port != 0);
    const QByteArray body = m_vectors.at(0).body;
    const QByteArray wrongSecret =
        TokenSigner("k", "not-s").signWebhook(body, QDateTime::currentSecsSinceEpoch());
    RawHttpClient client;
    QVERIFY(client.connectTo(port));
    client.send(signedPost(body, wrongSecret));
    const RawResponse response = client.readResponse();
    QCOMPARE(response.status, 401);
    QCOMPARE(response.header("WWW-Authenticate"),
             QByteArray("Bearer realm=\"pnm-webhook-monitor\""));
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value("verification").toString(),
             QStringLiteral("bad_signature"));
    QTRY_COMPARE_WITH_TIMEOUT(monitor.lines().size(), 1, 10000);
    QCOMPARE(monitor.lines().at(0).value("status").toInt(), 401);
}

void TestHeadlessMonitor::keysFromEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PNM_WEBHOOK_KEYS", "envkey:envsecret");
    MonitorProcess monitor({"--headless", "--listen", "127.0.0.1:0"}, env);
    const quint16 port = monitor.waitForPort();
    QVERIFY(port != 0);
    const QByteArray body = m_vectors.at(0).body;
    RawHttpClient client;
    QVERIFY(client.connectTo(port));
    client.send(signedPost(
        body,
        TokenSigner("envkey", "envsecret").signWebhook(body, QDateTime::currentSecsSinceEpoch())));
    QCOMPARE(client.readResponse().status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(monitor.lines().size(), 1, 10000);
    QCOMPARE(monitor.lines().at(0).value("verification").toObject().value("status").toString(),
             QStringLiteral("valid"));
}

void TestHeadlessMonitor::badOptionsExit2()
{
    MonitorProcess monitor({"--headless", "--key", "missing-secret"});
    QVERIFY(monitor.process().waitForFinished(10000));
    QCOMPARE(monitor.process().exitCode(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.standardError().contains("--key"), 5000);
}

void TestHeadlessMonitor::portInUseExits1()
{
    MonitorProcess first({"--headless", "--listen", "127.0.0.1:0"});
    const quint16 port = first.waitForPort();
    QVERIFY(port != 0);
    MonitorProcess second({"--headless", "--listen", QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY(second.process().waitForFinished(10000));
    QCOMPARE(second.process().exitCode(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(second.standardError().contains("cannot listen"), 5000);
}

void TestHeadlessMonitor::openWithoutAWindowIsANote()
{
    // Headless, --open FILE alone cannot be browsed: the run says so and records as usual.
    MonitorProcess monitor(
        {"--headless", "--listen", "127.0.0.1:0", "--no-session", "--open", "saved.pnmsession"});
    QVERIFY(monitor.waitForPort() != 0);
    QVERIFY2(monitor.standardError().contains(
                 "--open saved.pnmsession: not opened, browsing a session needs the window; this "
                 "headless run records as usual (to write that file out instead: --open FILE "
                 "--export OUT)"),
             monitor.standardError().constData());
}

QTEST_GUILESS_MAIN(TestHeadlessMonitor)
#include "tst_headlessmonitor.moc"
