#include "liverequestdetails.h"

#include "store/sessionbrowser.h"

namespace pnm {

LiveRequestDetails::LiveRequestDetails(QObject *parent) : RequestDetailSource(parent)
{
    connect(&m_memory, &RequestDetailSource::detailsReady, this,
            &RequestDetailSource::detailsReady);
    connect(&m_memory, &RequestDetailSource::detailsUnavailable, this,
            &RequestDetailSource::detailsUnavailable);
}

LiveRequestDetails::~LiveRequestDetails() = default;

void LiveRequestDetails::attach(const QString &path)
{
    m_path = path;
    if (!m_browser) {
        m_browser = std::make_unique<SessionBrowser>();
        m_file = std::make_unique<BrowserDetailSource>(m_browser.get());
        connect(m_file.get(), &RequestDetailSource::detailsReady, this,
                &RequestDetailSource::detailsReady);
        connect(m_file.get(), &RequestDetailSource::detailsUnavailable, this,
                &RequestDetailSource::detailsUnavailable);
    }
    m_browser->attach(path);
    // What memory held is in the file now (or belongs to an earlier file): only unsaved ones
    // are kept from here on.
    m_memory.clear();
    m_memory.setCapacity(kUnsavedCapacity);
}

void LiveRequestDetails::add(const QList<RecordedRequest> &requests)
{
    if (!m_file) {
        m_memory.add(requests);
        return;
    }
    // 503: the store could not save it, so the file will not have it.
    QList<RecordedRequest> unsaved;
    for (const RecordedRequest &request : requests) {
        if (request.status == 503)
            unsaved.append(request);
    }
    if (!unsaved.isEmpty())
        m_memory.add(unsaved);
}

void LiveRequestDetails::requestDetails(quint64 seq)
{
    if (m_file && !m_memory.request(seq))
        m_file->requestDetails(seq);
    else
        m_memory.requestDetails(seq);
}

} // namespace pnm
