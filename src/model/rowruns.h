// Runs of adjacent rows (first, last inclusive), for removals announced one run at a time: the
// table's rows by sequence number, or the proxy's shown rows. GUI thread.
#pragma once

#include <utility>
#include <vector>

namespace pnm {

using RowRuns = std::vector<std::pair<int, int>>;

// Adds `row`, given in increasing order (a row given twice is taken once).
inline void addToRuns(RowRuns *runs, int row)
{
    if (!runs->empty() && runs->back().second == row - 1)
        runs->back().second = row;
    else if (runs->empty() || runs->back().second != row)
        runs->emplace_back(row, row);
}

} // namespace pnm
