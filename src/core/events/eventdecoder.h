// Turns a webhook body into a WebhookEvent (protocol.md sections 4-6). Lenient by design: every
// integer may be a JSON number or a string, enums a name or a number, names snake_case or
// lowerCamelCase (`created_at` or `createdAt`); nothing in a body makes it fail.
// Stateless; called on the ingest worker thread, safe from any thread.
#pragma once

#include "events/webhookevent.h"

#include <QByteArray>
#include <QStringList>
#include <QStringView>

namespace pnm {

class EventDecoder
{
public:
    static WebhookEvent decode(const QByteArray &body);

    // The family of an event name (protocol.md 6.1); Unknown for names outside the catalogue.
    // Names are compared case-insensitively (the server lowercases them, protocol.md 2.1).
    static EventFamily familyOf(QStringView eventName);
    // One of the events in protocol.md 6.1, or a recorder task the server may forward
    // (stop_recording, stop_rtmp, stop; notes under 6.1).
    static bool isKnownEvent(QStringView eventName);
    // Every known name, in catalogue order (for filter completion).
    static QStringList knownEvents();
};

} // namespace pnm
