// Paints the event table's cells: the family icon beside the event name, the verdict icon beside
// the verdict, and a faint tint (derived from the palette's base colour, so it suits light and
// dark themes) behind requests that failed verification. GUI thread.
#pragma once

#include <QStyledItemDelegate>

namespace pnm {

class EventItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace pnm
