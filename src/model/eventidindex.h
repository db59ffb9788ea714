// The event ids of the table's rows, case-folded, as UTF-8 in one buffer with a newline after
// each. Ids are unique per event, so interning them would only add a hash node per row; here a row
// costs its id's bytes plus 5, and the free-text search scans the whole table's ids in one pass
// instead of testing a string per row. GUI thread (owned by the table model).
// Header-only so that it needs no line in src/model/CMakeLists.txt (owned elsewhere).
#pragma once

#include "rowruns.h"

#include <QRegularExpression>
#include <QString>
#include <algorithm>
#include <bitset>
#include <cstring>
#include <limits>
#include <string_view>
#include <vector>

namespace pnm {

class EventIdIndex
{
public:
    // A regular expression runs over this many ids at once (joined by newlines, converted to
    // UTF-16): one match call covers many ids, and the converted text stays small.
    static constexpr int kRegexChunkRows = 4096;

    void append(const QString &id);
    // Forgets the rows of these runs (first, last inclusive; increasing and disjoint), in one
    // pass; the rows after them move up. The byte and pair sets keep what the removed ids added:
    // they may only say "maybe" more often, never wrongly "no".
    void removeRuns(const RowRuns &runs);
    void clear();
    // Room for `rows` more ids, of the length seen so far on average: a known count of rows
    // coming (a session file opening) then grows the buffers once instead of by doubling, each
    // doubling a copy of everything held.
    void reserve(int rows);
    int size() const { return int(m_ends.size()); }
    std::string_view id(int row) const; // case-folded UTF-8; empty when the event had none
    qsizetype memoryBytes() const;

    // For one row (rows arriving in a batch): does its id contain the case-folded UTF-8 `term`?
    bool contains(int row, std::string_view term) const;
    bool matches(int row, const QRegularExpression &regex) const;
    // For the whole table: ORs `bit` into (*masks)[row] for every row whose id contains `term`
    // (case-folded UTF-8) / matches `regex`. masks->size() must be size(). markMatching does not
    // test rows that have `bit` already (a regex costs one call per matching id, so the caller
    // sets it where another field matched, or where the row is filtered out anyway).
    void markContaining(std::string_view term, quint32 bit, std::vector<quint32> *masks) const;
    void markMatching(const QRegularExpression &regex, quint32 bit,
                      std::vector<quint32> *masks) const;

private:
    size_t startOf(int row) const { return row == 0 ? 0 : size_t(m_ends[size_t(row) - 1]) + 1; }
    void markChunk(const QRegularExpression &lines, const QRegularExpression &regex, int first,
                   int last, quint32 bit, std::vector<quint32> *masks) const;

    bool mayContain(std::string_view term) const;

    std::vector<char> m_text;    // id '\n' id '\n' ...
    std::vector<quint32> m_ends; // per row: offset of the newline after its id
    bool m_isolateIds = false;   // an id holds a newline: regexes must test ids one by one
    // Which bytes and which pairs of adjacent bytes occur in some id: a word with a pair no id
    // has ("weekly" among hex UUIDs) skips the scan. Exact, and 8 KiB whatever the row count.
    std::bitset<256> m_bytes;
    std::bitset<65536> m_pairs;
};

inline void EventIdIndex::append(const QString &id)
{
    QByteArray folded = id.toCaseFolded().toUtf8();
    // Offsets are 32-bit: past 4 GiB of ids (about 100 million rows) later ids are not kept.
    if (m_text.size() + size_t(folded.size()) + 1 >= std::numeric_limits<quint32>::max())
        folded.clear();
    m_isolateIds = m_isolateIds || folded.contains('\n');
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const auto byte = quint8(folded.at(i));
        m_bytes.set(byte);
        if (i > 0)
            m_pairs.set(size_t(quint8(folded.at(i - 1))) << 8 | byte);
    }
    m_text.insert(m_text.end(), folded.begin(), folded.end());
    m_ends.push_back(quint32(m_text.size()));
    m_text.push_back('\n');
}

inline void EventIdIndex::removeRuns(const RowRuns &runs)
{
    if (runs.empty())
        return;
    // Each kept block (the rows between two runs) moves down at once. Rows are written at or
    // before where they are read, and a block's start is read before anything reaches it.
    size_t writeRow = size_t(runs.front().first);
    size_t writeByte = startOf(runs.front().first);
    for (size_t r = 0; r < runs.size(); ++r) {
        const size_t keepFirst = size_t(runs[r].second) + 1;
        const size_t keepEnd = r + 1 < runs.size() ? size_t(runs[r + 1].first) : m_ends.size();
        if (keepFirst >= keepEnd)
            continue;
        const size_t from = startOf(int(keepFirst));
        const size_t to = size_t(m_ends[keepEnd - 1]) + 1; // past the block's last newline
        std::memmove(m_text.data() + writeByte, m_text.data() + from, to - from);
        const auto delta = quint32(from - writeByte);
        for (size_t row = keepFirst; row < keepEnd; ++row)
            m_ends[writeRow++] = m_ends[row] - delta;
        writeByte += to - from;
    }
    m_text.resize(writeByte);
    m_ends.resize(writeRow);
}

inline void EventIdIndex::clear()
{
    m_text = {};
    m_ends = {};
    m_isolateIds = false;
    m_bytes.reset();
    m_pairs.reset();
}

inline void EventIdIndex::reserve(int rows)
{
    constexpr size_t kTypicalIdBytes = 36; // a UUID, as Plug-N-Meet's ids are
    const size_t perId = m_ends.empty() ? kTypicalIdBytes + 1 : m_text.size() / m_ends.size() + 1;
    m_ends.reserve(m_ends.size() + size_t(rows));
    m_text.reserve(m_text.size() + size_t(rows) * perId);
}

inline bool EventIdIndex::mayContain(std::string_view term) const
{
    if (term.size() == 1)
        return m_bytes.test(quint8(term.front()));
    for (size_t i = 1; i < term.size(); ++i) {
        if (!m_pairs.test(size_t(quint8(term[i - 1])) << 8 | quint8(term[i])))
            return false;
    }
    return true;
}

inline std::string_view EventIdIndex::id(int row) const
{
    const size_t begin = startOf(row);
    return {m_text.data() + begin, m_ends[size_t(row)] - begin};
}

inline qsizetype EventIdIndex::memoryBytes() const
{
    return qsizetype(m_text.capacity()) + qsizetype(m_ends.capacity()) * qsizetype(sizeof(quint32));
}

inline bool EventIdIndex::contains(int row, std::string_view term) const
{
    const std::string_view text = id(row);
    return !text.empty() && text.find(term) != std::string_view::npos;
}

inline bool EventIdIndex::matches(int row, const QRegularExpression &regex) const
{
    const std::string_view text = id(row);
    // An empty id is no field at all (EventFilter::searchableFields leaves it out).
    return !text.empty() &&
           regex.match(QString::fromUtf8(text.data(), qsizetype(text.size()))).hasMatch();
}

inline void EventIdIndex::markContaining(std::string_view term, quint32 bit,
                                         std::vector<quint32> *masks) const
{
    if (term.empty() || m_ends.empty() || !mayContain(term))
        return;
    const char *begin = m_text.data();
    const char *end = begin + m_text.size();
    const char *from = begin;
    size_t row = 0;
    for (;;) {
        // glibc's memmem (vectorised) scans 37 MB of ids 5 to 10 times faster than
        // std::boyer_moore_horspool_searcher here, and far faster for one-letter words.
        const auto *hit =
            static_cast<const char *>(memmem(from, size_t(end - from), term.data(), term.size()));
        if (hit == nullptr)
            return;
        const auto at = size_t(hit - begin);
        // Hits come in increasing order: walk the row forward instead of a binary search per hit
        // (a short term hits nearly every row).
        while (m_ends[row] < at)
            ++row;
        if (at + term.size() <= m_ends[row]) {
            (*masks)[row] |= bit;
            from = begin + m_ends[row] + 1; // the rest of this id adds nothing
        } else {
            from = hit + 1; // the hit ran into the next id: not a match
        }
        if (from >= end)
            return;
    }
}

inline void EventIdIndex::markMatching(const QRegularExpression &regex, quint32 bit,
                                       std::vector<quint32> *masks) const
{
    // Ids joined by newlines are matched with ^ and $ at line boundaries. A construct that looks
    // past a line (lookaround, \A, \z, inline options) would see the neighbouring ids, so such a
    // pattern tests ids one by one: correct, only slower.
    const QString pattern = regex.pattern();
    bool lineSafe = !m_isolateIds;
    for (qsizetype i = 0; lineSafe && i + 1 < pattern.size(); ++i) {
        const QChar next = pattern.at(i + 1);
        if (pattern.at(i) == u'(' && next == u'?') {
            lineSafe = i + 2 < pattern.size() && pattern.at(i + 2) == u':';
        } else if (pattern.at(i) == u'\\') {
            lineSafe = !QStringView(u"AzZGK").contains(next);
            ++i; // the escaped character starts nothing
        }
    }
    QRegularExpression lines(pattern, regex.patternOptions() | QRegularExpression::MultilineOption);
    for (int first = 0; first < size(); first += kRegexChunkRows) {
        const int last = std::min(size(), first + kRegexChunkRows) - 1;
        if (lineSafe) {
            markChunk(lines, regex, first, last, bit, masks);
            continue;
        }
        for (int row = first; row <= last; ++row) {
            if (((*masks)[size_t(row)] & bit) == 0 && matches(row, regex))
                (*masks)[size_t(row)] |= bit;
        }
    }
}

inline void EventIdIndex::markChunk(const QRegularExpression &lines,
                                    const QRegularExpression &regex, int first, int last,
                                    quint32 bit, std::vector<quint32> *masks) const
{
    const size_t begin = startOf(first);
    const QString chunk =
        QString::fromUtf8(m_text.data() + begin, qsizetype(m_ends[size_t(last)] - begin));
    int row = first;
    qsizetype rowStart = 0; // in chunk, UTF-16
    qsizetype rowEnd = chunk.indexOf(u'\n');
    if (rowEnd < 0)
        rowEnd = chunk.size();
    const auto nextRow = [&] {
        ++row;
        rowStart = rowEnd + 1;
        rowEnd = chunk.indexOf(u'\n', rowStart);
        if (rowEnd < 0)
            rowEnd = chunk.size();
    };
    while (row <= last) {
        while (row <= last && ((*masks)[size_t(row)] & bit) != 0)
            nextRow();
        if (row > last)
            return;
        // The chunk came from fromUtf8 (valid UTF-16): checking it again on every call would
        // rescan the whole chunk per match.
        const QRegularExpressionMatch match =
            lines.match(chunk, rowStart, QRegularExpression::NormalMatch,
                        QRegularExpression::DontCheckSubjectStringMatchOption);
        if (!match.hasMatch())
            return;
        while (row <= last && rowEnd < match.capturedStart())
            nextRow();
        if (row > last)
            return;
        if (match.capturedEnd() <= rowEnd) {
            if (rowEnd > rowStart) // an empty id is no field
                (*masks)[size_t(row)] |= bit;
        } else if (matches(row, regex)) { // the match ran across ids: ask this id alone
            (*masks)[size_t(row)] |= bit;
        }
        nextRow();
    }
}

} // namespace pnm
