// Binary attachment reassembly for Socket.IO v5.
#include "siobinaryassembler.h"

#include "siocodec.h"

namespace TableTap {

Decoded<std::optional<SioPacket>> SioBinaryAssembler::feed(const EnginePacket &message)
{
    using Result = Decoded<std::optional<SioPacket>>;
    if (message.binary) {
        if (!m_pending)
            return Result::failure(
                QStringLiteral("got binary data when not reconstructing a packet"));
        m_pending->attachments.append(message.data);
        if (m_pending->attachments.size() < m_pending->attachmentCount)
            return std::optional<SioPacket>();
        std::optional<SioPacket> done = std::move(m_pending);
        m_pending.reset();
        return done;
    }
    if (m_pending)
        return Result::failure(QStringLiteral("got plaintext data when reconstructing a packet"));
    auto decoded = SioCodec::decodeText(message.data);
    if (!decoded)
        return Result::failure(decoded.error());
    const QString invalid = SioCodec::validate(*decoded, m_options);
    if (!invalid.isEmpty())
        return Result::failure(invalid);
    SioPacket packet = std::move(decoded).value();
    if ((packet.type == SioPacket::Type::BinaryEvent || packet.type == SioPacket::Type::BinaryAck)
        && packet.attachmentCount > 0) {
        m_pending = std::move(packet);
        return std::optional<SioPacket>();
    }
    return std::optional<SioPacket>(std::move(packet));
}

} // namespace TableTap
