// The detail source of the live session. While the monitor records to a session file, full
// requests are read back from that file (a row is published only after its commit, so it is
// always there); memory keeps only what the store could not save (answered 503). Without a
// session file (--no-session) the newest requests are kept in memory, bounded. GUI thread.
#pragma once

#include "browserdetailsource.h"
#include "inmemoryrequeststore.h"

#include <memory>

namespace pnm {

class SessionBrowser;

class LiveRequestDetails : public RequestDetailSource
{
    Q_OBJECT
public:
    // Requests answered 503 while the store failed; enough for an operator to look at a few.
    static constexpr qsizetype kUnsavedCapacity = 1000;

    explicit LiveRequestDetails(QObject *parent = nullptr);
    ~LiveRequestDetails() override;

    void requestDetails(quint64 seq) override;

    // Read full requests from this file from now on (the session being recorded).
    void attach(const QString &path);
    const QString &attachedPath() const { return m_path; }
    void add(const QList<RecordedRequest> &requests);
    void clear() { m_memory.clear(); }
    const InMemoryRequestStore &memory() const { return m_memory; }
    // For --no-session runs: how many requests stay in memory.
    void setMemoryCapacity(qsizetype capacity) { m_memory.setCapacity(capacity); }

private:
    InMemoryRequestStore m_memory;
    std::unique_ptr<SessionBrowser> m_browser;
    std::unique_ptr<BrowserDetailSource> m_file;
    QString m_path;
};

} // namespace pnm
