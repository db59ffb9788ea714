// A JSON value written the way Go's protojson writes it (protocol.md section 4): members in the
// order they were added (= .proto declaration order), compact, only `"`, `\` and control
// characters escaped, and optionally exactly one space after every comma, as some server builds
// do. Used to build bodies byte-for-byte like Plug-N-Meet's. A value type.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>
#include <utility>
#include <variant>

namespace pnm {

class ProtoJsonObject;

class ProtoJsonValue
{
public:
    static ProtoJsonValue string(const QString &text);
    static ProtoJsonValue integer(qint64 value);   // int32/uint32: a JSON number
    static ProtoJsonValue integer64(qint64 value); // int64/uint64: a JSON string of digits
    static ProtoJsonValue float32(float value);    // shortest text that round-trips a float
    static ProtoJsonValue float64(double value);
    static ProtoJsonValue boolean(bool value);
    static ProtoJsonValue null(); // only inside free-form JSON; protojson never writes it
    static ProtoJsonValue object(const ProtoJsonObject &object);
    static ProtoJsonValue array(const QList<ProtoJsonValue> &items);

    void write(QByteArray &out, bool spaceAfterComma) const;

private:
    struct Raw
    {
        QByteArray text;
    }; // an already-serialised scalar
    using Object = std::shared_ptr<const ProtoJsonObject>;
    using Array = std::shared_ptr<const QList<ProtoJsonValue>>;
    std::variant<Raw, Object, Array> m_value;
};

class ProtoJsonObject
{
public:
    ProtoJsonObject &add(const QByteArray &key, const ProtoJsonValue &value);
    // proto3 presence for plain fields: zero values are left out (protocol.md section 4).
    ProtoJsonObject &addIfSet(const QByteArray &key, const QString &text);
    ProtoJsonObject &addIfSet(const QByteArray &key, qint64 int32Value);
    ProtoJsonObject &addInt64IfSet(const QByteArray &key, qint64 value);
    ProtoJsonObject &addIfSet(const QByteArray &key, bool value);
    bool isEmpty() const { return m_members.isEmpty(); }

    QByteArray toJson(bool spaceAfterComma = false) const;
    void write(QByteArray &out, bool spaceAfterComma) const;

private:
    QList<std::pair<QByteArray, ProtoJsonValue>> m_members;
};

// Go's string escaping (protocol.md section 4): raw UTF-8, `<>&` left alone.
void appendProtoJsonString(QByteArray &out, const QString &text);

} // namespace pnm
