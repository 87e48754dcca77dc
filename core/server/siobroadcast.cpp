// SioBroadcast: room selection values for broadcasts.
#include "siobroadcast.h"

#include "sionamespace.h"
#include "sioserversocket.h"

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

int SioBroadcast::emitEvent(const QString &event, const QJsonArray &args,
                            const QList<QByteArray> &attachments) const
{
    if (!m_nsp)
        return 0;
    return m_nsp->broadcast(*this, event, args, attachments);
}

QList<SioServerSocket *> SioBroadcast::sockets() const
{
    if (!m_nsp)
        return {};
    const std::vector<SioServerSocket *> v = m_nsp->collect(*this);
    return QList<SioServerSocket *>(v.begin(), v.end());
}

void SioBroadcast::socketsJoin(const QString &room) const
{
    for (SioServerSocket *s : sockets())
        s->join(room);
}

void SioBroadcast::socketsLeave(const QString &room) const
{
    for (SioServerSocket *s : sockets())
        s->leave(room);
}

void SioBroadcast::disconnectSockets(bool close) const
{
    for (SioServerSocket *s : sockets()) {
        QPointer<SioServerSocket> guard(s);
        if (guard)
            guard->disconnect(close);
    }
}

} // namespace TableTap
