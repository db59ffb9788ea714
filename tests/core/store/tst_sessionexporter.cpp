// Export and import round trips for every format: a session of varied requests (signed vectors,
// a body that is not UTF-8, a rejected partial request, odd header bytes) exported, imported
// into a new session and exported again gives the same bytes; keys re-verify on import;
// importing the same file twice adds nothing.
#include "../../support/vectors.h"
#include "events/eventdecoder.h"
#include "store/exportoutput.h"
#include "store/fileidentity.h"
#include "store/harentry.h"
#include "store/sessionexporter.h"
#include "store/sessionimporter.h"
#include "store/sessionjson.h"
#include "store/sessionreader.h"
#include "store/sessionwriter.h"
#include "verify/webhookverifier.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace pnm;
using namespace pnm::test;

namespace {
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestSessionExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void jsonAndHarAreWhatQJsonDocumentWrites();
    void csvColumns();
    void importReverifiesWithKeys();
    void importTwiceAddsNothing();
    void selectionAndRedaction();
    void exportOfMissingSessionFails();
    void exportNeverReplacesASession();
    void exportIntoAPipeWritesInPlace();
    void sessionInAReadOnlyFolderIsExplained();
    void utf8TargetIsText();
    void exportThroughADescriptorAppends();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QList<WebhookVector> m_vectors;
    QList<RecordedRequest> m_requests;
    QString m_session;
};

void TestSessionExporter::initTestCase()
{
    QString error;
    m_vectors = loadVectors(&error);
    QVERIFY2(!m_vectors.isEmpty(), qPrintable(error));
    quint64 seq = 0;
    for (const WebhookVector &vector : m_vectors) {
        RecordedRequest r;
        r.seq = ++seq;
        r.receivedAtMs = vector.verifyAt * 1000 + qint64(seq);
        r.remoteAddress = QStringLiteral("127.0.0.1");
        r.remotePort = quint16(40000 + seq);
        r.method = "POST";
        r.target = "/webhook";
        r.httpVersion = "HTTP/1.1";
        r.headers = vector.headers;
        r.body = vector.body;
        r.status = 200;
        WebhookVerifier verifier;
        r.verification = verifier.verify(r.headers, r.body, vector.verifyAt);
        m_requests.append(r);
    }
    RecordedRequest binary = m_requests.constFirst();
    binary.seq = ++seq;
    binary.body = QByteArray("\xff\xfe\x00{not utf-8", 14);
    binary.headers.append("X-Latin1", "caf\xe9");
    m_requests.append(binary);
    // A byte order mark is part of the body (and of its sha256): it must survive as text.
    RecordedRequest marked = m_requests.constFirst();
    marked.seq = ++seq;
    marked.body.prepend("\xef\xbb\xbf");
    m_requests.append(marked);
    RecordedRequest rejected;
    rejected.seq = ++seq;
    rejected.receivedAtMs = 1700000000123;
    rejected.remoteAddress = QStringLiteral("::1");
    rejected.remotePort = 5;
    rejected.method = "POST";
    rejected.target = "/big?x=%20y";
    rejected.httpVersion = "HTTP/1.1";
    rejected.headers = {{"Content-Length", "99999999"}};
    rejected.body = "{\"event\":\"room_";
    rejected.bodyComplete = false;
    rejected.status = 413;
    rejected.protocolError = QStringLiteral("body larger than 1048576 bytes");
    m_requests.append(rejected);

    m_session = path("source.pnmsession");
    SessionWriter writer;
    QVERIFY(writer.open({m_session}, {}, &error));
    for (const RecordedRequest &r : m_requests)
        writer.append(r, {});
    writer.close();
    SessionReader reader;
    QVERIFY(reader.open(m_session, &error));
    QCOMPARE(reader.count(), quint64(m_requests.size()));
}

void TestSessionExporter::roundTrip_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("json") << ExportFormat::Json;
    QTest::newRow("ndjson") << ExportFormat::Ndjson;
    QTest::newRow("har") << ExportFormat::Har;
}

void TestSessionExporter::roundTrip()
{
    QFETCH(ExportFormat, format);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    ExportOptions options;
    options.format = format;
    const ExportResult first = SessionExporter::exportSession(m_session, path("1." + tag), options);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.written, quint64(m_requests.size()));

    ImportOptions importOptions;
    importOptions.format = format;
    const QString copy = path("copy-" + tag + ".pnmsession");
    const ImportResult imported =
        SessionImporter::importInto(copy, path("1." + tag), importOptions);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    QCOMPARE(imported.imported, quint64(m_requests.size()));
    QCOMPARE(imported.duplicates, 0u);

    const ExportResult second = SessionExporter::exportSession(copy, path("2." + tag), options);
    QVERIFY2(second.ok, qPrintable(second.error));
    const QByteArray a = readAll(path("1." + tag));
    QVERIFY(a.size() > 10000);
    QCOMPARE(readAll(path("2." + tag)), a);

    // What came back is exact, not just equal after export: bytes, headers, flags.
    SessionReader reader;
    QString error;
    QVERIFY(reader.open(copy, &error));
    for (const RecordedRequest &expected : m_requests) {
        const std::optional<RecordedRequest> got = reader.request(expected.seq);
        QVERIFY(got.has_value());
        QCOMPARE(got->body, expected.body);
        QCOMPARE(got->headers, expected.headers);
        QCOMPARE(got->target, expected.target);
        QCOMPARE(got->receivedAtMs, expected.receivedAtMs);
        QCOMPARE(got->bodyComplete, expected.bodyComplete);
        QCOMPARE(got->status, expected.status);
        QCOMPARE(got->protocolError, expected.protocolError);
        QCOMPARE(got->verification.verdict, expected.verification.verdict);
    }
}

// The JSON format was QJsonDocument's text of each request's object; it is now written directly
// and must stay byte for byte the same (files of earlier versions compare equal to new ones).
void TestSessionExporter::jsonAndHarAreWhatQJsonDocumentWrites()
{
    QList<RecordedRequest> requests = m_requests;
    // Verdicts with keys, and the summary's optional members.
    const WebhookVector &vector = m_vectors.constFirst();
    RecordedRequest checked = m_requests.constFirst();
    for (const QByteArray &secret : {vector.apiSecret, QByteArray("another-secret")}) {
        KeyRing keys;
        keys.insert(vector.apiKey, secret);
        checked.verification = WebhookVerifier(keys, vector.leewaySecs)
                                   .verify(checked.headers, checked.body, vector.verifyAt);
        requests.append(checked);
    }
    checked.verification.bearerPrefixStripped = true;
    checked.verification.tokenHeadersDiffer = true;
    requests.append(checked);
    // JSON escapes in a body give names with control characters and half surrogate pairs.
    RecordedRequest odd = m_requests.constFirst();
    odd.body = R"({"event":"participant_joined","id":"\u0000\u001f\"","createdAt":"12",)"
               R"("room":{"sid":"\udc00","name":"r"},"participant":{"identity":"\ud83d\ude00",)"
               R"("name":"Zo\u00e9 \ud800","sid":"PA_1"},"track":{"sid":"TR","type":"AUDIO",)"
               R"("source":"MICROPHONE"}})";
    odd.event = EventDecoder::decode(odd.body);
    QVERIFY(odd.event.isDecoded());
    odd.remoteAddress = QStringLiteral("::ffff:10.0.0.\u00e9");
    odd.protocolError = QStringLiteral("tab\there");
    requests.append(odd);
    // A query string, decoded into HAR's queryString.
    RecordedRequest query = m_requests.constFirst();
    query.target = "/hook?room=r%201&name=Zo%C3%A9&empty=&flag";
    requests.append(query);

    for (const RecordedRequest &request : requests) {
        const QByteArray text = SessionExporter::encode(request, ExportFormat::Json);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.toJson(QJsonDocument::Compact), text);
        QCOMPARE(SessionExporter::encode(request, ExportFormat::Ndjson), text);
        RecordedRequest back;
        QString why;
        QVERIFY2(SessionJson::fromJson(parsed.object(), &back, &why), qPrintable(why));
        QCOMPARE(back.seq, request.seq);
        QCOMPARE(back.body, request.body);
        QCOMPARE(back.headers, request.headers);
        QCOMPARE(back.remoteAddress, request.remoteAddress);
        QCOMPARE(back.protocolError, request.protocolError);
        QCOMPARE(back.verification.verdict, request.verification.verdict);
        QCOMPARE(parsed.object().value("verification").toObject(), request.verification.toJson());
        if (request.bodyComplete) {
            QCOMPARE(parsed.object().value("event").toObject(), request.event.toSummaryJson());
        } else { // cut short: not decoded, and not "empty" either
            QCOMPARE(parsed.object().value("event").toObject(),
                     QJsonObject({{"body_error", "body incomplete: 15 bytes arrived"}}));
        }

        // HAR entries too are written directly, in QJsonObject's order.
        const QByteArray har = SessionExporter::encode(request, ExportFormat::Har);
        const QJsonDocument harParsed = QJsonDocument::fromJson(har, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(harParsed.toJson(QJsonDocument::Compact), har);
        RecordedRequest fromHar;
        QVERIFY2(HarEntry::fromJson(harParsed.object(), &fromHar, &why), qPrintable(why));
        QCOMPARE(fromHar.seq, request.seq);
        QCOMPARE(fromHar.receivedAtMs, request.receivedAtMs);
        QCOMPARE(fromHar.target, request.target);
        QCOMPARE(fromHar.body, request.body);
        QCOMPARE(fromHar.headers, request.headers);
        QCOMPARE(fromHar.remoteAddress, request.remoteAddress);
        QCOMPARE(fromHar.protocolError, request.protocolError);
        QCOMPARE(fromHar.status, request.status);
        const QJsonObject pnm = harParsed.object().value("_pnm").toObject();
        QCOMPARE(pnm.value("verification").toObject(), request.verification.toJson());
    }
}

void TestSessionExporter::csvColumns()
{
    ExportOptions options;
    options.format = ExportFormat::Csv;
    QVERIFY(SessionExporter::exportSession(m_session, path("all.csv"), options).ok);
    const QList<QByteArray> lines = readAll(path("all.csv")).split('\n');
    QCOMPARE(lines.size(), m_requests.size() + 2); // header, rows, empty after the last CRLF
    QVERIFY(lines.at(0).startsWith("seq,received_at,remote,method,target,status,verification,"));
    QVERIFY(lines.constLast().isEmpty());
    const QByteArray &last = lines.at(lines.size() - 2);
    QCOMPARE(last, QByteArray::number(m_requests.constLast().seq) +
                       ",2023-11-14T22:13:20.123Z,[::1]:5,POST,/big?x=%20y,413,"
                       "missing_token,,,,,,,15,body larger than 1048576 bytes\r");
}

void TestSessionExporter::importReverifiesWithKeys()
{
    // Recorded without keys ("unverified"), imported with them: checked as of receipt.
    ExportOptions options;
    QVERIFY(SessionExporter::exportSession(m_session, path("rv.json"), options).ok);
    ImportOptions importOptions;
    for (const WebhookVector &vector : m_vectors)
        importOptions.keys.insert(vector.apiKey, vector.apiSecret);
    importOptions.leewaySecs = m_vectors.constFirst().leewaySecs;
    const QString copy = path("rv.pnmsession");
    const ImportResult imported = SessionImporter::importInto(copy, path("rv.json"), importOptions);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    SessionReader reader;
    QString error;
    QVERIFY(reader.open(copy, &error));
    int valid = 0;
    for (qsizetype i = 0; i < m_vectors.size(); ++i) {
        const std::optional<RecordedRequest> got = reader.request(quint64(i + 1));
        QVERIFY(got.has_value());
        QCOMPARE(m_requests.at(i).verification.verdict == Verdict::Valid, false);
        // The same verdict a live receiver with these keys gives (each vector's expectation).
        const Verification direct = WebhookVerifier(importOptions.keys, m_vectors.at(i).leewaySecs)
                                        .verify(got->headers, got->body, got->receivedAtMs / 1000);
        QCOMPARE(verdictName(got->verification.verdict), verdictName(direct.verdict));
        valid += got->verification.isValid() ? 1 : 0;
    }
    QVERIFY(valid > 0);
}

void TestSessionExporter::importTwiceAddsNothing()
{
    ExportOptions options;
    options.format = ExportFormat::Ndjson;
    QVERIFY(SessionExporter::exportSession(m_session, path("twice.ndjson"), options).ok);
    const QString target = path("twice.pnmsession");
    QCOMPARE(SessionImporter::importInto(target, path("twice.ndjson"), {}).imported,
             quint64(m_requests.size()));
    const ImportResult again = SessionImporter::importInto(target, path("twice.ndjson"), {});
    QVERIFY(again.ok);
    QCOMPARE(again.imported, 0u);
    QCOMPARE(again.duplicates, quint64(m_requests.size()));
    // Into the very session it came from: all recognised.
    QCOMPARE(SessionImporter::importInto(m_session, path("twice.ndjson"), {}).duplicates,
             quint64(m_requests.size()));
}

void TestSessionExporter::selectionAndRedaction()
{
    ExportOptions options;
    options.format = ExportFormat::Ndjson;
    options.onlySeqs = {2, 5, 99};
    options.include = [](const RecordedRequest &r) { return r.seq != 5; };
    options.redact = true;
    const ExportResult result =
        SessionExporter::exportSession(m_session, path("sel.ndjson"), options);
    QVERIFY(result.ok);
    QCOMPARE(result.written, 1u);
    const QJsonObject line = QJsonDocument::fromJson(readAll(path("sel.ndjson"))).object();
    QCOMPARE(line.value("seq").toInt(), 2);
    const QByteArray body = line.value("body").toString().toUtf8();
    const QJsonObject participant =
        QJsonDocument::fromJson(body).object().value("participant").toObject();
    if (!participant.isEmpty()) {
        QCOMPARE(participant.value("name").toString(), QStringLiteral("[redacted]"));
        QCOMPARE(participant.value("identity").toString(), QStringLiteral("[redacted]"));
    }
    QVERIFY(!body.contains("\"metadata\":\"{"));
}

void TestSessionExporter::exportOfMissingSessionFails()
{
    const ExportResult result =
        SessionExporter::exportSession(path("nope.pnmsession"), path("nope.json"), {});
    QVERIFY(!result.ok);
    QCOMPARE(result.error, path("nope.pnmsession") + ": no such file");
    QVERIFY(!QFile::exists(path("nope.json")));
}

// The export is renamed over its path when complete: aimed at the session it reads (directly or
// through a link) or at any other session file, that would have replaced the session.
void TestSessionExporter::exportNeverReplacesASession()
{
    const QByteArray before = readAll(m_session);
    ExportResult result = SessionExporter::exportSession(m_session, m_session, {});
    QVERIFY(!result.ok);
    QCOMPARE(result.error, m_session + ": that is the session being exported; choose another file");
    const QString link = path("link.json");
    QVERIFY(QFile::link(m_session, link));
    result = SessionExporter::exportSession(m_session, link, {});
    QVERIFY(!result.ok);
    QVERIFY(result.error.startsWith(link + ": that is the session being exported"));

    const QString other = path("other.pnmsession");
    QVERIFY(QFile::copy(m_session, other));
    result = SessionExporter::exportSession(m_session, other, {});
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(other + ": is an SQLite file"), qPrintable(result.error));
    QCOMPARE(readAll(other), before);
    QCOMPARE(readAll(m_session), before);

    // Nor its log, index or lock (replacing the log loses what is not in the file yet), nor
    // another session's log.
    QFile log(other + "-wal");
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(QByteArray("\x37\x7f\x06\x82", 4) + QByteArray(28, '\0'));
    log.close();
    result = SessionExporter::exportSession(other, other + "-wal", {});
    QCOMPARE(result.error,
             other + "-wal: belongs to the session being exported; choose another file");
    result = SessionExporter::exportSession(m_session, other + "-wal", {});
    QVERIFY2(result.error.startsWith(other + "-wal: is an SQLite file"), qPrintable(result.error));

    // An earlier export is replaced as before.
    QVERIFY(SessionExporter::exportSession(m_session, path("again.json"), {}).ok);
    QVERIFY(SessionExporter::exportSession(m_session, path("again.json"), {}).ok);
}

// /dev/stdout, a named pipe or a device is written in place: renaming a finished file over it
// would have replaced the device node (as root, /dev/full became a regular file), and reading
// the path first to look for a session would block on a pipe.
void TestSessionExporter::exportIntoAPipeWritesInPlace()
{
    const QString fifo = path("out.fifo");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QByteArray received;
    std::thread reader([&] {
        QFile in(fifo);
        if (in.open(QIODevice::ReadOnly))
            received = in.readAll();
    });
    ExportOptions options;
    options.format = ExportFormat::Ndjson;
    const ExportResult result = SessionExporter::exportSession(m_session, fifo, options);
    reader.join();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(quint64(received.count('\n')), quint64(m_requests.size()));
    QVERIFY(!QFileInfo(fifo).isFile());
    QVERIFY(QFileInfo(fifo).exists());
}

// A session in a folder this user may not write, on a writable mount: SQLite cannot make the
// -shm file a reader needs, and another user may be recording into it, so it is not read as
// immutable: the error says why and what to do. (On a read-only mount it is read as immutable;
// that needs a mount to check.)
void TestSessionExporter::sessionInAReadOnlyFolderIsExplained()
{
    QTemporaryDir folder;
    const QString copy = folder.filePath("copy.pnmsession");
    QVERIFY(QFile::copy(m_session, copy));
    QVERIFY(QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    if (::access(QFile::encodeName(folder.path()).constData(), W_OK) == 0)
        QSKIP("this user may write a folder without write permission (root)");
    const ExportResult result = SessionExporter::exportSession(copy, path("ro.ndjson"), {});
    QVERIFY(!result.ok);
    QCOMPARE(result.error, copy + ": cannot be read in place: SQLite needs to create "
                                  "copy.pnmsession-shm beside it and this folder may not be "
                                  "written (copy the file somewhere writable)");
}

// Go sends a configured URL's query as raw UTF-8: CSV shows the text, HAR's url is
// percent-encoded and its queryString decodes to the text; the JSON keeps the bytes.
void TestSessionExporter::utf8TargetIsText()
{
    RecordedRequest request = m_requests.constFirst();
    request.target = QStringLiteral("/café?n=Jürgen&x=a%20b").toUtf8();
    QVERIFY(SessionExporter::encode(request, ExportFormat::Csv)
                .contains(QStringLiteral(",/café?n=Jürgen&x=a%20b,").toUtf8()));
    const QJsonObject har =
        QJsonDocument::fromJson(SessionExporter::encode(request, ExportFormat::Har))
            .object()
            .value("request")
            .toObject();
    QVERIFY2(har.value("url").toString().endsWith("/caf%C3%A9?n=J%C3%BCrgen&x=a%20b"),
             qPrintable(har.value("url").toString()));
    const QJsonArray query = har.value("queryString").toArray();
    QCOMPARE(query.size(), 2);
    QCOMPARE(query.at(0).toObject().value("value").toString(), QStringLiteral("Jürgen"));
    QCOMPARE(query.at(1).toObject().value("value").toString(), QStringLiteral("a b"));
    // Bytes that are not UTF-8 still show one character per byte.
    request.target = "/x?\xe9";
    QCOMPARE(request.targetText(), QStringLiteral("/x?\u00e9"));
}

// `--export /dev/stdout >> history.ndjson`: written through the descriptor, so the file a
// shell appends to keeps what it had and stays the same file (not replaced, not truncated).
void TestSessionExporter::exportThroughADescriptorAppends()
{
    QCOMPARE(ExportOutput::descriptorNamedBy("/dev/stdout"), 1);
    QCOMPARE(ExportOutput::descriptorNamedBy("/proc/self/fd/7"), 7);
    QCOMPARE(ExportOutput::descriptorNamedBy("/dev/fd/12"), 12);
    QCOMPARE(ExportOutput::descriptorNamedBy("/tmp/fd/1"), -1);
    const QString history = path("history.ndjson");
    QFile existing(history);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("earlier\n");
    existing.close();
    const FileIdentity before = FileIdentity::of(history);
    const int fd = ::open(QFile::encodeName(history).constData(), O_WRONLY | O_APPEND);
    QVERIFY(fd >= 0);
    ExportOptions options;
    options.format = ExportFormat::Ndjson;
    const ExportResult result =
        SessionExporter::exportSession(m_session, QStringLiteral("/dev/fd/%1").arg(fd), options);
    ::close(fd);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(FileIdentity::of(history) == before);
    const QByteArray text = readAll(history);
    QVERIFY(text.startsWith("earlier\n{"));
    QCOMPARE(quint64(text.count('\n')), quint64(m_requests.size()) + 1);
}

QTEST_GUILESS_MAIN(TestSessionExporter)
#include "tst_sessionexporter.moc"
