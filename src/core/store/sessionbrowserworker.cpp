#include "store/sessionbrowserworker.h"

#include <QMetaObject>

namespace pnm {

void SessionBrowserWorker::open(const QString &path, int batchRows, bool lightRows,
                                quint64 generation)
{
    m_reader.close();
    m_generation = generation;
    m_batchRows = batchRows;
    m_lightRows = lightRows;
    m_after = 0;
    m_loaded = 0;
    QString error;
    if (!m_reader.open(path, &error)) {
        emit openFailed(error, generation);
        return;
    }
    const quint64 count = m_reader.count(&error);
    if (!error.isEmpty()) {
        m_reader.close();
        emit openFailed(error, generation);
        return;
    }
    emit opened(path, count, generation);
    if (batchRows > 0)
        loadNext(generation);
}

void SessionBrowserWorker::loadNext(quint64 generation)
{
    // A newer open() or a close() makes this load obsolete.
    if (generation != m_generation || !m_reader.isOpen())
        return;
    QString error;
    QList<RecordedRequest> rows =
        m_reader.readBatch(m_after, m_batchRows, &error,
                           m_lightRows ? RequestRow::Detail::Light : RequestRow::Detail::Full);
    if (!error.isEmpty()) {
        emit loadFailed(error, generation);
        return;
    }
    if (rows.isEmpty()) {
        emit loadFinished(m_loaded, generation);
        return;
    }
    m_after = rows.constLast().seq;
    m_loaded += quint64(rows.size());
    emit rowsLoaded(rows, generation);
    QMetaObject::invokeMethod(
        this, [this, generation] { loadNext(generation); }, Qt::QueuedConnection);
}

void SessionBrowserWorker::fetch(quint64 seq)
{
    if (!m_reader.isOpen()) {
        emit fetchFailed(seq, QStringLiteral("no session is open"));
        return;
    }
    QString error;
    const std::optional<RecordedRequest> request = m_reader.request(seq, &error);
    if (request)
        emit requestFetched(*request);
    else
        // Rows listed earlier go missing when the recording side's retention removes them.
        emit fetchFailed(seq, error.isEmpty()
                                  ? QStringLiteral("%1: no request %2 (a retention limit may "
                                                   "have removed it)")
                                        .arg(m_reader.path())
                                        .arg(seq)
                                  : error);
}

void SessionBrowserWorker::close()
{
    ++m_generation;
    m_reader.close();
}

} // namespace pnm
