#include "windowplacement.h"

#include <QScreen>
#include <QWidget>

namespace pnm {

namespace {
// Room left around the window for panels and a glimpse of what is behind it.
constexpr double kScreenShare = 0.9;
} // namespace

void fitToScreen(QWidget *window)
{
    const QScreen *screen = window->screen();
    if (screen == nullptr)
        return;
    const QRect available = screen->availableGeometry();
    window->resize(window->size()
                       .boundedTo(available.size() * kScreenShare)
                       .expandedTo(window->minimumSizeHint()));
    window->move(available.center() - window->rect().center());
}

} // namespace pnm
