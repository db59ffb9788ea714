#include "sign/sendplan.h"

#include "sign/eventbuilder.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace pnm {

WebhookJob SendPlan::job(const EventSpec &spec, const SigningOptions &signing)
{
    WebhookJob job;
    job.event = spec.event;
    job.id = spec.id;
    job.body = EventBuilder::body(spec, signing.spaceAfterComma);
    job.apiKey = signing.apiKey;
    job.secret = signing.secret;
    job.layout = signing.layout;
    job.legacyContentType = signing.legacyContentType;
    return job;
}

void SendPlan::applyFaults(WebhookJob &job, const FaultOptions &faults)
{
    SigningFaults &f = job.faults;
    f.clockShiftSecs = faults.expired       ? SigningFaults::kExpiredShiftSecs
                       : faults.notYetValid ? SigningFaults::kNotYetValidShiftSecs
                                            : 0;
    f.wrongSecret = faults.wrongSecret;
    f.tamperBody = faults.tamperBody;
    job.copies = faults.duplicate ? 2 : 1;
}

QList<ScheduledJob> SendPlan::build(QList<PlannedEvent> events, const SigningOptions &signing,
                                    const FaultOptions &faults, const PacingOptions &pacing,
                                    QRandomGenerator &random)
{
    if (faults.unknownEvents) {
        // One per room, right after room_started (or after the room's first event).
        QHash<int, qsizetype> lastOfRoom;
        for (qsizetype i = 0; i < events.size(); ++i)
            lastOfRoom.insert(events.at(i).roomIndex, i);
        QList<PlannedEvent> withUnknown;
        QSet<int> roomsDone;
        for (qsizetype i = 0; i < events.size(); ++i) {
            withUnknown.append(events.at(i));
            const PlannedEvent &current = events.at(i);
            if (roomsDone.contains(current.roomIndex) ||
                (current.spec.event != u"room_started" && lastOfRoom.value(current.roomIndex) != i))
                continue;
            roomsDone.insert(current.roomIndex);
            PlannedEvent unknown = current;
            unknown.spec.event = unknownEventName();
            unknown.spec.id.clear();
            EventBuilder::assignId(unknown.spec, random);
            withUnknown.append(unknown);
        }
        events = withUnknown;
    }

    QList<ScheduledJob> jobs;
    for (qsizetype i = 0; i < events.size(); ++i) {
        ScheduledJob scheduled;
        scheduled.job = job(events.at(i).spec, signing);
        if (faults.affects(i))
            applyFaults(scheduled.job, faults);
        qint64 due = 0;
        if (pacing.speedup > 0)
            due = qint64(double(events.at(i).offsetMs) / pacing.speedup);
        if (pacing.ratePerSec > 0)
            due = std::max(due, qint64(double(i) * 1000.0 / pacing.ratePerSec));
        scheduled.notBeforeMs = due;
        jobs.append(scheduled);
    }

    if (faults.reorder) {
        // Delivery order is not guaranteed (protocol.md 7): the affected event goes after the
        // next one. The send times stay where they were, so only the order changes.
        for (qsizetype i = 0; i + 1 < jobs.size(); ++i) {
            if (!faults.affects(i))
                continue;
            std::swap(jobs[i].job, jobs[i + 1].job);
            ++i;
        }
    }
    return jobs;
}

} // namespace pnm
