// SessionBrowser streams a session to the calling thread in batches and fetches one request
// whole by seq; SessionJob exports and imports off the calling thread.
#include "store/sessionbrowser.h"
#include "store/sessionjob.h"
#include "store/sessionwriter.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pnm;

namespace {
constexpr int kRows = 5000;

RecordedRequest makeRequest(quint64 seq)
{
    RecordedRequest r;
    r.seq = seq;
    r.receivedAtMs = 1700000000000 + qint64(seq);
    r.method = "POST";
    r.target = "/";
    r.headers = {{"Content-Type", "application/json"}};
    r.body = "{\"event\":\"track_published\",\"id\":\"t" + QByteArray::number(seq) + "\"}";
    r.status = 200;
    return r;
}
} // namespace

class TestSessionBrowser : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void streamsInBatches();
    void fetchesOneWhole();
    void badFileFailsToOpen();
    void jobExportsAndImports();

private:
    QTemporaryDir m_dir;
    QString m_session;
};

void TestSessionBrowser::initTestCase()
{
    m_session = m_dir.filePath("browse.pnmsession");
    SessionWriter writer;
    QString error;
    QVERIFY(writer.open({m_session}, {}, &error));
    for (quint64 seq = 1; seq <= kRows; ++seq)
        writer.append(makeRequest(seq), {});
    writer.close();
}

void TestSessionBrowser::streamsInBatches()
{
    SessionBrowser browser;
    browser.setBatchRows(1000);
    QSignalSpy opened(&browser, &SessionBrowser::opened);
    QSignalSpy rows(&browser, &SessionBrowser::rowsLoaded);
    QSignalSpy finished(&browser, &SessionBrowser::loadFinished);
    browser.open(m_session);
    QVERIFY(finished.wait(10000));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(1).toULongLong(), quint64(kRows));
    QCOMPARE(rows.size(), kRows / 1000);
    quint64 expectedSeq = 1;
    for (const QList<QVariant> &batch : rows) {
        const auto list = batch.at(0).value<QList<RecordedRequest>>();
        QCOMPARE(list.size(), 1000);
        for (const RecordedRequest &row : list) {
            QCOMPARE(row.seq, expectedSeq++);
            QVERIFY(row.body.isEmpty()); // light rows
            QCOMPARE(row.bodySize(), makeRequest(row.seq).body.size());
            QCOMPARE(row.event.event, QStringLiteral("track_published"));
        }
    }
    QCOMPARE(finished.at(0).at(0).toULongLong(), quint64(kRows));
}

void TestSessionBrowser::fetchesOneWhole()
{
    SessionBrowser browser;
    QSignalSpy finished(&browser, &SessionBrowser::loadFinished);
    QSignalSpy fetched(&browser, &SessionBrowser::requestFetched);
    QSignalSpy failed(&browser, &SessionBrowser::fetchFailed);
    browser.open(m_session);
    browser.fetch(1234); // queued behind the open, ahead of most of the load
    browser.fetch(kRows + 1);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(fetched.size(), 1);
    const auto request = fetched.at(0).at(0).value<RecordedRequest>();
    QCOMPARE(request.body, makeRequest(1234).body);
    QCOMPARE(request.headers, makeRequest(1234).headers);
    QCOMPARE(failed.at(0).at(1).toString(),
             m_session + ": no request 5001 (a retention limit may have removed it)");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
}

void TestSessionBrowser::badFileFailsToOpen()
{
    SessionBrowser browser;
    QSignalSpy failed(&browser, &SessionBrowser::openFailed);
    browser.open(m_dir.filePath("missing.pnmsession"));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).toString(),
             m_dir.filePath("missing.pnmsession") + ": no such file");
}

void TestSessionBrowser::jobExportsAndImports()
{
    SessionJob job;
    QSignalSpy exported(&job, &SessionJob::exportFinished);
    QSignalSpy progress(&job, &SessionJob::progressed);
    ExportOptions options;
    options.format = ExportFormat::Ndjson;
    const QString out = m_dir.filePath("job.ndjson");
    job.startExport(m_session, out, options);
    QVERIFY(exported.wait(10000));
    const auto result = exported.at(0).at(0).value<ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.written, quint64(kRows));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(0).toULongLong(), quint64(kRows));

    QSignalSpy imported(&job, &SessionJob::importFinished);
    job.startImport(m_dir.filePath("job.pnmsession"), out, {});
    QVERIFY(imported.wait(10000));
    QCOMPARE(imported.at(0).at(0).value<ImportResult>().imported, quint64(kRows));
}

QTEST_GUILESS_MAIN(TestSessionBrowser)
#include "tst_sessionbrowser.moc"
