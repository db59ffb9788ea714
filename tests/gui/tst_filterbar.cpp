// FilterBar: typed text is debounced into one filter change, an invalid expression is flagged
// (and matches nothing), and the verdict buttons and room choice apply at once.
#include "eventtablemodel.h"
#include "filterbar.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace pnm;

class TestFilterBar : public QObject
{
    Q_OBJECT
private slots:
    void typingIsDebounced();
    void invalidExpressionIsShown();
    void verdictButtonsApplyAtOnce();
};

void TestFilterBar::typingIsDebounced()
{
    EventTableModel model;
    FilterBar bar;
    bar.setEventModel(&model);
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
    EventTableModel model;
    FilterBar bar;
    bar.setEventModel(&model);
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
    EventTableModel model;
    FilterBar bar;
    bar.setEventModel(&model);
    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    bar.findChild<QToolButton *>(QStringLiteral("validButton"))->click();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(bar.filter().verdictClasses(),
             int(VerdictClass::Failed) | int(VerdictClass::Unverified));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
