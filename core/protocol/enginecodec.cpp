// Engine.IO v4 codec.
#include "enginecodec.h"

namespace TableTap::EngineCodec {

QByteArray encodeText(const EnginePacket &packet)
{
    QByteArray out;
    out.reserve(packet.data.size() + 1);
    out.append(char('0' + int(packet.type)));
    out.append(packet.data);
    return out;
}

Decoded<EnginePacket> decodeText(QByteArrayView frame)
{
    if (frame.isEmpty())
        return Decoded<EnginePacket>::failure(QStringLiteral("empty packet"));
    const char t = frame.front();
    if (t < '0' || t > '6')
        return Decoded<EnginePacket>::failure(QStringLiteral("unknown packet type"));
    return EnginePacket{EnginePacket::Type(t - '0'), frame.sliced(1).toByteArray(), false};
}

EnginePacket decodeBinaryFrame(const QByteArray &frame)
{
    return EnginePacket::binaryMessage(frame);
}

qsizetype encodedPayloadSize(const EnginePacket &packet)
{
    if (packet.binary)
        return 1 + (packet.data.size() + 2) / 3 * 4;
    return 1 + packet.data.size();
}

QByteArray encodePayload(const QList<EnginePacket> &packets)
{
    qsizetype total = packets.size();
    for (const EnginePacket &p : packets)
        total += encodedPayloadSize(p);
    QByteArray out;
    out.reserve(total);
    bool first = true;
    for (const EnginePacket &p : packets) {
        if (!first)
            out.append(RecordSeparator);
        first = false;
        if (p.binary) {
            out.append('b');
            out.append(p.data.toBase64());
        } else {
            out.append(char('0' + int(p.type)));
            out.append(p.data);
        }
    }
    return out;
}

Decoded<QList<EnginePacket>> decodePayload(QByteArrayView body)
{
    QList<EnginePacket> packets;
    if (body.isEmpty())
        return Decoded<QList<EnginePacket>>::failure(QStringLiteral("empty payload"));
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf(RecordSeparator, start);
        if (end < 0)
            end = body.size();
        const QByteArrayView part = body.sliced(start, end - start);
        if (part.startsWith('b')) {
            const auto decoded = QByteArray::fromBase64Encoding(
                part.sliced(1).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return Decoded<QList<EnginePacket>>::failure(
                    QStringLiteral("invalid base64 in payload"));
            packets.append(EnginePacket::binaryMessage(decoded.decoded));
        } else {
            auto packet = decodeText(part);
            if (!packet)
                return Decoded<QList<EnginePacket>>::failure(packet.error());
            packets.append(std::move(packet).value());
        }
        start = end + 1;
    }
    return packets;
}

const char *typeName(EnginePacket::Type type)
{
    switch (type) {
    case EnginePacket::Type::Open:
        return "open";
    case EnginePacket::Type::Close:
        return "close";
    case EnginePacket::Type::Ping:
        return "ping";
    case EnginePacket::Type::Pong:
        return "pong";
    case EnginePacket::Type::Message:
        return "message";
    case EnginePacket::Type::Upgrade:
        return "upgrade";
    case EnginePacket::Type::Noop:
        return "noop";
    }
    return "unknown";
}

} // namespace TableTap::EngineCodec
