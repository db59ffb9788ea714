#include "sessionrowloader.h"

#include "eventtablemodel.h"

#include <algorithm>
#include <climits>

namespace pnm {

SessionRowLoader::SessionRowLoader(EventTableModel *model, QObject *parent)
    : QObject(parent), m_model(model)
{
    connect(&m_browser, &SessionBrowser::opened, this, [this](const QString &, quint64 count) {
        m_expected = count;
        emit opened(count);
    });
    connect(&m_browser, &SessionBrowser::rowsLoaded, this, &SessionRowLoader::handleRows);
    connect(&m_browser, &SessionBrowser::loadFinished, this, &SessionRowLoader::finish);
    connect(&m_browser, &SessionBrowser::openFailed, this, [this](const QString &error) {
        m_loading = false;
        emit openFailed(error);
    });
    connect(&m_browser, &SessionBrowser::loadFailed, this, [this](const QString &error) {
        m_loading = false;
        emit loadFailed(error);
    });
}

void SessionRowLoader::load(const QString &path, quint64 lastSeq)
{
    m_lastSeq = lastSeq;
    m_loaded = 0;
    m_expected = 0;
    m_loading = true;
    m_browser.open(path);
}

void SessionRowLoader::cancel()
{
    if (!m_loading)
        return;
    m_loading = false;
    m_browser.close(); // answers already on their way are dropped by the browser
}

void SessionRowLoader::handleRows(const QList<RecordedRequest> &rows)
{
    if (!m_loading)
        return;
    // Rows come in sequence order: those past the bound were recorded after it (this run's own,
    // which reach the table live) and end the load.
    const auto end = std::find_if(rows.cbegin(), rows.cend(),
                                  [this](const RecordedRequest &r) { return r.seq > m_lastSeq; });
    const QList<RecordedRequest> kept =
        end == rows.cend() ? rows : rows.first(qsizetype(end - rows.cbegin()));
    if (!kept.isEmpty()) {
        m_model->appendBatch(kept);
        // After the first batch, whose ids tell their usual length: room for all the others.
        if (m_loaded == 0 && m_expected > quint64(kept.size()))
            m_model->reserve(int(std::min<quint64>(m_expected - quint64(kept.size()), INT_MAX)));
        m_loaded += quint64(kept.size());
        emit rowsAppended(kept.constFirst().seq, int(kept.size()));
    }
    if (end != rows.cend()) {
        m_browser.close();
        finish();
    }
}

void SessionRowLoader::finish()
{
    if (!m_loading)
        return;
    m_loading = false;
    emit finished(m_loaded);
}

} // namespace pnm
