// A broadcast target in one namespace: rooms to reach (a union, each socket once), rooms to
// leave out, and flags. Built by SioNamespace::to() / SioServerSocket::broadcast(); emitEvent()
// encodes the packet once and writes the same bytes to every recipient.
#pragma once

#include <QJsonArray>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

namespace TableTap {

class SioNamespace;
class SioServerSocket;

class SioBroadcast
{
public:
    explicit SioBroadcast(SioNamespace *nsp);

    SioBroadcast to(const QString &room) const;
    SioBroadcast to(const QStringList &rooms) const;
    SioBroadcast except(const QString &room) const;
    SioBroadcast except(const QStringList &rooms) const;
    // Dropped for clients that cannot take it right now (and never stored for recovery).
    SioBroadcast asVolatile() const;

    // Returns how many sockets it was written to.
    int emitEvent(const QString &event, const QJsonArray &args = {},
                  const QList<QByteArray> &attachments = {}) const;
    QList<SioServerSocket *> sockets() const;
    void socketsJoin(const QString &room) const;
    void socketsLeave(const QString &room) const;
    void disconnectSockets(bool close = false) const;

    const QSet<QString> &rooms() const { return m_rooms; }
    const QSet<QString> &exceptRooms() const { return m_except; }
    bool isVolatile() const { return m_volatile; }

private:
    QPointer<SioNamespace> m_nsp;
    QSet<QString> m_rooms;
    QSet<QString> m_except;
    bool m_volatile = false;
};

} // namespace TableTap
