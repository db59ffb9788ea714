// ReplayFile: what pnm-webhook-send --from accepts (vectors-style arrays, NDJSON) and how it
// reports lines it cannot use.
#include "../../support/vectors.h"
#include "sign/replayfile.h"

#include <QFile>
#include <QTest>

using namespace pnm;

class TestReplayFile : public QObject
{
    Q_OBJECT

private slots:
    void readsTheSharedVectors()
    {
        QFile file(QStringLiteral(PNM_VECTORS_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReplayFile replay = ReplayFile::parse(file.readAll());
        QString error;
        const QList<test::WebhookVector> vectors = test::loadVectors(&error);
        QVERIFY(replay.errors.isEmpty());
        QCOMPARE(replay.records.size(), vectors.size());
        for (qsizetype i = 0; i < vectors.size(); ++i) {
            QCOMPARE(replay.records.at(i).body, vectors.at(i).body); // exact UTF-8 bytes
            QCOMPARE(replay.records.at(i).event, vectors.at(i).event);
            QCOMPARE(replay.records.at(i).headers.value("Authorization"),
                     vectors.at(i).headers.value("Authorization"));
        }
    }

    void ndjsonWithHeaderForms()
    {
        const QByteArray text =
            "{\"body\":\"{\\\"event\\\":\\\"room_started\\\",\\\"id\\\":\\\"EV_1\\\"}\","
            "\"headers\":[[\"Authorization\",\"t1\"],[\"Hash-Token\",\"t1\"]]}\n"
            "\n"
            "{\"seq\":2,\"event\":\"room_finished\",\"status\":200}\n"
            "not json\n"
            "{\"body_base64\":\"e30=\",\"headers\":[{\"name\":\"X-A\",\"value\":\"1\"}],"
            "\"event\":\"given\",\"id\":\"x\"}\n";
        const ReplayFile replay = ReplayFile::parse(text);
        QCOMPARE(replay.records.size(), 2);
        QCOMPARE(replay.records.at(0).event, QStringLiteral("room_started")); // from the body
        QCOMPARE(replay.records.at(0).id, QStringLiteral("EV_1"));
        QCOMPARE(replay.records.at(0).headers,
                 (HttpHeaders{{"Authorization", "t1"}, {"Hash-Token", "t1"}}));
        QCOMPARE(replay.records.at(1).body, QByteArray("{}"));
        QCOMPARE(replay.records.at(1).event, QStringLiteral("given"));
        QCOMPARE(replay.records.at(1).headers, (HttpHeaders{{"X-A", "1"}}));
        QCOMPARE(replay.errors.size(), 2);
        QVERIFY(replay.errors.at(0).startsWith(u"line 3: no \"body\""));
        QVERIFY(replay.errors.at(1).startsWith(u"line 4: not a JSON object"));
    }

    void monitorSessionExports()
    {
        // `pnm-webhook-monitor --open S --export F --format json|ndjson` (src/core/store).
        const QByteArray line = "{\"seq\":1,\"headers\":[[\"Authorization\",\"t\"]],"
                                "\"body\":\"/w==\",\"body_encoding\":\"base64\","
                                "\"event\":{\"event\":\"room_started\",\"id\":\"EV_2\"}}";
        const ReplayFile json = ReplayFile::parse(
            "{\"format\":\"pnm-session\",\"version\":1,\"requests\":[" + line + "]}");
        QVERIFY(json.errors.isEmpty());
        QCOMPARE(json.records.size(), 1);
        QCOMPARE(json.records.first().body, QByteArray("\xff"));
        QCOMPARE(json.records.first().headers, (HttpHeaders{{"Authorization", "t"}}));
        const ReplayFile ndjson = ReplayFile::parse(line + "\n" + line + "\n");
        QCOMPARE(ndjson.records.size(), 2);
        QCOMPARE(ndjson.records.last().body, QByteArray("\xff"));
    }

    void harEntries()
    {
        const QByteArray har =
            "{\"log\":{\"version\":\"1.2\",\"entries\":[{\"request\":{\"method\":\"POST\","
            "\"headers\":[{\"name\":\"Hash-Token\",\"value\":\"h\"}],\"postData\":{"
            "\"mimeType\":\"application/json\",\"text\":\"{\\\"event\\\":\\\"end_rtmp\\\"}\"}}},"
            "{\"request\":{\"headers\":[],\"postData\":{\"text\":\"/"
            "w==\",\"encoding\":\"base64\"}}},"
            "{\"request\":{\"method\":\"GET\",\"headers\":[]}}]}}";
        const ReplayFile replay = ReplayFile::parse(har);
        QCOMPARE(replay.records.size(), 2);
        QCOMPARE(replay.records.first().event, QStringLiteral("end_rtmp"));
        QCOMPARE(replay.records.first().headers, (HttpHeaders{{"Hash-Token", "h"}}));
        QCOMPARE(replay.records.last().body, QByteArray("\xff"));
        QCOMPARE(replay.errors.size(), 1); // the GET has no body
    }

    void brokenArray()
    {
        const ReplayFile replay = ReplayFile::parse("[{\"body\":\"{}\"}, {\"x\":1}]");
        QCOMPARE(replay.records.size(), 1);
        QCOMPARE(replay.errors, QStringList{"item 2: no \"body\" or \"body_base64\" to re-send"});
        const ReplayFile broken = ReplayFile::parse("[{\"body\":");
        QVERIFY(broken.records.isEmpty());
        QCOMPARE(broken.errors.size(), 1);
        QVERIFY(broken.errors.first().startsWith(u"not a JSON array"));
        QVERIFY(ReplayFile::parse("").records.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReplayFile)
#include "tst_replayfile.moc"
