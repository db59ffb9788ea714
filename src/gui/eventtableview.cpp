#include "eventtableview.h"

#include "eventfilterproxy.h"
#include "eventitemdelegate.h"

#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>

namespace pnm {

namespace {
constexpr int kDefaultWidths[EventTableModel::ColumnCount] = {60,  95,  170, 200, 170,
                                                              150, 150, 70,  110};
}

EventTableView::EventTableView(QWidget *parent) : QTableView(parent)
{
    setItemDelegate(new EventItemDelegate(this));
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setShowGrid(false);
    setTextElideMode(Qt::ElideRight);
    setVerticalScrollMode(ScrollPerPixel);
    // Fixed heights: a million rows never get measured (style.md section 5.5).
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            &EventTableView::showHeaderMenu);
}

void EventTableView::setEventModel(EventFilterProxy *proxy)
{
    m_proxy = proxy;
    setModel(proxy);
    for (int column = 0; column < EventTableModel::ColumnCount; ++column)
        setColumnWidth(column, kDefaultWidths[column]);
    // No indicator: arrival order until the user clicks a header.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { handleCurrentChanged(current); });
    connect(proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = verticalScrollBar();
        m_wasAtEnd = bar->value() >= bar->maximum();
    });
    connect(proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow && m_wasAtEnd)
            scrollToBottom();
    });
    // Filtering and sorting reset the proxy: find the selected request again by its number.
    connect(proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (m_currentSeq != 0)
            selectSeq(m_currentSeq);
    });
}

void EventTableView::setFollowNewest(bool follow)
{
    m_follow = follow;
    if (follow)
        scrollToBottom();
}

QList<bool> EventTableView::columnsVisible() const
{
    QList<bool> visible;
    for (int column = 0; column < EventTableModel::ColumnCount; ++column)
        visible.append(!isColumnHidden(column));
    return visible;
}

void EventTableView::setColumnsVisible(const QList<bool> &visible)
{
    for (int column = 0; column < visible.size() && column < EventTableModel::ColumnCount; ++column)
        setColumnHidden(column, !visible.at(column));
}

void EventTableView::showHeaderMenu(const QPoint &position)
{
    QMenu menu(this);
    for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
        QAction *action = menu.addAction(EventTableModel::columnTitle(column));
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        connect(action, &QAction::toggled, this,
                [this, column](bool shown) { setColumnHidden(column, !shown); });
    }
    menu.exec(horizontalHeader()->viewport()->mapToGlobal(position));
}

void EventTableView::handleCurrentChanged(const QModelIndex &current)
{
    const quint64 seq =
        current.isValid() ? current.data(EventTableModel::SeqRole).toULongLong() : 0;
    // A reset clears the current index; keep remembering the request until another is chosen.
    if (seq == 0 && m_proxy && m_proxy->rowCount() > 0 && m_currentSeq != 0 &&
        m_proxy->rowForSeq(m_currentSeq) >= 0)
        return;
    if (seq == m_currentSeq)
        return;
    m_currentSeq = seq;
    emit currentSeqChanged(seq);
}

void EventTableView::selectSeq(quint64 seq)
{
    if (!m_proxy)
        return;
    const int row = m_proxy->rowForSeq(seq);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->index(row, 0);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index);
}

void EventTableView::moveBy(int delta)
{
    if (!m_proxy || m_proxy->rowCount() == 0)
        return;
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : m_proxy->rowCount() - 1);
    row = qBound(0, row, m_proxy->rowCount() - 1);
    const QModelIndex index = m_proxy->index(row, current.isValid() ? current.column() : 0);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index);
}

void EventTableView::selectNext()
{
    moveBy(1);
}

void EventTableView::selectPrevious()
{
    moveBy(-1);
}

} // namespace pnm
