#include "stringpool.h"

namespace pnm {

quint32 StringPool::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const auto found = m_ids.constFind(text);
    if (found != m_ids.constEnd())
        return found.value();
    const auto id = quint32(m_strings.size());
    m_strings.append(text);
    m_ids.insert(text, id);
    return id;
}

std::optional<quint32> StringPool::find(const QString &text) const
{
    if (text.isEmpty())
        return 0;
    const auto found = m_ids.constFind(text);
    if (found == m_ids.constEnd())
        return std::nullopt;
    return found.value();
}

void StringPool::clear()
{
    m_strings.clear();
    m_ids.clear();
    m_strings.append(QString());
}

std::vector<quint32> StringPool::keepOnly(const std::vector<bool> &live)
{
    std::vector<quint32> newIds(size_t(m_strings.size()), kDropped);
    QList<QString> kept;
    kept.append(QString());
    newIds[0] = 0;
    for (qsizetype id = 1; id < m_strings.size(); ++id) {
        if (size_t(id) < live.size() && live[size_t(id)]) {
            newIds[size_t(id)] = quint32(kept.size());
            kept.append(m_strings.at(id));
        }
    }
    QHash<QString, quint32> ids;
    ids.reserve(kept.size());
    for (qsizetype id = 1; id < kept.size(); ++id)
        ids.insert(kept.at(id), quint32(id));
    m_ids = std::move(ids);
    m_strings = std::move(kept);
    return newIds;
}

qsizetype StringPool::memoryBytes() const
{
    // Each string's data is shared between the list and the hash key; count it once, plus the
    // list slot and a hash node (key, value and bucket overhead).
    qsizetype bytes = m_strings.capacity() * qsizetype(sizeof(QString));
    for (const QString &text : m_strings)
        bytes += 16 + text.capacity() * 2 + 48;
    return bytes;
}

} // namespace pnm
