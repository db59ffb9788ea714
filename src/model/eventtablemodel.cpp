#include "eventtablemodel.h"

#include "events/eventfilter.h"

#include <QLocale>
#include <algorithm>

namespace pnm {

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventTableModel::columnTitle(int column)
{
    switch (column) {
    case SeqColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case RoomColumn:
        return tr("Room");
    case ParticipantColumn:
        return tr("Participant");
    case TrackColumn:
        return tr("Track");
    case VerdictColumn:
        return tr("Signature");
    case SizeColumn:
        return tr("Size");
    case SenderColumn:
        return tr("Sender");
    default:
        return QString();
    }
}

QString EventTableModel::verdictLabel(Verdict verdict)
{
    // A symbol as well as words, so failures never depend on colour alone.
    QString words = verdictName(verdict);
    words.replace(u'_', u' ');
    switch (verdictClassOf(verdict)) {
    case VerdictClass::Valid:
        return QStringLiteral("\u2713 ") + words;
    case VerdictClass::Unverified:
        return QStringLiteral("? ") + words;
    case VerdictClass::Failed:
        break;
    }
    return QStringLiteral("\u2717 ") + words;
}

QString EventTableModel::displayText(const EventRow &row, int column) const
{
    switch (column) {
    case SeqColumn:
        return QString::number(row.seq);
    case TimeColumn:
        return m_times.label(row.receivedAtMs);
    case EventColumn:
        return m_strings.string(row.eventName);
    case RoomColumn:
        return m_strings.string(row.room);
    case ParticipantColumn:
        return m_strings.string(row.participant);
    case TrackColumn:
        return m_strings.string(row.track);
    case VerdictColumn:
        return verdictLabel(row.verdict);
    case SizeColumn:
        return QLocale::system().formattedDataSize(row.bodyBytes, 1,
                                                   QLocale::DataSizeTraditionalFormat);
    case SenderColumn:
        return m_strings.string(row.sender);
    default:
        return QString();
    }
}

QVariant EventTableModel::rawValue(const EventRow &row, int column) const
{
    switch (column) {
    case SeqColumn:
        return QVariant::fromValue(row.seq);
    case TimeColumn:
        return QVariant::fromValue(row.receivedAtMs);
    case VerdictColumn:
        return int(row.verdict);
    case SizeColumn:
        return row.bodyBytes;
    default:
        return displayText(row, column);
    }
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRow &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == VerdictColumn)
            return verdictAdvice(row.verdict);
        if (index.column() == RoomColumn || index.column() == ParticipantColumn)
            return displayText(row, index.column());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SeqRole:
        return QVariant::fromValue(row.seq);
    case RawValueRole:
        return rawValue(row, index.column());
    case FamilyRole:
        return int(row.family);
    case VerdictRole:
        return int(row.verdict);
    case IsFailureRole:
        return verdictClassOf(row.verdict) == VerdictClass::Failed;
    case EventNameRole:
        return m_strings.string(row.eventName);
    case RoomIdRole:
        return m_strings.string(row.roomId);
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    return {};
}

Qt::ItemFlags EventTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

PreparedRow EventTableModel::prepare(const RecordedRequest &request)
{
    ++m_outstanding;
    return {buildEventRow(request, &m_strings), request.event.id, m_generation};
}

std::optional<EventRow> EventTableModel::takePrepared(const PreparedRow &prepared)
{
    if (prepared.tableGeneration == m_generation) {
        --m_outstanding;
        return prepared.row;
    }
    if (prepared.tableGeneration + 1 != m_generation || m_outstandingBefore == 0)
        return std::nullopt; // from before a clear()
    EventRow row = prepared.row;
    forEachStringId(row, [this](quint32 &id) { id = m_strings.intern(m_stringsBefore.at(id)); });
    if (--m_outstandingBefore == 0)
        m_stringsBefore.clear();
    return row;
}

void EventTableModel::discardPrepared(const QList<PreparedRow> &rows)
{
    for (const PreparedRow &prepared : rows)
        takePrepared(prepared);
}

void EventTableModel::appendBatch(const QList<RecordedRequest> &requests)
{
    QList<PreparedRow> rows;
    rows.reserve(requests.size());
    for (const RecordedRequest &request : requests)
        rows.append(prepare(request));
    appendPrepared(rows);
}

void EventTableModel::appendPrepared(const QList<PreparedRow> &rows)
{
    std::vector<std::pair<EventRow, const QString *>> taken;
    taken.reserve(size_t(rows.size()));
    for (const PreparedRow &prepared : rows) {
        if (std::optional<EventRow> row = takePrepared(prepared))
            taken.emplace_back(*row, &prepared.eventId);
    }
    if (taken.empty())
        return;
    const int first = int(m_rows.size());
    const int last = first + int(taken.size()) - 1; // inclusive
    bool choicesGrew = false;
    // The counts are updated before the announcement so views never see a half-made table.
    for (const auto &[row, eventId] : taken) {
        if (verdictClassOf(row.verdict) == VerdictClass::Failed)
            ++m_failed;
        auto name = m_eventNames.find(row.eventName);
        if (name == m_eventNames.end()) {
            name = m_eventNames.insert(row.eventName, {row.family, 0});
            choicesGrew = true;
        }
        ++name->count;
        if (row.roomId != 0) {
            auto room = m_rooms.find(row.roomId);
            if (room == m_rooms.end()) {
                room = m_rooms.insert(row.roomId, {row.room, 0});
                choicesGrew = true;
            } else if (room->label != row.room) {
                room->label = row.room; // the title arrived or changed: offer the newest
                choicesGrew = true;
            }
            ++room->count;
        }
    }
    beginInsertRows(QModelIndex(), first, last);
    for (const auto &[row, eventId] : taken) {
        m_rows.push_back(row);
        m_ids.append(*eventId);
        m_highestSeq = std::max(m_highestSeq, row.seq);
    }
    endInsertRows();
    emit countsChanged();
    if (choicesGrew)
        emit choicesChanged();
}

void EventTableModel::reserve(int rows)
{
    m_rows.reserve(m_rows.size() + size_t(std::max(rows, 0)));
    m_ids.reserve(std::max(rows, 0));
}

int EventTableModel::removeSeqs(QList<quint64> seqs)
{
    std::sort(seqs.begin(), seqs.end());
    // Runs of adjacent rows, in increasing order (the rows are sorted by sequence number).
    RowRuns runs;
    for (const quint64 seq : std::as_const(seqs)) {
        if (const int row = rowForSeq(seq); row >= 0)
            addToRuns(&runs, row);
    }
    if (runs.empty())
        return 0;
    int removed = 0;
    for (const auto &[first, last] : runs) {
        removed += last - first + 1;
        for (int row = first; row <= last; ++row)
            forget(m_rows[size_t(row)]);
    }
    if (runs.size() > size_t(kMaxRemovalRuns)) {
        beginResetModel();
        eraseRuns(runs);
        endResetModel();
    } else {
        // From the last run back, so that the earlier runs' row numbers still hold.
        for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
            beginRemoveRows(QModelIndex(), run->first, run->second);
            eraseRuns({*run});
            endRemoveRows();
        }
    }
    emit countsChanged();
    m_removedSinceRenumbering += quint64(removed);
    if (m_removedSinceRenumbering >= std::max(kMinTurnover, quint64(m_rows.size())) &&
        m_outstandingBefore == 0)
        dropDeadStrings();
    return removed;
}

void EventTableModel::dropDeadStrings()
{
    m_removedSinceRenumbering = 0;
    // Live: what a row or a filter choice (kept at a count of 0) names. Rows prepared but not
    // yet here may name others: they are mapped through the old pool when they arrive.
    std::vector<bool> live(size_t(m_strings.size()), false);
    qsizetype liveCount = 0;
    const auto mark = [&live, &liveCount](quint32 id) {
        if (!live[id]) {
            live[id] = true;
            ++liveCount;
        }
    };
    for (EventRow &row : m_rows)
        forEachStringId(row, [&mark](quint32 &id) { mark(id); });
    for (auto it = m_eventNames.constBegin(); it != m_eventNames.constEnd(); ++it)
        mark(it.key());
    for (auto it = m_rooms.constBegin(); it != m_rooms.constEnd(); ++it) {
        mark(it.key());
        mark(it->label);
    }
    const qsizetype dead = m_strings.size() - liveCount;
    if (dead < kMinDeadStrings || dead < liveCount / 2)
        return;

    m_stringsBefore = m_strings.all();
    const std::vector<quint32> newIds = m_strings.keepOnly(live);
    for (EventRow &row : m_rows)
        forEachStringId(row, [&newIds](quint32 &id) { id = newIds[id]; });
    QHash<quint32, NameSeen> names;
    for (auto it = m_eventNames.constBegin(); it != m_eventNames.constEnd(); ++it)
        names.insert(newIds[it.key()], it.value());
    m_eventNames = std::move(names);
    QHash<quint32, RoomSeen> rooms;
    for (auto it = m_rooms.constBegin(); it != m_rooms.constEnd(); ++it)
        rooms.insert(newIds[it.key()], {newIds[it->label], it->count});
    m_rooms = std::move(rooms);
    ++m_generation;
    m_outstandingBefore = std::exchange(m_outstanding, 0);
    if (m_outstandingBefore == 0)
        m_stringsBefore.clear();
    emit stringsRenumbered();
}

void EventTableModel::forget(const EventRow &row)
{
    if (verdictClassOf(row.verdict) == VerdictClass::Failed)
        --m_failed;
    // A choice whose rows are all gone stays, with a count of 0: it may be the filter in use,
    // and the filter bar would otherwise show "All rooms" while the table still filters by it.
    const auto name = m_eventNames.find(row.eventName);
    if (name != m_eventNames.end())
        --name->count;
    if (row.roomId != 0) {
        const auto room = m_rooms.find(row.roomId);
        if (room != m_rooms.end())
            --room->count;
    }
}

void EventTableModel::eraseRuns(const RowRuns &runs)
{
    auto write = m_rows.begin() + runs.front().first;
    for (size_t r = 0; r < runs.size(); ++r) {
        const auto keepFirst = m_rows.begin() + runs[r].second + 1;
        const auto keepEnd =
            r + 1 < runs.size() ? m_rows.begin() + runs[r + 1].first : m_rows.end();
        write = std::move(keepFirst, keepEnd, write);
    }
    m_rows.erase(write, m_rows.end());
    m_ids.removeRuns(runs);
}

void EventTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_strings.clear();
    m_ids.clear();
    m_eventNames.clear();
    m_rooms.clear();
    m_failed = 0;
    m_highestSeq = 0;
    ++m_generation;
    m_outstanding = 0;
    m_outstandingBefore = 0;
    m_stringsBefore.clear();
    m_removedSinceRenumbering = 0;
    endResetModel();
    emit countsChanged();
    emit choicesChanged();
}

int EventTableModel::rowForSeq(quint64 seq) const
{
    // Sequence numbers arrive in increasing order, so the rows are sorted by them.
    const auto found = std::lower_bound(m_rows.begin(), m_rows.end(), seq,
                                        [](const EventRow &row, quint64 s) { return row.seq < s; });
    if (found == m_rows.end() || found->seq != seq)
        return -1;
    return int(found - m_rows.begin());
}

QList<EventNameChoice> EventTableModel::eventNames() const
{
    QList<EventNameChoice> names;
    for (auto it = m_eventNames.constBegin(); it != m_eventNames.constEnd(); ++it)
        names.append({m_strings.string(it.key()), it->family, it->count});
    std::sort(names.begin(), names.end(),
              [](const auto &a, const auto &b) { return a.name < b.name; });
    return names;
}

QList<RoomChoice> EventTableModel::rooms() const
{
    QList<RoomChoice> rooms;
    for (auto it = m_rooms.constBegin(); it != m_rooms.constEnd(); ++it)
        rooms.append({m_strings.string(it.key()), m_strings.string(it->label), it->count});
    std::sort(rooms.begin(), rooms.end(), [](const auto &a, const auto &b) {
        const int folded = a.label.compare(b.label, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a.roomId < b.roomId;
    });
    return rooms;
}

qsizetype EventTableModel::memoryBytes() const
{
    return qsizetype(m_rows.capacity() * sizeof(EventRow)) + m_strings.memoryBytes() +
           m_ids.memoryBytes();
}

} // namespace pnm
