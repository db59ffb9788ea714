#include "requestsummary.h"

#include "eventtablemodel.h"
#include "timetext.h"

#include <QJsonDocument>

namespace pnm {

namespace {

class Rows
{
public:
    void add(const QString &label, const QString &value, bool emphasized = false)
    {
        if (!value.isEmpty())
            m_rows.append({{label, value}, emphasized});
    }
    void addNumber(const QString &label, const std::optional<qint64> &value)
    {
        if (value)
            add(label, QString::number(*value));
    }
    QList<TextRow> take() { return std::move(m_rows); }

private:
    QList<TextRow> m_rows;
};

// LiveKit's track events carry only the room's sid and name, so their creation_time is "0"
// (protocol.md 8.13): that is "not given", not 1970.
QString secondsOrUnset(qint64 unixSecs)
{
    return unixSecs == 0 ? QStringLiteral("0 (not given)") : unixSecondsText(unixSecs);
}

void addEventFields(const WebhookEvent &event, Rows *rows)
{
    if (event.room) {
        rows->add(QStringLiteral("Room"), event.room->title);
        rows->add(QStringLiteral("Room id"), event.room->roomId);
        rows->add(QStringLiteral("Room sid"), event.room->sid);
        rows->addNumber(QStringLiteral("Participants"), event.room->numParticipants);
        if (event.room->creationTime)
            rows->add(QStringLiteral("Room created"), secondsOrUnset(*event.room->creationTime));
    }
    if (event.participant) {
        const EventParticipant &p = *event.participant;
        rows->add(QStringLiteral("Participant"), p.name);
        rows->add(QStringLiteral("Identity"), p.identity);
        rows->add(QStringLiteral("Participant sid"), p.sid);
        rows->add(QStringLiteral("State"), p.state);
        rows->add(QStringLiteral("Kind"), p.kind);
        rows->add(QStringLiteral("Disconnect reason"), p.disconnectReason);
        if (p.joinedAt)
            rows->add(QStringLiteral("Joined"), secondsOrUnset(*p.joinedAt));
    }
    if (event.track) {
        const EventTrack &t = *event.track;
        rows->add(QStringLiteral("Track sid"), t.sid);
        rows->add(QStringLiteral("Track"),
                  QStringList{t.type, t.source, t.name}.join(u' ').trimmed());
        rows->add(QStringLiteral("MIME type"), t.mimeType);
        if (t.muted)
            rows->add(QStringLiteral("Muted"), QStringLiteral("yes"));
        if (t.width && t.height)
            rows->add(QStringLiteral("Size"),
                      QStringLiteral("%1 \u00d7 %2").arg(*t.width).arg(*t.height));
    }
    if (event.recording) {
        const EventRecording &r = *event.recording;
        rows->add(QStringLiteral("Record id"), r.recordId);
        rows->add(QStringLiteral("Recorder"), r.recorderId);
        rows->add(QStringLiteral("Recorder message"), r.recorderMsg);
        rows->add(QStringLiteral("File"), r.filePath);
        if (r.fileSizeMb)
            rows->add(QStringLiteral("File size"),
                      QString::number(*r.fileSizeMb, 'f', 2) + QStringLiteral(" MB"));
    }
    if (event.artifact) {
        const EventArtifact &a = *event.artifact;
        rows->add(QStringLiteral("Artifact"), a.type);
        rows->add(QStringLiteral("Artifact id"), a.artifactId);
        rows->add(QStringLiteral("User"), QStringList{a.userName, a.userId}.join(u' ').trimmed());
        rows->add(QStringLiteral("File"), a.filePath);
        if (a.fileSizeBytes)
            rows->add(QStringLiteral("File size"),
                      QString::number(*a.fileSizeBytes) + QStringLiteral(" bytes"));
    }
    if (event.analytics)
        rows->add(QStringLiteral("Analytics file"), event.analytics->fileId);
    if (event.speechService) {
        rows->add(QStringLiteral("User"), event.speechService->userId);
        rows->addNumber(QStringLiteral("Usage (s)"), event.speechService->totalUsageSecs);
    }
    if (!event.unknownKeys.isEmpty())
        rows->add(QStringLiteral("Unknown keys"), event.unknownKeys.join(QStringLiteral(", ")));
}

} // namespace

QList<TextRow> RequestSummary::fields(const RecordedRequest &request)
{
    Rows rows;
    const WebhookEvent &event = request.event;
    rows.add(QStringLiteral("Event"),
             event.event.isEmpty() ? QStringLiteral("(none)") : event.event);
    rows.add(QStringLiteral("Family"), eventFamilyName(event.family));
    rows.add(QStringLiteral("Event id"), event.id);
    rows.add(QStringLiteral("Signature"),
             EventTableModel::verdictLabel(request.verification.verdict),
             request.verification.isFailure());
    rows.add(QStringLiteral("Received"), instantText(request.receivedAtMs));
    if (event.createdAt) {
        rows.add(QStringLiteral("Created at"), secondsOrUnset(*event.createdAt));
        // created_at has whole seconds, so the delay is only good to a second.
        if (*event.createdAt != 0)
            rows.add(QStringLiteral("Delivery delay"),
                     durationText(request.receivedAtMs - *event.createdAt * 1000) +
                         QStringLiteral(" (received \u2212 created_at)"));
    }
    addEventFields(event, &rows);
    rows.add(QStringLiteral("Request"),
             QString::fromLatin1(request.method) + u' ' + request.targetText());
    rows.add(QStringLiteral("Answered"),
             request.status ? QString::number(request.status) : QString());
    rows.add(QStringLiteral("Rejected because"), request.protocolError, true);
    rows.add(QStringLiteral("Body"), event.parseError, true);
    rows.add(QStringLiteral("Sender"),
             request.remoteAddress + u':' + QString::number(request.remotePort));
    rows.add(QStringLiteral("Sequence"), QString::number(request.seq));
    return rows.take();
}

} // namespace pnm
