// Scale check for the session store (issue 4): writes N realistic requests into a session file
// through SessionWriter, then opens it into the table model as the window does (SessionRowLoader:
// light rows read in batches on a thread of their own) and reports the time to the first rows,
// the time to load everything, peak memory and the longest the window's thread was kept busy.
// Build and run: benchmarks/store/run.sh [N]
#include "events/eventdecoder.h"
#include "eventtablemodel.h"
#include "sessionrowloader.h"
#include "sign/tokensigner.h"
#include "store/sessionwriter.h"
#include "verify/webhookverifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace pnm;

namespace {
long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_sessionscale write|open FILE N|BODY\n");
        return 2;
    }
    const QString mode = QString::fromLocal8Bit(argv[1]);
    const QString path = QString::fromLocal8Bit(argv[2]);
    if (mode == QLatin1String("write")) {
        const int count = QByteArray(argv[3]).toInt();
        QFile bodyFile(QString::fromLocal8Bit(argv[4]));
        if (!bodyFile.open(QIODevice::ReadOnly))
            return 1;
        RecordedRequest request;
        request.method = "POST";
        request.target = "/webhook";
        request.httpVersion = "HTTP/1.1";
        request.remoteAddress = QStringLiteral("127.0.0.1");
        request.body = bodyFile.readAll();
        // A real token for the body, checked as the listener checks it, so each row holds what a
        // recorded request's row holds.
        constexpr qint64 kSignedAtSecs = 1777636800;
        const TokenSigner signer(QStringLiteral("scale-key"), "scale-secret-0123456789abcdef");
        const QByteArray token = signer.signWebhook(request.body, kSignedAtSecs);
        request.headers = {{"Host", "127.0.0.1:8787"},
                           {"User-Agent", "Go-http-client/1.1"},
                           {"Content-Length", QByteArray::number(request.body.size())},
                           {"Authorization", token},
                           {"Hash-Token", token},
                           {"Content-Type", "application/json"}};
        KeyRing keys;
        keys.insert(signer.apiKey(), "scale-secret-0123456789abcdef");
        request.verification =
            WebhookVerifier(keys).verify(request.headers, request.body, kSignedAtSecs + 1);
        request.event = EventDecoder::decode(request.body);
        request.status = 200;
        SessionWriter writer;
        QString error;
        if (!writer.open({path}, {}, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        for (int i = 1; i <= count; ++i) {
            request.seq = quint64(i);
            request.receivedAtMs = 1777636800000 + i;
            writer.append(request, {});
        }
        writer.close();
        std::printf("wrote %d requests in %.1f s\n", count, timer.elapsed() / 1000.0);
        return 0;
    }
    // Opening goes the window's way: SessionRowLoader reads batches on its browser's thread and
    // appends them to the table model on this one. A 5 ms probe timer shows how long this thread
    // (the window's) was ever kept from its events meanwhile.
    EventTableModel model;
    SessionRowLoader loader(&model);
    QElapsedTimer timer;
    qint64 firstRowsMs = -1;
    QObject::connect(&loader, &SessionRowLoader::rowsAppended, [&] {
        if (firstRowsMs < 0)
            firstRowsMs = timer.elapsed();
    });
    constexpr int kProbeMs = 5;
    QElapsedTimer probeClock;
    qint64 worstLateMs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QObject::connect(&probe, &QTimer::timeout,
                     [&] { worstLateMs = std::max(worstLateMs, probeClock.restart() - kProbeMs); });
    QObject::connect(&loader, &SessionRowLoader::finished, [&](quint64 loaded) {
        std::printf("opened %llu requests into the table: first rows after %lld ms, all after "
                    "%.1f s, peak RSS %ld MB, table model %.0f bytes/row; the window's thread was "
                    "never busy longer than %lld ms at a time\n",
                    static_cast<unsigned long long>(loaded), firstRowsMs, timer.elapsed() / 1000.0,
                    peakRssMb(), double(model.memoryBytes()) / double(qMax(model.rowCount(), 1)),
                    worstLateMs + kProbeMs);
        QCoreApplication::exit(loaded == quint64(model.rowCount()) ? 0 : 1);
    });
    const auto failed = [](const QString &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        QCoreApplication::exit(1);
    };
    QObject::connect(&loader, &SessionRowLoader::openFailed, failed);
    QObject::connect(&loader, &SessionRowLoader::loadFailed, failed);
    timer.start();
    probeClock.start();
    probe.start();
    loader.load(path);
    return QCoreApplication::exec();
}
