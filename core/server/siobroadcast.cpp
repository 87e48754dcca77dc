// SioBroadcast: room selection values for broadcasts.
#include "siobroadcast.h"

#include "sioadapter.h"
#include "siocodec.h"
#include "sionamespace.h"
#include "sioserversocket.h"

#include <QTimer>

#include <memory>

namespace TableTap {

SioBroadcast::SioBroadcast(SioNamespace *nsp)
    : m_nsp(nsp)
{}

SioBroadcast SioBroadcast::to(const QString &room) const
{
    SioBroadcast b = *this;
    b.m_rooms.insert(room);
    return b;
}

SioBroadcast SioBroadcast::to(const QStringList &rooms) const
{
    SioBroadcast b = *this;
    for (const QString &r : rooms)
        b.m_rooms.insert(r);
    return b;
}

SioBroadcast SioBroadcast::except(const QString &room) const
{
    SioBroadcast b = *this;
    b.m_except.insert(room);
    return b;
}

SioBroadcast SioBroadcast::except(const QStringList &rooms) const
{
    SioBroadcast b = *this;
    for (const QString &r : rooms)
        b.m_except.insert(r);
    return b;
}

SioBroadcast SioBroadcast::asVolatile() const
{
    SioBroadcast b = *this;
    b.m_volatile = true;
    return b;
}

SioBroadcast SioBroadcast::local() const
{
    SioBroadcast b = *this;
    b.m_local = true;
    return b;
}

int SioBroadcast::emitEvent(const QString &event, const QJsonArray &args,
                            const QList<QByteArray> &attachments) const
{
    if (!m_nsp)
        return 0;
    return m_nsp->broadcast(*this, event, args, attachments);
}

void SioBroadcast::emitWithAck(const QString &event, const QJsonArray &args, int timeoutMs,
                               AckCallback callback, const QList<QByteArray> &attachments) const
{
    if (!m_nsp || !callback || SioCodec::isReservedEventName(event))
        return;
    // socket.io's bookkeeping: done when every node has said how many clients it reached and
    // that many answers came, or at the timeout with what came.
    struct State
    {
        AckCallback callback;
        QJsonArray answers;
        int expectedServers = -1;
        int servers = 0;
        int expectedClients = 0;
        bool done = false;
        QPointer<QTimer> timer;
    };
    auto state = std::make_shared<State>();
    state->callback = std::move(callback);
    // The timer's connection holds the state; deleting the timer when done releases it.
    auto *timer = new QTimer(m_nsp.data());
    timer->setSingleShot(true);
    state->timer = timer;
    std::weak_ptr<State> weak = state;
    auto finish = [](const std::shared_ptr<State> &st, const QString &error) {
        if (st->done)
            return;
        st->done = true;
        if (st->timer) {
            st->timer->stop();
            st->timer->deleteLater();
        }
        const AckCallback cb = std::move(st->callback);
        cb(error, st->answers);
    };
    auto check = [finish](const std::shared_ptr<State> &st) {
        if (!st->done && st->expectedServers == st->servers
            && st->answers.size() == st->expectedClients)
            finish(st, QString());
    };
    QObject::connect(timer, &QTimer::timeout, timer,
                     [state, finish] { finish(state, QStringLiteral("operation has timed out")); });
    timer->start(timeoutMs);
    SioAdapter *adapter = m_nsp->adapter();
    adapter->broadcastWithAck(
        *this, event, args, attachments, timeoutMs,
        [weak, check](int clients) {
            if (auto st = weak.lock()) {
                st->expectedClients += clients;
                ++st->servers;
                check(st);
            }
        },
        [weak, check](const QJsonValue &arg) {
            if (auto st = weak.lock()) {
                st->answers.append(arg);
                check(st);
            }
        });
    if (m_local) {
        if (auto st = weak.lock()) {
            st->expectedServers = 1;
            check(st);
        }
        return;
    }
    adapter->serverCount([weak, check](int count) {
        if (auto st = weak.lock()) {
            st->expectedServers = count;
            check(st);
        }
    });
}

QList<SioServerSocket *> SioBroadcast::sockets() const
{
    if (!m_nsp)
        return {};
    const std::vector<SioServerSocket *> v = m_nsp->adapter()->collect(*this);
    return QList<SioServerSocket *>(v.begin(), v.end());
}

void SioBroadcast::socketsJoin(const QString &room) const
{
    if (m_nsp)
        m_nsp->adapter()->addSockets(*this, {room});
}

void SioBroadcast::socketsLeave(const QString &room) const
{
    if (m_nsp)
        m_nsp->adapter()->delSockets(*this, {room});
}

void SioBroadcast::disconnectSockets(bool close) const
{
    if (m_nsp)
        m_nsp->adapter()->disconnectSockets(*this, close);
}

void SioBroadcast::fetchSockets(std::function<void(const QList<SioSocketInfo> &)> callback) const
{
    if (!m_nsp) {
        callback({});
        return;
    }
    m_nsp->adapter()->fetchSockets(*this, callback);
}

} // namespace TableTap
