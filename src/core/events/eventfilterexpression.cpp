#include "events/eventfilterexpression.h"

#include <QRegularExpression>

namespace pnm {

namespace {
QSet<QString> commaValues(QStringView text)
{
    QSet<QString> values;
    for (const QStringView part : text.split(u',', Qt::SkipEmptyParts))
        values.insert(part.trimmed().toString());
    return values;
}
} // namespace

std::optional<EventFilter> parseEventFilterExpression(const QString &expression, QString *error)
{
    EventFilter filter;
    QStringList freeText;
    // Words, keeping "quoted phrases" and /regular expressions/ whole for the free text.
    static const QRegularExpression word(QStringLiteral(R"re("[^"]*"|/[^/]*/|\S+)re"));
    for (auto it = word.globalMatch(expression); it.hasNext();) {
        const QString token = it.next().captured(0);
        const qsizetype colon = token.indexOf(u':');
        const QString key = colon > 0 ? token.left(colon).toLower() : QString();
        const QStringView value = QStringView(token).sliced(colon + 1);
        const bool field = key == u"event" || key == u"room" || key == u"verdict";
        if (field && commaValues(value).isEmpty()) {
            // Matching everything (or nothing) would hide the slip.
            *error = QStringLiteral("\"%1\" needs a value, as in event:participant_joined, "
                                    "room:room01 or verdict:failed")
                         .arg(token);
            return std::nullopt;
        }
        if (key == u"event") {
            QSet<QString> names;
            for (const QString &name : commaValues(value))
                names.insert(name.toLower());
            filter.setEventNames(filter.eventNames() | names);
        } else if (key == u"room") {
            filter.setRoomIds(filter.roomIds() | commaValues(value));
        } else if (key == u"verdict") {
            int mask = filter.verdictClasses() == EventFilter::kAllVerdictClasses
                           ? 0
                           : filter.verdictClasses();
            for (const QString &name : commaValues(value)) {
                if (name.compare(u"valid", Qt::CaseInsensitive) == 0)
                    mask |= int(VerdictClass::Valid);
                else if (name.compare(u"failed", Qt::CaseInsensitive) == 0)
                    mask |= int(VerdictClass::Failed);
                else if (name.compare(u"unverified", Qt::CaseInsensitive) == 0)
                    mask |= int(VerdictClass::Unverified);
                else {
                    *error = QStringLiteral("verdict:%1: expected valid, failed or unverified")
                                 .arg(name);
                    return std::nullopt;
                }
            }
            filter.setVerdictClasses(mask);
        } else {
            freeText.append(token);
        }
    }
    filter.setText(freeText.join(u' '));
    if (!filter.isTextValid()) {
        *error = filter.textError();
        return std::nullopt;
    }
    return filter;
}

} // namespace pnm
