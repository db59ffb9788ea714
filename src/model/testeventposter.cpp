#include "testeventposter.h"

#include "events/webhookevent.h"
#include "sign/eventencoder.h"
#include "sign/tokensigner.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QUrl>

namespace pnm {

TestEventPoster::TestEventPoster(QObject *parent) : QObject(parent) {}

QByteArray TestEventPoster::sampleBody(qint64 nowSecs, quint64 serial)
{
    WebhookEvent event;
    event.event = QStringLiteral("participant_joined");
    event.id = QStringLiteral("test-event-%1-%2").arg(nowSecs).arg(serial);
    event.createdAt = nowSecs;
    EventRoom room;
    room.sid = QStringLiteral("00000000-0000-4000-8000-000000000001");
    room.roomId = QStringLiteral("test-room");
    room.title = QStringLiteral("Monitor test room");
    event.room = room;
    EventParticipant participant;
    participant.sid = QStringLiteral("PA_monitortest%1").arg(serial);
    participant.identity = QStringLiteral("test-user");
    participant.name = QStringLiteral("Test User");
    participant.state = QStringLiteral("ACTIVE");
    participant.joinedAt = nowSecs;
    event.participant = participant;
    return EventEncoder::encode(event);
}

void TestEventPoster::post(const QHostAddress &listenAddress, quint16 port, const KeyRing &keys)
{
    // A wildcard address is reached through loopback of the same family.
    QHostAddress target = listenAddress;
    if (target == QHostAddress::AnyIPv6)
        target = QHostAddress::LocalHostIPv6;
    else if (target.isEqual(QHostAddress::Any, QHostAddress::ConvertUnspecifiedAddress))
        target = QHostAddress::LocalHost; // Any (dual-stack) or AnyIPv4
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(target.toString());
    url.setPort(port);
    url.setPath(QStringLiteral("/"));

    QStringList names = keys.keys();
    names.sort();
    const TokenSigner signer =
        names.isEmpty() ? TokenSigner(QString::fromLatin1(kSampleApiKey), kSampleSecret)
                        : TokenSigner(names.constFirst(), keys.secret(names.constFirst()));
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QByteArray body = sampleBody(nowSecs, ++m_serial);
    const QByteArray token = signer.signWebhook(body, nowSecs);

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", token);
    request.setRawHeader("Hash-Token", token);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0)
            emit finished(false, tr("Test event not delivered: %1").arg(reply->errorString()));
        else
            emit finished(true, tr("Test event delivered (answered %1)").arg(status));
    });
}

} // namespace pnm
