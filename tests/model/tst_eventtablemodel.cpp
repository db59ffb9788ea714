// EventTableModel: batches are announced once each with an inclusive last row, rows carry the
// right text and raw values, counts and choices follow, and the model passes the tester.
#include "eventtablemodel.h"
#include "testrequests.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pnm;
using pnm::test::makeRequest;

class TestEventTableModel : public QObject
{
    Q_OBJECT
private slots:
    void batchIsOneInsertionWithInclusiveLast();
    void displayAndRawValues();
    void countsAndChoices();
    void rowForSeqAndClear();
    void compactRows();
    void removedRequestsLeaveInRuns();
    void scatteredRemovalResets();
    void preparedRowsAreTheRequestsRows();
    void rowsPreparedBeforeClearAreSkipped();
    void deadStringsLeaveThePool();
    void rowsPreparedBeforeRenumberingKeepTheirText();
    void discardedRowsReleaseTheOldPool();
};

namespace {
QList<RecordedRequest> numbered(quint64 first, quint64 last)
{
    QList<RecordedRequest> batch;
    for (quint64 seq = first; seq <= last; ++seq) {
        // Failed every fifth; room r<seq % 3>; one "room_finished" at 7.
        batch.append(makeRequest(
            seq, seq == 7 ? QStringLiteral("room_finished") : QStringLiteral("participant_joined"),
            QStringLiteral("r%1").arg(seq % 3), QStringLiteral("u%1").arg(seq),
            seq % 5 == 0 ? Verdict::BadSignature : Verdict::Valid));
    }
    return batch;
}

QList<quint64> range(quint64 first, quint64 last)
{
    QList<quint64> seqs;
    for (quint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

// Every cell's text and raw value, and each row's event id, from `first` on.
QStringList shown(const EventTableModel &model, int first = 0)
{
    QStringList cells;
    for (int row = first; row < model.rowCount(); ++row) {
        for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
            const QModelIndex index = model.index(row, column);
            cells << index.data().toString()
                  << index.data(EventTableModel::RawValueRole).toString();
        }
        cells << QString::fromStdString(std::string(model.eventIds().id(row)));
    }
    return cells;
}

QList<quint64> seqsOf(const EventTableModel &model)
{
    QList<quint64> seqs;
    for (int row = 0; row < model.rowCount(); ++row)
        seqs.append(model.eventRow(row).seq);
    return seqs;
}
} // namespace

void TestEventTableModel::batchIsOneInsertionWithInclusiveLast()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<RecordedRequest> batch;
    for (quint64 seq = 1; seq <= 5; ++seq)
        batch.append(makeRequest(seq, QStringLiteral("room_started"), QStringLiteral("r1"), {}));
    model.appendBatch(batch);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    model.appendBatch({makeRequest(6, QStringLiteral("room_finished"), QStringLiteral("r1"), {})});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 5);
    QCOMPARE(inserted.at(1).at(2).toInt(), 5);
    QCOMPARE(model.rowCount(), 6);
    model.appendBatch({});
    QCOMPARE(inserted.size(), 2);
}

void TestEventTableModel::displayAndRawValues()
{
    EventTableModel model;
    model.appendBatch({makeRequest(7, QStringLiteral("participant_joined"), QStringLiteral("r9"),
                                   QStringLiteral("alice"), Verdict::HashMismatch)});
    const auto text = [&model](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(text(EventTableModel::SeqColumn), QStringLiteral("7"));
    QCOMPARE(text(EventTableModel::EventColumn), QStringLiteral("participant_joined"));
    QCOMPARE(text(EventTableModel::RoomColumn), QStringLiteral("Title of r9 (r9)"));
    QCOMPARE(text(EventTableModel::ParticipantColumn), QStringLiteral("ALICE (alice)"));
    QCOMPARE(text(EventTableModel::VerdictColumn), QStringLiteral("\u2717 hash mismatch"));
    QCOMPARE(text(EventTableModel::SenderColumn), QStringLiteral("127.0.0.1"));
    QCOMPARE(text(EventTableModel::TimeColumn).size(), 12); // HH:mm:ss.zzz
    QVERIFY(text(EventTableModel::TimeColumn).endsWith(QLatin1String(".070")));
    const QModelIndex seq = model.index(0, EventTableModel::SeqColumn);
    QCOMPARE(seq.data(EventTableModel::RawValueRole).toULongLong(), 7u);
    QCOMPARE(seq.data(EventTableModel::IsFailureRole).toBool(), true);
    QCOMPARE(seq.data(EventTableModel::RoomIdRole).toString(), QStringLiteral("r9"));
    QCOMPARE(
        model.index(0, EventTableModel::SizeColumn).data(EventTableModel::RawValueRole).toUInt(),
        100u);
    QVERIFY(model.flags(seq).testFlag(Qt::ItemNeverHasChildren));
}

void TestEventTableModel::countsAndChoices()
{
    EventTableModel model;
    QSignalSpy choices(&model, &EventTableModel::choicesChanged);
    model.appendBatch({makeRequest(1, QStringLiteral("room_started"), QStringLiteral("b"), {}),
                       makeRequest(2, QStringLiteral("participant_joined"), QStringLiteral("a"),
                                   QStringLiteral("bob"), Verdict::BadSignature),
                       makeRequest(3, QStringLiteral("participant_left"), QStringLiteral("a"),
                                   QStringLiteral("bob"), Verdict::Unverified)});
    QCOMPARE(choices.size(), 1);
    QCOMPARE(model.failedCount(), 1u);
    const auto names = model.eventNames();
    QCOMPARE(names.size(), 3);
    QCOMPARE(names.at(0).name, QStringLiteral("participant_joined"));
    QCOMPARE(names.at(0).family, EventFamily::Participant);
    QCOMPARE(names.at(0).count, 1);
    const auto rooms = model.rooms();
    QCOMPARE(rooms.size(), 2);
    QCOMPARE(rooms.at(0).roomId, QStringLiteral("a"));
    QCOMPARE(rooms.at(0).label, QStringLiteral("Title of a (a)"));
    QCOMPARE(rooms.at(0).count, 2);
    model.appendBatch({makeRequest(4, QStringLiteral("room_started"), QStringLiteral("b"), {})});
    QCOMPARE(choices.size(), 1); // nothing new
    QCOMPARE(model.eventNames().at(2).name, QStringLiteral("room_started"));
    QCOMPARE(model.eventNames().at(2).count, 2); // counts follow every batch
    QCOMPARE(model.rooms().at(1).count, 2);

    // A room whose title arrives later is offered under its newest label.
    RecordedRequest titled =
        makeRequest(5, QStringLiteral("room_started"), QStringLiteral("b"), {});
    titled.event.room->title = QStringLiteral("Board");
    model.appendBatch({titled});
    QCOMPARE(choices.size(), 2);
    QCOMPARE(model.rooms().at(0).label, QStringLiteral("Board (b)")); // sorted by label
}

void TestEventTableModel::rowForSeqAndClear()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch({makeRequest(10, QStringLiteral("room_started"), QStringLiteral("r"), {}),
                       makeRequest(12, QStringLiteral("room_started"), QStringLiteral("r"), {})});
    QCOMPARE(model.rowForSeq(12), 1);
    QCOMPARE(model.rowForSeq(11), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.failedCount(), 0u);
    QCOMPARE(model.rooms().size(), 0);
    QCOMPARE(model.eventIds().size(), 0);
    QCOMPARE(model.strings().size(), 1); // just the empty string
}

void TestEventTableModel::compactRows()
{
    EventTableModel model;
    QList<RecordedRequest> batch;
    for (quint64 seq = 1; seq <= 10'000; ++seq)
        batch.append(makeRequest(seq, QStringLiteral("participant_joined"),
                                 QStringLiteral("room-%1").arg(seq % 20),
                                 QStringLiteral("user-%1").arg(seq % 200)));
    model.appendBatch(batch);
    const double perRow = double(model.memoryBytes()) / 10'000.0;
    qInfo("table model: %.0f bytes per row", perRow);
    QVERIFY2(perRow < 500, qPrintable(QString::number(perRow)));
    // Event ids are kept case-folded in one buffer, not as a string per row.
    QCOMPARE(model.eventIds().size(), 10'000);
    QCOMPARE(model.eventIds().id(41), std::string_view("id-42"));
}

void TestEventTableModel::removedRequestsLeaveInRuns()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch(numbered(1, 20));
    QCOMPARE(model.failedCount(), 4u);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy choices(&model, &EventTableModel::choicesChanged);
    QSignalSpy counts(&model, &EventTableModel::countsChanged);

    // Unsorted, with a number given twice and two that are not in the table (99, 0).
    QCOMPARE(model.removeSeqs({9, 3, 1, 2, 99, 8, 0, 9, 20}), 6);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 3); // last run first: 20, then 8..9, then 1..3
    QCOMPARE(removed.at(0).at(1).toInt(), 19);
    QCOMPARE(removed.at(0).at(2).toInt(), 19);
    QCOMPARE(removed.at(1).at(1).toInt(), 7);
    QCOMPARE(removed.at(1).at(2).toInt(), 8);
    QCOMPARE(removed.at(2).at(1).toInt(), 0);
    QCOMPARE(removed.at(2).at(2).toInt(), 2);
    QCOMPARE(seqsOf(model), (QList<quint64>{4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
    QCOMPARE(model.rowForSeq(10), 4);
    QCOMPARE(model.highestSeq(), 20u); // what has been seen, not what is left
    QCOMPARE(counts.size(), 1);
    QCOMPARE(choices.size(), 0);
    QCOMPARE(model.failedCount(), 3u); // 20 went; 5, 10, 15 stay

    // The ids move with their rows: the free-text search reads them by row.
    QCOMPARE(model.eventIds().size(), 14);
    for (int row = 0; row < model.rowCount(); ++row) {
        const std::string id = "id-" + std::to_string(model.eventRow(row).seq);
        QCOMPARE(model.eventIds().id(row), std::string_view(id));
    }

    // The last room_finished and all of room r1 (seqs 4, 7, 10, 13, 16, 19) go. Their choices
    // stay with a count of 0: one of them may be the filter in use.
    QCOMPARE(model.removeSeqs({4, 7, 10, 13, 16, 19}), 6);
    QCOMPARE(choices.size(), 0);
    QStringList names;
    for (const EventNameChoice &name : model.eventNames())
        names << name.name + u'=' + QString::number(name.count);
    QCOMPARE(names, (QStringList{QStringLiteral("participant_joined=8"),
                                 QStringLiteral("room_finished=0")}));
    QStringList rooms;
    for (const RoomChoice &room : model.rooms())
        rooms << room.roomId + u'=' + QString::number(room.count);
    QCOMPARE(rooms,
             (QStringList{QStringLiteral("r0=4"), QStringLiteral("r1=0"), QStringLiteral("r2=4")}));

    QCOMPARE(model.removeSeqs({1, 2, 3}), 0); // gone already: nothing announced
    QCOMPARE(counts.size(), 2);
}

void TestEventTableModel::scatteredRemovalResets()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch(numbered(1, 1000));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // Every third request: far more runs than are worth announcing one by one.
    QList<quint64> gone;
    for (quint64 seq = 3; seq <= 1000; seq += 3)
        gone.append(seq);
    QCOMPARE(model.removeSeqs(gone), 333);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 667);
    QCOMPARE(model.eventIds().size(), 667);
    for (int row = 0; row < model.rowCount(); ++row) {
        const quint64 seq = model.eventRow(row).seq;
        QVERIFY(seq % 3 != 0);
        const std::string id = "id-" + std::to_string(seq);
        QCOMPARE(model.eventIds().id(row), std::string_view(id));
    }
    QCOMPARE(model.rowForSeq(1000), 666);
    // Every fifth is failed; of those, the multiples of 15 went.
    QCOMPARE(model.failedCount(), quint64(200 - 66));
}

// Rows prepared as requests arrive and appended later (the live path) show exactly what the
// requests appended directly show, with the same counts and event ids.
void TestEventTableModel::preparedRowsAreTheRequestsRows()
{
    const QList<RecordedRequest> requests = numbered(1, 40);
    EventTableModel direct;
    direct.appendBatch(requests);
    EventTableModel prepared;
    QAbstractItemModelTester tester(&prepared,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&prepared, &QAbstractItemModel::rowsInserted);
    QList<PreparedRow> rows;
    for (const RecordedRequest &request : requests)
        rows.append(prepared.prepare(request));
    QCOMPARE(prepared.rowCount(), 0); // nothing shows until appended
    prepared.appendPrepared(rows.first(25));
    prepared.appendPrepared(rows.sliced(25));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(prepared.rowCount(), direct.rowCount());
    for (int row = 0; row < direct.rowCount(); ++row) {
        for (int column = 0; column < EventTableModel::ColumnCount; ++column)
            QCOMPARE(prepared.index(row, column).data(), direct.index(row, column).data());
        QCOMPARE(prepared.eventIds().id(row), direct.eventIds().id(row));
    }
    QCOMPARE(prepared.failedCount(), direct.failedCount());
    QCOMPARE(prepared.failedCount(), 8u);
    QCOMPARE(prepared.eventNames().size(), direct.eventNames().size());
    QCOMPARE(prepared.rooms().size(), 3);
    QCOMPARE(prepared.highestSeq(), 40u);
}

// A row made before Clear names strings of the emptied pool: appending it must not show them.
void TestEventTableModel::rowsPreparedBeforeClearAreSkipped()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const PreparedRow stale = model.prepare(
        makeRequest(1, QStringLiteral("room_started"), QStringLiteral("old-room"), {}));
    model.clear();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendPrepared({stale});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(inserted.size(), 0);
    const PreparedRow fresh = model.prepare(makeRequest(
        2, QStringLiteral("participant_joined"), QStringLiteral("new-room"), QStringLiteral("bo")));
    model.appendPrepared({stale, fresh});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.eventRow(0).seq, 2u);
    QCOMPARE(model.index(0, EventTableModel::RoomColumn).data().toString(),
             QStringLiteral("Title of new-room (new-room)"));
    QCOMPARE(model.rooms().size(), 1);
    QCOMPARE(model.eventNames().size(), 1);
}

// Retention turning the table over: strings only removed rows used leave the pool, and what is
// left shows exactly what it showed. Every participant here is seen once (u<seq>), as each
// participant sid and track sid of a real meeting is.
void TestEventTableModel::deadStringsLeaveThePool()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch(numbered(1, 30'000));
    const qsizetype before = model.strings().size();
    QVERIFY(before > 60'000); // two strings per participant
    const QStringList kept = shown(model, 20'000);
    QSignalSpy renumbered(&model, &EventTableModel::stringsRenumbered);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // Fewer removed than the table holds: nothing yet.
    QCOMPARE(model.removeSeqs(range(1, 9'999)), 9'999);
    QCOMPARE(renumbered.size(), 0);
    QCOMPARE(model.strings().size(), before);
    QCOMPARE(model.removeSeqs(range(10'000, 20'000)), 10'001);
    QCOMPARE(renumbered.size(), 1);
    QCOMPARE(reset.size(), 0);
    QVERIFY2(model.strings().size() < 20'100, qPrintable(QString::number(model.strings().size())));
    QVERIFY(!model.strings().find(QStringLiteral("U5 (u5)")));
    QCOMPARE(shown(model), kept);

    // The choices keep their rows' counts, and room_finished (all its rows gone) stays at 0.
    QStringList names;
    for (const EventNameChoice &name : model.eventNames())
        names << name.name + u'=' + QString::number(name.count);
    QCOMPARE(names, (QStringList{QStringLiteral("participant_joined=10000"),
                                 QStringLiteral("room_finished=0")}));
    QCOMPARE(model.rooms().size(), 3);
    QCOMPARE(model.rooms().at(0).label, QStringLiteral("Title of r0 (r0)"));

    // Rows after it use the new numbering, including strings that had been dropped.
    QList<RecordedRequest> again = numbered(30'001, 30'010);
    again.append(makeRequest(30'011, QStringLiteral("participant_joined"), QStringLiteral("r1"),
                             QStringLiteral("u5")));
    EventTableModel direct;
    direct.appendBatch(again);
    model.appendBatch(again);
    QCOMPARE(shown(model, 10'000), shown(direct));
}

// Rows prepared before a renumbering (a paused window, rows behind a loading history) name
// strings of the old pool, some of which no row in the table uses: they show their own text
// when appended, and the pool is not renumbered again while they are out.
void TestEventTableModel::rowsPreparedBeforeRenumberingKeepTheirText()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch(numbered(1, 20'000));
    // Numbered above what comes later so that the table stays in sequence order.
    const QList<RecordedRequest> late = {makeRequest(1'000'000, QStringLiteral("participant_left"),
                                                     QStringLiteral("r2"), QStringLiteral("u5")),
                                         makeRequest(1'000'001, QStringLiteral("track_published"),
                                                     QStringLiteral("r9"), QStringLiteral("solo"))};
    QList<PreparedRow> held;
    for (const RecordedRequest &request : late)
        held.append(model.prepare(request));
    QSignalSpy renumbered(&model, &EventTableModel::stringsRenumbered);
    model.removeSeqs(range(1, 15'000));
    QCOMPARE(renumbered.size(), 1);
    QVERIFY(!model.strings().find(QStringLiteral("Title of r9 (r9)")));

    model.appendBatch(numbered(20'001, 40'000));
    model.removeSeqs(range(15'001, 35'000));
    QCOMPARE(renumbered.size(), 1); // the held rows' strings are still needed
    model.appendPrepared(held);
    EventTableModel direct;
    direct.appendBatch(late);
    QCOMPARE(shown(model, model.rowCount() - 2), shown(direct));
    QCOMPARE(model.rooms().size(), 4);

    // Nothing held any more: the next turnover renumbers, and the rows still read the same.
    const QStringList before = shown(model, 1'000); // what stays
    model.removeSeqs(range(35'001, 36'000));
    QCOMPARE(renumbered.size(), 2);
    QCOMPARE(shown(model), before);
}

// A prepared row that never reaches the table (its request was removed meanwhile) is given
// back: after that the old pool is not needed and the pool can be renumbered again.
void TestEventTableModel::discardedRowsReleaseTheOldPool()
{
    EventTableModel model;
    model.appendBatch(numbered(1, 20'000));
    const PreparedRow held = model.prepare(makeRequest(
        1'000'000, QStringLiteral("participant_left"), QStringLiteral("r2"), QStringLiteral("x")));
    QSignalSpy renumbered(&model, &EventTableModel::stringsRenumbered);
    model.removeSeqs(range(1, 15'000));
    QCOMPARE(renumbered.size(), 1);
    model.discardPrepared({held});
    model.appendBatch(numbered(20'001, 40'000));
    model.removeSeqs(range(15'001, 35'000));
    QCOMPARE(renumbered.size(), 2);
    QCOMPARE(model.rowCount(), 5'000);
    model.appendPrepared({held}); // given back already: not appended twice or with wrong text
    QCOMPARE(model.rowCount(), 5'000);
}

QTEST_GUILESS_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
