// What the ingest pipeline needs to know beyond the HTTP limits. A value type.
#pragma once

#include "verify/keyring.h"
#include "verify/webhookverifier.h"

#include <functional>

namespace pnm {

struct IngestOptions
{
    KeyRing keys;
    qint64 leewaySecs = WebhookVerifier::kDefaultLeewaySecs;
    // A monitor observes: by default every recorded POST is answered 200 (issue 2). With this, a
    // request that fails verification gets 401, as a strict receiver would answer.
    bool rejectInvalid = false;
    // Unix ms "now"; empty means the system clock. Tests and replays inject their own.
    std::function<qint64()> clock;
};

} // namespace pnm

#include <QMetaType>
Q_DECLARE_METATYPE(pnm::IngestOptions)
