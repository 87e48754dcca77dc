// The Engine.IO v4 session state machine, for both roles: handshake, heartbeat (the server
// pings, the client answers and watches), the write buffer, the upgrade from polling to
// websocket, and close. It drives EngineTransport objects and never touches sockets itself.
#pragma once

#include "enginehandshake.h"
#include "enginepacket.h"
#include "enginetransport.h"

#include <QBasicTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace TableTap {

class EngineSession final
    : public QObject
    , private EngineTransport::Sink
{
    Q_OBJECT
public:
    enum class Role { Client, Server };
    enum class State { Opening, Open, Closing, Closed };
    Q_ENUM(State)

    // What one owner takes by direct call, before the matching signals are emitted (a server
    // keeps a session per client: this costs no signal connection).
    class Observer
    {
    public:
        virtual void sessionMessage(const EnginePacket &packet) = 0;
        virtual void sessionUpgraded() = 0;
        virtual void sessionClosed(const QString &reason, const QString &description) = 0;

    protected:
        ~Observer() = default;
    };
    using CloseHandler = void (*)(QObject *context, EngineSession *session, const QString &reason);

    explicit EngineSession(Role role, QObject *parent = nullptr);
    ~EngineSession() override;

    // Server: the session exists from the handshake request; sends the open packet at once.
    void openServer(const EngineHandshake &handshake, EngineTransport *transport);
    // Client: the session opens when the server's open packet arrives on this transport.
    void openClient(EngineTransport *transport);
    // Offers a second transport for an upgrade (the session takes ownership). The client sends
    // the "probe" ping once it opens; the server answers it. Returns false (and deletes the
    // candidate) when an upgrade is not possible now.
    bool probe(EngineTransport *candidate);
    // How long the server waits for the upgrade packet after a probe (ms).
    void setUpgradeTimeout(int ms) { m_upgradeTimeout = ms; }
    void setObserver(Observer *observer) { m_observer = observer; }
    Observer *observer() const { return m_observer; }
    // Called first when the session closes (the server's session table).
    void setCloseHandler(CloseHandler handler, QObject *context)
    {
        m_closeHandler = handler;
        m_closeContext = context;
    }

    void send(const EnginePacket &packet);
    void send(const QList<EnginePacket> &packets);
    // Orderly close: flushes what is buffered, then closes the transport. Reason "forced close".
    void close();
    // Immediate close with the given reason; nothing more is sent.
    void abort(const QString &reason, const QString &description = {});

    Role role() const { return m_role; }
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    QString sid() const { return m_handshake.sid; }
    const EngineHandshake &handshake() const { return m_handshake; }
    EngineTransport *transport() const { return m_transport; }
    EngineTransport *probeTransport() const { return m_probe; }
    QString transportName() const;
    bool isUpgrading() const { return m_upgrading; }
    qsizetype bufferedPackets() const { return m_writeBuffer.size(); }
    // Payload bytes waiting for a writable transport (polling between requests), for the
    // server's per-client back-pressure limit.
    qint64 bufferedBytes() const { return m_bufferedBytes; }

Q_SIGNALS:
    void opened(const TableTap::EngineHandshake &handshake);
    void messageReceived(const TableTap::EnginePacket &packet);
    void upgrading(const QString &transport);
    void upgraded(const QString &transport);
    void upgradeFailed(const QString &transport, const QString &reason);
    // A ping (client) or pong (server) arrived: the peer is alive.
    void heartbeat();
    // The write buffer was handed to the transport.
    void drained();
    void closed(const QString &reason, const QString &description);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void attach(EngineTransport *transport);
    void detach(EngineTransport *transport);
    void onPacket(const EnginePacket &packet);
    void onProbePacket(const EnginePacket &packet);
    void onProbeClosed(const QString &reason);
    void onTransportClosed(const QString &reason, const QString &description);
    void onWritable();
    void transportPacket(const EnginePacket &packet) override { onPacket(packet); }
    void transportWritable() override { onWritable(); }
    void transportClosed(const QString &reason, const QString &description) override
    {
        onTransportClosed(reason, description);
    }
    void finishClientUpgrade();
    void discardProbe(const QString &reason);
    void flush();
    void schedulePing();
    void resetPingTimeout();
    void onClose(const QString &reason, const QString &description);

    Role m_role;
    State m_state = State::Opening;
    EngineHandshake m_handshake;
    QPointer<EngineTransport> m_transport;
    QPointer<EngineTransport> m_probe;
    QList<EnginePacket> m_writeBuffer;
    qint64 m_bufferedBytes = 0;
    QBasicTimer m_pingTimer;        // server: next ping
    QBasicTimer m_pingTimeoutTimer; // server: pong deadline; client: next ping deadline
    QBasicTimer m_upgradeTimer;     // server: upgrade packet deadline
    int m_upgradeTimeout = 10000;
    Observer *m_observer = nullptr;
    CloseHandler m_closeHandler = nullptr;
    QObject *m_closeContext = nullptr;
    bool m_upgrading = false;
    bool m_closeAfterFlush = false;
};

} // namespace TableTap
