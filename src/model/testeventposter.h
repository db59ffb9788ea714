// "Send test event": posts one realistic, correctly signed participant_joined request to our own
// listener over loopback, so a new user sees a row (and a valid signature) within seconds.
// Asynchronous (QNetworkAccessManager); GUI thread.
#pragma once

#include "verify/keyring.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QObject>

namespace pnm {

class TestEventPoster : public QObject
{
    Q_OBJECT
public:
    // Used when no key is configured: the row then shows "unverified", which is the truth.
    static constexpr char kSampleApiKey[] = "plugnmeet";
    static constexpr char kSampleSecret[] = "sample-secret-for-a-test-event";

    explicit TestEventPoster(QObject *parent = nullptr);

    // The body and headers that would be sent at nowSecs (exposed for tests).
    static QByteArray sampleBody(qint64 nowSecs, quint64 serial);

public slots:
    // Signs with the first configured key (sorted by name), else with the sample key.
    void post(const QHostAddress &listenAddress, quint16 port, const pnm::KeyRing &keys);

signals:
    void finished(bool ok, const QString &message);

private:
    QNetworkAccessManager m_network;
    quint64 m_serial = 0;
};

} // namespace pnm
