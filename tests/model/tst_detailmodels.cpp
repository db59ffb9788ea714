// The detail pane's content: the JSON tree (paths, copy values, tester), the raw request and its
// cURL form, the signature report's wording, the summary's times and the in-memory detail source.
#include "events/eventdecoder.h"
#include "inmemoryrequeststore.h"
#include "jsontreemodel.h"
#include "rawrequesttext.h"
#include "requestsummary.h"
#include "signaturereport.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace pnm;

class TestDetailModels : public QObject
{
    Q_OBJECT
private slots:
    void jsonTree();
    void rawAndCurl();
    void signatureReport();
    void summaryDelay();
    void summaryZeroTimesAreNotGiven();
    void memoryStoreRedecodes();
    void memoryStoreKeepsTheNewest();
};

void TestDetailModels::jsonTree()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonDocument document = QJsonDocument::fromJson(
        "{\"event\":\"room_started\",\"room\":{\"room_id\":\"r1\",\"odd key\":[1,\"two\",true]}}");
    model.setDocument(document.object());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex room = model.index(1, 0);
    QCOMPARE(room.data().toString(), QStringLiteral("room"));
    QCOMPARE(model.index(1, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("{2}"));
    const QModelIndex odd = model.index(0, 0, room);
    QCOMPARE(odd.data(JsonTreeModel::PathRole).toString(), QStringLiteral("$.room[\"odd key\"]"));
    QCOMPARE(odd.data(JsonTreeModel::JsonRole).toString(), QStringLiteral("[1,\"two\",true]"));
    const QModelIndex two = model.index(1, 0, odd);
    QCOMPARE(two.data(JsonTreeModel::PathRole).toString(),
             QStringLiteral("$.room[\"odd key\"][1]"));
    QCOMPARE(two.data(JsonTreeModel::JsonRole).toString(), QStringLiteral("\"two\""));
    QCOMPARE(model.index(1, JsonTreeModel::ValueColumn, odd).data().toString(),
             QStringLiteral("two"));
    QCOMPARE(model.parent(two), odd.siblingAtColumn(0));
    model.setDocument(QJsonValue(3));
    QCOMPARE(model.rowCount(), 0);

    // A string of megabytes shows its start (views measure every shown text); copying gives all.
    const QString huge(3'000'000, u'x');
    model.setDocument(QJsonObject{{QStringLiteral("metadata"), huge}});
    const QString shown = model.index(0, JsonTreeModel::ValueColumn).data().toString();
    QVERIFY2(shown.size() < 2100, qPrintable(QString::number(shown.size())));
    QVERIFY(shown.startsWith(QStringLiteral("xxxx")));
    QVERIFY(shown.endsWith(QStringLiteral("more characters; Copy value copies it whole)")));
    QCOMPARE(model.index(0, 0).data(JsonTreeModel::JsonRole).toString().size(), huge.size() + 2);
}

void TestDetailModels::rawAndCurl()
{
    RecordedRequest request;
    request.method = "POST";
    request.target = "/hook";
    request.httpVersion = "HTTP/1.1";
    request.headers = {{"Host", "x"}, {"authorization", "a'b"}, {"Content-Length", "4"}};
    request.body = QByteArray("ok\xff", 3); // not UTF-8: shown escaped
    QCOMPARE(RawRequestText::text(request),
             QStringLiteral(
                 "POST /hook HTTP/1.1\nHost: x\nauthorization: a'b\nContent-Length: 4\n\nok\\xff"));
    QCOMPARE(RawRequestText::curlCommand(request, QStringLiteral("http://127.0.0.1:8787")),
             QStringLiteral("curl -sS -X POST 'http://127.0.0.1:8787/hook' \\\n"
                            "  -H 'authorization: a'\\''b' \\\n  --data-binary 'ok\\xff'"));
    // A byte order mark is part of the body: the command sends it again.
    request.body = "\xef\xbb\xbf{}";
    QVERIFY(RawRequestText::curlCommand(request, {}).toUtf8().endsWith("'\xef\xbb\xbf{}'"));
    QVERIFY(RawRequestText::text(request).toUtf8().endsWith("\n\n\xef\xbb\xbf{}"));
}

void TestDetailModels::signatureReport()
{
    Verification v;
    v.verdict = Verdict::HashMismatch;
    v.tokenSource = QStringLiteral("Authorization");
    v.issuer = QStringLiteral("plugnmeet");
    v.issuerKnown = true;
    v.verifiedAtSecs = 1000;
    v.expiresAt = 1300;
    v.claimedSha256 = QStringLiteral("AAA=");
    v.computedSha256 = QStringLiteral("BBB=");
    v.steps = {
        {QStringLiteral("sha256"), VerificationStep::Outcome::Failed, QStringLiteral("differs")}};
    QVERIFY(
        SignatureReport::headline(v).startsWith(QStringLiteral("\u2717 hash mismatch \u2014 ")));
    const QList<TextRow> fields = SignatureReport::fields(v);
    const auto value = [&fields](const QString &label) {
        for (const TextRow &row : fields) {
            if (row.cells.value(0) == label)
                return row;
        }
        return TextRow{};
    };
    QCOMPARE(value(QStringLiteral("Token from")).cells.value(1), QStringLiteral("Authorization"));
    QCOMPARE(value(QStringLiteral("Issuer (iss)")).cells.value(1),
             QStringLiteral("plugnmeet \u2014 matches the configured key \"plugnmeet\""));
    QVERIFY(value(QStringLiteral("Expires (exp)"))
                .cells.value(1)
                .endsWith(QStringLiteral("(+5 min 0 s from the check)")));
    QCOMPARE(value(QStringLiteral("Computed SHA-256")).cells.value(1),
             QStringLiteral("BBB=  (differs)"));
    QVERIFY(value(QStringLiteral("Computed SHA-256")).emphasized);
    const QList<TextRow> steps = SignatureReport::steps(v);
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0).cells,
             (QStringList{QStringLiteral("sha256"), QStringLiteral("\u2717 failed"),
                          QStringLiteral("differs")}));
}

void TestDetailModels::summaryDelay()
{
    RecordedRequest request;
    request.receivedAtMs = 1'764'180'002'500;
    request.event.event = QStringLiteral("room_started");
    request.event.createdAt = 1'764'180'000;
    request.verification.verdict = Verdict::Valid;
    const QList<TextRow> rows = RequestSummary::fields(request);
    bool found = false;
    for (const TextRow &row : rows) {
        if (row.cells.value(0) == QLatin1String("Delivery delay")) {
            QCOMPARE(row.cells.value(1), QStringLiteral("+2.5 s (received \u2212 created_at)"));
            found = true;
        }
        if (row.cells.value(0) == QLatin1String("Received"))
            QVERIFY(row.cells.value(1).endsWith(QLatin1String(" 18:00:02.500 UTC")));
    }
    QVERIFY(found);
}

void TestDetailModels::summaryZeroTimesAreNotGiven()
{
    // A track event as LiveKit sends it: the room's creation_time "0", no participant joined_at.
    RecordedRequest request;
    request.receivedAtMs = 1'764'180'002'500;
    request.body = R"({"event":"track_published","room":{"sid":"RM_a","name":"r1",)"
                   R"("creation_time":"0"},"participant":{"sid":"PA_a","identity":"u1",)"
                   R"("joined_at":"0"},"created_at":"0","id":"e1"})";
    request.event = EventDecoder::decode(request.body);
    QHash<QString, QString> values;
    for (const TextRow &row : RequestSummary::fields(request))
        values.insert(row.cells.value(0), row.cells.value(1));
    QCOMPARE(values.value(QStringLiteral("Room created")), QStringLiteral("0 (not given)"));
    QCOMPARE(values.value(QStringLiteral("Joined")), QStringLiteral("0 (not given)"));
    QCOMPARE(values.value(QStringLiteral("Created at")), QStringLiteral("0 (not given)"));
    QVERIFY(!values.contains(QStringLiteral("Delivery delay"))); // not 56 years
}

void TestDetailModels::memoryStoreRedecodes()
{
    InMemoryRequestStore store;
    RecordedRequest request;
    request.seq = 4;
    request.body = "{\"event\":\"room_started\",\"room\":{\"room_id\":\"r1\"}}";
    request.event.bodyKind = WebhookEvent::BodyKind::Object;
    request.event.body = QJsonDocument::fromJson(request.body).object();
    store.add({request});
    QVERIFY(!store.request(5));
    const auto back = store.request(4);
    QVERIFY(back);
    QCOMPARE(back->body, request.body);
    QCOMPARE(back->event.body.value(QLatin1String("event")).toString(),
             QStringLiteral("room_started"));
}

void TestDetailModels::memoryStoreKeepsTheNewest()
{
    InMemoryRequestStore store;
    store.setCapacity(2);
    QList<RecordedRequest> requests;
    for (quint64 seq = 1; seq <= 3; ++seq) {
        RecordedRequest request;
        request.seq = seq;
        request.body = "{}";
        requests.append(request);
    }
    store.add(requests);
    QCOMPARE(store.size(), 2);
    QSignalSpy ready(&store, &RequestDetailSource::detailsReady);
    QSignalSpy unavailable(&store, &RequestDetailSource::detailsUnavailable);
    store.requestDetails(3); // answered at once
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).value<RecordedRequest>().seq, 3u);
    store.requestDetails(1);
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(unavailable.at(0).at(0).toULongLong(), 1u);
    QVERIFY(unavailable.at(0).at(1).toString().startsWith(
        QStringLiteral("#1 is no longer in memory: without a session file only the newest 2 "
                       "requests are kept.")));
    store.requestDetails(9);
    QCOMPARE(unavailable.at(1).at(1).toString(), QStringLiteral("#9 is not in memory."));
}

QTEST_GUILESS_MAIN(TestDetailModels)
#include "tst_detailmodels.moc"
