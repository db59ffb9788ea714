// The live event table: fixed row height, sortable, movable and hideable columns (header context
// menu), several rows selectable (shift/ctrl-click, Ctrl+A; the current one is the one shown in
// detail), keeps the selected requests (by sequence number) across arrivals, filtering and
// sorting, and moves with arrows or j/k. Follows the newest request whatever the sort order
// (bottom, top, or wherever another column sorts it) while the user is at it; a user reading
// elsewhere is not moved, not even by rows landing above, until they return to it. GUI thread.
#pragma once

#include "selectionmemory.h"

#include <QTableView>

namespace pnm {

class EventFilterProxy;

class EventTableView : public QTableView
{
    Q_OBJECT
public:
    explicit EventTableView(QWidget *parent = nullptr);

    void setEventModel(EventFilterProxy *proxy);
    quint64 currentSeq() const { return m_currentSeq; }
    bool followsNewest() const { return m_follow; }
    // Following is on but the user scrolled away from the newest request.
    bool isFollowPaused() const { return m_follow && !isAtNewest(); }
    QList<bool> columnsVisible() const;
    void setColumnsVisible(const QList<bool> &visible);

public slots:
    void setFollowNewest(bool follow);
    // Back to the newest request: following resumes (the status bar's "resume").
    void resumeFollowing();
    void selectNext();
    void selectPrevious();
    void selectSeq(quint64 seq);

signals:
    // 0 when nothing is selected.
    void currentSeqChanged(quint64 seq);
    void followPausedChanged(bool paused);

private:
    bool isAtNewest() const;
    void scrollToNewest();
    void handleAboutToInsert(int first, int last);
    void handleAboutToRemove(int first, int last);
    // After rows were inserted or removed: follow the newest, or keep what a reader looks at.
    void handleRowsChanged();
    void handleAboutToReset();
    void handleReset();
    void updateFollowPaused();

    void showHeaderMenu(const QPoint &position);
    void handleCurrentChanged(const QModelIndex &current);
    void moveBy(int delta);

    EventFilterProxy *m_proxy = nullptr;
    quint64 m_currentSeq = 0;
    bool m_follow = true;
    bool m_wasAtNewest = true;
    bool m_inReset = false;
    bool m_restoringSelection = false;
    SelectionMemory m_selection;
    bool m_followPaused = false;
    // Rows being inserted (positive) or removed (negative) above the first visible one while
    // reading.
    int m_rowsAbove = 0;
};

} // namespace pnm
