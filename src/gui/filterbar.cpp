#include "filterbar.h"

#include "eventicons.h"
#include "eventtablemodel.h"
#include "ui_filterbar.h"

#include <QListWidget>
#include <QMenu>
#include <QShortcut>
#include <QStyle>
#include <QWidgetAction>

namespace pnm {

namespace {
constexpr int kEventNameRole = Qt::UserRole + 1;
}

FilterBar::FilterBar(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::FilterBar>())
{
    m_ui->setupUi(this);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // the table gets the height
    // A list inside the menu keeps it open while several event types are ticked.
    auto *menu = new QMenu(this);
    m_eventList = new QListWidget(menu);
    m_eventList->setMinimumSize(260, 320);
    auto *listAction = new QWidgetAction(menu);
    listAction->setDefaultWidget(m_eventList);
    QAction *allAction = menu->addAction(tr("Show all event types"));
    menu->addSeparator();
    menu->addAction(listAction);
    m_ui->eventTypeButton->setMenu(menu);
    connect(allAction, &QAction::triggered, this, [this] { setEventTypes({}); });
    connect(m_eventList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const QString name = item->data(kEventNameRole).toString();
        if (name.isEmpty())
            return;
        if (item->checkState() == Qt::Checked)
            m_selectedEvents.insert(name);
        else
            m_selectedEvents.remove(name);
        updateEventButton();
        applyNow();
    });

    m_ui->roomCombo->addItem(tr("All rooms"), QString());
    connect(m_ui->roomCombo, &QComboBox::currentIndexChanged, this, [this] { applyNow(); });
    for (QToolButton *button : {m_ui->validButton, m_ui->failedButton, m_ui->unverifiedButton})
        connect(button, &QToolButton::toggled, this, [this] { applyNow(); });

    m_invalidAction = m_ui->searchEdit->addAction(
        style()->standardIcon(QStyle::SP_MessageBoxWarning), QLineEdit::TrailingPosition);
    m_invalidAction->setVisible(false);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kTextDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { applyNow(); });
    connect(m_ui->searchEdit, &QLineEdit::textEdited, this, [this] { m_debounce.start(); });
    // The clear button emits textChanged only: apply that at once.
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyNow();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_ui->searchEdit);
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] { setSearchText(QString()); });
}

FilterBar::~FilterBar() = default;

void FilterBar::setEventModel(EventTableModel *model)
{
    m_model = model;
    connect(model, &EventTableModel::choicesChanged, this, &FilterBar::refreshChoices);
    refreshChoices();
}

void FilterBar::refreshChoices()
{
    rebuildEventList();
    const QString currentRoom = m_ui->roomCombo->currentData().toString();
    const QSignalBlocker blocker(m_ui->roomCombo);
    m_ui->roomCombo->clear();
    m_ui->roomCombo->addItem(tr("All rooms"), QString());
    for (const RoomChoice &room : m_model->rooms())
        m_ui->roomCombo->addItem(room.label, room.roomId);
    const int index = m_ui->roomCombo->findData(currentRoom);
    m_ui->roomCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void FilterBar::rebuildEventList()
{
    const QSignalBlocker blocker(m_eventList);
    m_eventList->clear();
    // Group by family, in the family order, with a heading for each.
    for (int family = int(EventFamily::Room); family <= int(EventFamily::Unknown); ++family) {
        bool headed = false;
        for (const EventNameChoice &choice : m_model->eventNames()) {
            const QString &name = choice.name;
            if (int(choice.family) != family)
                continue;
            if (!headed) {
                auto *heading = new QListWidgetItem(EventIcons::family(EventFamily(family)),
                                                    eventFamilyName(EventFamily(family)));
                QFont font = heading->font();
                font.setBold(true);
                heading->setFont(font);
                heading->setFlags(Qt::ItemIsEnabled);
                m_eventList->addItem(heading);
                headed = true;
            }
            auto *item = new QListWidgetItem(QStringLiteral("    ") + name);
            item->setData(kEventNameRole, name);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(m_selectedEvents.contains(name) ? Qt::Checked : Qt::Unchecked);
            m_eventList->addItem(item);
        }
    }
}

void FilterBar::updateEventButton()
{
    if (m_selectedEvents.isEmpty())
        m_ui->eventTypeButton->setText(tr("All events"));
    else if (m_selectedEvents.size() == 1)
        m_ui->eventTypeButton->setText(*m_selectedEvents.constBegin());
    else
        m_ui->eventTypeButton->setText(tr("%n event types", nullptr, int(m_selectedEvents.size())));
}

void FilterBar::setEventTypes(const QSet<QString> &names)
{
    m_selectedEvents = names;
    if (m_model)
        rebuildEventList();
    updateEventButton();
    applyNow();
}

void FilterBar::setRoom(const QString &roomId)
{
    const int index = m_ui->roomCombo->findData(roomId);
    m_ui->roomCombo->setCurrentIndex(index < 0 ? 0 : index);
    applyNow();
}

void FilterBar::setVerdictClasses(int mask)
{
    const QSignalBlocker a(m_ui->validButton), b(m_ui->failedButton), c(m_ui->unverifiedButton);
    m_ui->validButton->setChecked(mask & int(VerdictClass::Valid));
    m_ui->failedButton->setChecked(mask & int(VerdictClass::Failed));
    m_ui->unverifiedButton->setChecked(mask & int(VerdictClass::Unverified));
    applyNow();
}

void FilterBar::setSearchText(const QString &text)
{
    m_ui->searchEdit->setText(text);
    applyNow();
}

void FilterBar::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void FilterBar::applyNow()
{
    m_debounce.stop();
    EventFilter filter;
    filter.setEventNames(m_selectedEvents);
    const QString room = m_ui->roomCombo->currentData().toString();
    filter.setRoomIds(room.isEmpty() ? QSet<QString>{} : QSet<QString>{room});
    int mask = 0;
    if (m_ui->validButton->isChecked())
        mask |= int(VerdictClass::Valid);
    if (m_ui->failedButton->isChecked())
        mask |= int(VerdictClass::Failed);
    if (m_ui->unverifiedButton->isChecked())
        mask |= int(VerdictClass::Unverified);
    filter.setVerdictClasses(mask);
    filter.setText(m_ui->searchEdit->text());
    m_invalidAction->setVisible(!filter.isTextValid());
    m_invalidAction->setToolTip(filter.textError());
    m_ui->searchEdit->setToolTip(filter.isTextValid() ? QString() : filter.textError());
    if (filter == m_filter && filter.isTextValid() == m_filter.isTextValid())
        return;
    m_filter = filter;
    setCounts(m_shown, m_total);
    emit filterChanged(m_filter);
}

void FilterBar::setCounts(int shown, int total)
{
    m_shown = shown;
    m_total = total;
    const QLocale locale;
    QString text = tr("showing %1 of %2").arg(locale.toString(shown), locale.toString(total));
    if (!m_filter.isTextValid())
        text = tr("invalid search: %1").arg(m_filter.textError());
    m_ui->countLabel->setText(text);
}

} // namespace pnm
