// Turns planned events into the jobs pnm-webhook-send (and the GUI's "send test event") hands to
// WebhookSender: bodies written, signing settings attached, and the fault injections applied
// (duplicates, reordering, bad tokens, changed bodies, unknown events). Pure functions.
#pragma once

#include "sign/meetingscenario.h"
#include "sign/webhookjob.h"

#include <QList>
#include <QRandomGenerator>

namespace pnm {

struct SigningOptions
{
    QString apiKey;
    QByteArray secret;
    TokenLayout layout = TokenLayout::GoCurrent;
    bool legacyContentType = false;
    bool spaceAfterComma = false; // the server builds whose protojson writes ", " (protocol.md 4)
};

struct FaultOptions
{
    bool expired = false, notYetValid = false, wrongSecret = false, tamperBody = false;
    bool duplicate = false;     // send the identical request twice (a retried delivery)
    bool reorder = false;       // swap an affected event with the one after it
    bool unknownEvents = false; // add an event type no receiver knows, once per room
    int every = 1;              // affect the every-th event (1 = all)

    bool affects(qsizetype index) const { return every <= 1 || (index + 1) % every == 0; }
};

struct ScheduledJob
{
    WebhookJob job;
    qint64 notBeforeMs = 0; // relative to the start of sending
};

struct PacingOptions
{
    double speedup = 0;    // > 0: follow the simulated clock, this many times faster
    double ratePerSec = 0; // > 0: at most this many events per second
};

class SendPlan
{
public:
    // The name used for injected unknown events: plausible, but no server sends it.
    static QString unknownEventName() { return QStringLiteral("meeting_paused_simulated"); }

    static QList<ScheduledJob> build(QList<PlannedEvent> events, const SigningOptions &signing,
                                     const FaultOptions &faults, const PacingOptions &pacing,
                                     QRandomGenerator &random);
    static WebhookJob job(const EventSpec &spec, const SigningOptions &signing);
    // The per-request faults (token clock, secret, body, duplicate) on one affected job.
    static void applyFaults(WebhookJob &job, const FaultOptions &faults);
};

} // namespace pnm
