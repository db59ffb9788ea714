// pnm-webhook-send's command line: modes, key sources, numbers, faults and the mistakes a user
// makes, each with the message they get.
#include "sendoptions.h"

#include <QTemporaryFile>
#include <QTest>

using namespace pnm;

namespace {
SendOptionsResult parse(const QStringList &arguments, const QString &environment = QString())
{
    return SendOptionsParser::parse(QStringList{"pnm-webhook-send"} + arguments, environment);
}
} // namespace

class TestSendOptions : public QObject
{
    Q_OBJECT

private slots:
    void singleEventDefaults()
    {
        const SendOptionsResult r = parse({"Room_Started", "--key", "k", "--secret", "s"});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const SendOptions &o = r.options;
        QCOMPARE(o.mode, SendOptions::Mode::Single);
        QCOMPARE(o.event, QStringLiteral("room_started")); // lowercased like the server
        QCOMPARE(o.url, QUrl(QStringLiteral("http://127.0.0.1:8787/")));
        QCOMPARE(o.signing.apiKey, QStringLiteral("k"));
        QCOMPARE(o.signing.secret, QByteArray("s"));
        QCOMPARE(o.signing.layout, TokenLayout::GoCurrent);
        QVERIFY(!o.signing.legacyContentType);
        QCOMPARE(o.retry.maxAttempts, 3);
        QCOMPARE(o.retry.waitScale, 1.0);
        QCOMPARE(o.timeoutMs, 30000);
        QVERIFY(!o.verifyTls); // like the server (protocol.md 1)
        QVERIFY(!o.faults.expired && !o.faults.duplicate);
        QCOMPARE(o.faults.every, 1);
    }

    void keySources()
    {
        QCOMPARE(parse({"room_started", "--key", "k:se:cret"}).options.signing.secret,
                 QByteArray("se:cret"));
        QCOMPARE(parse({"room_started", "--key", "k"}, "fromenv").options.signing.secret,
                 QByteArray("fromenv"));
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("filesecret\nignored\n");
        file.flush();
        QCOMPARE(parse({"room_started", "-k", "k", "--secret-file", file.fileName()})
                     .options.signing.secret,
                 QByteArray("filesecret"));
        // --secret wins over the environment.
        QCOMPARE(parse({"room_started", "-k", "k", "-s", "given"}, "env").options.signing.secret,
                 QByteArray("given"));
        // Re-sending as recorded needs no key at all.
        QVERIFY(parse({"--from", "x.ndjson"}).error.isEmpty());
    }

    void scenarioOptions()
    {
        const SendOptionsResult r = parse({"--scenario",
                                           "meeting",
                                           "-k",
                                           "k:s",
                                           "--rooms",
                                           "4",
                                           "--participants",
                                           "7",
                                           "--duration",
                                           "600",
                                           "--speedup",
                                           "60",
                                           "--rate",
                                           "25",
                                           "--no-rtmp",
                                           "--seed",
                                           "99",
                                           "--duplicate",
                                           "--reorder",
                                           "--fault-every",
                                           "5",
                                           "--token-layout",
                                           "go-jose",
                                           "--legacy-content-type",
                                           "--space-after-comma",
                                           "--wait-scale",
                                           "0.01",
                                           "--attempts",
                                           "5",
                                           "--timeout",
                                           "0",
                                           "--verify-tls",
                                           "-u",
                                           "https://example.test/hook"});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const SendOptions &o = r.options;
        QCOMPARE(o.mode, SendOptions::Mode::Scenario);
        QCOMPARE(o.meeting.rooms, 4);
        QCOMPARE(o.meeting.participants, 7);
        QCOMPARE(o.meeting.durationSecs, 600);
        QVERIFY(!o.meeting.rtmp && o.meeting.recording && o.meeting.analytics);
        QCOMPARE(o.pacing.speedup, 60.0);
        QCOMPARE(o.pacing.ratePerSec, 25.0);
        QCOMPARE(o.seed, std::optional<quint32>(99));
        QVERIFY(o.faults.duplicate && o.faults.reorder);
        QCOMPARE(o.faults.every, 5);
        QCOMPARE(o.signing.layout, TokenLayout::GoJoseLegacy);
        QVERIFY(o.signing.legacyContentType && o.signing.spaceAfterComma);
        QCOMPARE(o.retry.waitScale, 0.01);
        QCOMPARE(o.retry.maxAttempts, 5);
        QCOMPARE(o.timeoutMs, 0);
        QVERIFY(o.verifyTls);
        QCOMPARE(o.url.toString(), QStringLiteral("https://example.test/hook"));
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{"-k", "k:s"} << "nothing to send";
        QTest::newRow("two modes")
            << QStringList{"room_started", "--scenario", "meeting", "-k", "k:s"}
            << "give only one of";
        QTest::newRow("two events") << QStringList{"a", "b", "-k", "k:s"} << "one EVENT at a time";
        QTest::newRow("no key") << QStringList{"room_started"} << "--key and --secret are required";
        QTest::newRow("no secret")
            << QStringList{"room_started", "-k", "k"} << "--key and --secret are required";
        QTest::newRow("resign needs key")
            << QStringList{"--from", "f", "--resign"} << "--key and --secret are required";
        QTest::newRow("scenario name")
            << QStringList{"--scenario", "webinar", "-k", "k:s"} << "unknown scenario 'webinar'";
        QTest::newRow("bad url") << QStringList{"room_started", "-k", "k:s", "--url", "ftp://x/"}
                                 << "is not an http:// or https:// URL";
        QTest::newRow("rooms zero")
            << QStringList{"--scenario", "meeting", "-k", "k:s", "--rooms", "0"}
            << "--rooms: expected a number from 1 to 1000, got '0'";
        QTest::newRow("duration text")
            << QStringList{"--scenario", "meeting", "-k", "k:s", "--duration", "long"}
            << "--duration: expected a number";
        QTest::newRow("layout") << QStringList{"room_started", "-k", "k:s", "--token-layout",
                                               "rs256"}
                                << "--token-layout: expected go, go-jose or livekit-js";
        QTest::newRow("expired and nyv")
            << QStringList{"room_started", "-k", "k:s", "--expired", "--not-yet-valid"}
            << "exclude each other";
        QTest::newRow("replay token fault without resign")
            << QStringList{"--from", "f", "--wrong-secret"} << "need --resign";
        QTest::newRow("unknown option") << QStringList{"room_started", "--bogus"} << "bogus";
    }
    void mistakes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const SendOptionsResult r = parse(arguments);
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
    }

    void informationalModes()
    {
        const SendOptionsResult help = parse({"--help"});
        QCOMPARE(help.options.mode, SendOptions::Mode::Help);
        QVERIFY(help.helpText.contains("--scenario"));
        QVERIFY(help.helpText.contains("--wrong-secret"));
        QCOMPARE(parse({"--list-events"}).options.mode, SendOptions::Mode::ListEvents);
        QCOMPARE(parse({"--version"}).options.mode, SendOptions::Mode::Version);
    }
};

QTEST_GUILESS_MAIN(TestSendOptions)
#include "tst_sendoptions.moc"
