#include "store/redactor.h"

#include "events/eventdecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pnm {

namespace {
// Personal inside a participant object.
const QStringList kParticipantKeys{QStringLiteral("name"), QStringLiteral("identity"),
                                   QStringLiteral("attributes")};
// Personal wherever they appear: metadata is free text chosen by people (titles, settings), and
// artifacts carry the user they belong to.
const QStringList kAnywhereKeys{QStringLiteral("metadata"), QStringLiteral("user_name"),
                                QStringLiteral("userName"), QStringLiteral("user_id"),
                                QStringLiteral("userId")};

QJsonValue scrub(const QJsonValue &value, bool personal);

QJsonObject scrubObject(QJsonObject object, bool personal)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if ((personal && kParticipantKeys.contains(key)) || kAnywhereKeys.contains(key)) {
            it.value() = QString::fromLatin1(Redactor::kMark);
            continue;
        }
        it.value() = scrub(it.value(), personal || key == QLatin1String("participant"));
    }
    return object;
}

QJsonValue scrub(const QJsonValue &value, bool personal)
{
    if (value.isObject())
        return scrubObject(value.toObject(), personal);
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = scrub(*it, personal);
        return array;
    }
    return value;
}
} // namespace

RecordedRequest Redactor::redact(const RecordedRequest &request)
{
    RecordedRequest out = request;
    QJsonParseError error;
    const QJsonDocument body = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !body.isObject()) {
        // Not JSON: nothing can be told apart, so nothing of it leaves.
        out.body = request.body.isEmpty() ? QByteArray() : QByteArray(kMark);
    } else {
        out.body = QJsonDocument(scrubObject(body.object(), false)).toJson(QJsonDocument::Compact);
    }
    out.event = EventDecoder::decode(out.body);
    return out;
}

} // namespace pnm
