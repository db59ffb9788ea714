// "An event we answered 200 is on disk": the real monitor records into a session file under
// load from several keep-alive connections and is killed with SIGKILL mid-stream. Every request
// that got a 2xx must then be in the file, under the sequence number its answer named, and the
// file must open and pass SQLite's integrity check.
#include "../support/monitorprocess.h"
#include "../support/sessionrows.h"
#include "store/sessionwriter.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>
#include <memory>

using namespace pnm;
using namespace pnm::test;

namespace {
constexpr int kConnections = 8;
constexpr int kAnsweredBeforeKill = 600; // bounded load: the kill comes once this many are in
constexpr int kTestTimeoutMs = 60000;

QByteArray bodyFor(int connection, int n)
{
    return QStringLiteral("{\"event\":\"room_started\",\"id\":\"crash-%1-%2\","
                          "\"room\":{\"room_id\":\"crash-room\",\"sid\":\"RM_x\"}}")
        .arg(connection)
        .arg(n)
        .toUtf8();
}

// One keep-alive connection that posts a new request as soon as the previous one is answered.
class LoadConnection
{
public:
    LoadConnection(int index, quint16 port, QHash<QString, quint64> *acknowledged)
        : m_index(index), m_acknowledged(acknowledged)
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, [this] { sendNext(); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { readAnswers(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    void stop() { m_stopped = true; }

private:
    void sendNext()
    {
        if (m_stopped)
            return;
        ++m_sent;
        const QByteArray body = bodyFor(m_index, m_sent);
        m_socket.write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                       "application/json\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    void readAnswers()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = m_buffer.left(headEnd);
            static const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
            const auto match = length.match(QString::fromLatin1(head));
            const qsizetype bodyBytes = match.hasMatch() ? match.captured(1).toLongLong() : 0;
            if (m_buffer.size() < headEnd + 4 + bodyBytes)
                return;
            const int status = head.mid(9, 3).toInt();
            const QJsonObject answer =
                QJsonDocument::fromJson(m_buffer.mid(headEnd + 4, bodyBytes)).object();
            m_buffer.remove(0, headEnd + 4 + bodyBytes);
            if (status >= 200 && status < 300)
                m_acknowledged->insert(QStringLiteral("crash-%1-%2").arg(m_index).arg(m_sent),
                                       quint64(answer.value("seq").toInteger()));
            sendNext();
        }
    }

    int m_index;
    QHash<QString, quint64> *m_acknowledged;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_sent = 0;
    bool m_stopped = false;
};
} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT
private slots:
    void everyAnsweredRequestSurvivesSigkill();
};

void TestCrashRecovery::everyAnsweredRequestSurvivesSigkill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString session = dir.filePath("crash.pnmsession");

    MonitorProcess monitor({"--headless", "--listen", "127.0.0.1:0", "--session", session});
    const quint16 port = monitor.waitForPort();
    QVERIFY2(port != 0, monitor.standardError().constData());
    QVERIFY(monitor.standardError().contains("recording into " + session.toUtf8()));

    QHash<QString, quint64> acknowledged;
    std::vector<std::unique_ptr<LoadConnection>> connections;
    for (int i = 0; i < kConnections; ++i)
        connections.push_back(std::make_unique<LoadConnection>(i, port, &acknowledged));
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= kAnsweredBeforeKill, kTestTimeoutMs);

    // Killed while every connection still has a request in flight.
    ::kill(pid_t(monitor.process().processId()), SIGKILL);
    QVERIFY(monitor.process().waitForFinished(10000));
    QCOMPARE(monitor.process().exitStatus(), QProcess::CrashExit);
    for (auto &connection : connections)
        connection->stop();
    const QHash<QString, quint64> answered = acknowledged; // answers cannot grow any more

    QString error;
    const QHash<QString, quint64> stored = readEventSeqs(session, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(stored.size() >= answered.size());
    for (auto it = answered.begin(); it != answered.end(); ++it) {
        QVERIFY2(stored.contains(it.key()), qPrintable(it.key() + " was answered 2xx but lost"));
        QCOMPARE(stored.value(it.key()), it.value());
    }
    qInfo("%lld answered with 2xx before SIGKILL, %lld in the file", qint64(answered.size()),
          qint64(stored.size()));

    // The killed process's lock is stale: recording can continue, numbering after the last.
    SessionWriter writer;
    QVERIFY2(writer.open({session}, {}, &error), qPrintable(error));
    QCOMPARE(writer.countAtOpen(), quint64(stored.size()));
    QCOMPARE(writer.lastSequenceAtOpen(), *std::max_element(stored.begin(), stored.end()));
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
