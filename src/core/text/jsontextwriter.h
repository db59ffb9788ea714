// Writes compact JSON text straight into UTF-8 bytes, members in the order given. For the paths
// that run once per request (the stored verification): building a QJsonObject and serialising it
// cost several times more. Reads back with QJsonDocument like any JSON. Any thread.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

namespace pnm {

class JsonTextWriter
{
public:
    explicit JsonTextWriter(qsizetype reserve = 512) { m_text.reserve(reserve); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // Inside an object, each value follows its key.
    void key(QLatin1StringView name);
    void string(QStringView value);
    void string(QLatin1StringView value);
    void number(qint64 value);
    void boolean(bool value);
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

    QByteArray m_text;
    bool m_needsComma = false;
    bool m_afterKey = false;
};

} // namespace pnm
