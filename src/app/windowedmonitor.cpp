#include "windowedmonitor.h"

#include "appsettings.h"
#include "ingest/ingestservice.h"
#include "mainwindow.h"
#include "monitoroptions.h"
#include "monitorsession.h"
#include "sessioncommand.h"
#include "signalwatcher.h"
#include "unixdispatcher.h"

#include <QApplication>
#include <QProcessEnvironment>
#include <cstdio>
#include <cstring>

namespace pnm {

bool WindowedMonitor::hasDisplay()
{
    // An explicit platform (offscreen, xcb, wayland...) is the user's choice; trust it.
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

bool WindowedMonitor::isWanted(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return false;
    }
    return hasDisplay();
}

int WindowedMonitor::run(int argc, char *argv[])
{
    // QApplication takes -session/--session (X11 session management) out of argv: read the
    // arguments before it sees them.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QApplication app(argc, argv);
    // After QApplication: the GUI thread keeps GLib for the platform theme; the ingest thread
    // started below gets the cheaper dispatcher.
    preferUnixEventDispatcher();
    QApplication::setApplicationName(QStringLiteral("pnm-webhook-monitor"));
    QApplication::setOrganizationName(QStringLiteral("pnm-webhook-monitor"));
    QApplication::setApplicationVersion(QStringLiteral(PNM_VERSION));

    int exitCode = -1;
    QString text;
    const MonitorOptions options = MonitorOptions::parse(
        arguments, QProcessEnvironment::systemEnvironment(), &exitCode, &text);
    if (exitCode >= 0) {
        std::fputs(qPrintable(text), exitCode == 0 ? stdout : stderr);
        if (exitCode != 0)
            std::fputc('\n', stderr);
        return exitCode;
    }
    if (options.session.isCommand())
        return SessionCommand::run(options, stderr);

    // Recorded to a session file exactly as headless (--session, --no-session, retention).
    QString error;
    SessionStoreOptions store = options.session.storeOptions(&error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "pnm-webhook-monitor: %s\n", qPrintable(error));
        return 1;
    }
    AppSettings settings;
    // Retention from Settings, unless the command line sets one for this run.
    if (store.maxRequests == 0 && store.maxAgeSecs == 0) {
        store.maxRequests = settings.retainCount();
        store.maxAgeSecs = settings.retainAgeSecs();
    }
    IngestService service;
    MonitorSession session(&service);
    session.setSessionStore(store);
    MainWindow window(&session, &settings);
    // Command-line keys and a non-default --listen apply to this run without being saved.
    window.setExtraKeys(options.ingest.keys);
    if (options.address != QHostAddress(QHostAddress::LocalHost) ||
        options.port != MonitorOptions::kDefaultPort)
        window.setListenOverride(options.address, options.port);
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &window,
                     &QWidget::close);
    window.show();
    window.startListening();
    // --open FILE without --export: browse that session beside the one being recorded.
    if (!options.session.openPath.isEmpty())
        window.openSession(options.session.openPath);
    return QApplication::exec();
}

} // namespace pnm
