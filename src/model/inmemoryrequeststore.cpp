#include "inmemoryrequeststore.h"

#include "events/eventdecoder.h"

#include <algorithm>

namespace pnm {

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

void InMemoryRequestStore::add(const QList<RecordedRequest> &requests)
{
    for (const RecordedRequest &request : requests) {
        RecordedRequest compact = request;
        // The parsed JSON would double the memory per request; it is decoded again when asked.
        compact.event.body = QJsonObject();
        m_requests.push_back(std::move(compact));
    }
}

} // namespace pnm
