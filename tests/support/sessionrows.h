// Fills a session file's requests table straight through SQL, for tests that need many rows
// quickly (a hundred thousand in a fraction of a second) and do not look at their contents.
#pragma once

#include <QHash>
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
// Every request of the session at `path` as event id -> sequence number, read the way the program
// reads a session (SessionReader) after SQLite's integrity check; empty with *error saying why
// when the file does not open, fails the check, or cannot be read whole.
QHash<QString, quint64> readEventSeqs(const QString &path, QString *error);

} // namespace pnm::test
