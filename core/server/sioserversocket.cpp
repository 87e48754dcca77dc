// SioServerSocket: per-namespace socket, events, acks and disconnection.
#include "sioserversocket.h"

#include "serverlogging.h"
#include "sioadapter.h"
#include "siocodec.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "sioserver.h"

#include <QDateTime>
#include <QTimer>

#include <memory>

namespace TableTap {

namespace {

// socket.io keeps the session for recovery only after these (not after a deliberate leave).
bool isRecoverable(const QString &reason)
{
    static const QStringList reasons{
        QStringLiteral("transport error"),      QStringLiteral("transport close"),
        QStringLiteral("forced close"),         QStringLiteral("ping timeout"),
        QStringLiteral("server shutting down"), QStringLiteral("forced server close"),
    };
    return reasons.contains(reason);
}

QString eventName(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    return QString::number(v.toDouble(), 'g', 17);
}

} // namespace

SioServerSocket::SioServerSocket(SioNamespace *nsp, SioConnection *client, QString id, QString pid,
                                 QJsonObject auth)
    : QObject(nsp)
    , m_nsp(nsp)
    , m_client(client)
    , m_id(std::move(id))
    , m_pid(std::move(pid))
{
    m_handshake.auth = std::move(auth);
    m_handshake.peer = client->peer();
    m_handshake.issued = QDateTime::currentMSecsSinceEpoch();
}

SioServerSocket::~SioServerSocket()
{
    if (m_nsp)
        leaveAll();
}

SioConnection *SioServerSocket::client() const
{
    return m_client.data();
}

void SioServerSocket::markConnected()
{
    if (!m_client)
        return;
    m_connected = true;
    SioPacket reply;
    reply.type = SioPacket::Type::Connect;
    reply.nsp = m_nsp->name();
    QJsonObject payload{{QStringLiteral("sid"), m_id}};
    if (!m_pid.isEmpty())
        payload.insert(QStringLiteral("pid"), m_pid);
    reply.data = payload;
    m_client->writePacket(reply);
}

void SioServerSocket::join(const QString &room)
{
    if (m_closed || room == m_id)
        return;
    m_nsp->joinRoom(this, room);
}

void SioServerSocket::join(const QStringList &rooms)
{
    for (const QString &room : rooms)
        join(room);
}

void SioServerSocket::leave(const QString &room)
{
    m_nsp->leaveRoom(this, room);
}

void SioServerSocket::leaveAll()
{
    const auto rooms = m_rooms;
    for (const QString &room : rooms)
        m_nsp->leaveRoom(this, room);
}

QSet<QString> SioServerSocket::rooms() const
{
    QSet<QString> all(m_rooms.cbegin(), m_rooms.cend());
    if (!m_closed)
        all.insert(m_id);
    return all;
}

bool SioServerSocket::isInRoom(const QString &room) const
{
    return room == m_id || m_rooms.contains(room);
}

void SioServerSocket::on(const QString &event, EventHandler handler)
{
    for (auto &h : m_handlers) {
        if (h.first == event) {
            h.second = std::move(handler);
            return;
        }
    }
    m_handlers.append({event, std::move(handler)});
}

void SioServerSocket::onAny(AnyHandler handler)
{
    m_anyHandler = std::move(handler);
}

bool SioServerSocket::emitEvent(const QString &event, const QJsonArray &args,
                                const QList<QByteArray> &attachments)
{
    if (!m_connected)
        return false;
    if (SioCodec::isReservedEventName(event)) {
        qCWarning(lcServer) << "refusing to emit reserved event name" << event;
        return false;
    }
    // With recovery on, even a direct emit is logged (to the socket's own room) so it can be
    // replayed, exactly as socket.io routes it through its adapter.
    m_nsp->broadcast(SioBroadcast(m_nsp).to(m_id), event, args, attachments);
    return true;
}

bool SioServerSocket::emitWithAck(const QString &event, const QJsonArray &args,
                                  AckCallback callback, int timeoutMs,
                                  const QList<QByteArray> &attachments)
{
    if (!m_connected || !m_client || SioCodec::isReservedEventName(event))
        return false;
    const qint64 id = m_nsp->nextAckId();
    const SioPacket packet = SioAdapter::eventPacket(
        m_nsp->name(), SioAdapter::eventData(event, args), attachments, id);
    m_acks.insert(id, PendingAck{std::move(callback), timeoutMs >= 0});
    if (timeoutMs >= 0) {
        QTimer::singleShot(timeoutMs, Qt::PreciseTimer, this, [this, id] {
            auto it = m_acks.find(id);
            if (it == m_acks.end())
                return;
            AckCallback cb = std::move(it->callback);
            m_acks.erase(it);
            if (cb)
                cb(AckReply{QStringLiteral("operation has timed out"), {}, {}});
        });
    }
    m_client->writePacket(packet);
    ++m_nsp->server()->counters().eventsOut;
    return true;
}

SioBroadcast SioServerSocket::broadcast() const
{
    return SioBroadcast(m_nsp).except(m_id);
}

SioBroadcast SioServerSocket::to(const QString &room) const
{
    return broadcast().to(room);
}

SioBroadcast SioServerSocket::to(const QStringList &rooms) const
{
    return broadcast().to(rooms);
}

void SioServerSocket::disconnect(bool close)
{
    if (!m_connected || !m_client)
        return;
    if (close) {
        m_client->disconnectAll();
        return;
    }
    SioPacket packet;
    packet.type = SioPacket::Type::Disconnect;
    packet.nsp = m_nsp->name();
    m_client->writePacket(packet);
    onClose(QStringLiteral("server namespace disconnect"));
}

void SioServerSocket::onPacket(const SioPacket &packet)
{
    switch (packet.type) {
    case SioPacket::Type::Event:
    case SioPacket::Type::BinaryEvent:
        onEvent(packet);
        break;
    case SioPacket::Type::Ack:
    case SioPacket::Type::BinaryAck:
        onAck(packet);
        break;
    case SioPacket::Type::Disconnect:
        onClose(QStringLiteral("client namespace disconnect"));
        break;
    default:
        break;
    }
}

SioServerSocket::Ack SioServerSocket::makeAck(qint64 id)
{
    QPointer<SioServerSocket> self(this);
    auto sent = std::make_shared<bool>(false);
    return [self, id, sent](const QJsonArray &args, const QList<QByteArray> &attachments) {
        if (*sent || !self || !self->m_connected || !self->m_client)
            return;
        *sent = true;
        SioPacket packet;
        packet.type = SioPacket::Type::Ack;
        packet.nsp = self->m_nsp->name();
        packet.id = id;
        packet.data = args;
        packet.attachments = attachments;
        packet.attachmentCount = int(attachments.size());
        self->m_client->writePacket(packet);
    };
}

void SioServerSocket::onEvent(const SioPacket &packet)
{
    QJsonArray args = packet.data.toArray();
    const QString event = eventName(args.first());
    args.removeFirst();
    ++m_nsp->server()->counters().eventsIn;
    const Ack ack = packet.hasId() ? makeAck(packet.id) : Ack();
    QPointer<SioServerSocket> self(this);
    if (m_anyHandler)
        m_anyHandler(event, args, packet.attachments, ack);
    if (!self || !m_connected)
        return;
    for (const auto &h : std::as_const(m_handlers)) {
        if (h.first == event) {
            const EventHandler handler = h.second; // the handler may replace itself
            handler(args, packet.attachments, ack);
            break;
        }
    }
}

void SioServerSocket::onAck(const SioPacket &packet)
{
    auto it = m_acks.find(packet.id);
    if (it == m_acks.end()) {
        qCDebug(lcServer) << "ack" << packet.id << "matches nothing on" << m_id;
        return;
    }
    AckCallback cb = std::move(it->callback);
    m_acks.erase(it);
    if (cb)
        cb(AckReply{QString(), packet.data.toArray(), packet.attachments});
}

void SioServerSocket::onClose(const QString &reason, const QString &description)
{
    if (!m_connected || m_closed)
        return;
    Q_EMIT disconnecting(reason);
    if (m_nsp->server()->options().connectionStateRecovery && isRecoverable(reason))
        m_nsp->persistSession(this);
    leaveAll();
    m_closed = true;
    m_nsp->remove(this);
    if (m_client)
        m_client->removeSocket(this);
    m_connected = false;
    // Acks that were given a deadline learn the outcome now; the others are dropped.
    const auto acks = std::exchange(m_acks, {});
    for (const PendingAck &a : acks) {
        if (a.timed && a.callback)
            a.callback(AckReply{QStringLiteral("socket has been disconnected"), {}, {}});
    }
    qCDebug(lcServer) << "socket" << m_id << "left" << m_nsp->name() << ":" << reason;
    Q_EMIT disconnected(reason, description);
    deleteLater();
}

} // namespace TableTap
