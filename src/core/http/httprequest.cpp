#include "http/httprequest.h"

#include <QDateTime>
#include <QLocale>

namespace pnm {

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 417:
        return "Expectation Failed";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

namespace {
// RFC 9110 6.6.1: every answer of a server with a clock carries one. Formatted once a second.
QByteArray httpDate()
{
    thread_local qint64 cachedSecs = -1;
    thread_local QByteArray cached;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != cachedSecs) {
        cachedSecs = now;
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
    }
    return cached;
}
} // namespace

QByteArray HttpResponse::serialize(bool headRequest) const
{
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Server: pnm-webhook-monitor\r\n";
    out += "Date: " + httpDate() + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const HttpHeaderField &field : extraHeaders.fields())
        out += field.name + ": " + field.value + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headRequest)
        out += body;
    return out;
}

} // namespace pnm
