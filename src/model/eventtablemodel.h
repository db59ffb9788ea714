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
    // pool ids would name other strings).
    void appendPrepared(const QList<PreparedRow> &rows);
    void appendBatch(const QList<RecordedRequest> &requests);
    // Makes room for `rows` more rows now, when that many are known to be coming: the table then
    // does not copy itself whole each time it doubles, which at half a million rows kept the
    // window busy for 50 ms.
    void reserve(int rows);
    // Removes the rows of these requests (a retention limit deleted them from the session file);
    // numbers not in the table are skipped. Returns how many rows went. A few contiguous runs
    // are removed as such; rows scattered over more runs than kMaxRemovalRuns reset the model.
    int removeSeqs(QList<quint64> seqs);
    static constexpr int kMaxRemovalRuns = 16;
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

private:
    QString displayText(const EventRow &row, int column) const;
    // Takes the row out of the counts.
    void forget(const EventRow &row);
    // Drops the rows of these runs (increasing, disjoint) in one pass.
    void eraseRuns(const RowRuns &runs);
    QVariant rawValue(const EventRow &row, int column) const;

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
    quint32 m_generation = 0; // counts clear()s: PreparedRow::tableGeneration
};

} // namespace pnm
