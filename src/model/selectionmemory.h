// Remembers which requests a view's selection holds, by sequence number, across the proxy's
// resets (a filter or sort change empties the selection model), and builds the selection that
// brings them back. Requests a filter hides stay remembered until the user selects anew, as the
// current request does. No widgets; GUI thread, beside the view's selection model.
#pragma once

#include <QItemSelection>
#include <vector>

namespace pnm {

class EventFilterProxy;

class SelectionMemory
{
public:
    // Just before the proxy resets: what `selection` holds now, plus the remembered requests
    // the proxy does not show (hidden by the filter).
    void remember(const EventFilterProxy &proxy, const QItemSelection &selection);
    // After the reset: whole-row ranges (consecutive rows merged) over the remembered requests
    // the proxy shows now.
    QItemSelection selection(const EventFilterProxy &proxy) const;
    // The user chose a selection of their own: hidden requests are no longer part of it.
    void clear() { m_seqs.clear(); }
    // Sorted, without duplicates.
    const std::vector<quint64> &seqs() const { return m_seqs; }

private:
    std::vector<quint64> m_seqs;
};

} // namespace pnm
