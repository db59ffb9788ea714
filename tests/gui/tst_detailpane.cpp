// The detail pane asks its source asynchronously: a slow answer shows "Loading", an answer for a
// selection already left is dropped, and a source that cannot answer says why in the pane.
#include "detailpane.h"
#include "requestdetailsource.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace pnm;

namespace {
// Answers only when the test says so, like a file read on another thread.
class ManualSource : public RequestDetailSource
{
public:
    void requestDetails(quint64 seq) override { asked.append(seq); }
    void answer(quint64 seq, const QByteArray &body = "{\"event\":\"room_started\"}")
    {
        RecordedRequest request;
        request.seq = seq;
        request.method = "POST";
        request.target = "/";
        request.body = body;
        emit detailsReady(request);
    }
    QList<quint64> asked;
};
} // namespace

class TestDetailPane : public QObject
{
    Q_OBJECT
private slots:
    void slowAnswerShowsLoading();
    void staleAnswerIsDropped();
    void unavailableSaysWhy();
    void hugeBodyShowsItsStart();
};

void TestDetailPane::slowAnswerShowsLoading()
{
    ManualSource source;
    DetailPane pane;
    pane.setDetailSource(&source);
    pane.showSeq(7);
    QCOMPARE(source.asked, QList<quint64>{7});
    QCOMPARE(pane.pendingSeq(), 7u);
    QTRY_COMPARE_WITH_TIMEOUT(pane.headlineText(), QStringLiteral("Loading #7\u2026"), 2000);
    source.answer(7);
    QCOMPARE(pane.pendingSeq(), 0u);
    QCOMPARE(pane.shownSeq(), 7u);
    QCOMPARE(pane.headlineText(), QStringLiteral("<b>#7 (no event)</b>"));
}

void TestDetailPane::staleAnswerIsDropped()
{
    ManualSource source;
    DetailPane pane;
    pane.setDetailSource(&source);
    pane.showSeq(1);
    pane.showSeq(2); // the user moved on before #1 came back
    source.answer(1);
    QCOMPARE(pane.shownSeq(), 0u);
    QCOMPARE(pane.pendingSeq(), 2u);
    source.answer(2);
    QCOMPARE(pane.shownSeq(), 2u);
    // Clearing the selection forgets what was pending.
    pane.showSeq(3);
    pane.showSeq(0);
    source.answer(3);
    QCOMPARE(pane.shownSeq(), 0u);
    QCOMPARE(pane.headlineText(), QStringLiteral("Select an event to see its details."));
}

void TestDetailPane::unavailableSaysWhy()
{
    ManualSource source;
    DetailPane pane;
    pane.setDetailSource(&source);
    pane.showSeq(5);
    emit source.detailsUnavailable(4, QStringLiteral("not this one"));
    QCOMPARE(pane.pendingSeq(), 5u);
    emit source.detailsUnavailable(5, QStringLiteral("Cannot read #5 from the session file: gone"));
    QCOMPARE(pane.pendingSeq(), 0u);
    QCOMPARE(pane.shownSeq(), 0u);
    QCOMPARE(pane.headlineText(), QStringLiteral("Cannot read #5 from the session file: gone"));
    QCOMPARE(pane.verdictText(), pane.headlineText());
}

void TestDetailPane::hugeBodyShowsItsStart()
{
    // A body near the 4 MiB limit, most of it one string (room metadata can be anything).
    const QByteArray body =
        "{\"event\":\"room_started\",\"room\":{\"room_id\":\"big\",\"metadata\":\"" +
        QByteArray(3'900'000, 'x') + "\"},\"id\":\"tail-marker\"}";
    ManualSource source;
    DetailPane pane;
    pane.setDetailSource(&source);
    pane.showSeq(9);
    source.answer(9, body);
    QCOMPARE(pane.shownSeq(), 9u);
    // The view holds the start and says what is left out; copying gives the whole request.
    const auto *view = pane.findChild<QPlainTextEdit *>(QStringLiteral("rawText"));
    QVERIFY(view);
    const QString shown = view->toPlainText();
    QVERIFY2(shown.size() < 300 * 1024, qPrintable(QString::number(shown.size())));
    QVERIFY(shown.startsWith(QStringLiteral("POST / ")));
    QVERIFY(shown.endsWith(QStringLiteral("Copy request copies the whole request.")));
    QVERIFY(pane.rawText().endsWith(QStringLiteral("\"id\":\"tail-marker\"}")));
}

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
