// A table row is the same whether it was built from the request as it arrived (the live table)
// or from the row read back from the session file without its headers and body (an opened
// session, a continued session's earlier requests): every column, for every vector and for the
// requests a listener rejects or cannot decode.
#include "../support/vectors.h"
#include "eventrow.h"
#include "events/eventdecoder.h"
#include "store/sessionreader.h"
#include "store/sessionwriter.h"
#include "verify/webhookverifier.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pnm;

class TestEventRow : public QObject
{
    Q_OBJECT
private slots:
    void liveAndReopenedRowsAgree();
};

namespace {

RecordedRequest arrived(quint64 seq, const HttpHeaders &headers, const QByteArray &body)
{
    RecordedRequest r;
    r.seq = seq;
    r.receivedAtMs = 1'767'222'000'000 + qint64(seq) * 1000;
    r.remoteAddress = QStringLiteral("192.0.2.7");
    r.remotePort = 41000;
    r.method = "POST";
    r.target = "/webhook";
    r.httpVersion = "1.1";
    r.headers = headers;
    r.body = body;
    r.status = 200;
    r.event = EventDecoder::decode(body);
    return r;
}

// The requests a listener records besides well-formed webhooks.
QList<RecordedRequest> oddRequests(quint64 firstSeq)
{
    QList<RecordedRequest> odd;
    quint64 seq = firstSeq;
    odd << arrived(seq++, {}, QByteArray());                             // empty body
    odd << arrived(seq++, {}, QByteArray("not json at all"));            // parse error
    odd << arrived(seq++, {}, QByteArray("[1,2,3]"));                    // not an object
    odd << arrived(seq++, {}, QByteArray("{\"id\":\"no-event-name\"}")); // no event name
    RecordedRequest tooLarge = arrived(seq++, {{"Content-Length", "99999999"}}, "{\"event\":");
    tooLarge.bodyComplete = false; // a rejected request keeps what arrived, not decoded
    tooLarge.event = {};
    tooLarge.status = 413;
    tooLarge.protocolError = QStringLiteral("body larger than 1048576 bytes");
    odd << tooLarge;
    RecordedRequest unsaved = arrived(seq++, {}, "{\"event\":\"room_started\"}");
    unsaved.status = 401;
    unsaved.verification.verdict = Verdict::BadSignature;
    odd << unsaved;
    return odd;
}

void compareRows(const EventRow &live, const EventRow &reopened, quint64 seq)
{
    const QByteArray where = "seq " + QByteArray::number(seq);
    QVERIFY2(live.seq == reopened.seq, where);
    QVERIFY2(live.receivedAtMs == reopened.receivedAtMs, where);
    QVERIFY2(live.eventName == reopened.eventName, where);
    QVERIFY2(live.roomId == reopened.roomId, where);
    QVERIFY2(live.room == reopened.room, where);
    QVERIFY2(live.participant == reopened.participant, where);
    QVERIFY2(live.track == reopened.track, where);
    QVERIFY2(live.sender == reopened.sender, where);
    QVERIFY2(live.roomDetail == reopened.roomDetail, where);
    QVERIFY2(live.participantDetail == reopened.participantDetail, where);
    QVERIFY2(live.trackDetail == reopened.trackDetail, where);
    QVERIFY2(live.otherDetail == reopened.otherDetail, where);
    QVERIFY2(live.bodyBytes == reopened.bodyBytes, where);
    QVERIFY2(live.status == reopened.status, where);
    QVERIFY2(live.verdict == reopened.verdict, where);
    QVERIFY2(live.family == reopened.family, where);
    QVERIFY2(live.rejectedByHttp == reopened.rejectedByHttp, where);
}

} // namespace

void TestEventRow::liveAndReopenedRowsAgree()
{
    QString error;
    const QList<test::WebhookVector> vectors = test::loadVectors(&error);
    QVERIFY2(!vectors.isEmpty(), qPrintable(error));
    QList<RecordedRequest> requests;
    for (const test::WebhookVector &vector : vectors) {
        RecordedRequest r = arrived(quint64(requests.size() + 1), vector.headers, vector.body);
        KeyRing keys;
        keys.insert(vector.apiKey, vector.apiSecret);
        r.verification = WebhookVerifier(keys, vector.leewaySecs)
                             .verify(vector.headers, vector.body, vector.verifyAt);
        requests << r;
    }
    requests << oddRequests(quint64(requests.size() + 1));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rows.pnmsession"));
    SessionWriter writer;
    QVERIFY2(writer.open({path}, {}, &error), qPrintable(error));
    for (const RecordedRequest &request : std::as_const(requests))
        writer.append(request, {});
    writer.close();
    SessionReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    const QList<RecordedRequest> light =
        reader.readBatch(0, int(requests.size()), &error, RequestRow::Detail::Light);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(light.size(), requests.size());

    StringPool pool;
    int withRoom = 0;
    int withParticipant = 0;
    int withTrack = 0;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QVERIFY(light.at(i).body.isEmpty()); // what makes the row light
        const EventRow live = buildEventRow(requests.at(i), &pool);
        compareRows(live, buildEventRow(light.at(i), &pool), requests.at(i).seq);
        withRoom += live.room != 0 ? 1 : 0;
        withParticipant += live.participant != 0 ? 1 : 0;
        withTrack += live.track != 0 ? 1 : 0;
    }
    // The comparison covered rows with each part (the vectors hold every kind of event).
    QVERIFY(withRoom > 0);
    QVERIFY(withParticipant > 0);
    QVERIFY(withTrack > 0);
}

QTEST_GUILESS_MAIN(TestEventRow)
#include "tst_eventrow.moc"
