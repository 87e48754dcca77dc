// The hub's door for Socket.IO connections. It counts the Engine.IO connections each client
// address holds (loopback exempt unless told otherwise) and marks those over the limit, and it
// is the middleware of every namespace: a connection over the limit is refused ("Too many
// connections", then closed soon), a handshake whose token does not pass
// HubDomain::verifyHandshake is refused with the reason clients act on (refresh and reconnect,
// or give up), and an admitted socket carries its verified actor, which actorOf() reads back.
// Nothing here trusts the handshake's query: it may only agree with the token.
#pragma once

#include "hubactor.h"
#include "sionamespace.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <optional>

namespace TableTap {

class EngineSession;
class HubDomain;
class SioServerSocket;
class ThrottledLog;
struct PeerRequest;

class HandshakeGate final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // Engine.IO connections one client address may hold at once (IPv6 by /64); 0: no limit.
        int maxConnectionsPerAddress = 256;
        bool limitLoopback = false; // loopback clients (the console, the simulator) count too
    };
    // How long a connection refused for good (over the limit, or left without a namespace) has
    // to read why before it is closed.
    static constexpr int kCloseAfterRefusalMs = 1000;

    HandshakeGate(HubDomain &service, Options options, QObject *parent = nullptr);
    ~HandshakeGate() override;

    // Counts a new Engine.IO connection against its address until it closes.
    void onEngineConnection(EngineSession *session, const PeerRequest &peer);
    // The namespace middleware: next() admits the socket (its actor stored), next(message, data)
    // refuses it.
    void admit(SioServerSocket *socket, const SioNamespace::Next &next);
    bool isOverLimit(const SioServerSocket *socket) const;

    // The actor admit() stored on the socket (an empty userId if it never passed, or if it is a
    // ready board's socket, which acts as nobody).
    static HubActor actorOf(const SioServerSocket *socket);
    // The cafe whose ready board a board token's socket reads; empty for every other socket.
    static QString boardCafeOf(const SioServerSocket *socket);
    // A new role for an admitted socket, from its next command on.
    static void setRole(SioServerSocket *socket, HubRole role);

    // A new server: the connections of the previous one are forgotten.
    void forgetConnections();
    void resetCounters();
    quint64 refusedHandshakes() const { return m_refusedHandshakes; }
    quint64 refusedConnections() const { return m_refusedConnections; } // over the limit

private:
    struct Refusal
    {
        QString message;
        QJsonObject data;
    };
    // Verifies the handshake's token and stores the actor on the socket.
    std::optional<Refusal> authenticate(SioServerSocket *socket);

    HubDomain &m_service;
    Options m_options;
    quint64 m_refusedHandshakes = 0;
    quint64 m_refusedConnections = 0;
    ThrottledLog *m_refusalLog;
    QHash<QString, int> m_connectionsPerAddress;
    QSet<const EngineSession *> m_overLimit;
};

} // namespace TableTap
