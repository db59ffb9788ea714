#include "filterbar.h"

#include "eventicons.h"
#include "eventtablemodel.h"
#include "ui_filterbar.h"

#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QShortcut>
#include <QStyle>
#include <QWidgetAction>

namespace pnm {

namespace {
constexpr int kEventNameRole = Qt::UserRole + 1; // on a type's item: its name
constexpr int kFamilyRole = Qt::UserRole + 2;    // on every item: the family, as int
constexpr int kIsHeadingRole = Qt::UserRole + 3;

QString withCount(const QString &text, int count)
{
    return QStringLiteral("%1 \u00b7 %2").arg(text, QLocale().toString(count));
}

// A type's item, indented under its family's heading.
QString typeText(const QString &name, int count)
{
    return QStringLiteral("    ") + withCount(name, count);
}
} // namespace

FilterBar::FilterBar(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::FilterBar>())
{
    m_ui->setupUi(this);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // the table gets the height
    // A list inside the menu keeps it open while several event types are ticked.
    auto *menu = new QMenu(this);
    m_eventList = new QListWidget(menu);
    m_eventList->setMinimumSize(300, 360);
    auto *listAction = new QWidgetAction(menu);
    listAction->setDefaultWidget(m_eventList);
    QAction *allAction = menu->addAction(tr("Show all event types"));
    menu->addSeparator();
    menu->addAction(listAction);
    m_ui->eventTypeButton->setMenu(menu);
    m_ui->eventTypeButton->setToolTip(
        tr("Show only these event types: the types seen so far, grouped by family, with how many "
           "of each arrived. Tick a family to tick all its types."));
    connect(allAction, &QAction::triggered, this, [this] { setEventTypes({}); });
    connect(m_eventList, &QListWidget::itemChanged, this, &FilterBar::handleItemChanged);

    m_ui->roomCombo->addItem(tr("All rooms"), QString());
    connect(m_ui->roomCombo, &QComboBox::currentIndexChanged, this, [this] { applyNow(); });
    for (QToolButton *button : {m_ui->validButton, m_ui->failedButton, m_ui->unverifiedButton})
        connect(button, &QToolButton::toggled, this, [this] { applyNow(); });

    m_invalidAction = m_ui->searchEdit->addAction(
        style()->standardIcon(QStyle::SP_MessageBoxWarning), QLineEdit::TrailingPosition);
    m_invalidAction->setVisible(false);
    updateSearchHelp(m_filter);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kTextDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { applyNow(); });
    connect(m_ui->searchEdit, &QLineEdit::textEdited, this, [this] { m_debounce.start(); });
    // The clear button emits textChanged only: apply that at once.
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyNow();
    });
    // Enter applies without waiting for the pause.
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] { applyNow(); });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_ui->searchEdit);
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] { setSearchText(QString()); });
    m_countsRefresh.setSingleShot(true);
    m_countsRefresh.setInterval(kCountsRefreshMs);
    connect(&m_countsRefresh, &QTimer::timeout, this, &FilterBar::refreshCounts);
}

FilterBar::~FilterBar() = default;

void FilterBar::setEventModel(EventTableModel *model)
{
    m_model = model;
    connect(model, &EventTableModel::choicesChanged, this, &FilterBar::refreshChoices);
    connect(model, &EventTableModel::countsChanged, this, [this] {
        if (!m_countsRefresh.isActive())
            m_countsRefresh.start();
    });
    refreshChoices();
}

void FilterBar::refreshChoices()
{
    m_countsRefresh.stop(); // the rebuilt choices carry the current counts
    rebuildEventList();
    const QString currentRoom = m_ui->roomCombo->currentData().toString();
    const QSignalBlocker blocker(m_ui->roomCombo);
    m_ui->roomCombo->clear();
    m_ui->roomCombo->addItem(tr("All rooms"), QString());
    for (const RoomChoice &room : m_model->rooms()) {
        m_ui->roomCombo->addItem(withCount(room.label, room.count), room.roomId);
        m_ui->roomCombo->setItemData(m_ui->roomCombo->count() - 1,
                                     tr("room_id: %1").arg(room.roomId), Qt::ToolTipRole);
    }
    const int index = m_ui->roomCombo->findData(currentRoom);
    m_ui->roomCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void FilterBar::refreshCounts()
{
    // In place: rebuilding would close an open list and lose its scroll position.
    QHash<QString, int> counts;
    QHash<int, int> familyCounts;
    for (const EventNameChoice &choice : m_model->eventNames()) {
        counts.insert(choice.name, choice.count);
        familyCounts[int(choice.family)] += choice.count;
    }
    const QSignalBlocker blocker(m_eventList);
    for (int i = 0; i < m_eventList->count(); ++i) {
        QListWidgetItem *item = m_eventList->item(i);
        const int family = item->data(kFamilyRole).toInt();
        if (item->data(kIsHeadingRole).toBool())
            item->setText(withCount(eventFamilyName(EventFamily(family)), familyCounts[family]));
        else
            item->setText(typeText(item->data(kEventNameRole).toString(),
                                   counts.value(item->data(kEventNameRole).toString())));
    }
    const QSignalBlocker roomBlocker(m_ui->roomCombo);
    const QList<RoomChoice> rooms = m_model->rooms();
    for (const RoomChoice &room : rooms) {
        const int index = m_ui->roomCombo->findData(room.roomId);
        if (index > 0)
            m_ui->roomCombo->setItemText(index, withCount(room.label, room.count));
    }
}

void FilterBar::rebuildEventList()
{
    const QSignalBlocker blocker(m_eventList);
    m_eventList->clear();
    const QList<EventNameChoice> names = m_model->eventNames();
    // Group by family, in the family order, each under a heading that ticks the whole family.
    for (int family = int(EventFamily::Room); family <= int(EventFamily::Unknown); ++family) {
        QListWidgetItem *heading = nullptr;
        int familyCount = 0;
        for (const EventNameChoice &choice : names) {
            if (int(choice.family) != family)
                continue;
            if (!heading) {
                heading = new QListWidgetItem(EventIcons::family(EventFamily(family)), QString());
                QFont font = heading->font();
                font.setBold(true);
                heading->setFont(font);
                heading->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                heading->setData(kFamilyRole, family);
                heading->setData(kIsHeadingRole, true);
                m_eventList->addItem(heading);
            }
            familyCount += choice.count;
            auto *item = new QListWidgetItem(typeText(choice.name, choice.count));
            item->setData(kEventNameRole, choice.name);
            item->setData(kFamilyRole, family);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(m_selectedEvents.contains(choice.name) ? Qt::Checked
                                                                       : Qt::Unchecked);
            m_eventList->addItem(item);
        }
        if (heading)
            heading->setText(withCount(eventFamilyName(EventFamily(family)), familyCount));
    }
    updateFamilyChecks();
}

void FilterBar::handleItemChanged(QListWidgetItem *item)
{
    const bool checked = item->checkState() == Qt::Checked;
    if (item->data(kIsHeadingRole).toBool()) {
        const int family = item->data(kFamilyRole).toInt();
        for (int i = 0; i < m_eventList->count(); ++i) {
            const QListWidgetItem *other = m_eventList->item(i);
            const QString name = other->data(kEventNameRole).toString();
            if (name.isEmpty() || other->data(kFamilyRole).toInt() != family)
                continue;
            if (checked)
                m_selectedEvents.insert(name);
            else
                m_selectedEvents.remove(name);
        }
    } else {
        const QString name = item->data(kEventNameRole).toString();
        if (checked)
            m_selectedEvents.insert(name);
        else
            m_selectedEvents.remove(name);
    }
    updateFamilyChecks();
    updateEventButton();
    applyNow();
}

void FilterBar::updateFamilyChecks()
{
    // Each item shows the selection; a heading is ticked, half-ticked or clear with its types.
    const QSignalBlocker blocker(m_eventList);
    QHash<int, std::pair<int, int>> ticked; // family -> (ticked, types)
    for (int i = 0; i < m_eventList->count(); ++i) {
        QListWidgetItem *item = m_eventList->item(i);
        const QString name = item->data(kEventNameRole).toString();
        if (name.isEmpty())
            continue;
        const bool on = m_selectedEvents.contains(name);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        auto &[tickedTypes, types] = ticked[item->data(kFamilyRole).toInt()];
        tickedTypes += on ? 1 : 0;
        ++types;
    }
    for (int i = 0; i < m_eventList->count(); ++i) {
        QListWidgetItem *item = m_eventList->item(i);
        if (!item->data(kIsHeadingRole).toBool())
            continue;
        const auto [tickedTypes, types] = ticked.value(item->data(kFamilyRole).toInt());
        item->setCheckState(tickedTypes == 0       ? Qt::Unchecked
                            : tickedTypes == types ? Qt::Checked
                                                   : Qt::PartiallyChecked);
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
    updateFamilyChecks();
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
    updateSearchHelp(filter);
    if (filter == m_filter && filter.isTextValid() == m_filter.isTextValid())
        return;
    m_filter = filter;
    setCounts(m_shown, m_total);
    emit filterChanged(m_filter);
}

void FilterBar::updateSearchHelp(const EventFilter &filter)
{
    // Says exactly what is searched: the model keeps the decoded fields, not the raw bodies
    // (those stay in the session file), so a word that occurs only elsewhere in a body is not
    // found, and the help must not suggest otherwise.
    const QString help =
        tr("Searches each request's decoded fields: event name and id; room id, title and sid; "
           "participant identity, name, sid and disconnect reason; track sid, name, source, type "
           "and MIME type; recording, artifact, analytics and speech ids, names, messages and "
           "paths; body and HTTP errors; and the verdict and sender as shown.\n"
           "Not searched: other members of the JSON body, and the headers (see the JSON and Raw "
           "tabs).\n"
           "All words must occur, in any case; \"a phrase\" is one word; /regex/ is a "
           "case-insensitive regular expression tried on each field alone.\n"
           "Applies after a short pause or on Enter; Esc clears.");
    m_invalidAction->setVisible(!filter.isTextValid());
    m_invalidAction->setToolTip(filter.textError());
    m_ui->searchEdit->setToolTip(filter.isTextValid() ? help
                                                      : filter.textError() + u'\n' + u'\n' + help);
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
