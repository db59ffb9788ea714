#include "sessionoptions.h"

#include "events/eventfilterexpression.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace pnm {

namespace {
const QStringList kFormats{QStringLiteral("json"), QStringLiteral("ndjson"), QStringLiteral("csv"),
                           QStringLiteral("har")};

// "30d", "12h", "15m", "90s" or plain seconds.
bool parseDuration(const QString &text, qint64 *secs)
{
    static const QList<QPair<QChar, qint64>> units{{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}};
    QString number = text.trimmed();
    qint64 factor = 1;
    for (const auto &[suffix, seconds] : units) {
        if (number.endsWith(suffix)) {
            number.chop(1);
            factor = seconds;
            break;
        }
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    if (!ok || value < 1)
        return false;
    *secs = value * factor;
    return true;
}
} // namespace

void SessionOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {"session",
         "Record into this session file (created, or continued if it exists). Default: a new "
         "file per launch in the application data folder.",
         "FILE"},
        {"no-session", "Keep nothing on disk (answers do not wait for a commit)."},
        {"retain-count", "Keep at most this many requests in the session (oldest go first).", "N"},
        {"retain-age", "Drop requests older than this (e.g. 90s, 30m, 12h, 7d).", "AGE"},
        {"open",
         "Browse this session file read-only in a window of its own beside the live one (needs "
         "a display). With --export: write it out and exit (no display needed).",
         "FILE"},
        {"export", "Write the --open session to OUT and exit.", "OUT"},
        {"format",
         "Export or import format: json, ndjson, csv or har (default: from the file name).",
         "FORMAT"},
        {"redact", "Export with participant names, identities and metadata replaced."},
        {"filter",
         "Export only the requests that match, e.g. 'event:participant_joined,participant_left "
         "room:room01 verdict:failed alice' (verdict: valid, failed, unverified; other words "
         "are searched in the decoded fields).",
         "EXPR"},
        {"import",
         "Import a JSON, NDJSON or HAR file into the --session file, re-verified with the "
         "configured keys, and exit (repeatable).",
         "FILE"},
    });
}

bool SessionOptions::read(const QCommandLineParser &parser, QString *error)
{
    record = !parser.isSet("no-session");
    sessionPath = parser.value("session");
    openPath = parser.value("open");
    exportPath = parser.value("export");
    format = parser.value("format").toLower();
    redact = parser.isSet("redact");
    filter = parser.value("filter");
    importPaths = parser.values("import");
    if (parser.isSet("session") && !record) {
        *error = QStringLiteral("--session and --no-session contradict each other");
        return false;
    }
    if (parser.isSet("retain-count")) {
        bool ok = false;
        retainCount = parser.value("retain-count").toLongLong(&ok);
        if (!ok || retainCount < 1) {
            *error = QStringLiteral("--retain-count needs a whole number of at least 1, not '%1'")
                         .arg(parser.value("retain-count"));
            return false;
        }
    }
    if (parser.isSet("retain-age") && !parseDuration(parser.value("retain-age"), &retainAgeSecs)) {
        *error = QStringLiteral("--retain-age needs a duration such as 90s, 30m, 12h or 7d, not "
                                "'%1'")
                     .arg(parser.value("retain-age"));
        return false;
    }
    if (!format.isEmpty() && !kFormats.contains(format)) {
        *error = QStringLiteral("--format must be one of %1, not '%2'")
                     .arg(kFormats.join(QStringLiteral(", ")), format);
        return false;
    }
    if (!exportPath.isEmpty() && openPath.isEmpty()) {
        *error = QStringLiteral("--export needs --open FILE: the session to export");
        return false;
    }
    if (!filter.isEmpty() && exportPath.isEmpty()) {
        *error = QStringLiteral("--filter applies to --export; add --open FILE --export OUT");
        return false;
    }
    if (!filter.isEmpty() && !parseEventFilterExpression(filter, error)) {
        *error = QStringLiteral("--filter: %1").arg(*error);
        return false;
    }
    if (redact && exportPath.isEmpty()) {
        // An import stores what the file holds; only what leaves the program is redacted.
        *error = QStringLiteral("--redact applies to --export; add --open FILE --export OUT");
        return false;
    }
    const bool retains = parser.isSet("retain-count") || parser.isSet("retain-age");
    if (retains && (!importPaths.isEmpty() || !exportPath.isEmpty() || !record)) {
        *error = QStringLiteral("--retain-count and --retain-age apply while recording, not to "
                                "--import, --export or --no-session");
        return false;
    }
    if (!importPaths.isEmpty() && sessionPath.isEmpty()) {
        *error = QStringLiteral("--import needs --session FILE: the session to import into");
        return false;
    }
    if (!exportPath.isEmpty() && format.isEmpty() && formatForPath(exportPath).isEmpty()) {
        *error =
            QStringLiteral("cannot tell the export format from '%1'; add --format").arg(exportPath);
        return false;
    }
    return true;
}

QString SessionOptions::defaultFolder()
{
    // Spelled out rather than AppDataLocation, which adds the organization name when one is set:
    // the window sets one (for its settings file) and the headless monitor does not, and both
    // must record where README says, ~/.local/share/pnm-webhook-monitor/sessions.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/pnm-webhook-monitor/sessions");
}

SessionStoreOptions SessionOptions::storeOptions(QString *error) const
{
    SessionStoreOptions store;
    store.maxRequests = retainCount;
    store.maxAgeSecs = retainAgeSecs;
    if (!record)
        return store;
    if (!sessionPath.isEmpty()) {
        store.path = sessionPath;
        return store;
    }
    const QString folder = defaultFolder();
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create the sessions folder %1").arg(folder);
        return store;
    }
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = QStringLiteral("%1/session-%2.pnmsession").arg(folder, stamp);
    // Two launches in the same second get distinct files.
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QStringLiteral("%1/session-%2-%3.pnmsession").arg(folder, stamp).arg(n);
    store.path = path;
    return store;
}

QString SessionOptions::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("jsonl"))
        return QStringLiteral("ndjson");
    return kFormats.contains(suffix) ? suffix : QString();
}

} // namespace pnm
