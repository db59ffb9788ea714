// The monitor's command line: every option, the key sources and the errors a user can make.
#include "monitoroptions.h"

#include <QProcessEnvironment>
#include <QTemporaryFile>
#include <QTest>

using namespace pnm;

namespace {
MonitorOptions parse(const QStringList &args, int *exitCode, QString *text,
                     const QProcessEnvironment &env = {})
{
    return MonitorOptions::parse(QStringList{"pnm-webhook-monitor"} + args, env, exitCode, text);
}
} // namespace

class TestMonitorOptions : public QObject
{
    Q_OBJECT
private slots:
    void defaultsListenOnLoopback();
    void listenSpecs_data();
    void listenSpecs();
    void keysFromAllSources();
    void badInput_data();
    void badInput();
    void limitsAndPolicy();
    void helpAndVersion();
};

void TestMonitorOptions::defaultsListenOnLoopback()
{
    int exitCode = 0;
    QString text;
    const MonitorOptions options = parse({}, &exitCode, &text);
    QCOMPARE(exitCode, -1);
    QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.port, MonitorOptions::kDefaultPort);
    QVERIFY(!options.headless);
    QVERIFY(!options.ingest.rejectInvalid);
    QVERIFY(options.ingest.keys.isEmpty());
    QCOMPARE(options.ingest.leewaySecs, 60);
}

void TestMonitorOptions::listenSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("v4 and port") << "127.0.0.1:9000"
                                 << "127.0.0.1" << 9000;
    QTest::newRow("any v4") << "0.0.0.0:80"
                            << "0.0.0.0" << 80;
    QTest::newRow("only port") << ":0"
                               << "127.0.0.1" << 0;
    QTest::newRow("bare port") << "8080"
                               << "127.0.0.1" << 8080;
    QTest::newRow("v6") << "[::1]:9001"
                        << "::1" << 9001;
    QTest::newRow("localhost") << "localhost:7000"
                               << "127.0.0.1" << 7000;
    QTest::newRow("address only") << "10.0.0.5"
                                  << "10.0.0.5" << int(MonitorOptions::kDefaultPort);
}

void TestMonitorOptions::listenSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, address);
    QFETCH(int, port);
    QHostAddress parsedAddress(QHostAddress::LocalHost);
    quint16 parsedPort = MonitorOptions::kDefaultPort;
    QString error;
    QVERIFY2(parseListenSpec(spec, &parsedAddress, &parsedPort, &error), qPrintable(error));
    QCOMPARE(parsedAddress, QHostAddress(address));
    QCOMPARE(int(parsedPort), port);
}

void TestMonitorOptions::keysFromAllSources()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("# production and staging\nprod:s3cr:et\n\n  staging:abc  \n");
    file.flush();
    QProcessEnvironment env;
    env.insert("PNM_WEBHOOK_KEYS", "envkey:envsecret,other:x");
    int exitCode = 0;
    QString text;
    const MonitorOptions options =
        parse({"--keys-file", file.fileName(), "--key", "cli:clisecret", "--key", "cli:clisecret"},
              &exitCode, &text, env); // the same pair twice is no conflict
    QCOMPARE(exitCode, -1);
    QCOMPARE(options.ingest.keys.size(), 5);
    QCOMPARE(options.ingest.keys.secret("prod"), QByteArray("s3cr:et")); // split at the first ':'
    QCOMPARE(options.ingest.keys.secret("staging"), QByteArray("abc"));
    QCOMPARE(options.ingest.keys.secret("envkey"), QByteArray("envsecret"));
    QCOMPARE(options.ingest.keys.secret("cli"), QByteArray("clisecret"));
}

void TestMonitorOptions::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("port too big") << QStringList{"--listen", "127.0.0.1:70000"} << "65535";
    QTest::newRow("not an address") << QStringList{"--listen", "example.invalid:80"} << "not an IP";
    QTest::newRow("key without secret") << QStringList{"--key", "lonely"} << "--key";
    // One key, two secrets: every request signed with the one dropped would fail.
    QTest::newRow("key twice, two secrets")
        << QStringList{"--key", "plugnmeet:staging", "--key", "plugnmeet:prod"}
        << "--key: key 'plugnmeet' is given twice with different secrets";
    QTest::newRow("missing keys file")
        << QStringList{"--keys-file", "/nonexistent/keys"} << "/nonexistent/keys";
    QTest::newRow("negative body") << QStringList{"--max-body", "-1"} << "--max-body";
    QTest::newRow("words for a number") << QStringList{"--leeway", "sixty"} << "--leeway";
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::newRow("stray argument") << QStringList{"extra"} << "extra";
}

void TestMonitorOptions::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    int exitCode = 0;
    QString text;
    parse(args, &exitCode, &text);
    QCOMPARE(exitCode, 2);
    QVERIFY2(text.contains(mentions), qPrintable(text));
}

void TestMonitorOptions::limitsAndPolicy()
{
    int exitCode = 0;
    QString text;
    const MonitorOptions options = parse(
        {"--headless", "--reject-invalid", "--leeway", "5", "--max-body", "2048", "--max-header",
         "4096", "--request-timeout", "750", "--idle-timeout", "900", "--max-connections", "7"},
        &exitCode, &text);
    QCOMPARE(exitCode, -1);
    QVERIFY(options.headless);
    QVERIFY(options.ingest.rejectInvalid);
    QCOMPARE(options.ingest.leewaySecs, 5);
    QCOMPARE(options.limits.maxBodyBytes, 2048);
    QCOMPARE(options.limits.maxHeaderBytes, 4096);
    QCOMPARE(options.limits.requestTimeoutMs, 750);
    QCOMPARE(options.limits.idleTimeoutMs, 900);
    QCOMPARE(options.limits.maxConnections, 7);
}

void TestMonitorOptions::helpAndVersion()
{
    int exitCode = -1;
    QString text;
    parse({"--help"}, &exitCode, &text);
    QCOMPARE(exitCode, 0);
    for (const char *option :
         {"--listen", "--key", "--keys-file", "--leeway", "--reject-invalid", "--max-body",
          "--max-header", "--request-timeout", "--max-connections", "PNM_WEBHOOK_KEYS"})
        QVERIFY2(text.contains(QLatin1String(option)), option);
    parse({"--version"}, &exitCode, &text);
    QCOMPARE(exitCode, 0);
    QCOMPARE(text, QStringLiteral("pnm-webhook-monitor %1\n").arg(PNM_VERSION));
}

QTEST_GUILESS_MAIN(TestMonitorOptions)
#include "tst_monitoroptions.moc"
