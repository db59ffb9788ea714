// SendPlan: fault injection and pacing applied to planned events, and WebhookJob::prepare with
// each signing fault, checked with the real verifier.
#include "sign/sendplan.h"
#include "verify/webhookverifier.h"

#include <QTest>

using namespace pnm;

namespace {

constexpr qint64 kNow = 1767225600;

QList<PlannedEvent> meeting(int rooms = 1)
{
    MeetingOptions options;
    options.rooms = rooms;
    options.participants = 2;
    options.startSecs = kNow;
    QRandomGenerator random(5);
    return MeetingScenario::plan(options, random);
}

SigningOptions signing()
{
    SigningOptions options;
    options.apiKey = QStringLiteral("k");
    options.secret = "s";
    return options;
}

QString verdictOf(const WebhookJob &job)
{
    KeyRing keys;
    keys.insert(QStringLiteral("k"), "s");
    const PreparedRequest request = job.prepare(kNow);
    return verdictName(WebhookVerifier(keys).verify(request.headers, request.body, kNow).verdict);
}

QList<ScheduledJob> build(const QList<PlannedEvent> &events, const FaultOptions &faults,
                          const PacingOptions &pacing = {})
{
    QRandomGenerator random(6);
    return SendPlan::build(events, signing(), faults, pacing, random);
}

} // namespace

class TestSendPlan : public QObject
{
    Q_OBJECT

private slots:
    void tokenFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("none") << QString() << "valid";
        QTest::newRow("expired") << "expired"
                                 << "expired";
        QTest::newRow("not yet valid") << "notYetValid"
                                       << "not_yet_valid";
        QTest::newRow("wrong secret") << "wrongSecret"
                                      << "bad_signature";
        QTest::newRow("tamper body") << "tamperBody"
                                     << "hash_mismatch";
    }
    void tokenFaults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, verdict);
        FaultOptions faults;
        faults.expired = fault == u"expired";
        faults.notYetValid = fault == u"notYetValid";
        faults.wrongSecret = fault == u"wrongSecret";
        faults.tamperBody = fault == u"tamperBody";
        const QList<ScheduledJob> jobs = build(meeting(), faults);
        for (const ScheduledJob &scheduled : jobs)
            QCOMPARE(verdictOf(scheduled.job), verdict);
        if (faults.tamperBody) {
            const PreparedRequest request = jobs.first().job.prepare(kNow);
            QVERIFY(request.body != jobs.first().job.body);
            QCOMPARE(request.body.size(), jobs.first().job.body.size()); // still valid JSON
        }
    }

    void faultEveryNth()
    {
        FaultOptions faults;
        faults.wrongSecret = true;
        faults.duplicate = true;
        faults.every = 3;
        const QList<ScheduledJob> jobs = build(meeting(), faults);
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            const bool affected = (i + 1) % 3 == 0;
            QCOMPARE(verdictOf(jobs.at(i).job), affected ? "bad_signature" : "valid");
            QCOMPARE(jobs.at(i).job.copies, affected ? 2 : 1);
        }
    }

    void reorderSwapsPairs()
    {
        const QList<PlannedEvent> events = meeting();
        FaultOptions faults;
        faults.reorder = true;
        faults.every = 2;
        const QList<ScheduledJob> jobs = build(events, faults);
        QCOMPARE(jobs.size(), events.size());
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            qsizetype from = i;
            if (i % 2 == 1 && i + 1 < jobs.size())
                from = i + 1;
            else if (i % 2 == 0 && i >= 2)
                from = i - 1;
            QCOMPARE(jobs.at(i).job.id, events.at(from).spec.id);
        }
    }

    void unknownEventsOncePerRoom()
    {
        FaultOptions faults;
        faults.unknownEvents = true;
        const QList<PlannedEvent> events = meeting(3);
        const QList<ScheduledJob> jobs = build(events, faults);
        QCOMPARE(jobs.size(), events.size() + 3);
        int unknown = 0;
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            if (jobs.at(i).job.event != SendPlan::unknownEventName())
                continue;
            ++unknown;
            QCOMPARE(jobs.at(i - 1).job.event, QStringLiteral("room_started"));
            QCOMPARE(verdictOf(jobs.at(i).job), QStringLiteral("valid"));
        }
        QCOMPARE(unknown, 3);

        // A single event without room_started still gets its unknown companion.
        QRandomGenerator random(1);
        const QList<ScheduledJob> single = build(
            {PlannedEvent{MeetingScenario::sample(QStringLiteral("end_rtmp"), kNow, random), 0, 0}},
            faults);
        QCOMPARE(single.size(), 2);
        QCOMPARE(single.last().job.event, SendPlan::unknownEventName());
    }

    void pacing()
    {
        const QList<PlannedEvent> events = meeting();
        PacingOptions speedup;
        speedup.speedup = 100;
        QList<ScheduledJob> jobs = build(events, {}, speedup);
        for (qsizetype i = 0; i < jobs.size(); ++i)
            QCOMPARE(jobs.at(i).notBeforeMs, events.at(i).offsetMs / 100);
        PacingOptions rate;
        rate.ratePerSec = 4;
        jobs = build(events, {}, rate);
        for (qsizetype i = 0; i < jobs.size(); ++i)
            QCOMPARE(jobs.at(i).notBeforeMs, i * 250);
        jobs = build(events, {});
        for (const ScheduledJob &scheduled : jobs)
            QCOMPARE(scheduled.notBeforeMs, 0);
    }

    void signingSettingsReachTheRequest()
    {
        SigningOptions options = signing();
        options.legacyContentType = true;
        options.spaceAfterComma = true;
        options.layout = TokenLayout::LiveKitJs;
        QRandomGenerator random(1);
        const WebhookJob job = SendPlan::job(
            MeetingScenario::sample(QStringLiteral("room_started"), kNow, random), options);
        QVERIFY(job.body.contains(", \"room_id\""));
        const PreparedRequest request = job.prepare(kNow);
        QCOMPARE(request.headers.value("Content-Type"),
                 std::optional<QByteArray>("application/webhook+json"));
        const QByteArray header =
            QByteArray::fromBase64(request.headers.value("Authorization")->split('.').first(),
                                   QByteArray::Base64UrlEncoding);
        QCOMPARE(header, QByteArray("{\"alg\":\"HS256\"}"));
        QCOMPARE(verdictOf(job), QStringLiteral("valid"));
        QStringList names;
        for (const HttpHeaderField &field : request.headers.fields())
            names.append(QString::fromLatin1(field.name));
        QCOMPARE(names, (QStringList{"User-Agent", "Authorization", "Content-Type", "Hash-Token",
                                     "Accept-Encoding"}));
    }
};

QTEST_GUILESS_MAIN(TestSendPlan)
#include "tst_sendplan.moc"
