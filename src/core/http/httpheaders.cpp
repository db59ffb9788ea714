#include "http/httpheaders.h"

namespace pnm {

std::optional<QByteArray> HttpHeaders::value(QByteArrayView name) const
{
    for (const HttpHeaderField &field : m_fields) {
        if (name.compare(field.name, Qt::CaseInsensitive) == 0)
            return field.value;
    }
    return std::nullopt;
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> found;
    for (const HttpHeaderField &field : m_fields) {
        if (name.compare(field.name, Qt::CaseInsensitive) == 0)
            found.append(field.value);
    }
    return found;
}

} // namespace pnm
