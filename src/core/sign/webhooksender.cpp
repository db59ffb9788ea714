#include "sign/webhooksender.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>
#include <algorithm>

namespace pnm {

WebhookSender::WebhookSender(QObject *parent)
    : QObject(parent), m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<DeliveryReport>();
    qRegisterMetaType<DeliverySummary>();
}

void WebhookSender::enqueue(const WebhookJob &job, qint64 notBeforeMs)
{
    m_queue.append({job, notBeforeMs});
}

void WebhookSender::start()
{
    if (m_running)
        return;
    m_running = true;
    m_summary = {};
    m_index = -1;
    m_elapsed.start();
    handleNextJob();
}

void WebhookSender::handleNextJob()
{
    ++m_index;
    if (m_index >= m_queue.size()) {
        m_running = false;
        emit finished(m_summary);
        return;
    }
    const Entry &entry = m_queue.at(m_index);
    ++m_summary.jobs;
    const qint64 dueInMs = std::max<qint64>(entry.notBeforeMs - m_elapsed.elapsed(), 0);
    // Always through the event loop, so a long queue never recurses and signals interleave.
    QTimer::singleShot(dueInMs, this, [this] {
        const WebhookJob &job = m_queue.at(m_index).job;
        // Minted once, before the first attempt; retries and duplicates reuse it (protocol.md 2).
        m_request = job.prepare(m_nowMs() / 1000);
        m_report = {};
        m_report.index = int(m_index);
        m_report.event = job.event;
        m_report.id = job.id;
        sendCurrent();
    });
}

void WebhookSender::sendCurrent()
{
    ++m_report.attempts;
    QNetworkRequest request(m_url);
    for (const HttpHeaderField &field : m_request.headers.fields()) {
        // Framing is the HTTP stack's job; the recorded values may not match the body any more.
        if (field.name.compare("Content-Length", Qt::CaseInsensitive) == 0 ||
            field.name.compare("Host", Qt::CaseInsensitive) == 0 ||
            field.name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            continue;
        request.setRawHeader(field.name, field.value);
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_transferTimeoutMs);
    QNetworkReply *reply = m_network.post(request, m_request.body);
#if QT_CONFIG(ssl)
    if (!m_verifyTls)
        connect(reply, &QNetworkReply::sslErrors, reply,
                [reply](const QList<QSslError> &errors) { reply->ignoreSslErrors(errors); });
#endif
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleReply(reply); });
}

void WebhookSender::handleReply(QNetworkReply *reply)
{
    reply->deleteLater();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_report.status = status.isValid() ? status.toInt() : 0;
    m_report.error = m_report.status == 0 ? reply->errorString() : QString();
    emit attemptFinished(m_report);

    if (RetryPolicy::shouldRetry(m_report.status) && m_report.attempts < m_policy.maxAttempts) {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_nowMs(), Qt::UTC);
        const qint64 waitMs = RetryPolicy::waitMs(m_report.attempts, m_report.status,
                                                  reply->rawHeader("Retry-After"), now);
        ++m_summary.retried;
        emit retryScheduled(m_report, waitMs);
        QTimer::singleShot(m_policy.scaled(waitMs), this, [this] { sendCurrent(); });
        return;
    }
    finishCurrent();
}

void WebhookSender::finishCurrent()
{
    ++m_summary.requests;
    if (m_report.isDelivered())
        ++m_summary.delivered;
    else
        ++m_summary.failed;
    emit deliveryFinished(m_report);

    if (m_report.copy < m_queue.at(m_index).job.copies) {
        // A deliberate duplicate: the byte-identical request once more (same id, same token).
        const int copy = m_report.copy + 1;
        m_report.copy = copy;
        m_report.attempts = 0;
        m_report.status = 0;
        m_report.error.clear();
        QTimer::singleShot(0, this, [this] { sendCurrent(); });
        return;
    }
    handleNextJob();
}

} // namespace pnm
