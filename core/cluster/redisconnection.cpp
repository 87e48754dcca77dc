// RedisConnection: hiredis' async API driven by QSocketNotifiers, reconnection, and the bounds
// on what Redis may make us hold.
//
// hiredis ships a Qt adapter (hiredis/adapters/qt.h); it is not used: its destructor writes
// into the context, which hiredis has already freed after a failed connect or a lost
// connection (exactly the Redis outages this class must survive), its read path leaves no
// place to bound the reader's buffer, and it needs moc run over a system header that spells
// `slots` (this project builds with QT_NO_KEYWORDS). The hooks below are the same five
// hiredis calls, with the lifetime owned here.
#include "redisconnection.h"

#include "clusterlogging.h"

#include <QSocketNotifier>
#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <hiredis/sds.h>

#include <memory>
#include <vector>

namespace TableTap {

namespace {

// No reply to SUBSCRIBE, PSUBSCRIBE, PUBLISH or PUBSUB NUMSUB (one channel) has more elements.
constexpr int maxArrayElements = 64;

// hiredis' own constructors (one static table, the same for every reader).
redisReplyObjectFunctions *g_hiredisFunctions = nullptr;

void freeObject(void *obj)
{
    g_hiredisFunctions->freeObject(obj);
}

RedisConnection *self(const redisAsyncContext *ac)
{
    return static_cast<RedisConnection *>(ac->data);
}

struct PendingReply
{
    RedisConnection::ReplyCallback callback;
};

} // namespace

RedisConnection::RedisConnection(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &RedisConnection::connectNow);
}

RedisConnection::~RedisConnection()
{
    m_closing = true;
    if (m_ctx) {
        redisAsyncContext *ac = std::exchange(m_ctx, nullptr);
        redisAsyncFree(ac); // pending callbacks see a null reply; cleanup() drops the notifiers
    }
}

void RedisConnection::start()
{
    if (!m_ctx && !m_retry->isActive())
        connectNow();
}

void RedisConnection::connectNow()
{
    if (m_ctx || m_closing)
        return;
    redisAsyncContext *ac = redisAsyncConnect(m_options.host.constData(), m_options.port);
    if (!ac) {
        m_retry->start(m_options.reconnectInterval);
        return;
    }
    if (ac->err) {
        qCDebug(lcCluster) << "redis connect failed:" << ac->errstr;
        redisAsyncFree(ac);
        m_retry->start(m_options.reconnectInterval);
        return;
    }
    if (!g_hiredisFunctions)
        g_hiredisFunctions = ac->c.reader->fn;
    static redisReplyObjectFunctions bounded
        = {&RedisConnection::createString, &RedisConnection::createArray,
           &RedisConnection::createInteger, &RedisConnection::createNil, &freeObject};
    ac->c.reader->fn = &bounded;
    ac->c.reader->privdata = this;
    m_awaiting = 0;
    m_ctx = ac; // the hooks below may be called at once
    ac->data = this;
    ac->ev.data = this;
    ac->ev.addRead = &RedisConnection::addRead;
    ac->ev.delRead = &RedisConnection::delRead;
    ac->ev.addWrite = &RedisConnection::addWrite;
    ac->ev.delWrite = &RedisConnection::delWrite;
    ac->ev.cleanup = &RedisConnection::cleanup;
    // Setting the connect callback asks for the write event: the connect completes on it.
    redisAsyncSetConnectCallback(ac, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(ac, &RedisConnection::onDisconnect);
}

void RedisConnection::onConnect(const redisAsyncContext *ac, int status)
{
    RedisConnection *c = self(ac);
    if (status != REDIS_OK) {
        // hiredis frees the context after this; cleanup() comes first.
        qCDebug(lcCluster) << "redis connect failed:" << ac->errstr;
        c->m_ctx = nullptr;
        c->lost();
        return;
    }
    c->m_connected = true;
    ++c->m_connects;
    for (const QByteArray &channel : std::as_const(c->m_channels))
        c->sendSubscription("SUBSCRIBE", channel);
    for (const QByteArray &pattern : std::as_const(c->m_patterns))
        c->sendSubscription("PSUBSCRIBE", pattern);
    qCInfo(lcCluster).nospace() << "connected to redis " << c->m_options.host << ':'
                                << c->m_options.port;
    Q_EMIT c->connected();
}

void RedisConnection::onDisconnect(const redisAsyncContext *ac, int status)
{
    RedisConnection *c = self(ac);
    if (c->m_closing)
        return;
    qCWarning(lcCluster) << "lost the redis connection:"
                         << (status == REDIS_OK ? "closed" : ac->errstr);
    c->m_ctx = nullptr;
    c->lost();
}

void RedisConnection::lost()
{
    const bool was = std::exchange(m_connected, false);
    if (!m_closing)
        m_retry->start(m_options.reconnectInterval);
    if (was)
        Q_EMIT disconnected();
}

bool RedisConnection::command(const QList<QByteArray> &args, ReplyCallback callback)
{
    if (!m_ctx || !m_connected)
        return false;
    if (qint64(sdslen(m_ctx->c.obuf)) > m_options.maxPendingWrites)
        return false;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(args.size()));
    lengths.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    ++m_awaiting;
    auto *pending = new PendingReply{std::move(callback)};
    if (redisAsyncCommandArgv(m_ctx, &RedisConnection::onReply, pending, int(argv.size()),
                              argv.data(), lengths.data())
        != REDIS_OK) {
        --m_awaiting;
        delete pending;
        return false;
    }
    return true;
}

void RedisConnection::onReply(redisAsyncContext *ac, void *reply, void *privdata)
{
    Q_UNUSED(ac)
    std::unique_ptr<PendingReply> pending(static_cast<PendingReply *>(privdata));
    if (!pending->callback)
        return;
    const auto *r = static_cast<const redisReply *>(reply);
    if (!r || r->type == REDIS_REPLY_ERROR) {
        pending->callback(false, 0);
        return;
    }
    qint64 integer = 0;
    if (r->type == REDIS_REPLY_INTEGER) {
        integer = r->integer;
    } else if (r->type == REDIS_REPLY_ARRAY) {
        for (size_t i = 0; i < r->elements; ++i) {
            if (r->element[i]->type == REDIS_REPLY_INTEGER)
                integer = r->element[i]->integer;
        }
    }
    pending->callback(true, integer);
}

void RedisConnection::subscribe(const QByteArray &channel)
{
    if (m_channels.contains(channel))
        return;
    m_channels.insert(channel);
    if (m_connected)
        sendSubscription("SUBSCRIBE", channel);
}

void RedisConnection::psubscribe(const QByteArray &pattern)
{
    if (m_patterns.contains(pattern))
        return;
    m_patterns.insert(pattern);
    if (m_connected)
        sendSubscription("PSUBSCRIBE", pattern);
}

void RedisConnection::sendSubscription(const char *verb, const QByteArray &name)
{
    const char *argv[2] = {verb, name.constData()};
    const size_t lengths[2] = {qstrlen(verb), size_t(name.size())};
    redisAsyncCommandArgv(m_ctx, &RedisConnection::onSubscription, this, 2, argv, lengths);
}

void RedisConnection::onSubscription(redisAsyncContext *ac, void *reply, void *privdata)
{
    Q_UNUSED(ac)
    auto *c = static_cast<RedisConnection *>(privdata);
    const auto *r = static_cast<const redisReply *>(reply);
    if (!r || c->m_closing || r->type != REDIS_REPLY_ARRAY || r->elements < 3)
        return; // the context going away, or a (p)subscribe confirmation
    auto text = [r](size_t i) -> const redisReply * {
        const redisReply *e = r->element[i];
        return e->type == REDIS_REPLY_STRING ? e : nullptr;
    };
    const redisReply *kind = text(0);
    if (!kind)
        return;
    const QByteArrayView k(kind->str, qsizetype(kind->len));
    const redisReply *channel = nullptr;
    const redisReply *payload = nullptr;
    if (k == "message") {
        channel = text(1);
        payload = text(2);
    } else if (k == "pmessage" && r->elements >= 4) {
        channel = text(2);
        payload = text(3);
    }
    if (!channel || !payload)
        return;
    Q_EMIT c->message(QByteArray(channel->str, qsizetype(channel->len)),
                      QByteArray(payload->str, qsizetype(payload->len)));
}

bool RedisConnection::acceptReply(const redisReadTask *task)
{
    auto *c = static_cast<RedisConnection *>(task->privdata);
    if (!c)
        return true;
    const bool topLevel = task->parent == nullptr;
    if (!c->m_options.subscriber) {
        // hiredis asserts on a reply no command waits for: refuse it instead.
        if (topLevel) {
            if (c->m_awaiting <= 0)
                return false;
            --c->m_awaiting;
        }
        return true;
    }
    // Subscribed, hiredis asserts that an array is [string, ...] with two elements or more,
    // and reads a third one of an unsubscribe: every message we take has three or more.
    return topLevel || task->parent->parent || task->idx != 0 || task->type == REDIS_REPLY_STRING;
}

void *RedisConnection::createString(const redisReadTask *task, char *s, size_t len)
{
    if (!acceptReply(task))
        return nullptr;
    if (task->parent && !task->parent->parent && task->idx == 0
        && static_cast<RedisConnection *>(task->privdata)
        && static_cast<RedisConnection *>(task->privdata)->m_options.subscriber) {
        // We never unsubscribe; an unsubscribe reply would make hiredis read past a short
        // array.
        const QByteArrayView kind(s, qsizetype(len));
        if (kind.compare("unsubscribe", Qt::CaseInsensitive) == 0
            || kind.compare("punsubscribe", Qt::CaseInsensitive) == 0)
            return nullptr;
    }
    return g_hiredisFunctions->createString(task, s, len);
}

void *RedisConnection::createArray(const redisReadTask *task, int elements)
{
    if (elements < 0 || elements > maxArrayElements || !acceptReply(task))
        return nullptr;
    auto *c = static_cast<RedisConnection *>(task->privdata);
    if (c && c->m_options.subscriber && !task->parent && elements < 3)
        return nullptr;
    return g_hiredisFunctions->createArray(task, elements);
}

void *RedisConnection::createInteger(const redisReadTask *task, long long value)
{
    if (!acceptReply(task))
        return nullptr;
    return g_hiredisFunctions->createInteger(task, value);
}

void *RedisConnection::createNil(const redisReadTask *task)
{
    auto *c = static_cast<RedisConnection *>(task->privdata);
    if (!acceptReply(task)
        || (c && c->m_options.subscriber && task->parent && !task->parent->parent
            && task->idx == 0))
        return nullptr; // a nil bulk is a string task, but not the string hiredis asserts on
    return g_hiredisFunctions->createNil(task);
}

void RedisConnection::readReady()
{
    if (!m_ctx)
        return;
    redisAsyncHandleRead(m_ctx);
    // The reader holds a partial reply until all of it arrived: bound what it may hold.
    if (m_ctx && m_ctx->c.reader
        && qint64(m_ctx->c.reader->len - m_ctx->c.reader->pos) > m_options.maxReplyBytes) {
        qCWarning(lcCluster) << "redis reply over" << m_options.maxReplyBytes
                             << "bytes; dropping the connection";
        ++m_dropped;
        redisAsyncContext *ac = std::exchange(m_ctx, nullptr);
        redisAsyncFree(ac); // onDisconnect -> lost(), unless it never was connected
        if (m_connected)
            lost();
    }
}

void RedisConnection::watch(QSocketNotifier::Type type, bool on)
{
    QSocketNotifier *&n = type == QSocketNotifier::Read ? m_read : m_write;
    if (n) {
        n->setEnabled(on);
        return;
    }
    if (!on || !m_ctx)
        return;
    n = new QSocketNotifier(m_ctx->c.fd, type, this);
    if (type == QSocketNotifier::Read) {
        connect(n, &QSocketNotifier::activated, this, &RedisConnection::readReady);
    } else {
        connect(n, &QSocketNotifier::activated, this, [this] {
            if (m_ctx)
                redisAsyncHandleWrite(m_ctx);
        });
    }
}

void RedisConnection::addRead(void *data)
{
    static_cast<RedisConnection *>(data)->watch(QSocketNotifier::Read, true);
}

void RedisConnection::delRead(void *data)
{
    static_cast<RedisConnection *>(data)->watch(QSocketNotifier::Read, false);
}

void RedisConnection::addWrite(void *data)
{
    static_cast<RedisConnection *>(data)->watch(QSocketNotifier::Write, true);
}

void RedisConnection::delWrite(void *data)
{
    static_cast<RedisConnection *>(data)->watch(QSocketNotifier::Write, false);
}

void RedisConnection::cleanup(void *data)
{
    // The descriptor is about to close: the notifiers go now (disabled at once, deleted once
    // any activation running on them has returned).
    auto *c = static_cast<RedisConnection *>(data);
    for (QSocketNotifier **n : {&c->m_read, &c->m_write}) {
        if (*n) {
            (*n)->setEnabled(false);
            (*n)->deleteLater();
            *n = nullptr;
        }
    }
}

} // namespace TableTap
