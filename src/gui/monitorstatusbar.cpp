#include "monitorstatusbar.h"

#include "elidedlabel.h"

#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace pnm {

MonitorStatusBar::MonitorStatusBar(QWidget *parent)
    : QStatusBar(parent), m_listen(new ElidedLabel(this, Qt::ElideRight)),
      m_counts(new QLabel(this)), m_held(new QLabel(this)), m_rate(new QLabel(this)),
      m_connections(new QLabel(this)), m_session(new ElidedLabel(this)),
      m_history(new QLabel(this)), m_follow(new QToolButton(this))
{
    addWidget(m_listen);
    // The session path takes what the others leave: it is elided before the URL is.
    m_session->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_session->setMinimumWidth(m_session->minimumSizeHint().width());
    addWidget(m_session, 1);
    // Clicking it is the way back: scrolling to the newest by hand works too.
    m_follow->setObjectName(QStringLiteral("resumeFollowButton"));
    m_follow->setAutoRaise(true);
    m_follow->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_follow->setText(tr("Auto-scroll paused — show newest"));
    m_follow->setToolTip(tr("You scrolled away from the newest request, so the table stays where "
                            "you read. Click to go back to the newest and follow it again."));
    connect(m_follow, &QToolButton::clicked, this, &MonitorStatusBar::resumeFollowRequested);
    addPermanentWidget(m_history);
    addPermanentWidget(m_follow);
    addPermanentWidget(m_held);
    addPermanentWidget(m_counts);
    addPermanentWidget(m_connections);
    addPermanentWidget(m_rate);
    m_connections->setToolTip(
        tr("HTTP connections open now. Plug-N-Meet sends one request at a "
           "time per room and webhook URL, each on a kept-alive connection."));
    m_listen->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_session->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSessionFile(QString(), SessionFileState::Closed);
    setListening(false, QString());
    setCounts(0, 0, 0);
    setHeld(false, 0);
    setRate(0);
    setFollowPaused(false);
    setHistoryProgress(false, 0, 0, 0);
}

QString MonitorStatusBar::listenText() const
{
    return m_listen->fullText();
}

QString MonitorStatusBar::countsText() const
{
    return m_counts->text();
}

QString MonitorStatusBar::heldText() const
{
    return m_held->text();
}

QString MonitorStatusBar::rateText() const
{
    return m_rate->text();
}

QString MonitorStatusBar::connectionsText() const
{
    return m_connections->isVisibleTo(this) ? m_connections->text() : QString();
}

QString MonitorStatusBar::sessionText() const
{
    return m_session->fullText();
}

QString MonitorStatusBar::followText() const
{
    return m_follow->isHidden() ? QString() : m_follow->text();
}

QString MonitorStatusBar::historyText() const
{
    return m_history->isHidden() ? QString() : m_history->text();
}

void MonitorStatusBar::setHistoryProgress(bool loading, quint64 loaded, quint64 expected,
                                          qsizetype waiting)
{
    m_history->setVisible(loading);
    if (!loading)
        return;
    const QLocale locale;
    QString text = tr("Loading earlier requests: %1 of %2")
                       .arg(locale.toString(loaded), locale.toString(expected));
    if (waiting > 0)
        text += tr(" (%n new waiting)", nullptr, int(waiting));
    m_history->setText(text);
}

void MonitorStatusBar::setFollowPaused(bool paused)
{
    m_follow->setVisible(paused);
}

void MonitorStatusBar::setSessionFile(const QString &path, SessionFileState state)
{
    QString text;
    if (path.isEmpty())
        text = tr("Not recording to disk");
    else if (state == SessionFileState::Recording)
        text = tr("Recording to %1").arg(path);
    else if (state == SessionFileState::NotSaving)
        text = tr("NOT SAVING to %1").arg(path);
    else
        text = tr("Not listening; will record to %1").arg(path);
    m_session->setFullText(text, path.isEmpty() ? tr("Started with --no-session: the newest "
                                                     "requests are kept in memory only")
                                                : path);
}

void MonitorStatusBar::setListening(bool listening, const QString &url)
{
    m_listen->setFullText(listening ? tr("Listening on %1").arg(url) : tr("Not listening"));
}

void MonitorStatusBar::setListenError(const QString &error)
{
    m_listen->setFullText(tr("Cannot listen: %1").arg(error));
}

void MonitorStatusBar::setCounts(quint64 total, int shown, quint64 failed)
{
    const QLocale locale;
    m_counts->setText(
        tr("%1 total \u00b7 %2 shown \u00b7 %3 failed")
            .arg(locale.toString(total), locale.toString(shown), locale.toString(failed)));
}

void MonitorStatusBar::setHeld(bool paused, qsizetype held)
{
    m_held->setVisible(paused);
    m_held->setText(tr("Paused: %1 held back").arg(QLocale().toString(qint64(held))));
}

void MonitorStatusBar::setRate(int eventsPerSecond)
{
    m_rate->setText(tr("%1 events/s").arg(eventsPerSecond));
}

void MonitorStatusBar::setConnections(bool listening, int open)
{
    m_connections->setVisible(listening);
    m_connections->setText(open == 1 ? tr("1 sender connected")
                                     : tr("%1 senders connected").arg(QLocale().toString(open)));
}

} // namespace pnm
