#include "eventitemdelegate.h"

#include "eventicons.h"
#include "eventtablemodel.h"

namespace pnm {

namespace {
// Mixes a warm hue into the base colour: visible in light and dark palettes, never loud.
QColor failureTint(const QColor &base)
{
    const bool dark = base.lightness() < 128;
    const QColor hue = dark ? QColor::fromHsl(0, 120, 90) : QColor::fromHsl(0, 200, 215);
    constexpr double kWeight = 0.35;
    return QColor::fromRgbF(float(base.redF() * (1 - kWeight) + hue.redF() * kWeight),
                            float(base.greenF() * (1 - kWeight) + hue.greenF() * kWeight),
                            float(base.blueF() * (1 - kWeight) + hue.blueF() * kWeight));
}
} // namespace

void EventItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool failed = index.data(EventTableModel::IsFailureRole).toBool();
    if (index.column() == EventTableModel::EventColumn) {
        option->icon =
            EventIcons::family(EventFamily(index.data(EventTableModel::FamilyRole).toInt()));
        option->features |= QStyleOptionViewItem::HasDecoration;
    } else if (index.column() == EventTableModel::VerdictColumn) {
        option->icon = EventIcons::verdict(
            verdictClassOf(Verdict(index.data(EventTableModel::VerdictRole).toInt())));
        option->features |= QStyleOptionViewItem::HasDecoration;
        if (failed)
            option->font.setBold(true);
    }
    if (failed && !(option->state & QStyle::State_Selected))
        option->backgroundBrush = failureTint(option->palette.color(QPalette::Base));
}

} // namespace pnm
