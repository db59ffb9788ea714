// 1,000 events/s for D seconds (default 60) posted over loopback into the real window
// (offscreen): checks no request is lost and measures the GUI event loop's worst stall with a
// 5 ms probe timer, plus memory per stored request. Records into a session file in a temporary
// folder as a real run does (answers wait for the commit; the detail pane reads the file), so
// the memory figure is what a user's window grows by. With "paused" the table is paused for the
// whole run: the figure is then what each held-back request costs, and the report adds how long
// resuming takes until every row is in the table.
// Usage: bench_liverate [SECONDS] [RATE] [paused]
#include "appsettings.h"
#include "benchrequests.h"
#include "ingest/ingestservice.h"
#include "mainwindow.h"
#include "monitorsession.h"
#include "sign/tokensigner.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace pnm;

namespace {
const QByteArray kSecret = "bench-secret";

// Paces requests at a fixed rate on one keep-alive connection, with blocking socket calls:
// this is the load generator, not the program under test.
class Sender : public QThread
{
public:
    Sender(quint16 port, int rate, int seconds) : m_port(port), m_rate(rate), m_seconds(seconds) {}
    int answered = 0;
    int sent = 0;

protected:
    void run() override
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!socket.waitForConnected(5000))
            return;
        const TokenSigner signer(QStringLiteral("plugnmeet"), kSecret);
        const int total = m_rate * m_seconds;
        QElapsedTimer clock;
        clock.start();
        QByteArray pending;
        for (int i = 0; i < total; ++i) {
            const qint64 due = qint64(i) * 1'000'000'000 / m_rate;
            while (clock.nsecsElapsed() < due) {
                if (socket.waitForReadyRead(0))
                    pending += socket.readAll();
                QThread::usleep(200);
            }
            const QByteArray body =
                QStringLiteral("{\"event\":\"participant_joined\",\"room\":{\"sid\":\"S%1\","
                               "\"room_id\":\"room-%1\"},\"participant\":{\"sid\":\"PA_%2\","
                               "\"identity\":\"user-%2\",\"name\":\"User %2\"},\"id\":\"ev-%3\","
                               "\"created_at\":\"%4\"}")
                    .arg(i % 40)
                    .arg(i % 900)
                    .arg(i)
                    .arg(QDateTime::currentSecsSinceEpoch())
                    .toUtf8();
            const QByteArray token = signer.signWebhook(body, QDateTime::currentSecsSinceEpoch());
            socket.write("POST / HTTP/1.1\r\nHost: bench\r\nAuthorization: " + token +
                         "\r\nHash-Token: " + token +
                         "\r\nContent-Type: application/json\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket.flush();
            ++sent;
        }
        while (pending.count("HTTP/1.1 200") < total && socket.waitForReadyRead(5000))
            pending += socket.readAll();
        answered = int(pending.count("HTTP/1.1 200"));
    }

private:
    quint16 m_port;
    int m_rate;
    int m_seconds;
};
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 60;
    const int rate = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;
    const bool paused = argc > 3 && QByteArray(argv[3]) == "paused";
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setPort(0);
    settings.setKeys({{QStringLiteral("plugnmeet"), kSecret}});
    IngestService service;
    MonitorSession session(&service);
    SessionStoreOptions store;
    store.path = dir.filePath(QStringLiteral("bench.pnmsession"));
    session.setSessionStore(store);
    MainWindow window(&session, &settings);
    window.show();

    // The probe: how late does a 5 ms timer fire? Lateness is time the event loop was busy.
    constexpr int kProbeMs = 5;
    QElapsedTimer probeClock;
    qint64 lastProbeNs = 0;
    qint64 worstLateNs = 0;
    QList<qint64> lateness;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        const qint64 late = now - lastProbeNs - kProbeMs * 1'000'000LL;
        lastProbeNs = now;
        lateness.append(std::max<qint64>(late, 0));
        worstLateNs = std::max(worstLateNs, late);
    });

    std::unique_ptr<Sender> sender;
    const long rssBefore = bench::rssKb();
    QObject::connect(&session, &MonitorSession::listeningChanged, [&](bool listening) {
        if (!listening || sender)
            return;
        sender = std::make_unique<Sender>(session.listenPort(), rate, seconds);
        QObject::connect(sender.get(), &QThread::finished, &app, [&] {
            // Give the last batch its interval, then report.
            QTimer::singleShot(3 * RequestBatcher::kBatchIntervalMs, &app, [&] {
                probe.stop();
                std::sort(lateness.begin(), lateness.end());
                const qint64 p99 = lateness.isEmpty() ? 0 : lateness.at(lateness.size() * 99 / 100);
                if (paused) {
                    const qsizetype held = session.heldCount();
                    std::printf("paused: %lld requests held back; process RSS growth %.0f bytes "
                                "per held request\n",
                                static_cast<long long>(held),
                                double(bench::rssKb() - rssBefore) * 1024.0 /
                                    double(qMax<qsizetype>(held, 1)));
                    QElapsedTimer resume;
                    resume.start();
                    window.action(QStringLiteral("actionPause"))->setChecked(false);
                    QCoreApplication::processEvents();
                    std::printf("resumed: all %llu rows in the table after %.1f ms\n",
                                static_cast<unsigned long long>(session.totalCount()),
                                double(resume.nsecsElapsed()) / 1e6);
                }
                const quint64 rows = session.totalCount();
                std::printf("sent %d at %d/s for %d s; answered 200: %d; rows in the table: %llu; "
                            "lost: %lld\n",
                            sender->sent, rate, seconds, sender->answered,
                            static_cast<unsigned long long>(rows),
                            static_cast<long long>(sender->sent) - static_cast<long long>(rows));
                std::printf("GUI event loop: worst stall %.1f ms, 99th percentile %.2f ms "
                            "(%lld probes)\n",
                            double(worstLateNs) / 1e6, double(p99) / 1e6,
                            static_cast<long long>(lateness.size()));
                std::printf(
                    "memory: table model %.0f bytes/row; process RSS growth %.0f bytes "
                    "per request (recording to a session file; raw bodies and headers on disk)\n",
                    double(session.model()->memoryBytes()) / double(qMax<quint64>(rows, 1)),
                    double(bench::rssKb() - rssBefore) * 1024.0 / double(qMax<quint64>(rows, 1)));
                QApplication::exit(rows == quint64(sender->sent) ? 0 : 1);
            });
        });
        probeClock.start();
        probe.start();
        sender->start();
    });
    if (paused)
        window.action(QStringLiteral("actionPause"))->setChecked(true);
    window.startListening();
    const int code = QApplication::exec();
    if (sender)
        sender->wait();
    return code;
}
