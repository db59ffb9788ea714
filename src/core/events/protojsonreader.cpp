#include "events/protojsonreader.h"

#include <array>
#include <cmath>
#include <limits>

namespace pnm {

namespace {

// Longest decimal text of a qint64 is 19 digits; anything longer overflows. Checking the digits
// ourselves keeps out what QString::toLongLong would forgive (spaces, '+', non-ASCII digits).
constexpr qsizetype kMaxInt64Digits = 19;

std::optional<qint64> parseDecimal(const QString &text)
{
    const qsizetype start = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    const qsizetype digits = text.size() - start;
    if (digits < 1 || digits > kMaxInt64Digits)
        return std::nullopt;
    for (qsizetype i = start; i < text.size(); ++i) {
        if (text.at(i) < QLatin1Char('0') || text.at(i) > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 number = text.toLongLong(&ok, 10); // ok is false on overflow
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

} // namespace

QJsonValue ProtoJsonReader::value(QLatin1String protoName) const
{
    const auto it = m_object.constFind(protoName);
    if (it != m_object.constEnd())
        return it.value();
    if (!protoName.contains(QLatin1Char('_')))
        return QJsonValue(QJsonValue::Undefined); // its JSON name is the same
    // Most fields are absent from a given event, so this runs for most lookups: spell the JSON
    // name on the stack rather than in a new QString.
    std::array<char, 64> buffer{};
    if (protoName.size() > qsizetype(buffer.size()))
        return m_object.value(jsonName(protoName));
    qsizetype length = 0;
    bool upperNext = false;
    for (const char c : protoName) {
        if (c == '_') {
            upperNext = true;
            continue;
        }
        buffer[size_t(length++)] = upperNext && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
        upperNext = false;
    }
    return m_object.value(QLatin1StringView(buffer.data(), length));
}

bool ProtoJsonReader::has(QLatin1String protoName) const
{
    const QJsonValue found = value(protoName);
    return !found.isUndefined() && !found.isNull();
}

QString ProtoJsonReader::string(QLatin1String protoName) const
{
    return value(protoName).toString();
}

bool ProtoJsonReader::boolean(QLatin1String protoName) const
{
    return value(protoName).toBool(false);
}

QJsonObject ProtoJsonReader::object(QLatin1String protoName) const
{
    return value(protoName).toObject();
}

QString ProtoJsonReader::enumName(QLatin1String protoName, ProtoEnumTable table) const
{
    return toEnumName(value(protoName), table);
}

std::optional<qint64> ProtoJsonReader::toInteger(const QJsonValue &value)
{
    if (value.isString())
        return parseDecimal(value.toString());
    if (!value.isDouble())
        return std::nullopt;
    // toInteger() is exact for integers the parser kept as qint64 and falls back to the default
    // for fractions and doubles outside the qint64 range; two defaults tell that apart from a
    // value that really equals the default.
    const qint64 number = value.toInteger(0);
    if (number == 0 && value.toInteger(1) != 0)
        return std::nullopt;
    return number;
}

std::optional<double> ProtoJsonReader::toFloating(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("Infinity"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Infinity"))
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double number = text.toDouble(&ok);
    // toDouble accepts "inf"/"nan" spellings and surrounding spaces that protojson does not.
    if (!ok || !std::isfinite(number) || text.trimmed() != text)
        return std::nullopt;
    return number;
}

QString ProtoJsonReader::toEnumName(const QJsonValue &value, ProtoEnumTable table)
{
    if (value.isUndefined() || value.isNull())
        return ProtoEnums::nameOf(table, 0);
    if (value.isString())
        return value.toString();
    if (const std::optional<qint64> number = value.isDouble() ? toInteger(value) : std::nullopt)
        return ProtoEnums::nameOf(table, *number);
    return QString();
}

QString ProtoJsonReader::jsonName(QLatin1String protoName)
{
    QString name;
    name.reserve(protoName.size());
    bool upperNext = false;
    for (const char c : protoName) {
        if (c == '_') {
            upperNext = true;
            continue;
        }
        const QChar ch = QLatin1Char(c);
        name.append(upperNext ? ch.toUpper() : ch);
        upperNext = false;
    }
    return name;
}

} // namespace pnm
