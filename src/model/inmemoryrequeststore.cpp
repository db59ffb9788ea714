#include "inmemoryrequeststore.h"

#include "events/eventdecoder.h"

#include <QLocale>
#include <algorithm>

namespace pnm {

InMemoryRequestStore::InMemoryRequestStore(QObject *parent) : RequestDetailSource(parent) {}

void InMemoryRequestStore::requestDetails(quint64 seq)
{
    if (std::optional<RecordedRequest> found = request(seq)) {
        emit detailsReady(*found);
        return;
    }
    if (seq <= m_droppedUpTo)
        emit detailsUnavailable(
            seq, tr("#%1 is no longer in memory: without a session file only the newest %2 "
                    "requests are kept. Record to a session file (drop --no-session) to keep "
                    "them all.")
                     .arg(seq)
                     .arg(QLocale().toString(m_capacity)));
    else
        emit detailsUnavailable(seq, tr("#%1 is not in memory.").arg(seq));
}

std::optional<RecordedRequest> InMemoryRequestStore::request(quint64 seq) const
{
    const auto found =
        std::lower_bound(m_requests.begin(), m_requests.end(), seq,
                         [](const RecordedRequest &request, quint64 s) { return request.seq < s; });
    if (found == m_requests.end() || found->seq != seq)
        return std::nullopt;
    RecordedRequest request = *found;
    if (request.event.isDecoded())
        request.event = EventDecoder::decode(request.body);
    return request;
}

void InMemoryRequestStore::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    trim();
}

void InMemoryRequestStore::add(const QList<RecordedRequest> &requests)
{
    for (const RecordedRequest &request : requests) {
        RecordedRequest compact = request;
        // The parsed JSON would double the memory per request; it is decoded again when asked.
        compact.event.body = QJsonObject();
        m_requests.push_back(std::move(compact));
    }
    trim();
}

void InMemoryRequestStore::trim()
{
    while (qsizetype(m_requests.size()) > m_capacity) {
        m_droppedUpTo = std::max(m_droppedUpTo, m_requests.front().seq);
        m_requests.pop_front();
    }
}

} // namespace pnm
