// Engine.IO v4 packet: a plain value, the unit both transports carry.
#pragma once

#include <QByteArray>
#include <QMetaType>

namespace TableTap {

struct EnginePacket
{
    enum class Type : quint8 {
        Open = 0,
        Close = 1,
        Ping = 2,
        Pong = 3,
        Message = 4,
        Upgrade = 5,
        Noop = 6,
    };

    Type type = Type::Message;
    // Text packets hold UTF-8; binary packets (Message only) hold raw bytes.
    QByteArray data;
    bool binary = false;

    static EnginePacket text(Type type, QByteArray data = {})
    {
        return {type, std::move(data), false};
    }
    static EnginePacket message(QByteArray utf8) { return {Type::Message, std::move(utf8), false}; }
    static EnginePacket binaryMessage(QByteArray bytes)
    {
        return {Type::Message, std::move(bytes), true};
    }

    friend bool operator==(const EnginePacket &a, const EnginePacket &b)
    {
        return a.type == b.type && a.binary == b.binary && a.data == b.data;
    }
};

} // namespace TableTap

Q_DECLARE_METATYPE(TableTap::EnginePacket)
