// libFuzzer target: arbitrary header lines and body through the webhook verifier. Input layout:
// header lines ("Name: value\n") up to the first NUL byte, then the body. Checks the invariants
// the GUI relies on: a verdict with at least one step, and no secret in any detail text.
#include "verify/webhookverifier.h"

#include <cstddef>
#include <cstdint>

namespace {
const QByteArray kSecret = "fuzz-secret-value-never-shown";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = input.indexOf('\0');
    const QByteArray head = split < 0 ? input : input.left(split);
    const QByteArray body = split < 0 ? QByteArray() : input.mid(split + 1);
    pnm::HttpHeaders headers;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append(line.left(colon), line.mid(colon + 1).trimmed());
    }
    pnm::KeyRing keys;
    keys.insert(QStringLiteral("plugnmeet"), kSecret);
    keys.insert(QStringLiteral("other"), "x");
    const pnm::WebhookVerifier verifier(keys, 60);
    for (const qint64 now : {qint64(1767225600), qint64(0), std::numeric_limits<qint64>::max() / 2}) {
        const pnm::Verification result = verifier.verify(headers, body, now);
        if (result.steps.isEmpty())
            __builtin_trap();
        for (const pnm::VerificationStep &step : result.steps) {
            if (step.detail.contains(QString::fromLatin1(kSecret)))
                __builtin_trap();
        }
        (void)result.toJson();
    }
    (void)pnm::WebhookVerifier(pnm::KeyRing{}, 60).verify(headers, body, 1767225600);
    return 0;
}
