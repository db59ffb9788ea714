// Turns a webhook body into a WebhookEvent (protocol.md sections 4-6). Lenient by design: every
// integer may be a JSON number or a string, enums a name or a number, names snake_case or
// lowerCamelCase (`created_at` or `createdAt`); nothing in a body makes it fail.
#pragma once

#include "events/webhookevent.h"

#include <QByteArray>

namespace pnm {

class EventDecoder
{
public:
    static WebhookEvent decode(const QByteArray &body);
};

} // namespace pnm
