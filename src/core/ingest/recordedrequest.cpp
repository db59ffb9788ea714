#include "ingest/recordedrequest.h"

#include "text/isotime.h"
#include "text/jsontextwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace pnm {

namespace {
QString remoteText(const QString &address, quint16 port)
{
    return address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                  : address + u':' + QString::number(port);
}
} // namespace

QString RecordedRequest::targetText() const
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(target);
    return decoder.hasError() ? QString::fromLatin1(target) : text;
}

void RecordedRequest::writeEventSummary(JsonTextWriter &out) const
{
    if (bodyComplete) {
        event.writeSummaryMembers(out);
        return;
    }
    out.key(QLatin1StringView("body_error"));
    out.string(QStringLiteral("body incomplete: %1 bytes arrived").arg(bodySize()));
}

QJsonObject RecordedRequest::toJson() const
{
    QJsonObject line;
    line.insert("seq", qint64(seq));
    line.insert("received_at", isotime::fromMSecs(receivedAtMs));
    line.insert("remote", remoteText(remoteAddress, remotePort));
    line.insert("method", QString::fromLatin1(method));
    line.insert("path", QString::fromUtf8(target));
    line.insert("status", status);
    line.insert("body_bytes", body.size());
    if (!protocolError.isEmpty())
        line.insert("error", protocolError);
    // The decoded summary contributes event, id, created_at, room, participant, track, ...
    JsonTextWriter text;
    text.beginObject();
    writeEventSummary(text);
    text.endObject();
    const QJsonObject summary = QJsonDocument::fromJson(text.text()).object();
    for (auto it = summary.begin(); it != summary.end(); ++it)
        line.insert(it.key(), it.value());
    line.insert("verification", verification.toJson());
    return line;
}

QByteArray RecordedRequest::toJsonLine() const
{
    JsonTextWriter out(1024);
    const auto key = [&out](const char *name) { out.key(QLatin1StringView(name)); };
    out.beginObject();
    key("seq");
    out.number(qint64(seq));
    key("received_at");
    out.string(isotime::fromMSecs(receivedAtMs));
    key("remote");
    out.string(remoteText(remoteAddress, remotePort));
    key("method");
    out.string(QString::fromLatin1(method));
    key("path");
    out.string(QString::fromUtf8(target));
    key("status");
    out.number(status);
    key("body_bytes");
    out.number(body.size());
    if (!protocolError.isEmpty()) {
        key("error");
        out.string(protocolError);
    }
    // Decoded fields have names of their own (event, id, room, ...), never the ones above.
    writeEventSummary(out);
    key("verification");
    verification.writeSummary(out);
    out.endObject();
    QByteArray line = out.take();
    line += '\n';
    return line;
}

} // namespace pnm
