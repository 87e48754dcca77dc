// SioNamespace: admission (middleware, recovery), rooms and the broadcast hot path.
#include "sionamespace.h"

#include "engineserver.h"
#include "enginesession.h"
#include "serverlogging.h"
#include "siocodec.h"
#include "sioconnection.h"
#include "siorecoverylog.h"
#include "sioserver.h"
#include "sioserversocket.h"

namespace TableTap {

SioNamespace::Next::Next(Fn fn)
    : m_fn(std::make_shared<Fn>(std::move(fn)))
{}

void SioNamespace::Next::operator()() const
{
    if (m_fn && *m_fn) {
        Fn fn = std::exchange(*m_fn, Fn());
        fn(std::nullopt);
    }
}

void SioNamespace::Next::operator()(const QString &message, const QJsonValue &data) const
{
    if (m_fn && *m_fn) {
        Fn fn = std::exchange(*m_fn, Fn());
        fn(Error{message, data});
    }
}

SioNamespace::SioNamespace(SioServer *server, QString name)
    : QObject(server)
    , m_server(server)
    , m_name(std::move(name))
{
    const SioServer::Options &o = server->options();
    if (o.connectionStateRecovery)
        m_recovery = std::make_unique<SioRecoveryLog>(o.recoveryWindow, o.recoveryMaxPackets);
    if (o.adapterFactory)
        m_adapter = o.adapterFactory(this);
    if (!m_adapter)
        m_adapter = std::make_unique<SioAdapter>(this);
}

SioNamespace::~SioNamespace()
{
    // Sockets are children and die after the room table; they must not touch it then.
    for (SioServerSocket *s : findChildren<SioServerSocket *>(Qt::FindDirectChildrenOnly))
        s->m_nsp = nullptr;
    m_adapter.reset(); // before the sockets and the recovery log it reaches
}

void SioNamespace::use(Middleware middleware)
{
    m_middlewares.append(std::move(middleware));
}

int SioNamespace::emitEvent(const QString &event, const QJsonArray &args,
                            const QList<QByteArray> &attachments)
{
    return SioBroadcast(this).emitEvent(event, args, attachments);
}

bool SioNamespace::serverSideEmit(const QString &event, const QJsonArray &args,
                                  const SioAdapter::ServerSideAck &ack)
{
    if (SioCodec::isReservedEventName(event)) {
        qCWarning(lcServer) << "refusing to emit reserved event name" << event;
        return false;
    }
    m_adapter->serverSideEmit(event, args, ack);
    return true;
}

void SioNamespace::deliverServerSideEmit(const QString &event, const QJsonArray &args,
                                         const ServerSideReply &reply)
{
    if (m_serverSideHandler)
        m_serverSideHandler(event, args, reply);
}

void SioNamespace::add(SioConnection *client, const QJsonObject &auth)
{
    const SioServer::Options &o = m_server->options();
    std::optional<SioRecoveryLog::Restored> restored;
    if (m_recovery && auth.value(QLatin1String("pid")).isString()
        && auth.value(QLatin1String("offset")).isString()) {
        restored = m_recovery->restore(auth.value(QLatin1String("pid")).toString(),
                                       auth.value(QLatin1String("offset")).toString(),
                                       SioRecoveryLog::clockMs());
    }
    SioServerSocket *socket = nullptr;
    if (restored) {
        socket
            = new SioServerSocket(this, client, restored->session.sid, restored->session.pid, auth);
        for (const QString &room : std::as_const(restored->session.rooms)) {
            if (room != socket->id())
                joinRoom(socket, room);
        }
        socket->m_data = restored->session.data;
        socket->m_recovered = true;
        // Sent before the CONNECT reply, as socket.io does, but only once the middleware has
        // admitted the socket (a refused one must not get them).
        socket->m_missed = std::move(restored->missed);
        qCDebug(lcServer) << "recovered session" << socket->id() << "in" << m_name << "with"
                          << restored->missed.size() << "missed events";
    } else {
        socket = new SioServerSocket(this, client, EngineServer::generateId(),
                                     m_recovery ? EngineServer::generateId() : QString(), auth);
    }
    client->m_connecting.append(m_name);
    if (socket->m_recovered && o.recoverySkipsMiddlewares) {
        finishConnect(socket, std::nullopt);
        return;
    }
    runMiddleware(socket, 0);
}

void SioNamespace::runMiddleware(SioServerSocket *socket, int index)
{
    if (index >= m_middlewares.size()) {
        finishConnect(socket, std::nullopt);
        return;
    }
    QPointer<SioServerSocket> guard(socket);
    QPointer<SioNamespace> self(this);
    Next next([self, guard, index](std::optional<Next::Error> error) {
        if (!self || !guard)
            return;
        if (error)
            self->finishConnect(guard, error);
        else
            self->runMiddleware(guard, index + 1);
    });
    const Middleware middleware = m_middlewares.at(index);
    middleware(socket, next);
}

void SioNamespace::finishConnect(SioServerSocket *socket, const std::optional<Next::Error> &error)
{
    SioConnection *client = socket->m_client;
    if (!client || client->isClosed()) {
        // The connection went away while middleware ran.
        socket->leaveAll();
        socket->deleteLater();
        return;
    }
    client->m_connecting.removeOne(m_name);
    if (client->m_connecting.isEmpty())
        client->m_connecting = QStringList(); // a connected client keeps no empty list storage
    if (error) {
        socket->m_missed.clear();
        socket->leaveAll();
        SioPacket packet;
        packet.type = SioPacket::Type::ConnectError;
        packet.nsp = m_name;
        QJsonObject payload{{QStringLiteral("message"), error->message}};
        if (!error->data.isUndefined())
            payload.insert(QStringLiteral("data"), error->data);
        packet.data = payload;
        client->writePacket(packet);
        socket->deleteLater();
        return;
    }
    // Worked out when the session was restored: a middleware that answers in a later turn
    // (the hub's answers at once) would leave out what was broadcast meanwhile.
    for (const auto &frames : std::as_const(socket->m_missed))
        client->writePackets(frames);
    socket->m_missed.clear();
    // The new socket gets none of what was gathered before it.
    SioAdapter::deliverOwed(nullptr);
    m_sockets.insert(socket->id(), socket);
    client->addSocket(socket);
    socket->markConnected();
    Q_EMIT connection(socket);
}

void SioNamespace::remove(SioServerSocket *socket)
{
    auto it = m_sockets.find(socket->id());
    if (it != m_sockets.end() && *it == socket) {
        // The socket still gets what was gathered or is owed to it.
        SioAdapter::deliverOwed(socket->m_client.data());
        m_sockets.erase(it);
    }
}

void SioNamespace::joinRoom(SioServerSocket *socket, const QString &room)
{
    if (socket->m_rooms.contains(room))
        return;
    socket->m_rooms.append(room);
    m_adapter->addToRoom(socket, room);
}

void SioNamespace::leaveRoom(SioServerSocket *socket, const QString &room)
{
    if (!socket->m_rooms.removeOne(room))
        return;
    m_adapter->removeFromRoom(socket, room);
}

int SioNamespace::broadcast(const SioBroadcast &target, const QString &event,
                            const QJsonArray &args, const QList<QByteArray> &attachments)
{
    if (SioCodec::isReservedEventName(event)) {
        qCWarning(lcServer) << "refusing to emit reserved event name" << event;
        return 0;
    }
    return m_adapter->broadcast(target, event, args, attachments);
}

void SioNamespace::persistSession(SioServerSocket *socket)
{
    if (!m_recovery)
        return;
    SioRecoveryLog::Session session;
    session.sid = socket->id();
    session.pid = socket->pid();
    session.rooms = socket->rooms();
    session.data = socket->m_data;
    m_recovery->persist(std::move(session), SioRecoveryLog::clockMs());
}

} // namespace TableTap
