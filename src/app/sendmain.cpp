// pnm-webhook-send: signs and sends Plug-N-Meet webhooks (README "Sending test webhooks").
#include "sendoptions.h"
#include "sendrunner.h"
#include "sign/eventbuilder.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTimer>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pnm-webhook-send"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PNM_VERSION));

    const pnm::SendOptionsResult parsed = pnm::SendOptionsParser::parse(
        app.arguments(),
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("PNM_WEBHOOK_SECRET")));
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "pnm-webhook-send: %s\nTry 'pnm-webhook-send --help'.\n",
                     qPrintable(parsed.error));
        return pnm::SendOptionsParser::kExitUsage;
    }
    switch (parsed.options.mode) {
    case pnm::SendOptions::Mode::Help:
        std::fputs(qPrintable(parsed.helpText), stdout);
        return 0;
    case pnm::SendOptions::Mode::Version:
        std::printf("pnm-webhook-send %s\n", PNM_VERSION);
        return 0;
    case pnm::SendOptions::Mode::ListEvents:
        for (const QString &event : pnm::EventBuilder::eventNames())
            std::printf("%s\n", qPrintable(event));
        return 0;
    default:
        break;
    }

    pnm::SendRunner runner(parsed.options);
    if (!runner.prepare())
        return 1;
    QObject::connect(&runner, &pnm::SendRunner::finished, &app, &QCoreApplication::exit);
    pnm::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &pnm::SignalWatcher::terminationRequested, &runner,
                     &pnm::SendRunner::interrupt);
    QTimer::singleShot(0, &runner, &pnm::SendRunner::start);
    return app.exec();
}
