#include "windowplacement.h"

#include <QScreen>
#include <QWidget>

namespace pnm {

namespace {
// Room left around the window for panels and a glimpse of what is behind it.
constexpr double kScreenShare = 0.9;
constexpr int kCascadeStep = 32;
} // namespace

void fitToScreen(QWidget *window, int cascade)
{
    const QScreen *screen = window->screen();
    if (screen == nullptr)
        return;
    const QRect available = screen->availableGeometry();
    window->resize(window->size()
                       .boundedTo(available.size() * kScreenShare)
                       .expandedTo(window->minimumSizeHint()));
    QRect placed = window->rect();
    placed.moveCenter(available.center() + QPoint(cascade, cascade) * kCascadeStep);
    // Kept on the screen: a long cascade starts again from the top left of the free area.
    if (!available.contains(placed))
        placed.moveTopLeft(available.topLeft());
    window->move(placed.topLeft());
}

} // namespace pnm
