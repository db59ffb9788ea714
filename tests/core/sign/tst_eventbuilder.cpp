// EventBuilder and buildTestRequest: for every event of protocol.md 6.1 the body has the keys,
// key order and value types Plug-N-Meet sends (checked against the shared vectors), decodes with
// EventDecoder, and its signed request passes WebhookVerifier.
#include "../../support/vectors.h"
#include "events/eventdecoder.h"
#include "sign/eventbuilder.h"
#include "sign/meetingscenario.h"
#include "sign/webhookjob.h"
#include "verify/webhookverifier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace pnm;

namespace {

constexpr qint64 kNow = 1767225600;

// Keys of a JSON object text in the order written (QJsonObject would sort them).
QStringList keyOrder(const QByteArray &objectText)
{
    QStringList keys;
    int depth = 0;
    bool inString = false, escaped = false;
    qsizetype stringStart = -1;
    for (qsizetype i = 0; i < objectText.size(); ++i) {
        const char c = objectText.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"') {
                inString = false;
                qsizetype next = i + 1;
                while (next < objectText.size() && objectText.at(next) == ' ')
                    ++next;
                if (depth == 1 && next < objectText.size() && objectText.at(next) == ':')
                    keys.append(QString::fromUtf8(objectText.mid(stringStart, i - stringStart)));
            }
            continue;
        }
        if (c == '"') {
            inString = true;
            stringStart = i + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return keys;
}

// The exact text of the object under `key` at the top level of objectText (not re-serialised:
// QJsonDocument would sort the keys).
QByteArray memberText(const QByteArray &objectText, const QByteArray &key)
{
    const QByteArray marker = '"' + key + "\":{";
    int depth = 0;
    bool inString = false, escaped = false;
    for (qsizetype i = 0; i < objectText.size(); ++i) {
        const char c = objectText.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (depth == 1 && c == '"' && objectText.mid(i, marker.size()) == marker) {
            const qsizetype start = i + marker.size() - 1;
            int inner = 0;
            bool str = false, esc = false;
            for (qsizetype j = start; j < objectText.size(); ++j) {
                const char d = objectText.at(j);
                if (str) {
                    if (esc)
                        esc = false;
                    else if (d == '\\')
                        esc = true;
                    else if (d == '"')
                        str = false;
                } else if (d == '"') {
                    str = true;
                } else if (d == '{') {
                    ++inner;
                } else if (d == '}' && --inner == 0) {
                    return objectText.mid(start, j - start + 1);
                }
            }
            return QByteArray();
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
    }
    return QByteArray();
}

bool isSubsequence(const QStringList &part, const QStringList &whole)
{
    qsizetype at = 0;
    for (const QString &key : part) {
        at = whole.indexOf(key, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

EventSpec sample(const QString &event)
{
    QRandomGenerator random(42);
    return MeetingScenario::sample(event, kNow, random);
}

} // namespace

class TestEventBuilder : public QObject
{
    Q_OBJECT

private slots:
    void everyEvent_data()
    {
        QTest::addColumn<QString>("event");
        for (const QString &event : EventBuilder::eventNames())
            QTest::newRow(qPrintable(event)) << event;
    }
    void everyEvent()
    {
        QFETCH(QString, event);
        const EventSpec spec = sample(event);
        const QByteArray body = EventBuilder::body(spec);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value("event").toString(), event);
        QCOMPARE(json.value("created_at").toString(), QString::number(kNow)); // int64: a string
        QVERIFY(body.endsWith(",\"created_at\":\"" + QByteArray::number(kNow) + "\"}"));
        const QRegularExpression uuid(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        const QRegularExpression liveKit(QStringLiteral("^EV_[0-9A-Za-z]{12}$"));
        const QString id = json.value("id").toString();
        QVERIFY2((EventBuilder::isLiveKitEvent(event) ? liveKit : uuid).match(id).hasMatch(),
                 qPrintable(id));
        QVERIFY(!body.contains(", ")); // compact unless asked otherwise

        const WebhookEvent decoded = EventDecoder::decode(body);
        QVERIFY(decoded.isDecoded());
        QVERIFY(decoded.isKnownEvent);
        QCOMPARE(decoded.event, event);
        QCOMPARE(decoded.id, id);
        QCOMPARE(decoded.createdAt, std::optional<qint64>(kNow));
        QVERIFY(decoded.room);
        QCOMPARE(decoded.room->roomId, QStringLiteral("room01"));
        QCOMPARE(decoded.room->sid, spec.room.sid);
        QVERIFY2(decoded.unknownKeys.isEmpty(), qPrintable(decoded.unknownKeys.join(',')));

        const PreparedRequest request =
            buildTestRequest(event, QStringLiteral("plugnmeet"), "secret", kNow);
        KeyRing keys;
        keys.insert(QStringLiteral("plugnmeet"), "secret");
        const Verification verification =
            WebhookVerifier(keys).verify(request.headers, request.body, kNow);
        QCOMPARE(verdictName(verification.verdict), QStringLiteral("valid"));
    }

    void shapesMatchTheVectors()
    {
        // Same keys, same order as the generated reference bodies, event by event.
        QString error;
        const QList<test::WebhookVector> vectors = test::loadVectors(&error);
        QVERIFY2(!vectors.isEmpty(), qPrintable(error));
        int compared = 0;
        for (const test::WebhookVector &vector : vectors) {
            if (!vector.name.startsWith(u"valid__") || !EventBuilder::isKnownEvent(vector.event) ||
                vector.name.contains(u"comma_space"))
                continue;
            EventSpec spec = sample(vector.event);
            if (vector.body.contains("\"source\":\"MICROPHONE\""))
                spec.track->kind = SimTrack::Kind::Microphone;
            const QByteArray ours = EventBuilder::body(spec);
            const QString what = vector.name;
            QCOMPARE(keyOrder(ours), keyOrder(vector.body));
            QCOMPARE(keyOrder(memberText(ours, "room")), keyOrder(memberText(vector.body, "room")));
            for (const QByteArray part : {"recording_info", "speech_service", "analytics"})
                QCOMPARE(keyOrder(memberText(ours, part)), keyOrder(memberText(vector.body, part)));
            // LiveKit objects: the reference's keys appear in ours, in the same order.
            for (const QByteArray part : {"participant", "track"}) {
                QStringList theirs = keyOrder(memberText(vector.body, part));
                theirs.removeAll(QStringLiteral("muted")); // depends on the moment, not the shape
                QVERIFY2(isSubsequence(theirs, keyOrder(memberText(ours, part))),
                         qPrintable(what + ": " + QString::fromLatin1(part)));
            }
            ++compared;
        }
        QVERIFY(compared >= 15);
    }

    void roomShapesPerEvent()
    {
        // protocol.md 6.1 "room keys": track events carry LiveKit's thin room.
        const QJsonObject track =
            QJsonDocument::fromJson(EventBuilder::body(sample(QStringLiteral("track_published"))))
                .object();
        QCOMPARE(track.value("room").toObject().value("creation_time").toString(),
                 QStringLiteral("0"));
        QCOMPARE(track.value("room").toObject().value("num_participants").toInt(-1), 0);
        QVERIFY(!track.value("room").toObject().contains("enabled_codecs"));
        QCOMPARE(keyOrder(memberText(EventBuilder::body(sample("track_published")), "participant")),
                 (QStringList{"sid", "identity"}));
        const QByteArray ids = EventBuilder::body(sample(QStringLiteral("start_rtmp")));
        QCOMPARE(keyOrder(memberText(ids, "room")), (QStringList{"sid", "room_id"}));
        const QByteArray ended = EventBuilder::body(sample(QStringLiteral("session_ended")));
        QCOMPARE(keyOrder(memberText(ended, "room")),
                 (QStringList{"sid", "room_id", "creation_time", "metadata"}));
        const QJsonObject left =
            QJsonDocument::fromJson(EventBuilder::body(sample(QStringLiteral("participant_left"))))
                .object();
        QCOMPARE(left.value("participant").toObject().value("state").toString(),
                 QStringLiteral("DISCONNECTED"));
        QCOMPARE(left.value("participant").toObject().value("disconnect_reason").toString(),
                 QStringLiteral("CLIENT_INITIATED"));
    }

    void valueTypes()
    {
        const QByteArray proceeded =
            EventBuilder::body(sample(QStringLiteral("recording_proceeded")));
        QVERIFY2(proceeded.contains("\"file_size\":12.35}"), proceeded.constData()); // MB float
        const QByteArray started = EventBuilder::body(sample(QStringLiteral("start_recording")));
        // `optional` fields are written even when zero (protocol.md 4).
        QVERIFY(started.contains("\"file_path\":\"\",\"file_size\":0}"));
        const QByteArray artifact = EventBuilder::body(sample(QStringLiteral("artifact_created")));
        QVERIFY(artifact.contains("\"file_size\":\"48213\"")); // bytes: int64 string
        const QByteArray audio = [] {
            EventSpec spec = sample(QStringLiteral("track_published"));
            spec.track->kind = SimTrack::Kind::Microphone;
            return EventBuilder::body(spec);
        }();
        QVERIFY(!memberText(audio, "track").contains("\"type\"")); // AUDIO is enum zero
        QVERIFY(memberText(audio, "track").contains("\"source\":\"MICROPHONE\""));
        const QByteArray spaced = EventBuilder::body(sample(QStringLiteral("room_started")), true);
        QVERIFY(spaced.contains("\"sid\":"));
        QVERIFY(spaced.contains(", \"room_id\":"));
        QCOMPARE(QJsonDocument::fromJson(spaced).object(),
                 QJsonDocument::fromJson(EventBuilder::body(sample("room_started"))).object());
    }

    void unknownEventGetsRoomOnly()
    {
        const QByteArray body = EventBuilder::body(sample(QStringLiteral("future_thing")));
        QCOMPARE(keyOrder(body), (QStringList{"event", "room", "id", "created_at"}));
        const WebhookEvent decoded = EventDecoder::decode(body);
        QVERIFY(!decoded.isKnownEvent);
        QCOMPARE(decoded.family, EventFamily::Unknown);
    }

    void idsAreRepeatableFromASeed()
    {
        QRandomGenerator a(7), b(7);
        QCOMPARE(EventBuilder::uuidV4(a), EventBuilder::uuidV4(b));
        QCOMPARE(EventBuilder::liveKitId(QStringLiteral("PA_"), a),
                 EventBuilder::liveKitId(QStringLiteral("PA_"), b));
        QVERIFY(EventBuilder::uuidV4(a) != EventBuilder::uuidV4(a));
    }
};

QTEST_GUILESS_MAIN(TestEventBuilder)
#include "tst_eventbuilder.moc"
