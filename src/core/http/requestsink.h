// The listener's only way out: it hands every complete request, and every request it had to
// reject, to a RequestSink. The listener knows nothing of tokens or events (style.md section 4).
#pragma once

#include "http/httprequest.h"

#include <QHostAddress>
#include <QPointer>
#include <functional>

namespace pnm {

class HttpConnection;

struct PeerInfo
{
    QHostAddress address;
    quint16 port = 0;
    quint64 connectionId = 0; // distinct per accepted connection within a listener run
};

// A request the HTTP layer answered itself (400, 408, 413, 414, 431, 503) with whatever of it had
// arrived, so it can still be recorded.
struct RejectedRequest
{
    HttpRequest partial;
    PeerInfo peer;
    int status = 400;
    QString reason;
};

// Answers one request. Copyable; answering twice, or after the client went away, does nothing.
// Call it on the listener's thread (the session store hands its completions back there). From
// another thread it posts the answer to the connection's thread, but reading the guard there
// races with the connection's deletion, so do that only while the connection is known to live.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 requestNumber);
    void send(const HttpResponse &response) const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_requestNumber = 0;
};

class RequestSink
{
public:
    virtual ~RequestSink() = default;
    // Called on the listener's thread. The sink must call responder.send() exactly once, now or
    // later; the connection reads no further request until then (answers stay in order).
    virtual void handleRequest(HttpRequest request, const PeerInfo &peer,
                               HttpResponder responder) = 0;
    // Called on the listener's thread after the HTTP layer answered a bad request itself.
    virtual void handleRejected(const RejectedRequest &rejected) = 0;
};

} // namespace pnm
