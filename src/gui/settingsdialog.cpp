#include "settingsdialog.h"

#include "appsettings.h"
#include "eventtablemodel.h"
#include "ui_settingsdialog.h"

#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <climits>
#include <iterator>
#include <limits>

namespace pnm {

namespace {

// Shows secrets as dots and edits them in a password field unless "Show secrets" is ticked.
class SecretDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    bool masked = true;

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        const QString text = value.toString();
        return masked ? QString(text.size(), QChar(0x2022))
                      : QStyledItemDelegate::displayText(value, locale);
    }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && masked)
            line->setEchoMode(QLineEdit::Password);
        return editor;
    }
};

constexpr int kKeyColumn = 0;
constexpr int kSecretColumn = 1;

struct AgeUnit
{
    const char *name;
    qint64 secs;
};
// Largest first: an age is shown in the largest unit that divides it.
constexpr AgeUnit kAgeUnits[] = {
    {QT_TRANSLATE_NOOP("SettingsDialog", "days"), 86400},
    {QT_TRANSLATE_NOOP("SettingsDialog", "hours"), 3600},
    {QT_TRANSLATE_NOOP("SettingsDialog", "minutes"), 60},
    {QT_TRANSLATE_NOOP("SettingsDialog", "seconds"), 1},
};

// The index in kAgeUnits (and in the unit box, filled in that order) of the largest unit that
// divides `secs` into at most `maxCount` of it; -1 when none does.
int largestUnit(qint64 secs, qint64 maxCount)
{
    for (int i = 0; i < int(std::size(kAgeUnits)); ++i) {
        if (secs % kAgeUnits[i].secs == 0 && secs / kAgeUnits[i].secs <= maxCount)
            return i;
    }
    return -1;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, const QList<bool> &columnsVisible,
                               QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->addressEdit->setText(settings->listenAddress());
    m_ui->portSpin->setValue(settings->port());
    m_ui->bodyLimitSpin->setValue(int(settings->maxBodyBytes() / 1024));
    m_ui->leewaySpin->setValue(int(settings->leewaySecs()));
    m_ui->rejectInvalidCheck->setChecked(settings->rejectInvalid());

    m_ui->retainCountSpin->setValue(int(qMin<qint64>(settings->retainCount(), INT_MAX)));
    for (const AgeUnit &unit : kAgeUnits)
        m_ui->retainAgeUnitCombo->addItem(tr(unit.name), unit.secs);
    setRetainAge(settings->retainAgeSecs());

    m_ui->keysTable->setColumnCount(2);
    m_ui->keysTable->setHorizontalHeaderLabels({tr("API key"), tr("Secret")});
    m_ui->keysTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->keysTable->verticalHeader()->setVisible(false);
    m_ui->keysTable->setColumnWidth(kKeyColumn, 180);
    m_ui->keysTable->setItemDelegateForColumn(kSecretColumn, new SecretDelegate(m_ui->keysTable));
    setKeys(settings->keys());
    connect(m_ui->addKeyButton, &QPushButton::clicked, this, [this] {
        addKeyRow(QString(), QString());
        const int row = m_ui->keysTable->rowCount() - 1;
        m_ui->keysTable->setCurrentCell(row, kKeyColumn);
        m_ui->keysTable->editItem(m_ui->keysTable->item(row, kKeyColumn));
    });
    connect(m_ui->removeKeyButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->keysTable->currentRow();
        if (row >= 0)
            m_ui->keysTable->removeRow(row);
    });
    connect(m_ui->showSecretsCheck, &QCheckBox::toggled, this, &SettingsDialog::setSecretsVisible);

    for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
        auto *item = new QListWidgetItem(EventTableModel::columnTitle(column), m_ui->columnsList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(columnsVisible.value(column, true) ? Qt::Checked : Qt::Unchecked);
    }
    m_openedAddress = m_ui->addressEdit->text();
    m_openedPort = m_ui->portSpin->value();
    m_openedRetainCount = m_ui->retainCountSpin->value();
    m_openedRetainAge = retainAgeSecs();
}

void SettingsDialog::setRunOverrides(const RunOverrides &overrides)
{
    const auto note = [this](const QString &name, const QString &text) {
        auto *label = new QLabel(text, this);
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        return label;
    };
    if (!overrides.listen.isEmpty())
        m_ui->listenForm->addRow(note(QStringLiteral("listenOverrideNote"),
                                      tr("This run listens on %1 (--listen). It goes on doing so "
                                         "unless you change the address or port here.")
                                          .arg(overrides.listen)));
    if (!overrides.keys.isEmpty())
        m_ui->verifyLayout->insertWidget(
            m_ui->verifyLayout->indexOf(m_ui->keysTable) + 1,
            note(QStringLiteral("keysOverrideNote"),
                 tr("Also in use this run, from the command line (--key, not saved): %1.")
                     .arg(overrides.keys.join(QStringLiteral(", ")))));
    if (overrides.retention) {
        QStringList limits;
        if (overrides.retainCount > 0)
            limits << tr("the newest %L1 requests").arg(overrides.retainCount);
        if (overrides.retainAgeSecs > 0)
            limits << tr("none older than %1").arg(describeAge(overrides.retainAgeSecs));
        m_ui->sessionForm->addRow(note(
            QStringLiteral("retentionOverrideNote"),
            tr("This run's session keeps %1 (--retain-count, --retain-age). It goes on doing so "
               "unless you change the limits here.")
                .arg(limits.isEmpty() ? tr("every request") : limits.join(tr(", ")))));
    }
}

bool SettingsDialog::listenerChanged() const
{
    return m_ui->addressEdit->text().trimmed() != m_openedAddress.trimmed() ||
           m_ui->portSpin->value() != m_openedPort;
}

bool SettingsDialog::retentionChanged() const
{
    return m_ui->retainCountSpin->value() != m_openedRetainCount ||
           retainAgeSecs() != m_openedRetainAge;
}

QString SettingsDialog::describeAge(qint64 secs) const
{
    const int unit = largestUnit(secs, std::numeric_limits<qint64>::max()); // seconds always do
    return unit < 0 ? QString()
                    : QStringLiteral("%L1 %2")
                          .arg(secs / kAgeUnits[unit].secs)
                          .arg(tr(kAgeUnits[unit].name));
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addKeyRow(const QString &apiKey, const QString &secret)
{
    const int row = m_ui->keysTable->rowCount();
    m_ui->keysTable->insertRow(row);
    m_ui->keysTable->setItem(row, kKeyColumn, new QTableWidgetItem(apiKey));
    m_ui->keysTable->setItem(row, kSecretColumn, new QTableWidgetItem(secret));
}

void SettingsDialog::setKeys(const QList<KeyEntry> &keys)
{
    m_ui->keysTable->setRowCount(0);
    for (const KeyEntry &entry : keys)
        addKeyRow(entry.apiKey, QString::fromUtf8(entry.secret));
}

QList<KeyEntry> SettingsDialog::keys() const
{
    QList<KeyEntry> keys;
    for (int row = 0; row < m_ui->keysTable->rowCount(); ++row) {
        const QTableWidgetItem *key = m_ui->keysTable->item(row, kKeyColumn);
        const QTableWidgetItem *secret = m_ui->keysTable->item(row, kSecretColumn);
        const QString apiKey = key ? key->text().trimmed() : QString();
        if (!apiKey.isEmpty())
            keys.append({apiKey, secret ? secret->text().toUtf8() : QByteArray()});
    }
    return keys;
}

void SettingsDialog::setSecretsVisible(bool visible)
{
    auto *delegate =
        static_cast<SecretDelegate *>(m_ui->keysTable->itemDelegateForColumn(kSecretColumn));
    delegate->masked = !visible;
    m_ui->keysTable->viewport()->update();
}

void SettingsDialog::setRetainAge(qint64 secs)
{
    const int found = secs > 0 ? largestUnit(secs, m_ui->retainAgeSpin->maximum()) : -1;
    m_ui->retainAgeUnitCombo->setCurrentIndex(found >= 0 ? found : 1); // hours, for "never"
    const qint64 unitSecs = m_ui->retainAgeUnitCombo->currentData().toLongLong();
    m_ui->retainAgeSpin->setValue(
        int(qMin<qint64>(secs / unitSecs, m_ui->retainAgeSpin->maximum())));
}

qint64 SettingsDialog::retainAgeSecs() const
{
    return qint64(m_ui->retainAgeSpin->value()) *
           m_ui->retainAgeUnitCombo->currentData().toLongLong();
}

QList<bool> SettingsDialog::columnsVisible() const
{
    QList<bool> visible;
    for (int row = 0; row < m_ui->columnsList->count(); ++row)
        visible.append(m_ui->columnsList->item(row)->checkState() == Qt::Checked);
    return visible;
}

QString SettingsDialog::validationError() const
{
    if (QHostAddress(m_ui->addressEdit->text().trimmed()).isNull())
        return tr("\"%1\" is not an IP address (for example 127.0.0.1, 0.0.0.0 or ::1).")
            .arg(m_ui->addressEdit->text());
    for (const KeyEntry &entry : keys()) {
        if (entry.secret.isEmpty())
            return tr("The key \"%1\" has no secret.").arg(entry.apiKey);
    }
    return QString();
}

void SettingsDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), error);
        return;
    }
    m_settings->setListenAddress(m_ui->addressEdit->text().trimmed());
    m_settings->setPort(quint16(m_ui->portSpin->value()));
    m_settings->setMaxBodyBytes(qsizetype(m_ui->bodyLimitSpin->value()) * 1024);
    m_settings->setLeewaySecs(m_ui->leewaySpin->value());
    m_settings->setRejectInvalid(m_ui->rejectInvalidCheck->isChecked());
    m_settings->setKeys(keys());
    m_settings->setRetainCount(m_ui->retainCountSpin->value());
    m_settings->setRetainAgeSecs(retainAgeSecs());
    QDialog::accept();
}

} // namespace pnm
