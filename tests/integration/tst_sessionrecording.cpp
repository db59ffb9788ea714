// IngestService with a session file: answers wait for the commit, numbering continues across
// runs, and a store that cannot write makes the listener answer 503 + Retry-After and say so.
#include "../support/rawhttpclient.h"
#include "../support/sessionrows.h"
#include "ingest/ingestservice.h"
#include "store/sessionbrowser.h"
#include "store/sessionreader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pnm;
using namespace pnm::test;

class TestSessionRecording : public QObject
{
    Q_OBJECT
private slots:
    void recordsAndContinuesNumbering();
    void removedFileAnswers503();
    void unopenableSessionFailsTheStart();
    void detailPaneFetchesFromTheLiveSession();
    void retentionChangedWhileRecording();

private:
    bool start(IngestService &service, const QString &path);
    QTemporaryDir m_dir;
};

bool TestSessionRecording::start(IngestService &service, const QString &path)
{
    QSignalSpy listening(&service, &IngestService::listening);
    service.setSession({path});
    service.start(QHostAddress::LocalHost, 0, {}, {});
    return listening.wait(5000);
}

void TestSessionRecording::recordsAndContinuesNumbering()
{
    const QString path = m_dir.filePath("run.pnmsession");
    for (int run = 0; run < 2; ++run) {
        IngestService service;
        QSignalSpy opened(&service, &IngestService::sessionOpened);
        QVERIFY(start(service, path));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), path);
        QCOMPARE(opened.at(0).at(1).toULongLong(), quint64(run * 3));
        QCOMPARE(opened.at(0).at(2).toULongLong(), quint64(run * 3)); // the last seq so far
        RawHttpClient client;
        QVERIFY(client.connectTo(service.port()));
        for (int i = 0; i < 3; ++i)
            client.send(rawPost(R"({"event":"room_started","id":"r)" + QByteArray::number(run) +
                                    "-" + QByteArray::number(i) + "\"}",
                                {{"Content-Type", "application/json"}}));
        const QList<RawResponse> responses = client.readResponses(3);
        QCOMPARE(responses.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(responses.at(i).status, 200);
            QCOMPARE(QJsonDocument::fromJson(responses.at(i).body).object().value("seq").toInt(),
                     run * 3 + i + 1);
        }
    }
    SessionReader reader;
    QString error;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.count(), 6u);
    const std::optional<RecordedRequest> fifth = reader.request(5);
    QVERIFY(fifth.has_value());
    QCOMPARE(fifth->event.id, QStringLiteral("r1-1"));
    QCOMPARE(fifth->headers.value("Content-Type"), std::optional<QByteArray>("application/json"));
}

void TestSessionRecording::removedFileAnswers503()
{
    const QString path = m_dir.filePath("removed.pnmsession");
    IngestService service;
    QSignalSpy failed(&service, &IngestService::storeFailed);
    QSignalSpy recorded(&service, &IngestService::requestRecorded);
    QVERIFY(start(service, path));
    QVERIFY(QFile::remove(path));
    RawHttpClient client;
    QVERIFY(client.connectTo(service.port()));
    client.send(rawPost(R"({"event":"room_started"})", {}));
    client.send(rawPost(R"({"event":"room_finished"})", {}));
    const QList<RawResponse> responses = client.readResponses(2);
    QCOMPARE(responses.size(), 2);
    for (const RawResponse &response : responses) {
        QCOMPARE(response.status, 503);
        QCOMPARE(response.header("Retry-After"), QByteArray("1"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 5000);
    QCOMPARE(recorded.at(0).at(0).value<RecordedRequest>().status, 503);
    QCOMPARE(failed.size(), 1); // once per outage, not once per request
    QCOMPARE(failed.at(0).at(0).toString(), path + ": the session file was removed");
}

void TestSessionRecording::unopenableSessionFailsTheStart()
{
    IngestService service;
    QSignalSpy failed(&service, &IngestService::listenFailed);
    service.setSession({m_dir.filePath("no/such/folder/x.pnmsession")});
    service.start(QHostAddress::LocalHost, 0, {}, {});
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).toString(),
             "cannot open the session: " + m_dir.filePath("no/such/folder/x.pnmsession") +
                 ": the folder " + m_dir.filePath("no/such/folder") + " does not exist");
    QVERIFY(!service.isListening());
}

void TestSessionRecording::detailPaneFetchesFromTheLiveSession()
{
    const QString path = m_dir.filePath("live.pnmsession");
    IngestService service;
    QSignalSpy recorded(&service, &IngestService::requestRecorded);
    QVERIFY(start(service, path));
    SessionBrowser browser;
    QSignalSpy opened(&browser, &SessionBrowser::opened);
    QSignalSpy rows(&browser, &SessionBrowser::rowsLoaded);
    QSignalSpy fetched(&browser, &SessionBrowser::requestFetched);
    browser.attach(path);
    QVERIFY(opened.wait(5000));
    QCOMPARE(opened.at(0).at(1).toULongLong(), 0u);

    RawHttpClient client;
    QVERIFY(client.connectTo(service.port()));
    const QByteArray body = R"({"event":"room_finished","id":"live-1"})";
    client.send(rawPost(body, {{"X-Trace", "abc"}}));
    QCOMPARE(client.readResponse().status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 5000);
    // The answer came after the commit, so the row is there for a reader at once.
    browser.fetch(recorded.at(0).at(0).value<RecordedRequest>().seq);
    QVERIFY(fetched.wait(5000));
    const auto request = fetched.at(0).at(0).value<RecordedRequest>();
    QCOMPARE(request.body, body);
    QCOMPARE(request.headers.value("X-Trace"), std::optional<QByteArray>("abc"));
    QVERIFY(rows.isEmpty());
}

void TestSessionRecording::retentionChangedWhileRecording()
{
    // Settings give new limits while the file is recorded: they apply to it at once, with no
    // restart of the listener (its connection stays open).
    const QString path = m_dir.filePath("limits.pnmsession");
    IngestService service;
    QVERIFY(start(service, path));
    RawHttpClient client;
    QVERIFY(client.connectTo(service.port()));
    const auto post = [&client](int count) {
        for (int i = 0; i < count; ++i)
            client.send(rawPost(R"({"event":"room_started"})", {}));
        return client.readResponses(count).size();
    };
    QCOMPARE(post(30), 30);
    QCOMPARE(countRows(path), 30);
    service.setSession({path, 10, 0});
    QTRY_COMPARE_WITH_TIMEOUT(countRows(path), 10, 10000);
    QCOMPARE(readNumber(path, QStringLiteral("SELECT min(seq) FROM requests")), 21);
    // No limits again: what arrives from now on is kept.
    service.setSession({path});
    QCOMPARE(post(5), 5);
    QCOMPARE(countRows(path), 15);
}

QTEST_GUILESS_MAIN(TestSessionRecording)
#include "tst_sessionrecording.moc"
