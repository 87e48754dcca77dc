// Engine.IO v4 session state machine.
#include "enginesession.h"

#include "enginecodec.h"
#include "enginetransport.h"
#include "protocollogging.h"

#include <QTimerEvent>

#include <utility>

namespace TableTap {

namespace {
const QByteArray probeData = QByteArrayLiteral("probe");
}

EngineSession::EngineSession(Role role, QObject *parent)
    : QObject(parent)
    , m_role(role)
{}

EngineSession::~EngineSession()
{
    // Transports are children; make sure none of their signals reach a half-destroyed session.
    if (m_transport)
        detach(m_transport);
    if (m_probe)
        detach(m_probe);
}

QString EngineSession::transportName() const
{
    return m_transport ? m_transport->name() : QString();
}

void EngineSession::attach(EngineTransport *transport)
{
    transport->setParent(this);
    m_transport = transport;
    if (transport->usesSink()) {
        // Direct calls: no signal connections per session.
        transport->setSink(this);
        return;
    }
    connect(transport, &EngineTransport::packetReceived, this, &EngineSession::onPacket);
    connect(transport, &EngineTransport::writable, this, &EngineSession::onWritable);
    connect(transport, &EngineTransport::closed, this, &EngineSession::onTransportClosed);
}

void EngineSession::detach(EngineTransport *transport)
{
    if (transport->sink() == this)
        transport->setSink(nullptr);
    disconnect(transport, nullptr, this, nullptr);
}

void EngineSession::openServer(const EngineHandshake &handshake, EngineTransport *transport)
{
    Q_ASSERT(m_role == Role::Server);
    m_handshake = handshake;
    attach(transport);
    m_state = State::Open;
    send(EnginePacket::text(EnginePacket::Type::Open, handshake.toJson()));
    schedulePing();
    Q_EMIT opened(m_handshake);
}

void EngineSession::openClient(EngineTransport *transport)
{
    Q_ASSERT(m_role == Role::Client);
    m_state = State::Opening;
    attach(transport);
}

bool EngineSession::probe(EngineTransport *candidate)
{
    if (m_state != State::Open || m_probe || !m_transport
        || m_transport->name() == candidate->name()) {
        candidate->abort();
        candidate->deleteLater();
        return false;
    }
    candidate->setParent(this);
    m_probe = candidate;
    connect(candidate, &EngineTransport::packetReceived, this, &EngineSession::onProbePacket);
    connect(candidate, &EngineTransport::closed, this, &EngineSession::onProbeClosed);
    if (m_role == Role::Client) {
        connect(candidate, &EngineTransport::opened, this, [this, candidate] {
            if (m_probe == candidate)
                candidate->send({EnginePacket::text(EnginePacket::Type::Ping, probeData)});
        });
    } else {
        m_upgradeTimer.start(m_upgradeTimeout, Qt::PreciseTimer, this);
    }
    return true;
}

void EngineSession::onProbePacket(const EnginePacket &packet)
{
    if (!m_probe || m_state == State::Closed)
        return;
    if (m_role == Role::Client) {
        if (packet.type == EnginePacket::Type::Pong && packet.data == probeData) {
            m_upgrading = true;
            Q_EMIT upgrading(m_probe->name());
            connect(m_transport, &EngineTransport::paused, this,
                    &EngineSession::finishClientUpgrade, Qt::SingleShotConnection);
            m_transport->pause();
        } else {
            discardProbe(QStringLiteral("probe error"));
        }
        return;
    }

    // Server role. One probe ping per upgrade: a peer that repeats it without reading would
    // otherwise make the server queue a pong for each.
    if (packet.type == EnginePacket::Type::Ping && packet.data == probeData && !m_upgrading) {
        m_probe->send({EnginePacket::text(EnginePacket::Type::Pong, probeData)});
        m_upgrading = true;
        Q_EMIT upgrading(m_probe->name());
        // Release a poll the client holds open so it can pause and switch.
        if (m_transport && m_transport->isWritable() && m_writeBuffer.isEmpty())
            m_transport->send({EnginePacket::text(EnginePacket::Type::Noop)});
    } else if (packet.type == EnginePacket::Type::Upgrade && m_upgrading) {
        m_upgradeTimer.stop();
        EngineTransport *old = m_transport;
        EngineTransport *next = m_probe;
        m_probe.clear();
        m_upgrading = false;
        detach(next);
        if (old) {
            detach(old);
            old->abort();
            old->deleteLater();
        }
        attach(next);
        qCDebug(lcProtocol) << "session" << m_handshake.sid << "upgraded to" << next->name();
        if (m_observer)
            m_observer->sessionUpgraded();
        Q_EMIT upgraded(next->name());
        flush();
        if (m_state == State::Closing && m_writeBuffer.isEmpty())
            onClose(QStringLiteral("forced close"), {});
    } else {
        discardProbe(QStringLiteral("unexpected packet during upgrade"));
    }
}

void EngineSession::finishClientUpgrade()
{
    if (!m_probe || m_state == State::Closed)
        return;
    EngineTransport *old = m_transport;
    EngineTransport *next = m_probe;
    m_probe.clear();
    detach(next);
    if (old) {
        detach(old);
        old->abort();
        old->deleteLater();
    }
    attach(next);
    next->send({EnginePacket::text(EnginePacket::Type::Upgrade)});
    m_upgrading = false;
    qCDebug(lcProtocol) << "session" << m_handshake.sid << "upgraded to" << next->name();
    if (m_observer)
        m_observer->sessionUpgraded();
    Q_EMIT upgraded(next->name());
    flush();
}

void EngineSession::onProbeClosed(const QString &reason)
{
    discardProbe(reason);
}

void EngineSession::discardProbe(const QString &reason)
{
    m_upgradeTimer.stop();
    if (!m_probe)
        return;
    EngineTransport *probe = m_probe;
    m_probe.clear();
    const QString name = probe->name();
    detach(probe);
    probe->abort();
    probe->deleteLater();
    if (m_upgrading && m_role == Role::Client && m_transport) {
        // The old transport was paused for nothing; a paused polling transport cannot resume,
        // so treat this like a lost transport (the JS client does the same).
        m_upgrading = false;
        Q_EMIT upgradeFailed(name, reason);
        onClose(QStringLiteral("transport error"), reason);
        return;
    }
    m_upgrading = false;
    Q_EMIT upgradeFailed(name, reason);
}

void EngineSession::onPacket(const EnginePacket &packet)
{
    if (m_state == State::Closed)
        return;
    qCDebug(lcWire).noquote() << (m_role == Role::Client ? "client <" : "server <")
                              << EngineCodec::typeName(packet.type)
                              << (packet.binary ? QByteArray("<binary>") : packet.data.left(300));
    switch (packet.type) {
    case EnginePacket::Type::Open:
        if (m_role == Role::Client && m_state == State::Opening) {
            auto handshake = EngineHandshake::fromJson(packet.data);
            if (!handshake) {
                onClose(QStringLiteral("parse error"), handshake.error());
                return;
            }
            m_handshake = std::move(handshake).value();
            m_state = State::Open;
            resetPingTimeout();
            Q_EMIT opened(m_handshake);
            flush();
        }
        return;
    case EnginePacket::Type::Close:
        onClose(QStringLiteral("transport close"), QStringLiteral("close packet"));
        return;
    case EnginePacket::Type::Ping:
        if (m_role == Role::Server) {
            onClose(QStringLiteral("transport error"),
                    QStringLiteral("invalid heartbeat direction"));
            return;
        }
        resetPingTimeout();
        send(EnginePacket::text(EnginePacket::Type::Pong, packet.data));
        Q_EMIT heartbeat();
        return;
    case EnginePacket::Type::Pong:
        if (m_role == Role::Server) {
            m_pingTimeoutTimer.stop();
            schedulePing();
            Q_EMIT heartbeat();
        }
        return;
    case EnginePacket::Type::Message:
        if (m_state == State::Open || m_state == State::Closing) {
            if (m_observer)
                m_observer->sessionMessage(packet);
            Q_EMIT messageReceived(packet);
        }
        return;
    case EnginePacket::Type::Upgrade:
    case EnginePacket::Type::Noop:
        return;
    }
}

void EngineSession::onTransportClosed(const QString &reason, const QString &description)
{
    onClose(reason, description);
}

void EngineSession::onWritable()
{
    flush();
    // During a server-side upgrade, answer every poll at once so the client can pause.
    if (m_role == Role::Server && m_upgrading && m_transport && m_transport->isWritable()
        && m_writeBuffer.isEmpty())
        m_transport->send({EnginePacket::text(EnginePacket::Type::Noop)});
}

void EngineSession::send(const EnginePacket &packet)
{
    if (m_state == State::Closed || (m_state == State::Closing && !m_closeAfterFlush))
        return;
    m_writeBuffer.append(packet);
    m_bufferedBytes += packet.data.size();
    flush();
}

void EngineSession::send(const QList<EnginePacket> &packets)
{
    if (m_state == State::Closed || (m_state == State::Closing && !m_closeAfterFlush))
        return;
    m_writeBuffer.append(packets);
    for (const EnginePacket &p : packets)
        m_bufferedBytes += p.data.size();
    flush();
}

void EngineSession::flush()
{
    if (m_state == State::Closed || !m_transport || m_writeBuffer.isEmpty())
        return;
    if (m_role == Role::Client && (m_upgrading || m_state == State::Opening))
        return;
    if (!m_transport->isWritable())
        return;
    QList<EnginePacket> packets;
    packets.swap(m_writeBuffer);
    m_bufferedBytes = 0;
    if (lcWire().isDebugEnabled()) {
        for (const EnginePacket &p : std::as_const(packets))
            qCDebug(lcWire).noquote() << (m_role == Role::Client ? "client >" : "server >")
                                      << EngineCodec::typeName(p.type)
                                      << (p.binary ? QByteArray("<binary>") : p.data.left(300));
    }
    m_transport->send(packets);
    Q_EMIT drained();
    if (m_closeAfterFlush && m_writeBuffer.isEmpty() && !m_upgrading) {
        m_closeAfterFlush = false;
        onClose(QStringLiteral("forced close"), {});
    }
}

void EngineSession::close()
{
    if (m_state == State::Closed || m_state == State::Closing)
        return;
    if (!m_writeBuffer.isEmpty() || m_upgrading) {
        m_state = State::Closing;
        m_closeAfterFlush = true;
        flush();
        return;
    }
    onClose(QStringLiteral("forced close"), {});
}

void EngineSession::abort(const QString &reason, const QString &description)
{
    m_writeBuffer.clear();
    m_bufferedBytes = 0;
    onClose(reason, description);
}

void EngineSession::schedulePing()
{
    m_pingTimer.start(m_handshake.pingInterval, Qt::PreciseTimer, this);
}

void EngineSession::resetPingTimeout()
{
    // The client's deadline for the next ping; the server's deadline for the pong.
    const int ms = m_role == Role::Client ? m_handshake.pingInterval + m_handshake.pingTimeout
                                          : m_handshake.pingTimeout;
    m_pingTimeoutTimer.start(ms, Qt::PreciseTimer, this);
}

void EngineSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_pingTimer.timerId()) {
        m_pingTimer.stop();
        send(EnginePacket::text(EnginePacket::Type::Ping));
        resetPingTimeout();
    } else if (event->timerId() == m_pingTimeoutTimer.timerId()) {
        m_pingTimeoutTimer.stop();
        onClose(QStringLiteral("ping timeout"), {});
    } else if (event->timerId() == m_upgradeTimer.timerId()) {
        m_upgradeTimer.stop();
        discardProbe(QStringLiteral("upgrade timeout"));
    } else {
        QObject::timerEvent(event);
    }
}

void EngineSession::onClose(const QString &reason, const QString &description)
{
    if (m_state == State::Closed)
        return;
    const bool wasOpening = m_state == State::Opening;
    m_state = State::Closed;
    m_pingTimer.stop();
    m_pingTimeoutTimer.stop();
    m_upgradeTimer.stop();
    m_writeBuffer.clear();
    m_bufferedBytes = 0;
    m_upgrading = false;
    if (m_probe) {
        detach(m_probe);
        m_probe->abort();
        m_probe->deleteLater();
        m_probe.clear();
    }
    if (m_transport) {
        detach(m_transport);
        m_transport->close();
        m_transport->deleteLater();
        m_transport.clear();
    }
    qCDebug(lcProtocol) << (m_role == Role::Client ? "client" : "server") << "session"
                        << m_handshake.sid << "closed:" << reason << description
                        << (wasOpening ? "(before open)" : "");
    if (m_closeHandler)
        m_closeHandler(m_closeContext, this, reason);
    if (Observer *o = std::exchange(m_observer, nullptr))
        o->sessionClosed(reason, description);
    Q_EMIT closed(reason, description);
}

} // namespace TableTap
