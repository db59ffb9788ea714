// Where and how long the ingest side keeps requests: the session file and its retention limits.
// A value type, handed from the composition root to the ingest thread.
#pragma once

#include <QMetaType>
#include <QString>

namespace pnm {

struct SessionStoreOptions
{
    QString path;           // empty: keep nothing (answers do not wait for a disk)
    qint64 maxRequests = 0; // retention by count; 0 keeps all
    qint64 maxAgeSecs = 0;  // retention by age of receipt; 0 keeps all
    // Keep an index of request fingerprints while writing. Imports look duplicates up by it;
    // live recording drops it, since updating it at random places cost as much disk traffic per
    // commit as the rows themselves.
    bool indexFingerprints = false;
    bool isEnabled() const { return !path.isEmpty(); }
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::SessionStoreOptions)
