#include "eventtableview.h"

#include "eventfilterproxy.h"
#include "eventitemdelegate.h"

#include <QHeaderView>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <algorithm>

namespace pnm {

namespace {
constexpr int kDefaultWidths[EventTableModel::ColumnCount] = {60,  95,  170, 200, 170,
                                                              150, 150, 70,  110};
}

EventTableView::EventTableView(QWidget *parent) : QTableView(parent)
{
    setItemDelegate(new EventItemDelegate(this));
    setSelectionBehavior(SelectRows);
    // Several requests at once for File > Export's "selection" scope.
    setSelectionMode(ExtendedSelection);
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
    connect(proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { handleAboutToInsert(first, last); });
    connect(proxy, &QAbstractItemModel::rowsInserted, this, &EventTableView::handleRowsChanged);
    // Retention removes the oldest requests while the table is watched.
    connect(proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { handleAboutToRemove(first, last); });
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &EventTableView::handleRowsChanged);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_inReset && !m_restoringSelection)
            m_selection.clear(); // the user's own choice: rows a filter hid are not in it
    });
    connect(proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            &EventTableView::handleAboutToReset);
    // Filtering and sorting reset the proxy: find the selected request again by its number.
    connect(proxy, &QAbstractItemModel::modelReset, this, &EventTableView::handleReset);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            &EventTableView::updateFollowPaused);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &EventTableView::updateFollowPaused);
}

bool EventTableView::isAtNewest() const
{
    if (!m_proxy || m_proxy->rowCount() == 0)
        return true;
    const QScrollBar *bar = verticalScrollBar();
    switch (m_proxy->newestEdge()) {
    case EventFilterProxy::NewestEdge::Bottom:
        return bar->value() >= bar->maximum();
    case EventFilterProxy::NewestEdge::Top:
        return bar->value() <= bar->minimum();
    case EventFilterProxy::NewestEdge::None:
        break;
    }
    const int row = m_proxy->newestRow();
    const int y = rowViewportPosition(row);
    return y + rowHeight(row) > 0 && y < viewport()->height();
}

void EventTableView::scrollToNewest()
{
    if (!m_proxy || m_proxy->rowCount() == 0)
        return;
    switch (m_proxy->newestEdge()) {
    case EventFilterProxy::NewestEdge::Bottom:
        scrollToBottom();
        break;
    case EventFilterProxy::NewestEdge::Top:
        scrollToTop();
        break;
    case EventFilterProxy::NewestEdge::None:
        scrollTo(m_proxy->index(m_proxy->newestRow(), horizontalHeader()->logicalIndexAt(0)));
        break;
    }
}

void EventTableView::handleAboutToInsert(int first, int last)
{
    m_wasAtNewest = isAtNewest();
    // Rows landing above what a reader looks at (newest first, or another sort) would push it
    // down; remember how many so that the view can move with them.
    const int top = rowAt(0);
    m_rowsAbove = !m_wasAtNewest && top >= 0 && first <= top ? last - first + 1 : 0;
}

void EventTableView::handleAboutToRemove(int first, int last)
{
    m_wasAtNewest = isAtNewest();
    const int top = rowAt(0);
    m_rowsAbove = !m_wasAtNewest && top > first ? -(std::min(last, top - 1) - first + 1) : 0;
}

void EventTableView::handleRowsChanged()
{
    if (m_follow && m_wasAtNewest) {
        scrollToNewest();
    } else if (m_rowsAbove != 0) {
        executeDelayedItemsLayout(); // the scroll range must include the new rows first
        updateGeometries();
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + m_rowsAbove * verticalHeader()->defaultSectionSize());
    }
    m_rowsAbove = 0;
    updateFollowPaused();
}

void EventTableView::handleAboutToReset()
{
    m_inReset = true;
    // The proxy still has its rows: read the selection before the reset empties it.
    m_selection.remember(*m_proxy, selectionModel()->selection());
}

void EventTableView::handleReset()
{
    m_inReset = false;
    if (m_proxy->eventModel() && m_proxy->eventModel()->rowCount() == 0) {
        m_selection.clear(); // the table was cleared: those requests are gone
        if (m_currentSeq != 0) {
            m_currentSeq = 0;
            emit currentSeqChanged(0);
        }
    }
    {
        const QScopedValueRollback restoring(m_restoringSelection, true);
        selectionModel()->select(m_selection.selection(*m_proxy),
                                 QItemSelectionModel::ClearAndSelect);
    }
    const int row = m_currentSeq != 0 ? m_proxy->rowForSeq(m_currentSeq) : -1;
    if (row >= 0) {
        const QModelIndex index = m_proxy->index(row, 0);
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        scrollTo(index);
    } else if (m_follow) {
        scrollToNewest();
    }
    updateFollowPaused();
}

void EventTableView::updateFollowPaused()
{
    const bool paused = isFollowPaused();
    if (paused == m_followPaused)
        return;
    m_followPaused = paused;
    emit followPausedChanged(paused);
}

void EventTableView::setFollowNewest(bool follow)
{
    m_follow = follow;
    if (follow)
        scrollToNewest();
    updateFollowPaused();
}

void EventTableView::resumeFollowing()
{
    scrollToNewest();
    updateFollowPaused();
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
    // A reset (filter or sort) clears the current index: keep remembering the request, even
    // while the filter hides it, until another is chosen or the table is cleared.
    if (m_inReset || !current.isValid())
        return;
    const quint64 seq = current.data(EventTableModel::SeqRole).toULongLong();
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
