#include "sendoptions.h"

#include "sign/eventbuilder.h"

#include <QCommandLineParser>
#include <QFile>

namespace pnm {

namespace {

struct Number
{
    const char *name;
    double minimum, maximum;
};

bool readNumber(const QCommandLineParser &parser, const Number &spec, double *out, QString *error)
{
    const QString name = QString::fromLatin1(spec.name);
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < spec.minimum || value > spec.maximum) {
        *error = QStringLiteral("--%1: expected a number from %2 to %3, got '%4'")
                     .arg(name)
                     .arg(spec.minimum)
                     .arg(spec.maximum)
                     .arg(parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

} // namespace

SendOptionsResult SendOptionsParser::parse(const QStringList &arguments,
                                           const QString &secretFromEnvironment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sign and send Plug-N-Meet webhooks exactly as the Plug-N-Meet server does: one event,\n"
        "whole simulated meetings, or requests re-sent from a file. Progress goes to stderr,\n"
        "one JSON line per delivered request to stdout."));
    parser.addPositionalArgument(QStringLiteral("EVENT"),
                                 QStringLiteral("Event to send (see --list-events)."),
                                 QStringLiteral("[EVENT]"));
    auto opt = [&parser](const QStringList &names, const QString &help,
                         const QString &valueName = QString(), const QString &def = QString()) {
        parser.addOption(QCommandLineOption(names, help, valueName, def));
    };
    opt({"u", "url"}, "Receiver URL (default http://127.0.0.1:8787/).", "URL");
    opt({"k", "key"}, "API key (client.api_key); KEY:SECRET also works.", "KEY");
    opt({"s", "secret"}, "API secret (client.secret); or PNM_WEBHOOK_SECRET.", "SECRET");
    opt({"secret-file"}, "Read the secret from the first line of FILE.", "FILE");
    opt({"scenario"}, "Simulate whole meetings: 'meeting'.", "NAME");
    opt({"rooms"}, "Scenario: number of rooms (default 1).", "N");
    opt({"participants"}, "Scenario: participants per room (default 3).", "N");
    opt({"duration"}, "Scenario: simulated meeting length in seconds (default 1800).", "SECS");
    opt({"speedup"},
        "Scenario: follow the simulated clock this many times faster (default: "
        "send at once).",
        "X");
    opt({"rate"}, "At most N events per second (load tests).", "N");
    opt({"no-recording"}, "Scenario: no recording events.");
    opt({"no-rtmp"}, "Scenario: no RTMP events.");
    opt({"no-analytics"}, "Scenario: no analytics artifact and analytics_proceeded.");
    opt({"seed"}, "Random seed, for repeatable ids and names.", "N");
    opt({"room-id"}, "Single event: room id (default room01).", "ID");
    opt({"room-sid"}, "Single event: room session id (default a new UUID).", "SID");
    opt({"room-title"}, "Single event: room title in the metadata.", "TEXT");
    opt({"participant"}, "Single event: participant identity (user id).", "ID");
    opt({"participant-name"}, "Single event: participant display name.", "NAME");
    opt({"id"}, "Single event: event id (default: as the server would make it).", "ID");
    opt({"from"}, "Re-send the requests in FILE (NDJSON, or a JSON array like the vectors).",
        "FILE");
    opt({"resign"}, "With --from: sign again with --key/--secret now, keeping the body bytes.");
    opt({"duplicate"}, "Fault: send each affected request twice, byte-identical (a retry).");
    opt({"reorder"}, "Fault: swap each affected event with the next one.");
    opt({"expired"}, "Fault: tokens that expired minutes ago.");
    opt({"not-yet-valid"}, "Fault: tokens valid only from a few minutes in the future.");
    opt({"wrong-secret"}, "Fault: sign with a secret the receiver does not have.");
    opt({"tamper-body"}, "Fault: change the body after signing.");
    opt({"unknown-events"}, "Fault: add an event type receivers do not know, once per room.");
    opt({"fault-every"}, "Apply faults to every N-th event only (default 1: all).", "N");
    opt({"legacy-content-type"}, "Content-Type application/webhook+json (servers < v2.4.0).");
    opt({"token-layout"}, "go (default, server >= v2.3.0), go-jose (<= v2.2.0), livekit-js.",
        "LAYOUT");
    opt({"space-after-comma"}, "Write \", \" between members, as some server builds do.");
    opt({"attempts"}, "Attempts per request (default 3, as the server).", "N");
    opt({"wait-scale"}, "Multiply retry waits (default 1; 0.01 for quick tests).", "F");
    opt({"timeout"}, "Per-request timeout in ms (default 30000; 0 = none, like the server).", "MS");
    opt({"verify-tls"}, "Check the receiver's TLS certificate (the server does not).");
    opt({"print"}, "Write the signed requests as NDJSON to stdout instead of sending them.");
    opt({"q", "quiet"}, "No progress lines; only the summary and errors.");
    opt({"list-events"}, "List every event type and exit.");
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    SendOptionsResult result;
    SendOptions &o = result.options;
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        o.mode = SendOptions::Mode::Help;
        result.helpText = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        o.mode = SendOptions::Mode::Version;
        return result;
    }
    if (parser.isSet("list-events")) {
        o.mode = SendOptions::Mode::ListEvents;
        return result;
    }

    QString &error = result.error;
    const QStringList positional = parser.positionalArguments();
    const int modes =
        int(!positional.isEmpty()) + int(parser.isSet("scenario")) + int(parser.isSet("from"));
    if (modes != 1) {
        error = modes == 0 ? QStringLiteral("nothing to send: give an EVENT, --scenario meeting "
                                            "or --from FILE")
                           : QStringLiteral("give only one of EVENT, --scenario and --from");
        return result;
    }
    if (positional.size() > 1) {
        error = QStringLiteral("one EVENT at a time (got %1)").arg(positional.join(' '));
        return result;
    }
    if (!positional.isEmpty()) {
        o.mode = SendOptions::Mode::Single;
        o.event = positional.first().trimmed().toLower(); // the server lowercases (protocol.md 2.1)
        if (o.event.isEmpty()) {
            error = QStringLiteral("EVENT is empty");
            return result;
        }
    } else if (parser.isSet("scenario")) {
        o.mode = SendOptions::Mode::Scenario;
        if (parser.value("scenario") != u"meeting") {
            error = QStringLiteral("--scenario: unknown scenario '%1' (known: meeting)")
                        .arg(parser.value("scenario"));
            return result;
        }
    } else {
        o.mode = SendOptions::Mode::Replay;
        o.fromFile = parser.value("from");
    }

    if (parser.isSet("url")) {
        o.url = QUrl(parser.value("url"), QUrl::StrictMode);
        if (!o.url.isValid() || (o.url.scheme() != u"http" && o.url.scheme() != u"https") ||
            o.url.host().isEmpty()) {
            error = QStringLiteral("--url: '%1' is not an http:// or https:// URL")
                        .arg(parser.value("url"));
            return result;
        }
    }

    // Key and secret: KEY:SECRET, --secret, --secret-file, PNM_WEBHOOK_SECRET, in that order.
    QString key = parser.value("key");
    QString secret = parser.value("secret");
    if (!parser.isSet("secret") && key.contains(':')) {
        secret = key.section(':', 1);
        key = key.section(':', 0, 0);
    }
    if (secret.isEmpty() && parser.isSet("secret-file")) {
        QFile file(parser.value("secret-file"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            error = QStringLiteral("cannot read secret file %1: %2")
                        .arg(file.fileName(), file.errorString());
            return result;
        }
        secret = QString::fromUtf8(file.readLine()).trimmed();
    }
    if (secret.isEmpty())
        secret = secretFromEnvironment;
    o.signing.apiKey = key;
    o.signing.secret = secret.toUtf8();
    o.resign = parser.isSet("resign");
    const bool needsKey = o.mode != SendOptions::Mode::Replay || o.resign;
    if (needsKey && (key.isEmpty() || secret.isEmpty())) {
        error = QStringLiteral("--key and --secret are required (the Plug-N-Meet client.api_key "
                               "and client.secret), e.g. --key plugnmeet --secret SECRET");
        return result;
    }

    const QString layout = parser.value("token-layout");
    if (layout.isEmpty() || layout == u"go")
        o.signing.layout = TokenLayout::GoCurrent;
    else if (layout == u"go-jose")
        o.signing.layout = TokenLayout::GoJoseLegacy;
    else if (layout == u"livekit-js")
        o.signing.layout = TokenLayout::LiveKitJs;
    else {
        error = QStringLiteral("--token-layout: expected go, go-jose or livekit-js, got '%1'")
                    .arg(layout);
        return result;
    }
    o.signing.legacyContentType = parser.isSet("legacy-content-type");
    o.signing.spaceAfterComma = parser.isSet("space-after-comma");

    double rooms = 1, participants = 3, duration = 1800, seed = -1, every = 1;
    double attempts = RetryPolicy::kDefaultMaxAttempts, timeout = o.timeoutMs;
    const bool numbersOk =
        readNumber(parser, {"rooms", 1, 1000}, &rooms, &error) &&
        readNumber(parser, {"participants", 0, 1000}, &participants, &error) &&
        readNumber(parser, {"duration", 60, 7 * 86400}, &duration, &error) &&
        readNumber(parser, {"speedup", 0, 1e9}, &o.pacing.speedup, &error) &&
        readNumber(parser, {"rate", 0, 1e6}, &o.pacing.ratePerSec, &error) &&
        readNumber(parser, {"seed", 0, 4294967295.0}, &seed, &error) &&
        readNumber(parser, {"fault-every", 1, 1e9}, &every, &error) &&
        readNumber(parser, {"attempts", 1, 100}, &attempts, &error) &&
        readNumber(parser, {"wait-scale", 0, 1000}, &o.retry.waitScale, &error) &&
        readNumber(parser, {"timeout", 0, 86400000}, &timeout, &error);
    if (!numbersOk)
        return result;
    o.meeting.rooms = int(rooms);
    o.meeting.participants = int(participants);
    o.meeting.durationSecs = qint64(duration);
    o.meeting.recording = !parser.isSet("no-recording");
    o.meeting.rtmp = !parser.isSet("no-rtmp");
    o.meeting.analytics = !parser.isSet("no-analytics");
    if (seed >= 0)
        o.seed = quint32(seed);
    o.retry.maxAttempts = int(attempts);
    o.timeoutMs = int(timeout);

    FaultOptions &f = o.faults;
    f.duplicate = parser.isSet("duplicate");
    f.reorder = parser.isSet("reorder");
    f.expired = parser.isSet("expired");
    f.notYetValid = parser.isSet("not-yet-valid");
    f.wrongSecret = parser.isSet("wrong-secret");
    f.tamperBody = parser.isSet("tamper-body");
    f.unknownEvents = parser.isSet("unknown-events");
    f.every = int(every);
    if (f.expired && f.notYetValid) {
        error = QStringLiteral("--expired and --not-yet-valid exclude each other");
        return result;
    }
    const bool tokenFaults = f.expired || f.notYetValid || f.wrongSecret || f.tamperBody;
    if (o.mode == SendOptions::Mode::Replay && tokenFaults && !o.resign) {
        error = QStringLiteral("token and body faults need --resign with --from");
        return result;
    }

    o.roomId = parser.value("room-id");
    o.roomSid = parser.value("room-sid");
    o.roomTitle = parser.value("room-title");
    o.participantIdentity = parser.value("participant");
    o.participantName = parser.value("participant-name");
    o.eventId = parser.value("id");
    o.printOnly = parser.isSet("print");
    o.verifyTls = parser.isSet("verify-tls");
    o.quiet = parser.isSet("quiet");
    return result;
}

} // namespace pnm
