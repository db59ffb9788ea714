#include "events/eventdecoder.h"

#include "events/eventmessages.h"
#include "events/protojsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace pnm {

namespace {

struct KnownEvent
{
    QLatin1String name;
    EventFamily family;
};

// protocol.md 6.1, in catalogue order. Recorder tasks are forwarded under their lowercased
// RecordingTasks name, so the stop_* tasks may appear too; rtmp belongs with recording.
constexpr KnownEvent kKnownEvents[] = {
    {"room_created"_L1, EventFamily::Room},
    {"room_started"_L1, EventFamily::Room},
    {"participant_joined"_L1, EventFamily::Participant},
    {"participant_left"_L1, EventFamily::Participant},
    {"track_published"_L1, EventFamily::Track},
    {"track_unpublished"_L1, EventFamily::Track},
    {"room_finished"_L1, EventFamily::Room},
    {"session_ended"_L1, EventFamily::Room},
    {"start_recording"_L1, EventFamily::Recording},
    {"end_recording"_L1, EventFamily::Recording},
    {"start_rtmp"_L1, EventFamily::Recording},
    {"end_rtmp"_L1, EventFamily::Recording},
    {"recording_proceeded"_L1, EventFamily::Recording},
    {"recording_transcoding_finished"_L1, EventFamily::Recording},
    {"stop_recording"_L1, EventFamily::Recording},
    {"stop_rtmp"_L1, EventFamily::Recording},
    {"stop"_L1, EventFamily::Recording},
    {"artifact_created"_L1, EventFamily::Analytics},
    {"analytics_proceeded"_L1, EventFamily::Analytics},
    {"speech_to_text_session_started"_L1, EventFamily::Speech},
    {"speech_to_text_session_ended"_L1, EventFamily::Speech},
    {"speech_to_text_total_usage"_L1, EventFamily::Speech},
};

const KnownEvent *findKnownEvent(QStringView eventName)
{
    for (const KnownEvent &known : kKnownEvents) {
        if (eventName.compare(known.name, Qt::CaseInsensitive) == 0)
            return &known;
    }
    return nullptr;
}

// The top-level keys of CommonNotifyEvent (protocol.md 5.1), by proto name.
constexpr QLatin1String kTopLevelFields[] = {
    "event"_L1,          "room"_L1,           "participant"_L1,
    "recording_info"_L1, "speech_service"_L1, "track"_L1,
    "analytics"_L1,      "room_artifact"_L1,  "id"_L1,
    "created_at"_L1};

bool isTopLevelField(const QString &key)
{
    // Both spellings protojson accepts, spelled once.
    static const QStringList names = [] {
        QStringList all;
        for (const QLatin1String field : kTopLevelFields)
            all << QString(field) << ProtoJsonReader::jsonName(field);
        return all;
    }();
    return names.contains(key);
}

QString describeNonObject(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return u"body is a JSON array, not an object"_s;
    case QJsonValue::String:
        return u"body is a JSON string, not an object"_s;
    case QJsonValue::Double:
        return u"body is a JSON number, not an object"_s;
    case QJsonValue::Bool:
        return u"body is a JSON boolean, not an object"_s;
    default:
        return u"body is JSON null, not an object"_s;
    }
}

QString describeParseError(const QJsonParseError &error, qsizetype offset)
{
    return u"not JSON: %1 at byte %2"_s.arg(error.errorString()).arg(offset);
}

// The offset of the first byte that is not JSON whitespace (RFC 8259 section 2), or size().
qsizetype firstSignificantByte(const QByteArray &body)
{
    qsizetype offset = 0;
    while (offset < body.size() && QByteArrayView(" \t\n\r").contains(body.at(offset)))
        ++offset;
    return offset;
}

// Sets bodyKind (and parseError unless it is an object) and returns the object, if any.
QJsonObject classifyBody(const QByteArray &body, WebhookEvent &event)
{
    if (body.isEmpty()) {
        event.bodyKind = WebhookEvent::BodyKind::Empty;
        return QJsonObject();
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (document.isObject()) {
        event.bodyKind = WebhookEvent::BodyKind::Object;
        return document.object();
    }
    if (document.isArray()) {
        event.bodyKind = WebhookEvent::BodyKind::NotObject;
        event.parseError = describeNonObject(QJsonValue(document.array()));
        return QJsonObject();
    }
    // QJsonDocument only takes an object or an array at the top; a bare string, number, bool or
    // null is still valid JSON (RFC 8259 section 2), so look at it as the single array element.
    const qsizetype start = firstSignificantByte(body);
    const char first = start < body.size() ? body.at(start) : '\0';
    event.bodyKind = WebhookEvent::BodyKind::NotJson;
    if (first == '{' || first == '[') { // the parser's own error is the precise one
        event.parseError = describeParseError(error, error.offset);
        return QJsonObject();
    }
    if (start < body.size() && !QByteArrayView("\"-0123456789tfn").contains(first)) {
        // No JSON value starts like this (form data, binary); Qt would call it a bad number.
        const QJsonParseError illegal{int(start), QJsonParseError::IllegalValue};
        event.parseError = describeParseError(illegal, start);
        return QJsonObject();
    }
    QJsonParseError wrappedError;
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']', &wrappedError);
    if (wrapped.isArray() && wrapped.array().size() == 1) {
        event.bodyKind = WebhookEvent::BodyKind::NotObject;
        event.parseError = describeNonObject(wrapped.array().first());
    } else if (wrapped.isArray()) { // blank, or several values: not one document
        event.parseError = describeParseError(error, error.offset);
    } else { // offsets in the wrapped text are one byte ahead of the body
        event.parseError = describeParseError(
            wrappedError, std::clamp<qsizetype>(wrappedError.offset - 1, 0, body.size()));
    }
    return QJsonObject();
}

} // namespace

WebhookEvent EventDecoder::decode(const QByteArray &body)
{
    WebhookEvent event;
    event.body = classifyBody(body, event);
    if (!event.isDecoded())
        return event;

    const ProtoJsonReader reader(event.body);
    event.event = reader.string("event"_L1);
    event.id = reader.string("id"_L1);
    event.createdAt = reader.integer("created_at"_L1);
    event.family = familyOf(event.event);
    event.isKnownEvent = isKnownEvent(event.event);

    // A sub-message is taken when it is an object; anything else there stays only in `body`.
    const auto message = [&reader](QLatin1String name) -> std::optional<ProtoJsonReader> {
        const QJsonValue value = reader.value(name);
        return value.isObject() ? std::optional(ProtoJsonReader(value.toObject())) : std::nullopt;
    };
    if (const auto room = message("room"_L1))
        event.room = EventMessages::room(*room);
    if (const auto participant = message("participant"_L1))
        event.participant = EventMessages::participant(*participant);
    if (const auto track = message("track"_L1))
        event.track = EventMessages::track(*track);
    if (const auto recording = message("recording_info"_L1))
        event.recording = EventMessages::recording(*recording);
    if (const auto artifact = message("room_artifact"_L1))
        event.artifact = EventMessages::artifact(*artifact);
    if (const auto analytics = message("analytics"_L1))
        event.analytics = EventMessages::analytics(*analytics);
    if (const auto speech = message("speech_service"_L1))
        event.speechService = EventMessages::speechService(*speech);

    // Unknown keys are expected (protocol.md 8.14): list them, keep them in `body`.
    for (const QString &key : event.body.keys()) {
        if (!isTopLevelField(key))
            event.unknownKeys.append(key);
    }
    return event;
}

EventFamily EventDecoder::familyOf(QStringView eventName)
{
    const KnownEvent *known = findKnownEvent(eventName);
    return known ? known->family : EventFamily::Unknown;
}

bool EventDecoder::isKnownEvent(QStringView eventName)
{
    return findKnownEvent(eventName) != nullptr;
}

QStringList EventDecoder::knownEvents()
{
    QStringList names;
    for (const KnownEvent &known : kKnownEvents)
        names.append(known.name);
    return names;
}

} // namespace pnm
