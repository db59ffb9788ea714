#include "sessionjobrunner.h"

#include <QFileInfo>
#include <QProgressDialog>
#include <climits>

namespace pnm {

SessionJobRunner::SessionJobRunner(QWidget *window)
    : QObject(window), m_progress(new QProgressDialog(window))
{
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setMinimumDuration(kProgressDelayMs);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setRange(0, 0); // busy until the first progress report
    connect(m_progress, &QProgressDialog::canceled, &m_job, &SessionJob::cancel);
    connect(&m_job, &SessionJob::progressed, this, [this](quint64 done, quint64 total) {
        // QProgressDialog counts in int; a million rows fit, but scale to be safe.
        const quint64 scale = total > quint64(INT_MAX) ? total / quint64(INT_MAX) + 1 : 1;
        m_progress->setMaximum(int(total / scale));
        m_progress->setValue(int(done / scale));
    });
    connect(&m_job, &SessionJob::exportFinished, this, [this](const ExportResult &result) {
        finish();
        emit exportFinished(result);
    });
    connect(&m_job, &SessionJob::importFinished, this, [this](const ImportResult &result) {
        finish();
        emit importFinished(result);
    });
}

SessionJobRunner::~SessionJobRunner()
{
    delete m_progress;
}

void SessionJobRunner::startExport(const QString &sessionPath, const QString &outPath,
                                   const ExportOptions &options)
{
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setLabelText(tr("Exporting to %1\u2026").arg(QFileInfo(outPath).fileName()));
    m_job.startExport(sessionPath, outPath, options);
}

void SessionJobRunner::startImport(const QString &sessionPath, const QString &filePath,
                                   const ImportOptions &options)
{
    m_progress->setWindowTitle(tr("Import"));
    m_progress->setLabelText(tr("Importing %1\u2026").arg(QFileInfo(filePath).fileName()));
    // Busy while the file is parsed, then the requests stored.
    m_job.startImport(sessionPath, filePath, options);
}

bool SessionJobRunner::wasCancelled() const
{
    return m_progress->wasCanceled();
}

void SessionJobRunner::finish()
{
    m_progress->hide();
    deleteLater();
}

} // namespace pnm
