// Keeps the newest published requests' raw parts (headers, body, verification) in memory, apart
// from the table rows, and answers the detail pane by sequence number at once. Bounded: only
// for runs that keep nothing on disk (--no-session) and for requests the store could not save.
// The parsed body is dropped and decoded again on demand. GUI thread.
#pragma once

#include "requestdetailsource.h"

#include <QList>
#include <deque>
#include <optional>

namespace pnm {

class InMemoryRequestStore : public RequestDetailSource
{
    Q_OBJECT
public:
    // About 8 KB per request with typical headers: 10,000 stay under 100 MB.
    static constexpr qsizetype kDefaultCapacity = 10000;

    explicit InMemoryRequestStore(QObject *parent = nullptr);

    void requestDetails(quint64 seq) override;
    std::optional<RecordedRequest> request(quint64 seq) const;

    // The oldest requests go once more than capacity() are held.
    void setCapacity(qsizetype capacity);
    qsizetype capacity() const { return m_capacity; }
    void add(const QList<RecordedRequest> &requests);
    void clear() { m_requests.clear(); }
    qsizetype size() const { return qsizetype(m_requests.size()); }

private:
    void trim();

    // In arrival (= sequence) order. A deque never moves what it holds as it grows or drops its
    // front, so adding a batch costs the same at the millionth request as at the first.
    std::deque<RecordedRequest> m_requests;
    qsizetype m_capacity = kDefaultCapacity;
    quint64 m_droppedUpTo = 0; // the newest sequence number that was let go
};

} // namespace pnm
