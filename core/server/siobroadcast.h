// A broadcast target in one namespace: rooms to reach (a union, each socket once), rooms to
// leave out, and flags. Built by SioNamespace::to() / SioServerSocket::broadcast(); emitEvent()
// encodes the packet once and writes the same bytes to every recipient. Everything but
// sockets() goes through the namespace's adapter, so with a cluster adapter it reaches every
// node unless local() says otherwise.
#pragma once

#include "siosocketinfo.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

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
    // This node only, whatever the adapter (socket.io's local flag).
    SioBroadcast local() const;

    // Returns how many sockets it was written to.
    int emitEvent(const QString &event, const QJsonArray &args = {},
                  const QList<QByteArray> &attachments = {}) const;
    // With an answer from every client reached, on every node (socket.io's timeout().emit()
    // with a callback): error empty and one answer (first argument) per client, or "operation
    // has timed out" and the answers that came in time.
    using AckCallback = std::function<void(const QString &error, const QJsonArray &answers)>;
    void emitWithAck(const QString &event, const QJsonArray &args, int timeoutMs,
                     AckCallback callback, const QList<QByteArray> &attachments = {}) const;
    // This node's sockets only.
    QList<SioServerSocket *> sockets() const;
    void socketsJoin(const QString &room) const;
    void socketsLeave(const QString &room) const;
    void disconnectSockets(bool close = false) const;
    // The sockets of every node (SioAdapter::SocketInfo), once each node answered or its
    // request timed out.
    void fetchSockets(std::function<void(const QList<SioSocketInfo> &sockets)> callback) const;

    const QSet<QString> &rooms() const { return m_rooms; }
    const QSet<QString> &exceptRooms() const { return m_except; }
    bool isVolatile() const { return m_volatile; }
    bool isLocal() const { return m_local; }

private:
    QPointer<SioNamespace> m_nsp;
    QSet<QString> m_rooms;
    QSet<QString> m_except;
    bool m_volatile = false;
    bool m_local = false;
};

} // namespace TableTap
