// Everything known about one request the listener saw, good or bad: what arrived (exactly), what
// we answered, and what verification and decoding made of it. The unit that crosses from the
// ingest thread to consumers (headless writer, GUI batcher, store). A value type.
#pragma once

#include "events/webhookevent.h"
#include "http/httpheaders.h"
#include "verify/verification.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace pnm {

struct RecordedRequest
{
    quint64 seq = 0;         // 1-based, per listener run, in arrival order
    qint64 receivedAtMs = 0; // unix ms when the request was complete (or rejected)
    QString remoteAddress;
    quint16 remotePort = 0;
    QByteArray method, target, httpVersion; // as sent; empty when the request line never parsed
    HttpHeaders headers;                    // original order and casing
    QByteArray body;                        // exact bytes (possibly partial for a rejected request)
    // A row read for a table only (RequestRow::Detail::Light) leaves the body out and keeps its
    // size here; -1 when the body is present.
    qsizetype leftOutBodySize = -1;
    bool bodyComplete = true;
    int status = 0;        // the HTTP status we answered
    QString protocolError; // why the HTTP layer rejected it (400/408/413/431...), else empty
    Verification verification;
    WebhookEvent event;

    // The request target as text: UTF-8 when its bytes are (Go sends a configured URL's query
    // as raw UTF-8), else one character per byte, as header values are shown.
    QString targetText() const;
    // The body's size in bytes, also when the body was left out.
    qsizetype bodySize() const { return leftOutBodySize >= 0 ? leftOutBodySize : body.size(); }
    // The decoded event's summary members (event, id, room, ... or body_error). A body cut
    // short is not decoded: its body_error says how much of it arrived.
    void writeEventSummary(JsonTextWriter &out) const;
    // One line of the headless NDJSON output (README "Output format").
    QJsonObject toJson() const;
    // The same members as compact JSON text with its newline, in the README's order, written
    // directly: the headless monitor prints one per request.
    QByteArray toJsonLine() const;
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::RecordedRequest)
