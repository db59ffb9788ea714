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
};

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

QTEST_GUILESS_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
