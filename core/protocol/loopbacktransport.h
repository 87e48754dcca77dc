// An in-memory pair of connected transports, for driving sessions without sockets.
#pragma once

#include "enginetransport.h"

#include <QPointer>

namespace TableTap {

class LoopbackTransport final : public EngineTransport
{
    Q_OBJECT
public:
    explicit LoopbackTransport(QString name = QStringLiteral("websocket"),
                               QObject *parent = nullptr);
    // Connects a and b: what one sends, the other receives on a later event-loop turn.
    static void connectPair(LoopbackTransport *a, LoopbackTransport *b);
    // A network partition: from now on nothing passes between the two either way, not even a
    // close (packets already in flight still arrive).
    static void partition(LoopbackTransport *a, LoopbackTransport *b);

    QString name() const override { return m_name; }
    bool isWritable() const override { return m_open && !m_blocked; }
    void send(const QList<EnginePacket> &packets) override;
    void close() override;
    void abort() override;

    // Test hooks: mark the peer as opened; hold writes (like a slow link); cut the link.
    void open();
    void setBlocked(bool blocked);
    void cut();
    QList<EnginePacket> sentPackets() const { return m_sent; }

private:
    void deliver(const EnginePacket &packet);
    void peerClosed(const QString &reason);

    QString m_name;
    QPointer<LoopbackTransport> m_peer;
    QList<EnginePacket> m_sent;
    bool m_open = false;
    bool m_blocked = false;
};

} // namespace TableTap
