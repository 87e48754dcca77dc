// SioAdapter: the in-memory room table, the broadcast hot path and the local halves of the
// cluster operations.
#include "sioadapter.h"

#include "serverlogging.h"
#include "siocodec.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "siorecoverylog.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "websocketcodec.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>

namespace TableTap {

namespace {

// What one gathering may hold before it is delivered: bounds the joined frames and the delay.
constexpr qsizetype kMaxGatheredBytes = 256 * 1024;
constexpr int kMaxGatheredPackets = 1024;

// The adapter holding the thread's gathered broadcasts, if any.
thread_local SioAdapter *t_gathering = nullptr;

bool sameSet(const QSet<QString> &a, const QSet<QString> &b)
{
    return a.size() == b.size() && (a.isEmpty() || a == b);
}

} // namespace

struct SioAdapter::Gathered
{
    explicit Gathered(const SioBroadcast &target)
        : target(target)
    {}
    SioBroadcast target;
    QList<EnginePacket> packets; // for recipients off the websocket fast path
    QByteArray frames;           // the packets' websocket text frames, back to back
    int recipients = 0;
};

namespace {

// A gathering being written to its recipients, a slice per event-loop pass.
struct Fanout
{
    QList<EnginePacket> packets;
    QByteArray frames;
    // Fixed when the fan-out starts; null once written out of turn or gone.
    std::vector<SioConnection *> recipients;
    size_t next = 0; // recipients before it are written
};

thread_local std::unique_ptr<Fanout> t_fanout;
thread_local bool t_continuationPosted = false;
thread_local int t_sliceRecipients = 0;
thread_local int t_sliceMicros = 1000;

} // namespace

// Writes the unfinished fan-out: one slice, or (all) the rest of it. A write never re-enters
// here (transport errors are handled in a later pass), but should one do so it finds no fan-out
// and the slice carries on.
static void runFanout(bool all);

static void postFanoutContinuation()
{
    if (t_continuationPosted)
        return;
    QObject *context = QAbstractEventDispatcher::instance();
    if (!context)
        context = QCoreApplication::instance();
    if (!context) {
        runFanout(true);
        return;
    }
    t_continuationPosted = true;
    QMetaObject::invokeMethod(
        context,
        [] {
            t_continuationPosted = false;
            runFanout(false);
        },
        Qt::QueuedConnection);
}

static void runFanout(bool all)
{
    std::unique_ptr<Fanout> f = std::move(t_fanout);
    if (!f)
        return;
    const int maxCount = all ? 0 : t_sliceRecipients;
    const qint64 budgetNs = all ? 0 : qint64(t_sliceMicros) * 1000;
    QElapsedTimer clock;
    if (budgetNs > 0)
        clock.start();
    int written = 0;
    const size_t end = f->recipients.size();
    while (f->next < end) {
        SioConnection *c = f->recipients[f->next++];
        if (!c)
            continue;
        c->writeGathered(f->packets, f->frames);
        ++written;
        if ((maxCount > 0 && written >= maxCount)
            || (budgetNs > 0 && (written & 15) == 0 && clock.nsecsElapsed() >= budgetNs))
            break;
    }
    if (f->next >= end)
        return;
    if (t_fanout) {
        // A newer fan-out appeared meanwhile: this older one goes out first, in full.
        std::unique_ptr<Fanout> newer = std::move(t_fanout);
        t_fanout = std::move(f);
        runFanout(true);
        t_fanout = std::move(newer);
        postFanoutContinuation();
        return;
    }
    t_fanout = std::move(f);
    postFanoutContinuation();
}

SioAdapter::SioAdapter(SioNamespace *nsp)
    : m_nsp(nsp)
{}

SioAdapter::~SioAdapter()
{
    // The namespace is going away with its sockets: what it gathered has nobody left to reach.
    if (t_gathering == this)
        t_gathering = nullptr;
}

void SioAdapter::deliverGathered()
{
    if (SioAdapter *a = t_gathering)
        a->deliverOwnGathered(false);
    runFanout(true);
}

void SioAdapter::deliverOwed(SioConnection *client)
{
    if (SioAdapter *a = t_gathering)
        a->deliverOwnGathered(false);
    Fanout *f = t_fanout.get();
    if (!f || !client)
        return;
    const size_t pos = client->m_fanoutPos;
    if (pos < f->recipients.size() && pos >= f->next && f->recipients[pos] == client) {
        f->recipients[pos] = nullptr;
        client->writeGathered(f->packets, f->frames);
    }
}

void SioAdapter::forgetFanoutRecipient(SioConnection *client)
{
    Fanout *f = t_fanout.get();
    if (!f)
        return;
    const size_t pos = client->m_fanoutPos;
    if (pos < f->recipients.size() && f->recipients[pos] == client)
        f->recipients[pos] = nullptr;
}

bool SioAdapter::isOwedFanout(const SioConnection *client)
{
    const Fanout *f = t_fanout.get();
    if (!f || !client)
        return false;
    const size_t pos = client->m_fanoutPos;
    return pos < f->recipients.size() && pos >= f->next && f->recipients[pos] == client;
}

void SioAdapter::setFanoutSlice(int maxRecipients, int budgetMicros)
{
    t_sliceRecipients = std::max(0, maxRecipients);
    t_sliceMicros = std::max(0, budgetMicros);
}

int SioAdapter::fanoutSliceRecipients()
{
    return t_sliceRecipients;
}

int SioAdapter::fanoutSliceMicros()
{
    return t_sliceMicros;
}

int SioAdapter::pendingFanoutRecipients()
{
    const Fanout *f = t_fanout.get();
    if (!f)
        return 0;
    int n = 0;
    for (size_t i = f->next; i < f->recipients.size(); ++i)
        n += f->recipients[i] != nullptr;
    return n;
}

void SioAdapter::deliverOwnGathered(bool writeSlice)
{
    if (t_gathering != this || !m_gathered)
        return;
    t_gathering = nullptr;
    const std::unique_ptr<Gathered> g = std::move(m_gathered);
    // An older fan-out still being written goes out in full first: per client, its frames come
    // before these.
    runFanout(true);
    // Rooms and sockets have not changed since the first of them (a change delivers first).
    std::vector<SioServerSocket *> recipients = collect(g->target);
    auto f = std::make_unique<Fanout>();
    f->recipients.reserve(recipients.size());
    for (SioServerSocket *s : recipients) {
        if (SioConnection *c = s->m_client.data()) {
            c->m_fanoutPos = quint32(f->recipients.size());
            f->recipients.push_back(c);
        }
    }
    recipients.clear();
    if (m_scratch.capacity() < recipients.capacity())
        m_scratch.swap(recipients);
    if (f->recipients.empty())
        return;
    f->packets = g->packets;
    f->frames = g->frames;
    t_fanout = std::move(f);
    if (writeSlice)
        runFanout(false);
    else
        postFanoutContinuation();
}

int SioAdapter::gather(const SioBroadcast &target, const EnginePacket &packet)
{
    if (t_gathering
        && (t_gathering != this || !sameSet(m_gathered->target.rooms(), target.rooms())
            || !sameSet(m_gathered->target.exceptRooms(), target.exceptRooms())
            || m_gathered->frames.size() >= kMaxGatheredBytes
            || m_gathered->packets.size() >= kMaxGatheredPackets))
        t_gathering->deliverOwnGathered(false);
    if (!m_gathered) {
        std::vector<SioServerSocket *> recipients = collect(target);
        const int count = int(recipients.size());
        recipients.clear();
        if (m_scratch.capacity() < recipients.capacity())
            m_scratch.swap(recipients);
        if (count == 0)
            return 0;
        m_gathered = std::make_unique<Gathered>(target);
        m_gathered->recipients = count;
        t_gathering = this;
        if (!m_deliveryPosted) {
            m_deliveryPosted = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_deliveryPosted = false;
                    deliverOwnGathered(true);
                },
                Qt::QueuedConnection);
        }
    }
    m_gathered->packets.append(packet);
    m_gathered->frames.append(WebSocketCodec::textFrame(char('0' + int(packet.type)), packet.data));
    return m_gathered->recipients;
}

void SioAdapter::addToRoom(SioServerSocket *socket, const QString &room)
{
    deliverOwed(socket->m_client.data());
    m_rooms[room].insert(socket);
}

void SioAdapter::removeFromRoom(SioServerSocket *socket, const QString &room)
{
    deliverOwed(socket->m_client.data());
    auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return;
    it->remove(socket);
    if (it->isEmpty())
        m_rooms.erase(it);
}

bool SioAdapter::hasRoom(const QString &room) const
{
    return m_rooms.contains(room) || m_nsp->socket(room) != nullptr;
}

QHash<QString, int> SioAdapter::roomSizes() const
{
    QHash<QString, int> sizes;
    for (auto it = m_rooms.constBegin(); it != m_rooms.constEnd(); ++it)
        sizes.insert(it.key(), int(it->size()));
    return sizes;
}

template<typename F>
void SioAdapter::forEachMember(const QString &room, F &&f) const
{
    auto it = m_rooms.constFind(room);
    if (it != m_rooms.constEnd()) {
        for (SioServerSocket *s : *it)
            f(s);
        return;
    }
    // Every socket is alone in the room named by its id.
    if (SioServerSocket *s = m_nsp->m_sockets.value(room))
        f(s);
}

std::vector<SioServerSocket *> SioAdapter::collect(const SioBroadcast &target)
{
    // Stamps instead of sets: each socket is taken once and exclusions cost no allocation.
    const quint64 stamp = ++m_stamp;
    for (const QString &room : target.exceptRooms())
        forEachMember(room, [stamp](SioServerSocket *s) { s->m_exceptStamp = stamp; });
    std::vector<SioServerSocket *> recipients;
    recipients.swap(m_scratch); // reuse capacity; a nested broadcast gets a fresh vector
    recipients.clear();
    auto consider = [&recipients, stamp](SioServerSocket *s) {
        if (s->m_exceptStamp == stamp || s->m_sentStamp == stamp || !s->m_connected)
            return;
        s->m_sentStamp = stamp;
        recipients.push_back(s);
    };
    if (target.rooms().isEmpty()) {
        recipients.reserve(m_nsp->m_sockets.size());
        for (SioServerSocket *s : std::as_const(m_nsp->m_sockets))
            consider(s);
    } else {
        for (const QString &room : target.rooms())
            forEachMember(room, consider);
    }
    return recipients;
}

int SioAdapter::broadcast(const SioBroadcast &target, const QString &event, const QJsonArray &args,
                          const QList<QByteArray> &attachments)
{
    return broadcastLocal(target, event, args, attachments);
}

int SioAdapter::broadcastLocal(const SioBroadcast &target, const QString &event,
                               const QJsonArray &args, const QList<QByteArray> &attachments)
{
    QJsonArray data = eventData(event, args);
    SioRecoveryLog *recovery = m_nsp->m_recovery.get();
    QString offset;
    if (recovery && !target.isVolatile()) {
        // The offset travels as a trailing argument, as socket.io does it.
        offset = recovery->nextOffset();
        data.append(offset);
    }
    // Encoded once; every recipient gets the same shared bytes.
    const QList<EnginePacket> frames = SioCodec::encode(
        eventPacket(m_nsp->name(), std::move(data), attachments, SioPacket::NoAckId));
    if (!offset.isEmpty())
        recovery->store(target.rooms(), target.exceptRooms(), frames, SioRecoveryLog::clockMs());

    if (!target.isVolatile() && attachments.isEmpty() && frames.size() == 1
        && !frames.first().binary) {
        const int count = gather(target, frames.first());
        m_nsp->server()->counters().eventsOut += quint64(count);
        return count;
    }
    deliverGathered();
    std::vector<SioServerSocket *> recipients = collect(target);
    const bool isVolatile = target.isVolatile();
    for (SioServerSocket *s : recipients) {
        if (SioConnection *c = s->m_client.data())
            c->writePackets(frames, isVolatile, /*gather=*/true);
    }
    const int count = int(recipients.size());
    m_nsp->server()->counters().eventsOut += quint64(count);
    recipients.clear();
    if (m_scratch.capacity() < recipients.capacity())
        m_scratch.swap(recipients);
    return count;
}

void SioAdapter::broadcastWithAck(const SioBroadcast &target, const QString &event,
                                  const QJsonArray &args, const QList<QByteArray> &attachments,
                                  int timeoutMs, const ClientCountCallback &clientCount,
                                  const ClientAckCallback &ack)
{
    Q_UNUSED(timeoutMs)
    broadcastWithAckLocal(target, event, args, attachments, clientCount, ack);
}

void SioAdapter::broadcastWithAckLocal(const SioBroadcast &target, const QString &event,
                                       const QJsonArray &args, const QList<QByteArray> &attachments,
                                       const ClientCountCallback &clientCount,
                                       const ClientAckCallback &ack)
{
    deliverGathered();
    // One id for every recipient, one encoding, as socket.io's adapter does; acked packets are
    // never logged for recovery.
    const qint64 id = m_nsp->nextAckId();
    const QList<EnginePacket> frames
        = SioCodec::encode(eventPacket(m_nsp->name(), eventData(event, args), attachments, id));
    const std::vector<SioServerSocket *> recipients = collect(target);
    int count = 0;
    for (SioServerSocket *s : recipients) {
        SioConnection *c = s->m_client.data();
        if (!c)
            continue;
        s->m_acks.insert(
            id, SioServerSocket::PendingAck{[ack](const SioServerSocket::AckReply &reply) {
                                                if (ack)
                                                    ack(reply.args.isEmpty() ? QJsonValue()
                                                                             : reply.args.at(0));
                                            },
                                            false});
        c->writePackets(frames, target.isVolatile(), /*gather=*/true);
        ++count;
    }
    m_nsp->server()->counters().eventsOut += quint64(count);
    if (clientCount)
        clientCount(count);
}

void SioAdapter::addSockets(const SioBroadcast &target, const QStringList &rooms)
{
    addSocketsLocal(target, rooms);
}

void SioAdapter::addSocketsLocal(const SioBroadcast &target, const QStringList &rooms)
{
    for (SioServerSocket *s : collect(target))
        s->join(rooms);
}

void SioAdapter::delSockets(const SioBroadcast &target, const QStringList &rooms)
{
    delSocketsLocal(target, rooms);
}

void SioAdapter::delSocketsLocal(const SioBroadcast &target, const QStringList &rooms)
{
    for (SioServerSocket *s : collect(target)) {
        for (const QString &room : rooms)
            s->leave(room);
    }
}

void SioAdapter::disconnectSockets(const SioBroadcast &target, bool close)
{
    disconnectSocketsLocal(target, close);
}

void SioAdapter::disconnectSocketsLocal(const SioBroadcast &target, bool close)
{
    deliverGathered();
    const std::vector<SioServerSocket *> sockets = collect(target);
    QList<QPointer<SioServerSocket>> guards(sockets.begin(), sockets.end());
    for (const QPointer<SioServerSocket> &s : guards) {
        if (s)
            s->disconnect(close);
    }
}

void SioAdapter::fetchSockets(const SioBroadcast &target, const SocketsCallback &callback)
{
    callback(fetchSocketsLocal(target));
}

QList<SioAdapter::SocketInfo> SioAdapter::fetchSocketsLocal(const SioBroadcast &target)
{
    QList<SocketInfo> out;
    for (const SioServerSocket *s : collect(target))
        out.append(describe(s));
    return out;
}

void SioAdapter::serverSideEmit(const QString &event, const QJsonArray &args,
                                const ServerSideAck &ack)
{
    // No other node: an ack learns at once that nobody answered.
    Q_UNUSED(event)
    Q_UNUSED(args)
    if (ack)
        ack(QString(), {});
}

void SioAdapter::serverCount(const CountCallback &callback)
{
    callback(1);
}

void SioAdapter::allRooms(const RoomsCallback &callback)
{
    callback(localRooms());
}

QSet<QString> SioAdapter::localRooms() const
{
    // As socket.io counts them: named rooms and every socket's own-id room.
    const QStringList names = m_rooms.keys();
    QSet<QString> rooms(names.cbegin(), names.cend());
    for (auto it = m_nsp->m_sockets.constBegin(); it != m_nsp->m_sockets.constEnd(); ++it)
        rooms.insert(it.key());
    return rooms;
}

void SioAdapter::deliverServerSideEmit(const QString &event, const QJsonArray &args,
                                       const std::function<void(const QJsonValue &)> &reply)
{
    m_nsp->deliverServerSideEmit(event, args, reply);
}

QJsonArray SioAdapter::eventData(const QString &event, const QJsonArray &args)
{
    QJsonArray data{event};
    for (const QJsonValue &v : args)
        data.append(v);
    return data;
}

SioPacket SioAdapter::eventPacket(const QString &nsp, QJsonArray data,
                                  const QList<QByteArray> &attachments, qint64 id)
{
    SioPacket packet;
    packet.type = SioPacket::Type::Event;
    packet.nsp = nsp;
    packet.id = id;
    packet.data = std::move(data);
    packet.attachments = attachments;
    packet.attachmentCount = int(attachments.size());
    return packet;
}

SioAdapter::SocketInfo SioAdapter::describe(const SioServerSocket *socket)
{
    SocketInfo info;
    info.id = socket->id();
    info.local = true;
    const SioServerSocket::Handshake &h = socket->handshake();
    QJsonObject headers;
    for (const auto &[name, value] : h.peer.request.headers) {
        const QString key = QString::fromLatin1(name);
        if (!headers.contains(key))
            headers.insert(key, QString::fromUtf8(value));
    }
    QJsonObject query;
    const QUrlQuery q(QString::fromUtf8(h.peer.request.query));
    for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded))
        query.insert(key, value);
    const QDateTime issued = QDateTime::fromMSecsSinceEpoch(h.issued);
    info.handshake = QJsonObject{
        {QStringLiteral("headers"), headers},
        {QStringLiteral("time"), issued.toString(Qt::RFC2822Date)},
        {QStringLiteral("address"), h.peer.address.toString()},
        {QStringLiteral("xdomain"), h.peer.request.hasHeader("origin")},
        {QStringLiteral("secure"), h.peer.secure},
        {QStringLiteral("issued"), double(h.issued)},
        {QStringLiteral("url"), QString::fromUtf8(h.peer.request.target)},
        {QStringLiteral("query"), query},
        {QStringLiteral("auth"), h.auth},
    };
    const QSet<QString> rooms = socket->rooms();
    info.rooms = QStringList(rooms.cbegin(), rooms.cend());
    info.data = QJsonValue::fromVariant(socket->data());
    return info;
}

} // namespace TableTap
