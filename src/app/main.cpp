// pnm-webhook-monitor: the composition root. Shows the window when there is a display and no
// --headless; otherwise parses options and runs headless.
#include "headlessmonitor.h"
#include "monitoroptions.h"
#include "sessioncommand.h"
#include "signalwatcher.h"
#include "unixdispatcher.h"
#include "windowedmonitor.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <cstdio>

int main(int argc, char *argv[])
{
    // The window needs a QApplication and the headless monitor must not: decide before either.
    if (pnm::WindowedMonitor::isWanted(argc, argv))
        return pnm::WindowedMonitor::run(argc, argv);
    pnm::preferUnixEventDispatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pnm-webhook-monitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PNM_VERSION));

    int exitCode = -1;
    QString text;
    const pnm::MonitorOptions options = pnm::MonitorOptions::parse(
        QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment(), &exitCode, &text);
    if (exitCode >= 0) {
        std::fputs(qPrintable(text), exitCode == 0 ? stdout : stderr);
        if (exitCode != 0)
            std::fputc('\n', stderr);
        return exitCode;
    }
    if (options.session.isCommand()) // --export / --import: work on files, then exit
        return pnm::SessionCommand::run(options, stderr);
    if (!options.headless)
        std::fputs("pnm-webhook-monitor: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM "
                   "are unset); running headless\n",
                   stderr);

    pnm::HeadlessMonitor monitor(options);
    pnm::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &pnm::SignalWatcher::terminationRequested, &monitor,
                     &pnm::HeadlessMonitor::stop);
    QObject::connect(&monitor, &pnm::HeadlessMonitor::finished, &app,
                     [] { QCoreApplication::exit(0); });
    QObject::connect(&monitor, &pnm::HeadlessMonitor::failed, &app,
                     [](int code) { QCoreApplication::exit(code); });
    monitor.start();
    return QCoreApplication::exec();
}
