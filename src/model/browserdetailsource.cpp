#include "browserdetailsource.h"

#include "store/sessionbrowser.h"

namespace pnm {

BrowserDetailSource::BrowserDetailSource(SessionBrowser *browser, QObject *parent)
    : RequestDetailSource(parent), m_browser(browser)
{
    connect(m_browser, &SessionBrowser::requestFetched, this, &RequestDetailSource::detailsReady);
    connect(m_browser, &SessionBrowser::fetchFailed, this,
            [this](quint64 seq, const QString &error) {
                emit detailsUnavailable(
                    seq, tr("Cannot read #%1 from the session file: %2").arg(seq).arg(error));
            });
}

void BrowserDetailSource::requestDetails(quint64 seq)
{
    // Queued behind any open() or attach() already asked for, so it sees the opened file.
    m_browser->fetch(seq);
}

} // namespace pnm
