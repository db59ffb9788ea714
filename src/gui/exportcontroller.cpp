#include "exportcontroller.h"

#include "eventfilterproxy.h"
#include "eventtableview.h"
#include "sessionjobrunner.h"

#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QStandardPaths>

namespace pnm {

ExportController::ExportController(QWidget *window, EventFilterProxy *proxy, EventTableView *view)
    : QObject(window), m_window(window), m_proxy(proxy), m_view(view)
{
}

QList<quint64> ExportController::seqsFor(ExportChoice::Scope scope) const
{
    QList<quint64> seqs;
    const EventTableModel *model = m_proxy->eventModel();
    const auto seqOf = [this, model](int proxyRow) {
        return model->eventRow(m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row()).seq;
    };
    if (scope == ExportChoice::Scope::Filtered) {
        const int rows = m_proxy->rowCount();
        seqs.reserve(rows);
        for (int row = 0; row < rows; ++row)
            seqs.append(seqOf(row));
    } else if (scope == ExportChoice::Scope::Selection && m_view->selectionModel()) {
        for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
            seqs.append(seqOf(index.row()));
    }
    return seqs;
}

QString ExportController::suggestedPath() const
{
    const QString folder =
        !m_lastFolder.isEmpty()
            ? m_lastFolder
            : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder + u'/' + QFileInfo(m_sessionPath).completeBaseName() + QStringLiteral(".json");
}

void ExportController::exportInteractive()
{
    if (m_sessionPath.isEmpty()) {
        report(false, tr("Nothing is recorded to disk in this run (--no-session), so there is no "
                         "session file to export."));
        return;
    }
    qint64 selected = 0;
    if (m_view->selectionModel())
        selected = m_view->selectionModel()->selectedRows().size();
    ExportDialog dialog(suggestedPath(), m_tableHasAll ? m_proxy->eventModel()->rowCount() : -1,
                        m_proxy->rowCount(), selected, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    exportTo(dialog.choice());
}

void ExportController::exportTo(const ExportChoice &choice)
{
    if (m_sessionPath.isEmpty()) {
        report(false, tr("There is no session file to export."));
        return;
    }
    ExportOptions options;
    options.format = choice.format;
    options.redact = choice.redact;
    if (choice.scope != ExportChoice::Scope::All) {
        options.onlySeqs = seqsFor(choice.scope);
        // An empty list would mean "all": say instead that there is nothing to write.
        if (options.onlySeqs.isEmpty()) {
            report(false, choice.scope == ExportChoice::Scope::Filtered
                              ? tr("The filter shows no requests: nothing to export.")
                              : tr("No request is selected: nothing to export."));
            return;
        }
    }
    m_lastFolder = QFileInfo(choice.outPath).absolutePath();
    auto *runner = new SessionJobRunner(m_window);
    connect(runner, &SessionJobRunner::exportFinished, this,
            [this, choice, runner](const ExportResult &result) {
                if (!result.ok && runner->wasCancelled())
                    emit finished(false,
                                  tr("Export cancelled; %1 was not written").arg(choice.outPath));
                else if (result.ok)
                    report(true, tr("Exported %1 requests to %2 (%3)")
                                     .arg(result.written)
                                     .arg(choice.outPath, exportFormatName(choice.format)));
                else
                    report(false, tr("Export failed: %1").arg(result.error));
            });
    runner->startExport(m_sessionPath, choice.outPath, options);
}

void ExportController::report(bool ok, const QString &message)
{
    if (!ok) {
        // Non-modal: the window keeps running; the box goes when closed.
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Export"), message, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("exportErrorBox"));
        box->open();
    }
    emit finished(ok, message);
}

} // namespace pnm
