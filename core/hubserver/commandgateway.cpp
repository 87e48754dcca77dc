// CommandGateway: rooms on connect, commands to the domain, answers back.
#include "commandgateway.h"

#include "commandresult.h"
#include "contract.h"
#include "eventbroadcaster.h"
#include "handshakegate.h"
#include "hubdomain.h"
#include "hubrooms.h"
#include "hubserverlogging.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "sioserver.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>

namespace TableTap {

namespace {

// Puts the socket in its role's room of the cafe and out of the other roles' rooms.
void setRoleRoom(SioServerSocket *socket, const QString &cafeId, HubRole role)
{
    for (const HubRole other : Contract::kRoles) {
        if (other != role)
            socket->leave(HubRooms::role(cafeId, other));
    }
    socket->join(HubRooms::role(cafeId, role));
}

} // namespace

CommandGateway::CommandGateway(HubDomain &service, HandshakeGate &gate,
                               EventBroadcaster &broadcaster, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_gate(gate)
    , m_broadcaster(broadcaster)
{}

void CommandGateway::resetCounters()
{
    m_commands = m_commandErrors = 0;
    m_metrics.reset();
}

void CommandGateway::onConnection(SioServerSocket *socket, const QString &nsp)
{
    const HubActor actor = HandshakeGate::actorOf(socket);
    // isOverLimit: a recovered socket skips the middleware, not the per-address limit.
    if (actor.userId.isEmpty() || actor.cafeId.isEmpty() || m_gate.isOverLimit(socket)) {
        // Only a socket that passed the middleware (or recovered one that did) gets here.
        socket->disconnect();
        return;
    }
    // A recovered socket has its rooms back already; joining again changes nothing. Its role
    // may have changed while it was away: only the current role's room stays.
    setRoleRoom(socket, actor.cafeId, actor.role);
    socket->join(HubRooms::forConnection(actor, nsp));
    socket->onAny([this, socket, nsp](const QString &event, const QJsonArray &args,
                                      const QList<QByteArray> &attachments,
                                      const SioServerSocket::Ack &ack) {
        onCommand(socket, nsp, event, args, attachments, ack);
    });
}

void CommandGateway::onCommand(SioServerSocket *socket, const QString &nsp, const QString &command,
                               const QJsonArray &args, const QList<QByteArray> &attachments,
                               const SioServerSocket::Ack &ack)
{
    const HubActor actor = HandshakeGate::actorOf(socket);
    const QJsonValue payload = args.isEmpty() ? QJsonValue(QJsonObject()) : args.first();
    const QString requestId = payload.toObject().value(Contract::Keys::RequestId).toString();
    QPointer<SioServerSocket> guard(socket);
    auto answer = [this, guard, ack, command, requestId](const CommandResult &r) {
        ++m_commands;
        if (!r.ok())
            ++m_commandErrors;
        m_metrics.countCommand(command, r);
        if (guard && guard->isConnected()) {
            if (!r.joinRoom.isEmpty())
                guard->join(r.joinRoom);
            if (!r.leaveRoom.isEmpty())
                guard->leave(r.leaveRoom);
            if (ack) {
                ack({r.ack}, {});
            } else if (!r.ok()) {
                // The contract's "Event Processing Errors": {type, message}, plus what it was
                // about.
                QJsonObject error = r.error();
                error.insert(Contract::Keys::Command, command);
                if (!requestId.isEmpty())
                    error.insert(Contract::Keys::RequestId, requestId);
                guard->emitEvent(Contract::name(Contract::Event::Error), {error});
            }
        }
        m_broadcaster.broadcast(r.events);
    };
    if (!attachments.isEmpty()) {
        answer(CommandResult::failure(CommandError::invalid(
            QStringLiteral("payload"), QStringLiteral("commands take JSON, not binary data"))));
        return;
    }
    // Group commit: answered (and its events sent) after the batch's transaction is stored. The
    // context is the gateway, not the socket, so events still go out if the sender has left.
    m_service.submit(actor, nsp, command, payload, this, std::move(answer));
}

void CommandGateway::onStaffChanged(const QString &cafeId, const QList<StaffChange> &changes)
{
    if (!m_io)
        return;
    for (const StaffChange &change : changes) {
        if (!change.endsSessions() && !change.roleChanged())
            continue;
        QList<QPointer<SioServerSocket>> sockets;
        for (SioNamespace *nsp : m_io->namespaces()) {
            for (SioServerSocket *s : nsp->to(HubRooms::user(change.after.id)).sockets()) {
                if (HandshakeGate::actorOf(s).cafeId == cafeId)
                    sockets.append(s);
            }
        }
        if (change.endsSessions()) {
            // Disabled or revoked: the person's sockets leave now (socket.io clients do not
            // reconnect after a server disconnect). A connection left with no namespace is
            // closed once the client had time to read why (clients usually close it first).
            for (const QPointer<SioServerSocket> &s : std::as_const(sockets)) {
                if (!s)
                    continue;
                SioConnection *client = s->client();
                s->disconnect();
                if (client && client->sockets().isEmpty()) {
                    QTimer::singleShot(HandshakeGate::kCloseAfterRefusalMs, client, [client] {
                        if (client->sockets().isEmpty())
                            client->close(QStringLiteral("server namespace disconnect"));
                    });
                }
            }
        } else {
            // A new role: the sockets act with it from their next command and hear what it
            // hears; their tokens are refused at the next handshake (a refresh gives new ones).
            const HubRole role = change.after.role;
            for (const QPointer<SioServerSocket> &s : std::as_const(sockets)) {
                if (!s)
                    continue;
                HandshakeGate::setRole(s, role);
                setRoleRoom(s, cafeId, role);
            }
        }
        qCInfo(lcHubWiring).noquote()
            << "staff" << change.after.code << "of" << cafeId << change.kinds().join(u',') << ":"
            << sockets.size()
            << (change.endsSessions() ? "socket(s) disconnected" : "socket(s) re-roled");
    }
}

} // namespace TableTap
