// Engine.IO v4 codec.
#include "engineiocodec.h"

namespace TableTap::EngineIO {

QByteArray encodeText(const Packet &packet)
{
    QByteArray out;
    out.reserve(packet.data.size() + 1);
    out.append(char('0' + int(packet.type)));
    out.append(packet.data);
    return out;
}

Decoded<Packet> decodeText(QByteArrayView frame)
{
    if (frame.isEmpty())
        return Decoded<Packet>::failure(QStringLiteral("empty packet"));
    const char t = frame.front();
    if (t < '0' || t > '6')
        return Decoded<Packet>::failure(QStringLiteral("unknown packet type"));
    return Packet{PacketType(t - '0'), frame.sliced(1).toByteArray(), false};
}

Packet decodeBinaryFrame(const QByteArray &frame)
{
    return Packet::binaryMessage(frame);
}

qsizetype encodedPayloadSize(const Packet &packet)
{
    if (packet.binary)
        return 1 + (packet.data.size() + 2) / 3 * 4;
    return 1 + packet.data.size();
}

QByteArray encodePayload(const QList<Packet> &packets)
{
    qsizetype total = packets.size();
    for (const Packet &p : packets)
        total += encodedPayloadSize(p);
    QByteArray out;
    out.reserve(total);
    bool first = true;
    for (const Packet &p : packets) {
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

Decoded<QList<Packet>> decodePayload(QByteArrayView body)
{
    QList<Packet> packets;
    if (body.isEmpty())
        return Decoded<QList<Packet>>::failure(QStringLiteral("empty payload"));
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
                return Decoded<QList<Packet>>::failure(QStringLiteral("invalid base64 in payload"));
            packets.append(Packet::binaryMessage(decoded.decoded));
        } else {
            auto packet = decodeText(part);
            if (!packet)
                return Decoded<QList<Packet>>::failure(packet.error());
            packets.append(std::move(packet).value());
        }
        start = end + 1;
    }
    return packets;
}

const char *typeName(PacketType type)
{
    switch (type) {
    case PacketType::Open:
        return "open";
    case PacketType::Close:
        return "close";
    case PacketType::Ping:
        return "ping";
    case PacketType::Pong:
        return "pong";
    case PacketType::Message:
        return "message";
    case PacketType::Upgrade:
        return "upgrade";
    case PacketType::Noop:
        return "noop";
    }
    return "unknown";
}

} // namespace TableTap::EngineIO
