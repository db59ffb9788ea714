#include "inmemoryrequeststore.h"

#include "events/eventdecoder.h"

namespace pnm {

std::optional<RecordedRequest> InMemoryRequestStore::request(quint64 seq) const
{
    const auto found = m_requests.constFind(seq);
    if (found == m_requests.constEnd())
        return std::nullopt;
    RecordedRequest request = found.value();
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
        m_requests.insert(request.seq, compact);
    }
}

} // namespace pnm
