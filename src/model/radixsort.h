// Stable sort of row numbers by an unsigned integer key: a least-significant-digit radix sort,
// 11 bits a pass and only as many passes as the keys' range needs (two or three for a million
// rows by time, rank or size), where a comparison sort makes twenty passes of unpredictable
// branches. Ties keep their input order in both directions. Header-only so that it needs no line
// in src/model/CMakeLists.txt (owned elsewhere). Any thread.
#pragma once

#include <QtGlobal>
#include <algorithm>
#include <bit>
#include <utility>
#include <vector>

namespace pnm {

namespace detail {

template <typename Key> struct KeyedRow
{
    Key key;
    int row;
};

template <typename Key> void radixPasses(std::vector<KeyedRow<Key>> *items, int bits)
{
    constexpr int kDigitBits = 11;
    constexpr size_t kBuckets = size_t(1) << kDigitBits;
    std::vector<KeyedRow<Key>> scratch(items->size());
    std::vector<size_t> counts(kBuckets);
    for (int shift = 0; shift < bits; shift += kDigitBits) {
        std::fill(counts.begin(), counts.end(), 0);
        for (const auto &item : *items)
            ++counts[size_t(item.key >> shift) & (kBuckets - 1)];
        size_t sum = 0;
        for (size_t &count : counts)
            sum += std::exchange(count, sum);
        for (const auto &item : *items)
            scratch[counts[size_t(item.key >> shift) & (kBuckets - 1)]++] = item;
        items->swap(scratch);
    }
}

template <typename Key>
void sortWith(std::vector<int> *rows, const std::vector<quint64> &keys, quint64 low, quint64 high,
              bool descending)
{
    std::vector<KeyedRow<Key>> items(rows->size());
    for (size_t i = 0; i < rows->size(); ++i)
        items[i] = {Key(descending ? high - keys[i] : keys[i] - low), (*rows)[i]};
    radixPasses(&items, int(std::bit_width(high - low)));
    for (size_t i = 0; i < items.size(); ++i)
        (*rows)[i] = items[i].row;
}

} // namespace detail

// Sorts `rows` by keys[i] (the key of rows[i]), ascending or descending; stable.
inline void radixSortRows(std::vector<int> *rows, const std::vector<quint64> &keys, bool descending)
{
    if (rows->size() < 2)
        return;
    const auto [low, high] = std::minmax_element(keys.begin(), keys.end());
    // Narrow keys halve the memory traffic: ranks, sizes and times within 49 days fit 32 bits.
    if (*high - *low <= 0xffffffffu)
        detail::sortWith<quint32>(rows, keys, *low, *high, descending);
    else
        detail::sortWith<quint64>(rows, keys, *low, *high, descending);
}

} // namespace pnm
