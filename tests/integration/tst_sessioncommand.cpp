// The command-line session work as a script runs it: the real executable with no display, on
// session files made with the store API. --open FILE --export OUT in each format (from the
// name, or --format), with --filter and what it says when a filter matches nothing; --import into
// a session, twice (the second time everything is recognised as already there); and the exit
// status and message for a file that is not there.
#include "../gui/sessionfixture.h"
#include "../support/monitorprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pnm;
using namespace pnm::test;

namespace {
constexpr int kRows = 40; // alternating room_started in room-a and participant_joined in room-b
} // namespace

class TestSessionCommand : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void exportsEachFormat_data();
    void exportsEachFormat();
    void filterNarrowsAndSaysSo();
    void importTwiceAddsOnce();
    void missingSessionExits1();

private:
    // Runs the monitor with `arguments` and no display; its exit code, stderr in *standardError.
    int run(const QStringList &arguments, QByteArray *standardError);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_session;
};

void TestSessionCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = m_dir->filePath(QStringLiteral("saved.pnmsession"));
    QString error;
    QVERIFY2(writeSession(m_session, kRows, &error), qPrintable(error));
}

int TestSessionCommand::run(const QStringList &arguments, QByteArray *standardError)
{
    // "Works without a display, for scripts": nothing to connect to, and no platform forced.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    MonitorProcess monitor(arguments, env);
    const bool finished = monitor.process().waitForFinished(30000);
    *standardError = monitor.standardError();
    return finished && monitor.process().exitStatus() == QProcess::NormalExit
               ? monitor.process().exitCode()
               : -1;
}

void TestSessionCommand::exportsEachFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("formatOption");
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("json") << "out.json" << QStringList() << ExportFormat::Json;
    QTest::newRow("ndjson") << "out.ndjson" << QStringList() << ExportFormat::Ndjson;
    QTest::newRow("csv") << "out.csv" << QStringList() << ExportFormat::Csv;
    QTest::newRow("har") << "out.har" << QStringList() << ExportFormat::Har;
    QTest::newRow("har named otherwise")
        << "requests.txt" << QStringList{"--format", "har"} << ExportFormat::Har;
}

void TestSessionCommand::exportsEachFormat()
{
    QFETCH(QString, name);
    QFETCH(QStringList, formatOption);
    QFETCH(ExportFormat, format);
    const QString out = m_dir->filePath(name);
    QByteArray standardError;
    QCOMPARE(run(QStringList{"--open", m_session, "--export", out} + formatOption, &standardError),
             0);
    QCOMPARE(exportedCount(out, format), kRows);
    QVERIFY2(standardError.contains(QStringLiteral("exported %1 requests from %2 to %3 (%4)")
                                        .arg(kRows)
                                        .arg(m_session, out, exportFormatName(format))
                                        .toUtf8()),
             standardError.constData());
}

void TestSessionCommand::filterNarrowsAndSaysSo()
{
    const QString out = m_dir->filePath(QStringLiteral("joined.ndjson"));
    QByteArray standardError;
    QCOMPARE(run({"--open", m_session, "--export", out, "--filter",
                  "event:participant_joined room:room-b"},
                 &standardError),
             0);
    QCOMPARE(exportedCount(out, ExportFormat::Ndjson), kRows / 2);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            QVERIFY2(line.contains("participant_joined"), line.constData());
    }
    QVERIFY2(standardError.contains(QStringLiteral("the filter matched %1 of %2 requests\n")
                                        .arg(kRows / 2)
                                        .arg(kRows)
                                        .toUtf8()),
             standardError.constData());

    // A mistyped key is a word to search for; finding nothing is not an error, but it is said.
    QCOMPARE(run({"--open", m_session, "--export", out, "--filter", "evnt:participant_joined"},
                 &standardError),
             0);
    QCOMPARE(exportedCount(out, ExportFormat::Ndjson), 0);
    QVERIFY2(standardError.contains(QStringLiteral("the filter matched 0 of %1 requests (words "
                                                   "other than event:, room: and verdict: are "
                                                   "searched for as text)")
                                        .arg(kRows)
                                        .toUtf8()),
             standardError.constData());

    // A bad verdict is an error before anything is written.
    QCOMPARE(
        run({"--open", m_session, "--export", out, "--filter", "verdict:fine"}, &standardError), 2);
    QVERIFY2(standardError.contains("verdict:fine: expected valid, failed or unverified"),
             standardError.constData());
}

void TestSessionCommand::importTwiceAddsOnce()
{
    const QString exported = m_dir->filePath(QStringLiteral("all.ndjson"));
    const QString target = m_dir->filePath(QStringLiteral("imported.pnmsession"));
    QByteArray standardError;
    QCOMPARE(run({"--open", m_session, "--export", exported}, &standardError), 0);
    QCOMPARE(run({"--session", target, "--import", exported}, &standardError), 0);
    QVERIFY2(standardError.contains(QStringLiteral("imported %1 requests from %2 into %3 (0 "
                                                   "already there)")
                                        .arg(kRows)
                                        .arg(exported, target)
                                        .toUtf8()),
             standardError.constData());
    QCOMPARE(run({"--session", target, "--import", exported}, &standardError), 0);
    QVERIFY2(standardError.contains(QStringLiteral("imported 0 requests from %1 into %2 (%3 "
                                                   "already there)")
                                        .arg(exported, target)
                                        .arg(kRows)
                                        .toUtf8()),
             standardError.constData());
    // What went in comes out again the same: the round trip of the NDJSON export.
    const QString again = m_dir->filePath(QStringLiteral("again.ndjson"));
    QCOMPARE(run({"--open", target, "--export", again}, &standardError), 0);
    QFile first(exported), second(again);
    QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
    QCOMPARE(second.readAll(), first.readAll());
}

void TestSessionCommand::missingSessionExits1()
{
    const QString missing = m_dir->filePath(QStringLiteral("missing.pnmsession"));
    const QString out = m_dir->filePath(QStringLiteral("never.json"));
    QByteArray standardError;
    QCOMPARE(run({"--open", missing, "--export", out}, &standardError), 1);
    QVERIFY2(standardError.contains(QStringLiteral("%1: no such file").arg(missing).toUtf8()),
             standardError.constData());
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestSessionCommand)
#include "tst_sessioncommand.moc"
