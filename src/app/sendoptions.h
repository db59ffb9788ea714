// pnm-webhook-send's command line, parsed into plain values (no I/O apart from reading --from
// and a secret file), so the rules are testable without running the program. Main thread.
#pragma once

#include "sign/meetingscenario.h"
#include "sign/retrypolicy.h"
#include "sign/sendplan.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace pnm {

struct SendOptions
{
    enum class Mode
    {
        Single,
        Scenario,
        Replay,
        ListEvents,
        Help,
        Version
    };
    Mode mode = Mode::Single;

    QUrl url = QUrl(QStringLiteral("http://127.0.0.1:8787/"));
    SigningOptions signing;
    FaultOptions faults;
    PacingOptions pacing;
    RetryPolicy retry;
    int timeoutMs = 30000;  // per request; 0 waits forever as the real server does
    bool verifyTls = false; // the server skips certificate checks (protocol.md 1)

    // Single event.
    QString event;
    QString roomId, roomSid, roomTitle, participantIdentity, participantName, eventId;

    // Scenario.
    MeetingOptions meeting;
    std::optional<quint32> seed;

    // Replay.
    QString fromFile;
    bool resign = false; // sign again with --key/--secret instead of keeping recorded headers

    bool printOnly = false; // write the requests as NDJSON instead of sending them
    bool quiet = false;
};

struct SendOptionsResult
{
    SendOptions options;
    QString error;    // non-empty: print it with the usage hint and exit 2
    QString helpText; // filled for --help
};

class SendOptionsParser
{
public:
    static constexpr int kExitUsage = 2;
    // arguments includes the program name, as QCoreApplication::arguments() does.
    static SendOptionsResult parse(const QStringList &arguments,
                                   const QString &secretFromEnvironment = QString());
};

} // namespace pnm
