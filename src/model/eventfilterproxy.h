// Filters and sorts the event table for the view. A flat proxy over EventTableModel that keeps a
// vector of source rows. A filter change asks EventFilter once per distinct string (cached by pool
// id) and scans the event ids once per search word; each row is then a few integer look-ups, and
// sorting is a radix sort on integer keys, so a million rows answer in tens of milliseconds (see
// benchmarks/gui/bench_millionrows). GUI thread.
#pragma once

#include "events/eventfilter.h"
#include "eventtablemodel.h"

#include <QAbstractProxyModel>
#include <array>
#include <vector>

namespace pnm {

class EventFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    EventTableModel *eventModel() const { return m_source; }

    const EventFilter &filter() const { return m_filter; }
    void setFilter(const EventFilter &filter);

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // column -1 restores arrival order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Where the newest shown request is: last in arrival order or ascending by # or time, first
    // when descending by them, anywhere when sorted by another column (the view follows it).
    enum class NewestEdge
    {
        Bottom,
        Top,
        None
    };
    NewestEdge newestEdge() const;
    int newestRow() const; // proxy row, -1 when nothing is shown

    int shownCount() const { return int(m_rows.size()); }
    int rowForSeq(quint64 seq) const; // proxy row, or -1 when filtered out or absent

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

signals:
    // After a filter change, a sort or appended rows: shownCount() may have changed.
    void shownCountChanged(int shown, int total);

private:
    void handleRowsInserted(int first, int last);
    void handleRowsAboutToBeRemoved(int first, int last);
    void handleRowsRemoved(int first, int last);
    void rebuild();
    void computeRows(); // m_rows from the filter and sort (inside a reset)
    void forgetRows();
    void handleStringsRenumbered();
    void extendCaches();
    void computeRanks();
    bool sortsByString() const;
    quint32 stringColumnId(const EventRow &row) const;
    bool isRanked(quint32 id) const;
    quint32 textMaskOf(const EventRow &row) const;
    quint32 idMaskOf(int sourceRow) const;
    bool passesChoices(const EventRow &row) const; // event type, room and verdict
    bool accepts(int sourceRow) const;
    std::vector<int> filteredRows() const;
    quint64 sortKey(int sourceRow) const;
    bool lessThan(int a, int b) const;
    void announceCounts();

    EventTableModel *m_source = nullptr;
    EventFilter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_rows; // source rows in shown order
    // Per StringPool id: the answers that do not depend on the row (filled up to pool size,
    // and only for the parts of the filter in use).
    std::vector<quint32> m_textMasks;
    std::vector<quint8> m_eventOk;
    std::vector<quint8> m_roomOk;
    static constexpr size_t kVerdicts = 12;
    std::array<quint32, kVerdicts> m_verdictMasks{}; // text mask of each verdict's label
    std::array<bool, kVerdicts> m_verdictOk{};
    static constexpr quint32 kUnranked = 0xffffffffu;
    std::vector<quint32> m_ranks; // sort rank of each pool string the sort column uses
    bool m_ranksValid = false;
    bool m_resetForRemoval = false; // the source's removal is shown as a reset
    QList<QMetaObject::Connection> m_connections;
};

} // namespace pnm
