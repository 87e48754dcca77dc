// RedisAdapter: socket.io's Redis adapter protocol on top of SioAdapter's local rooms.
#include "redisadapter.h"

#include "clusterlogging.h"
#include "msgpackcodec.h"
#include "rediscluster.h"
#include "sionamespace.h"
#include "sioserversocket.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

namespace TableTap {

namespace {

const QString kUid = QStringLiteral("uid");
const QString kType = QStringLiteral("type");
const QString kRequestId = QStringLiteral("requestId");
const QString kRooms = QStringLiteral("rooms");
const QString kExcept = QStringLiteral("except");
const QString kOpts = QStringLiteral("opts");
const QString kData = QStringLiteral("data");
const QString kPacket = QStringLiteral("packet");
const QString kFlags = QStringLiteral("flags");
const QString kNsp = QStringLiteral("nsp");
const QString kSockets = QStringLiteral("sockets");
const QString kClose = QStringLiteral("close");
const QString kClientCount = QStringLiteral("clientCount");

// socket.io-parser's packet types that carry an event.
constexpr int packetEvent = 2;
constexpr int packetBinaryEvent = 5;

// uid2's alphabet and length (6), as the Node adapter names its nodes and requests.
QString randomId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 6; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]));
    return id;
}

QJsonArray toArray(const QSet<QString> &set)
{
    QJsonArray a;
    for (const QString &s : set)
        a.append(s);
    return a;
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray()) {
        if (e.isString())
            out.append(e.toString());
        else if (e.isDouble()) // socket.io allows numeric room names
            out.append(QString::number(e.toDouble(), 'g', 17));
    }
    return out;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A request or response: JSON when it starts with '{', msgpack otherwise (as the Node adapter
// tells them apart). Not an object: std::nullopt.
std::optional<MsgpackCodec::Value> decodeMessage(const QByteArray &payload)
{
    if (payload.startsWith('{')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return std::nullopt;
        return MsgpackCodec::Value{doc.object(), {}};
    }
    std::optional<MsgpackCodec::Value> v = MsgpackCodec::decode(payload);
    if (!v || !v->json.isObject())
        return std::nullopt;
    return v;
}

QJsonObject socketToJson(const SioSocketInfo &s)
{
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("handshake"), s.handshake},
                       {kRooms, QJsonArray::fromStringList(s.rooms)},
                       {kData, s.data}};
}

SioSocketInfo socketFromJson(const QJsonObject &o)
{
    SioSocketInfo s;
    s.id = o.value(QLatin1String("id")).toString();
    s.handshake = o.value(QLatin1String("handshake")).toObject();
    s.rooms = stringsOf(o.value(kRooms));
    s.data = o.value(kData);
    return s;
}

} // namespace

RedisAdapter::RedisAdapter(SioNamespace *nsp, RedisCluster *cluster)
    : SioAdapter(nsp)
    , m_cluster(cluster)
    , m_uid(randomId())
{
    const QByteArray key = cluster->options().key.toUtf8();
    const QByteArray name = nsp->name().toUtf8();
    m_channel = key + '#' + name + '#';
    m_requestChannel = key + "-request#" + name + '#';
    m_responseChannel = key + "-response#" + name + '#';
    m_specificResponseChannel = m_responseChannel + m_uid.toUtf8() + '#';
    cluster->attach(this);
}

RedisAdapter::~RedisAdapter()
{
    if (m_cluster)
        m_cluster->detach(this);
}

bool RedisAdapter::handles(const QByteArray &channel) const
{
    return channel.startsWith(m_channel) || channel == m_requestChannel
           || channel.startsWith(m_responseChannel);
}

void RedisAdapter::onMessage(const QByteArray &channel, const QByteArray &payload)
{
    if (channel == m_requestChannel)
        onRequest(payload);
    else if (channel.startsWith(m_responseChannel))
        onResponse(payload);
    else
        onBroadcast(channel, payload);
}

QJsonObject RedisAdapter::targetOpts(const SioBroadcast &target) const
{
    return QJsonObject{{kRooms, toArray(target.rooms())}, {kExcept, toArray(target.exceptRooms())}};
}

SioBroadcast RedisAdapter::targetFrom(const QJsonObject &opts) const
{
    SioBroadcast b = SioBroadcast(nsp()).to(stringsOf(opts.value(kRooms)));
    b = b.except(stringsOf(opts.value(kExcept)));
    if (opts.value(kFlags).toObject().value(QLatin1String("volatile")).toBool())
        b = b.asVolatile();
    return b.local();
}

// --- broadcasts ---------------------------------------------------------------------------

int RedisAdapter::broadcast(const SioBroadcast &target, const QString &event,
                            const QJsonArray &args, const QList<QByteArray> &attachments)
{
    if (!target.isLocal() && m_cluster) {
        const QJsonObject packet{
            {kType, packetEvent}, {kData, eventData(event, args)}, {kNsp, nsp()->name()}};
        QJsonObject flags;
        if (target.isVolatile())
            flags.insert(QStringLiteral("volatile"), true);
        QJsonObject opts = targetOpts(target);
        opts.insert(kFlags, flags);
        QByteArray channel = m_channel;
        if (target.rooms().size() == 1)
            channel += target.rooms().constBegin()->toUtf8() + '#';
        m_cluster->publish(channel,
                           MsgpackCodec::encode(QJsonArray{m_uid, packet, opts}, attachments));
    }
    return broadcastLocal(target, event, args, attachments);
}

void RedisAdapter::onBroadcast(const QByteArray &channel, const QByteArray &payload)
{
    if (!channel.startsWith(m_channel) || !channel.endsWith('#'))
        return;
    // A message for one room that has no member here is not even decoded.
    const QByteArray room = channel.mid(m_channel.size())
                                .chopped(qMin<qsizetype>(1, channel.size() - m_channel.size()));
    if (!room.isEmpty() && !hasRoom(QString::fromUtf8(room)))
        return;
    const std::optional<MsgpackCodec::Value> v = MsgpackCodec::decode(payload);
    const QJsonArray message = v ? v->json.toArray() : QJsonArray();
    if (message.size() < 2 || !message.at(0).isString() || !message.at(1).isObject()) {
        ++m_cluster->counters().malformed;
        return;
    }
    if (message.at(0).toString() == m_uid)
        return; // our own
    const QJsonObject packet = message.at(1).toObject();
    const QString packetNsp = packet.value(kNsp).toString(QStringLiteral("/"));
    if (packetNsp != nsp()->name())
        return;
    const int type = packet.value(kType).toInt(-1);
    QJsonArray data = packet.value(kData).toArray();
    if ((type != packetEvent && type != packetBinaryEvent) || data.isEmpty()
        || !data.at(0).isString()) {
        ++m_cluster->counters().malformed;
        return;
    }
    const QString event = data.takeAt(0).toString();
    ++m_cluster->counters().received;
    broadcastLocal(targetFrom(message.at(2).toObject()), event, data, v->attachments);
}

void RedisAdapter::broadcastWithAck(const SioBroadcast &target, const QString &event,
                                    const QJsonArray &args, const QList<QByteArray> &attachments,
                                    int timeoutMs, const ClientCountCallback &clientCount,
                                    const ClientAckCallback &ack)
{
    if (!target.isLocal() && m_cluster) {
        const QString requestId = randomId();
        const QJsonObject packet{
            {kType, packetEvent}, {kData, eventData(event, args)}, {kNsp, nsp()->name()}};
        QJsonObject opts = targetOpts(target);
        opts.insert(kFlags, QJsonObject{{QStringLiteral("timeout"), timeoutMs}});
        const QJsonObject request{{kUid, m_uid},
                                  {kRequestId, requestId},
                                  {kType, Broadcast},
                                  {kPacket, packet},
                                  {kOpts, opts}};
        m_ackRequests.insert(requestId, AckRequest{clientCount, ack});
        // Nothing says when every client has answered: the entry goes at the timeout.
        QTimer::singleShot(timeoutMs, this, [this, requestId] { m_ackRequests.remove(requestId); });
        m_cluster->publish(m_requestChannel, MsgpackCodec::encode(request, attachments));
    }
    broadcastWithAckLocal(target, event, args, attachments, clientCount, ack);
}

// --- requests -----------------------------------------------------------------------------

void RedisAdapter::serverCount(const CountCallback &callback)
{
    if (!m_cluster) {
        callback(1);
        return;
    }
    QPointer<RedisAdapter> self(this);
    m_cluster->command({QByteArrayLiteral("PUBSUB"), QByteArrayLiteral("NUMSUB"), m_requestChannel},
                       [self, callback](bool ok, qint64 count) {
                           // Redis away: only this node can be reached.
                           callback(ok && self ? int(qMax<qint64>(1, count)) : 1);
                       });
}

void RedisAdapter::askOthers(Request request, QJsonObject message)
{
    QPointer<RedisAdapter> self(this);
    auto pending = std::make_shared<Request>(std::move(request));
    serverCount([self, pending, message](int count) mutable {
        if (!self)
            return;
        const QString requestId = randomId();
        pending->expected = count - 1;
        self->m_requests.insert(requestId, std::move(*pending));
        if (count <= 1 || !self->m_cluster) {
            self->finishRequest(requestId, false);
            return;
        }
        QTimer::singleShot(self->m_cluster->options().requestsTimeout, self.data(),
                           [self, requestId] {
                               if (self)
                                   self->finishRequest(requestId, true);
                           });
        message.insert(kUid, self->m_uid);
        message.insert(kRequestId, requestId);
        self->m_cluster->publish(self->m_requestChannel, json(message));
    });
}

void RedisAdapter::finishRequest(const QString &requestId, bool timedOut)
{
    auto it = m_requests.find(requestId);
    if (it == m_requests.end())
        return;
    const Request r = std::move(*it);
    m_requests.erase(it);
    switch (r.type) {
    case RemoteFetch:
        // A node that did not answer in time is left out, as the caller cannot wait forever.
        if (timedOut)
            qCWarning(lcCluster) << "fetchSockets: only" << r.answered << "of" << r.expected
                                 << "nodes answered in time";
        r.socketsCallback(r.sockets);
        break;
    case AllRooms:
        if (timedOut)
            qCWarning(lcCluster) << "allRooms: only" << r.answered << "of" << r.expected
                                 << "nodes answered in time";
        r.roomsCallback(r.rooms);
        break;
    case ServerSideEmit:
        r.serverSideAck(timedOut ? QStringLiteral("timeout reached: only %1 responses received "
                                                  "out of %2")
                                       .arg(r.responses.size())
                                       .arg(r.expected)
                                 : QString(),
                        r.responses);
        break;
    default:
        break;
    }
}

void RedisAdapter::fetchSockets(const SioBroadcast &target, const SocketsCallback &callback)
{
    Request r;
    r.type = RemoteFetch;
    r.sockets = fetchSocketsLocal(target);
    if (target.isLocal() || !m_cluster) {
        callback(r.sockets);
        return;
    }
    r.socketsCallback = callback;
    askOthers(std::move(r), {{kType, RemoteFetch}, {kOpts, targetOpts(target)}});
}

void RedisAdapter::allRooms(const RoomsCallback &callback)
{
    Request r;
    r.type = AllRooms;
    r.rooms = localRooms();
    r.roomsCallback = callback;
    askOthers(std::move(r), {{kType, AllRooms}});
}

void RedisAdapter::serverSideEmit(const QString &event, const QJsonArray &args,
                                  const ServerSideAck &ack)
{
    if (!m_cluster) {
        if (ack)
            ack(QString(), {});
        return;
    }
    const QJsonArray data = eventData(event, args);
    if (!ack) {
        m_cluster->publish(m_requestChannel,
                           json({{kUid, m_uid}, {kType, ServerSideEmit}, {kData, data}}));
        return;
    }
    Request r;
    r.type = ServerSideEmit;
    r.serverSideAck = ack;
    askOthers(std::move(r), {{kType, ServerSideEmit}, {kData, data}});
}

void RedisAdapter::addSockets(const SioBroadcast &target, const QStringList &rooms)
{
    if (!target.isLocal() && m_cluster)
        m_cluster->publish(m_requestChannel, json({{kUid, m_uid},
                                                   {kType, RemoteJoin},
                                                   {kOpts, targetOpts(target)},
                                                   {kRooms, QJsonArray::fromStringList(rooms)}}));
    addSocketsLocal(target, rooms);
}

void RedisAdapter::delSockets(const SioBroadcast &target, const QStringList &rooms)
{
    if (!target.isLocal() && m_cluster)
        m_cluster->publish(m_requestChannel, json({{kUid, m_uid},
                                                   {kType, RemoteLeave},
                                                   {kOpts, targetOpts(target)},
                                                   {kRooms, QJsonArray::fromStringList(rooms)}}));
    delSocketsLocal(target, rooms);
}

void RedisAdapter::disconnectSockets(const SioBroadcast &target, bool close)
{
    if (!target.isLocal() && m_cluster)
        m_cluster->publish(m_requestChannel, json({{kUid, m_uid},
                                                   {kType, RemoteDisconnect},
                                                   {kOpts, targetOpts(target)},
                                                   {kClose, close}}));
    disconnectSocketsLocal(target, close);
}

void RedisAdapter::publishResponse(const QJsonObject &request, const QByteArray &response)
{
    if (!m_cluster)
        return;
    const QByteArray channel
        = m_cluster->options().publishOnSpecificResponseChannel
              ? m_responseChannel + request.value(kUid).toString().toUtf8() + '#'
              : m_responseChannel;
    m_cluster->publish(channel, response);
}

void RedisAdapter::onRequest(const QByteArray &payload)
{
    const std::optional<MsgpackCodec::Value> decoded = decodeMessage(payload);
    if (!decoded) {
        ++m_cluster->counters().malformed;
        return;
    }
    const QJsonObject request = decoded->json.toObject();
    // Our own requests come back through the subscription: their local part is done.
    if (request.value(kUid).toString() == m_uid)
        return;
    const QString requestId = request.value(kRequestId).toString();
    const QJsonObject opts = request.value(kOpts).toObject();
    ++m_cluster->counters().received;
    switch (request.value(kType).toInt(-1)) {
    case Sockets: {
        QJsonArray ids;
        SioBroadcast target = SioBroadcast(nsp()).to(stringsOf(request.value(kRooms)));
        for (const SioServerSocket *s : collect(target))
            ids.append(s->id());
        publishResponse(request, json({{kRequestId, requestId}, {kSockets, ids}}));
        break;
    }
    case AllRooms:
        publishResponse(request, json({{kRequestId, requestId}, {kRooms, toArray(localRooms())}}));
        break;
    case RemoteJoin:
    case RemoteLeave: {
        const bool join = request.value(kType).toInt() == RemoteJoin;
        if (request.contains(kOpts)) {
            const QStringList rooms = stringsOf(request.value(kRooms));
            join ? addSocketsLocal(targetFrom(opts), rooms)
                 : delSocketsLocal(targetFrom(opts), rooms);
            break;
        }
        // The older form: one socket by id, answered.
        SioServerSocket *s = nsp()->socket(request.value(QLatin1String("sid")).toString());
        if (!s)
            break;
        const QString room = request.value(QLatin1String("room")).toString();
        join ? s->join(room) : s->leave(room);
        publishResponse(request, json({{kRequestId, requestId}}));
        break;
    }
    case RemoteDisconnect: {
        const bool close = request.value(kClose).toBool();
        if (request.contains(kOpts)) {
            disconnectSocketsLocal(targetFrom(opts), close);
            break;
        }
        QPointer<SioServerSocket> s = nsp()->socket(request.value(QLatin1String("sid")).toString());
        if (!s)
            break;
        s->disconnect(close);
        publishResponse(request, json({{kRequestId, requestId}}));
        break;
    }
    case RemoteFetch: {
        QJsonArray sockets;
        for (const SocketInfo &s : fetchSocketsLocal(targetFrom(opts)))
            sockets.append(socketToJson(s));
        publishResponse(request, json({{kRequestId, requestId}, {kSockets, sockets}}));
        break;
    }
    case ServerSideEmit: {
        QJsonArray data = request.value(kData).toArray();
        if (data.isEmpty() || !data.at(0).isString())
            break;
        const QString event = data.takeAt(0).toString();
        std::function<void(const QJsonValue &)> reply;
        if (!requestId.isEmpty()) {
            // Always on the shared response channel, as the Node adapter answers these.
            QPointer<RedisCluster> cluster = m_cluster;
            const QByteArray channel = m_responseChannel;
            auto sent = std::make_shared<bool>(false);
            reply = [cluster, channel, requestId, sent](const QJsonValue &arg) {
                if (*sent || !cluster)
                    return;
                *sent = true;
                cluster->publish(
                    channel,
                    json({{kType, ServerSideEmit}, {kRequestId, requestId}, {kData, arg}}));
            };
        }
        deliverServerSideEmit(event, data, reply);
        break;
    }
    case Broadcast: {
        const QJsonObject packet = request.value(kPacket).toObject();
        QJsonArray data = packet.value(kData).toArray();
        if (data.isEmpty() || !data.at(0).isString())
            break;
        const QString event = data.takeAt(0).toString();
        QPointer<RedisAdapter> self(this);
        broadcastWithAckLocal(
            targetFrom(opts), event, data, decoded->attachments,
            [self, request, requestId](int count) {
                if (self)
                    self->publishResponse(request, json({{kType, BroadcastClientCount},
                                                         {kRequestId, requestId},
                                                         {kClientCount, count}}));
            },
            [self, request, requestId](const QJsonValue &arg) {
                if (self)
                    self->publishResponse(request,
                                          MsgpackCodec::encode(QJsonObject{{kType, BroadcastAck},
                                                                           {kRequestId, requestId},
                                                                           {kPacket, arg}}));
            });
        break;
    }
    default:
        --m_cluster->counters().received;
        ++m_cluster->counters().malformed;
        break;
    }
}

void RedisAdapter::onResponse(const QByteArray &payload)
{
    const std::optional<MsgpackCodec::Value> decoded = decodeMessage(payload);
    if (!decoded) {
        ++m_cluster->counters().malformed;
        return;
    }
    const QJsonObject response = decoded->json.toObject();
    const QString requestId = response.value(kRequestId).toString();
    if (auto ack = m_ackRequests.constFind(requestId); ack != m_ackRequests.constEnd()) {
        const AckRequest a = *ack; // a callback may end the request
        const int type = response.value(kType).toInt(-1);
        if (type == BroadcastClientCount && a.clientCount)
            a.clientCount(response.value(kClientCount).toInt());
        else if (type == BroadcastAck && a.ack)
            a.ack(response.value(kPacket));
        return;
    }
    auto it = m_requests.find(requestId);
    if (it == m_requests.end())
        return; // someone else's, or one that timed out
    ++m_cluster->counters().received;
    Request &r = *it;
    switch (r.type) {
    case RemoteFetch:
        if (!response.value(kSockets).isArray())
            return;
        for (const QJsonValue &s : response.value(kSockets).toArray())
            r.sockets.append(socketFromJson(s.toObject()));
        break;
    case AllRooms:
        if (!response.value(kRooms).isArray())
            return;
        for (const QString &room : stringsOf(response.value(kRooms)))
            r.rooms.insert(room);
        break;
    case ServerSideEmit:
        r.responses.append(response.value(kData));
        break;
    default:
        return;
    }
    if (++r.answered >= r.expected)
        finishRequest(requestId, false);
}

} // namespace TableTap
