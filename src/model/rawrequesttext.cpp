#include "rawrequesttext.h"

#include <QStringDecoder>

namespace pnm {

namespace {

QString readable(const QByteArray &bytes)
{
    // A byte order mark stays: it is part of the body, and of the command that sends it again.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    QString escaped;
    for (const char c : bytes) {
        const auto byte = uchar(c);
        if ((byte >= 0x20 && byte < 0x7f) || c == '\n' || c == '\r' || c == '\t')
            escaped.append(QLatin1Char(c));
        else
            escaped.append(QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0')));
    }
    return escaped;
}

// POSIX shell single quoting: ' becomes '\''
QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

QString RawRequestText::text(const RecordedRequest &request)
{
    QString out;
    if (!request.method.isEmpty())
        out +=
            QString::fromLatin1(request.method + ' ' + request.target + ' ' + request.httpVersion) +
            QStringLiteral("\n");
    for (const HttpHeaderField &field : request.headers.fields())
        out += readable(field.name) + QStringLiteral(": ") + readable(field.value) + u'\n';
    out += u'\n';
    out += readable(request.body);
    if (!request.bodyComplete)
        out += QStringLiteral("\n[body incomplete: the request was cut off]");
    return out;
}

QString RawRequestText::curlCommand(const RecordedRequest &request, const QString &baseUrl)
{
    QString command =
        QStringLiteral("curl -sS -X ") +
        QString::fromLatin1(request.method.isEmpty() ? QByteArray("POST") : request.method);
    command += u' ' + shellQuote(baseUrl + request.targetText());
    for (const HttpHeaderField &field : request.headers.fields()) {
        const QByteArray lower = field.name.toLower();
        // curl sets these itself from the data and the URL.
        if (lower == "content-length" || lower == "host" || lower == "transfer-encoding")
            continue;
        command += QStringLiteral(" \\\n  -H ") +
                   shellQuote(readable(field.name) + QStringLiteral(": ") + readable(field.value));
    }
    if (!request.body.isEmpty())
        command += QStringLiteral(" \\\n  --data-binary ") + shellQuote(readable(request.body));
    return command;
}

} // namespace pnm
