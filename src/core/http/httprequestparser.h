// Incremental HTTP/1.x request parser over llhttp: bytes in, one event at a time out (headers
// ready, request ready, or an error with the status to answer). No sockets, so tests can drive it
// one byte at a time. Stops after each request so pipelined requests are answered in order.
// llhttp is built in strict mode (cmake/FindLlhttp.cmake; what that refuses: docs/http.md).
#pragma once

#include "http/httprequest.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace pnm {

class HttpRequestParser
{
public:
    enum class Event
    {
        NeedMoreData,    // everything given was consumed; feed more
        HeadersComplete, // the head of a request is in (check Expect: 100-continue); feed on
        RequestComplete, // takeRequest(), then feed the rest
        Error,           // errorStatus() / errorText(); the connection must be closed
    };

    explicit HttpRequestParser(const HttpLimits &limits = {});
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Consumes bytes from data until an event other than NeedMoreData happens or data runs out;
    // *consumed says how many bytes were used. After Error, nothing more is consumed.
    Event feed(const char *data, qsizetype size, qsizetype *consumed);
    Event feed(QByteArrayView data, qsizetype *consumed)
    {
        return feed(data.data(), data.size(), consumed);
    }

    // The request as parsed so far (method, target, headers, body); complete after RequestComplete.
    const HttpRequest &current() const { return m_request; }
    HttpRequest takeRequest();

    bool isMidRequest() const { return m_started; }
    bool headersDone() const { return m_headersDone; }
    bool expectsContinue() const;
    // Declared Content-Length once the head is in, or -1 (absent or chunked).
    qint64 declaredContentLength() const { return m_declaredLength; }

    int errorStatus() const { return m_errorStatus; }
    QString errorText() const { return m_errorText; }

private:
    struct Callbacks;
    friend struct Callbacks;
    Event execute(const char *data, qsizetype size, qsizetype *consumed);
    qsizetype requestLineBytes(const char *data, qsizetype size) const;
    const char *originalBytes(const char *at) const;
    int fail(int status, QString text);
    int countHeaderBytes(size_t len);
    int finishHeaderField();
    void resetMessage();

    HttpLimits m_limits;
    struct LlhttpState;
    std::unique_ptr<LlhttpState> m_llhttp;

    HttpRequest m_request;
    QByteArray m_field, m_value;
    bool m_inValue = false;
    bool m_started = false;
    bool m_headersDone = false;
    bool m_messageDone = false;
    bool m_targetDone = false; // the request-target of the request being read is complete
    // While llhttp reads a masked copy of the request line (see feed()): where the copy is and
    // the input it stands for, so callbacks can hand on the original bytes.
    const char *m_maskedCopy = nullptr;
    qsizetype m_maskedSize = 0;
    const char *m_maskedOriginal = nullptr;
    qsizetype m_headerBytes = 0;
    qint64 m_declaredLength = -1;
    int m_errorStatus = 0;
    QString m_errorText;
};

} // namespace pnm
