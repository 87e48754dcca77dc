// libFuzzer target: Engine.IO decoders (websocket frames, polling payloads, handshakes).
// Whatever the bytes, decoding returns a value or an error; a decoded payload re-encodes to
// bytes that decode to the same packets.
#include "enginecodec.h"
#include "enginehandshake.h"

#include <cstdlib>

using namespace TableTap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)EngineCodec::decodeText(bytes);
    (void)EngineHandshake::fromJson(bytes);
    const auto payload = EngineCodec::decodePayload(bytes);
    if (payload.ok()) {
        const QByteArray again = EngineCodec::encodePayload(*payload);
        const auto back = EngineCodec::decodePayload(again);
        if (!back.ok() || *back != *payload)
            std::abort();
    }
    return 0;
}
