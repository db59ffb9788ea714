// Small helpers shared by the event tests: JSON text as an object, and a shared vector's body
// by name (the vectors themselves come from tests/support/vectors.h).
#pragma once

#include "../../support/vectors.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pnm::test {

inline QJsonObject jsonObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// Stops the test program when the name is missing: a renamed vector must not pass silently.
inline QByteArray vectorBody(const QList<WebhookVector> &vectors, const QString &name)
{
    for (const WebhookVector &vector : vectors) {
        if (vector.name == name)
            return vector.body;
    }
    qFatal("no vector named %s", qPrintable(name));
}

} // namespace pnm::test
