// The filter bar over the table: event types seen so far (multi-select, grouped by family, a
// family ticked at once, each with its count), room (from the rooms seen so far, title and id,
// with counts), verdict classes and a debounced free-text search that shows whether the
// expression is valid, plus "showing X of Y". Builds an EventFilter; decides nothing itself.
// GUI thread.
#pragma once

#include "events/eventfilter.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QListWidget;
class QListWidgetItem;
class QAction;

namespace Ui {
class FilterBar;
}

namespace pnm {

class EventTableModel;

class FilterBar : public QWidget
{
    Q_OBJECT
public:
    // Typing waits this long after the last key: a filter change on a million rows takes tens
    // of milliseconds, so this is about not flickering through partial words.
    static constexpr int kTextDebounceMs = 150;
    // The counts beside the choices follow arriving rows at most this often.
    static constexpr int kCountsRefreshMs = 500;

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    // The filter bar offers what this model has seen.
    void setEventModel(EventTableModel *model);
    const EventFilter &filter() const { return m_filter; }

public slots:
    void setCounts(int shown, int total);
    void focusSearch();
    void setSearchText(const QString &text); // applies at once (no debounce)
    void setEventTypes(const QSet<QString> &names);
    void setRoom(const QString &roomId); // empty: all rooms
    void setVerdictClasses(int mask);

signals:
    void filterChanged(const pnm::EventFilter &filter);

private:
    void refreshChoices();
    void refreshCounts();
    void rebuildEventList();
    void handleItemChanged(QListWidgetItem *item);
    void updateFamilyChecks();
    void applyNow();
    void updateEventButton();
    void updateSearchHelp(const EventFilter &filter);

    std::unique_ptr<Ui::FilterBar> m_ui;
    EventTableModel *m_model = nullptr;
    QListWidget *m_eventList = nullptr;
    QAction *m_invalidAction = nullptr;
    QSet<QString> m_selectedEvents;
    QTimer m_debounce;
    QTimer m_countsRefresh;
    EventFilter m_filter;
    int m_shown = 0;
    int m_total = 0;
};

} // namespace pnm
