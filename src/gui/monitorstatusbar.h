// The window's status bar: listening state and URL, senders connected, total / shown / failed
// counts, events held
// back while paused, events per second, the session file being recorded (or that nothing is
// kept on disk), the loading of a continued session's earlier requests, and that auto-scroll waits
// while the user reads elsewhere, with a button to go back to the newest. Only shows what it is
// told. GUI thread.
#pragma once

#include <QStatusBar>

class QLabel;
class QToolButton;

namespace pnm {

class ElidedLabel;

class MonitorStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    enum class SessionFileState
    {
        Recording, // open, and writing
        NotSaving, // open, but the store cannot write (senders get 503)
        Closed,    // not listening: nothing is open, the file is used once listening starts
    };

    explicit MonitorStatusBar(QWidget *parent = nullptr);

    QString listenText() const;
    QString countsText() const;
    QString heldText() const;
    QString rateText() const;
    // Empty while not listening.
    QString connectionsText() const;
    QString sessionText() const;
    // Empty unless a continued session's earlier requests are loading.
    QString historyText() const;
    // Empty while auto-scroll follows (or is off).
    QString followText() const;
    QToolButton *resumeFollowButton() const { return m_follow; }

public slots:
    void setListening(bool listening, const QString &url);
    void setListenError(const QString &error);
    void setCounts(quint64 total, int shown, quint64 failed);
    void setHeld(bool paused, qsizetype held);
    void setRate(int eventsPerSecond);
    // Connections the listener holds open: Plug-N-Meet keeps one per busy room and target URL.
    void setConnections(bool listening, int open);
    // Empty path: nothing is recorded to disk.
    void setSessionFile(const QString &path, SessionFileState state);
    void setFollowPaused(bool paused);
    // `waiting`: live requests held until the earlier ones are in, so the table stays in order.
    void setHistoryProgress(bool loading, quint64 loaded, quint64 expected, qsizetype waiting);

signals:
    void resumeFollowRequested();

private:
    ElidedLabel *m_listen;
    QLabel *m_counts;
    QLabel *m_held;
    QLabel *m_rate;
    QLabel *m_connections;
    ElidedLabel *m_session;
    QLabel *m_history;
    QToolButton *m_follow;
};

} // namespace pnm
