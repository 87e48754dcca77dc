// The admitted sockets and what they ask. On connect a socket joins its rooms (its cafe, role,
// person and the namespace's own, HubRooms::forConnection); every event it sends is a command
// for HubDomain::submit, answered through its ack after the batch is stored, or, sent without
// an ack and refused, with an `error` event; the command's events go out after the answer
// (EventBroadcaster). When a person's access changes (HubDomain::staffChanged) their live
// sockets are dropped (disabled, revoked) or moved to their new role's room.
#pragma once

#include "hubmetrics.h"
#include "sioserversocket.h"
#include "staffroster.h"

#include <QObject>

namespace TableTap {

class EventBroadcaster;
class HandshakeGate;
class HubDomain;
class SioServer;

class CommandGateway final : public QObject
{
    Q_OBJECT
public:
    CommandGateway(HubDomain &service, HandshakeGate &gate, EventBroadcaster &broadcaster,
                   QObject *parent = nullptr);

    // The running server whose sockets a staff change reaches; null once it stops.
    void setServer(SioServer *io) { m_io = io; }
    // A socket the gate admitted to namespace nsp.
    void onConnection(SioServerSocket *socket, const QString &nsp);
    // Drops the sockets of a disabled or revoked person, re-roles those of a new role.
    void onStaffChanged(const QString &cafeId, const QList<TableTap::StaffChange> &changes);

    quint64 commands() const { return m_commands; }           // answered
    quint64 commandErrors() const { return m_commandErrors; } // of which refused
    // Commands by name and result, errors by type (for /metrics).
    const HubMetrics &metrics() const { return m_metrics; }
    void resetCounters();

private:
    void onCommand(SioServerSocket *socket, const QString &nsp, const QString &command,
                   const QJsonArray &args, const QList<QByteArray> &attachments,
                   const SioServerSocket::Ack &ack);

    HubDomain &m_service;
    HandshakeGate &m_gate;
    EventBroadcaster &m_broadcaster;
    SioServer *m_io = nullptr;
    quint64 m_commands = 0, m_commandErrors = 0;
    HubMetrics m_metrics;
};

} // namespace TableTap
