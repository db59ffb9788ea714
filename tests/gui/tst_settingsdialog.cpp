// SettingsDialog and AppSettings: what is accepted is stored and becomes the listen config;
// a bad address or a key without a secret is refused and nothing is stored.
#include "appsettings.h"
#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pnm;

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void acceptStores();
    void badAddressIsRefused();
    void retentionStored();
};

void TestSettingsDialog::acceptStores()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
    QCOMPARE(settings.port(), ListenConfig::kDefaultPort);
    SettingsDialog dialog(&settings, QList<bool>(9, true));
    dialog.findChild<QLineEdit *>(QStringLiteral("addressEdit"))->setText(QStringLiteral("::1"));
    dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(9100);
    dialog.findChild<QSpinBox *>(QStringLiteral("leewaySpin"))->setValue(15);
    dialog.setKeys({{QStringLiteral("k1"), "s1"}, {QStringLiteral("k2"), "s2"}});
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const ListenConfig config = settings.listenConfig();
    QCOMPARE(config.address, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(config.port, quint16(9100));
    QCOMPARE(config.options.leewaySecs, 15);
    QCOMPARE(config.options.keys.secret(QStringLiteral("k2")), QByteArray("s2"));
    settings.sync();
    QCOMPARE(AppSettings(dir.filePath(QStringLiteral("s.ini"))).keys().size(), 2);
}

void TestSettingsDialog::badAddressIsRefused()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
    SettingsDialog dialog(&settings, QList<bool>(9, true));
    dialog.findChild<QLineEdit *>(QStringLiteral("addressEdit"))
        ->setText(QStringLiteral("nowhere"));
    // The refusal is a message box; close it as a user would.
    QTimer closer;
    closer.setInterval(20);
    QObject::connect(&closer, &QTimer::timeout, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    });
    closer.start();
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(settings.listenAddress(), QStringLiteral("127.0.0.1"));
}

void TestSettingsDialog::retentionStored()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
    QCOMPARE(settings.retainCount(), 0);
    QCOMPARE(settings.retainAgeSecs(), 0);
    {
        SettingsDialog dialog(&settings, QList<bool>(9, true));
        auto *count = dialog.findChild<QSpinBox *>(QStringLiteral("retainCountSpin"));
        auto *age = dialog.findChild<QSpinBox *>(QStringLiteral("retainAgeSpin"));
        auto *unit = dialog.findChild<QComboBox *>(QStringLiteral("retainAgeUnitCombo"));
        QCOMPARE(count->text(), QStringLiteral("every request"));
        QCOMPARE(age->text(), QStringLiteral("never"));
        count->setValue(50000);
        age->setValue(36);
        unit->setCurrentText(QStringLiteral("hours"));
        dialog.accept();
    }
    QCOMPARE(settings.retainCount(), 50000);
    QCOMPARE(settings.retainAgeSecs(), 36 * 3600);
    {
        // Shown again in the largest unit that divides it: 36 hours is not whole days.
        SettingsDialog dialog(&settings, QList<bool>(9, true));
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("retainAgeSpin"))->value(), 36);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("retainAgeUnitCombo"))->currentText(),
                 QStringLiteral("hours"));
        dialog.setRetainAge(90);
        QCOMPARE(dialog.retainAgeSecs(), 90);
        dialog.setRetainAge(14 * 86400);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("retainAgeUnitCombo"))->currentText(),
                 QStringLiteral("days"));
        QCOMPARE(dialog.retainAgeSecs(), 14 * 86400);
    }
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
