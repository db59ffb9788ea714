// Loads ../shared/vectors/plugnmeet-webhooks.json for tests: each vector's headers (in file
// order), exact body bytes, key, clock and expected verdict.
#pragma once

#include "http/httpheaders.h"

#include <QList>
#include <QString>

namespace pnm::test {

struct WebhookVector
{
    QString name;
    QString event;
    HttpHeaders headers; // as in the file, in file order
    QByteArray body;     // UTF-8 bytes of the body string
    QString apiKey;
    QByteArray apiSecret;
    qint64 verifyAt = 0;
    qint64 leewaySecs = 60;
    QString expect; // what this receiver must say (we strip "Bearer ", so lenient -> valid)
};

QList<WebhookVector> loadVectors(QString *error = nullptr);

} // namespace pnm::test
