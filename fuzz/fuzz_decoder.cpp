// libFuzzer target: arbitrary bytes through the event decoder, then the decoded event through
// the summary writer and the encoder (what headless output and "send test event" do with it).
#include "events/eventdecoder.h"
#include "sign/eventencoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const pnm::WebhookEvent event = pnm::EventDecoder::decode(body);
    (void)event.toSummaryJson();
    if (event.isDecoded()) {
        // What we write, we must read back as the same event name and id.
        const pnm::WebhookEvent again = pnm::EventDecoder::decode(pnm::EventEncoder::encode(event));
        if (!again.isDecoded())
            __builtin_trap();
    }
    return 0;
}
