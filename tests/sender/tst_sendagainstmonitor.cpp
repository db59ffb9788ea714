// The two executables together, as a new user would run them: pnm-webhook-monitor --headless in
// one process, pnm-webhook-send in another. A whole meeting arrives complete, in protocol.md 6.3
// order and all valid; each fault flag shows up as the verdict it is meant to cause.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <memory>

namespace {

constexpr int kTimeoutMs = 30000;

QList<QJsonObject> jsonLines(const QByteArray &text)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

QStringList field(const QList<QJsonObject> &lines, const QString &name)
{
    QStringList values;
    for (const QJsonObject &line : lines)
        values.append(line.value(name).toString());
    return values;
}

QString status(const QJsonObject &monitorLine)
{
    return monitorLine.value("verification").toObject().value("status").toString();
}

} // namespace

class TestSendAgainstMonitor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QProcess> m_monitor;
    QByteArray m_monitorOut, m_monitorErr;
    quint16 m_port = 0;

    struct SendResult
    {
        int exitCode = -1;
        QList<QJsonObject> deliveries; // the sender's stdout
        QByteArray errors;
    };

    SendResult send(const QStringList &arguments)
    {
        QProcess sender;
        sender.setProgram(QStringLiteral(PNM_SEND_EXE));
        sender.setArguments(QStringList{"--url", QStringLiteral("http://127.0.0.1:%1/").arg(m_port),
                                        "--key", "k", "--secret", "s", "--wait-scale", "0.001"} +
                            arguments);
        QSignalSpy finished(&sender, &QProcess::finished);
        sender.start();
        SendResult result;
        if (!finished.wait(kTimeoutMs))
            return result;
        result.exitCode = sender.exitCode();
        result.deliveries = jsonLines(sender.readAllStandardOutput());
        result.errors = sender.readAllStandardError();
        return result;
    }

    // The first `count` lines the monitor printed since the last call, once they are there.
    void takeMonitorLines(qsizetype count, QList<QJsonObject> *out)
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_monitorOut.count('\n') >= count, kTimeoutMs);
        qsizetype cut = 0;
        for (qsizetype i = 0; i < count; ++i)
            cut = m_monitorOut.indexOf('\n', cut) + 1;
        *out = jsonLines(m_monitorOut.left(cut));
        m_monitorOut.remove(0, cut);
    }

private slots:
    void init()
    {
        m_monitorOut.clear();
        m_monitor = std::make_unique<QProcess>();
        m_monitor->setProgram(QStringLiteral(PNM_MONITOR_EXE));
        m_monitor->setArguments(
            {"--headless", "--listen", "127.0.0.1:0", "--key", "k:s", "--no-session"});
        m_monitorErr.clear();
        connect(m_monitor.get(), &QProcess::readyReadStandardOutput, this,
                [this] { m_monitorOut += m_monitor->readAllStandardOutput(); });
        connect(m_monitor.get(), &QProcess::readyReadStandardError, this,
                [this] { m_monitorErr += m_monitor->readAllStandardError(); });
        m_monitor->start();
        const QRegularExpression listening(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
        QTRY_VERIFY_WITH_TIMEOUT(listening.match(QString::fromUtf8(m_monitorErr)).hasMatch(),
                                 kTimeoutMs);
        m_port = quint16(listening.match(QString::fromUtf8(m_monitorErr)).captured(1).toUInt());
        QVERIFY(m_port != 0);
    }

    void cleanup()
    {
        QSignalSpy finished(m_monitor.get(), &QProcess::finished);
        m_monitor->terminate(); // SIGTERM: the monitor stops cleanly
        QVERIFY(finished.wait(kTimeoutMs));
        // Its exit code is the monitor's own business (tests/integration); here it only has to
        // stop.
        QCOMPARE(m_monitor->exitStatus(), QProcess::NormalExit);
        m_monitor.reset();
    }

    void wholeMeetingArrivesInOrderAllValid()
    {
        const SendResult sent =
            send({"--scenario", "meeting", "--participants", "3", "--seed", "7"});
        QCOMPARE(sent.exitCode, 0);
        QVERIFY2(sent.errors.contains("done:"), sent.errors.constData());
        QList<QJsonObject> seen;
        takeMonitorLines(sent.deliveries.size(), &seen);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(seen.size(), sent.deliveries.size());

        const QStringList events = field(seen, "event");
        QCOMPARE(events, field(sent.deliveries, "event"));
        QCOMPARE(field(seen, "id"), field(sent.deliveries, "id"));
        for (const QJsonObject &line : seen)
            QCOMPARE(status(line), QStringLiteral("valid"));

        // protocol.md 6.3, API-ended meeting with recording, RTMP and analytics.
        QCOMPARE(events.first(), QStringLiteral("room_created"));
        QCOMPARE(events.at(1), QStringLiteral("room_started"));
        QCOMPARE(events.count("participant_joined"), 3);
        QCOMPARE(events.count("participant_left"), 3);
        // Two participants with mic + camera, one audio-only, plus one screen share.
        QCOMPARE(events.count("track_published"), 6);
        QCOMPARE(events.count("track_unpublished"), 6);
        const QStringList tail = events.mid(events.size() - 8);
        QCOMPARE(tail, (QStringList{"session_ended", "end_recording", "end_rtmp", "room_finished",
                                    "recording_proceeded", "recording_transcoding_finished",
                                    "artifact_created", "analytics_proceeded"}));
        QVERIFY(events.indexOf("start_recording") > events.indexOf("participant_joined"));
        QVERIFY(events.lastIndexOf("participant_left") < events.indexOf("session_ended"));
        // Each participant: joined, then their tracks, then left.
        for (const QJsonObject &line : seen) {
            const QString who = line.value("participant").toObject().value("identity").toString();
            if (who.isEmpty())
                continue;
            qsizetype joined = -1, left = -1;
            for (qsizetype i = 0; i < seen.size(); ++i) {
                if (seen.at(i).value("participant").toObject().value("identity").toString() != who)
                    continue;
                if (seen.at(i).value("event").toString() == u"participant_joined")
                    joined = i;
                if (seen.at(i).value("event").toString() == u"participant_left")
                    left = i;
                if (seen.at(i).value("event").toString().startsWith(u"track_"))
                    QVERIFY(joined >= 0 && left < 0);
            }
            QVERIFY(joined >= 0 && left > joined);
        }
        QCOMPARE(seen.first().value("room").toObject().value("room_id").toString(),
                 QStringLiteral("room01"));
    }

    void faultFlagsShowAsVerdicts_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QStringList>("expectedEvents");
        QTest::addColumn<QStringList>("expectedStatuses");
        QTest::newRow("no fault") << QStringList{"room_started"} << QStringList{"room_started"}
                                  << QStringList{"valid"};
        QTest::newRow("expired") << QStringList{"participant_joined", "--expired"}
                                 << QStringList{"participant_joined"} << QStringList{"expired"};
        QTest::newRow("not yet valid")
            << QStringList{"track_published", "--not-yet-valid"} << QStringList{"track_published"}
            << QStringList{"not_yet_valid"};
        QTest::newRow("wrong secret")
            << QStringList{"room_created", "--wrong-secret"} << QStringList{"room_created"}
            << QStringList{"bad_signature"};
        QTest::newRow("body changed")
            << QStringList{"end_recording", "--tamper-body"} << QStringList{"end_recording"}
            << QStringList{"hash_mismatch"};
        QTest::newRow("unknown event") << QStringList{"room_started", "--unknown-events"}
                                       << QStringList{"room_started", "meeting_paused_simulated"}
                                       << QStringList{"valid", "valid"};
        QTest::newRow("duplicate") << QStringList{"analytics_proceeded", "--duplicate"}
                                   << QStringList{"analytics_proceeded", "analytics_proceeded"}
                                   << QStringList{"valid", "valid"};
        QTest::newRow("legacy layout and content type")
            << QStringList{"session_ended", "--token-layout", "go-jose", "--legacy-content-type"}
            << QStringList{"session_ended"} << QStringList{"valid"};
        QTest::newRow("space after comma")
            << QStringList{"participant_left", "--space-after-comma"}
            << QStringList{"participant_left"} << QStringList{"valid"};
    }
    void faultFlagsShowAsVerdicts()
    {
        QFETCH(QStringList, flags);
        QFETCH(QStringList, expectedEvents);
        QFETCH(QStringList, expectedStatuses);
        const SendResult sent = send(flags);
        QCOMPARE(sent.exitCode, 0); // the monitor answers 200 even to bad requests
        QList<QJsonObject> seen;
        takeMonitorLines(expectedEvents.size(), &seen);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(field(seen, "event"), expectedEvents);
        QStringList statuses;
        for (const QJsonObject &line : seen)
            statuses.append(status(line));
        QCOMPARE(statuses, expectedStatuses);
        if (flags.contains("--duplicate"))
            QCOMPARE(seen.at(0).value("id"), seen.at(1).value("id"));
        if (flags.contains("--unknown-events"))
            QCOMPARE(seen.at(1).value("family").toString(), QStringLiteral("unknown"));
    }

    void reorderSwapsNeighbours()
    {
        const SendResult plain =
            send({"--scenario", "meeting", "--participants", "1", "--seed", "3", "--print"});
        const SendResult swapped = send({"--scenario", "meeting", "--participants", "1", "--seed",
                                         "3", "--reorder", "--fault-every", "4"});
        QCOMPARE(swapped.exitCode, 0);
        QList<QJsonObject> seen;
        takeMonitorLines(swapped.deliveries.size(), &seen);
        if (QTest::currentTestFailed())
            return;
        QStringList expected = field(plain.deliveries, "event");
        for (qsizetype i = 3; i + 1 < expected.size(); i += 4)
            expected.swapItemsAt(i, i + 1);
        QCOMPARE(field(seen, "event"), expected);
        for (const QJsonObject &line : seen)
            QCOMPARE(status(line), QStringLiteral("valid"));
    }

    void interruptedRunSummarises()
    {
        QProcess sender;
        sender.setProgram(QStringLiteral(PNM_SEND_EXE));
        sender.setArguments({"--url", QStringLiteral("http://127.0.0.1:%1/").arg(m_port), "--key",
                             "k:s", "--scenario", "meeting", "--rate", "10", "-q"});
        QSignalSpy finished(&sender, &QProcess::finished);
        sender.start();
        QList<QJsonObject> first;
        takeMonitorLines(1, &first); // it is running and has delivered something
        if (QTest::currentTestFailed())
            return;
        sender.terminate();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(sender.exitCode(), 130);
        const QByteArray errors = sender.readAllStandardError();
        QVERIFY2(errors.contains("interrupted after"), errors.constData());
        QVERIFY(!errors.contains("done:"));
    }

    void resendFromPrintedFile()
    {
        // --print writes the signed requests; --from sends them again byte for byte.
        const SendResult printed = send({"--scenario", "meeting", "--participants", "2",
                                         "--no-rtmp", "--seed", "11", "--print"});
        QCOMPARE(printed.exitCode, 0);
        QTemporaryFile file;
        QVERIFY(file.open());
        for (const QJsonObject &line : printed.deliveries)
            file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        file.flush();

        const SendResult asIs = send({"--from", file.fileName()});
        QCOMPARE(asIs.exitCode, 0);
        QList<QJsonObject> seen;
        takeMonitorLines(printed.deliveries.size(), &seen);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(field(seen, "id"), field(printed.deliveries, "id"));
        for (const QJsonObject &line : seen)
            QCOMPARE(status(line), QStringLiteral("valid"));

        // Re-signed with another key: the monitor does not know it.
        const SendResult resigned = send({"--from", file.fileName(), "--resign", "--key", "other",
                                          "--secret", "x", "--fault-every", "1"});
        QCOMPARE(resigned.exitCode, 0);
        takeMonitorLines(printed.deliveries.size(), &seen);
        if (QTest::currentTestFailed())
            return;
        for (const QJsonObject &line : seen)
            QCOMPARE(status(line), QStringLiteral("unknown_issuer"));
    }
};

QTEST_GUILESS_MAIN(TestSendAgainstMonitor)
#include "tst_sendagainstmonitor.moc"
