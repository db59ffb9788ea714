// Where the detail pane gets the full request (raw headers and body, verification steps) for a
// sequence number. The table keeps only compact rows. Asynchronous, because the session file is
// read on a thread of its own: ask with requestDetails(), the answer comes as detailsReady() or
// detailsUnavailable() (possibly before requestDetails() returns). GUI thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <QObject>

namespace pnm {

class RequestDetailSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void requestDetails(quint64 seq) = 0;

signals:
    void detailsReady(const pnm::RecordedRequest &request);
    // `reason` is a sentence for the pane: why this request cannot be shown.
    void detailsUnavailable(quint64 seq, const QString &reason);
};

} // namespace pnm
