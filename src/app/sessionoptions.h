// The session part of the monitor's command line: where requests are recorded (--session,
// --no-session, retention) and the one-shot commands on session files (--open with --export,
// --import). A value type filled by MonitorOptions::parse; nothing here touches the disk.
#pragma once

#include "store/sessionstoreoptions.h"

#include <QCommandLineParser>
#include <QStringList>

namespace pnm {

struct SessionOptions
{
    bool record = true;  // --no-session clears it
    QString sessionPath; // --session FILE; empty means a new file per launch
    qint64 retainCount = 0;
    qint64 retainAgeSecs = 0;

    QString openPath;        // --open FILE: exported with --export, else browsed in a window
    QString exportPath;      // --export OUT
    QString format;          // --format json|ndjson|csv|har; empty: from the file name
    bool redact = false;     // --redact
    QString filter;          // --filter EXPR: export only what matches (eventfilterexpression.h)
    QStringList importPaths; // --import FILE (repeatable)

    // True when the run is a command on files (export or import) rather than a listener.
    bool isCommand() const { return !exportPath.isEmpty() || !importPaths.isEmpty(); }

    static void addOptions(QCommandLineParser &parser);
    // Reads what addOptions() declared after parsing; false with *error on a bad combination.
    bool read(const QCommandLineParser &parser, QString *error);

    // The store settings for this launch: the chosen file, or a new file named after the moment
    // of launch in defaultFolder() (created if missing).
    SessionStoreOptions storeOptions(QString *error) const;
    // Where sessions are recorded unless --session says otherwise: the user's data folder
    // (XDG_DATA_HOME, ~/.local/share) /pnm-webhook-monitor/sessions.
    static QString defaultFolder();
    // "json", "ndjson", "csv" or "har" for a file name, from its extension; empty if unknown.
    static QString formatForPath(const QString &path);
};

} // namespace pnm
