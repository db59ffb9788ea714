#include "vectors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace pnm::test {

namespace {
// QJsonObject sorts keys; the header order of the file is recovered from the raw text.
QList<QByteArray> headerOrder(const QByteArray &raw, qsizetype vectorStart)
{
    QList<QByteArray> names;
    const qsizetype open = raw.indexOf("\"headers\"", vectorStart);
    const qsizetype close = raw.indexOf('}', open);
    static const QRegularExpression key(QStringLiteral("\"([^\"]+)\"\\s*:"));
    const QString block = QString::fromUtf8(raw.mid(open + 9, close - open - 9));
    for (auto it = key.globalMatch(block); it.hasNext();)
        names.append(it.next().captured(1).toUtf8());
    return names;
}
} // namespace

QList<WebhookVector> loadVectors(QString *error)
{
    QFile file(QStringLiteral(PNM_VECTORS_FILE));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.fileName() + ": " + file.errorString();
        return {};
    }
    const QByteArray raw = file.readAll();
    const QJsonArray array = QJsonDocument::fromJson(raw).array();
    QList<WebhookVector> vectors;
    qsizetype cursor = 0;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        WebhookVector vector;
        vector.name = object.value("name").toString();
        cursor = raw.indexOf("\"" + vector.name.toUtf8() + "\"", cursor);
        vector.event = object.value("event").toString();
        vector.body = object.value("body").toString().toUtf8();
        vector.apiKey = object.value("api_key").toString();
        vector.apiSecret = object.value("api_secret").toString().toUtf8();
        vector.verifyAt = object.value("verify_at").toInteger();
        vector.leewaySecs = object.value("leeway_s").toInteger(60);
        vector.expect = object.value("expect").toString();
        const QJsonObject headers = object.value("headers").toObject();
        for (const QByteArray &name : headerOrder(raw, cursor))
            vector.headers.append(name, headers.value(QString::fromUtf8(name)).toString().toUtf8());
        vectors.append(vector);
    }
    if (vectors.isEmpty() && error)
        *error = file.fileName() + ": no vectors";
    return vectors;
}

} // namespace pnm::test
