// Writes seed corpora for the fuzz targets from the shared vectors: whole raw requests for the
// HTTP parser, header lines + NUL + body for the verifier, bodies for the decoder, and for the
// importer the project's own JSON, NDJSON and HAR exports of a few of them plus HAR files shaped
// the way other tools write them.
#include "events/eventdecoder.h"
#include "store/sessionexporter.h"
#include "store/sessionwriter.h"
#include "verify/webhookverifier.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <cstdio>

namespace {
bool writeSeed(const QString &folder, const QByteArray &bytes)
{
    QDir().mkpath(folder);
    const QString name =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    QFile file(folder + '/' + name);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

pnm::RecordedRequest requestFromVector(const QJsonObject &vector, quint64 seq)
{
    pnm::RecordedRequest r;
    r.seq = seq;
    r.receivedAtMs = vector.value("verify_at").toInteger() * 1000 + qint64(seq);
    r.remoteAddress = QStringLiteral("127.0.0.1");
    r.remotePort = quint16(40000 + seq);
    r.method = vector.value("method").toString("POST").toLatin1();
    r.target = "/webhook?room=" + QByteArray::number(seq);
    r.httpVersion = "HTTP/1.1";
    const QJsonObject headers = vector.value("headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        r.headers.append(it.key().toLatin1(), it.value().toString().toLatin1());
    r.body = vector.value("body").toString().toUtf8();
    r.status = 200;
    pnm::KeyRing keys;
    keys.insert(vector.value("api_key").toString(), vector.value("api_secret").toString().toUtf8());
    r.verification =
        pnm::WebhookVerifier(keys).verify(r.headers, r.body, vector.value("verify_at").toInteger());
    r.event = pnm::EventDecoder::decode(r.body);
    return r;
}

// Odd but importable (or precisely refused) HAR files, as browsers and proxies write them.
const char *const kOddHars[] = {
    R"({"log":{"version":"1.2","creator":{"name":"Firefox"},"pages":[],"entries":[{"pageref":"p1",
"startedDateTime":"2026-01-01T00:00:00.000+02:00","time":12.5,"_initiator":{"type":"other"},
"request":{"method":"POST","url":"https://hooks.example/pnm?a=1&b=%20x","httpVersion":"HTTP/2",
"headers":[{"name":"content-type","value":"application/json"},{"name":"x-num","value":7}],
"queryString":[{"name":"a","value":"1"}],"cookies":[],"headersSize":-1,"bodySize":31,
"postData":{"mimeType":"application/json","text":"{"event":"room_started","id":"1"}"}},
"response":{"status":204,"statusText":"No Content","headers":[],"content":{"size":0}},
"cache":{},"timings":{"send":0,"wait":1,"receive":0}}]}})",
    R"({"log":{"entries":[{"startedDateTime":"2026-01-01T00:00:00Z","request":{"method":"POST",
"url":"http://h/","postData":{"encoding":"base64","text":"/+7/AHsi"}},"response":{}}]}})",
    R"({"log":{"entries":[{"startedDateTime":"2026-01-01T00:00:00.5Z","request":{"method":"GET",
"url":"http://h"}},{"startedDateTime":"2026-01-01T00:00:00.5Z","request":{"method":"GET",
"url":"http://h"}}]}})",
    R"({"log":{"version":"1.2","entries":[]}})",
    R"({"log":{"entries":[{"startedDateTime":"yesterday","request":{"method":"POST","url":"/"}}]}})",
    R"({"log":{"entries":[{"startedDateTime":"2026-01-01T00:00:00Z","request":{"method":"POST",
"url":"not a url at all"}}]}})",
    R"({"log":{"entries":[42,{"startedDateTime":"2026-01-01T00:00:00Z"}]}})",
    R"({"log":{"entries":[{"startedDateTime":"2026-01-01T00:00:00Z","request":{"method":"POST",
"url":"http://h/","headers":[{"value":"no name"}]},"_pnm":{"seq":"9","target":7}}]}})",
    R"({"log":{"entries":[{"startedDateTime":"2026-01-01T00:00:00Z","request":{"method":"POST",
"url":"http://h/"},"_pnm":{"seq":-5,"body_complete":false,"verification":{"status":"nonsense"}}}]}})",
};

// A session of a few vectors (valid, forged, a duplicate, bytes that are not UTF-8, a request
// the HTTP layer cut short), exported in every importable format, whole and one request alone.
int writeImportSeeds(const QJsonArray &vectors, const QString &folder)
{
    QTemporaryDir dir;
    const QString session = dir.filePath("seeds.pnmsession");
    QList<pnm::RecordedRequest> requests;
    for (qsizetype i : {0, 2, 25, 29, 33, 40})
        requests.append(requestFromVector(vectors.at(i).toObject(), quint64(requests.size() + 1)));
    pnm::RecordedRequest odd = requests.constFirst();
    odd.seq = quint64(requests.size() + 1);
    odd.body = QByteArray("{\"event\":\"room_started\",\"x\":\"\xff\xfe\"}");
    odd.event = pnm::EventDecoder::decode(odd.body);
    requests.append(odd);
    odd.seq += 1;
    odd.status = 408;
    odd.bodyComplete = false;
    odd.protocolError = QStringLiteral("request took too long");
    odd.body.truncate(9);
    requests.append(odd);
    pnm::SessionWriter writer;
    QString error;
    if (!writer.open({session}, {}, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 0;
    }
    for (const pnm::RecordedRequest &request : requests)
        writer.append(request, {});
    writer.close();
    int written = 0;
    for (const pnm::ExportFormat format :
         {pnm::ExportFormat::Json, pnm::ExportFormat::Ndjson, pnm::ExportFormat::Har}) {
        for (const QList<quint64> &only : {QList<quint64>(), QList<quint64>{3}}) {
            pnm::ExportOptions options;
            options.format = format;
            options.onlySeqs = only;
            const QString out = dir.filePath("export");
            if (!pnm::SessionExporter::exportSession(session, out, options).ok)
                continue;
            QFile file(out);
            if (file.open(QIODevice::ReadOnly))
                written += writeSeed(folder, file.readAll());
        }
    }
    for (const char *har : kOddHars)
        written += writeSeed(folder, QByteArray(har));
    return written;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: pnm_fuzz_seeds VECTORS.json OUTPUT_DIR\n");
        return 2;
    }
    QFile vectors(QString::fromLocal8Bit(argv[1]));
    if (!vectors.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const QString out = QString::fromLocal8Bit(argv[2]);
    int written = 0;
    const QJsonArray all = QJsonDocument::fromJson(vectors.readAll()).array();
    for (const QJsonValue &value : all) {
        const QJsonObject vector = value.toObject();
        const QByteArray body = vector.value("body").toString().toUtf8();
        QByteArray headerLines;
        const QJsonObject headers = vector.value("headers").toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            headerLines += it.key().toUtf8() + ": " + it.value().toString().toUtf8() + '\n';
        const QByteArray request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                   QByteArray(headerLines).replace("\n", "\r\n") + "\r\n" + body;
        const char chunkSeed = char(written & 0xff);
        written += writeSeed(out + "/httpparser", chunkSeed + request);
        written += writeSeed(out + "/verifier", headerLines + '\0' + body);
        written += writeSeed(out + "/decoder", body);
    }
    if (all.size() > 40)
        written += writeImportSeeds(all, out + "/import");
    std::printf("wrote %d seeds under %s\n", written, qPrintable(out));
    return written > 0 ? 0 : 1;
}
