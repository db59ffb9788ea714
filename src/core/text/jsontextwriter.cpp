#include "text/jsontextwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <limits>
#include <numeric>

namespace pnm {

void JsonTextWriter::separate()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (m_needsComma)
        m_text += ',';
    m_needsComma = true;
}

void JsonTextWriter::open(char bracket)
{
    separate();
    m_text += bracket;
    m_needsComma = false;
}

void JsonTextWriter::close(char bracket)
{
    m_text += bracket;
    m_needsComma = true;
}

void JsonTextWriter::beginObject()
{
    open('{');
    if (m_order == KeyOrder::Sorted)
        m_memberStarts.append(-1);
}

void JsonTextWriter::endObject()
{
    if (m_order == KeyOrder::Sorted) {
        const auto begin = std::find(m_memberStarts.rbegin(), m_memberStarts.rend(), -1);
        const qsizetype objectAt = m_memberStarts.rend() - begin - 1;
        sortMembers(objectAt);
        m_memberStarts.resize(objectAt);
    }
    close('}');
}

void JsonTextWriter::sortMembers(qsizetype objectAt)
{
    // Members of the object that is ending: [start of member, end of member) in m_text. An inner
    // object was sorted when it ended, in place, so these offsets still hold.
    const qsizetype first = objectAt + 1;
    const qsizetype count = m_memberStarts.size() - first;
    if (count < 2)
        return;
    const auto span = [this, first, count](qsizetype i) {
        const qsizetype start = m_memberStarts[first + i];
        const qsizetype end = i + 1 < count ? m_memberStarts[first + i + 1] - 1 : m_text.size();
        return QByteArrayView(m_text.constData() + start, end - start);
    };
    // The name between the quotes; QJsonObject orders ASCII names as their bytes compare.
    const auto nameOf = [](QByteArrayView member) {
        return member.sliced(1, member.indexOf('"', 1) - 1);
    };
    QVarLengthArray<qsizetype, 32> order(count);
    std::iota(order.begin(), order.end(), 0);
    const auto byName = [&](qsizetype a, qsizetype b) { return nameOf(span(a)) < nameOf(span(b)); };
    if (std::is_sorted(order.begin(), order.end(), byName))
        return;
    std::stable_sort(order.begin(), order.end(), byName);
    QByteArray sorted;
    sorted.reserve(m_text.size() - m_memberStarts[first]);
    for (const qsizetype i : order) {
        if (!sorted.isEmpty())
            sorted += ',';
        sorted += span(i);
    }
    m_text.truncate(m_memberStarts[first]);
    m_text += sorted;
}

void JsonTextWriter::key(QLatin1StringView name)
{
    separate();
    if (m_order == KeyOrder::Sorted)
        m_memberStarts.append(m_text.size());
    m_text += '"';
    m_text += QByteArrayView(name.data(), name.size());
    m_text += "\":";
    m_afterKey = true;
}

void JsonTextWriter::string(QStringView value)
{
    separate();
    m_text += '"';
    appendEscaped(value);
    m_text += '"';
}

void JsonTextWriter::string(QLatin1StringView value)
{
    for (const char c : value) {
        if (uchar(c) < 0x20 || uchar(c) >= 0x80 || c == '"' || c == '\\') {
            string(QStringView(QString(value)));
            return;
        }
    }
    separate();
    m_text += '"';
    m_text += QByteArrayView(value.data(), value.size());
    m_text += '"';
}

void JsonTextWriter::number(qint64 value)
{
    separate();
    m_text += QByteArray::number(value);
}

void JsonTextWriter::boolean(bool value)
{
    separate();
    m_text += value ? "true" : "false";
}

void JsonTextWriter::object(const QJsonObject &value)
{
    separate();
    m_text += QJsonDocument(value).toJson(QJsonDocument::Compact);
}

void JsonTextWriter::raw(QByteArrayView json)
{
    separate();
    m_text += json;
}

void JsonTextWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        separate();
        m_text += "null";
        return;
    case QJsonValue::Bool:
        boolean(value.toBool());
        return;
    case QJsonValue::Double: {
        constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
        if (const qint64 whole = value.toInteger(kNotInteger); whole != kNotInteger) {
            number(whole);
            return;
        }
        break; // fractions and huge numbers: as QJsonDocument writes them
    }
    case QJsonValue::String:
        string(value.toString());
        return;
    case QJsonValue::Object:
        object(value.toObject());
        return;
    case QJsonValue::Array:
        break;
    }
    separate();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    m_text += QByteArrayView(wrapped).sliced(1, wrapped.size() - 2);
}

void JsonTextWriter::appendEscaped(QStringView value)
{
    static constexpr char kHex[] = "0123456789abcdef";
    qsizetype i = 0;
    while (i < value.size()) {
        const char16_t c = value[i].unicode();
        if (c >= 0x80) {
            // A run of non-ASCII text (surrogate pairs stay together) converts in one go.
            qsizetype end = i;
            while (end < value.size() && value[end].unicode() >= 0x80) {
                const QChar unit = value[end];
                if (unit.isHighSurrogate() && end + 1 < value.size() &&
                    value[end + 1].isLowSurrogate())
                    end += 2;
                else if (!unit.isSurrogate())
                    ++end;
                else
                    break;
            }
            if (end > i) {
                m_text += value.sliced(i, end - i).toUtf8();
                i = end;
                continue;
            }
            // A surrogate without its other half has no UTF-8: escaped, as QJsonDocument does.
            ++i;
            m_text += "\\u";
            for (const int shift : {12, 8, 4, 0})
                m_text += kHex[(c >> shift) & 0xf];
            continue;
        }
        if (c >= 0x20 && c != u'"' && c != u'\\') {
            // A run of plain ASCII is copied in one go, narrowing each code unit.
            qsizetype end = i + 1;
            while (end < value.size()) {
                const char16_t next = value[end].unicode();
                if (next < 0x20 || next >= 0x80 || next == u'"' || next == u'\\')
                    break;
                ++end;
            }
            const qsizetype at = m_text.size();
            m_text.resize(at + (end - i));
            char *out = m_text.data() + at;
            for (qsizetype k = i; k < end; ++k)
                *out++ = char(value[k].unicode());
            i = end;
            continue;
        }
        ++i;
        m_text += '\\';
        switch (c) {
        case u'"':
            m_text += '"';
            break;
        case u'\\':
            m_text += '\\';
            break;
        case u'\n':
            m_text += 'n';
            break;
        case u'\r':
            m_text += 'r';
            break;
        case u'\t':
            m_text += 't';
            break;
        case u'\b':
            m_text += 'b';
            break;
        case u'\f':
            m_text += 'f';
            break;
        default:
            m_text += "u00";
            m_text += kHex[(c >> 4) & 0xf];
            m_text += kHex[c & 0xf];
        }
    }
}

} // namespace pnm
