// Engine.IO v4 packet: a plain value, the unit both transports carry.
#pragma once

#include <QByteArray>
#include <QMetaType>

namespace TableTap::EngineIO {

enum class PacketType : quint8 {
    Open = 0,
    Close = 1,
    Ping = 2,
    Pong = 3,
    Message = 4,
    Upgrade = 5,
    Noop = 6,
};

struct Packet
{
    PacketType type = PacketType::Message;
    // Text packets hold UTF-8; binary packets (Message only) hold raw bytes.
    QByteArray data;
    bool binary = false;

    static Packet text(PacketType type, QByteArray data = {})
    {
        return {type, std::move(data), false};
    }
    static Packet message(QByteArray utf8) { return {PacketType::Message, std::move(utf8), false}; }
    static Packet binaryMessage(QByteArray bytes)
    {
        return {PacketType::Message, std::move(bytes), true};
    }

    friend bool operator==(const Packet &a, const Packet &b)
    {
        return a.type == b.type && a.binary == b.binary && a.data == b.data;
    }
};

} // namespace TableTap::EngineIO

Q_DECLARE_METATYPE(TableTap::EngineIO::Packet)
