#include "eventfilterproxy.h"

#include <algorithm>
#include <numeric>

namespace pnm {

EventFilterProxy::EventFilterProxy(QObject *parent) : QAbstractProxyModel(parent) {}

void EventFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    beginResetModel();
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_source = qobject_cast<EventTableModel *>(sourceModel);
    Q_ASSERT_X(sourceModel == nullptr || m_source, "EventFilterProxy",
               "the source must be an EventTableModel");
    QAbstractProxyModel::setSourceModel(m_source);
    if (m_source) {
        m_connections << connect(
            m_source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { handleRowsInserted(first, last); });
        // The source is append-only; anything else it does is handled as a reset.
        m_connections << connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this,
                                 [this] { beginResetModel(); });
        m_connections << connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
            forgetRows();
            endResetModel();
            announceCounts();
        });
    }
    forgetRows();
    endResetModel();
    rebuild();
}

void EventFilterProxy::forgetRows()
{
    // The pool ids the caches are indexed by start again after a source reset.
    m_rows.clear();
    m_textMasks.clear();
    m_eventOk.clear();
    m_roomOk.clear();
    m_ranksValid = false;
}

void EventFilterProxy::setFilter(const EventFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_textMasks.clear();
    m_eventOk.clear();
    m_roomOk.clear();
    rebuild();
}

void EventFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column >= EventTableModel::ColumnCount)
        column = -1;
    m_sortColumn = column;
    m_sortOrder = order;
    m_ranksValid = false;
    rebuild();
}

void EventFilterProxy::extendCaches()
{
    const StringPool &pool = m_source->strings();
    const auto size = size_t(pool.size());
    const bool hasText = m_filter.fullTextMask() != 0;
    for (size_t v = 0; v < m_verdictMasks.size(); ++v)
        m_verdictMasks[v] =
            hasText ? m_filter.textMask(EventTableModel::verdictLabel(Verdict(v))) : 0;
    for (size_t id = m_eventOk.size(); id < size; ++id) {
        const QString &text = pool.string(quint32(id));
        m_eventOk.push_back(m_filter.acceptsEventName(text));
        m_roomOk.push_back(m_filter.acceptsRoomId(text));
        m_textMasks.push_back(hasText ? m_filter.textMask(text) : 0);
    }
}

quint32 EventFilterProxy::stringColumnId(const EventRow &row) const
{
    switch (m_sortColumn) {
    case EventTableModel::EventColumn:
        return row.eventName;
    case EventTableModel::RoomColumn:
        return row.room;
    case EventTableModel::ParticipantColumn:
        return row.participant;
    case EventTableModel::TrackColumn:
        return row.track;
    case EventTableModel::SenderColumn:
        return row.sender;
    default:
        return kUnranked;
    }
}

bool EventFilterProxy::sortsByString() const
{
    return m_sortColumn == EventTableModel::EventColumn ||
           m_sortColumn == EventTableModel::RoomColumn ||
           m_sortColumn == EventTableModel::ParticipantColumn ||
           m_sortColumn == EventTableModel::TrackColumn ||
           m_sortColumn == EventTableModel::SenderColumn;
}

bool EventFilterProxy::isRanked(quint32 id) const
{
    return id < m_ranks.size() && m_ranks[id] != kUnranked;
}

void EventFilterProxy::computeRanks()
{
    // Only the strings this column uses are ranked: a few hundred rooms or a few thousand
    // people, not every interned string.
    const StringPool &pool = m_source->strings();
    std::vector<bool> used(size_t(pool.size()), false);
    const int total = m_source->rowCount();
    for (int row = 0; row < total; ++row)
        used[stringColumnId(m_source->eventRow(row))] = true;
    std::vector<quint32> order;
    for (size_t id = 0; id < used.size(); ++id) {
        if (used[id])
            order.push_back(quint32(id));
    }
    // Case-insensitive first, then exact: distinct strings never tie, so the ranks of existing
    // strings keep their relative order when new strings arrive (incremental inserts rely on it).
    std::sort(order.begin(), order.end(), [&pool](quint32 a, quint32 b) {
        const int folded = pool.string(a).compare(pool.string(b), Qt::CaseInsensitive);
        if (folded != 0)
            return folded < 0;
        return pool.string(a).compare(pool.string(b), Qt::CaseSensitive) < 0;
    });
    m_ranks.assign(used.size(), kUnranked);
    for (size_t i = 0; i < order.size(); ++i)
        m_ranks[order[i]] = quint32(i);
    m_ranksValid = true;
}

bool EventFilterProxy::accepts(int sourceRow) const
{
    if (m_filter.isEmpty())
        return true;
    const EventRow &row = m_source->eventRow(sourceRow);
    if (!m_eventOk[row.eventName] || !m_filter.acceptsVerdict(row.verdict))
        return false;
    if (!m_filter.roomIds().isEmpty() && (row.roomId == 0 || !m_roomOk[row.roomId]))
        return false;
    if (!m_filter.isTextValid())
        return false;
    const quint32 full = m_filter.fullTextMask();
    if (full == 0)
        return true;
    quint32 mask = m_textMasks[row.eventName] | m_textMasks[row.room] |
                   m_textMasks[row.participant] | m_textMasks[row.track] | m_textMasks[row.sender] |
                   m_textMasks[row.extra];
    if (size_t(row.verdict) < m_verdictMasks.size())
        mask |= m_verdictMasks[size_t(row.verdict)];
    if (mask != full && !row.eventId.isEmpty())
        mask |= m_filter.textMask(QLatin1StringView(row.eventId));
    return mask == full;
}

quint64 EventFilterProxy::sortKey(int sourceRow) const
{
    const EventRow &row = m_source->eventRow(sourceRow);
    switch (m_sortColumn) {
    case EventTableModel::TimeColumn:
        return quint64(row.receivedAtMs) ^ (quint64(1) << 63); // order-preserving for negatives
    case EventTableModel::EventColumn:
        return m_ranks[row.eventName];
    case EventTableModel::RoomColumn:
        return m_ranks[row.room];
    case EventTableModel::ParticipantColumn:
        return m_ranks[row.participant];
    case EventTableModel::TrackColumn:
        return m_ranks[row.track];
    case EventTableModel::VerdictColumn:
        return quint64(row.verdict);
    case EventTableModel::SizeColumn:
        return row.bodyBytes;
    case EventTableModel::SenderColumn:
        return m_ranks[row.sender];
    default:
        return row.seq;
    }
}

bool EventFilterProxy::lessThan(int a, int b) const
{
    // Ties keep arrival order in both directions, so equal keys never shuffle.
    const quint64 ka = sortKey(a);
    const quint64 kb = sortKey(b);
    if (ka != kb)
        return m_sortOrder == Qt::AscendingOrder ? ka < kb : ka > kb;
    return a < b;
}

void EventFilterProxy::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_source) {
        extendCaches();
        const int total = m_source->rowCount();
        m_rows.reserve(size_t(total));
        for (int row = 0; row < total; ++row) {
            if (accepts(row))
                m_rows.push_back(row);
        }
        if (m_sortColumn >= 0) {
            if (sortsByString() && !m_ranksValid)
                computeRanks();
            // Sort (key, row) pairs: contiguous and branch-light, far faster than comparing
            // through the rows for a million entries.
            std::vector<std::pair<quint64, int>> keyed;
            keyed.reserve(m_rows.size());
            for (const int row : m_rows)
                keyed.emplace_back(sortKey(row), row);
            if (m_sortOrder == Qt::AscendingOrder)
                std::sort(keyed.begin(), keyed.end());
            else
                std::sort(keyed.begin(), keyed.end(), [](const auto &x, const auto &y) {
                    return x.first != y.first ? x.first > y.first : x.second < y.second;
                });
            for (size_t i = 0; i < keyed.size(); ++i)
                m_rows[i] = keyed[i].second;
        }
    }
    endResetModel();
    announceCounts();
}

void EventFilterProxy::handleRowsInserted(int first, int last)
{
    extendCaches();
    std::vector<int> added;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            added.push_back(row);
    }
    if (added.empty()) {
        announceCounts();
        return;
    }
    if (m_sortColumn < 0) {
        const int at = int(m_rows.size());
        beginInsertRows(QModelIndex(), at, at + int(added.size()) - 1);
        m_rows.insert(m_rows.end(), added.begin(), added.end());
        endInsertRows();
        announceCounts();
        return;
    }
    if (sortsByString()) {
        // A string this column has not ranked yet: rank again (existing ranks keep their order).
        for (const int row : added) {
            if (!isRanked(stringColumnId(m_source->eventRow(row)))) {
                computeRanks();
                break;
            }
        }
    }
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    std::sort(added.begin(), added.end(), less);
    // Usually every new row lands in one place (the end when ascending by time, the top when
    // descending): one insertion. Otherwise insert runs that share a position.
    size_t i = 0;
    while (i < added.size()) {
        const auto pos = std::upper_bound(m_rows.begin(), m_rows.end(), added[i], less);
        size_t j = i + 1;
        while (j < added.size() && (pos == m_rows.end() || lessThan(added[j], *pos)))
            ++j;
        const int at = int(pos - m_rows.begin());
        beginInsertRows(QModelIndex(), at, at + int(j - i) - 1);
        m_rows.insert(pos, added.begin() + qsizetype(i), added.begin() + qsizetype(j));
        endInsertRows();
        i = j;
    }
    announceCounts();
}

void EventFilterProxy::announceCounts()
{
    emit shownCountChanged(shownCount(), m_source ? m_source->rowCount() : 0);
}

int EventFilterProxy::rowForSeq(quint64 seq) const
{
    if (!m_source)
        return -1;
    const int sourceRow = m_source->rowForSeq(seq);
    if (sourceRow < 0)
        return -1;
    const auto found = std::find(m_rows.begin(), m_rows.end(), sourceRow);
    return found == m_rows.end() ? -1 : int(found - m_rows.begin());
}

QModelIndex EventFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex EventFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex EventFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int EventFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

bool EventFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

QModelIndex EventFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this ||
        proxyIndex.row() >= int(m_rows.size()))
        return {};
    return m_source->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex EventFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid())
        return {};
    const auto found = std::find(m_rows.begin(), m_rows.end(), sourceIndex.row());
    if (found == m_rows.end())
        return {};
    return createIndex(int(found - m_rows.begin()), sourceIndex.column());
}

} // namespace pnm
