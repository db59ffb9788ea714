// The live event table: rows are appended in batches (one beginInsertRows per batch), one
// compact EventRow per request, in sequence order, and leave only when a retention limit removed
// their requests from the session file. rowCount() is what was announced. Raw bodies and headers
// are not kept here; a RequestDetailSource holds them. GUI thread only.
#pragma once

#include "eventidindex.h"
#include "eventrow.h"
#include "ingest/recordedrequest.h"
#include "rowruns.h"
#include "stringpool.h"
#include "timelabelcache.h"

#include <QAbstractTableModel>
#include <QSet>
#include <optional>
#include <vector>

namespace pnm {

// A choice for the filter bar, with how many rows of the table have it.
struct EventNameChoice
{
    QString name;
    EventFamily family = EventFamily::Unknown;
    int count = 0;
};
struct RoomChoice
{
    QString roomId;
    QString label; // "Title (room_id)", or the id
    int count = 0;
};

class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeqColumn,
        TimeColumn,
        EventColumn,
        RoomColumn,
        ParticipantColumn,
        TrackColumn,
        VerdictColumn,
        SizeColumn,
        SenderColumn,
        ColumnCount
    };
    enum Role
    {
        SeqRole = Qt::UserRole + 1,
        RawValueRole, // a sortable value per column (numbers as numbers)
        FamilyRole,   // EventFamily as int
        VerdictRole,  // Verdict as int
        IsFailureRole,
        EventNameRole,
        RoomIdRole,
    };

    explicit EventTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Builds the request's row now (its strings enter this table's pool) to be appended later by
    // appendPrepared(): what waits for the table (paused, or behind a loading history) then costs
    // a row's bytes instead of a whole request's.
    PreparedRow prepare(const RecordedRequest &request);
    // Appends rows in the order given; rows prepared before the last clear() are skipped (their
    // pool ids would name other strings). Every prepared row must come back here or to
    // discardPrepared(): until the rows prepared before a renumbering have, the strings they
    // name are kept and the pool is not renumbered again.
    void appendPrepared(const QList<PreparedRow> &rows);
    void discardPrepared(const QList<PreparedRow> &rows);
    void appendBatch(const QList<RecordedRequest> &requests);
    // Makes room for `rows` more rows now, when that many are known to be coming: the table then
    // does not copy itself whole each time it doubles, which at half a million rows kept the
    // window busy for 50 ms.
    void reserve(int rows);
    // Removes the rows of these requests (a retention limit deleted them from the session file);
    // numbers not in the table are skipped. Returns how many rows went. A few contiguous runs
    // are removed as such; rows scattered over more runs than kMaxRemovalRuns reset the model.
    // Once retention has removed as many rows as the table holds (at least kMinTurnover), the
    // strings only removed rows used are dropped from the pool, if there are at least
    // kMinDeadStrings of them and half as many as there are live ones: without that a window
    // kept open for days with retention would still grow by every participant and track it saw.
    int removeSeqs(QList<quint64> seqs);
    static constexpr int kMaxRemovalRuns = 16;
    static constexpr quint64 kMinTurnover = 10'000;
    static constexpr qsizetype kMinDeadStrings = 10'000;
    // The highest sequence number appended since the table was created or cleared (0: none).
    quint64 highestSeq() const { return m_highestSeq; }
    void clear();

    const EventRow &eventRow(int row) const { return m_rows[size_t(row)]; }
    const StringPool &strings() const { return m_strings; }
    const EventIdIndex &eventIds() const { return m_ids; }
    int rowForSeq(quint64 seq) const; // -1 when not in the table
    quint64 failedCount() const { return m_failed; }
    // Distinct values seen so far, for the filter bar's choices, with their row counts.
    QList<EventNameChoice> eventNames() const; // sorted by name
    QList<RoomChoice> rooms() const;           // sorted by label, case-insensitively
    // Bytes held by rows and the string pool (not the raw bodies), for the benchmark.
    qsizetype memoryBytes() const;

    static QString columnTitle(int column);
    static QString verdictLabel(Verdict verdict); // "✓ valid", "✗ bad signature", ...

signals:
    // Emitted after rows were appended or removed, or the table cleared; the counts are current.
    void countsChanged();
    // A new event name or room appeared (the filter bar's choices grew). Their counts change
    // with every batch: countsChanged().
    void choicesChanged();
    // The string pool was renumbered (strings of removed rows dropped): what is indexed by pool
    // id must be built again. The rows, their order and their text did not change.
    void stringsRenumbered();

private:
    QString displayText(const EventRow &row, int column) const;
    // Takes the row out of the counts.
    void forget(const EventRow &row);
    // Drops the rows of these runs (increasing, disjoint) in one pass.
    void eraseRuns(const RowRuns &runs);
    QVariant rawValue(const EventRow &row, int column) const;
    // The row as appendPrepared() takes it: ids of the pool before the last renumbering are
    // mapped to this one; nullopt for a row from before a clear(). Counts it as returned.
    std::optional<EventRow> takePrepared(const PreparedRow &prepared);
    void dropDeadStrings();

    std::vector<EventRow> m_rows;
    StringPool m_strings;
    TimeLabelCache m_times;
    struct NameSeen
    {
        EventFamily family;
        int count;
    };
    struct RoomSeen
    {
        quint32 label;
        int count;
    };
    EventIdIndex m_ids;
    QHash<quint32, NameSeen> m_eventNames; // event name id -> its family and rows
    QHash<quint32, RoomSeen> m_rooms;      // room id -> its label and rows
    quint64 m_failed = 0;
    quint64 m_highestSeq = 0;
    // Counts clear()s and renumberings of the pool: PreparedRow::tableGeneration.
    quint32 m_generation = 0;
    // Rows prepared and not yet appended or discarded, of this generation and of the one before
    // it when that ended with a renumbering, whose strings are kept meanwhile.
    qsizetype m_outstanding = 0;
    qsizetype m_outstandingBefore = 0;
    QList<QString> m_stringsBefore;
    quint64 m_removedSinceRenumbering = 0;
};

} // namespace pnm
