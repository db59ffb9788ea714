// The monitor with its window: decides whether a window is possible (a display, no --headless)
// and, if so, runs the QApplication with the ingest service, the session and the main window.
// Main thread.
#pragma once

namespace pnm {

class WindowedMonitor
{
public:
    // True when the window should be shown: no --headless and a display to show it on.
    static bool isWanted(int argc, char *argv[]);
    static bool hasDisplay();
    // Runs until the window closes or SIGINT/SIGTERM; returns the exit status.
    static int run(int argc, char *argv[]);
};

} // namespace pnm
