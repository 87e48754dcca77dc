// SioConnection: one connection's namespace routing, connect timeout and output bound.
#include "sioconnection.h"

#include "enginesession.h"
#include "enginetransport.h"
#include "serverlogging.h"
#include "serverwebsockettransport.h"
#include "sioadapter.h"
#include "siocodec.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"

#include <QJsonObject>
#include <QTimerEvent>

namespace TableTap {

SioConnection::SioConnection(SioServer *server, EngineSession *session, PeerRequest peer)
    : QObject(server)
    , m_server(server)
    , m_session(session)
    , m_peer(std::move(peer))
    , m_id(session->sid())
    , m_assembler(SioCodec::ValidationOptions{server->options().maxAttachments})
{
    // Direct calls from the session, not three signal connections per client.
    session->setObserver(this);
    updateFastPath();
    m_connectTimer.start(server->options().connectTimeout, Qt::PreciseTimer, this);
}

SioConnection::~SioConnection()
{
    SioAdapter::forgetFanoutRecipient(this);
    if (m_session) {
        QObject::disconnect(m_session, nullptr, this, nullptr);
        if (m_session->observer() == this)
            m_session->setObserver(nullptr);
    }
    if (!m_serverGone)
        m_server->forgetClient(this);
}

void SioConnection::writePackets(const QList<EnginePacket> &packets, bool isVolatile, bool gather)
{
    // Broadcasts gathered earlier in this pass, and what this client is owed of a fan-out still
    // being written, go first, so nothing overtakes them.
    SioAdapter::deliverOwed(this);
    write(packets, isVolatile, gather, nullptr);
}

void SioConnection::writeGathered(const QList<EnginePacket> &packets, const QByteArray &frames)
{
    write(packets, false, true, &frames);
}

void SioConnection::write(const QList<EnginePacket> &packets, bool isVolatile, bool gather,
                          const QByteArray *frames)
{
    if (m_closed || m_overflow || !m_session)
        return;
    ServerWebSocketTransport *ws = m_websocket.data();
    if (ws && ws->isWritable() && m_session->bufferedPackets() == 0
        && m_session->state() == EngineSession::State::Open && !m_session->isUpgrading()) {
        // What EngineSession::send() would do, minus its per-call bookkeeping.
        if (frames)
            ws->sendFrames(packets, *frames);
        else if (gather)
            ws->send(packets);
        else
            ws->sendNow(packets);
        SioServer::Counters &c = m_server->counters();
        c.packetsOut += packets.size();
        for (const EnginePacket &p : packets)
            c.bytesOut += p.data.size();
        if (ws->pendingBytes() > m_server->options().maxBufferedBytes) {
            m_overflow = true;
            QMetaObject::invokeMethod(this, &SioConnection::dropSlowReader, Qt::QueuedConnection);
        }
        return;
    }
    EngineTransport *transport = m_session->transport();
    if (isVolatile && (!transport || !transport->isWritable()))
        return;
    m_session->send(packets);
    SioServer::Counters &c = m_server->counters();
    c.packetsOut += packets.size();
    for (const EnginePacket &p : packets)
        c.bytesOut += p.data.size();
    transport = m_session ? m_session->transport() : nullptr;
    const qint64 pending = (m_session ? m_session->bufferedBytes() : 0)
                           + (transport ? transport->pendingBytes() : 0);
    if (pending > m_server->options().maxBufferedBytes) {
        m_overflow = true;
        // Never close inside a write: a broadcast may be iterating over this client's rooms.
        QMetaObject::invokeMethod(this, &SioConnection::dropSlowReader, Qt::QueuedConnection);
    }
}

void SioConnection::updateFastPath()
{
    m_websocket
        = m_session ? qobject_cast<ServerWebSocketTransport *>(m_session->transport()) : nullptr;
}

void SioConnection::writePacket(const SioPacket &packet)
{
    writePackets(SioCodec::encode(packet));
}

void SioConnection::dropSlowReader()
{
    if (m_closed || !m_session)
        return;
    qCWarning(lcServer) << "dropping client" << m_id << "from" << m_peer.address << ": more than"
                        << m_server->options().maxBufferedBytes << "bytes waiting to be sent";
    ++m_server->counters().droppedSlowClients;
    m_session->abort(QStringLiteral("transport error"),
                     QStringLiteral("send buffer limit exceeded"));
}

void SioConnection::onMessage(const EnginePacket &packet)
{
    if (m_closed)
        return;
    SioServer::Counters &c = m_server->counters();
    ++c.packetsIn;
    c.bytesIn += packet.data.size();
    auto result = m_assembler.feed(packet);
    if (!result) {
        qCDebug(lcServer) << "invalid packet from" << m_id << ":" << result.error();
        // socket.io closes the connection on a protocol violation.
        if (m_session)
            m_session->close();
        return;
    }
    if (result->has_value()) {
        onPacket(**result);
        return;
    }
    if (m_assembler.isAssembling() && !socketFor(m_assembler.pendingNamespace())) {
        // Attachments for a namespace this client has not been admitted to: nobody would take
        // the packet (onPacket closes for it), so do not hold megabytes of them meanwhile.
        qCDebug(lcServer) << "binary packet from" << m_id << "for a namespace not joined";
        m_assembler.reset();
        close();
    }
}

void SioConnection::checkOutputBound()
{
    if (m_closed || m_overflow || !m_session)
        return;
    // What the writes themselves do not see: a peer that keeps its transport busy without
    // Socket.IO packets (TLS websocket pongs, an upgrade probe) and never reads.
    const EngineTransport *transport = m_session->transport();
    const EngineTransport *probe = m_session->probeTransport();
    const qint64 pending = m_session->bufferedBytes() + (transport ? transport->pendingBytes() : 0)
                           + (probe ? probe->pendingBytes() : 0);
    if (pending > m_server->options().maxBufferedBytes) {
        m_overflow = true;
        dropSlowReader();
    }
}

void SioConnection::onPacket(const SioPacket &packet)
{
    if (packet.type == SioPacket::Type::Connect) {
        if (socketFor(packet.nsp) || m_connecting.contains(packet.nsp)) {
            close(); // a repeated CONNECT
            return;
        }
        SioNamespace *nsp = m_server->findNamespace(packet.nsp);
        if (!nsp) {
            SioPacket error;
            error.type = SioPacket::Type::ConnectError;
            error.nsp = packet.nsp;
            error.data
                = QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}};
            writePacket(error);
            return;
        }
        nsp->add(this, packet.data.toObject());
        return;
    }
    SioServerSocket *socket = socketFor(packet.nsp);
    if (socket && packet.type != SioPacket::Type::ConnectError) {
        socket->onPacket(packet);
        return;
    }
    // A packet for a namespace never joined, or a CONNECT_ERROR from a client.
    close();
}

void SioConnection::addSocket(SioServerSocket *socket)
{
    m_connecting.removeOne(socket->nsp()->name());
    m_sockets.append(socket);
    m_connectTimer.stop();
}

SioServerSocket *SioConnection::socketFor(const QString &nsp) const
{
    for (SioServerSocket *s : m_sockets) {
        if (s->nsp()->name() == nsp)
            return s;
    }
    return nullptr;
}

void SioConnection::removeSocket(SioServerSocket *socket)
{
    m_sockets.removeOne(socket);
}

void SioConnection::close(const QString &reason)
{
    if (m_closed)
        return;
    // What was broadcast before the close still goes out ahead of it.
    SioAdapter::deliverOwed(this);
    m_closed = true;
    m_connectTimer.stop();
    const auto sockets = m_sockets;
    for (SioServerSocket *s : sockets)
        s->onClose(reason);
    if (m_session) {
        QObject::disconnect(m_session, nullptr, this, nullptr);
        if (m_session->observer() == this)
            m_session->setObserver(nullptr);
        m_session->close();
    }
    deleteLater();
}

void SioConnection::disconnectAll()
{
    const auto sockets = m_sockets;
    for (SioServerSocket *s : sockets)
        s->disconnect(false);
    close();
}

void SioConnection::onEngineClosed(const QString &reason, const QString &description)
{
    if (m_closed)
        return;
    m_closed = true;
    // The transport is gone: nothing more of an unfinished fan-out is written to it.
    SioAdapter::forgetFanoutRecipient(this);
    m_connectTimer.stop();
    const auto sockets = m_sockets;
    for (SioServerSocket *s : sockets)
        s->onClose(reason, description);
    deleteLater();
}

void SioConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_connectTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_connectTimer.stop();
    if (m_sockets.isEmpty()) {
        qCDebug(lcServer) << "client" << m_id << "joined no namespace in time";
        close();
    }
}

} // namespace TableTap
