// The live event table: fixed row height, sortable, movable and hideable columns (header context
// menu), follows the newest row only while scrolled to the end, keeps the selected request (by
// sequence number) across filtering and sorting, and moves with arrows or j/k. GUI thread.
#pragma once

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
    QList<bool> columnsVisible() const;
    void setColumnsVisible(const QList<bool> &visible);

public slots:
    void setFollowNewest(bool follow);
    void selectNext();
    void selectPrevious();
    void selectSeq(quint64 seq);

signals:
    // 0 when nothing is selected.
    void currentSeqChanged(quint64 seq);

private:
    void showHeaderMenu(const QPoint &position);
    void handleCurrentChanged(const QModelIndex &current);
    void moveBy(int delta);

    EventFilterProxy *m_proxy = nullptr;
    quint64 m_currentSeq = 0;
    bool m_follow = true;
    bool m_wasAtEnd = true;
};

} // namespace pnm
