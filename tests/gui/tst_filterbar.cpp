// FilterBar: typed text is debounced into one filter change, an invalid expression is flagged
// (and matches nothing), the verdict buttons and room choice apply at once, event types are
// grouped by family with their counts (a family ticks at once), rooms show title, id and count,
// the search says what it covers, and "showing X of Y" follows the proxy.
#include "../model/testrequests.h"
#include "eventfilterproxy.h"
#include "eventtablemodel.h"
#include "filterbar.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace pnm;
using pnm::test::makeRequest;

namespace {
QList<RecordedRequest> someRequests()
{
    return {makeRequest(1, QStringLiteral("room_started"), QStringLiteral("a"), {}),
            makeRequest(2, QStringLiteral("participant_joined"), QStringLiteral("a"),
                        QStringLiteral("ann")),
            makeRequest(3, QStringLiteral("participant_joined"), QStringLiteral("b"),
                        QStringLiteral("bo"), Verdict::BadSignature),
            makeRequest(4, QStringLiteral("participant_left"), QStringLiteral("b"),
                        QStringLiteral("bo"))};
}

QStringList itemTexts(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    return texts;
}
} // namespace

class TestFilterBar : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void typingIsDebounced();
    void invalidExpressionIsShown();
    void verdictButtonsApplyAtOnce();
    void enterAppliesAtOnce();
    void eventTypesByFamilyWithCounts();
    void familyTicksItsTypes();
    void countsFollowArrivals();
    void roomsShowTitleIdAndCount();
    void searchSaysWhatItCovers();
    void showingXofY();

private:
    // A bar offering what a fresh model has seen.
    std::pair<EventTableModel &, FilterBar &> fixture() { return {*m_model, *m_bar}; }
    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<FilterBar> m_bar;
};

void TestFilterBar::init()
{
    m_model = std::make_unique<EventTableModel>();
    m_bar = std::make_unique<FilterBar>();
    m_bar->setEventModel(m_model.get());
}

void TestFilterBar::cleanup()
{
    m_bar.reset();
    m_model.reset();
}

void TestFilterBar::typingIsDebounced()
{
    auto [model, bar] = fixture();
    bar.show();
    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    auto *edit = bar.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    QTest::keyClicks(edit, QStringLiteral("alice"));
    QCOMPARE(changed.size(), 0); // not per keystroke
    QVERIFY(changed.wait(FilterBar::kTextDebounceMs * 5));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(bar.filter().text(), QStringLiteral("alice"));
}

void TestFilterBar::invalidExpressionIsShown()
{
    auto [model, bar] = fixture();
    bar.setCounts(0, 10);
    bar.setSearchText(QStringLiteral("/(unclosed/"));
    QVERIFY(!bar.filter().isTextValid());
    auto *count = bar.findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(count->text().startsWith(QStringLiteral("invalid search: Invalid regular expression")));
    bar.setSearchText(QStringLiteral("ok"));
    QCOMPARE(count->text(), QStringLiteral("showing 0 of 10"));
}

void TestFilterBar::verdictButtonsApplyAtOnce()
{
    auto [model, bar] = fixture();
    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    bar.findChild<QToolButton *>(QStringLiteral("validButton"))->click();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(bar.filter().verdictClasses(),
             int(VerdictClass::Failed) | int(VerdictClass::Unverified));
}

void TestFilterBar::enterAppliesAtOnce()
{
    auto [model, bar] = fixture();
    bar.show();
    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    auto *edit = bar.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(edit, QStringLiteral("bo"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(bar.filter().text(), QStringLiteral("bo"));
}

void TestFilterBar::eventTypesByFamilyWithCounts()
{
    auto [model, bar] = fixture();
    model.appendBatch(someRequests());
    const auto *list = bar.findChild<QListWidget *>();
    QVERIFY(list);
    // Only types seen so far, under their family (in family order), each with its count.
    QCOMPARE(itemTexts(list), (QStringList{QStringLiteral("room \u00b7 1"),
                                           QStringLiteral("    room_started \u00b7 1"),
                                           QStringLiteral("participant \u00b7 3"),
                                           QStringLiteral("    participant_joined \u00b7 2"),
                                           QStringLiteral("    participant_left \u00b7 1")}));
}

void TestFilterBar::familyTicksItsTypes()
{
    auto [model, bar] = fixture();
    model.appendBatch(someRequests());
    auto *list = bar.findChild<QListWidget *>();
    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    list->item(2)->setCheckState(Qt::Checked); // the participant family
    QCOMPARE(changed.size(), 1);
    QCOMPARE(bar.filter().eventNames(), (QSet<QString>{QStringLiteral("participant_joined"),
                                                       QStringLiteral("participant_left")}));
    QCOMPARE(list->item(3)->checkState(), Qt::Checked);
    QCOMPARE(list->item(4)->checkState(), Qt::Checked);
    list->item(4)->setCheckState(Qt::Unchecked);
    QCOMPARE(list->item(2)->checkState(), Qt::PartiallyChecked);
    QCOMPARE(bar.filter().eventNames(), QSet<QString>{QStringLiteral("participant_joined")});
    QCOMPARE(list->item(0)->checkState(), Qt::Unchecked);
    bar.setEventTypes({});
    QCOMPARE(list->item(2)->checkState(), Qt::Unchecked);
    QCOMPARE(list->item(3)->checkState(), Qt::Unchecked);
    QVERIFY(bar.filter().eventNames().isEmpty());
}

void TestFilterBar::countsFollowArrivals()
{
    auto [model, bar] = fixture();
    model.appendBatch(someRequests());
    auto *list = bar.findChild<QListWidget *>();
    auto *rooms = bar.findChild<QComboBox *>(QStringLiteral("roomCombo"));
    list->item(4)->setCheckState(Qt::Checked);
    rooms->setCurrentIndex(1);
    model.appendBatch({makeRequest(5, QStringLiteral("participant_left"), QStringLiteral("a"),
                                   QStringLiteral("ann"))});
    // At most a few refreshes a second, in place: ticks and the chosen room stay.
    QTRY_COMPARE_WITH_TIMEOUT(list->item(4)->text(),
                              QStringLiteral("    participant_left \u00b7 2"),
                              FilterBar::kCountsRefreshMs * 10);
    QCOMPARE(list->item(2)->text(), QStringLiteral("participant \u00b7 4"));
    QCOMPARE(list->item(4)->checkState(), Qt::Checked);
    QCOMPARE(rooms->currentText(), QStringLiteral("Title of a (a) \u00b7 3"));
}

void TestFilterBar::roomsShowTitleIdAndCount()
{
    auto [model, bar] = fixture();
    model.appendBatch(someRequests());
    auto *rooms = bar.findChild<QComboBox *>(QStringLiteral("roomCombo"));
    QCOMPARE(rooms->count(), 3);
    QCOMPARE(rooms->itemText(0), QStringLiteral("All rooms"));
    QCOMPARE(rooms->itemText(1), QStringLiteral("Title of a (a) \u00b7 2"));
    QCOMPARE(rooms->itemText(2), QStringLiteral("Title of b (b) \u00b7 2"));
    bar.setRoom(QStringLiteral("b"));
    QCOMPARE(bar.filter().roomIds(), QSet<QString>{QStringLiteral("b")});
    // A new room is offered; the chosen one stays chosen.
    model.appendBatch({makeRequest(5, QStringLiteral("room_started"), QStringLiteral("0"), {})});
    QCOMPARE(rooms->count(), 4);
    QCOMPARE(rooms->currentData().toString(), QStringLiteral("b"));
    QCOMPARE(bar.filter().roomIds(), QSet<QString>{QStringLiteral("b")});
}

void TestFilterBar::searchSaysWhatItCovers()
{
    auto [model, bar] = fixture();
    auto *edit = bar.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(edit->toolTip().contains(QStringLiteral("decoded fields")));
    QVERIFY(
        edit->toolTip().contains(QStringLiteral("Not searched: other members of the JSON body")));
    bar.setSearchText(QStringLiteral("\"open"));
    QVERIFY(edit->toolTip().startsWith(QStringLiteral("A quoted phrase is not closed")));
}

void TestFilterBar::showingXofY()
{
    auto [model, bar] = fixture();
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    connect(&proxy, &EventFilterProxy::shownCountChanged, &bar, &FilterBar::setCounts);
    connect(&bar, &FilterBar::filterChanged, &proxy, &EventFilterProxy::setFilter);
    auto *count = bar.findChild<QLabel *>(QStringLiteral("countLabel"));
    model.appendBatch(someRequests());
    QCOMPARE(count->text(), QStringLiteral("showing 4 of 4"));
    bar.setSearchText(QStringLiteral("BO"));
    QCOMPARE(count->text(), QStringLiteral("showing 2 of 4"));
    model.appendBatch({makeRequest(5, QStringLiteral("room_started"), QStringLiteral("c"), {})});
    QCOMPARE(count->text(), QStringLiteral("showing 2 of 5"));
    bar.setVerdictClasses(int(VerdictClass::Failed));
    QCOMPARE(count->text(), QStringLiteral("showing 1 of 5"));
    model.clear();
    QCOMPARE(count->text(), QStringLiteral("showing 0 of 0"));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
