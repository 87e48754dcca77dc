// Engine.IO v4 encode/decode: pure functions over bytes, as engine.io-parser does it.
// WebSocket carries one packet per frame; long-polling joins packets with a record separator
// and sends binary as "b" + base64.
#pragma once

#include "decoded.h"
#include "enginepacket.h"

#include <QList>

namespace TableTap::EngineCodec {

inline constexpr char RecordSeparator = '\x1e';
inline constexpr int ProtocolVersion = 4;

// One packet for a websocket text frame ("4hello"). Binary packets go as raw binary frames.
QByteArray encodeText(const EnginePacket &packet);
Decoded<EnginePacket> decodeText(QByteArrayView frame);
EnginePacket decodeBinaryFrame(const QByteArray &frame);

// Long-polling body: packets joined by 0x1e, binary as "b<base64>".
QByteArray encodePayload(const QList<EnginePacket> &packets);
Decoded<QList<EnginePacket>> decodePayload(QByteArrayView body);

// Size a packet takes in a polling payload (for maxPayload accounting).
qsizetype encodedPayloadSize(const EnginePacket &packet);

const char *typeName(EnginePacket::Type type);

} // namespace TableTap::EngineCodec
