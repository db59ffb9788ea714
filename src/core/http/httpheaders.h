// HTTP header fields in the order and casing they arrived. A value type, safe to pass across
// threads; lookups are case-insensitive as RFC 9110 section 5.1 requires.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <optional>

namespace pnm {

struct HttpHeaderField
{
    QByteArray name;
    QByteArray value;
    friend bool operator==(const HttpHeaderField &, const HttpHeaderField &) = default;
};

class HttpHeaders
{
public:
    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<HttpHeaderField> fields) : m_fields(fields) {}

    void append(const QByteArray &name, const QByteArray &value) { m_fields.append({name, value}); }
    const QList<HttpHeaderField> &fields() const { return m_fields; }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }

    // First field with this name (case-insensitive), or nothing when absent.
    std::optional<QByteArray> value(QByteArrayView name) const;
    bool contains(QByteArrayView name) const { return value(name).has_value(); }
    // Every value of a field that may repeat, in arrival order.
    QList<QByteArray> values(QByteArrayView name) const;

    friend bool operator==(const HttpHeaders &, const HttpHeaders &) = default;

private:
    QList<HttpHeaderField> m_fields;
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::HttpHeaders)
