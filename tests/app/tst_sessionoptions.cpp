// The session part of the command line: recording choices, retention, export and import, the
// mistakes a user can make, and where the default session file goes (never the real home here).
#include "monitoroptions.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace pnm;

namespace {
MonitorOptions parse(const QStringList &args, int *exitCode, QString *text)
{
    return MonitorOptions::parse(QStringList{"pnm-webhook-monitor"} + args, {}, exitCode, text);
}
} // namespace

class TestSessionOptions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void defaultsRecordANewFile();
    void choices();
    void openAloneBrowsesInAWindow();
    void badCombinations_data();
    void badCombinations();
    void formatFromName();
};

void TestSessionOptions::defaultsRecordANewFile()
{
    int exitCode = 0;
    QString text;
    const MonitorOptions options = parse({}, &exitCode, &text);
    QCOMPARE(exitCode, -1);
    QVERIFY(options.session.record);
    QVERIFY(!options.session.isCommand());
    QString error;
    const SessionStoreOptions store = options.session.storeOptions(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The folder README names (under ~/.local/share, here the test mode's), also with the
    // organization name the window sets for its settings.
    QCoreApplication::setOrganizationName(QStringLiteral("pnm-webhook-monitor"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                           "/pnm-webhook-monitor/sessions";
    QCOMPARE(QFileInfo(store.path).absolutePath(), folder);
    QVERIFY(store.path.endsWith(".pnmsession"));
    QVERIFY(QFileInfo(folder).isDir());
}

void TestSessionOptions::choices()
{
    int exitCode = 0;
    QString text;
    MonitorOptions options =
        parse({"--session", "/tmp/a.pnmsession", "--retain-count", "1000", "--retain-age", "12h"},
              &exitCode, &text);
    QCOMPARE(exitCode, -1);
    QString error;
    SessionStoreOptions store = options.session.storeOptions(&error);
    QCOMPARE(store.path, QStringLiteral("/tmp/a.pnmsession"));
    QCOMPARE(store.maxRequests, 1000);
    QCOMPARE(store.maxAgeSecs, 12 * 3600);

    options = parse({"--no-session"}, &exitCode, &text);
    QVERIFY(!options.session.storeOptions(&error).isEnabled());

    options =
        parse({"--open", "s.pnmsession", "--export", "out.har", "--redact"}, &exitCode, &text);
    QCOMPARE(exitCode, -1);
    QVERIFY(options.session.isCommand());
    QVERIFY(options.session.redact);
    QCOMPARE(options.session.exportPath, QStringLiteral("out.har"));

    options = parse(
        {"--session", "s.pnmsession", "--import", "a.json", "--import", "b.har", "--format", "HAR"},
        &exitCode, &text);
    QCOMPARE(exitCode, -1);
    QCOMPARE(options.session.importPaths, QStringList({"a.json", "b.har"}));
    QCOMPARE(options.session.format, QStringLiteral("har"));
}

void TestSessionOptions::openAloneBrowsesInAWindow()
{
    int exitCode = 0;
    QString text;
    const MonitorOptions options = parse({"--open", "s.pnmsession"}, &exitCode, &text);
    QCOMPARE(exitCode, -1);
    QVERIFY(!options.session.isCommand()); // the monitor runs; the window opens the file
    QCOMPARE(options.session.openPath, QStringLiteral("s.pnmsession"));
    // The help says so rather than claiming --open needs --export.
    parse({"--help"}, &exitCode, &text);
    QCOMPARE(exitCode, 0);
    const QString help = text.simplified();
    QVERIFY2(help.contains(QStringLiteral("--open <FILE> Browse this session file read-only in a "
                                          "window of its own beside the live one (needs a "
                                          "display). With --export: write it out and exit")),
             qPrintable(text));
}

void TestSessionOptions::badCombinations_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("export without open")
        << QStringList{"--export", "x.json"} << "--export needs --open FILE: the session to export";
    QTest::newRow("import without session")
        << QStringList{"--import", "x.json"}
        << "--import needs --session FILE: the session to import into";
    QTest::newRow("both session flags") << QStringList{"--session", "a", "--no-session"}
                                        << "--session and --no-session contradict each other";
    QTest::newRow("unknown format") << QStringList{"--format", "xml"}
                                    << "--format must be one of json, ndjson, csv, har, not 'xml'";
    QTest::newRow("format from name")
        << QStringList{"--open", "a", "--export", "out.txt"}
        << "cannot tell the export format from 'out.txt'; add --format";
    QTest::newRow("retain count") << QStringList{"--retain-count", "0"}
                                  << "--retain-count needs a whole number of at least 1, not '0'";
    // An import stores the file as it is; redaction and retention would be silently skipped.
    QTest::newRow("redact with import")
        << QStringList{"--session", "s", "--import", "a.json", "--redact"}
        << "--redact applies to --export; add --open FILE --export OUT";
    QTest::newRow("redact alone") << QStringList{"--redact"}
                                  << "--redact applies to --export; add --open FILE --export OUT";
    QTest::newRow("retain with import")
        << QStringList{"--session", "s", "--import", "a.json", "--retain-count", "10"}
        << "--retain-count and --retain-age apply while recording, not to --import, --export or "
           "--no-session";
    QTest::newRow("retain with export")
        << QStringList{"--open", "s", "--export", "a.json", "--retain-age", "1h"}
        << "--retain-count and --retain-age apply while recording, not to --import, --export or "
           "--no-session";
    QTest::newRow("retain without a session")
        << QStringList{"--no-session", "--retain-count", "5"}
        << "--retain-count and --retain-age apply while recording, not to --import, --export or "
           "--no-session";
    QTest::newRow("retain age") << QStringList{"--retain-age", "soon"}
                                << "--retain-age needs a duration such as 90s, 30m, 12h or 7d, "
                                   "not 'soon'";
}

void TestSessionOptions::badCombinations()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    int exitCode = 0;
    QString text;
    parse(args, &exitCode, &text);
    QCOMPARE(exitCode, 2);
    QCOMPARE(text, error);
}

void TestSessionOptions::formatFromName()
{
    QCOMPARE(SessionOptions::formatForPath("a/b.JSON"), QStringLiteral("json"));
    QCOMPARE(SessionOptions::formatForPath("x.jsonl"), QStringLiteral("ndjson"));
    QCOMPARE(SessionOptions::formatForPath("x.har"), QStringLiteral("har"));
    QCOMPARE(SessionOptions::formatForPath("x"), QString());
}

QTEST_GUILESS_MAIN(TestSessionOptions)
#include "tst_sessionoptions.moc"
