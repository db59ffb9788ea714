// The detail pane for the selected request: Summary, JSON (tree with copy value / copy path),
// Raw (exactly as received; copy as cURL), Headers (original order and casing) and Signature
// (verdict in words, every step and value). Asks a RequestDetailSource for the request by
// sequence number and shows it when it comes; a slow answer shows "Loading", an answer for an
// earlier selection is dropped. GUI thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <QTabWidget>
#include <QTimer>
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

    // An answer slower than this shows "Loading #N…" (a quick one never flickers).
    static constexpr int kLoadingDelayMs = 150;

    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    void setDetailSource(RequestDetailSource *source);
    // For "copy as cURL": where this monitor listens, e.g. "http://127.0.0.1:8787".
    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }
    quint64 shownSeq() const { return m_request ? m_request->seq : 0; }
    // The sequence number asked for and not answered yet, 0 when none.
    quint64 pendingSeq() const { return m_pendingSeq; }
    // The Summary tab's headline: "#4 room_started", "Loading #4…" or why it cannot be shown.
    QString headlineText() const;

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
    // The Raw tab's view of `text`: its start when it is too long to lay out quickly.
    static QString shownRawText(QString text);
    void showPlaceholder(const QString &text);
    void handleReady(const RecordedRequest &request);
    void handleUnavailable(quint64 seq, const QString &reason);
    void showJsonMenu(const QPoint &position);

    std::unique_ptr<Ui::DetailPane> m_ui;
    RequestDetailSource *m_source = nullptr;
    QList<QMetaObject::Connection> m_sourceConnections;
    quint64 m_pendingSeq = 0;
    QTimer m_loadingTimer;
    QString m_baseUrl;
    std::optional<RecordedRequest> m_request;
    TextTableModel *m_summary;
    TextTableModel *m_headers;
    TextTableModel *m_signatureFields;
    TextTableModel *m_steps;
    JsonTreeModel *m_json;
};

} // namespace pnm
