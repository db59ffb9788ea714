// File > Export: asks for the format (JSON, NDJSON, CSV, HAR), the file, which requests (all,
// what the filter shows, the selection) and whether to redact. Only asks; ExportController
// runs the export. GUI thread.
#pragma once

#include "store/exportformat.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ExportDialog;
}

namespace pnm {

struct ExportChoice
{
    enum class Scope
    {
        All,
        Filtered,
        Selection
    };
    QString outPath;
    ExportFormat format = ExportFormat::Json;
    Scope scope = Scope::All;
    bool redact = false;
};

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // The counts label the scope choices; a scope with nothing in it cannot be chosen. A total
    // below 0 is not known (the live table may not hold the whole file).
    ExportDialog(const QString &suggestedPath, qint64 total, qint64 shown, qint64 selected,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    ExportChoice choice() const;
    void setChoice(const ExportChoice &choice);

private:
    void browse();
    void handleFormatChanged();
    void updateOk();

    std::unique_ptr<Ui::ExportDialog> m_ui;
};

} // namespace pnm
