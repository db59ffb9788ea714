// The icons that mark an event's family and a request's verdict (SVG, from resources/pnm.qrc).
// Icons carry the colour so text can keep the palette's; a symbol in the text backs each one up.
// GUI thread.
#pragma once

#include "events/eventfilter.h"
#include "events/webhookevent.h"

#include <QIcon>

namespace pnm {

class EventIcons
{
public:
    static void ensureResources();
    static QIcon family(EventFamily family);
    static QIcon verdict(VerdictClass verdictClass);
    static QIcon application();
};

} // namespace pnm
