// The export dialog offers the four formats and the three scopes, disables a scope with nothing
// in it, keeps the file name's extension in step with the format and gives back what was chosen.
#include "exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace pnm;

class TestExportDialog : public QObject
{
    Q_OBJECT
private slots:
    void offersFormatsAndScopes();
    void extensionFollowsFormat();
    void choiceRoundTrips();
};

void TestExportDialog::offersFormatsAndScopes()
{
    ExportDialog dialog(QStringLiteral("/tmp/s.json"), 120, 40, 0);
    auto *formats = dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"));
    QVERIFY(formats);
    QCOMPARE(formats->count(), 4);
    QCOMPARE(formats->currentText(), QStringLiteral("JSON (session format)"));
    auto *all = dialog.findChild<QRadioButton *>(QStringLiteral("allRadio"));
    auto *filtered = dialog.findChild<QRadioButton *>(QStringLiteral("filteredRadio"));
    auto *selection = dialog.findChild<QRadioButton *>(QStringLiteral("selectionRadio"));
    QCOMPARE(all->text(), QStringLiteral("&All in the session (120)"));
    QCOMPARE(filtered->text(), QStringLiteral("Those the &filter shows (40)"));
    QVERIFY(filtered->isEnabled());
    QVERIFY(!selection->isEnabled()); // nothing selected
    QVERIFY(all->isChecked());
    ExportDialog live(QStringLiteral("/tmp/s.json"), -1, 40, 0);
    QCOMPARE(live.findChild<QRadioButton *>(QStringLiteral("allRadio"))->text(),
             QStringLiteral("&All in the session file"));
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("pathEdit"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    path->clear();
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestExportDialog::extensionFollowsFormat()
{
    ExportDialog dialog(QStringLiteral("/data/run.json"), 3, 3, 1);
    auto *formats = dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"));
    formats->setCurrentIndex(formats->findData(int(ExportFormat::Har)));
    QCOMPARE(dialog.choice().outPath, QStringLiteral("/data/run.har"));
    QCOMPARE(dialog.choice().format, ExportFormat::Har);
    formats->setCurrentIndex(formats->findData(int(ExportFormat::Ndjson)));
    QCOMPARE(dialog.choice().outPath, QStringLiteral("/data/run.ndjson"));
    // A suggested .csv name picks CSV.
    ExportDialog csv(QStringLiteral("/data/run.csv"), 3, 3, 1);
    QCOMPARE(csv.choice().format, ExportFormat::Csv);
}

void TestExportDialog::choiceRoundTrips()
{
    ExportDialog dialog(QString(), 3, 3, 1);
    ExportChoice choice;
    choice.outPath = QStringLiteral("/data/x.csv");
    choice.format = ExportFormat::Csv;
    choice.scope = ExportChoice::Scope::Selection;
    choice.redact = true;
    dialog.setChoice(choice);
    const ExportChoice back = dialog.choice();
    QCOMPARE(back.outPath, choice.outPath);
    QCOMPARE(back.format, choice.format);
    QCOMPARE(back.scope, choice.scope);
    QCOMPARE(back.redact, true);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
