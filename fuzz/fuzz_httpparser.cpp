// libFuzzer target: arbitrary bytes in arbitrary chunkings through the HTTP request parser,
// driven the way HttpConnection drives it (take each request, resume, stop at the first error).
// The first byte seeds the chunk sizes so the fuzzer explores splits as well as content.
#include "http/httprequestparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    pnm::HttpLimits limits;
    limits.maxBodyBytes = 64 * 1024; // small limits reach the limit paths quickly
    limits.maxHeaderBytes = 4 * 1024;
    limits.maxRequestLineBytes = 1024;
    limits.maxHeaderCount = 20;
    pnm::HttpRequestParser parser(limits);
    unsigned chunkSeed = data[0];
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    qsizetype remaining = qsizetype(size - 1);
    QByteArray pending;
    while (remaining > 0 || !pending.isEmpty()) {
        chunkSeed = chunkSeed * 1103515245u + 12345u;
        const qsizetype piece = qMin<qsizetype>(remaining, 1 + (chunkSeed >> 16) % 97);
        pending.append(bytes, piece);
        bytes += piece;
        remaining -= piece;
        for (;;) {
            qsizetype consumed = 0;
            const auto event = parser.feed(pending, &consumed);
            if (consumed < 0 || consumed > pending.size())
                __builtin_trap(); // the parser must never claim bytes it was not given
            pending.remove(0, consumed);
            if (event == pnm::HttpRequestParser::Event::Error) {
                if (parser.errorStatus() < 400 || parser.errorStatus() > 599)
                    __builtin_trap();
                return 0;
            }
            if (event == pnm::HttpRequestParser::Event::RequestComplete) {
                const pnm::HttpRequest request = parser.takeRequest();
                if (request.body.size() > limits.maxBodyBytes)
                    __builtin_trap();
                continue;
            }
            if (event == pnm::HttpRequestParser::Event::NeedMoreData || pending.isEmpty())
                break;
        }
        if (remaining == 0)
            break;
    }
    return 0;
}
