// A namespace's adapter on a Redis cluster, wire-compatible with @socket.io/redis-adapter 8.3
// (classic PUB/SUB): broadcasts are msgpack [uid, packet, {rooms, except, flags}] on
// <key>#<nsp># (or <key>#<nsp>#<room># for one room); requests (fetchSockets, allRooms, remote
// join/leave/disconnect, serverSideEmit, broadcasts with acks) go to <key>-request#<nsp>#,
// answers to <key>-response#<nsp># (or its #<uid># form); the number of nodes is the number of
// subscribers of the request channel (PUBSUB NUMSUB). Local work goes through SioAdapter.
#pragma once

#include "sioadapter.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

namespace TableTap {

class RedisCluster;

class RedisAdapter final : public SioAdapter
{
    Q_OBJECT
public:
    RedisAdapter(SioNamespace *nsp, RedisCluster *cluster);
    ~RedisAdapter() override;

    QString uid() const { return m_uid; }

    int broadcast(const SioBroadcast &target, const QString &event, const QJsonArray &args,
                  const QList<QByteArray> &attachments) override;
    void broadcastWithAck(const SioBroadcast &target, const QString &event, const QJsonArray &args,
                          const QList<QByteArray> &attachments, int timeoutMs,
                          const ClientCountCallback &clientCount,
                          const ClientAckCallback &ack) override;
    void addSockets(const SioBroadcast &target, const QStringList &rooms) override;
    void delSockets(const SioBroadcast &target, const QStringList &rooms) override;
    void disconnectSockets(const SioBroadcast &target, bool close) override;
    void fetchSockets(const SioBroadcast &target, const SocketsCallback &callback) override;
    void serverSideEmit(const QString &event, const QJsonArray &args,
                        const ServerSideAck &ack) override;
    void serverCount(const CountCallback &callback) override;
    void allRooms(const RoomsCallback &callback) override;

private:
    friend class RedisCluster;
    enum RequestType {
        Sockets = 0,
        AllRooms = 1,
        RemoteJoin = 2,
        RemoteLeave = 3,
        RemoteDisconnect = 4,
        RemoteFetch = 5,
        ServerSideEmit = 6,
        Broadcast = 7,
        BroadcastClientCount = 8,
        BroadcastAck = 9,
    };
    // A request of ours waiting for the other nodes' answers.
    struct Request
    {
        RequestType type = Sockets;
        int expected = 0; // answers wanted
        int answered = 0;
        QList<SocketInfo> sockets;
        QSet<QString> rooms;
        QJsonArray responses;
        SocketsCallback socketsCallback;
        RoomsCallback roomsCallback;
        ServerSideAck serverSideAck;
    };
    struct AckRequest
    {
        ClientCountCallback clientCount;
        ClientAckCallback ack;
    };

    bool handles(const QByteArray &channel) const;
    void onMessage(const QByteArray &channel, const QByteArray &payload);
    void onBroadcast(const QByteArray &channel, const QByteArray &payload);
    void onRequest(const QByteArray &payload);
    void onResponse(const QByteArray &payload);
    void publishResponse(const QJsonObject &request, const QByteArray &response);
    // Asks the other nodes (as many as PUBSUB NUMSUB says, minus this one) and collects their
    // answers in request; alone: nobody else to ask, request finishes at once.
    void askOthers(Request request, QJsonObject message);
    void finishRequest(const QString &requestId, bool timedOut);
    QJsonObject targetOpts(const SioBroadcast &target) const;
    SioBroadcast targetFrom(const QJsonObject &opts) const;

    QPointer<RedisCluster> m_cluster;
    QString m_uid;
    QByteArray m_channel;                 // socket.io#<nsp>#
    QByteArray m_requestChannel;          // socket.io-request#<nsp>#
    QByteArray m_responseChannel;         // socket.io-response#<nsp>#
    QByteArray m_specificResponseChannel; // socket.io-response#<nsp>#<uid>#
    QHash<QString, Request> m_requests;
    QHash<QString, AckRequest> m_ackRequests;
};

} // namespace TableTap
