// Keeps every published request's raw parts (headers, body, verification) in memory, apart from
// the table rows, and answers the detail pane by sequence number. The parsed body is dropped and
// decoded again on demand: only one request is looked at at a time. GUI thread.
#pragma once

#include "requestdetailsource.h"

#include <QList>
#include <deque>

namespace pnm {

class InMemoryRequestStore : public RequestDetailSource
{
public:
    std::optional<RecordedRequest> request(quint64 seq) const override;

    void add(const QList<RecordedRequest> &requests);
    void clear() { m_requests.clear(); }
    qsizetype size() const { return qsizetype(m_requests.size()); }

private:
    // In arrival (= sequence) order. A deque never moves what it holds as it grows, so adding a
    // batch costs the same at the millionth request as at the first (a hash would rehash).
    std::deque<RecordedRequest> m_requests;
};

} // namespace pnm
