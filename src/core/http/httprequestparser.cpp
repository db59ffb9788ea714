#include "http/httprequestparser.h"

#include <algorithm>
#include <cstring>
#include <llhttp.h>

namespace pnm {

struct HttpRequestParser::LlhttpState
{
    llhttp_t parser;
    llhttp_settings_t settings;
};

namespace {
HttpRequestParser *owner(llhttp_t *parser)
{
    return static_cast<HttpRequestParser *>(parser->data);
}

// Stands in for a byte >= 0x80 of the request line while strict llhttp reads it: an unreserved
// character (RFC 3986 section 2.3), valid wherever a target byte may stand.
constexpr char kObsTextStandIn = 'x';
} // namespace

// llhttp calls back with slices of the input; each callback appends into the request being built
// and enforces the limits as the bytes arrive, never after the fact (style.md section 4).
struct HttpRequestParser::Callbacks
{
    static int onMessageBegin(llhttp_t *p)
    {
        HttpRequestParser *self = owner(p);
        self->resetMessage();
        self->m_started = true;
        return HPE_OK;
    }
    static int onMethod(llhttp_t *p, const char *at, size_t len)
    {
        HttpRequestParser *self = owner(p);
        self->m_request.method.append(self->originalBytes(at), qsizetype(len));
        return HPE_OK;
    }
    static int onUrl(llhttp_t *p, const char *at, size_t len)
    {
        HttpRequestParser *self = owner(p);
        self->m_request.target.append(self->originalBytes(at), qsizetype(len));
        if (self->m_request.target.size() > self->m_limits.maxRequestLineBytes)
            return self->fail(414, QStringLiteral("request target longer than %1 bytes")
                                       .arg(self->m_limits.maxRequestLineBytes));
        return HPE_OK;
    }
    static int onUrlComplete(llhttp_t *p)
    {
        owner(p)->m_targetDone = true;
        return HPE_OK;
    }
    static int onVersion(llhttp_t *p, const char *at, size_t len)
    {
        HttpRequestParser *self = owner(p);
        self->m_request.httpVersion.append(self->originalBytes(at), qsizetype(len));
        return HPE_OK;
    }
    static int onHeaderField(llhttp_t *p, const char *at, size_t len)
    {
        HttpRequestParser *self = owner(p);
        if (self->m_inValue) {
            if (const int error = self->finishHeaderField())
                return error;
        }
        if (self->m_request.headers.size() >= self->m_limits.maxHeaderCount)
            return self->fail(
                431,
                QStringLiteral("more than %1 header fields").arg(self->m_limits.maxHeaderCount));
        self->m_field.append(self->originalBytes(at), qsizetype(len));
        return self->countHeaderBytes(len);
    }
    static int onHeaderValue(llhttp_t *p, const char *at, size_t len)
    {
        HttpRequestParser *self = owner(p);
        self->m_inValue = true;
        self->m_value.append(self->originalBytes(at), qsizetype(len));
        return self->countHeaderBytes(len);
    }
    // The field is kept as soon as its line ends: a request refused at the next line (a bad
    // name, too many bytes) still shows every field that arrived whole, its token too.
    static int onHeaderValueComplete(llhttp_t *p)
    {
        HttpRequestParser *self = owner(p);
        return self->finishHeaderField();
    }
    static int onHeadersComplete(llhttp_t *p)
    {
        HttpRequestParser *self = owner(p);
        if (self->m_inValue || !self->m_field.isEmpty()) {
            if (const int error = self->finishHeaderField())
                return error;
        }
        // llhttp still accepts HTTP/0.9-style request lines; nobody sends webhooks that way.
        if (p->http_major == 0)
            return self->fail(400,
                              QStringLiteral("malformed HTTP (request line has no HTTP version)"));
        // HTTP/2 and later do not speak this framing (RFC 9110 15.6.6).
        if (p->http_major != 1)
            return self->fail(505, QStringLiteral("HTTP/%1.%2 is not supported; send HTTP/1.1")
                                       .arg(p->http_major)
                                       .arg(p->http_minor));
        self->m_headersDone = true;
        self->m_request.method = llhttp_method_name(llhttp_method_t(p->method));
        self->m_request.keepAlive = llhttp_should_keep_alive(p) != 0;
        const bool chunked = (p->flags & F_CHUNKED) != 0;
        if (!chunked && (p->flags & F_CONTENT_LENGTH))
            self->m_declaredLength = qint64(p->content_length);
        // Reject an oversized body before reading a byte of it (and before any 100 Continue).
        if (self->m_declaredLength > self->m_limits.maxBodyBytes)
            return self->fail(413,
                              QStringLiteral("declared body of %1 bytes exceeds the limit of %2")
                                  .arg(self->m_declaredLength)
                                  .arg(self->m_limits.maxBodyBytes));
        // Reserve what a webhook needs, not what a header claims: hundreds of connections each
        // declaring the limit and sending nothing would otherwise reserve gigabytes up front.
        constexpr qint64 kMaxReserveBytes = 64 * 1024;
        if (self->m_declaredLength > 0)
            self->m_request.body.reserve(std::min(self->m_declaredLength, kMaxReserveBytes));
        // Stop here only when a body follows: that is when a client may wait for 100 Continue.
        // A request without one completes within this same call.
        const bool bodyFollows = chunked || self->m_declaredLength > 0;
        return bodyFollows ? HPE_PAUSED : HPE_OK;
    }
    static int onBody(llhttp_t *p, const char *at, size_t len)
    {
        HttpRequestParser *self = owner(p);
        if (self->m_request.body.size() + qsizetype(len) > self->m_limits.maxBodyBytes)
            return self->fail(413, QStringLiteral("body exceeds the limit of %1 bytes")
                                       .arg(self->m_limits.maxBodyBytes));
        self->m_request.body.append(self->originalBytes(at), qsizetype(len));
        return HPE_OK;
    }
    static int onMessageComplete(llhttp_t *p)
    {
        HttpRequestParser *self = owner(p);
        self->m_messageDone = true;
        self->m_request.bodyComplete = true;
        self->m_targetDone = false; // the next request line follows
        return HPE_PAUSED;
    }
};

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits), m_llhttp(std::make_unique<LlhttpState>())
{
    llhttp_settings_init(&m_llhttp->settings);
    m_llhttp->settings.on_message_begin = &Callbacks::onMessageBegin;
    m_llhttp->settings.on_method = &Callbacks::onMethod;
    m_llhttp->settings.on_url = &Callbacks::onUrl;
    m_llhttp->settings.on_url_complete = &Callbacks::onUrlComplete;
    m_llhttp->settings.on_version = &Callbacks::onVersion;
    m_llhttp->settings.on_header_field = &Callbacks::onHeaderField;
    m_llhttp->settings.on_header_value = &Callbacks::onHeaderValue;
    m_llhttp->settings.on_header_value_complete = &Callbacks::onHeaderValueComplete;
    m_llhttp->settings.on_headers_complete = &Callbacks::onHeadersComplete;
    m_llhttp->settings.on_body = &Callbacks::onBody;
    m_llhttp->settings.on_message_complete = &Callbacks::onMessageComplete;
    llhttp_init(&m_llhttp->parser, HTTP_REQUEST, &m_llhttp->settings);
    m_llhttp->parser.data = this;
}

HttpRequestParser::~HttpRequestParser() = default;

int HttpRequestParser::fail(int status, QString text)
{
    m_errorStatus = status;
    m_errorText = std::move(text);
    return HPE_USER;
}

// RFC 9112 section 5.1: a field name is a token, and whitespace before the colon must be rejected.
// Strict llhttp refuses such names itself; this check keeps the rule (and a clear message) should
// llhttp ever be built leniently, as it is by default.
int HttpRequestParser::finishHeaderField()
{
    static constexpr QByteArrayView kTokenSymbols = "!#$%&'*+-.^_`|~";
    const bool validName =
        !m_field.isEmpty() && std::all_of(m_field.cbegin(), m_field.cend(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   kTokenSymbols.contains(c);
        });
    if (!validName)
        return fail(400, QStringLiteral("malformed HTTP (invalid header field name '%1')")
                             .arg(QString::fromLatin1(m_field.left(64).toPercentEncoding(" "))));
    m_request.headers.append(m_field, m_value);
    m_field.clear();
    m_value.clear();
    m_inValue = false;
    return HPE_OK;
}

int HttpRequestParser::countHeaderBytes(size_t len)
{
    m_headerBytes += qsizetype(len);
    if (m_headerBytes > m_limits.maxHeaderBytes)
        return fail(
            431, QStringLiteral("header fields larger than %1 bytes").arg(m_limits.maxHeaderBytes));
    return HPE_OK;
}

void HttpRequestParser::resetMessage()
{
    m_request = HttpRequest{};
    m_field.clear();
    m_value.clear();
    m_inValue = false;
    m_started = false;
    m_headersDone = false;
    m_messageDone = false;
    m_headerBytes = 0;
    m_declaredLength = -1;
}

bool HttpRequestParser::expectsContinue() const
{
    const auto expect = m_request.headers.value("Expect");
    return expect && expect->trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    resetMessage();
    return request;
}

const char *HttpRequestParser::originalBytes(const char *at) const
{
    if (m_maskedCopy && at >= m_maskedCopy && at < m_maskedCopy + m_maskedSize)
        return m_maskedOriginal + (at - m_maskedCopy);
    return at;
}

// How much of `data` belongs to the request line still being read: up to and including its LF
// (after any empty lines before a request, which llhttp skips), or all of it.
qsizetype HttpRequestParser::requestLineBytes(const char *data, qsizetype size) const
{
    qsizetype start = 0;
    if (!m_started) {
        while (start < size && (data[start] == '\r' || data[start] == '\n'))
            ++start;
    }
    const void *lf = std::memchr(data + start, '\n', size_t(size - start));
    return lf ? static_cast<const char *>(lf) - data + 1 : size;
}

HttpRequestParser::Event HttpRequestParser::feed(const char *data, qsizetype size,
                                                 qsizetype *consumed)
{
    *consumed = 0;
    if (m_errorStatus != 0)
        return Event::Error;
    llhttp_t *parser = &m_llhttp->parser;
    if (llhttp_get_errno(parser) == HPE_PAUSED)
        llhttp_resume(parser);
    if (size == 0)
        return Event::NeedMoreData;

    // Strict llhttp refuses bytes >= 0x80 (obs-text) in the request-target, which RFC 3986 keeps
    // ASCII. Go's net/http still sends a webhook URL's query as configured (url.URL.RequestURI
    // keeps RawQuery verbatim), so a Plug-N-Meet URL typed with "?room=café" arrives as raw UTF-8,
    // which Go's own server and Node's lenient llhttp take. llhttp reads the request line from a
    // copy with kObsTextStandIn in place of those bytes; the callbacks take the original bytes at
    // the same offsets, so the recorded target is exact. Nothing else is loosened.
    if (!m_targetDone) {
        const auto isObsText = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
        const qsizetype lineBytes = requestLineBytes(data, size);
        const char *lineEnd = data + lineBytes;
        if (std::any_of(data, lineEnd, isObsText)) {
            QByteArray masked(data, lineBytes);
            std::replace_if(masked.begin(), masked.end(), isObsText, kObsTextStandIn);
            m_maskedCopy = masked.constData();
            m_maskedSize = lineBytes;
            m_maskedOriginal = data;
            const Event event = execute(masked.constData(), lineBytes, consumed);
            m_maskedCopy = nullptr;
            if (event != Event::NeedMoreData || lineBytes == size)
                return event;
            qsizetype rest = 0;
            const Event next = execute(lineEnd, size - lineBytes, &rest);
            *consumed += rest;
            return next;
        }
    }
    return execute(data, size, consumed);
}

HttpRequestParser::Event HttpRequestParser::execute(const char *data, qsizetype size,
                                                    qsizetype *consumed)
{
    llhttp_t *parser = &m_llhttp->parser;
    const llhttp_errno_t err = llhttp_execute(parser, data, size_t(size));
    if (err == HPE_OK) {
        *consumed = size;
        return Event::NeedMoreData;
    }
    if (err == HPE_PAUSED) {
        *consumed = qsizetype(llhttp_get_error_pos(parser) - data);
        return m_messageDone   ? Event::RequestComplete
               : m_errorStatus ? Event::Error
                               : Event::HeadersComplete;
    }
    // Anything else is a protocol error (or one of our limits, which set the status already).
    const char *pos = llhttp_get_error_pos(parser);
    *consumed = pos ? qsizetype(pos - data) : size;
    if (m_errorStatus == 0) {
        m_errorStatus = 400;
        m_errorText = QStringLiteral("malformed HTTP (%1: %2)")
                          .arg(QString::fromLatin1(llhttp_errno_name(err)),
                               QString::fromLatin1(llhttp_get_error_reason(parser)));
    }
    return Event::Error;
}

} // namespace pnm
