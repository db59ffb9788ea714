// Answers the detail pane from a session file through a SessionBrowser (which reads on its own
// thread): the browser of an opened session, or one attached to the file being recorded. The
// browser is not owned and must outlive this. GUI thread.
#pragma once

#include "requestdetailsource.h"

namespace pnm {

class SessionBrowser;

class BrowserDetailSource : public RequestDetailSource
{
    Q_OBJECT
public:
    explicit BrowserDetailSource(SessionBrowser *browser, QObject *parent = nullptr);

    void requestDetails(quint64 seq) override;

private:
    SessionBrowser *m_browser;
};

} // namespace pnm
