// Reads a session file without changing it: its size, one full request by sequence number, and
// requests in sequence order, batch by batch. Synchronous; use one reader per thread (a loader,
// an export or the detail pane's fetch), never on the GUI thread for whole-session work.
#pragma once

#include "ingest/recordedrequest.h"
#include "store/requestrow.h"
#include "store/sessiondatabase.h"

#include <QList>
#include <optional>

namespace pnm {

class SessionReader
{
public:
    // False with *error naming the file: missing, not SQLite, damaged, not a session, too new.
    bool open(const QString &path, QString *error);
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    const QString &path() const { return m_db.path(); }

    quint64 count(QString *error = nullptr);
    // Requests with seq > afterSeq, oldest first, at most `limit`; empty at the end. The last
    // row's seq is the next call's afterSeq. On a read error returns what it has and sets *error.
    QList<RecordedRequest> readBatch(quint64 afterSeq, int limit, QString *error = nullptr,
                                     RequestRow::Detail detail = RequestRow::Detail::Full);
    // One request with everything (headers, body, verification steps); nullopt if absent.
    std::optional<RecordedRequest> request(quint64 seq, QString *error = nullptr);
    // True when a request with this fingerprint (RequestRow::fingerprint) is in the session.
    bool containsFingerprint(const QByteArray &fingerprint, QString *error = nullptr);
    bool checkIntegrity(QString *error) { return m_db.checkIntegrity(error); }

private:
    bool queryFailed(const class QSqlQuery &query, QString *error);
    SessionDatabase m_db;
};

} // namespace pnm
