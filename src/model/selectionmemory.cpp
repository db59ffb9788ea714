#include "selectionmemory.h"

#include "eventfilterproxy.h"

#include <algorithm>

namespace pnm {

namespace {
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
    if (!m_seqs.empty()) {
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
    QItemSelection selection;
    const EventTableModel *model = proxy.eventModel();
    if (!model || m_seqs.empty())
        return selection;
    std::vector<bool> wanted(size_t(model->rowCount()), false);
    for (const quint64 seq : m_seqs) {
        const int row = model->rowForSeq(seq);
        if (row >= 0)
            wanted[size_t(row)] = true;
    }
    const int rows = proxy.rowCount();
    const int lastColumn = proxy.columnCount() - 1;
    int runStart = -1;
    for (int row = 0; row <= rows; ++row) {
        const bool selected = row < rows && wanted[size_t(sourceRow(proxy, row))];
        if (selected && runStart < 0) {
            runStart = row;
        } else if (!selected && runStart >= 0) {
            selection.append(
                QItemSelectionRange(proxy.index(runStart, 0), proxy.index(row - 1, lastColumn)));
            runStart = -1;
        }
    }
    return selection;
}

} // namespace pnm
