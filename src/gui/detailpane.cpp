#include "detailpane.h"

#include "jsontreemodel.h"
#include "rawrequesttext.h"
#include "requestdetailsource.h"
#include "requestsummary.h"
#include "signaturereport.h"
#include "texttablemodel.h"
#include "ui_detailpane.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QMenu>

namespace pnm {

namespace {
void setUpTable(QTableView *view, QAbstractItemModel *model)
{
    view->setModel(model);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
}

QString emptyText()
{
    return QObject::tr("Select an event to see its details.");
}
} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QTabWidget(parent), m_ui(std::make_unique<Ui::DetailPane>()),
      m_summary(new TextTableModel({tr("Field"), tr("Value")}, this)),
      m_headers(new TextTableModel({tr("Name"), tr("Value")}, this)),
      m_signatureFields(new TextTableModel({tr("Field"), tr("Value")}, this)),
      m_steps(new TextTableModel({tr("Step"), tr("Result"), tr("Detail")}, this)),
      m_json(new JsonTreeModel(this))
{
    m_ui->setupUi(this);
    setUpTable(m_ui->summaryView, m_summary);
    setUpTable(m_ui->headersView, m_headers);
    setUpTable(m_ui->signatureFieldsView, m_signatureFields);
    setUpTable(m_ui->stepsView, m_steps);
    m_ui->summaryView->setColumnWidth(0, 140);
    m_ui->headersView->setColumnWidth(0, 160);
    m_ui->signatureFieldsView->setColumnWidth(0, 140);
    m_ui->stepsView->setColumnWidth(0, 80);
    m_ui->stepsView->setColumnWidth(1, 80);
    m_ui->jsonView->setModel(m_json);
    m_ui->jsonView->setUniformRowHeights(true);
    m_ui->jsonView->setAlternatingRowColors(true);
    m_ui->jsonView->header()->resizeSection(JsonTreeModel::KeyColumn, 200);
    m_ui->jsonView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_ui->rawText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_ui->jsonView, &QWidget::customContextMenuRequested, this, &DetailPane::showJsonMenu);
    connect(m_ui->copyValueButton, &QPushButton::clicked, this, &DetailPane::copyJsonValue);
    connect(m_ui->copyPathButton, &QPushButton::clicked, this, &DetailPane::copyJsonPath);
    connect(m_ui->expandAllButton, &QPushButton::clicked, m_ui->jsonView, &QTreeView::expandAll);
    connect(m_ui->copyRawButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(rawText()); });
    connect(m_ui->copyCurlButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(curlCommand()); });
    m_loadingTimer.setSingleShot(true);
    m_loadingTimer.setInterval(kLoadingDelayMs);
    connect(&m_loadingTimer, &QTimer::timeout, this, [this] {
        if (m_pendingSeq != 0)
            showPlaceholder(tr("Loading #%1\u2026").arg(m_pendingSeq));
    });
    showRequest(std::nullopt);
}

DetailPane::~DetailPane() = default;

void DetailPane::setDetailSource(RequestDetailSource *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_source = source;
    m_pendingSeq = 0;
    if (!source)
        return;
    m_sourceConnections = {
        connect(source, &RequestDetailSource::detailsReady, this, &DetailPane::handleReady),
        connect(source, &RequestDetailSource::detailsUnavailable, this,
                &DetailPane::handleUnavailable)};
}

QString DetailPane::headlineText() const
{
    return m_ui->summaryHeadline->text();
}

void DetailPane::showSeq(quint64 seq)
{
    m_loadingTimer.stop();
    m_pendingSeq = 0;
    if (seq == 0 || m_source == nullptr) {
        showRequest(std::nullopt);
        return;
    }
    // The old request stays on screen until the new one comes or the wait gets noticeable.
    m_pendingSeq = seq;
    m_loadingTimer.start();
    m_source->requestDetails(seq);
}

void DetailPane::handleReady(const RecordedRequest &request)
{
    // An answer for an earlier selection (the user moved on meanwhile) is dropped.
    if (m_pendingSeq == 0 || request.seq != m_pendingSeq)
        return;
    m_pendingSeq = 0;
    m_loadingTimer.stop();
    showRequest(request);
}

void DetailPane::handleUnavailable(quint64 seq, const QString &reason)
{
    if (m_pendingSeq == 0 || seq != m_pendingSeq)
        return;
    m_pendingSeq = 0;
    m_loadingTimer.stop();
    showPlaceholder(reason);
}

void DetailPane::showPlaceholder(const QString &text)
{
    showRequest(std::nullopt);
    m_ui->summaryHeadline->setText(text);
    m_ui->verdictLabel->setText(text);
}

void DetailPane::showRequest(const std::optional<RecordedRequest> &request)
{
    m_request = request;
    const bool has = request.has_value();
    for (QWidget *widget : {static_cast<QWidget *>(m_ui->copyValueButton),
                            static_cast<QWidget *>(m_ui->copyPathButton),
                            static_cast<QWidget *>(m_ui->expandAllButton),
                            static_cast<QWidget *>(m_ui->copyRawButton),
                            static_cast<QWidget *>(m_ui->copyCurlButton)})
        widget->setEnabled(has);
    if (!has) {
        m_ui->summaryHeadline->setText(emptyText());
        m_ui->verdictLabel->setText(emptyText());
        m_summary->setRows({});
        m_headers->setRows({});
        m_signatureFields->setRows({});
        m_steps->setRows({});
        m_json->setDocument(QJsonValue());
        m_ui->rawText->clear();
        return;
    }
    const QString event = request->event.event.isEmpty() ? tr("(no event)") : request->event.event;
    m_ui->summaryHeadline->setText(
        QStringLiteral("<b>#%1 %2</b>").arg(request->seq).arg(event.toHtmlEscaped()));
    m_summary->setRows(RequestSummary::fields(*request));
    QList<TextRow> headers;
    for (const HttpHeaderField &field : request->headers.fields())
        headers.append({{QString::fromLatin1(field.name), QString::fromUtf8(field.value)}});
    m_headers->setRows(headers);
    m_ui->verdictLabel->setText(SignatureReport::headline(request->verification));
    m_signatureFields->setRows(SignatureReport::fields(request->verification));
    m_steps->setRows(SignatureReport::steps(request->verification));
    m_json->setDocument(request->event.isDecoded() ? QJsonValue(request->event.body)
                                                   : QJsonValue());
    m_ui->jsonView->expandToDepth(0);
    m_ui->rawText->setPlainText(shownRawText(RawRequestText::text(*request)));
}

QString DetailPane::shownRawText(QString text)
{
    // Laying out a body of megabytes (the limit is 4 MiB) froze the window for seconds; the view
    // shows its start, and Copy request copies it whole.
    constexpr qsizetype kShownChars = 256 * 1024;
    if (text.size() <= kShownChars)
        return text;
    const qsizetype more = text.size() - kShownChars;
    text.truncate(kShownChars);
    return text + tr("\n\n\u2026 %L1 more characters not shown here: Copy request copies the "
                     "whole request.")
                      .arg(more);
}

QString DetailPane::rawText() const
{
    return m_request ? RawRequestText::text(*m_request) : QString();
}

QString DetailPane::curlCommand() const
{
    return m_request ? RawRequestText::curlCommand(*m_request, m_baseUrl) : QString();
}

QString DetailPane::verdictText() const
{
    return m_ui->verdictLabel->text();
}

void DetailPane::copyJsonValue()
{
    const QModelIndex index = m_ui->jsonView->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(index.data(JsonTreeModel::JsonRole).toString());
}

void DetailPane::copyJsonPath()
{
    const QModelIndex index = m_ui->jsonView->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(index.data(JsonTreeModel::PathRole).toString());
}

void DetailPane::showJsonMenu(const QPoint &position)
{
    if (!m_ui->jsonView->indexAt(position).isValid())
        return;
    QMenu menu(this);
    menu.addAction(tr("Copy value"), this, &DetailPane::copyJsonValue);
    menu.addAction(tr("Copy path"), this, &DetailPane::copyJsonPath);
    menu.exec(m_ui->jsonView->viewport()->mapToGlobal(position));
}

} // namespace pnm
