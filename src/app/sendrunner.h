// Runs one pnm-webhook-send invocation: builds the jobs the options describe (one event, a
// simulated meeting, or a file to re-send), hands them to WebhookSender, and reports progress on
// stderr, one JSON line per delivered request on stdout, and a summary at the end. Main thread.
#pragma once

#include "sendoptions.h"
#include "sign/webhooksender.h"

#include <QFile>
#include <QObject>

namespace pnm {

class SendRunner : public QObject
{
    Q_OBJECT
public:
    explicit SendRunner(const SendOptions &options, QObject *parent = nullptr);

    // Builds the jobs; false (with the message on stderr) when that is impossible.
    bool prepare();
    // The jobs prepare() built, in send order.
    const QList<ScheduledJob> &jobs() const { return m_jobs; }

public slots:
    void start();
    // Ctrl-C or SIGTERM during a long run: the summary so far, then exit status 130.
    void interrupt();

signals:
    void finished(int exitCode);

private:
    bool prepareSingle(QRandomGenerator &random);
    bool prepareReplay();
    void printRequests();
    void handleRetry(const DeliveryReport &report, qint64 unscaledWaitMs);
    void handleDelivery(const DeliveryReport &report);
    void handleFinished(const DeliverySummary &summary);
    void note(const QString &text);

    SendOptions m_options;
    QList<ScheduledJob> m_jobs;
    WebhookSender m_sender;
    QFile m_stdout, m_stderr;
};

} // namespace pnm
