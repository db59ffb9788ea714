// Bad files get a precise error naming the file and the place, and add nothing to the session:
// truncated, not JSON, wrong version, missing fields, a HAR from another tool, a damaged
// SQLite session. A long import reports progress and can be cancelled; importing the file again
// adds the rest.
#include "store/sessionexporter.h"
#include "store/sessionimporter.h"
#include "store/sessionreader.h"
#include "store/sessionwriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <atomic>

using namespace pnm;

namespace {
constexpr char kGoodRequest[] =
    "{\"seq\":1,\"received_at\":\"2026-05-01T12:00:00.000Z\",\"method\":\"POST\","
    "\"target\":\"/\",\"headers\":[[\"Content-Type\",\"application/json\"]],"
    "\"body\":\"{\\\"event\\\":\\\"room_started\\\"}\",\"status\":200}";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}
} // namespace

class TestSessionImporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badFiles_data();
    void badFiles();
    void harFromAnotherTool();
    void damagedSessionFile();
    void cancelledImportKeepsWhatItAdded();

private:
    QTemporaryDir m_dir;
    QString m_session;
};

void TestSessionImporter::initTestCase()
{
    // A session with one request already in it: no bad import may change it.
    m_session = m_dir.filePath("target.pnmsession");
    const QString good = m_dir.filePath("good.json");
    QVERIFY(writeFile(good, QByteArray("{\"format\":\"pnm-webhook-session\",\"version\":1,"
                                       "\"requests\":[") +
                                kGoodRequest + "]}"));
    const ImportResult result = SessionImporter::importInto(m_session, good, {});
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.imported, 1u);
}

void TestSessionImporter::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error"); // after "<file>"
    const QByteArray head = "{\"format\":\"pnm-webhook-session\",\"version\":1,\"requests\":[\n";
    QTest::newRow("truncated json") << "t.json" << head + QByteArray(kGoodRequest).left(60)
                                    << ":2:61: not valid JSON: unterminated string";
    QTest::newRow("not json") << "n.json" << QByteArray("hello")
                              << ":1:2: not valid JSON: illegal value";
    QTest::newRow("wrong version")
        << "v.json" << QByteArray("{\"format\":\"pnm-webhook-session\",\"version\":2}")
        << ": session format version 2; this program reads version 1";
    QTest::newRow("other json") << "o.json" << QByteArray("{\"a\":1}")
                                << ": not a pnm-webhook-monitor session export (\"format\" is "
                                   "not \"pnm-webhook-session\")";
    QTest::newRow("missing field")
        << "m.json"
        << head + kGoodRequest + ",\n" + QByteArray(kGoodRequest).replace("\"method\"", "\"x\"") +
               "]}"
        << ": requests[1]: field \"method\" is missing";
    QTest::newRow("bad time") << "time.json"
                              << head + QByteArray(kGoodRequest).replace("2026-05-01T", "May ") +
                                     "]}"
                              << ": requests[0]: field \"received_at\" is not an RFC 3339 time "
                                 "with an offset (\"Z\" for UTC): \"May 12:00:00.000Z\"";
    // Read in this machine's time zone it would move by hours from one machine to the next.
    QTest::newRow("time without offset")
        << "zone.json" << head + QByteArray(kGoodRequest).replace(".000Z", ".000") + "]}"
        << ": requests[0]: field \"received_at\" is not an RFC 3339 time with an offset (\"Z\" "
           "for UTC): \"2026-05-01T12:00:00.000\"";
    // Numbers are checked, not wrapped or truncated; a seq below 1 would be stored and never
    // exported.
    const auto withField = [&head](const QByteArray &from, const QByteArray &to) {
        return head + QByteArray(kGoodRequest).replace(from, to) + "]}";
    };
    QTest::newRow("seq below 1") << "seq.json" << withField("\"seq\":1", "\"seq\":-100")
                                 << ": requests[0]: field \"seq\" must be a whole number from 1 to "
                                    "9007199254740992, not -100";
    QTest::newRow("seq not whole") << "seq2.json" << withField("\"seq\":1", "\"seq\":1.5")
                                   << ": requests[0]: field \"seq\" must be a whole number from 1 "
                                      "to 9007199254740992, not 1.5";
    QTest::newRow("port out of range")
        << "port.json" << withField("\"seq\":1", "\"seq\":1,\"remote_port\":99999")
        << ": requests[0]: field \"remote_port\" must be a whole number from 0 to 65535, not 99999";
    QTest::newRow("status out of range")
        << "status.json" << withField("\"status\":200", "\"status\":99999")
        << ": requests[0]: field \"status\" must be a whole number from 0 to 999, not 99999";
    QTest::newRow("unknown verdict")
        << "verdict.json"
        << withField("\"status\":200", "\"status\":200,\"verification\":{\"status\":\"bogus\"}")
        << ": requests[0]: field \"verification\" has no status this program knows (\"bogus\")";
    QTest::newRow("verification not an object")
        << "verdict2.json" << withField("\"status\":200", "\"status\":200,\"verification\":\"x\"")
        << ": requests[0]: field \"verification\" is not an object";
    QTest::newRow("version missing")
        << "nv.json" << QByteArray("{\"format\":\"pnm-webhook-session\"}")
        << ": field \"version\" is missing";
    QTest::newRow("version as text")
        << "vs.json" << QByteArray("{\"format\":\"pnm-webhook-session\",\"version\":\"1\"}")
        << ": field \"version\" must be a whole number, not \"1\"";
    QTest::newRow("har seq below 1")
        << "z.har"
        << QByteArray("{\"log\":{\"entries\":[{\"startedDateTime\":\"2026-05-01T12:00:00Z\","
                      "\"request\":{\"method\":\"GET\",\"url\":\"http://h/\"},"
                      "\"_pnm\":{\"seq\":0}}]}}")
        << ": log.entries[0]._pnm.seq: not a whole number of at least 1: 0";
    QTest::newRow("ndjson line 3") << "l.ndjson" << QByteArray(kGoodRequest) + "\n\n{\"seq\":\n"
                                   << ":3:8: not valid JSON: unterminated object";
    QTest::newRow("ndjson array") << "a.ndjson" << QByteArray("[1]\n") << ":1: not a JSON object";
    QTest::newRow("har without log")
        << "x.har" << QByteArray("{\"entries\":[]}") << ": not a HAR file (no log.entries array)";
    QTest::newRow("har entry without method")
        << "y.har"
        << QByteArray("{\"log\":{\"entries\":[{\"startedDateTime\":\"2026-05-01T12:00:00Z\","
                      "\"request\":{\"url\":\"http://h/\"}}]}}")
        << ": log.entries[0].request.method: missing";
    QTest::newRow("csv") << "c.csv" << QByteArray("seq\r\n")
                         << ": CSV holds only the table's columns and cannot be imported; use "
                            "JSON, NDJSON or HAR";
    QTest::newRow("unknown extension")
        << "u.txt" << QByteArray("{}")
        << ": cannot tell the format from the name; give it (json, ndjson or har)";
}

void TestSessionImporter::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString path = m_dir.filePath(name);
    QVERIFY(writeFile(path, content));
    const ImportResult result = SessionImporter::importInto(m_session, path, {});
    QVERIFY(!result.ok);
    QCOMPARE(result.error, path + error);
    QCOMPARE(result.imported, 0u);
    SessionReader reader;
    QString why;
    QVERIFY(reader.open(m_session, &why));
    QCOMPARE(reader.count(), 1u);
}

void TestSessionImporter::harFromAnotherTool()
{
    // The shape browser dev tools and HTTP Toolkit write: extra fields, comments, an offset
    // time, a query string, no postData on a GET, headers with numbers.
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"other","version":"9"},
      "pages":[{"id":"p1"}],"entries":[
      {"pageref":"p1","startedDateTime":"2026-05-01T14:00:00.250+02:00","time":12.5,
       "request":{"method":"POST","url":"https://example.test/hooks/pnm?room=a%20b",
         "httpVersion":"http/2.0","headers":[{"name":"content-type","value":"application/json"},
         {"name":"x-count","value":3}],"queryString":[],"cookies":[],"headersSize":-1,
         "bodySize":27,"postData":{"mimeType":"application/json",
         "text":"{\"event\":\"room_finished\"}"},"comment":"x"},
       "response":{"status":204,"statusText":"","headers":[],"content":{"size":0}},
       "cache":{},"timings":{"send":1,"wait":10,"receive":1.5},"_priority":"High"},
      {"startedDateTime":"2026-05-01T12:00:01Z","request":{"method":"GET","url":"http://h"},
       "response":{"status":200}}]}})";
    const QString path = m_dir.filePath("other.har");
    QVERIFY(writeFile(path, har));
    const QString session = m_dir.filePath("other.pnmsession");
    const ImportResult result = SessionImporter::importInto(session, path, {});
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.imported, 2u);
    SessionReader reader;
    QString error;
    QVERIFY(reader.open(session, &error));
    const std::optional<RecordedRequest> post = reader.request(1);
    QVERIFY(post.has_value());
    QCOMPARE(post->receivedAtMs, 1777636800250); // 12:00:00.250 UTC
    QCOMPARE(post->target, QByteArray("/hooks/pnm?room=a%20b"));
    QCOMPARE(post->headers.value("X-Count"), std::optional<QByteArray>("3"));
    QCOMPARE(post->body, QByteArray("{\"event\":\"room_finished\"}"));
    QCOMPARE(post->event.event, QStringLiteral("room_finished"));
    QCOMPARE(post->status, 204);
    QCOMPARE(post->verification.verdict, Verdict::Unverified);
    const std::optional<RecordedRequest> get = reader.request(2);
    QVERIFY(get.has_value());
    QCOMPARE(get->target, QByteArray("/"));
    QVERIFY(get->body.isEmpty());
}

void TestSessionImporter::damagedSessionFile()
{
    // A real session whose pages after the header are overwritten: every use names the file.
    const QString path = m_dir.filePath("damaged.pnmsession");
    QVERIFY(QFile::copy(m_session, path));
    {
        // Fold the WAL into the main file first so the damage hits committed pages.
        SessionWriter writer;
        QString error;
        QVERIFY(writer.open({path}, {}, &error));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.size() >= 8192);
    file.seek(4096);
    file.write(QByteArray(file.size() - 4096, '\x5a'));
    file.close();
    SessionReader reader;
    QString error;
    const bool opened = reader.open(path, &error);
    if (opened)
        QVERIFY(!reader.checkIntegrity(&error));
    QVERIFY2(error.startsWith(path + ": "), qPrintable(error));
    const ExportResult exported =
        SessionExporter::exportSession(path, m_dir.filePath("damaged.json"), {});
    QVERIFY(!exported.ok);
    QVERIFY2(exported.error.startsWith(path + ": "), qPrintable(exported.error));
    QVERIFY(!QFile::exists(m_dir.filePath("damaged.json")));
}

void TestSessionImporter::cancelledImportKeepsWhatItAdded()
{
    constexpr int kRequests = 20'000;
    constexpr quint64 kCancelAt = 5'000;
    const QString ndjson = m_dir.filePath("many.ndjson");
    QByteArray lines;
    for (int i = 1; i <= kRequests; ++i)
        lines += QByteArray(kGoodRequest)
                     .replace("\"seq\":1", "\"seq\":" + QByteArray::number(i))
                     .replace("room_started", "room_started " + QByteArray::number(i)) +
                 '\n';
    QVERIFY(writeFile(ndjson, lines));
    const QString session = m_dir.filePath("cancelled.pnmsession");

    std::atomic_bool cancel{false};
    QList<quint64> dones;
    ImportOptions options;
    options.cancel = &cancel;
    options.progress = [&](quint64 done, quint64 total) {
        QCOMPARE(total, quint64(kRequests));
        dones.append(done);
        if (done >= kCancelAt)
            cancel = true;
    };
    const ImportResult first = SessionImporter::importInto(session, ndjson, options);
    QVERIFY(!first.ok);
    QVERIFY(first.cancelled);
    // Stopped within what was queued for the store when it was asked to.
    QVERIFY2(first.imported >= kCancelAt &&
                 first.imported <= kCancelAt + SessionImporter::kInFlight + 1024,
             qPrintable(QString::number(first.imported)));
    QCOMPARE(first.error, QStringLiteral("%1: import cancelled after %2 of its %3 requests were "
                                         "added (importing it again adds the rest: requests "
                                         "already in the session are recognised)")
                              .arg(ndjson)
                              .arg(first.imported)
                              .arg(kRequests));
    QVERIFY(std::is_sorted(dones.begin(), dones.end()));
    QCOMPARE(dones.first(), 0u);
    QCOMPARE(dones.last(), first.imported);
    SessionReader reader;
    QString error;
    QVERIFY2(reader.open(session, &error), qPrintable(error));
    QCOMPARE(reader.count(), first.imported);
    reader.close();

    dones.clear();
    options.cancel = nullptr;
    const ImportResult second = SessionImporter::importInto(session, ndjson, options);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.duplicates, first.imported);
    QCOMPARE(second.imported, kRequests - first.imported);
    QCOMPARE(dones.last(), quint64(kRequests));
    QVERIFY2(reader.open(session, &error), qPrintable(error));
    QCOMPARE(reader.count(), quint64(kRequests));

    // Cancelled before it began: nothing added, and the message says so.
    std::atomic_bool early{true};
    ImportOptions before;
    before.cancel = &early;
    const ImportResult none =
        SessionImporter::importInto(m_dir.filePath("untouched.pnmsession"), ndjson, before);
    QVERIFY(none.cancelled);
    QCOMPARE(none.imported, 0u);
    QCOMPARE(none.error, ndjson + QStringLiteral(": import cancelled; nothing was added"));
}

QTEST_GUILESS_MAIN(TestSessionImporter)
#include "tst_sessionimporter.moc"
