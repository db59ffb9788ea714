// Reads the fields of one protobuf message from a QJsonObject the way Go's protojson parser
// would, only more forgiving (protocol.md sections 4 and 8). A cheap value; any thread.
#pragma once

#include "events/protoenums.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>
#include <optional>
#include <utility>

namespace pnm {

class ProtoJsonReader
{
public:
    explicit ProtoJsonReader(QJsonObject object = {}) : m_object(std::move(object)) {}

    const QJsonObject &json() const { return m_object; }

    // The value under the proto name (`joined_at_ms`), else under the lowerCamelCase JSON name
    // (`joinedAtMs`) that protojson also accepts; the proto name wins when both are present.
    // Undefined when neither is there.
    QJsonValue value(QLatin1String protoName) const;
    // Present and not null: protojson reads `null` as "not set".
    bool has(QLatin1String protoName) const;

    // Each returns the field's zero value when it is absent or of a type it cannot read.
    QString string(QLatin1String protoName) const;
    bool boolean(QLatin1String protoName) const;
    QJsonObject object(QLatin1String protoName) const;
    ProtoJsonReader message(QLatin1String protoName) const
    {
        return ProtoJsonReader(object(protoName));
    }

    // Integers and floats: nullopt when absent or unreadable, so presence stays visible
    // (`optional` fields are sent even when zero, protocol.md 4).
    std::optional<qint64> integer(QLatin1String protoName) const
    {
        return toInteger(value(protoName));
    }
    std::optional<double> floating(QLatin1String protoName) const
    {
        return toFloating(value(protoName));
    }

    // The enum's name; the table's zero name when absent (Go omits enum value 0, protocol.md 8.9).
    QString enumName(QLatin1String protoName, ProtoEnumTable table) const;

    // A JSON number with an integral value, or a string of decimal digits with an optional '-',
    // in the signed 64-bit range (int64 travels as a string, int32 as a number, protocol.md 4).
    // Strings are read exactly. Numbers are as exact as QJsonDocument keeps them: plain integer
    // literals in range are exact; others went through a double (so -(2^63+1) reads as -2^63).
    static std::optional<qint64> toInteger(const QJsonValue &value);
    // A JSON number, a decimal string, or "NaN" / "Infinity" / "-Infinity" (protocol.md 4).
    static std::optional<double> toFloating(const QJsonValue &value);
    // A name string as sent (even one the table lacks), a known number by name, an unknown number
    // as text, the zero name for undefined/null; empty for anything else (a bool, 1.5, an object).
    static QString toEnumName(const QJsonValue &value, ProtoEnumTable table);
    // `joined_at_ms` -> `joinedAtMs`, protoc's rule for the default JSON name.
    static QString jsonName(QLatin1String protoName);

private:
    QJsonObject m_object;
};

} // namespace pnm
