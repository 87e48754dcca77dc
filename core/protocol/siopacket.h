// Socket.IO v5 packet: a plain value carried inside Engine.IO message packets.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>

namespace TableTap {

struct SioPacket
{
    enum class Type : quint8 {
        Connect = 0,
        Disconnect = 1,
        Event = 2,
        Ack = 3,
        ConnectError = 4,
        BinaryEvent = 5,
        BinaryAck = 6,
    };

    static constexpr qint64 NoAckId = -1;

    Type type = Type::Event;
    QString nsp = QStringLiteral("/");
    qint64 id = NoAckId;
    // Undefined means "no payload". Binary attachments appear as {"_placeholder":true,"num":i}.
    QJsonValue data = QJsonValue(QJsonValue::Undefined);
    // For binary packets: how many attachments the header announced, and the ones collected.
    int attachmentCount = 0;
    QList<QByteArray> attachments;

    bool isEvent() const { return type == Type::Event || type == Type::BinaryEvent; }
    bool isAck() const { return type == Type::Ack || type == Type::BinaryAck; }
    bool hasId() const { return id >= 0; }
};

} // namespace TableTap

Q_DECLARE_METATYPE(TableTap::SioPacket)
