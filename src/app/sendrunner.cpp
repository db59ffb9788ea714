#include "sendrunner.h"

#include "sign/eventbuilder.h"
#include "sign/replayfile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <cstdio>

namespace pnm {

SendRunner::SendRunner(const SendOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    m_stdout.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_stderr.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_sender.setUrl(options.url);
    m_sender.setRetryPolicy(options.retry);
    m_sender.setTransferTimeoutMs(options.timeoutMs);
    m_sender.setVerifyTls(options.verifyTls);
    connect(&m_sender, &WebhookSender::retryScheduled, this, &SendRunner::handleRetry);
    connect(&m_sender, &WebhookSender::deliveryFinished, this, &SendRunner::handleDelivery);
    connect(&m_sender, &WebhookSender::finished, this, &SendRunner::handleFinished);
}

bool SendRunner::prepare()
{
    QRandomGenerator random =
        m_options.seed ? QRandomGenerator(*m_options.seed) : QRandomGenerator::securelySeeded();
    switch (m_options.mode) {
    case SendOptions::Mode::Single:
        return prepareSingle(random);
    case SendOptions::Mode::Replay:
        return prepareReplay();
    case SendOptions::Mode::Scenario: {
        MeetingOptions meeting = m_options.meeting;
        meeting.startSecs = QDateTime::currentSecsSinceEpoch();
        m_jobs = SendPlan::build(MeetingScenario::plan(meeting, random), m_options.signing,
                                 m_options.faults, m_options.pacing, random);
        return true;
    }
    default:
        return false;
    }
}

bool SendRunner::prepareSingle(QRandomGenerator &random)
{
    EventSpec spec =
        MeetingScenario::sample(m_options.event, QDateTime::currentSecsSinceEpoch(), random);
    if (!m_options.roomId.isEmpty())
        spec.room.roomId = m_options.roomId;
    if (!m_options.roomSid.isEmpty())
        spec.room.sid = m_options.roomSid;
    if (!m_options.roomTitle.isEmpty())
        spec.room.title = m_options.roomTitle;
    if (!m_options.participantIdentity.isEmpty())
        spec.participant->identity = m_options.participantIdentity;
    if (!m_options.participantName.isEmpty())
        spec.participant->name = m_options.participantName;
    if (!m_options.eventId.isEmpty())
        spec.id = m_options.eventId;
    if (!EventBuilder::isKnownEvent(spec.event))
        note(QStringLiteral("note: '%1' is not a Plug-N-Meet event; sending it with a room only "
                            "(see --list-events)")
                 .arg(spec.event));
    m_jobs = SendPlan::build({PlannedEvent{spec, 0, 0}}, m_options.signing, m_options.faults,
                             m_options.pacing, random);
    return true;
}

bool SendRunner::prepareReplay()
{
    QFile file(m_options.fromFile);
    if (!file.open(QIODevice::ReadOnly)) {
        note(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return false;
    }
    const ReplayFile replay = ReplayFile::parse(file.readAll());
    for (const QString &error : replay.errors)
        note(QStringLiteral("%1: skipped %2").arg(file.fileName(), error));
    if (replay.records.isEmpty()) {
        note(QStringLiteral("%1: nothing to re-send").arg(file.fileName()));
        return false;
    }
    for (qsizetype i = 0; i < replay.records.size(); ++i) {
        const ReplayRecord &record = replay.records.at(i);
        ScheduledJob scheduled;
        WebhookJob &job = scheduled.job;
        job.event = record.event;
        job.id = record.id;
        job.body = record.body;
        if (m_options.resign) {
            job.apiKey = m_options.signing.apiKey;
            job.secret = m_options.signing.secret;
            job.layout = m_options.signing.layout;
            job.legacyContentType = m_options.signing.legacyContentType;
        } else {
            job.fixedHeaders = record.headers;
        }
        if (m_options.faults.affects(i))
            SendPlan::applyFaults(job, m_options.faults);
        if (m_options.pacing.ratePerSec > 0)
            scheduled.notBeforeMs = qint64(double(i) * 1000.0 / m_options.pacing.ratePerSec);
        m_jobs.append(scheduled);
    }
    return true;
}

void SendRunner::start()
{
    if (m_options.printOnly) {
        printRequests();
        QTimer::singleShot(0, this, [this] { emit finished(0); });
        return;
    }
    note(QStringLiteral("sending %1 event%2 to %3")
             .arg(m_jobs.size())
             .arg(m_jobs.size() == 1 ? "" : "s")
             .arg(m_options.url.toString()));
    for (const ScheduledJob &scheduled : std::as_const(m_jobs))
        m_sender.enqueue(scheduled.job, scheduled.notBeforeMs);
    m_sender.start();
}

void SendRunner::printRequests()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const ScheduledJob &scheduled : std::as_const(m_jobs)) {
        const PreparedRequest request = scheduled.job.prepare(now);
        QJsonObject headers;
        for (const HttpHeaderField &field : request.headers.fields())
            headers.insert(QString::fromLatin1(field.name), QString::fromUtf8(field.value));
        QJsonObject line{{"event", scheduled.job.event},
                         {"id", scheduled.job.id},
                         {"method", "POST"},
                         {"url", m_options.url.toString()},
                         {"headers", headers},
                         {"body", QString::fromUtf8(request.body)}};
        for (int copy = 0; copy < scheduled.job.copies; ++copy)
            m_stdout.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
}

void SendRunner::handleRetry(const DeliveryReport &report, qint64 unscaledWaitMs)
{
    if (m_options.quiet)
        return;
    note(QStringLiteral("[%1/%2] %3 %4: %5, attempt %6 of %7, retrying in %8 ms")
             .arg(report.index + 1)
             .arg(m_jobs.size())
             .arg(report.event, report.id,
                  report.status ? QString::number(report.status) : report.error)
             .arg(report.attempts)
             .arg(m_sender.retryPolicy().maxAttempts)
             .arg(m_sender.retryPolicy().scaled(unscaledWaitMs)));
}

void SendRunner::handleDelivery(const DeliveryReport &report)
{
    QJsonObject line{{"index", report.index + 1},
                     {"copy", report.copy},
                     {"event", report.event},
                     {"id", report.id},
                     {"status", report.status},
                     {"attempts", report.attempts},
                     {"delivered", report.isDelivered()}};
    if (!report.error.isEmpty())
        line.insert("error", report.error);
    m_stdout.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    if (m_options.quiet && report.isDelivered())
        return;
    note(QStringLiteral("[%1/%2] %3 %4 -> %5%6")
             .arg(report.index + 1)
             .arg(m_jobs.size())
             .arg(report.event, report.id,
                  report.status ? QString::number(report.status) : report.error)
             .arg(report.copy > 1 ? QStringLiteral(" (duplicate)") : QString()));
}

void SendRunner::handleFinished(const DeliverySummary &summary)
{
    note(QStringLiteral("done: %1 events, %2 requests: %3 answered 2xx, %4 failed, %5 retried")
             .arg(summary.jobs)
             .arg(summary.requests)
             .arg(summary.delivered)
             .arg(summary.failed)
             .arg(summary.retried));
    emit finished(summary.failed == 0 ? 0 : 1);
}

void SendRunner::interrupt()
{
    const DeliverySummary &summary = m_sender.summary();
    note(QStringLiteral("interrupted after %1 of %2 events: %3 answered 2xx, %4 failed, %5 retried")
             .arg(summary.requests)
             .arg(m_jobs.size())
             .arg(summary.delivered)
             .arg(summary.failed)
             .arg(summary.retried));
    emit finished(130);
}

void SendRunner::note(const QString &text)
{
    m_stderr.write("pnm-webhook-send: " + text.toUtf8() + '\n');
}

} // namespace pnm
