// Per-stage cost of ingesting one request (issue 4): the ingest benchmark's exact request (its
// body.json, a token minted like run.sh does) goes through each stage of the pipeline in a loop,
// and the mean CPU microseconds per request of each stage are printed. CPU time, not wall time,
// so the figures hold on a busy machine; use them to see where a request's time goes, and
// benchmarks/ingest/run.sh for the throughput that counts.
//
// Usage: bench_ingeststages TOKEN_FILE BODY_FILE [ITERATIONS]
#include "events/eventdecoder.h"
#include "http/httprequestparser.h"
#include "ingest/recordedrequest.h"
#include "store/requestrow.h"
#include "store/verificationcodec.h"
#include "verify/webhookverifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace pnm;

namespace {
QByteArray readFile(const char *path)
{
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_ingeststages: cannot read %s\n", path);
        std::exit(2);
    }
    return file.readAll();
}

double cpuMicros()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

// Runs `stage` `iterations` times and prints its mean CPU time per call.
double measure(const char *name, int iterations, const std::function<void()> &stage)
{
    const double start = cpuMicros();
    for (int i = 0; i < iterations; ++i)
        stage();
    const double perCall = (cpuMicros() - start) / iterations;
    std::printf("%-34s %8.2f us\n", name, perCall);
    return perCall;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_ingeststages TOKEN_FILE BODY_FILE [ITERATIONS]\n");
        return 2;
    }
    const QByteArray token = readFile(argv[1]).trimmed(); // the body is sent exactly as it is
    const QByteArray body = readFile(argv[2]);
    const int iterations = argc > 3 ? QByteArray(argv[3]).toInt() : 100000;

    // The request as wrk sends it (benchmarks/ingest/post.lua).
    const QByteArray wire = "POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: " +
                            QByteArray::number(body.size()) +
                            "\r\nContent-Type: application/json\r\nAuthorization: " + token +
                            "\r\nHash-Token: " + token +
                            "\r\nUser-Agent: Go-http-client/1.1\r\n\r\n" + body;
    KeyRing keys;
    keys.insert(QStringLiteral("bench-key"), "bench-secret-0123456789abcdef");
    const WebhookVerifier verifier(keys);
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();

    HttpRequestParser parser;
    HttpRequest request;
    double total = 0;
    total += measure("parse (llhttp + fields)", iterations, [&] {
        QByteArrayView rest(wire);
        for (;;) {
            qsizetype consumed = 0;
            const auto event = parser.feed(rest, &consumed);
            rest = rest.sliced(consumed);
            if (event == HttpRequestParser::Event::RequestComplete)
                break;
            if (event != HttpRequestParser::Event::HeadersComplete)
                std::abort(); // the whole request is there: only the head pause may come first
        }
        request = parser.takeRequest();
    });
    Verification verification;
    total += measure("verify", iterations, [&] {
        verification = verifier.verify(request.headers, request.body, nowSecs);
    });
    if (!verification.isValid()) {
        std::fprintf(stderr, "bench_ingeststages: the token does not verify: %s\n",
                     qPrintable(verification.summaryDetail()));
        return 1;
    }
    WebhookEvent event;
    total += measure("decode", iterations, [&] { event = EventDecoder::decode(request.body); });

    RecordedRequest recorded;
    total += measure("record (copy into RecordedRequest)", iterations, [&] {
        RecordedRequest r;
        r.seq = 1;
        r.receivedAtMs = nowSecs * 1000;
        r.remoteAddress = QStringLiteral("127.0.0.1");
        r.method = request.method;
        r.target = request.target;
        r.httpVersion = "HTTP/" + request.httpVersion;
        r.headers = request.headers;
        r.body = request.body;
        r.verification = verification;
        r.event = event;
        recorded = std::move(r);
    });
    total += measure("headless line", iterations, [&] {
        if (recorded.toJsonLine().isEmpty())
            std::abort();
    });
    double row = 0;
    row += measure("row: header block", iterations, [&] {
        if (RequestRow::headerBlock(recorded.headers).isEmpty())
            std::abort();
    });
    row += measure("row: verification (as stored)", iterations, [&] {
        if (VerificationCodec::toRowText(recorded.verification, true).isEmpty())
            std::abort();
    });
    const QByteArray headerBlock = RequestRow::headerBlock(recorded.headers);
    row += measure("row: fingerprint", iterations, [&] {
        if (RequestRow::fingerprint(recorded, headerBlock).isEmpty())
            std::abort();
    });
    std::printf("%-34s %8.2f us\n", "total (listener + line + row)", total + row);
    return 0;
}
