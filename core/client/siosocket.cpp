// One Socket.IO namespace on a manager's connection.
#include "siosocket.h"

#include "protocollogging.h"
#include "siocodec.h"

#include <QTimer>
#include <QTimerEvent>

#include <memory>

namespace TableTap {

namespace {

QString ackTimeoutError()
{
    return QStringLiteral("operation has timed out");
}

QString disconnectedError()
{
    return QStringLiteral("socket has been disconnected");
}

// Placeholders must point at attachments that exist, or the peer's parser drops the
// connection ("illegal attachments").
bool attachmentsMatch(const QJsonValue &data, const QList<QByteArray> &attachments)
{
    const int needed = SioCodec::placeholderCount(data);
    return needed >= 0 && needed <= attachments.size();
}

} // namespace

SioSocket::SioSocket(SioManager *manager, const QString &nsp)
    : QObject(manager)
    , m_manager(manager)
    , m_nsp(nsp)
{}

SioSocket::~SioSocket()
{
    SioManager *manager = m_manager;
    m_manager.clear();
    if (!manager)
        return;
    if (m_connected) {
        SioPacket p;
        p.type = SioPacket::Type::Disconnect;
        p.nsp = m_nsp;
        manager->sendPacket(p);
    }
    m_connected = false;
    manager->socketDestroyed(this);
}

void SioSocket::setAuth(const QJsonObject &auth)
{
    m_auth = auth;
}

void SioSocket::setAuthCallback(std::function<QJsonObject()> callback)
{
    m_authCallback = std::move(callback);
}

void SioSocket::setAuthRefresh(std::function<void(SioSocket *, std::function<void(bool)>)> refresh)
{
    m_authRefresh = std::move(refresh);
}

void SioSocket::open()
{
    m_autoConnectPending = false;
    if (!m_manager || m_connected)
        return;
    SioManager::Reentry r(m_manager);
    QPointer<SioSocket> self(this);
    m_active = true;
    m_manager->socketActivated(this);
    if (!self || !m_manager)
        return;
    if (m_manager->isOpen() && !m_connectSent)
        sendConnect();
    updateState();
}

void SioSocket::close()
{
    m_autoConnectPending = false;
    SioManager::Reentry r(m_manager);
    QPointer<SioSocket> self(this);
    const bool wasConnected = m_connected;
    if (wasConnected) {
        SioPacket p;
        p.type = SioPacket::Type::Disconnect;
        p.nsp = m_nsp;
        send(p);
    }
    destroyLink();
    if (!self)
        return;
    if (wasConnected) {
        onClose(QStringLiteral("io client disconnect"), {});
        if (!self)
            return;
    }
    updateState();
}

void SioSocket::send(const SioPacket &packet)
{
    if (m_manager)
        m_manager->sendPacket(packet);
}

void SioSocket::destroyLink()
{
    if (!m_active)
        return;
    m_active = false;
    m_connectSent = false;
    m_regaining = false;
    if (m_manager)
        m_manager->socketDeactivated(this);
}

bool SioSocket::emitEvent(const QString &event, const QJsonArray &args,
                          const QList<QByteArray> &attachments)
{
    bool sent = false;
    return emitPacket(event, args, attachments, false, {}, nullptr, DefaultAckTimeout, nullptr,
                      &sent);
}

bool SioSocket::emitVolatile(const QString &event, const QJsonArray &args,
                             const QList<QByteArray> &attachments)
{
    bool sent = false;
    return emitPacket(event, args, attachments, true, {}, nullptr, DefaultAckTimeout, nullptr,
                      &sent)
           && sent;
}

qint64 SioSocket::emitWithAck(const QString &event, const QJsonArray &args, const QObject *context,
                              AckCallback callback, int timeoutMs,
                              const QList<QByteArray> &attachments)
{
    if (!callback)
        callback = [](const SioAckResult &) {
        };
    qint64 id = -1;
    bool sent = false;
    if (!emitPacket(event, args, attachments, false, std::move(callback), context, timeoutMs, &id,
                    &sent))
        return -1;
    return id;
}

bool SioSocket::emitPacket(const QString &event, const QJsonArray &args,
                           const QList<QByteArray> &attachments, bool isVolatile,
                           AckCallback callback, const QObject *context, int timeoutMs,
                           qint64 *ackId, bool *sent)
{
    *sent = false;
    if (SioCodec::isReservedEventName(event)) {
        qCWarning(lcProtocol) << "not sending" << event << "on" << m_nsp
                              << ": it is a reserved event name";
        return false;
    }
    SioPacket packet;
    packet.type = SioPacket::Type::Event;
    packet.nsp = m_nsp;
    QJsonArray data{event};
    for (const QJsonValue &a : args)
        data.append(a);
    packet.data = data;
    packet.attachments = attachments;
    if (!attachmentsMatch(packet.data, attachments)) {
        qCWarning(lcProtocol) << "not sending" << event << "on" << m_nsp
                              << ": its placeholders do not match its attachments";
        return false;
    }

    const bool writable = m_manager && m_manager->isTransportWritable();
    const bool connected = m_connected && m_manager && !m_manager->hasPingExpired();
    if (isVolatile && !(connected && writable)) {
        qCDebug(lcProtocol) << "dropping volatile" << event << "on" << m_nsp;
        return true;
    }

    if (callback) {
        const qint64 id = m_nextAckId++;
        packet.id = id;
        PendingAck ack{std::move(callback), context, context != nullptr, 0};
        const int timeout = timeoutMs == DefaultAckTimeout ? m_ackTimeout : timeoutMs;
        if (timeout >= 0) {
            ack.timerId = startTimer(timeout);
            m_ackTimers.insert(ack.timerId, id);
        }
        m_acks.insert(id, std::move(ack));
        if (ackId)
            *ackId = id;
    }

    if (connected) {
        send(packet);
        *sent = true;
    } else {
        m_sendBuffer.append(packet);
    }
    return true;
}

bool SioSocket::sendAck(qint64 ackId, const QJsonArray &args, const QList<QByteArray> &attachments)
{
    if (!attachmentsMatch(args, attachments) || !m_incomingAcks.remove(ackId))
        return false;
    SioPacket packet;
    packet.type = SioPacket::Type::Ack;
    packet.nsp = m_nsp;
    packet.id = ackId;
    packet.data = args;
    packet.attachments = attachments;
    send(packet);
    return true;
}

void SioSocket::on(const QString &event, const QObject *context, EventHandler handler)
{
    m_handlers[event].append({context, context != nullptr, std::move(handler)});
}

void SioSocket::off(const QString &event)
{
    m_handlers.remove(event);
}

void SioSocket::timerEvent(QTimerEvent *event)
{
    const auto it = m_ackTimers.find(event->timerId());
    if (it == m_ackTimers.end()) {
        QObject::timerEvent(event);
        return;
    }
    const qint64 id = it.value();
    m_ackTimers.erase(it);
    killTimer(event->timerId());
    SioManager::Reentry r(m_manager);
    const PendingAck ack = m_acks.take(id);
    m_sendBuffer.removeIf([id](const SioPacket &p) { return p.id == id; });
    qCDebug(lcProtocol) << "ack" << id << "on" << m_nsp << "timed out";
    callAck(ack, {ackTimeoutError(), {}, {}});
}

void SioSocket::callAck(const PendingAck &ack, const SioAckResult &result)
{
    if (!ack.callback || (ack.hasContext && !ack.context))
        return;
    ack.callback(result);
}

void SioSocket::onManagerOpen()
{
    m_connectSent = false;
    sendConnect();
}

void SioSocket::sendConnect()
{
    const QJsonObject auth = m_authCallback ? m_authCallback() : m_auth;
    SioPacket packet;
    packet.type = SioPacket::Type::Connect;
    packet.nsp = m_nsp;
    if (!m_pid.isEmpty()) {
        QJsonObject data{{QStringLiteral("pid"), m_pid}};
        if (!m_lastOffset.isEmpty())
            data.insert(QStringLiteral("offset"), m_lastOffset);
        for (auto it = auth.begin(); it != auth.end(); ++it)
            data.insert(it.key(), it.value());
        packet.data = data;
    } else if (!auth.isEmpty() || m_authCallback) {
        packet.data = auth;
    }
    m_connectSent = true;
    qCDebug(lcProtocol) << "socket" << m_nsp << "sends CONNECT"
                        << (m_pid.isEmpty() ? "" : "with recovery offset");
    send(packet);
}

void SioSocket::onManagerError(const QString &message)
{
    m_connectSent = false;
    if (!m_connected)
        Q_EMIT connectError(message, QJsonValue(QJsonValue::Undefined));
}

void SioSocket::onManagerClose(const QString &reason, const QString &description)
{
    onClose(reason, description);
}

void SioSocket::onPacket(const SioPacket &packet)
{
    switch (packet.type) {
    case SioPacket::Type::Connect: {
        const QJsonObject data = packet.data.toObject();
        const QJsonValue sid = data.value(QLatin1String("sid"));
        if (sid.isString()) {
            onConnect(sid.toString(), data.value(QLatin1String("pid")).toString());
        } else {
            Q_EMIT connectError(
                QStringLiteral("It seems you are trying to reach a Socket.IO server in v2.x with "
                               "a v3.x client, but they are not compatible"),
                QJsonValue(QJsonValue::Undefined));
        }
        break;
    }
    case SioPacket::Type::Event:
    case SioPacket::Type::BinaryEvent:
        onEvent(packet);
        break;
    case SioPacket::Type::Ack:
    case SioPacket::Type::BinaryAck:
        onAck(packet);
        break;
    case SioPacket::Type::Disconnect: {
        qCDebug(lcProtocol) << "socket" << m_nsp << "disconnected by the server";
        QPointer<SioSocket> self(this);
        destroyLink();
        if (!self)
            return;
        onClose(QStringLiteral("io server disconnect"), {});
        if (self)
            updateState();
        break;
    }
    case SioPacket::Type::ConnectError:
        onConnectError(packet);
        break;
    }
}

void SioSocket::onConnect(const QString &sid, const QString &pid)
{
    QPointer<SioSocket> self(this);
    m_id = sid;
    m_recovered = !pid.isEmpty() && m_pid == pid;
    m_pid = pid;
    m_connected = true;
    m_connectSent = false;
    m_regaining = false;
    m_authRefreshCount = 0;
    qCDebug(lcProtocol) << "socket" << m_nsp << "connected, id" << sid
                        << (m_recovered ? "(recovered)" : "");
    // Emits made while offline go out first, in order, before anything the handlers send.
    const QList<SioPacket> buffered = std::exchange(m_sendBuffer, {});
    for (const SioPacket &p : buffered)
        send(p);
    updateState();
    if (!self)
        return;
    Q_EMIT connected();
    if (!self)
        return;
    // Events that arrived before the CONNECT reply (missed events replayed by a recovering
    // server come first) are delivered once the socket reports connected.
    const QList<SioEvent> early = std::exchange(m_receiveBuffer, {});
    for (const SioEvent &e : early) {
        if (!m_connected)
            break;
        deliver(e);
        if (!self)
            return;
    }
}

void SioSocket::onEvent(const SioPacket &packet)
{
    const QJsonArray data = packet.data.toArray();
    if (data.isEmpty())
        return;
    SioEvent event;
    event.nsp = m_nsp;
    const QJsonValue name = data.first();
    event.name = name.isString() ? name.toString() : QString::number(name.toDouble());
    for (qsizetype i = 1; i < data.size(); ++i)
        event.args.append(data.at(i));
    event.attachments = packet.attachments;
    event.ackId = packet.id;
    if (packet.hasId())
        m_incomingAcks.insert(packet.id);
    if (m_connected)
        deliver(event);
    else
        m_receiveBuffer.append(event);
}

void SioSocket::onLiteEvent(SioCodec::SioLitePacket &&packet)
{
    // validate() has checked: an array, not empty, the name a string or a number.
    SioEvent event;
    event.nsp = m_nsp;
    event.lite = std::make_shared<const LiteJson>(std::move(*packet.data));
    const LiteJsonValue name = event.lite->root().toArray().first();
    event.name = name.isString() ? name.toString() : QString::number(name.toDouble());
    event.ackId = packet.id;
    if (packet.hasId())
        m_incomingAcks.insert(packet.id);
    if (m_connected)
        deliver(event);
    else
        m_receiveBuffer.append(event);
}

void SioSocket::deliver(const SioEvent &event)
{
    // With recovery on, the server appends the offset to every event without an ack.
    if (!m_pid.isEmpty() && !event.wantsAck()) {
        if (event.lite) {
            const LiteJsonValue last = event.liteArg(event.argCount() - 1);
            if (last.isString())
                m_lastOffset = last.toString();
        } else if (!event.args.isEmpty() && event.args.last().isString()) {
            m_lastOffset = event.args.last().toString();
        }
    }
    QPointer<SioSocket> self(this);
    Q_EMIT eventReceived(event);
    if (!self)
        return;
    const QList<Handler> handlers = m_handlers.value(event.name);
    if (handlers.isEmpty())
        return;
    // Handlers read args as Qt's tree.
    SioEvent converted;
    if (event.lite) {
        converted = event;
        converted.args = event.jsonArgs();
        converted.lite.reset();
    }
    for (const Handler &h : handlers) {
        if (h.hasContext && !h.context)
            continue;
        h.handler(event.lite ? converted : event);
        if (!self)
            return;
    }
}

void SioSocket::onAck(const SioPacket &packet)
{
    const auto it = m_acks.find(packet.id);
    if (it == m_acks.end()) {
        qCDebug(lcProtocol) << "socket" << m_nsp << "got an ack for unknown id" << packet.id;
        return;
    }
    const PendingAck ack = it.value();
    m_acks.erase(it);
    if (ack.timerId) {
        killTimer(ack.timerId);
        m_ackTimers.remove(ack.timerId);
    }
    callAck(ack, {QString(), packet.data.toArray(), packet.attachments});
}

void SioSocket::onConnectError(const SioPacket &packet)
{
    QPointer<SioSocket> self(this);
    QString message;
    QJsonValue data(QJsonValue::Undefined);
    if (packet.data.isObject()) {
        const QJsonObject o = packet.data.toObject();
        message = o.value(QLatin1String("message")).toString();
        data = o.value(QLatin1String("data"));
    } else if (packet.data.isString()) {
        message = packet.data.toString();
    }
    qCDebug(lcProtocol) << "socket" << m_nsp << "refused:" << message;
    // A refusal is final for this attempt (no automatic retry), as socket.io-client.
    destroyLink();
    if (!self)
        return;
    updateState();
    if (!self)
        return;
    Q_EMIT connectError(message, data);
    if (!self)
        return;
    if (message == QLatin1String("Authentication error") && m_authRefresh)
        runAuthRefresh();
}

void SioSocket::runAuthRefresh()
{
    if (m_authRefreshCount >= m_authRefreshLimit) {
        qCWarning(lcProtocol) << "socket" << m_nsp << "still refused after" << m_authRefreshCount
                              << "token refreshes; giving up";
        return;
    }
    ++m_authRefreshCount;
    qCDebug(lcProtocol) << "socket" << m_nsp << "refreshing its token, attempt"
                        << m_authRefreshCount;
    QPointer<SioSocket> self(this);
    auto called = std::make_shared<bool>(false);
    m_authRefresh(this, [self, called](bool retry) {
        if (*called)
            return;
        *called = true;
        if (!self || !retry)
            return;
        // Reconnect from a clean stack, whether the hook answered at once or later.
        QTimer::singleShot(0, self, [self] {
            if (self && !self->isActive())
                self->open();
        });
    });
}

void SioSocket::onClose(const QString &reason, const QString &description)
{
    QPointer<SioSocket> self(this);
    const bool wasConnected = m_connected;
    m_connected = false;
    m_connectSent = false;
    m_regaining = wasConnected && m_active;
    m_id.clear();
    m_receiveBuffer.clear();
    m_incomingAcks.clear();
    if (wasConnected) {
        qCDebug(lcProtocol) << "socket" << m_nsp << "disconnected:" << reason << description;
        Q_EMIT disconnected(reason, description);
        if (!self)
            return;
    }
    clearAcks(disconnectedError());
}

void SioSocket::clearAcks(const QString &error)
{
    QPointer<SioSocket> self(this);
    const QList<qint64> ids = m_acks.keys();
    for (qint64 id : ids) {
        const bool buffered = std::any_of(m_sendBuffer.cbegin(), m_sendBuffer.cend(),
                                          [id](const SioPacket &p) { return p.id == id; });
        if (buffered || !m_acks.contains(id))
            continue;
        const PendingAck ack = m_acks.take(id);
        if (ack.timerId) {
            killTimer(ack.timerId);
            m_ackTimers.remove(ack.timerId);
        }
        callAck(ack, {error, {}, {}});
        if (!self)
            return;
    }
}

void SioSocket::updateState()
{
    SioManager::State next = SioManager::State::Disconnected;
    if (m_connected)
        next = SioManager::State::Connected;
    else if (m_active && m_manager) {
        const bool engineUp = m_manager->m_readyState != SioManager::ReadyState::Closed;
        if (m_manager->m_reconnecting || (m_regaining && engineUp))
            next = SioManager::State::Reconnecting;
        else if (engineUp)
            next = SioManager::State::Connecting;
    }
    if (next == m_state)
        return;
    m_state = next;
    Q_EMIT stateChanged(next);
}

} // namespace TableTap
