// File > Export for one window: asks with ExportDialog, turns the chosen scope into sequence
// numbers from the window's proxy and view, runs the export through a SessionJobRunner and
// reports the outcome (status message, or a non-modal error naming the file). The live window
// and an opened session's window each have one. GUI thread.
#pragma once

#include "exportdialog.h"
#include "store/sessionexporter.h"

#include <QObject>

class QWidget;

namespace pnm {

class EventFilterProxy;
class EventTableView;

class ExportController : public QObject
{
    Q_OBJECT
public:
    ExportController(QWidget *window, EventFilterProxy *proxy, EventTableView *view);

    // The session file to export; empty when there is none (--no-session). `tableHasAll`: the
    // table holds every request of the file (an opened session), so its count is the file's; the
    // live table does not (Clear, earlier runs of a continued session).
    void setSessionPath(const QString &path, bool tableHasAll)
    {
        m_sessionPath = path;
        m_tableHasAll = tableHasAll;
    }
    const QString &sessionPath() const { return m_sessionPath; }
    // Which requests a scope means right now; empty for All (the whole file).
    QList<quint64> seqsFor(ExportChoice::Scope scope) const;

public slots:
    void exportInteractive();
    // Without the dialog (tests, scripts): runs at once, answered by finished().
    void exportTo(const pnm::ExportChoice &choice);

signals:
    void finished(bool ok, const QString &message);

private:
    void report(bool ok, const QString &message);
    QString suggestedPath() const;

    QWidget *m_window;
    EventFilterProxy *m_proxy;
    EventTableView *m_view;
    QString m_sessionPath;
    QString m_lastFolder;
    bool m_tableHasAll = false;
};

} // namespace pnm
