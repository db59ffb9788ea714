// The one-shot session commands of the command line: --open FILE --export OUT and --import FILE
// into --session FILE. Runs to completion without an event loop or a display (for scripts) and
// returns the exit status: 0 done, 1 a file could not be read or written, 2 bad options.
#pragma once

#include "monitoroptions.h"

#include <cstdio>

namespace pnm {

class SessionCommand
{
public:
    // Notes go to `err` ("pnm-webhook-monitor: exported 12 requests ...").
    static int run(const MonitorOptions &options, std::FILE *err);
};

} // namespace pnm
