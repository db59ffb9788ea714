// Interns the strings the event table repeats thousands of times (event names, rooms, people,
// addresses) so a row holds 4-byte ids instead of strings. GUI thread (owned by the table model).
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

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
    void clear();
    // Heap bytes held, approximately (for the memory-per-row figure).
    qsizetype memoryBytes() const;

private:
    QList<QString> m_strings;
    QHash<QString, quint32> m_ids;
};

} // namespace pnm
