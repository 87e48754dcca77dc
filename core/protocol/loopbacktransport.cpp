// In-memory transport pair.
#include "loopbacktransport.h"

#include <QTimer>

namespace TableTap {

LoopbackTransport::LoopbackTransport(QString name, QObject *parent)
    : EngineTransport(parent)
    , m_name(std::move(name))
{}

void LoopbackTransport::connectPair(LoopbackTransport *a, LoopbackTransport *b)
{
    a->m_peer = b;
    b->m_peer = a;
}

void LoopbackTransport::partition(LoopbackTransport *a, LoopbackTransport *b)
{
    a->m_peer.clear();
    b->m_peer.clear();
}

void LoopbackTransport::open()
{
    m_open = true;
    QTimer::singleShot(0, this, [this] { Q_EMIT opened(); });
}

void LoopbackTransport::setBlocked(bool blocked)
{
    m_blocked = blocked;
    if (!blocked && m_open)
        Q_EMIT writable();
}

void LoopbackTransport::send(const QList<EnginePacket> &packets)
{
    m_sent.append(packets);
    for (const EnginePacket &p : packets) {
        QPointer<LoopbackTransport> peer = m_peer;
        QTimer::singleShot(0, this, [peer, p] {
            if (peer)
                peer->deliver(p);
        });
    }
}

void LoopbackTransport::deliver(const EnginePacket &packet)
{
    if (m_open)
        Q_EMIT packetReceived(packet);
}

void LoopbackTransport::close()
{
    cut();
}

void LoopbackTransport::abort()
{
    // Long-polling has no connection to break: an idle polling exchange just stops, and the
    // peer only learns of it from the heartbeat. A websocket's peer sees the close.
    if (m_name == QLatin1String("polling")) {
        m_open = false;
        m_peer.clear();
        return;
    }
    cut();
}

void LoopbackTransport::cut()
{
    if (!m_open)
        return;
    m_open = false;
    QPointer<LoopbackTransport> peer = m_peer;
    m_peer.clear();
    if (peer) {
        QTimer::singleShot(0, peer, [peer] {
            if (peer)
                peer->peerClosed(QStringLiteral("transport close"));
        });
    }
    QTimer::singleShot(0, this, [this] {
        Q_EMIT closed(QStringLiteral("transport close"), QStringLiteral("closed locally"));
    });
}

void LoopbackTransport::peerClosed(const QString &reason)
{
    if (!m_open)
        return;
    m_open = false;
    m_peer.clear();
    Q_EMIT closed(reason, QStringLiteral("peer closed"));
}

} // namespace TableTap
