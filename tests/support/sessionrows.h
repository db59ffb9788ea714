// Fills a session file's requests table straight through SQL, for tests that need many rows
// quickly (a hundred thousand in a fraction of a second) and do not look at their contents.
#pragma once

#include <QString>

class QSqlDatabase;

namespace pnm::test {

// Inserts requests numbered first..last; `receivedAtSql` is an SQL expression of the number `i`
// giving each one's receipt time in Unix ms. False (with SQLite's reason) on failure.
bool insertRows(const QSqlDatabase &db, quint64 first, quint64 last, const QString &receivedAtSql,
                QString *error);
// The number the query `sql` gives on the session file at `path`, read on a connection of its
// own (usable from any thread, also while a writer records); -1 when it cannot be read.
qint64 readNumber(const QString &path, const QString &sql);
// How many requests the file holds.
qint64 countRows(const QString &path);

} // namespace pnm::test
