// Binary attachment reassembly for Socket.IO v5.
#include "socketiobinaryassembler.h"

#include "socketiocodec.h"

namespace TableTap::SocketIO {

Decoded<std::optional<Packet>> BinaryAssembler::feed(const EngineIO::Packet &message)
{
    using Result = Decoded<std::optional<Packet>>;
    if (message.binary) {
        if (!m_pending)
            return Result::failure(
                QStringLiteral("got binary data when not reconstructing a packet"));
        m_pending->attachments.append(message.data);
        if (m_pending->attachments.size() < m_pending->attachmentCount)
            return std::optional<Packet>();
        std::optional<Packet> done = std::move(m_pending);
        m_pending.reset();
        return done;
    }
    if (m_pending)
        return Result::failure(QStringLiteral("got plaintext data when reconstructing a packet"));
    auto decoded = decodeText(message.data);
    if (!decoded)
        return Result::failure(decoded.error());
    const QString invalid = validate(*decoded, m_options);
    if (!invalid.isEmpty())
        return Result::failure(invalid);
    Packet packet = std::move(decoded).value();
    if ((packet.type == PacketType::BinaryEvent || packet.type == PacketType::BinaryAck)
        && packet.attachmentCount > 0) {
        m_pending = std::move(packet);
        return std::optional<Packet>();
    }
    return std::optional<Packet>(std::move(packet));
}

} // namespace TableTap::SocketIO
