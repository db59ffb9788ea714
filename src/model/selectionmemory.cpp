#include "selectionmemory.h"

#include "eventfilterproxy.h"

#include <algorithm>

namespace pnm {

namespace {
// Up to this many remembered requests are looked up one by one (a linear search of the shown
// rows each); more are matched in one pass over the table instead.
constexpr size_t kLookUpEachMax = 16;

int sourceRow(const EventFilterProxy &proxy, int proxyRow)
{
    return proxy.mapToSource(proxy.index(proxyRow, 0)).row();
}

// Source rows the proxy shows: one pass, instead of a search per remembered request.
std::vector<bool> shownSourceRows(const EventFilterProxy &proxy)
{
    std::vector<bool> shown(size_t(proxy.eventModel()->rowCount()), false);
    for (int row = 0, rows = proxy.rowCount(); row < rows; ++row)
        shown[size_t(sourceRow(proxy, row))] = true;
    return shown;
}
} // namespace

void SelectionMemory::remember(const EventFilterProxy &proxy, const QItemSelection &selection)
{
    const EventTableModel *model = proxy.eventModel();
    if (!model) {
        m_seqs.clear();
        return;
    }
    std::vector<quint64> seqs;
    if (m_seqs.size() <= kLookUpEachMax) {
        for (const quint64 seq : m_seqs) {
            if (model->rowForSeq(seq) >= 0 && proxy.rowForSeq(seq) < 0)
                seqs.push_back(seq);
        }
    } else {
        const std::vector<bool> shown = shownSourceRows(proxy);
        for (const quint64 seq : m_seqs) {
            const int row = model->rowForSeq(seq);
            if (row >= 0 && !shown[size_t(row)])
                seqs.push_back(seq);
        }
    }
    // Whole-row selections come as one range per row span (several with moved columns).
    for (const QItemSelectionRange &range : selection) {
        if (range.model() != &proxy)
            continue;
        for (int row = range.top(); row <= range.bottom(); ++row)
            seqs.push_back(model->eventRow(sourceRow(proxy, row)).seq);
    }
    std::sort(seqs.begin(), seqs.end());
    seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
    m_seqs = std::move(seqs);
}

QItemSelection SelectionMemory::selection(const EventFilterProxy &proxy) const
{
    const EventTableModel *model = proxy.eventModel();
    if (!model || m_seqs.empty())
        return {};
    // The proxy rows to select, in order.
    std::vector<int> rows;
    if (m_seqs.size() <= kLookUpEachMax) {
        for (const quint64 seq : m_seqs) {
            const int row = proxy.rowForSeq(seq);
            if (row >= 0)
                rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end());
    } else {
        std::vector<bool> wanted(size_t(model->rowCount()), false);
        for (const quint64 seq : m_seqs) {
            const int row = model->rowForSeq(seq);
            if (row >= 0)
                wanted[size_t(row)] = true;
        }
        for (int row = 0, shown = proxy.rowCount(); row < shown; ++row) {
            if (wanted[size_t(sourceRow(proxy, row))])
                rows.push_back(row);
        }
    }
    // One range per run of consecutive rows: a select-all stays one range after any sort.
    QItemSelection selection;
    const int lastColumn = proxy.columnCount() - 1;
    for (size_t i = 0; i < rows.size();) {
        size_t j = i + 1;
        while (j < rows.size() && rows[j] == rows[j - 1] + 1)
            ++j;
        selection.append(
            QItemSelectionRange(proxy.index(rows[i], 0), proxy.index(rows[j - 1], lastColumn)));
        i = j;
    }
    return selection;
}

} // namespace pnm
