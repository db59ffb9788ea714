// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so the program stops
// cleanly: the listener closes and every recorded line is flushed. Create one, on the main thread.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace pnm {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace pnm
