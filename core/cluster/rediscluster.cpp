// RedisCluster: the two connections, message routing to the namespaces' adapters, counters.
#include "rediscluster.h"

#include "clusterlogging.h"
#include "redisadapter.h"

namespace TableTap {

RedisCluster::Options RedisCluster::fromUrl(const QUrl &url, bool *ok)
{
    Options o;
    const bool valid = url.isValid() && url.scheme() == QLatin1String("redis")
                       && !url.host().isEmpty() && url.port(6379) > 0;
    if (ok)
        *ok = valid;
    if (valid) {
        o.host = url.host().toUtf8();
        o.port = quint16(url.port(6379));
    }
    return o;
}

RedisCluster::RedisCluster(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    RedisConnection::Options c;
    c.host = m_options.host;
    c.port = m_options.port;
    c.reconnectInterval = m_options.reconnectInterval;
    c.maxReplyBytes = m_options.maxMessageBytes + 4096; // the message and its framing
    m_pub = new RedisConnection(c, this);
    c.subscriber = true;
    m_sub = new RedisConnection(c, this);
    connect(m_sub, &RedisConnection::message, this, &RedisCluster::onMessage);
    for (RedisConnection *r : {m_pub, m_sub}) {
        connect(r, &RedisConnection::connected, this, [this, r] {
            if (r == m_sub && m_sub->connectCount() > 1)
                ++m_counters.reconnects;
            if (isConnected())
                Q_EMIT connectedChanged(true);
        });
        connect(r, &RedisConnection::disconnected, this,
                [this] { Q_EMIT connectedChanged(false); });
    }
    m_pub->start();
    m_sub->start();
}

RedisCluster::~RedisCluster()
{
    for (RedisAdapter *a : std::as_const(m_adapters))
        a->m_cluster = nullptr;
    // Commands in flight learn the loss now, while the counters they touch still exist.
    delete std::exchange(m_pub, nullptr);
    delete std::exchange(m_sub, nullptr);
}

std::function<std::unique_ptr<SioAdapter>(SioNamespace *)> RedisCluster::adapterFactory()
{
    QPointer<RedisCluster> self(this);
    return [self](SioNamespace *nsp) -> std::unique_ptr<SioAdapter> {
        if (!self)
            return nullptr;
        return std::make_unique<RedisAdapter>(nsp, self.data());
    };
}

void RedisCluster::attach(RedisAdapter *adapter)
{
    m_adapters.append(adapter);
    m_sub->psubscribe(adapter->m_channel + '*');
    m_sub->subscribe(adapter->m_requestChannel);
    m_sub->subscribe(adapter->m_responseChannel);
    m_sub->subscribe(adapter->m_specificResponseChannel);
}

void RedisCluster::detach(RedisAdapter *adapter)
{
    // The subscriptions stay (a namespace lives as long as its server); messages for it are
    // ignored from now on.
    m_adapters.removeOne(adapter);
}

void RedisCluster::publish(const QByteArray &channel, const QByteArray &payload)
{
    const bool sent
        = m_pub->command({QByteArrayLiteral("PUBLISH"), channel, payload}, [this](bool ok, qint64) {
              if (!ok)
                  ++m_counters.undelivered;
          });
    if (sent)
        ++m_counters.published;
    else
        ++m_counters.undelivered;
}

void RedisCluster::command(const QList<QByteArray> &args, RedisConnection::ReplyCallback callback)
{
    if (!m_pub->command(args, callback))
        callback(false, 0);
}

void RedisCluster::onMessage(const QByteArray &channel, const QByteArray &payload)
{
    if (payload.size() > m_options.maxMessageBytes) {
        ++m_counters.malformed;
        return;
    }
    // An adapter may go (its namespace destroyed) while a message is handled.
    const QList<RedisAdapter *> adapters = m_adapters;
    for (RedisAdapter *a : adapters) {
        if (a->handles(channel)) {
            a->onMessage(channel, payload);
            return;
        }
    }
}

} // namespace TableTap
