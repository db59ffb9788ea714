// Makes docs/window.png: the real window with a simulated meeting in two rooms (built by the
// sender's EventBuilder, signed like Plug-N-Meet), one forged and one tampered request, the
// forged one selected with its Signature tab open. Run by docs/make-screenshot.sh.
// Usage: shoot_window OUTPUT.png
#include "appsettings.h"
#include "detailpane.h"
#include "eventtableview.h"
#include "ingest/ingestservice.h"
#include "mainwindow.h"
#include "monitorsession.h"
#include "sign/eventbuilder.h"
#include "sign/meetingscenario.h"
#include "sign/tokensigner.h"

#include <QApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace pnm;

namespace {
const QByteArray kSecret = "screenshot-secret";

struct Planned
{
    QByteArray body;
    QByteArray secret;
    bool tamper = false;
};

QList<Planned> meeting(qint64 now)
{
    QRandomGenerator random(7);
    const QList<std::pair<QString, QString>> rooms = {
        {QStringLiteral("sales-weekly"), QStringLiteral("Sales weekly")},
        {QStringLiteral("eng-standup"), QStringLiteral("Engineering stand-up")}};
    const QStringList people = {QStringLiteral("Amara Okafor"), QStringLiteral("Jonas Berg"),
                                QStringLiteral("Mei Tanaka")};
    QList<Planned> plan;
    // A plain pair, not a structured binding: clang 14 (the fuzz preset) cannot capture those.
    for (const std::pair<QString, QString> &room : rooms) {
        const auto add = [&](const QString &event, int person, const QByteArray &secret,
                             bool tamper) {
            EventSpec spec = MeetingScenario::sample(event, now, random);
            spec.room.roomId = room.first;
            spec.room.title = room.second;
            if (spec.participant && person >= 0) {
                spec.participant->name = people.at(person);
                spec.participant->identity = people.at(person).section(u' ', 0, 0).toLower();
            }
            plan.append({EventBuilder::body(spec), secret, tamper});
        };
        add(QStringLiteral("room_created"), -1, kSecret, false);
        add(QStringLiteral("room_started"), -1, kSecret, false);
        for (int person = 0; person < people.size(); ++person)
            add(QStringLiteral("participant_joined"), person, kSecret, false);
        add(QStringLiteral("track_published"), 0, kSecret, false);
        add(QStringLiteral("track_published"), 1, kSecret, false);
        add(QStringLiteral("participant_joined"), 2, "an-old-secret", false);
        add(QStringLiteral("start_recording"), -1, kSecret, false);
        add(QStringLiteral("track_unpublished"), 1, kSecret,
            room.first == QLatin1String("eng-standup"));
        add(QStringLiteral("end_recording"), -1, kSecret, false);
        add(QStringLiteral("participant_left"), 0, kSecret, false);
    }
    return plan;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString output =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("window.png");
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setPort(0);
    settings.setKeys({{QStringLiteral("plugnmeet"), kSecret}});
    IngestService service;
    MonitorSession session(&service);
    MainWindow window(&session, &settings);
    window.resize(1500, 820);
    window.show();
    QNetworkAccessManager network;
    const QList<Planned> plan = meeting(QDateTime::currentSecsSinceEpoch());
    int answered = 0;
    QObject::connect(&session, &MonitorSession::listeningChanged, &app, [&](bool listening) {
        if (!listening)
            return;
        for (const Planned &planned : plan) {
            const QByteArray token =
                TokenSigner(QStringLiteral("plugnmeet"), planned.secret)
                    .signWebhook(planned.body, QDateTime::currentSecsSinceEpoch());
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(session.listenPort())));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", token);
            request.setRawHeader("Hash-Token", token);
            QByteArray body = planned.body;
            if (planned.tamper)
                body.replace("\"track_unpublished\"", "\"track_unpublished\" ");
            QNetworkReply *reply = network.post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
                reply->deleteLater();
                ++answered;
            });
        }
    });
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (answered < plan.size() || session.totalCount() < quint64(plan.size()))
            return;
        poll.stop();
        // The forged participant_joined of the second room: select it, open Signature.
        window.eventTable()->selectSeq(quint64(plan.size() / 2 + 8));
        window.detailPane()->setCurrentIndex(DetailPane::SignatureTab);
        QTimer::singleShot(300, &app, [&] {
            const bool saved = window.grab().save(output);
            std::printf("%s %s\n", saved ? "wrote" : "could not write", qPrintable(output));
            QApplication::exit(saved ? 0 : 1);
        });
    });
    poll.start();
    window.startListening();
    return QApplication::exec();
}
