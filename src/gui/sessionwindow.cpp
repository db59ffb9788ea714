#include "sessionwindow.h"

#include "detailpane.h"
#include "elidedlabel.h"
#include "eventicons.h"
#include "eventtableview.h"
#include "exportcontroller.h"
#include "filterbar.h"
#include "messagebanner.h"
#include "ui_sessionwindow.h"
#include "windowplacement.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QProgressBar>
#include <limits>

namespace pnm {

SessionWindow::SessionWindow(const QString &path, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::SessionWindow>()), m_path(path),
      m_progress(new QProgressBar(this)), m_status(new ElidedLabel(this))
{
    m_ui->setupUi(this);
    setWindowFlag(Qt::Window);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(EventIcons::application());
    setWindowTitle(tr("%1 \u2014 session (read-only)").arg(QFileInfo(path).fileName()));
    m_proxy.setSourceModel(&m_model);
    m_ui->eventTable->setEventModel(&m_proxy);
    m_ui->eventTable->setFollowNewest(false);
    m_ui->filterBar->setEventModel(&m_model);
    m_ui->detailPane->setDetailSource(&m_details);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ui->statusBar->addWidget(m_status, 1);
    // Opened over the main window and any other session windows: stepped so theirs stay in sight.
    fitToScreen(
        this,
        parentWidget()
            ? int(parentWidget()->findChildren<SessionWindow *>(Qt::FindDirectChildrenOnly).size())
            : 0);
    m_ui->statusBar->addPermanentWidget(m_progress);
    m_progress->setRange(0, 0); // busy until the count is known
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("%v of %m loaded"));
    m_export = new ExportController(this, &m_proxy, m_ui->eventTable);
    m_export->setSessionPath(path, true);

    connect(m_ui->actionExport, &QAction::triggered, m_export,
            &ExportController::exportInteractive);
    connect(m_export, &ExportController::finished, this,
            [this](bool, const QString &message) { m_ui->statusBar->showMessage(message, 8000); });
    connect(m_ui->actionClose, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionFind, &QAction::triggered, m_ui->filterBar, &FilterBar::focusSearch);
    connect(m_ui->actionNext, &QAction::triggered, m_ui->eventTable, &EventTableView::selectNext);
    connect(m_ui->actionPrevious, &QAction::triggered, m_ui->eventTable,
            &EventTableView::selectPrevious);
    connect(m_ui->actionShowDetails, &QAction::toggled, m_ui->detailPane, &QWidget::setVisible);
    connect(m_ui->filterBar, &FilterBar::filterChanged, &m_proxy, &EventFilterProxy::setFilter);
    connect(m_ui->eventTable, &EventTableView::currentSeqChanged, m_ui->detailPane,
            &DetailPane::showSeq);
    connect(&m_proxy, &EventFilterProxy::shownCountChanged, this, [this](int shown, int total) {
        m_ui->filterBar->setCounts(shown, total);
        updateStatus();
    });
    connect(&m_loader, &SessionRowLoader::opened, this, &SessionWindow::handleOpened);
    connect(&m_loader, &SessionRowLoader::rowsAppended, this, &SessionWindow::handleRows);
    connect(&m_loader, &SessionRowLoader::finished, this, &SessionWindow::handleLoadFinished);
    connect(&m_loader, &SessionRowLoader::openFailed, this, [this](const QString &error) {
        handleFailure(tr("Cannot open the session %1").arg(QFileInfo(m_path).fileName()), error);
        emit openFailed(error);
    });
    connect(&m_loader, &SessionRowLoader::loadFailed, this, [this](const QString &error) {
        handleFailure(tr("Stopped reading the session after %1 requests")
                          .arg(QLocale().toString(m_model.rowCount())),
                      error);
    });
    updateStatus();
    m_loader.load(path);
}

SessionWindow::~SessionWindow()
{
    // The views go first: they hold the models that are members of this window.
    delete takeCentralWidget();
}

EventTableView *SessionWindow::eventTable() const
{
    return m_ui->eventTable;
}
FilterBar *SessionWindow::filterBar() const
{
    return m_ui->filterBar;
}
DetailPane *SessionWindow::detailPane() const
{
    return m_ui->detailPane;
}
MessageBanner *SessionWindow::banner() const
{
    return m_ui->banner;
}

QString SessionWindow::statusText() const
{
    return m_status->fullText();
}

QAction *SessionWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void SessionWindow::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_ui->eventTable->horizontalHeader()->restoreState(state);
}

void SessionWindow::handleOpened(quint64 count)
{
    m_expected = count;
    // QProgressBar counts in int; past that it shows "busy", which is still honest.
    if (count <= quint64(std::numeric_limits<int>::max()))
        m_progress->setRange(0, int(count));
    updateStatus();
}

void SessionWindow::handleRows(quint64 firstSeq, int rows)
{
    if (m_progress->maximum() > 0)
        m_progress->setValue(m_model.rowCount());
    // Something to look at straight away: the first request, details and all.
    if (m_model.rowCount() == rows && m_ui->eventTable->currentSeq() == 0)
        m_ui->eventTable->selectSeq(firstSeq);
}

void SessionWindow::handleLoadFinished(quint64 count)
{
    m_loading = false;
    m_expected = count;
    m_progress->hide();
    updateStatus();
    emit loadFinished(count);
}

void SessionWindow::handleFailure(const QString &title, const QString &error)
{
    m_loading = false;
    m_progress->hide();
    m_ui->banner->showError(title, error);
    m_status->setFullText(title + QStringLiteral(": ") + error);
}

void SessionWindow::updateStatus()
{
    if (!m_ui->banner->isHidden())
        return;
    const QLocale locale;
    const QString shown = locale.toString(m_proxy.rowCount());
    const QString loaded = locale.toString(m_model.rowCount());
    if (m_loading)
        m_status->setFullText(tr("%1 \u00b7 loading: %2 of %3 requests")
                                  .arg(m_path, loaded, locale.toString(m_expected)));
    else
        m_status->setFullText(tr("%1 \u00b7 %2 requests \u00b7 %3 shown \u00b7 read-only")
                                  .arg(m_path, loaded, shown));
}

} // namespace pnm
