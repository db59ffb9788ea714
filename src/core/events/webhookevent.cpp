#include "events/webhookevent.h"

#include "text/jsontextwriter.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace pnm {

QString eventFamilyName(EventFamily family)
{
    switch (family) {
    case EventFamily::Room:
        return u"room"_s;
    case EventFamily::Participant:
        return u"participant"_s;
    case EventFamily::Track:
        return u"track"_s;
    case EventFamily::Recording:
        return u"recording"_s;
    case EventFamily::Analytics:
        return u"analytics"_s;
    case EventFamily::Speech:
        return u"speech"_s;
    case EventFamily::Unknown:
        break;
    }
    return u"unknown"_s;
}

namespace {

// The summary leaves out what is empty so a headless line stays short. Parts are written straight
// to text: the headless monitor writes one summary per request.
class SummaryWriter
{
public:
    explicit SummaryWriter(JsonTextWriter &out) : m_out(out) {}

    void text(QLatin1StringView key, const QString &value)
    {
        if (value.isEmpty())
            return;
        member(key);
        m_out.string(value);
    }
    template <typename Number>
    void number(QLatin1StringView key, const std::optional<Number> &value)
    {
        if (!value)
            return;
        member(key);
        m_out.value(QJsonValue(*value));
    }
    // An object member that is left out when nothing in it is written.
    template <typename Fill> void part(QLatin1StringView key, Fill fill)
    {
        m_pendingPart = key;
        fill();
        if (m_pendingPart.isEmpty())
            m_out.endObject();
        m_pendingPart = {};
    }

private:
    void member(QLatin1StringView key)
    {
        if (!m_pendingPart.isEmpty()) {
            m_out.key(m_pendingPart);
            m_out.beginObject();
            m_pendingPart = {};
        }
        m_out.key(key);
    }

    JsonTextWriter &m_out;
    QLatin1StringView m_pendingPart;
};

QString bodyError(const WebhookEvent &event)
{
    return event.bodyKind == WebhookEvent::BodyKind::Empty ? u"empty body"_s : event.parseError;
}

} // namespace

void WebhookEvent::writeSummaryMembers(JsonTextWriter &out) const
{
    if (!isDecoded()) {
        out.key("body_error"_L1);
        out.string(bodyError(*this));
        return;
    }
    SummaryWriter summary(out);
    summary.text("event"_L1, event);
    summary.text("id"_L1, id);
    summary.number("created_at"_L1, createdAt);
    out.key("family"_L1);
    out.string(eventFamilyName(family));
    if (room)
        summary.part("room"_L1, [&] {
            summary.text("room_id"_L1, room->roomId);
            summary.text("sid"_L1, room->sid);
            summary.text("title"_L1, room->title);
        });
    if (participant)
        summary.part("participant"_L1, [&] {
            summary.text("identity"_L1, participant->identity);
            summary.text("name"_L1, participant->name);
            summary.text("sid"_L1, participant->sid);
        });
    if (track)
        summary.part("track"_L1, [&] {
            summary.text("sid"_L1, track->sid);
            summary.text("type"_L1, track->type);
            summary.text("source"_L1, track->source);
        });
    // Sizes carry their unit in the key: recordings report MB, artifacts bytes (protocol.md 8.11).
    if (recording)
        summary.part("recording"_L1, [&] {
            summary.text("record_id"_L1, recording->recordId);
            summary.text("recorder_id"_L1, recording->recorderId);
            summary.text("recorder_msg"_L1, recording->recorderMsg);
            summary.text("file_path"_L1, recording->filePath);
            summary.number("file_size_mb"_L1, recording->fileSizeMb);
        });
    if (artifact)
        summary.part("artifact"_L1, [&] {
            summary.text("type"_L1, artifact->type);
            summary.text("artifact_id"_L1, artifact->artifactId);
            summary.text("reference_artifact_id"_L1, artifact->referenceArtifactId);
            summary.text("user_id"_L1, artifact->userId);
            summary.text("user_name"_L1, artifact->userName);
            summary.text("file_path"_L1, artifact->filePath);
            summary.text("mime_type"_L1, artifact->mimeType);
            summary.number("file_size_bytes"_L1, artifact->fileSizeBytes);
            summary.text("usage"_L1, artifact->usage.keys().join(u','));
        });
    if (analytics) {
        out.key("analytics"_L1);
        out.beginObject();
        out.key("file_id"_L1);
        out.string(analytics->fileId);
        out.endObject();
    }
    if (speechService)
        summary.part("speech"_L1, [&] {
            summary.text("user_id"_L1, speechService->userId);
            summary.number("total_usage_secs"_L1, speechService->totalUsageSecs);
        });
}

QJsonObject WebhookEvent::toSummaryJson() const
{
    JsonTextWriter out;
    out.beginObject();
    writeSummaryMembers(out);
    out.endObject();
    return QJsonDocument::fromJson(out.text()).object();
}

} // namespace pnm
