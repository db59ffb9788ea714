// The monitor's command line: what to listen on, which keys, which limits, headless or not.
// Parsed into a value type so tests can check it without starting anything.
#pragma once

#include "http/httprequest.h"
#include "ingest/ingestoptions.h"
#include "sessionoptions.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStringList>

namespace pnm {

struct MonitorOptions
{
    static constexpr quint16 kDefaultPort = 8787;

    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = kDefaultPort;
    HttpLimits limits;
    IngestOptions ingest;
    bool headless = false;
    SessionOptions session; // recording, retention, export and import (sessionoptions.h)

    // Parses argv. On --help/--version, *exitCode is set to 0 and text holds what to print; on an
    // error, *exitCode is 2 and text says what is wrong. Otherwise *exitCode stays -1.
    static MonitorOptions parse(const QStringList &arguments, const QProcessEnvironment &env,
                                int *exitCode, QString *text);
};

// "127.0.0.1:8787", "[::1]:8787", ":8787", "0.0.0.0", "8787". False with *error on nonsense.
bool parseListenSpec(const QString &spec, QHostAddress *address, quint16 *port, QString *error);
// Lines "KEY:SECRET"; blank lines and lines starting with '#' are skipped.
bool loadKeysFile(const QString &path, KeyRing *keys, QString *error);

} // namespace pnm
