// SessionPrefetcher reads a session on a thread of its own, ahead of its caller: every request
// in order, errors that name the file, and no wait when the caller stops early.
#include "store/sessionprefetcher.h"
#include "store/sessionwriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pnm;

namespace {
RecordedRequest makeRequest(quint64 seq, qsizetype bodyBytes)
{
    RecordedRequest r;
    r.seq = seq;
    r.receivedAtMs = 1700000000000 + qint64(seq);
    r.remoteAddress = QStringLiteral("127.0.0.1");
    r.remotePort = 40000;
    r.method = "POST";
    r.target = "/webhook";
    r.httpVersion = "HTTP/1.1";
    r.headers = {{"Content-Type", "application/json"}};
    r.body = QByteArray(R"({"event":"room_started","id":"e-)") + QByteArray::number(seq) +
             R"(","pad":")" + QByteArray(bodyBytes, 'x') + "\"}";
    r.status = 200;
    return r;
}

bool writeSession(const QString &path, quint64 count, qsizetype bodyBytes, QString *error)
{
    SessionWriter writer;
    if (!writer.open({path}, {}, error))
        return false;
    for (quint64 seq = 1; seq <= count; ++seq)
        writer.append(makeRequest(seq, bodyBytes), {});
    writer.close(); // commits what is queued
    return true;
}
} // namespace

class TestSessionPrefetcher : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readsEveryRequestInOrder_data();
    void readsEveryRequestInOrder();
    void filesThatCannotBeReadAreErrors();
    void stoppingEarlyDoesNotWaitForTheRest();
    void damageFoundWhileReadingIsAnError();

private:
    QTemporaryDir m_dir;
    QString m_session;
    static constexpr quint64 kRequests = 25;
};

void TestSessionPrefetcher::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_session = m_dir.filePath(QStringLiteral("small.pnmsession"));
    QString error;
    QVERIFY2(writeSession(m_session, kRequests, 10, &error), qPrintable(error));
}

void TestSessionPrefetcher::readsEveryRequestInOrder_data()
{
    QTest::addColumn<int>("batchRows");
    QTest::newRow("one per batch") << 1;
    QTest::newRow("uneven batches") << 4;
    QTest::newRow("one batch for all") << 1000;
}

void TestSessionPrefetcher::readsEveryRequestInOrder()
{
    QFETCH(int, batchRows);
    SessionPrefetcher reader;
    QString error;
    QVERIFY2(reader.open(m_session, batchRows, &error), qPrintable(error));
    QCOMPARE(reader.count(), kRequests);
    quint64 expected = 0;
    for (;;) {
        const QList<RecordedRequest> batch = reader.next(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (batch.isEmpty())
            break;
        QVERIFY(batch.size() <= batchRows);
        for (const RecordedRequest &request : batch) {
            QCOMPARE(request.seq, ++expected);
            QCOMPARE(request.body, makeRequest(expected, 10).body);
            QCOMPARE(request.event.id, QStringLiteral("e-%1").arg(expected));
        }
    }
    QCOMPARE(expected, kRequests);
    // The end stays the end.
    QVERIFY(reader.next(&error).isEmpty());
    QVERIFY(error.isEmpty());
}

void TestSessionPrefetcher::filesThatCannotBeReadAreErrors()
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.pnmsession"));
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a session\n");
    file.close();
    for (const QString &path : {missing, text}) {
        SessionPrefetcher reader;
        QString error;
        QVERIFY(!reader.open(path, 10, &error));
        QVERIFY2(error.startsWith(path + u':'), qPrintable(error));
    }
}

void TestSessionPrefetcher::stoppingEarlyDoesNotWaitForTheRest()
{
    // The reading thread is blocked with two batches ready; destroying the reader must end it.
    SessionPrefetcher reader;
    QString error;
    QVERIFY2(reader.open(m_session, 1, &error), qPrintable(error));
    QCOMPARE(reader.next(&error).size(), 1);
}

void TestSessionPrefetcher::damageFoundWhileReadingIsAnError()
{
    // Big enough that most of it is not read (nor cached) when the damage is done.
    const QString path = m_dir.filePath(QStringLiteral("damaged.pnmsession"));
    QString error;
    QVERIFY2(writeSession(path, 3000, 8000, &error), qPrintable(error));
    SessionPrefetcher reader;
    QVERIFY2(reader.open(path, 10, &error), qPrintable(error));
    QCOMPARE(reader.next(&error).size(), 10);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > 20'000'000);
    QVERIFY(file.seek(size / 2));
    QCOMPARE(file.write(QByteArray(size / 2, '\xa5')), size / 2);
    file.close();
    quint64 read = 10;
    for (;;) {
        const QList<RecordedRequest> batch = reader.next(&error);
        if (batch.isEmpty())
            break;
        read += quint64(batch.size());
    }
    QVERIFY2(read < 3000, qPrintable(QString::number(read)));
    QVERIFY2(error.startsWith(path + u':'), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSessionPrefetcher)
#include "tst_sessionprefetcher.moc"
