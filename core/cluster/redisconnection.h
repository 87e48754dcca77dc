// One hiredis async connection to Redis on the Qt event loop, kept up: it reconnects every
// reconnectInterval while Redis is away and subscribes again to what it was subscribed to.
// Everything Redis sends is bounded and checked before hiredis acts on it: a reply over
// maxReplyBytes, an array over 64 elements (more than any reply to the commands we send), a
// reply nobody asked for, or a subscriber message of a shape hiredis 0.14 would assert on
// drops the connection, which then reconnects.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSocketNotifier>

#include <functional>

struct redisAsyncContext;
struct redisReadTask;
class QTimer;

namespace TableTap {

class RedisConnection final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QByteArray host = "127.0.0.1";
        quint16 port = 6379;
        int reconnectInterval = 200;               // ms between attempts while Redis is away
        qint64 maxReplyBytes = 8 * 1024 * 1024;    // one reply, and the unparsed input
        qint64 maxPendingWrites = 8 * 1024 * 1024; // commands written but not yet sent
        bool subscriber = false; // SUBSCRIBE / PSUBSCRIBE only; otherwise commands only
    };
    // ok false: an error reply, or the connection went before the reply came. integer: an
    // integer reply, or an array's last integer element (PUBSUB NUMSUB's count).
    using ReplyCallback = std::function<void(bool ok, qint64 integer)>;

    explicit RedisConnection(Options options, QObject *parent = nullptr);
    ~RedisConnection() override;

    void start();
    bool isConnected() const { return m_connected; }
    // false when not sent: not connected, or the output over maxPendingWrites; the callback is
    // then not called.
    bool command(const QList<QByteArray> &args, ReplyCallback callback = {});
    // Subscriptions last across reconnections.
    void subscribe(const QByteArray &channel);
    void psubscribe(const QByteArray &pattern);
    int connectCount() const { return m_connects; }
    int droppedReplies() const { return m_dropped; }

Q_SIGNALS:
    void connected();
    void disconnected();
    // A message on a subscribed channel (or one matching a subscribed pattern).
    void message(const QByteArray &channel, const QByteArray &payload);

private:
    static void onConnect(const redisAsyncContext *ac, int status);
    static void onDisconnect(const redisAsyncContext *ac, int status);
    static void onReply(redisAsyncContext *ac, void *reply, void *privdata);
    static void onSubscription(redisAsyncContext *ac, void *reply, void *privdata);
    static void addRead(void *data);
    static void delRead(void *data);
    static void addWrite(void *data);
    static void delWrite(void *data);
    static void cleanup(void *data);
    // hiredis' reply constructors, wrapped: nullptr refuses the reply (the reader fails).
    static bool acceptReply(const redisReadTask *task);
    static void *createString(const redisReadTask *task, char *s, size_t len);
    static void *createArray(const redisReadTask *task, int elements);
    static void *createInteger(const redisReadTask *task, long long value);
    static void *createNil(const redisReadTask *task);

    void connectNow();
    void lost();
    void readReady();
    // hiredis' add/del read/write hooks: a notifier per direction, made on first use.
    void watch(QSocketNotifier::Type type, bool on);
    void sendSubscription(const char *verb, const QByteArray &name);

    Options m_options;
    redisAsyncContext *m_ctx = nullptr;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
    QTimer *m_retry = nullptr;
    QSet<QByteArray> m_channels;
    QSet<QByteArray> m_patterns;
    bool m_connected = false;
    bool m_closing = false;
    qint64 m_awaiting = 0; // replies owed for commands sent on this connection
    int m_connects = 0;
    int m_dropped = 0;
};

} // namespace TableTap
