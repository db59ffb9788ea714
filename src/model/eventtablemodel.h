// The live event table: append-only, published in batches (one beginInsertRows per batch), one
// compact EventRow per request. rowCount() is what was announced. Raw bodies and headers are not
// kept here; a RequestDetailSource holds them. GUI thread only.
#pragma once

#include "eventrow.h"
#include "ingest/recordedrequest.h"
#include "stringpool.h"
#include "timelabelcache.h"

#include <QAbstractTableModel>
#include <QSet>
#include <vector>

namespace pnm {

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

    void appendBatch(const QList<RecordedRequest> &requests);
    void clear();

    const EventRow &eventRow(int row) const { return m_rows[size_t(row)]; }
    const StringPool &strings() const { return m_strings; }
    int rowForSeq(quint64 seq) const; // -1 when not in the table
    quint64 failedCount() const { return m_failed; }
    // Distinct values seen so far, for the filter bar's choices.
    QList<std::pair<QString, EventFamily>> eventNames() const; // sorted by name
    QList<QPair<QString, QString>> rooms() const;              // (room_id, label), sorted by label
    // Bytes held by rows and the string pool (not the raw bodies), for the benchmark.
    qsizetype memoryBytes() const;

    static QString columnTitle(int column);
    static QString verdictLabel(Verdict verdict); // "✓ valid", "✗ bad signature", ...

signals:
    // Emitted after rows were appended or the table cleared; the counts are current.
    void countsChanged();
    // A new event name or room appeared (the filter bar's choices grew).
    void choicesChanged();

private:
    QString displayText(const EventRow &row, int column) const;
    QVariant rawValue(const EventRow &row, int column) const;

    std::vector<EventRow> m_rows;
    StringPool m_strings;
    TimeLabelCache m_times;
    QHash<quint32, EventFamily> m_eventNames; // event name id -> its family
    QHash<quint32, quint32> m_roomLabels;     // room id -> label id
    quint64 m_failed = 0;
};

} // namespace pnm
