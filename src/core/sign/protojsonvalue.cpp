#include "sign/protojsonvalue.h"

#include <charconv>
#include <cmath>

namespace pnm {

void appendProtoJsonString(QByteArray &out, const QString &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += kHex[(c >> 4) & 0xf];
                out += kHex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

ProtoJsonValue ProtoJsonValue::string(const QString &text)
{
    ProtoJsonValue value;
    QByteArray raw;
    appendProtoJsonString(raw, text);
    value.m_value = Raw{raw};
    return value;
}

ProtoJsonValue ProtoJsonValue::integer(qint64 number)
{
    ProtoJsonValue value;
    value.m_value = Raw{QByteArray::number(number)};
    return value;
}

ProtoJsonValue ProtoJsonValue::integer64(qint64 number)
{
    ProtoJsonValue value;
    value.m_value = Raw{'"' + QByteArray::number(number) + '"'};
    return value;
}

namespace {

// Go's protojson float text (PBGO internal/encoding/json/encode.go): NaN and infinities as
// strings; plain decimal notation unless |n| < 1e-6 or >= 1e21, then exponent notation with the
// exponent's leading zero dropped ("1e-07" -> "1e-7"); always the shortest text that reads back
// to the same value at the field's own precision.
template <typename Float> QByteArray goFloatText(Float number)
{
    if (std::isnan(number))
        return QByteArrayLiteral("\"NaN\"");
    if (std::isinf(number))
        return number > 0 ? QByteArrayLiteral("\"Infinity\"") : QByteArrayLiteral("\"-Infinity\"");
    const Float magnitude = std::fabs(number);
    const bool exponent = magnitude != 0 && (magnitude < Float(1e-6) || magnitude >= Float(1e21));
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, number,
                      exponent ? std::chars_format::scientific : std::chars_format::fixed);
    QByteArray text(buffer, result.ptr - buffer);
    const qsizetype n = text.size();
    if (exponent && n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0')
        text.remove(n - 2, 1);
    return text;
}

} // namespace

ProtoJsonValue ProtoJsonValue::float32(float number)
{
    ProtoJsonValue value;
    value.m_value = Raw{goFloatText(number)};
    return value;
}

ProtoJsonValue ProtoJsonValue::float64(double number)
{
    ProtoJsonValue value;
    value.m_value = Raw{goFloatText(number)};
    return value;
}

ProtoJsonValue ProtoJsonValue::null()
{
    ProtoJsonValue value;
    value.m_value = Raw{QByteArrayLiteral("null")};
    return value;
}

ProtoJsonValue ProtoJsonValue::boolean(bool flag)
{
    ProtoJsonValue value;
    value.m_value = Raw{flag ? QByteArray("true") : QByteArray("false")};
    return value;
}

ProtoJsonValue ProtoJsonValue::object(const ProtoJsonObject &members)
{
    ProtoJsonValue value;
    value.m_value = std::make_shared<const ProtoJsonObject>(members);
    return value;
}

ProtoJsonValue ProtoJsonValue::array(const QList<ProtoJsonValue> &items)
{
    ProtoJsonValue value;
    value.m_value = std::make_shared<const QList<ProtoJsonValue>>(items);
    return value;
}

void ProtoJsonValue::write(QByteArray &out, bool spaceAfterComma) const
{
    if (const Raw *raw = std::get_if<Raw>(&m_value)) {
        out += raw->text;
    } else if (const Object *object = std::get_if<Object>(&m_value)) {
        (*object)->write(out, spaceAfterComma);
    } else {
        const Array &items = std::get<Array>(m_value);
        out += '[';
        for (qsizetype i = 0; i < items->size(); ++i) {
            if (i > 0)
                out += spaceAfterComma ? ", " : ",";
            items->at(i).write(out, spaceAfterComma);
        }
        out += ']';
    }
}

ProtoJsonObject &ProtoJsonObject::add(const QByteArray &key, const ProtoJsonValue &value)
{
    m_members.append({key, value});
    return *this;
}

ProtoJsonObject &ProtoJsonObject::addIfSet(const QByteArray &key, const QString &text)
{
    return text.isEmpty() ? *this : add(key, ProtoJsonValue::string(text));
}

ProtoJsonObject &ProtoJsonObject::addIfSet(const QByteArray &key, qint64 int32Value)
{
    return int32Value == 0 ? *this : add(key, ProtoJsonValue::integer(int32Value));
}

ProtoJsonObject &ProtoJsonObject::addInt64IfSet(const QByteArray &key, qint64 value)
{
    return value == 0 ? *this : add(key, ProtoJsonValue::integer64(value));
}

ProtoJsonObject &ProtoJsonObject::addIfSet(const QByteArray &key, bool value)
{
    return value ? add(key, ProtoJsonValue::boolean(true)) : *this;
}

void ProtoJsonObject::write(QByteArray &out, bool spaceAfterComma) const
{
    out += '{';
    for (qsizetype i = 0; i < m_members.size(); ++i) {
        if (i > 0)
            out += spaceAfterComma ? ", " : ",";
        appendProtoJsonString(out, QString::fromUtf8(m_members.at(i).first));
        out += ':';
        m_members.at(i).second.write(out, spaceAfterComma);
    }
    out += '}';
}

QByteArray ProtoJsonObject::toJson(bool spaceAfterComma) const
{
    QByteArray out;
    write(out, spaceAfterComma);
    return out;
}

} // namespace pnm
