#include "store/sessionbrowser.h"

#include "store/sessionbrowserworker.h"

namespace pnm {

SessionBrowser::SessionBrowser(QObject *parent)
    : QObject(parent), m_worker(new SessionBrowserWorker)
{
    qRegisterMetaType<pnm::RecordedRequest>();
    qRegisterMetaType<QList<pnm::RecordedRequest>>();
    m_thread.setObjectName(QStringLiteral("pnm-session-browser"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    auto current = [this](quint64 generation) { return generation == m_generation; };
    connect(m_worker, &SessionBrowserWorker::opened, this,
            [this, current](const QString &path, quint64 count, quint64 generation) {
                if (current(generation))
                    emit opened(path, count);
            });
    connect(m_worker, &SessionBrowserWorker::openFailed, this,
            [this, current](const QString &error, quint64 generation) {
                if (current(generation))
                    emit openFailed(error);
            });
    connect(m_worker, &SessionBrowserWorker::rowsLoaded, this,
            [this, current](const QList<RecordedRequest> &rows, quint64 generation) {
                if (current(generation))
                    emit rowsLoaded(rows);
            });
    connect(m_worker, &SessionBrowserWorker::loadFinished, this,
            [this, current](quint64 count, quint64 generation) {
                if (current(generation))
                    emit loadFinished(count);
            });
    connect(m_worker, &SessionBrowserWorker::loadFailed, this,
            [this, current](const QString &error, quint64 generation) {
                if (current(generation))
                    emit loadFailed(error);
            });
    connect(m_worker, &SessionBrowserWorker::requestFetched, this, &SessionBrowser::requestFetched);
    connect(m_worker, &SessionBrowserWorker::fetchFailed, this, &SessionBrowser::fetchFailed);
    m_thread.start();
}

SessionBrowser::~SessionBrowser()
{
    close();
    m_thread.quit();
    m_thread.wait();
}

void SessionBrowser::open(const QString &path)
{
    const quint64 generation = ++m_generation;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, path, generation, rows = m_batchRows, light = m_lightRows] {
            worker->open(path, rows, light, generation);
        },
        Qt::QueuedConnection);
}

void SessionBrowser::attach(const QString &path)
{
    const quint64 generation = ++m_generation;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, path, generation] { worker->open(path, 0, true, generation); },
        Qt::QueuedConnection);
}

void SessionBrowser::close()
{
    ++m_generation;
    QMetaObject::invokeMethod(m_worker, &SessionBrowserWorker::close, Qt::QueuedConnection);
}

void SessionBrowser::fetch(quint64 seq)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, seq] { worker->fetch(seq); }, Qt::QueuedConnection);
}

} // namespace pnm
