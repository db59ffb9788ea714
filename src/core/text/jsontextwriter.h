// Writes compact JSON text straight into UTF-8 bytes. For the paths that run once per request
// (the stored verification, exports): building a QJsonObject and serialising it cost several
// times more. Reads back with QJsonDocument like any JSON. Strings are escaped as QJsonDocument
// escapes them, so with KeyOrder::Sorted (members in the order QJsonObject keeps them) the text
// is byte for byte what QJsonDocument would write for the same values. Any thread.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>
#include <QVarLengthArray>
#include <type_traits>

namespace pnm {

class JsonTextWriter
{
public:
    enum class KeyOrder
    {
        AsWritten,
        Sorted
    };

    explicit JsonTextWriter(qsizetype reserve = 512, KeyOrder order = KeyOrder::AsWritten)
        : m_order(order)
    {
        m_text.reserve(reserve);
    }

    void beginObject();
    void endObject();
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // Inside an object, each value follows its key. Names are plain ASCII, written as they are.
    void key(QLatin1StringView name);
    void string(QStringView value);
    void string(QLatin1StringView value);
    void number(qint64 value);
    void boolean(bool value);
    // A member: its key, then its value: a bool, an integer, or a string (QString or Latin-1).
    template <typename Value> void member(QLatin1StringView name, const Value &value)
    {
        key(name);
        if constexpr (std::is_same_v<Value, bool>)
            boolean(value);
        else if constexpr (std::is_integral_v<Value>)
            number(qint64(value));
        else
            string(value);
    }
    // A whole object, serialised as QJsonDocument would (for parsed token parts).
    void object(const QJsonObject &value);
    // JSON text known to be one valid value (e.g. that QJsonDocument parsed), as it is.
    void raw(QByteArrayView json);
    // Any value: scalars directly, objects and arrays through QJsonDocument.
    void value(const QJsonValue &value);

    const QByteArray &text() const { return m_text; }
    QByteArray take() { return std::move(m_text); }

private:
    void open(char bracket);
    void close(char bracket);
    void separate();
    void appendEscaped(QStringView value);
    void sortMembers(qsizetype objectStart);

    QByteArray m_text;
    KeyOrder m_order;
    // KeyOrder::Sorted: where each member of the open objects starts, innermost object last;
    // -1 marks where an object begins.
    QVarLengthArray<qsizetype, 64> m_memberStarts;
    bool m_needsComma = false;
    bool m_afterKey = false;
};

} // namespace pnm
