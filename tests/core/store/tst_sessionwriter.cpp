// SessionWriter and SessionReader together: commit, reopen and continue, retention by count and
// by age, and what a reader says about files that are not sessions.
#include "../../support/sessionrows.h"
#include "../../support/vectors.h"
#include "store/requestrow.h"
#include "store/sessiondatabase.h"
#include "store/sessionreader.h"
#include "store/sessionwriter.h"
#include "store/verificationcodec.h"
#include "verify/webhookverifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <future>
#include <memory>
#include <optional>

using namespace pnm;

namespace {
RecordedRequest makeRequest(quint64 seq, qint64 receivedAtMs)
{
    RecordedRequest r;
    r.seq = seq;
    r.receivedAtMs = receivedAtMs;
    r.remoteAddress = QStringLiteral("127.0.0.1");
    r.remotePort = 40000;
    r.method = "POST";
    r.target = "/webhook?x=1";
    r.httpVersion = "HTTP/1.1";
    r.headers = {{"Host", "localhost"},
                 {"Content-Type", "application/json"},
                 {"X-Odd", " leading space"},
                 {"Empty", ""}};
    r.body = QByteArray(R"({"event":"room_started","id":"e-)") + QByteArray::number(seq) + "\"}";
    r.status = 200;
    r.verification.verdict = Verdict::HashMismatch;
    r.verification.steps.append({"sha256", VerificationStep::Outcome::Failed, "differs"});
    r.verification.issuer = QStringLiteral("APIkey");
    r.verification.expiresAt = 1234;
    return r;
}

// Appends and waits for every completion; returns how many were stored.
int appendAll(SessionWriter &writer, const QList<RecordedRequest> &requests)
{
    std::atomic<int> stored{0};
    std::atomic<int> done{0};
    for (const RecordedRequest &r : requests)
        writer.append(r, [&](bool ok) {
            stored += ok ? 1 : 0;
            ++done;
        });
    writer.close(); // commits what is queued and joins: every completion has run
    return done == requests.size() ? stored.load() : -1;
}
// Appends one request and waits for its completion: 1 stored, 0 refused, -1 no answer in time.
int appendOne(SessionWriter &writer, const RecordedRequest &request)
{
    auto answered = std::make_shared<std::promise<bool>>();
    std::future<bool> answer = answered->get_future();
    writer.append(request, [answered](bool ok) { answered->set_value(ok); });
    if (answer.wait_for(std::chrono::seconds(10)) != std::future_status::ready)
        return -1;
    return answer.get() ? 1 : 0;
}

// Opens `writer` with a handler that keeps the last batch's error in *reported (writer thread; read
// it after that batch's completion has run).
bool openReportingErrors(SessionWriter &writer, const QString &path, QString *reported)
{
    QString error;
    return writer.open(
        {path},
        [reported](const QList<SessionWriter::Done> &dones, bool stored, const QString &why) {
            *reported = why;
            for (const auto &done : dones)
                done(stored);
        },
        &error);
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// PRAGMA user_version of the file at `path`, after setting it to `set` when given; -1 if unread.
int userVersion(const QString &path, std::optional<int> set = std::nullopt)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "user-version");
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (set)
                query.exec(QStringLiteral("PRAGMA user_version=%1").arg(*set));
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                version = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase("user-version");
    return version;
}
} // namespace

class TestSessionWriter : public QObject
{
    Q_OBJECT
private slots:
    void commitAndReopen();
    void continueNumbering();
    void completionsComeInGroups();
    void retentionByCount();
    void retentionByAge();
    void retentionDoesNotHoldAnswers();
    void retentionByAgeWhileIdle();
    void retentionByCountAfterTheLastRequest();
    void removedFileFailsTheBatch();
    void replacedFileFailsTheBatch();
    void fileMovedBackIsWrittenAgain();
    void badFiles_data();
    void badFiles();
    void headerBlockIsExact();
    void oneWriterPerSession();
    void fingerprintIndexOnlyWhenAsked();
    void validRequestsReadBackWhole();
    void olderVersionContinuedNewerRefused();

private:
    QTemporaryDir m_dir;
};

void TestSessionWriter::commitAndReopen()
{
    const QString path = m_dir.filePath("a.pnmsession");
    SessionWriter writer;
    QString error;
    QVERIFY2(writer.open({path}, {}, &error), qPrintable(error));
    QCOMPARE(writer.lastSequenceAtOpen(), 0u);
    QList<RecordedRequest> requests;
    for (quint64 i = 1; i <= 50; ++i)
        requests.append(makeRequest(i, 1700000000000 + qint64(i)));
    QCOMPARE(appendAll(writer, requests), 50);

    SessionReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.count(), 50u);
    QVERIFY(reader.checkIntegrity(&error));
    const auto first = reader.readBatch(0, 20);
    QCOMPARE(first.size(), 20);
    QCOMPARE(first.constFirst().seq, 1u);
    QCOMPARE(reader.readBatch(first.constLast().seq, 100).size(), 30);
    QVERIFY(reader.readBatch(50, 100).isEmpty());

    const std::optional<RecordedRequest> got = reader.request(7);
    QVERIFY(got.has_value());
    const RecordedRequest expected = requests.at(6);
    QCOMPARE(got->receivedAtMs, expected.receivedAtMs);
    QCOMPARE(got->remoteAddress, expected.remoteAddress);
    QCOMPARE(got->remotePort, expected.remotePort);
    QCOMPARE(got->method, expected.method);
    QCOMPARE(got->target, expected.target);
    QCOMPARE(got->httpVersion, expected.httpVersion);
    QCOMPARE(got->headers, expected.headers);
    QCOMPARE(got->body, expected.body);
    QCOMPARE(got->status, 200);
    QCOMPARE(got->verification.verdict, Verdict::HashMismatch);
    QCOMPARE(got->verification.steps.size(), 1);
    QCOMPARE(got->verification.steps.constFirst().detail, QStringLiteral("differs"));
    QCOMPARE(got->verification.expiresAt, std::optional<qint64>(1234));
    QCOMPARE(got->event.event, QStringLiteral("room_started"));
    QCOMPARE(got->event.id, QStringLiteral("e-7"));
    QVERIFY(!reader.request(51).has_value());
    QVERIFY(reader.containsFingerprint(RequestRow::fingerprint(expected)));
    QVERIFY(!reader.containsFingerprint(RequestRow::fingerprint(makeRequest(99, 1))));
}

void TestSessionWriter::continueNumbering()
{
    const QString path = m_dir.filePath("b.pnmsession");
    QString error;
    {
        SessionWriter writer;
        QVERIFY(writer.open({path}, {}, &error));
        QCOMPARE(appendAll(writer, {makeRequest(1, 1), makeRequest(2, 2)}), 2);
    }
    SessionWriter writer;
    QVERIFY(writer.open({path}, {}, &error));
    QCOMPARE(writer.lastSequenceAtOpen(), 2u);
    QCOMPARE(writer.countAtOpen(), 2u);
    // A sequence number already present is refused, and the whole batch with it.
    QCOMPARE(appendAll(writer, {makeRequest(2, 3)}), 0);
    QVERIFY(writer.open({path}, {}, &error));
    QCOMPARE(appendAll(writer, {makeRequest(3, 3)}), 1);
    SessionReader reader;
    QVERIFY(reader.open(path, &error));
    QCOMPARE(reader.count(), 3u);
}

void TestSessionWriter::completionsComeInGroups()
{
    const QString path = m_dir.filePath("c.pnmsession");
    std::atomic<int> batches{0};
    std::atomic<int> completions{0};
    SessionWriter writer;
    QString error;
    QVERIFY(writer.open(
        {path},
        [&](const QList<SessionWriter::Done> &dones, bool stored, const QString &) {
            ++batches;
            for (auto &done : dones)
                done(stored);
        },
        &error));
    for (quint64 i = 1; i <= 2000; ++i)
        writer.append(makeRequest(i, qint64(i)), [&](bool ok) { completions += ok ? 1 : 0; });
    writer.close();
    QCOMPARE(completions.load(), 2000);
    // 2000 appends arrive faster than one fsync: they cannot each have had a transaction.
    QVERIFY2(batches.load() < 2000, qPrintable(QString::number(batches.load())));
}

void TestSessionWriter::retentionByCount()
{
    const QString path = m_dir.filePath("d.pnmsession");
    SessionWriter writer;
    QString error;
    SessionStoreOptions options{path, 5, 0};
    QVERIFY(writer.open(options, {}, &error));
    QList<RecordedRequest> requests;
    for (quint64 i = 1; i <= 12; ++i)
        requests.append(makeRequest(i, qint64(i)));
    QCOMPARE(appendAll(writer, requests), 12);
    SessionReader reader;
    QVERIFY(reader.open(path, &error));
    QCOMPARE(reader.count(), 5u);
    QCOMPARE(reader.readBatch(0, 100).constFirst().seq, 8u);
}

void TestSessionWriter::retentionByAge()
{
    const QString path = m_dir.filePath("e.pnmsession");
    SessionWriter writer;
    QString error;
    const qint64 nowMs = 1700000100000;
    QVERIFY(writer.open({path, 0, 60}, {}, &error, [nowMs] { return nowMs; }));
    // Three older than 60 s, two within.
    QCOMPARE(appendAll(writer, {makeRequest(1, nowMs - 100000), makeRequest(2, nowMs - 70000),
                                makeRequest(3, nowMs - 60001), makeRequest(4, nowMs - 60000),
                                makeRequest(5, nowMs)}),
             5);
    SessionReader reader;
    QVERIFY(reader.open(path, &error));
    QCOMPARE(reader.count(), 2u);
    QCOMPARE(reader.readBatch(0, 10).constFirst().seq, 4u);
}

void TestSessionWriter::retentionDoesNotHoldAnswers()
{
    // A continued session far over its limit: the writer trims it a step at a time, and a request
    // arriving meanwhile is committed and answered between two steps, not after all of them.
    const QString path = m_dir.filePath("big-over-limit.pnmsession");
    QString error;
    {
        SessionDatabase db;
        QVERIFY2(db.open(path, SessionDatabase::Mode::Create, &error), qPrintable(error));
        QVERIFY2(test::insertRows(db.db(), 1, 100000, QStringLiteral("i"), &error),
                 qPrintable(error));
    }
    std::atomic<qint64> rowsWhenAnswered{-1};
    SessionWriter writer;
    QVERIFY2(writer.open(
                 {path, 10, 0},
                 [&](const QList<SessionWriter::Done> &dones, bool stored, const QString &) {
                     // Writer thread, right after the commit: what the file holds now.
                     rowsWhenAnswered = test::countRows(path);
                     for (auto &done : dones)
                         done(stored);
                 },
                 &error),
             qPrintable(error));
    // Trimming starts when the file is opened, with no request needed to set it going.
    QTRY_VERIFY_WITH_TIMEOUT(test::countRows(path) < 100000, 10000);
    std::atomic<int> stored{0};
    writer.append(makeRequest(100001, 100001), [&stored](bool ok) { stored += ok ? 1 : 0; });
    QTRY_COMPARE(stored.load(), 1);
    QVERIFY2(rowsWhenAnswered > 10, qPrintable(QString::number(rowsWhenAnswered.load())));
    writer.close();
    // Closing finishes the trimming: the newest ten are left.
    QCOMPARE(test::countRows(path), 10);
    QCOMPARE(test::readNumber(path, QStringLiteral("SELECT min(seq) FROM requests")), 99992);
}

void TestSessionWriter::retentionByAgeWhileIdle()
{
    const QString path = m_dir.filePath("idle.pnmsession");
    std::atomic<qint64> nowMs{1700000000000};
    SessionWriter writer;
    QString error;
    QVERIFY2(writer.open({path, 0, 60}, {}, &error, [&nowMs] { return nowMs.load(); }),
             qPrintable(error));
    std::atomic<int> stored{0};
    for (quint64 seq = 1; seq <= 20; ++seq)
        writer.append(makeRequest(seq, nowMs), [&stored](bool ok) { stored += ok ? 1 : 0; });
    QTRY_COMPARE(stored.load(), 20);
    QCOMPARE(test::countRows(path), 20);
    // Nothing more arrives; two minutes pass. The writer looks again on its own.
    nowMs += 120 * 1000;
    QTRY_COMPARE_WITH_TIMEOUT(test::countRows(path), 0, 10000);
}

void TestSessionWriter::retentionByCountAfterTheLastRequest()
{
    // A burst that ends within the interval leaves rows beyond the limit; the writer comes back
    // for them on its own rather than at the next request, which may be hours away.
    const QString path = m_dir.filePath("burst.pnmsession");
    SessionWriter writer;
    QString error;
    QVERIFY2(writer.open({path, 5, 0}, {}, &error), qPrintable(error));
    std::atomic<int> stored{0};
    for (quint64 seq = 1; seq <= 8; ++seq)
        writer.append(makeRequest(seq, qint64(seq)), [&stored](bool ok) { stored += ok ? 1 : 0; });
    QTRY_COMPARE(stored.load(), 8);
    QTRY_COMPARE_WITH_TIMEOUT(test::countRows(path), 5, 10000);
    QCOMPARE(test::readNumber(path, QStringLiteral("SELECT min(seq) FROM requests")), 4);
}

void TestSessionWriter::removedFileFailsTheBatch()
{
    const QString path = m_dir.filePath("f.pnmsession");
    SessionWriter writer;
    QString reported;
    QVERIFY(openReportingErrors(writer, path, &reported));
    QVERIFY(QFile::remove(path));
    QCOMPARE(appendAll(writer, {makeRequest(1, 1)}), 0);
    QCOMPARE(reported, path + QStringLiteral(": the session file was removed"));
}

void TestSessionWriter::replacedFileFailsTheBatch()
{
    // What a script that clears old sessions, or a second monitor started on the same path
    // after the first one's files were deleted, leaves behind: the path names a new file while
    // the writer still holds the old one open.
    const QString path = m_dir.filePath("replaced.pnmsession");
    SessionWriter writer;
    QString reported;
    QVERIFY(openReportingErrors(writer, path, &reported));
    QCOMPARE(appendOne(writer, makeRequest(1, 1)), 1);
    QVERIFY(QFile::remove(path));
    const QByteArray newcomer("somebody else's file\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(newcomer);
    }
    // One warning for the outage, not one per batch.
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("cannot store requests:.*replaced by another file"));
    QTest::failOnWarning(QRegularExpression("cannot store"));
    for (quint64 seq = 2; seq <= 4; ++seq)
        QCOMPARE(appendOne(writer, makeRequest(seq, qint64(seq))), 0);
    QCOMPARE(reported, path + QStringLiteral(": the session file was replaced by another file"));
    writer.close();
    QCOMPARE(contentOf(path), newcomer);
}

void TestSessionWriter::fileMovedBackIsWrittenAgain()
{
    const QString path = m_dir.filePath("moved.pnmsession");
    const QString aside = path + QStringLiteral(".aside");
    SessionWriter writer;
    QString error;
    QVERIFY(writer.open({path}, {}, &error));
    QCOMPARE(appendOne(writer, makeRequest(1, 1)), 1);
    QVERIFY(QFile::rename(path, aside));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("cannot store requests:.*session file was removed"));
    QCOMPARE(appendOne(writer, makeRequest(2, 2)), 0);
    QCOMPARE(appendOne(writer, makeRequest(3, 3)), 0);
    QVERIFY(QFile::rename(aside, path));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("storing again after refusing 2 requests:.*removed"));
    QCOMPARE(appendOne(writer, makeRequest(4, 4)), 1);
    writer.close();
    QCOMPARE(test::countRows(path), 2);
    QCOMPARE(test::readNumber(path, QStringLiteral("SELECT max(seq) FROM requests")), 4);
}

void TestSessionWriter::badFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("no such file");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("an empty file, not a session");
    QTest::newRow("text") << QByteArray("this is not a database, just some text\n").repeated(200)
                          << QStringLiteral("not a readable SQLite session file");
}

void TestSessionWriter::badFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedError);
    const QString path = m_dir.filePath(QStringLiteral("bad-%1").arg(QTest::currentDataTag()));
    if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    SessionReader reader;
    QString error;
    QVERIFY(!reader.open(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ") + expectedError), qPrintable(error));
}

void TestSessionWriter::headerBlockIsExact()
{
    const HttpHeaders headers{{"A", "b: c"}, {"X", ""}, {"Y", "  two"}, {"a", "1"}};
    QCOMPARE(RequestRow::parseHeaderBlock(RequestRow::headerBlock(headers)), headers);
    QCOMPARE(RequestRow::parseHeaderBlock(QByteArray()), HttpHeaders());
}

void TestSessionWriter::oneWriterPerSession()
{
    const QString path = m_dir.filePath("locked.pnmsession");
    SessionWriter first;
    QString error;
    QVERIFY(first.open({path}, {}, &error));
    QVERIFY(QFile::exists(path + ".lock"));
    SessionWriter second;
    QVERIFY(!second.open({path}, {}, &error));
    QCOMPARE(error, QStringLiteral("%1: already being recorded by process %2 (%3)")
                        .arg(path)
                        .arg(QCoreApplication::applicationPid())
                        .arg(QCoreApplication::applicationName()));
    first.close();
    QVERIFY(!QFile::exists(path + ".lock"));
    QVERIFY2(second.open({path}, {}, &error), qPrintable(error));
    second.close();

    // A lock file that names no process (empty, or garbled by hand) is left over, not held:
    // it must not keep the session closed for ever.
    // A fresh one may be a writer that is starting (it creates the file, then locks it and
    // writes its pid): only one some seconds old is taken for left over.
    for (const QByteArray &content : {QByteArray(), QByteArray("garbage\n")}) {
        QFile lock(path + ".lock");
        QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
        lock.write(content);
        lock.close();
        SessionWriter writer;
        QVERIFY(!writer.open({path}, {}, &error));
        QCOMPARE(error, path + ": another process holds the lock file " + path + ".lock");
        QVERIFY(lock.open(QIODevice::ReadWrite));
        QVERIFY(lock.setFileTime(QDateTime::currentDateTime().addSecs(-60),
                                 QFileDevice::FileModificationTime));
        lock.close();
        QVERIFY2(writer.open({path}, {}, &error), qPrintable(error));
    }
    // But a live writer's lock, even with its words overwritten, still holds.
    QVERIFY(first.open({path}, {}, &error));
    QFile lock(path + ".lock");
    QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
    lock.close();
    QVERIFY(!second.open({path}, {}, &error));
    QCOMPARE(error, path + ": another process holds the lock file " + path + ".lock");
    first.close();
}

namespace {
// Whether the session file has the fingerprint index, read through a connection of our own.
bool hasFingerprintIndex(const QString &path)
{
    bool found = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "index-check");
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            found = query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' "
                                              "AND name = 'requests_fingerprint'")) &&
                    query.next();
        }
    }
    QSqlDatabase::removeDatabase("index-check");
    return found;
}
} // namespace

void TestSessionWriter::fingerprintIndexOnlyWhenAsked()
{
    const QString path = m_dir.filePath("index.pnmsession");
    QString error;
    SessionStoreOptions importing{path};
    importing.indexFingerprints = true;
    {
        SessionWriter writer;
        QVERIFY2(writer.open(importing, {}, &error), qPrintable(error));
        QCOMPARE(appendAll(writer, {makeRequest(1, 1), makeRequest(2, 2)}), 2);
    }
    QVERIFY(hasFingerprintIndex(path));
    {
        SessionWriter writer; // recording: the index goes, the rows stay
        QVERIFY2(writer.open({path}, {}, &error), qPrintable(error));
        QCOMPARE(appendAll(writer, {makeRequest(3, 3)}), 1);
    }
    QVERIFY(!hasFingerprintIndex(path));
    {
        SessionWriter writer; // an import later builds it again over every row
        QVERIFY2(writer.open(importing, {}, &error), qPrintable(error));
        writer.close();
    }
    QVERIFY(hasFingerprintIndex(path));
    SessionReader reader;
    QVERIFY(reader.open(path, &error));
    QCOMPARE(reader.count(), 3u);
    QVERIFY(reader.containsFingerprint(RequestRow::fingerprint(makeRequest(3, 3))));
}

// Valid verdicts keep only the verdict, time, leeway and body size in their row; read back, the
// token facts (and so the steps' words) are those the verifier found, for every valid vector.
void TestSessionWriter::validRequestsReadBackWhole()
{
    QString error;
    const QList<test::WebhookVector> vectors = test::loadVectors(&error);
    QVERIFY2(!vectors.isEmpty(), qPrintable(error));
    QList<RecordedRequest> requests;
    for (const test::WebhookVector &vector : vectors) {
        KeyRing keys;
        keys.insert(vector.apiKey, vector.apiSecret);
        RecordedRequest r = makeRequest(quint64(requests.size() + 1), vector.verifyAt * 1000);
        r.headers = vector.headers;
        r.body = vector.body;
        r.verification =
            WebhookVerifier(keys, vector.leewaySecs).verify(r.headers, r.body, vector.verifyAt);
        requests.append(r);
    }
    const QString path = m_dir.filePath("valid.pnmsession");
    {
        SessionWriter writer;
        QVERIFY2(writer.open({path}, {}, &error), qPrintable(error));
        QCOMPARE(appendAll(writer, requests), requests.size());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "facts-check");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec("SELECT count(*) FROM requests WHERE verification LIKE "
                           "'%\"facts_derived\":true%' AND verification NOT LIKE '%jwt_claims%'"));
        QVERIFY(query.next());
        int valid = 0;
        for (const RecordedRequest &r : requests)
            valid += r.verification.isValid() ? 1 : 0;
        QVERIFY(valid > 0);
        QCOMPARE(query.value(0).toInt(), valid);
    }
    QSqlDatabase::removeDatabase("facts-check");
    SessionReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    const QList<RecordedRequest> back = reader.readBatch(0, int(requests.size()));
    QCOMPARE(back.size(), requests.size());
    for (qsizetype i = 0; i < back.size(); ++i) {
        const Verification &got = back.at(i).verification;
        const Verification &sent = requests.at(i).verification;
        QCOMPARE(VerificationCodec::toJson(got), VerificationCodec::toJson(sent));
        QCOMPARE(got.summaryDetail(), sent.summaryDetail());
        const QList<VerificationStep> gotSteps = got.stepList();
        QCOMPARE(gotSteps.size(), sent.stepList().size());
        for (qsizetype step = 0; step < gotSteps.size(); ++step)
            QCOMPARE(gotSteps.at(step).detail, sent.stepList().at(step).detail);
    }
}

// A version 1 session (every fact in each row) is continued and marked version 2, as its new rows
// are; a file of a newer version than this program's is refused by readers and writers alike.
void TestSessionWriter::olderVersionContinuedNewerRefused()
{
    const QString path = m_dir.filePath("versions.pnmsession");
    QString error;
    {
        SessionWriter writer;
        QVERIFY2(writer.open({path}, {}, &error), qPrintable(error));
        QCOMPARE(appendAll(writer, {makeRequest(1, 1)}), 1);
    }
    QCOMPARE(userVersion(path), SessionDatabase::kFormatVersion);
    QCOMPARE(userVersion(path, 1), 1);
    {
        SessionReader reader; // reading leaves it as it is
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QCOMPARE(reader.count(), 1u);
    }
    QCOMPARE(userVersion(path), 1);
    {
        SessionWriter writer;
        QVERIFY2(writer.open({path}, {}, &error), qPrintable(error));
        QCOMPARE(appendAll(writer, {makeRequest(2, 2)}), 1);
    }
    QCOMPARE(userVersion(path), 2);
    QCOMPARE(userVersion(path, 3), 3);
    SessionReader reader;
    QVERIFY(!reader.open(path, &error));
    QVERIFY2(error.endsWith("session format version 3; this program reads up to 2"),
             qPrintable(error));
    SessionWriter writer;
    QVERIFY(!writer.open({path}, {}, &error));
    QVERIFY2(error.contains("session format version 3"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSessionWriter)
#include "tst_sessionwriter.moc"
