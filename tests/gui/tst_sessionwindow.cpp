// A saved session browsed in its own window, offscreen: rows stream in batches, the first row's
// details show at once and any selected one is fetched from the file, a bad file is named in a
// banner, exports write the chosen scope, and the banner keeps the palette's colours in a dark
// theme.
#include "detailpane.h"
#include "eventtableview.h"
#include "exportcontroller.h"
#include "filterbar.h"
#include "messagebanner.h"
#include "sessionfixture.h"
#include "sessionwindow.h"
#include "texttablemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pnm;
using namespace pnm::test;

class TestSessionWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rowsAndDetails();
    void streamsInBatches();
    void badFileIsNamed();
    void exportsScopes_data();
    void exportsScopes();
    void exportCanBeCancelled();
    void bannerFollowsDarkPalette();
    void fitsTheScreenWhateverThePath();

private:
    std::unique_ptr<SessionWindow> openWindow(const QString &path);

    QTemporaryDir m_dir;
    QString m_small;
    QString m_large;
};

void TestSessionWindow::initTestCase()
{
    QString error;
    m_small = m_dir.filePath(QStringLiteral("small.pnmsession"));
    QVERIFY2(writeSession(m_small, 5, &error), qPrintable(error));
    m_large = m_dir.filePath(QStringLiteral("large.pnmsession"));
    QVERIFY2(writeSession(m_large, 5000, &error), qPrintable(error));
}

std::unique_ptr<SessionWindow> TestSessionWindow::openWindow(const QString &path)
{
    auto window = std::make_unique<SessionWindow>(path);
    window->setAttribute(Qt::WA_DeleteOnClose, false); // the test owns it
    window->show();
    return window;
}

void TestSessionWindow::rowsAndDetails()
{
    auto window = openWindow(m_small);
    QAbstractItemModelTester tester(window->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(window.get(), &SessionWindow::loadFinished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).toULongLong(), 5u);
    QVERIFY(!window->isLoading());
    QCOMPARE(window->proxy()->rowCount(), 5);
    QVERIFY(window->progressBar()->isHidden());
    QCOMPARE(window->statusText(),
             QStringLiteral("%1 \u00b7 5 requests \u00b7 5 shown \u00b7 read-only").arg(m_small));
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("small.pnmsession")));

    // The first request is selected and fetched whole from the file.
    DetailPane *pane = window->detailPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->shownSeq(), 1u, 5000);
    window->eventTable()->selectSeq(4);
    QTRY_COMPARE_WITH_TIMEOUT(pane->shownSeq(), 4u, 5000);
    QCOMPARE(pane->headlineText(), QStringLiteral("<b>#4 participant_joined</b>"));
    QVERIFY2(pane->rawText().contains(QStringLiteral("X-Seq: 4")), qPrintable(pane->rawText()));
    QVERIFY(pane->rawText().contains(QStringLiteral("\"room_id\":\"room-b\"")));

    // The filter bar works on the opened session like on the live one.
    window->filterBar()->setRoom(QStringLiteral("room-a"));
    QCOMPARE(window->proxy()->rowCount(), 3);
}

void TestSessionWindow::streamsInBatches()
{
    auto window = openWindow(m_large);
    QSignalSpy inserted(window->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(window.get(), &SessionWindow::loadFinished);
    // The first batch shows while the rest is still being read.
    QTRY_VERIFY_WITH_TIMEOUT(window->model()->rowCount() > 0, 5000);
    // The load may have ended while the first rows were awaited: count, do not wait anew.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(window->model()->rowCount(), 5000);
    QVERIFY2(inserted.size() >= 3, "one insertion per batch, several batches");
    QCOMPARE(window->model()->eventRow(4999).seq, 5000u);
}

void TestSessionWindow::badFileIsNamed()
{
    const QString path = m_dir.filePath(QStringLiteral("not-a-session.pnmsession"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not an SQLite file, just text\n");
    file.close();
    auto window = openWindow(path);
    QSignalSpy failed(window.get(), &SessionWindow::openFailed);
    QVERIFY(failed.wait(5000));
    QVERIFY(!window->banner()->isHidden());
    QCOMPARE(window->banner()->title(),
             QStringLiteral("Cannot open the session not-a-session.pnmsession"));
    QVERIFY2(window->banner()->detail().contains(path), qPrintable(window->banner()->detail()));
    QVERIFY(window->progressBar()->isHidden());
    QCOMPARE(window->proxy()->rowCount(), 0);
}

void TestSessionWindow::exportsScopes_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("scope");
    QTest::addColumn<int>("expected");
    QTest::newRow("json all") << int(ExportFormat::Json) << int(ExportChoice::Scope::All) << 5;
    QTest::newRow("ndjson filtered")
        << int(ExportFormat::Ndjson) << int(ExportChoice::Scope::Filtered) << 2;
    QTest::newRow("csv selection")
        << int(ExportFormat::Csv) << int(ExportChoice::Scope::Selection) << 1;
    QTest::newRow("har filtered") << int(ExportFormat::Har) << int(ExportChoice::Scope::Filtered)
                                  << 2;
}

void TestSessionWindow::exportsScopes()
{
    QFETCH(int, format);
    QFETCH(int, scope);
    QFETCH(int, expected);
    auto window = openWindow(m_small);
    QSignalSpy loaded(window.get(), &SessionWindow::loadFinished);
    QVERIFY(loaded.wait(5000));
    window->filterBar()->setRoom(QStringLiteral("room-b")); // seq 2 and 4
    window->eventTable()->selectSeq(4);
    ExportChoice choice;
    choice.format = ExportFormat(format);
    choice.scope = ExportChoice::Scope(scope);
    choice.outPath = m_dir.filePath(QStringLiteral("out-%1.%2")
                                        .arg(QString::fromLatin1(QTest::currentDataTag()))
                                        .arg(exportFormatName(choice.format)));
    QSignalSpy finished(window->exporter(), &ExportController::finished);
    window->exporter()->exportTo(choice);
    QVERIFY(finished.wait(5000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(finished.at(0).at(1).toString(),
             QStringLiteral("Exported %1 requests to %2 (%3)")
                 .arg(expected)
                 .arg(choice.outPath, exportFormatName(choice.format)));
    QCOMPARE(exportedCount(choice.outPath, choice.format), expected);
}

void TestSessionWindow::exportCanBeCancelled()
{
    auto window = openWindow(m_large);
    QSignalSpy loaded(window.get(), &SessionWindow::loadFinished);
    QVERIFY(loaded.wait(10000));
    ExportChoice choice;
    choice.outPath = m_dir.filePath(QStringLiteral("cancelled.json"));
    QSignalSpy finished(window->exporter(), &ExportController::finished);
    window->exporter()->exportTo(choice);
    // The progress dialog's Cancel stops the job between batches (5000 rows: at least two).
    const QList<QProgressDialog *> dialogs = window->findChildren<QProgressDialog *>();
    QCOMPARE(dialogs.size(), 1);
    auto *cancel = dialogs.at(0)->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(finished.at(0).at(1).toString(),
             QStringLiteral("Export cancelled; %1 was not written").arg(choice.outPath));
    QVERIFY(!QFile::exists(choice.outPath));
    QVERIFY(window->findChildren<QMessageBox *>().isEmpty()); // a cancel is not an error
}

void TestSessionWindow::bannerFollowsDarkPalette()
{
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x33, 0x10));
    dark.setColor(QPalette::ToolTipText, QColor(0xff, 0xf0, 0xc0));
    QApplication::setPalette(dark);
    const auto restore = qScopeGuard([original] { QApplication::setPalette(original); });
    auto window = openWindow(m_small);
    window->resize(900, 500);
    window->banner()->showError(QStringLiteral("Title"), QStringLiteral("detail"));
    QSignalSpy loaded(window.get(), &SessionWindow::loadFinished);
    QVERIFY(loaded.wait(5000));
    const QImage image = window->banner()->grab().toImage();
    // Mostly the palette's tooltip background (the text and icon take the rest): no colour of
    // our own, so a dark theme gets a dark banner with light text.
    int matching = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            matching += image.pixelColor(x, y) == dark.color(QPalette::ToolTipBase) ? 1 : 0;
    }
    QVERIFY2(
        matching > image.width() * image.height() / 2,
        qPrintable(QStringLiteral("%1 of %2").arg(matching).arg(image.width() * image.height())));
    const QList<QLabel *> labels = window->banner()->findChildren<QLabel *>();
    bool sawTitle = false;
    for (const QLabel *label : labels) {
        if (label->text() == QLatin1String("Title")) {
            sawTitle = true;
            QCOMPARE(label->palette().color(label->foregroundRole()),
                     dark.color(QPalette::ToolTipText));
        }
    }
    QVERIFY(sawTitle);
}

void TestSessionWindow::fitsTheScreenWhateverThePath()
{
    // A session deep in a folder tree, on a screen smaller than the form (offscreen: 800 wide).
    const QString folder = deepFolder(m_dir.path());
    QVERIFY(!folder.isEmpty());
    const QString path = folder + QStringLiteral("/deep.pnmsession");
    QString error;
    QVERIFY2(writeSession(path, 3, &error), qPrintable(error));
    auto window = openWindow(path);
    QSignalSpy finished(window.get(), &SessionWindow::loadFinished);
    QVERIFY(finished.wait(5000));
    QVERIFY(window->statusText().startsWith(path)); // whole, though shown elided
    const QRect available = window->screen()->availableGeometry();
    QVERIFY2(window->minimumSizeHint().width() <= available.width(),
             qPrintable(QString::number(window->minimumSizeHint().width())));
    QVERIFY2(available.contains(window->geometry()), qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                                                    .arg(window->width())
                                                                    .arg(window->height())
                                                                    .arg(available.width())
                                                                    .arg(available.height())));
}

QTEST_MAIN(TestSessionWindow)
#include "tst_sessionwindow.moc"
