// WebhookSender against a scripted loopback server: Plug-N-Meet's headers, the retry policy of
// protocol.md section 7 (503/429 with Retry-After, 501, other 4xx/5xx, connection refused),
// FIFO order, byte-identical duplicates and pacing. Waits are scaled down; nothing sleeps.
#include "scriptedserver.h"
#include "sign/webhooksender.h"

#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

using namespace pnm;
using namespace pnm::test;

namespace {

constexpr qint64 kClockMs = 1767225600000; // the injected "now" (2026-01-01T00:00:00Z)
constexpr int kTimeoutMs = 10000;

WebhookJob job(const QString &event, const QByteArray &body = "{\"event\":\"room_started\"}")
{
    WebhookJob job;
    job.event = event;
    job.id = event + "-id";
    job.body = body;
    job.apiKey = QStringLiteral("k");
    job.secret = "s";
    return job;
}

} // namespace

class TestWebhookSender : public QObject
{
    Q_OBJECT

private:
    // A sender wired to server with a fixed clock and waits shrunk a thousandfold.
    static void setUp(WebhookSender &sender, const ScriptedServer &server)
    {
        sender.setUrl(QUrl(server.url()));
        sender.setClock([] { return kClockMs; });
        RetryPolicy policy;
        policy.waitScale = 0.001;
        sender.setRetryPolicy(policy);
    }

private slots:
    void sendsPlugNMeetHeadersAndExactBody()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        WebhookSender sender;
        setUp(sender, server);
        const QByteArray body =
            QStringLiteral("{\"event\":\"room_created\",\"t\":\"Ångström\"}").toUtf8();
        sender.enqueue(job(QStringLiteral("room_created"), body));
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));

        QCOMPARE(server.requests().size(), 1);
        const HttpRequest &request = server.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/hook"));
        QCOMPARE(request.body, body);
        const QByteArray token = request.headers.value("Authorization").value_or(QByteArray());
        QVERIFY(token.count('.') == 2);
        QVERIFY(!token.startsWith("Bearer"));
        QCOMPARE(request.headers.value("Hash-Token"), std::optional<QByteArray>(token));
        QCOMPARE(request.headers.value("Content-Type"),
                 std::optional<QByteArray>("application/json"));
        QCOMPARE(request.headers.value("User-Agent"),
                 std::optional<QByteArray>("Go-http-client/1.1"));
        // The token is minted with the injected clock: exactly what TokenSigner makes.
        QCOMPARE(token, TokenSigner(QStringLiteral("k"), "s").signWebhook(body, kClockMs / 1000));

        const DeliverySummary summary = finished.first().first().value<DeliverySummary>();
        QCOMPARE(summary.jobs, 1);
        QCOMPARE(summary.requests, 1);
        QCOMPARE(summary.delivered, 1);
        QCOMPARE(summary.failed, 0);
        QCOMPARE(summary.retried, 0);
    }

    void legacyContentTypeAndLayouts()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        WebhookSender sender;
        setUp(sender, server);
        WebhookJob legacy = job(QStringLiteral("a"));
        legacy.legacyContentType = true;
        legacy.layout = TokenLayout::GoJoseLegacy;
        sender.enqueue(legacy);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));
        const HttpRequest &request = server.requests().first();
        QCOMPARE(request.headers.value("Content-Type"),
                 std::optional<QByteArray>("application/webhook+json"));
        const TokenSigner signer(QStringLiteral("k"), "s");
        QCOMPARE(
            request.headers.value("Authorization"),
            std::optional<QByteArray>(signer.sign(
                signer.webhookClaims(legacy.body, kClockMs / 1000), TokenLayout::GoJoseLegacy)));
    }

    void retryPolicy_data()
    {
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<QList<QByteArray>>("retryAfter");
        QTest::addColumn<int>("expectedAttempts");
        QTest::addColumn<int>("finalStatus");
        QTest::addColumn<QList<qint64>>("expectedWaits");

        const QByteArray dateIn3s =
            QLocale::c()
                .toString(QDateTime::fromMSecsSinceEpoch(kClockMs + 3000, Qt::UTC),
                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
                .toLatin1() +
            " GMT";
        QTest::newRow("200 first time")
            << QList<int>{200} << QList<QByteArray>{} << 1 << 200 << QList<qint64>{};
        QTest::newRow("503 503 200: waits 1 s then 2 s")
            << QList<int>{503, 503, 200} << QList<QByteArray>{} << 3 << 200
            << QList<qint64>{1000, 2000};
        QTest::newRow("500 three times: gives up")
            << QList<int>{500, 500, 500} << QList<QByteArray>{} << 3 << 500
            << QList<qint64>{1000, 2000};
        QTest::newRow("502 then 204")
            << QList<int>{502, 204} << QList<QByteArray>{} << 2 << 204 << QList<qint64>{1000};
        QTest::newRow("501 is not retried")
            << QList<int>{501} << QList<QByteArray>{} << 1 << 501 << QList<qint64>{};
        QTest::newRow("404 is not retried")
            << QList<int>{404} << QList<QByteArray>{} << 1 << 404 << QList<qint64>{};
        QTest::newRow("401 is not retried")
            << QList<int>{401} << QList<QByteArray>{} << 1 << 401 << QList<qint64>{};
        QTest::newRow("429 Retry-After seconds")
            << QList<int>{429, 200} << QList<QByteArray>{"7"} << 2 << 200 << QList<qint64>{7000};
        QTest::newRow("429 without Retry-After") << QList<int>{429, 429, 429} << QList<QByteArray>{}
                                                 << 3 << 429 << QList<qint64>{1000, 2000};
        QTest::newRow("503 Retry-After HTTP date")
            << QList<int>{503, 200} << QList<QByteArray>{dateIn3s} << 2 << 200
            << QList<qint64>{3000};
        QTest::newRow("503 Retry-After beyond the 30 s cap is honoured")
            << QList<int>{503, 200} << QList<QByteArray>{"45"} << 2 << 200 << QList<qint64>{45000};
        QTest::newRow("500 ignores Retry-After")
            << QList<int>{500, 200} << QList<QByteArray>{"9"} << 2 << 200 << QList<qint64>{1000};
        QTest::newRow("503 unreadable Retry-After")
            << QList<int>{503, 200} << QList<QByteArray>{"soon"} << 2 << 200 << QList<qint64>{1000};
    }
    void retryPolicy()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(QList<QByteArray>, retryAfter);
        QFETCH(int, expectedAttempts);
        QFETCH(int, finalStatus);
        QFETCH(QList<qint64>, expectedWaits);

        ScriptedServer server;
        QVERIFY(server.listen());
        for (qsizetype i = 0; i < statuses.size(); ++i)
            server.script(statuses.at(i), retryAfter.value(i));
        WebhookSender sender;
        setUp(sender, server);
        sender.enqueue(job(QStringLiteral("room_started")));
        QSignalSpy retries(&sender, &WebhookSender::retryScheduled);
        QSignalSpy delivered(&sender, &WebhookSender::deliveryFinished);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));

        QCOMPARE(server.requests().size(), expectedAttempts);
        QCOMPARE(delivered.size(), 1);
        const DeliveryReport report = delivered.first().first().value<DeliveryReport>();
        QCOMPARE(report.attempts, expectedAttempts);
        QCOMPARE(report.status, finalStatus);
        QList<qint64> waits;
        for (const QList<QVariant> &args : std::as_const(retries))
            waits.append(args.at(1).toLongLong());
        QCOMPARE(waits, expectedWaits);
        // Retries re-send the identical request: same body, same token (protocol.md 2).
        for (const HttpRequest &request : server.requests()) {
            QCOMPARE(request.body, server.requests().first().body);
            QCOMPARE(request.headers.value("Authorization"),
                     server.requests().first().headers.value("Authorization"));
        }
        const DeliverySummary summary = finished.first().first().value<DeliverySummary>();
        QCOMPARE(summary.retried, expectedAttempts - 1);
        QCOMPARE(summary.delivered, finalStatus < 300 ? 1 : 0);
        QCOMPARE(summary.failed, finalStatus < 300 ? 0 : 1);
    }

    void connectionRefusedIsRetriedThenFails()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now: connection refused

        WebhookSender sender;
        sender.setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
        RetryPolicy policy;
        policy.waitScale = 0.001;
        sender.setRetryPolicy(policy);
        sender.enqueue(job(QStringLiteral("room_started")));
        sender.enqueue(job(QStringLiteral("room_finished")));
        QSignalSpy retries(&sender, &WebhookSender::retryScheduled);
        QSignalSpy delivered(&sender, &WebhookSender::deliveryFinished);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));

        QCOMPARE(delivered.size(), 2); // the second job is still attempted after the first failed
        for (const QList<QVariant> &args : std::as_const(delivered)) {
            const DeliveryReport report = args.first().value<DeliveryReport>();
            QCOMPARE(report.status, 0);
            QCOMPARE(report.attempts, 3);
            QVERIFY2(!report.error.isEmpty(), "a transport error is reported");
        }
        QCOMPARE(retries.size(), 4);
        QCOMPARE(retries.at(0).at(1).toLongLong(), 1000);
        QCOMPARE(retries.at(1).at(1).toLongLong(), 2000);
        const DeliverySummary summary = finished.first().first().value<DeliverySummary>();
        QCOMPARE(summary.failed, 2);
        QCOMPARE(summary.delivered, 0);
        QCOMPARE(summary.retried, 4);
    }

    void jobsGoInOrderAndDuplicatesAreIdentical()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        WebhookSender sender;
        setUp(sender, server);
        sender.enqueue(job(QStringLiteral("one"), "{\"n\":1}"));
        WebhookJob twice = job(QStringLiteral("two"), "{\"n\":2}");
        twice.copies = 2;
        sender.enqueue(twice);
        sender.enqueue(job(QStringLiteral("three"), "{\"n\":3}"));
        server.script(200);
        server.script(503); // the first copy of "two" is retried once
        QSignalSpy delivered(&sender, &WebhookSender::deliveryFinished);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));

        QList<QByteArray> bodies;
        for (const HttpRequest &request : server.requests())
            bodies.append(request.body);
        QCOMPARE(bodies, (QList<QByteArray>{"{\"n\":1}", "{\"n\":2}", "{\"n\":2}", "{\"n\":2}",
                                            "{\"n\":3}"}));
        // All three "two" requests carry the same token: one event, one minted token.
        QCOMPARE(server.requests().at(1).headers, server.requests().at(3).headers);
        QCOMPARE(delivered.size(), 4);
        const DeliveryReport second = delivered.at(1).first().value<DeliveryReport>();
        const DeliveryReport duplicate = delivered.at(2).first().value<DeliveryReport>();
        QCOMPARE(second.copy, 1);
        QCOMPARE(second.attempts, 2);
        QCOMPARE(duplicate.copy, 2);
        QCOMPARE(duplicate.attempts, 1);
        QCOMPARE(duplicate.id, QStringLiteral("two-id"));
        const DeliverySummary summary = finished.first().first().value<DeliverySummary>();
        QCOMPARE(summary.jobs, 3);
        QCOMPARE(summary.requests, 4);
        QCOMPARE(summary.delivered, 4);
        QCOMPARE(summary.retried, 1);
    }

    void fixedHeadersAreSentAsRecorded()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        WebhookSender sender;
        setUp(sender, server);
        WebhookJob recorded = job(QStringLiteral("replay"));
        recorded.fixedHeaders = HttpHeaders{{"Authorization", "recorded.token.here"},
                                            {"Hash-Token", "recorded.token.here"},
                                            {"Content-Type", "application/webhook+json"},
                                            {"Content-Length", "999"}};
        sender.enqueue(recorded);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));
        const HttpRequest &request = server.requests().first();
        QCOMPARE(request.headers.value("Authorization"),
                 std::optional<QByteArray>("recorded.token.here"));
        QCOMPARE(request.headers.value("Content-Type"),
                 std::optional<QByteArray>("application/webhook+json"));
        // A stale Content-Length is never copied: the body arrives whole.
        QCOMPARE(request.body, recorded.body);
    }

    void selfSignedReceiver_data()
    {
        QTest::addColumn<bool>("verifyTls");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("attempts");
        QTest::newRow("like the server: certificate not checked") << false << 200 << 1;
        QTest::newRow("--verify-tls: refused, retried as a connection error") << true << 0 << 3;
    }
    void selfSignedReceiver()
    {
        QFETCH(bool, verifyTls);
        QFETCH(int, status);
        QFETCH(int, attempts);
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QFile certFile(QStringLiteral(PNM_SENDER_DATA "/selfsigned.crt"));
        QFile keyFile(QStringLiteral(PNM_SENDER_DATA "/selfsigned.key"));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int answered = 0;
        // A minimal HTTPS receiver: one request per connection, answered 200.
        connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &answered] {
                    const QByteArray seen = socket->peek(socket->bytesAvailable());
                    const qsizetype end = seen.indexOf("\r\n\r\n");
                    if (end < 0 || !seen.endsWith('}'))
                        return;
                    socket->readAll();
                    socket->write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                    socket->disconnectFromHost();
                    ++answered;
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });

        WebhookSender sender;
        sender.setUrl(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort())));
        RetryPolicy policy;
        policy.waitScale = 0.001;
        sender.setRetryPolicy(policy);
        sender.setVerifyTls(verifyTls);
        sender.enqueue(job(QStringLiteral("room_started")));
        QSignalSpy delivered(&sender, &WebhookSender::deliveryFinished);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));
        const DeliveryReport report = delivered.first().first().value<DeliveryReport>();
        QCOMPARE(report.status, status);
        QCOMPARE(report.attempts, attempts);
        QCOMPARE(answered, status == 200 ? 1 : 0);
        if (status == 0)
            QVERIFY2(!report.error.isEmpty(), "the certificate error is reported");
    }

    void pacingHoldsJobsUntilTheirTime()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        WebhookSender sender;
        setUp(sender, server);
        sender.enqueue(job(QStringLiteral("now")), 0);
        sender.enqueue(job(QStringLiteral("later")), 150);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        QElapsedTimer elapsed;
        elapsed.start();
        sender.start();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(server.requests().size(), 2);
        QVERIFY2(elapsed.elapsed() >= 150, "the second job waited for its slot");
    }
};

QTEST_GUILESS_MAIN(TestWebhookSender)
#include "tst_webhooksender.moc"
