// One client's presence in one namespace (socket.io's Socket): its id, handshake, rooms, data,
// event handlers, and emits with or without acknowledgements.
#pragma once

#include "enginepacket.h"
#include "peerrequest.h"
#include "siobroadcast.h"
#include "siopacket.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariantMap>

#include <functional>

namespace TableTap {

class SioConnection;
class SioNamespace;

class SioServerSocket final : public QObject
{
    Q_OBJECT
public:
    struct Handshake
    {
        QJsonObject auth;  // the CONNECT payload
        PeerRequest peer;  // query, headers, address of the Engine.IO handshake request
        qint64 issued = 0; // ms since epoch
        QByteArray query(QByteArrayView key) const { return peer.queryValue(key); }
        QByteArray header(QByteArrayView lowerName) const { return peer.header(lowerName); }
    };
    // Answers an event the client sent with an ack request; empty when none was requested.
    // Only the first call sends anything.
    using Ack = std::function<void(const QJsonArray &args, const QList<QByteArray> &attachments)>;
    // Arguments exclude the event name; binary arguments are {"_placeholder":true,"num":i}
    // objects that index into attachments.
    using EventHandler = std::function<void(const QJsonArray &args,
                                            const QList<QByteArray> &attachments, const Ack &ack)>;
    using AnyHandler = std::function<void(const QString &event, const QJsonArray &args,
                                          const QList<QByteArray> &attachments, const Ack &ack)>;
    struct AckReply
    {
        QString error; // "operation has timed out", "socket has been disconnected", or empty
        QJsonArray args;
        QList<QByteArray> attachments;
        bool ok() const { return error.isEmpty(); }
    };
    using AckCallback = std::function<void(const AckReply &reply)>;

    ~SioServerSocket() override;

    QString id() const { return m_id; }
    QString pid() const { return m_pid; }
    SioNamespace *nsp() const { return m_nsp; }
    SioConnection *client() const;
    bool isConnected() const { return m_connected; }
    // Whether this socket took over a dropped session (rooms, data and missed events restored).
    bool isRecovered() const { return m_recovered; }
    const Handshake &handshake() const { return m_handshake; }
    QVariantMap &data() { return m_data; }
    const QVariantMap &data() const { return m_data; }

    void join(const QString &room);
    void join(const QStringList &rooms);
    void leave(const QString &room);
    // The rooms this socket is in, including its own id (as socket.io reports them).
    QSet<QString> rooms() const;
    bool isInRoom(const QString &room) const;

    void on(const QString &event, EventHandler handler);
    // Called for every event before the specific handler.
    void onAny(AnyHandler handler);

    // Reserved event names are refused (false), as is emitting on a disconnected socket.
    bool emitEvent(const QString &event, const QJsonArray &args = {},
                   const QList<QByteArray> &attachments = {});
    // timeoutMs < 0: wait as long as the socket lives.
    bool emitWithAck(const QString &event, const QJsonArray &args, AckCallback callback,
                     int timeoutMs = -1, const QList<QByteArray> &attachments = {});

    // Everyone else in the namespace, or in given rooms, but not this socket.
    SioBroadcast broadcast() const;
    SioBroadcast to(const QString &room) const;
    SioBroadcast to(const QStringList &rooms) const;

    // Leaves the namespace; close=true also closes the whole connection (all namespaces).
    void disconnect(bool close = false);

Q_SIGNALS:
    void disconnecting(const QString &reason);
    void disconnected(const QString &reason, const QString &description);

private:
    friend class SioAdapter;
    friend class SioBroadcast;
    friend class SioConnection;
    friend class SioNamespace;
    struct PendingAck
    {
        AckCallback callback;
        bool timed = false;
    };

    SioServerSocket(SioNamespace *nsp, SioConnection *client, QString id, QString pid,
                    QJsonObject auth);
    void onPacket(const SioPacket &packet);
    void onEvent(const SioPacket &packet);
    void onAck(const SioPacket &packet);
    void markConnected();
    void onClose(const QString &reason, const QString &description = {});
    void leaveAll();
    Ack makeAck(qint64 id);

    SioNamespace *m_nsp;
    QPointer<SioConnection> m_client; // may go first while middleware is still running
    QString m_id;
    QString m_pid;
    Handshake m_handshake;
    QVariantMap m_data;
    // Small lists, not hashes: a socket joins a handful of rooms and has a few handlers, and an
    // empty-but-used QHash costs kilobytes per connection.
    QStringList m_rooms; // joined rooms, without the implicit own-id room
    QList<std::pair<QString, EventHandler>> m_handlers;
    AnyHandler m_anyHandler;
    QHash<qint64, PendingAck> m_acks;
    // A recovered session's missed events, held until the middleware admits the socket.
    QList<QList<EnginePacket>> m_missed;
    bool m_connected = false;
    bool m_recovered = false;
    bool m_closed = false;
    // Broadcast bookkeeping: the last broadcast that reached / excluded this socket.
    quint64 m_sentStamp = 0;
    quint64 m_exceptStamp = 0;
};

} // namespace TableTap
