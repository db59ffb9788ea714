// Interns the strings the event table repeats thousands of times (event names, rooms, people,
// addresses) so a row holds 4-byte ids instead of strings. GUI thread (owned by the table model).
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <limits>
#include <optional>
#include <vector>

namespace pnm {

class StringPool
{
public:
    StringPool() { clear(); }

    // The id of `text`, adding it when new. Id 0 is always the empty string.
    quint32 intern(const QString &text);
    const QString &string(quint32 id) const { return m_strings.at(qsizetype(id)); }
    // The id of `text` when it was interned, without adding it (filters look their values up).
    std::optional<quint32> find(const QString &text) const;
    qsizetype size() const { return m_strings.size(); }
    // Every string by id: a copy shares the strings and keeps them alive after keepOnly().
    const QList<QString> &all() const { return m_strings; }
    void clear();
    // Drops every string not marked in `live` (indexed by id; the empty string always stays)
    // and numbers the rest again from 1 in their old order. Returns each old id's new id, or
    // kDropped; whoever holds ids must map them through it.
    std::vector<quint32> keepOnly(const std::vector<bool> &live);
    static constexpr quint32 kDropped = std::numeric_limits<quint32>::max();
    // Heap bytes held, approximately (for the memory-per-row figure).
    qsizetype memoryBytes() const;

private:
    QList<QString> m_strings;
    QHash<QString, quint32> m_ids;
};

} // namespace pnm
