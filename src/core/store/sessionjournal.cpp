#include "store/sessionjournal.h"

#include <QMetaObject>

namespace pnm {

SessionJournal::SessionJournal(QObject *parent) : QObject(parent) {}

SessionJournal::~SessionJournal()
{
    close();
}

bool SessionJournal::open(const SessionStoreOptions &options, QString *error)
{
    m_path = options.path;
    m_healthy = true;
    m_writer.setRemovedHandler([this](const QList<quint64> &seqs) { emit requestsRemoved(seqs); });
    return m_writer.open(
        options,
        [this](QList<SessionWriter::Done> dones, bool stored, const QString &why) {
            handleBatch(std::move(dones), stored, why);
        },
        error);
}

void SessionJournal::close()
{
    m_writer.close();
    // The writer thread has finished: run whatever it handed back and no event delivered yet.
    drainCompleted();
}

void SessionJournal::append(const RecordedRequest &request, Done done)
{
    m_writer.append(request, std::move(done));
}

void SessionJournal::handleBatch(QList<SessionWriter::Done> dones, bool stored,
                                 const QString &error)
{
    // Writer thread. One queued call per wake-up, however many batches pile up meanwhile.
    bool wasEmpty = false;
    {
        QMutexLocker lock(&m_mutex);
        wasEmpty = m_completed.isEmpty();
        m_completed.append({std::move(dones), stored, error});
    }
    if (wasEmpty)
        QMetaObject::invokeMethod(this, &SessionJournal::drainCompleted, Qt::QueuedConnection);
}

void SessionJournal::drainCompleted()
{
    QList<Completed> completed;
    {
        QMutexLocker lock(&m_mutex);
        completed.swap(m_completed);
    }
    for (Completed &batch : completed) {
        if (!batch.stored && m_healthy) {
            m_healthy = false;
            emit storeFailed(batch.error);
        } else if (batch.stored && !m_healthy) {
            m_healthy = true;
            emit storeRecovered();
        }
        for (SessionWriter::Done &done : batch.dones)
            done(batch.stored);
    }
}

} // namespace pnm
