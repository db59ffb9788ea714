// The detail pane for the selected request: Summary, JSON (tree with copy value / copy path),
// Raw (exactly as received; copy as cURL), Headers (original order and casing) and Signature
// (verdict in words, every step and value). Fetches the request by sequence number from a
// RequestDetailSource. GUI thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <QTabWidget>
#include <memory>
#include <optional>

namespace Ui {
class DetailPane;
}

namespace pnm {

class JsonTreeModel;
class RequestDetailSource;
class TextTableModel;

class DetailPane : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        SummaryTab,
        JsonTab,
        RawTab,
        HeadersTab,
        SignatureTab
    };

    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    void setDetailSource(const RequestDetailSource *source) { m_source = source; }
    // For "copy as cURL": where this monitor listens, e.g. "http://127.0.0.1:8787".
    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }
    quint64 shownSeq() const { return m_request ? m_request->seq : 0; }

    // Read-only views of what is shown, for tests and the clipboard actions.
    QString rawText() const;
    QString curlCommand() const;
    QString verdictText() const;
    const TextTableModel *summaryModel() const { return m_summary; }
    const TextTableModel *headersModel() const { return m_headers; }
    const TextTableModel *signatureFieldsModel() const { return m_signatureFields; }
    const TextTableModel *stepsModel() const { return m_steps; }
    const JsonTreeModel *jsonModel() const { return m_json; }

public slots:
    void showSeq(quint64 seq); // 0 clears
    void copyJsonValue();
    void copyJsonPath();

private:
    void showRequest(const std::optional<RecordedRequest> &request);
    void showJsonMenu(const QPoint &position);

    std::unique_ptr<Ui::DetailPane> m_ui;
    const RequestDetailSource *m_source = nullptr;
    QString m_baseUrl;
    std::optional<RecordedRequest> m_request;
    TextTableModel *m_summary;
    TextTableModel *m_headers;
    TextTableModel *m_signatureFields;
    TextTableModel *m_steps;
    JsonTreeModel *m_json;
};

} // namespace pnm
