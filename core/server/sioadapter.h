// The rooms of one namespace and how its broadcasts reach them (socket.io's Adapter). This base
// class is the in-memory adapter: it reaches the sockets of this process only, and it is what a
// namespace gets unless SioServer::Options::adapterFactory says otherwise. A cluster adapter
// (RedisAdapter in core/cluster) derives from it, tells the other nodes about each operation and
// calls the base class for the local part.
#pragma once

#include "enginepacket.h"
#include "siobroadcast.h"
#include "siopacket.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace TableTap {

class SioConnection;
class SioNamespace;
class SioServerSocket;

class SioAdapter : public QObject
{
    Q_OBJECT
public:
    using SocketInfo = SioSocketInfo;
    using SocketsCallback = std::function<void(const QList<SocketInfo> &sockets)>;
    using CountCallback = std::function<void(int count)>;
    using RoomsCallback = std::function<void(const QSet<QString> &rooms)>;
    // serverSideEmit with an ack: error is empty or "timeout reached: ..."; one response per
    // other node that answered.
    using ServerSideAck = std::function<void(const QString &error, const QJsonArray &responses)>;
    // broadcastWithAck: each node reports how many clients it sent to, then every client's
    // answer arrives (its first argument, as socket.io passes it on).
    using ClientCountCallback = std::function<void(int clientCount)>;
    using ClientAckCallback = std::function<void(const QJsonValue &arg)>;

    explicit SioAdapter(SioNamespace *nsp);
    ~SioAdapter() override;

    SioNamespace *nsp() const { return m_nsp; }

    // This node's room table (every adapter keeps its own sockets' rooms).
    void addToRoom(SioServerSocket *socket, const QString &room);
    void removeFromRoom(SioServerSocket *socket, const QString &room);
    // A named room with a local member, or the id of a local socket.
    bool hasRoom(const QString &room) const;
    QHash<QString, int> roomSizes() const;
    // Named rooms and the local sockets' own-id rooms (what socket.io's allRooms() lists).
    QSet<QString> localRooms() const;
    // The local sockets a target reaches: a union of rooms, each socket once, except rooms left
    // out, no allocation per call beyond the result.
    std::vector<SioServerSocket *> collect(const SioBroadcast &target);
    // Broadcasts that follow one another to the same target within one event-loop pass are
    // gathered (their frames joined) and reach each recipient in one go: one walk over the
    // rooms and one queued write per recipient for the lot. Anything that could reorder or
    // redirect them delivers the gathered ones first: any other write to a client, a change of
    // rooms or sockets, another target, the end of the pass. At most one gathering per thread.
    //
    // A fan-out to more recipients than one slice (fanoutSliceRecipients, or fanoutSliceMicros
    // of writing) is written over several event-loop passes, so that reads (acks, commands,
    // pings) are served in between; its frame is shared and its list of recipients still to
    // write is the only thing held. At most one such fan-out per thread: a newer one finishes
    // it first. A client still waiting in it gets what it is owed before anything else
    // reaches it (deliverOwed).
    //
    // deliverGathered(): everything gathered or still owed goes out now, to every recipient
    // (before a write to many clients: another broadcast with an ack, volatile, attachments).
    static void deliverGathered();
    // Before a write to one client, a change of its rooms or namespaces or its close: what is
    // gathered becomes a fan-out (its recipients fixed now), and what client is owed of the
    // unfinished fan-out is written to it now. client may be null (a socket arriving).
    static void deliverOwed(SioConnection *client);
    // Slice bounds for fan-outs (per thread; tests and benchmarks set them): at most
    // maxRecipients writes per pass (0: no count bound) and about budgetMicros of writing
    // (0: no time bound). Both 0: a fan-out goes out in one pass.
    static void setFanoutSlice(int maxRecipients, int budgetMicros);
    static int fanoutSliceRecipients();
    static int fanoutSliceMicros();
    // Recipients of this thread's unfinished fan-out not yet written (0 if none).
    static int pendingFanoutRecipients();
    // Whether client still waits for its part of this thread's unfinished fan-out.
    static bool isOwedFanout(const SioConnection *client);
    // A connection ending or going away: it is left out of the unfinished fan-out.
    static void forgetFanoutRecipient(SioConnection *client);

    // Cluster-wide operations; here, this node only. A target flagged local() stays on this
    // node in every adapter. Returns how many local sockets it was written to.
    virtual int broadcast(const SioBroadcast &target, const QString &event, const QJsonArray &args,
                          const QList<QByteArray> &attachments);
    virtual void broadcastWithAck(const SioBroadcast &target, const QString &event,
                                  const QJsonArray &args, const QList<QByteArray> &attachments,
                                  int timeoutMs, const ClientCountCallback &clientCount,
                                  const ClientAckCallback &ack);
    virtual void addSockets(const SioBroadcast &target, const QStringList &rooms);
    virtual void delSockets(const SioBroadcast &target, const QStringList &rooms);
    virtual void disconnectSockets(const SioBroadcast &target, bool close);
    virtual void fetchSockets(const SioBroadcast &target, const SocketsCallback &callback);
    // To the namespace's server-side handlers on the other nodes (never this one).
    virtual void serverSideEmit(const QString &event, const QJsonArray &args,
                                const ServerSideAck &ack);
    virtual void serverCount(const CountCallback &callback);
    virtual void allRooms(const RoomsCallback &callback);

    static SocketInfo describe(const SioServerSocket *socket);
    // [event, ...args], the data of an EVENT packet (and of a serverSideEmit).
    static QJsonArray eventData(const QString &event, const QJsonArray &args);
    // An EVENT packet of a namespace, with an ack id or without (SioPacket::NoAckId).
    static SioPacket eventPacket(const QString &nsp, QJsonArray data,
                                 const QList<QByteArray> &attachments, qint64 id);

protected:
    int broadcastLocal(const SioBroadcast &target, const QString &event, const QJsonArray &args,
                       const QList<QByteArray> &attachments);
    void broadcastWithAckLocal(const SioBroadcast &target, const QString &event,
                               const QJsonArray &args, const QList<QByteArray> &attachments,
                               const ClientCountCallback &clientCount,
                               const ClientAckCallback &ack);
    void addSocketsLocal(const SioBroadcast &target, const QStringList &rooms);
    void delSocketsLocal(const SioBroadcast &target, const QStringList &rooms);
    void disconnectSocketsLocal(const SioBroadcast &target, bool close);
    QList<SocketInfo> fetchSocketsLocal(const SioBroadcast &target);
    // Hands an event from another node to the namespace's server-side handler; reply is empty
    // when that node waits for no answer.
    void deliverServerSideEmit(const QString &event, const QJsonArray &args,
                               const std::function<void(const QJsonValue &arg)> &reply);

private:
    template<typename F>
    void forEachMember(const QString &room, F &&f) const;

    struct Gathered;
    int gather(const SioBroadcast &target, const EnginePacket &packet);
    void deliverOwnGathered(bool writeSlice);

    SioNamespace *m_nsp;
    QHash<QString, QSet<SioServerSocket *>> m_rooms;
    std::unique_ptr<Gathered> m_gathered;
    bool m_deliveryPosted = false;
    quint64 m_stamp = 0;
    std::vector<SioServerSocket *> m_scratch;
};

} // namespace TableTap
