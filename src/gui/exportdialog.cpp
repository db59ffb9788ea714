#include "exportdialog.h"

#include "ui_exportdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>

namespace pnm {

namespace {
constexpr ExportFormat kFormats[] = {ExportFormat::Json, ExportFormat::Ndjson, ExportFormat::Csv,
                                     ExportFormat::Har};

QString formatTitle(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QObject::tr("JSON (session format)");
    case ExportFormat::Ndjson:
        return QObject::tr("NDJSON (one request per line)");
    case ExportFormat::Csv:
        return QObject::tr("CSV (the table's columns)");
    case ExportFormat::Har:
        return QObject::tr("HAR 1.2 (browser tools, HTTP Toolkit)");
    }
    return {};
}
} // namespace

ExportDialog::ExportDialog(const QString &suggestedPath, qint64 total, qint64 shown,
                           qint64 selected, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ExportDialog>())
{
    m_ui->setupUi(this);
    for (ExportFormat format : kFormats)
        m_ui->formatCombo->addItem(formatTitle(format), int(format));
    const QLocale locale;
    m_ui->allRadio->setText(total < 0 ? tr("&All in the session file")
                                      : tr("&All in the session (%1)").arg(locale.toString(total)));
    m_ui->filteredRadio->setText(tr("Those the &filter shows (%1)").arg(locale.toString(shown)));
    m_ui->selectionRadio->setText(tr("The &selected ones (%1)").arg(locale.toString(selected)));
    m_ui->filteredRadio->setEnabled(shown > 0);
    m_ui->selectionRadio->setEnabled(selected > 0);
    m_ui->pathEdit->setText(suggestedPath);
    if (const std::optional<ExportFormat> format = exportFormatForPath(suggestedPath))
        m_ui->formatCombo->setCurrentIndex(m_ui->formatCombo->findData(int(*format)));
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this,
            &ExportDialog::handleFormatChanged);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

ExportDialog::~ExportDialog() = default;

ExportChoice ExportDialog::choice() const
{
    ExportChoice choice;
    choice.outPath = m_ui->pathEdit->text().trimmed();
    choice.format = ExportFormat(m_ui->formatCombo->currentData().toInt());
    choice.scope = m_ui->selectionRadio->isChecked()  ? ExportChoice::Scope::Selection
                   : m_ui->filteredRadio->isChecked() ? ExportChoice::Scope::Filtered
                                                      : ExportChoice::Scope::All;
    choice.redact = m_ui->redactCheck->isChecked();
    return choice;
}

void ExportDialog::setChoice(const ExportChoice &choice)
{
    m_ui->formatCombo->setCurrentIndex(m_ui->formatCombo->findData(int(choice.format)));
    m_ui->pathEdit->setText(choice.outPath);
    m_ui->allRadio->setChecked(choice.scope == ExportChoice::Scope::All);
    m_ui->filteredRadio->setChecked(choice.scope == ExportChoice::Scope::Filtered);
    m_ui->selectionRadio->setChecked(choice.scope == ExportChoice::Scope::Selection);
    m_ui->redactCheck->setChecked(choice.redact);
}

void ExportDialog::browse()
{
    const ExportFormat format = ExportFormat(m_ui->formatCombo->currentData().toInt());
    const QString name = exportFormatName(format);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export to"), m_ui->pathEdit->text(),
        tr("%1 files (*.%2);;All files (*)").arg(name.toUpper(), name));
    if (!path.isEmpty())
        m_ui->pathEdit->setText(path);
}

void ExportDialog::handleFormatChanged()
{
    // The file name follows the format, so "session.json" becomes "session.har".
    const QString path = m_ui->pathEdit->text().trimmed();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const QString suffix = exportFormatName(ExportFormat(m_ui->formatCombo->currentData().toInt()));
    const QString base = exportFormatForPath(path) ? info.completeBaseName() : info.fileName();
    m_ui->pathEdit->setText(info.dir().filePath(base + u'.' + suffix));
}

void ExportDialog::updateOk()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_ui->pathEdit->text().trimmed().isEmpty());
}

} // namespace pnm
