// Scale check for the session store (issue 4): writes N realistic requests into a session file
// through SessionWriter, then opens it with SessionBrowser as the window would (light rows in
// batches) and reports the time to the first batch, the time to load everything and peak memory.
// Build and run: benchmarks/store/run.sh [N]
#include "events/eventdecoder.h"
#include "sign/tokensigner.h"
#include "store/sessionbrowser.h"
#include "store/sessionwriter.h"
#include "verify/webhookverifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
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
    SessionBrowser browser;
    QElapsedTimer timer;
    qint64 firstBatchMs = -1;
    quint64 rows = 0;
    QObject::connect(&browser, &SessionBrowser::rowsLoaded,
                     [&](const QList<RecordedRequest> &batch) {
                         if (firstBatchMs < 0)
                             firstBatchMs = timer.elapsed();
                         rows += quint64(batch.size());
                     });
    // What a table keeps per row (style.md 5: the model keeps what it shows, the rest is
    // fetched by seq): a few columns, not the RecordedRequest.
    struct TableRow
    {
        quint64 seq;
        qint64 receivedAtMs;
        int status;
        Verdict verdict;
        QString event, roomId, identity;
    };
    QList<TableRow> kept;
    kept.reserve(1 << 20);
    QObject::connect(
        &browser, &SessionBrowser::rowsLoaded, [&](const QList<RecordedRequest> &batch) {
            for (const RecordedRequest &r : batch)
                kept.append({r.seq, r.receivedAtMs, r.status, r.verification.verdict, r.event.event,
                             r.event.room ? r.event.room->roomId : QString(),
                             r.event.participant ? r.event.participant->identity : QString()});
        });
    QObject::connect(&browser, &SessionBrowser::loadFinished, [&](quint64) {
        std::printf("opened %llu requests: first batch after %lld ms, all after %.1f s, peak RSS "
                    "%ld MB\n",
                    static_cast<unsigned long long>(rows), firstBatchMs, timer.elapsed() / 1000.0,
                    peakRssMb());
        QCoreApplication::quit();
    });
    QObject::connect(&browser, &SessionBrowser::openFailed, [](const QString &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        QCoreApplication::exit(1);
    });
    timer.start();
    browser.open(path);
    return QCoreApplication::exec();
}
