#include "eventfilterproxy.h"

#include "radixsort.h"

#include <algorithm>
#include <utility>

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
        // Rows leave the source only when retention removes their requests from the session file.
        m_connections << connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                                 [this](const QModelIndex &, int first, int last) {
                                     handleRowsAboutToBeRemoved(first, last);
                                 });
        m_connections << connect(
            m_source, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { handleRowsRemoved(first, last); });
        m_connections << connect(m_source, &EventTableModel::stringsRenumbered, this,
                                 &EventFilterProxy::handleStringsRenumbered);
        m_connections << connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this,
                                 [this] { beginResetModel(); });
        m_connections << connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
            forgetRows();
            computeRows(); // cleared, or rows removed all over the table
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

void EventFilterProxy::handleStringsRenumbered()
{
    // Same rows, same order, same text: only the caches by pool id are built again.
    m_textMasks.clear();
    m_eventOk.clear();
    m_roomOk.clear();
    extendCaches();
    m_ranksValid = false;
    if (m_sortColumn >= 0 && sortsByString())
        computeRanks();
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
    // Called for every filter change and batch: only strings added since are asked about, and
    // only for the parts of the filter in use (the pool holds tens of thousands of strings).
    const StringPool &pool = m_source->strings();
    const auto size = size_t(pool.size());
    const bool byEvent = !m_filter.eventNames().isEmpty();
    const bool byRoom = !m_filter.roomIds().isEmpty();
    const bool byText = m_filter.fullTextMask() != 0;
    for (size_t v = 0; v < kVerdicts; ++v) {
        m_verdictOk[v] = m_filter.acceptsVerdict(Verdict(v));
        m_verdictMasks[v] =
            byText ? m_filter.textMask(EventTableModel::verdictLabel(Verdict(v))) : 0;
    }
    for (size_t id = m_textMasks.size(); id < size; ++id) {
        const QString &text = pool.string(quint32(id));
        m_eventOk.push_back(byEvent ? m_filter.acceptsEventName(text) : 1);
        m_roomOk.push_back(byRoom ? m_filter.acceptsRoomId(text) : 1);
        quint32 mask = 0;
        // Detail strings join several fields: each is matched on its own, so /^x$/ and phrases
        // behave as they do on the command line.
        if (byText) {
            for (const QStringView field : QStringView(text).tokenize(kFieldSeparator))
                mask |= m_filter.textMask(field);
        }
        m_textMasks.push_back(mask);
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
    // Case-folded first, then exact: distinct strings never tie, so the ranks of existing
    // strings keep their relative order when new strings arrive (incremental inserts rely on it).
    // Folding once per string beats folding per comparison (20,000 track labels: 5x).
    struct Ranked
    {
        QString folded;
        quint32 id;
    };
    std::vector<Ranked> order;
    for (size_t id = 0; id < used.size(); ++id) {
        if (used[id])
            order.push_back({pool.string(quint32(id)).toCaseFolded(), quint32(id)});
    }
    std::sort(order.begin(), order.end(), [&pool](const Ranked &a, const Ranked &b) {
        const int folded = QStringView(a.folded).compare(QStringView(b.folded));
        if (folded != 0)
            return folded < 0;
        return pool.string(a.id) < pool.string(b.id);
    });
    m_ranks.assign(used.size(), kUnranked);
    for (size_t i = 0; i < order.size(); ++i)
        m_ranks[order[i].id] = quint32(i);
    m_ranksValid = true;
}

quint32 EventFilterProxy::textMaskOf(const EventRow &row) const
{
    quint32 mask = m_textMasks[row.eventName] | m_textMasks[row.room] |
                   m_textMasks[row.participant] | m_textMasks[row.track] | m_textMasks[row.sender] |
                   m_textMasks[row.roomDetail] | m_textMasks[row.participantDetail] |
                   m_textMasks[row.trackDetail] | m_textMasks[row.otherDetail];
    if (size_t(row.verdict) < kVerdicts)
        mask |= m_verdictMasks[size_t(row.verdict)];
    return mask;
}

quint32 EventFilterProxy::idMaskOf(int sourceRow) const
{
    // One row at a time, for rows arriving in a batch; filteredRows() does the whole table.
    const EventIdIndex &ids = m_source->eventIds();
    if (m_filter.regex())
        return ids.matches(sourceRow, *m_filter.regex()) ? 1u : 0u;
    quint32 mask = 0;
    const QList<QByteArray> &terms = m_filter.foldedUtf8Terms();
    for (int i = 0; i < terms.size(); ++i) {
        if (ids.contains(sourceRow,
                         std::string_view(terms.at(i).data(), size_t(terms.at(i).size()))))
            mask |= quint32(1) << i;
    }
    return mask;
}

bool EventFilterProxy::passesChoices(const EventRow &row) const
{
    return m_eventOk[row.eventName] && m_roomOk[row.roomId] && size_t(row.verdict) < kVerdicts &&
           m_verdictOk[size_t(row.verdict)];
}

bool EventFilterProxy::accepts(int sourceRow) const
{
    const EventRow &row = m_source->eventRow(sourceRow);
    if (!m_filter.isTextValid() || !passesChoices(row))
        return false;
    const quint32 full = m_filter.fullTextMask();
    if (full == 0)
        return true;
    const quint32 mask = textMaskOf(row);
    return mask == full || (mask | idMaskOf(sourceRow)) == full;
}

std::vector<int> EventFilterProxy::filteredRows() const
{
    const int total = m_source->rowCount();
    std::vector<int> rows;
    if (!m_filter.isTextValid())
        return rows; // an invalid expression matches nothing (and says so in the filter bar)
    rows.reserve(size_t(total));
    const quint32 full = m_filter.fullTextMask();
    if (full == 0) {
        for (int row = 0; row < total; ++row) {
            if (passesChoices(m_source->eventRow(row)))
                rows.push_back(row);
        }
        return rows;
    }
    // Free text: each row's strings first (integer look-ups), then the event ids for the whole
    // table at once, one pass over the id buffer per word (or per chunk of ids for a regex).
    // Rows already matched, or filtered out by type, room or verdict, count as matched so a
    // regex does not test their ids.
    std::vector<quint32> masks(size_t(total), full);
    std::vector<int> candidates;
    candidates.reserve(size_t(total));
    for (int row = 0; row < total; ++row) {
        const EventRow &eventRow = m_source->eventRow(row);
        if (passesChoices(eventRow)) {
            candidates.push_back(row);
            masks[size_t(row)] = textMaskOf(eventRow);
        }
    }
    const EventIdIndex &ids = m_source->eventIds();
    if (m_filter.regex()) {
        ids.markMatching(*m_filter.regex(), 1, &masks);
    } else {
        const QList<QByteArray> &terms = m_filter.foldedUtf8Terms();
        for (int i = 0; i < terms.size(); ++i)
            ids.markContaining(std::string_view(terms.at(i).data(), size_t(terms.at(i).size())),
                               quint32(1) << i, &masks);
    }
    for (const int row : candidates) {
        if (masks[size_t(row)] == full)
            rows.push_back(row);
    }
    return rows;
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

void EventFilterProxy::handleRowsAboutToBeRemoved(int first, int last)
{
    // The source still holds the rows: every row shown keeps mapping to the right one while
    // this proxy announces its own removals.
    const auto removed = [first, last](int sourceRow) {
        return sourceRow >= first && sourceRow <= last;
    };
    if (m_sortColumn < 0) { // arrival order: the shown rows are in source order
        const auto begin = std::lower_bound(m_rows.begin(), m_rows.end(), first);
        const auto end = std::upper_bound(begin, m_rows.end(), last);
        if (begin != end) {
            beginRemoveRows(QModelIndex(), int(begin - m_rows.begin()),
                            int(end - m_rows.begin()) - 1);
            m_rows.erase(begin, end);
            endRemoveRows();
        }
        return;
    }
    RowRuns runs; // of shown rows
    for (int at = 0; at < int(m_rows.size()); ++at) {
        if (removed(m_rows[size_t(at)]))
            addToRuns(&runs, at);
    }
    if (runs.size() > size_t(EventTableModel::kMaxRemovalRuns)) {
        // Scattered over the sort order: one reset (the view finds its selection again) rather
        // than a removal and a move of the whole vector per run.
        beginResetModel();
        m_resetForRemoval = true;
        m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(), removed), m_rows.end());
        return;
    }
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        beginRemoveRows(QModelIndex(), run->first, run->second);
        m_rows.erase(m_rows.begin() + run->first, m_rows.begin() + run->second + 1);
        endRemoveRows();
    }
}

void EventFilterProxy::handleRowsRemoved(int first, int last)
{
    const int count = last - first + 1;
    for (int &sourceRow : m_rows) {
        if (sourceRow > last)
            sourceRow -= count;
    }
    if (std::exchange(m_resetForRemoval, false))
        endResetModel();
    announceCounts();
}

void EventFilterProxy::rebuild()
{
    beginResetModel();
    computeRows();
    endResetModel();
    announceCounts();
}

void EventFilterProxy::computeRows()
{
    m_rows.clear();
    if (m_source) {
        extendCaches();
        m_rows = filteredRows();
        if (m_sortColumn >= 0) {
            if (sortsByString() && !m_ranksValid)
                computeRanks();
            std::vector<quint64> keys(m_rows.size());
            for (size_t i = 0; i < m_rows.size(); ++i)
                keys[i] = sortKey(m_rows[i]);
            radixSortRows(&m_rows, keys, m_sortOrder == Qt::DescendingOrder);
        }
    }
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

EventFilterProxy::NewestEdge EventFilterProxy::newestEdge() const
{
    if (m_sortColumn != EventTableModel::SeqColumn && m_sortColumn != EventTableModel::TimeColumn)
        return m_sortColumn < 0 ? NewestEdge::Bottom : NewestEdge::None;
    return m_sortOrder == Qt::AscendingOrder ? NewestEdge::Bottom : NewestEdge::Top;
}

int EventFilterProxy::newestRow() const
{
    if (m_rows.empty())
        return -1;
    switch (newestEdge()) {
    case NewestEdge::Bottom:
        return int(m_rows.size()) - 1;
    case NewestEdge::Top:
        return 0;
    case NewestEdge::None:
        break;
    }
    return int(std::max_element(m_rows.begin(), m_rows.end()) - m_rows.begin());
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
