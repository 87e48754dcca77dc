// The hub's side of a Redis cluster shared with other Socket.IO nodes, ours or Node's with
// @socket.io/redis-adapter 8.3: a publishing and a subscribing connection, the counters an
// operator sees, and the factory that gives each namespace its RedisAdapter
// (SioServer::Options::adapterFactory = cluster.adapterFactory()).
#pragma once

#include "redisconnection.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace TableTap {

class RedisAdapter;
class SioAdapter;
class SioNamespace;

class RedisCluster final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QByteArray host = "127.0.0.1";
        quint16 port = 6379;
        QString key = QStringLiteral("socket.io"); // channel prefix (the adapter's `key`)
        int requestsTimeout = 5000;                // fetchSockets, allRooms, serverSideEmit acks
        // Answers go to socket.io-response#<nsp>#<uid># instead of the shared channel.
        bool publishOnSpecificResponseChannel = false;
        int reconnectInterval = 200;
        qint64 maxMessageBytes = 8 * 1024 * 1024; // one message from Redis, larger is dropped
    };
    struct Counters
    {
        quint64 published = 0;   // messages handed to Redis
        quint64 undelivered = 0; // cross-node messages lost: Redis away, or no reply
        quint64 received = 0;    // messages from other nodes acted on
        quint64 malformed = 0;   // messages that did not decode (dropped)
        int reconnects = 0;      // times the subscriber came back after a loss
    };

    // redis://HOST[:PORT] (port 6379 when left out); *ok false (and the defaults) when the URL
    // is not of that form.
    static Options fromUrl(const QUrl &url, bool *ok = nullptr);

    explicit RedisCluster(Options options, QObject *parent = nullptr);
    ~RedisCluster() override;

    const Options &options() const { return m_options; }
    // Both connections up.
    bool isConnected() const { return m_pub->isConnected() && m_sub->isConnected(); }
    const Counters &counters() const { return m_counters; }
    Counters &counters() { return m_counters; }

    std::function<std::unique_ptr<SioAdapter>(SioNamespace *)> adapterFactory();

Q_SIGNALS:
    void connectedChanged(bool connected);

private:
    friend class RedisAdapter;
    void publish(const QByteArray &channel, const QByteArray &payload);
    void command(const QList<QByteArray> &args, RedisConnection::ReplyCallback callback);
    RedisConnection *subscriber() const { return m_sub; }
    void attach(RedisAdapter *adapter);
    void detach(RedisAdapter *adapter);
    void onMessage(const QByteArray &channel, const QByteArray &payload);

    Options m_options;
    RedisConnection *m_pub;
    RedisConnection *m_sub;
    QList<RedisAdapter *> m_adapters;
    Counters m_counters;
};

} // namespace TableTap
