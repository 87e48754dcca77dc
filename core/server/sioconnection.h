// One Engine.IO connection as Socket.IO sees it (socket.io's Client): decodes packets, joins
// namespaces, routes packets to its sockets, enforces connectTimeout and the per-client limit
// on buffered output (a slow reader is dropped rather than allowed to grow the hub's memory).
#pragma once

#include "enginepacket.h"
#include "enginesession.h"
#include "peerrequest.h"
#include "siobinaryassembler.h"
#include "siopacket.h"

#include <QBasicTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace TableTap {

class ServerWebSocketTransport;
class SioServer;
class SioServerSocket;

class SioConnection final
    : public QObject
    , private EngineSession::Observer
{
    Q_OBJECT
public:
    SioConnection(SioServer *server, EngineSession *session, PeerRequest peer);
    ~SioConnection() override;

    EngineSession *session() const { return m_session; }
    const PeerRequest &peer() const { return m_peer; }
    QString id() const { return m_id; }
    QList<SioServerSocket *> sockets() const { return m_sockets; }
    bool isClosed() const { return m_closed; }

    // The hot path: already-encoded Engine.IO packets, shared by every recipient of a broadcast.
    // gather: one recipient of a broadcast, written with the others at the end of the event-loop
    // pass (many frames per system call under load); otherwise (a reply, an event for this client
    // alone) it goes out at once, so an ack never waits behind a fan-out.
    void writePackets(const QList<EnginePacket> &packets, bool isVolatile = false,
                      bool gather = false);
    // Gathered broadcasts (SioAdapter): frames holds the packets' websocket text frames back to
    // back, queued as one piece on the websocket fast path; otherwise the packets go as usual.
    void writeGathered(const QList<EnginePacket> &packets, const QByteArray &frames);
    void writePacket(const SioPacket &packet);
    // Closes the connection: every socket sees reason, then the transport closes.
    void close(const QString &reason = QStringLiteral("forced server close"));
    // socket.disconnect(true): DISCONNECT for each namespace, then close.
    void disconnectAll();
    // Drops the client when its transports hold more than maxBufferedBytes (SioServer asks
    // every second; writes check as they go).
    void checkOutputBound();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class SioAdapter;
    friend class SioNamespace;
    friend class SioServer;
    friend class SioServerSocket;

    void write(const QList<EnginePacket> &packets, bool isVolatile, bool gather,
               const QByteArray *frames);
    void onMessage(const EnginePacket &packet);
    void onPacket(const SioPacket &packet);
    void onEngineClosed(const QString &reason, const QString &description);
    void sessionMessage(const EnginePacket &packet) override { onMessage(packet); }
    void sessionUpgraded() override { updateFastPath(); }
    void sessionClosed(const QString &reason, const QString &description) override
    {
        onEngineClosed(reason, description);
    }
    void addSocket(SioServerSocket *socket);
    void removeSocket(SioServerSocket *socket);
    void dropSlowReader();
    void updateFastPath();

    SioServer *m_server;
    QPointer<EngineSession> m_session;
    // Set while the session is on a websocket with nothing buffered: writes go straight to it.
    QPointer<ServerWebSocketTransport> m_websocket;
    PeerRequest m_peer;
    QString m_id;
    SioBinaryAssembler m_assembler;
    SioServerSocket *socketFor(const QString &nsp) const;

    // Lists: a connection joins a handful of namespaces.
    QList<SioServerSocket *> m_sockets; // one per joined namespace
    QStringList m_connecting;           // namespaces whose middleware is running
    QBasicTimer m_connectTimer;
    bool m_closed = false;
    bool m_overflow = false;
    bool m_serverGone = false; // SioServer is being destroyed: do not reach back to it
    // This connection's place in the thread's unfinished fan-out (SioAdapter), if it is in one.
    quint32 m_fanoutPos = ~quint32(0);
};

} // namespace TableTap
