// Runs one export or import through a SessionJob (off the GUI thread) with a progress dialog
// that can cancel it, then reports the result and deletes itself. Non-modal: the window keeps
// showing live events meanwhile. Create one per job with new; GUI thread.
#pragma once

#include "store/sessionjob.h"

#include <QObject>

class QProgressDialog;
class QWidget;

namespace pnm {

class SessionJobRunner : public QObject
{
    Q_OBJECT
public:
    // Quick jobs finish before the dialog would appear.
    static constexpr int kProgressDelayMs = 400;

    explicit SessionJobRunner(QWidget *window);
    ~SessionJobRunner() override;

    void startExport(const QString &sessionPath, const QString &outPath,
                     const pnm::ExportOptions &options);
    void startImport(const QString &sessionPath, const QString &filePath,
                     const pnm::ImportOptions &options);
    QProgressDialog *progressDialog() const { return m_progress; }
    // The user pressed Cancel (the job's error then only says so).
    bool wasCancelled() const;

signals:
    void exportFinished(const pnm::ExportResult &result);
    void importFinished(const pnm::ImportResult &result);

private:
    void finish();

    SessionJob m_job;
    QProgressDialog *m_progress;
};

} // namespace pnm
