// A parsed HTTP/1.x request (or as much of one as arrived before it was rejected), the response
// we send back, and the limits that bound both. Value types.
#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QString>

namespace pnm {

struct HttpRequest
{
    QByteArray method;      // "POST"; empty when the request line never completed
    QByteArray target;      // request-target as sent ("/webhook?x=1")
    QByteArray httpVersion; // "HTTP/1.1"
    HttpHeaders headers;    // original order and casing
    QByteArray body;        // exact bytes after de-chunking
    bool keepAlive = true;
    bool bodyComplete = false;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray body;
    HttpHeaders extraHeaders;
    bool closeConnection = false;

    static QByteArray reasonPhrase(int status);
    // The bytes to put on the wire. HEAD answers carry the length but no body (RFC 9110 9.3.2).
    QByteArray serialize(bool headRequest = false) const;
};

// Defaults sized for Plug-N-Meet's bodies (a few KiB) with generous head-room.
struct HttpLimits
{
    static constexpr qsizetype kDefaultMaxBodyBytes = 4 * 1024 * 1024;
    static constexpr qsizetype kDefaultMaxHeaderBytes = 32 * 1024;
    static constexpr qsizetype kDefaultMaxRequestLineBytes = 8 * 1024;
    static constexpr int kDefaultMaxHeaderCount = 100;
    static constexpr int kDefaultRequestTimeoutMs = 15'000;
    static constexpr int kDefaultIdleTimeoutMs = 120'000;
    static constexpr int kDefaultMaxConnections = 512;

    qsizetype maxBodyBytes = kDefaultMaxBodyBytes;
    qsizetype maxHeaderBytes = kDefaultMaxHeaderBytes;           // all field names and values
    qsizetype maxRequestLineBytes = kDefaultMaxRequestLineBytes; // the request-target
    int maxHeaderCount = kDefaultMaxHeaderCount;
    int requestTimeoutMs = kDefaultRequestTimeoutMs; // from a request's first byte to its last
    int idleTimeoutMs = kDefaultIdleTimeoutMs;       // keep-alive connection with nothing arriving
    int maxConnections = kDefaultMaxConnections;
};

} // namespace pnm

#include <QMetaType>
Q_DECLARE_METATYPE(pnm::HttpLimits)
