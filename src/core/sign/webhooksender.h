// Delivers WebhookJobs to one URL the way Plug-N-Meet does (protocol.md section 7): one at a time
// in queue order, each fully retried before the next, the token minted once before the first
// attempt and the identical request re-sent on retries. Lives on the thread that creates it
// (the CLI's main thread); reports through signals carrying value types.
#pragma once

#include "sign/retrypolicy.h"
#include "sign/webhookjob.h"

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkReply;

namespace pnm {

struct DeliveryReport
{
    int index = 0; // position in the queue, 0-based
    int copy = 1;  // 1, or 2.. for deliberate duplicates
    QString event, id;
    int status = 0;   // final HTTP status; 0 when no answer arrived
    QString error;    // transport error text when status is 0
    int attempts = 0; // 1..maxAttempts
    bool isDelivered() const { return status >= 200 && status < 300; }
};

struct DeliverySummary
{
    int jobs = 0;      // events handled
    int requests = 0;  // deliveries (a duplicated event counts twice)
    int delivered = 0; // answered 2xx
    int failed = 0;    // final answer not 2xx, or no answer
    int retried = 0;   // extra attempts made
};

class WebhookSender : public QObject
{
    Q_OBJECT
public:
    explicit WebhookSender(QObject *parent = nullptr);

    void setUrl(const QUrl &url) { m_url = url; }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    // Wall clock used to mint tokens and read Retry-After dates; unix milliseconds.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    // 0 = no limit (like the server, protocol.md 7). Otherwise a stalled request fails after this.
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    // The server does not check the receiver's certificate (protocol.md 1); neither do we unless
    // asked, so self-signed receivers work as they do with Plug-N-Meet.
    void setVerifyTls(bool verify) { m_verifyTls = verify; }
    // Earliest send time of each job, relative to start(); jobs still go strictly in order.
    void enqueue(const WebhookJob &job, qint64 notBeforeMs = 0);
    qsizetype queued() const { return m_queue.size(); }

    const DeliverySummary &summary() const { return m_summary; }
    bool isRunning() const { return m_running; }

public slots:
    void start();

signals:
    void attemptFinished(const pnm::DeliveryReport &report); // after every attempt
    void retryScheduled(const pnm::DeliveryReport &report, qint64 unscaledWaitMs);
    void deliveryFinished(const pnm::DeliveryReport &report); // final outcome of one request
    void finished(const pnm::DeliverySummary &summary);

private:
    struct Entry
    {
        WebhookJob job;
        qint64 notBeforeMs = 0;
    };
    void handleNextJob();
    void sendCurrent();
    void handleReply(QNetworkReply *reply);
    void finishCurrent();

    QNetworkAccessManager m_network;
    QUrl m_url;
    RetryPolicy m_policy;
    std::function<qint64()> m_nowMs;
    int m_transferTimeoutMs = 0;
    bool m_verifyTls = false;
    QList<Entry> m_queue;
    QElapsedTimer m_elapsed;
    bool m_running = false;

    qsizetype m_index = -1; // current job
    PreparedRequest m_request;
    DeliveryReport m_report;
    DeliverySummary m_summary;
};

} // namespace pnm

Q_DECLARE_METATYPE(pnm::DeliveryReport)
Q_DECLARE_METATYPE(pnm::DeliverySummary)
