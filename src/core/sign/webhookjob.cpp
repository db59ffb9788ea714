#include "sign/webhookjob.h"

#include "sign/eventbuilder.h"
#include "sign/meetingscenario.h"

namespace pnm {

namespace {

// A change a proxy or an attacker might make that keeps the body valid JSON and decodable: the
// last digit of created_at moves by one; bodies without it get a space after the first brace.
QByteArray tampered(QByteArray body)
{
    const QByteArray marker = "\"created_at\":\"";
    qsizetype at = body.lastIndexOf(marker);
    if (at >= 0) {
        qsizetype end = body.indexOf('"', at + marker.size());
        if (end > at + marker.size()) {
            char &digit = body[end - 1];
            if (digit >= '0' && digit <= '9') {
                digit = digit == '9' ? '8' : char(digit + 1);
                return body;
            }
        }
    }
    const qsizetype brace = body.indexOf('{');
    return brace >= 0 ? body.insert(brace + 1, ' ') : body.append(' ');
}

} // namespace

QByteArray WebhookJob::contentType(bool legacy)
{
    return legacy ? QByteArrayLiteral("application/webhook+json")
                  : QByteArrayLiteral("application/json");
}

PreparedRequest WebhookJob::prepare(qint64 nowSecs) const
{
    PreparedRequest request;
    request.body = body;
    if (fixedHeaders) {
        request.headers = *fixedHeaders;
        return request;
    }
    const QByteArray signingSecret = faults.wrongSecret ? secret + "-wrong" : secret;
    const TokenSigner signer(apiKey, signingSecret);
    const qint64 signedAt = nowSecs + faults.clockShiftSecs;
    const QByteArray token = layout == TokenLayout::GoCurrent
                                 ? signer.signWebhook(body, signedAt)
                                 : signer.sign(signer.webhookClaims(body, signedAt), layout);
    if (faults.tamperBody)
        request.body = tampered(body);
    // Go's net/http order: User-Agent first, then the handler's headers sorted by name, then the
    // transport's Accept-Encoding (protocol.md section 1).
    request.headers.append("User-Agent", "Go-http-client/1.1");
    request.headers.append("Authorization", token); // bare JWT, no "Bearer "
    request.headers.append("Content-Type", contentType(legacyContentType));
    request.headers.append("Hash-Token", token);
    request.headers.append("Accept-Encoding", "gzip");
    return request;
}

PreparedRequest buildTestRequest(const QString &event, const QString &apiKey,
                                 const QByteArray &secret, qint64 nowSecs)
{
    QRandomGenerator random = QRandomGenerator::securelySeeded();
    const EventSpec spec = MeetingScenario::sample(event, nowSecs, random);
    WebhookJob job;
    job.event = spec.event;
    job.id = spec.id;
    job.body = EventBuilder::body(spec);
    job.apiKey = apiKey;
    job.secret = secret;
    return job.prepare(nowSecs);
}

} // namespace pnm
