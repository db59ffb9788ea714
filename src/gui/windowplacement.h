// Where a top-level window first appears. A form's designed size (1280x760 for the main window,
// 1200x720 for a session window) is larger than a small laptop's screen; a window opened without
// saved geometry is cut down to the free area of its screen and centred there. GUI thread.
#pragma once

class QWidget;

namespace pnm {

// `cascade` steps the window down and right from the centre, so the n-th window opened over
// another leaves the title bars of those below it in sight.
void fitToScreen(QWidget *window, int cascade = 0);

} // namespace pnm
