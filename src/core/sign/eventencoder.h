// Writes a WebhookEvent as the body Plug-N-Meet would send (protocol.md sections 2 and 4):
// proto field names, declaration order, zero values of plain fields left out, `optional` fields
// kept even when zero, 64-bit integers as strings. The inverse of EventDecoder for every field
// WebhookEvent carries.
#pragma once

#include "events/webhookevent.h"

#include <QByteArray>

namespace pnm {

class EventEncoder
{
public:
    // spaceAfterComma mimics the server builds whose protojson writes ", " (protocol.md 4).
    static QByteArray encode(const WebhookEvent &event, bool spaceAfterComma = false);
};

} // namespace pnm
