// "If the store cannot write (disk full ...), the listener answers 503 so Plug-N-Meet retries."
// The real monitor records into a session whose files may not grow past a limit (RLIMIT_FSIZE,
// the stand-in for a full disk that needs no privileges: a write past it fails as one past the
// end of the disk would). Requests must then get 503 with Retry-After while the process keeps
// answering and says so once; when the limit is lifted (space freed) it stores again; and every
// request answered 2xx is in the file under the number its answer gave.
#include "../support/monitorprocess.h"
#include "../support/rawhttpclient.h"
#include "../support/sessionrows.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace pnm;
using namespace pnm::test;

namespace {
// Room for the schema and a couple of hundred rows, then no more.
constexpr rlim_t kFileSizeLimit = 256 * 1024;
constexpr int kMaxRequests = 5000;
constexpr int kRefusalsToSee = 20;

QByteArray requestFor(const QString &id)
{
    return rawPost(QStringLiteral("{\"event\":\"room_started\",\"id\":\"%1\","
                                  "\"room\":{\"room_id\":\"full-room\",\"sid\":\"RM_x\"}}")
                       .arg(id)
                       .toUtf8(),
                   {{"Content-Type", "application/json"}});
}
} // namespace

class TestStoreFull : public QObject
{
    Q_OBJECT
private slots:
    void refusesWhileFullAndStoresAgain();
};

void TestStoreFull::refusesWhileFullAndStoresAgain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString session = dir.filePath("full.pnmsession");

    // Ignored, a write past the limit fails with EFBIG instead of killing the process.
    MonitorProcess monitor({"--headless", "--listen", "127.0.0.1:0", "--session", session}, {}, [] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{kFileSizeLimit, RLIM_INFINITY};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    const quint16 port = monitor.waitForPort();
    QVERIFY2(port != 0, monitor.standardError().constData());
    RawHttpClient client;
    QVERIFY(client.connectTo(port));

    QHash<QString, quint64> answered; // event id -> the seq its 2xx answer named
    int sent = 0;
    int refused = 0;
    const auto post = [&](const QString &id) {
        client.send(requestFor(id));
        const RawResponse response = client.readResponse(10000);
        if (response.status >= 200 && response.status < 300)
            answered.insert(
                id,
                quint64(QJsonDocument::fromJson(response.body).object().value("seq").toInteger()));
        return response;
    };
    while (refused < kRefusalsToSee && sent < kMaxRequests) {
        const RawResponse response = post(QStringLiteral("full-%1").arg(++sent));
        if (response.status == 503) {
            QCOMPARE(response.header("Retry-After"), QByteArray("1"));
            ++refused;
        } else {
            QCOMPARE(response.status, 200);
        }
    }
    QVERIFY2(refused == kRefusalsToSee, qPrintable(QString::number(sent)));
    QVERIFY(!answered.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(monitor.standardError().contains("SESSION STORE FAILED"), 5000);
    QCOMPARE(monitor.standardError().count("cannot store requests"), 1); // once per outage

    // Space comes back: the next requests are stored, under numbers after the refused ones.
    const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
    QCOMPARE(::prlimit(pid_t(monitor.process().processId()), RLIMIT_FSIZE, &unlimited, nullptr), 0);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(post(QStringLiteral("after-%1").arg(i)).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.standardError().contains("session store writing again"), 5000);
    QVERIFY(monitor.standardError().contains(
        QStringLiteral("storing again after refusing %1 requests").arg(refused).toUtf8()));

    monitor.process().terminate();
    QVERIFY(monitor.process().waitForFinished(10000));
    QCOMPARE(monitor.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(monitor.process().exitCode(), 0);

    QString error;
    const QHash<QString, quint64> stored = readEventSeqs(session, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(stored, answered); // every 2xx is there, and nothing that was refused
    qInfo("%d stored before the store was full, %d refused, 50 stored after", sent - refused,
          refused);
}

QTEST_GUILESS_MAIN(TestStoreFull)
#include "tst_storefull.moc"
