#include "monitoroptions.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace pnm {

namespace {
constexpr auto kKeysEnvironmentVariable = "PNM_WEBHOOK_KEYS";

bool parsePositive(const QString &text, qint64 minimum, qint64 *out)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum)
        return false;
    *out = value;
    return true;
}
} // namespace

bool parseListenSpec(const QString &spec, QHostAddress *address, quint16 *port, QString *error)
{
    QString host = spec.trimmed();
    QString portText;
    if (host.startsWith('[')) { // [v6]:port
        const qsizetype close = host.indexOf(']');
        if (close < 0) {
            *error = QStringLiteral("'%1': missing ']' after an IPv6 address").arg(spec);
            return false;
        }
        portText = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!portText.isEmpty() && !portText.startsWith(':')) {
            *error = QStringLiteral("'%1': expected ':PORT' after ']'").arg(spec);
            return false;
        }
        portText = portText.mid(1);
    } else if (host.count(':') == 1) {
        portText = host.section(':', 1);
        host = host.section(':', 0, 0);
    } else if (host.count(':') == 0 && !host.isEmpty() && host.front().isDigit() &&
               !host.contains('.')) {
        portText = host; // a bare port
        host.clear();
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint value = portText.toUInt(&ok);
        if (!ok || value > 65535) {
            *error = QStringLiteral("'%1': port must be a number from 0 to 65535").arg(spec);
            return false;
        }
        *port = quint16(value);
    }
    if (host.isEmpty())
        return true; // keep the default address
    if (host.compare("localhost", Qt::CaseInsensitive) == 0) {
        *address = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    QHostAddress parsed;
    if (!parsed.setAddress(host)) {
        *error = QStringLiteral("'%1': '%2' is not an IP address").arg(spec, host);
        return false;
    }
    *address = parsed;
    return true;
}

bool loadKeysFile(const QString &path, KeyRing *keys, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read keys file %1: %2").arg(path, file.errorString());
        return false;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        QString why;
        if (!keys->insertSpec(line, &why)) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(why);
            return false;
        }
    }
    return true;
}

MonitorOptions MonitorOptions::parse(const QStringList &arguments, const QProcessEnvironment &env,
                                     int *exitCode, QString *text)
{
    MonitorOptions options;
    *exitCode = -1;
    auto failWith = [&](const QString &message) {
        *exitCode = 2;
        *text = message;
        return options;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Receives Plug-N-Meet webhooks, verifies their signatures and shows them live.\n"
        "Headless mode writes one JSON object per request to standard output."));
    const QCommandLineOption help({"h", "help"}, "Show this help and exit.");
    const QCommandLineOption version({"v", "version"}, "Show the version and exit.");
    const QCommandLineOption headless("headless", "Run without a window; write NDJSON to stdout.");
    const QCommandLineOption listen(
        {"l", "listen"},
        QStringLiteral("Address and port to listen on (default 127.0.0.1:%1). Port 0 picks a free "
                       "one. Listening beyond loopback (0.0.0.0, [::]) is your explicit choice.")
            .arg(kDefaultPort),
        "ADDR:PORT");
    const QCommandLineOption key(
        {"k", "key"},
        "An API key and secret pair (repeatable); the token's issuer selects the secret.",
        "KEY:SECRET");
    const QCommandLineOption keysFile("keys-file",
                                      "Read KEY:SECRET lines from a file (# comments).", "FILE");
    const QCommandLineOption leeway(
        "leeway", "Clock leeway for exp/nbf/iat in seconds (default 60).", "SECS");
    const QCommandLineOption rejectInvalid(
        "reject-invalid",
        "Answer 401 to requests that fail verification (default: 200 to every recorded POST).");
    const QCommandLineOption maxBody(
        "max-body",
        QStringLiteral("Largest body accepted, in bytes (default %1); larger gets 413.")
            .arg(HttpLimits::kDefaultMaxBodyBytes),
        "BYTES");
    const QCommandLineOption maxHeader(
        "max-header",
        QStringLiteral("Largest header block, in bytes (default %1); larger gets 431.")
            .arg(HttpLimits::kDefaultMaxHeaderBytes),
        "BYTES");
    const QCommandLineOption requestTimeout(
        "request-timeout",
        QStringLiteral("Time a request may take to arrive, in ms (default %1); slower gets 408.")
            .arg(HttpLimits::kDefaultRequestTimeoutMs),
        "MS");
    const QCommandLineOption idleTimeout(
        "idle-timeout",
        QStringLiteral("Idle keep-alive connections are closed after this many ms (default %1).")
            .arg(HttpLimits::kDefaultIdleTimeoutMs),
        "MS");
    const QCommandLineOption maxConnections(
        "max-connections",
        QStringLiteral("Concurrent connections (default %1); more get 503.")
            .arg(HttpLimits::kDefaultMaxConnections),
        "N");
    parser.addOptions({help, version, headless, listen, key, keysFile, leeway, rejectInvalid,
                       maxBody, maxHeader, requestTimeout, idleTimeout, maxConnections});
    SessionOptions::addOptions(parser);

    if (!parser.parse(arguments))
        return failWith(parser.errorText() + QStringLiteral("\nTry --help."));
    if (!parser.positionalArguments().isEmpty())
        return failWith(QStringLiteral("unexpected argument '%1'; try --help")
                            .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help)) {
        *exitCode = 0;
        *text = parser.helpText() +
                QStringLiteral("\nKeys may also come from the environment variable %1 (KEY:SECRET "
                               "pairs separated by\n"
                               "commas or newlines), so secrets need not appear in ps output.\n"
                               "\nExit status: 0 after a clean stop (SIGINT/SIGTERM), 1 if it "
                               "cannot listen, 2 on bad options.\n")
                    .arg(QString::fromLatin1(kKeysEnvironmentVariable));
        return options;
    }
    if (parser.isSet(version)) {
        *exitCode = 0;
        *text = QStringLiteral("pnm-webhook-monitor %1\n").arg(QStringLiteral(PNM_VERSION));
        return options;
    }

    QString error;
    options.headless = parser.isSet(headless);
    if (!options.session.read(parser, &error))
        return failWith(error);
    options.ingest.rejectInvalid = parser.isSet(rejectInvalid);
    if (parser.isSet(listen) &&
        !parseListenSpec(parser.value(listen), &options.address, &options.port, &error))
        return failWith(QStringLiteral("--listen %1").arg(error));

    const QString envKeys = env.value(QString::fromLatin1(kKeysEnvironmentVariable));
    for (const QString &spec : envKeys.split(QRegularExpression("[,\\n]"), Qt::SkipEmptyParts)) {
        if (!options.ingest.keys.insertSpec(spec.trimmed(), &error))
            return failWith(
                QStringLiteral("%1: %2").arg(QString::fromLatin1(kKeysEnvironmentVariable), error));
    }
    for (const QString &path : parser.values(keysFile)) {
        if (!loadKeysFile(path, &options.ingest.keys, &error))
            return failWith(error);
    }
    for (const QString &spec : parser.values(key)) {
        if (!options.ingest.keys.insertSpec(spec, &error))
            return failWith(QStringLiteral("--key: %1").arg(error));
    }

    struct NumericOption
    {
        const QCommandLineOption &option;
        qint64 minimum;
        qint64 *target;
    };
    qint64 body = options.limits.maxBodyBytes, header = options.limits.maxHeaderBytes;
    qint64 timeout = options.limits.requestTimeoutMs, idle = options.limits.idleTimeoutMs;
    qint64 connections = options.limits.maxConnections, leewaySecs = options.ingest.leewaySecs;
    const NumericOption numeric[] = {{maxBody, 1, &body},
                                     {maxHeader, 256, &header},
                                     {requestTimeout, 100, &timeout},
                                     {idleTimeout, 100, &idle},
                                     {maxConnections, 1, &connections},
                                     {leeway, 0, &leewaySecs}};
    for (const NumericOption &n : numeric) {
        if (parser.isSet(n.option) && !parsePositive(parser.value(n.option), n.minimum, n.target))
            return failWith(QStringLiteral("--%1 needs a whole number of at least %2, not '%3'")
                                .arg(n.option.names().constLast())
                                .arg(n.minimum)
                                .arg(parser.value(n.option)));
    }
    options.limits.maxBodyBytes = body;
    options.limits.maxHeaderBytes = header;
    options.limits.requestTimeoutMs = int(qMin<qint64>(timeout, INT_MAX));
    options.limits.idleTimeoutMs = int(qMin<qint64>(idle, INT_MAX));
    options.limits.maxConnections = int(qMin<qint64>(connections, INT_MAX));
    options.ingest.leewaySecs = leewaySecs;
    return options;
}

} // namespace pnm
