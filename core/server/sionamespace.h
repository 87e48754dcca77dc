// A Socket.IO namespace on the hub (socket.io's Namespace + in-memory adapter): its middleware
// chain, connected sockets, rooms, broadcasts and, when enabled, the recovery log.
#pragma once

#include "enginepacket.h"
#include "siobroadcast.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace TableTap {

class SioConnection;
class SioRecoveryLog;
class SioServer;
class SioServerSocket;

class SioNamespace final : public QObject
{
    Q_OBJECT
public:
    // What a middleware calls when it is done: next() admits, next(message, data) refuses with
    // CONNECT_ERROR {"message","data"}. It may be kept and called later (async checks);
    // calls after the first are ignored.
    class Next
    {
    public:
        Next() = default; // does nothing when called
        void operator()() const;
        void operator()(const QString &message,
                        const QJsonValue &data = QJsonValue(QJsonValue::Undefined)) const;

    private:
        friend class SioNamespace;
        struct Error
        {
            QString message;
            QJsonValue data;
        };
        using Fn = std::function<void(std::optional<Error>)>;
        explicit Next(Fn fn);
        std::shared_ptr<Fn> m_fn;
    };
    using Middleware = std::function<void(SioServerSocket *socket, const Next &next)>;

    ~SioNamespace() override;

    QString name() const { return m_name; }
    SioServer *server() const { return m_server; }

    void use(Middleware middleware);

    SioBroadcast to(const QString &room) { return SioBroadcast(this).to(room); }
    SioBroadcast to(const QStringList &rooms) { return SioBroadcast(this).to(rooms); }
    SioBroadcast except(const QString &room) { return SioBroadcast(this).except(room); }
    SioBroadcast except(const QStringList &rooms) { return SioBroadcast(this).except(rooms); }
    // To every socket of the namespace.
    int emitEvent(const QString &event, const QJsonArray &args = {},
                  const QList<QByteArray> &attachments = {});

    SioServerSocket *socket(const QString &id) const { return m_sockets.value(id); }
    QList<SioServerSocket *> sockets() const { return m_sockets.values(); }
    int socketCount() const { return int(m_sockets.size()); }
    // Named rooms and their sizes (the implicit one-socket rooms named by socket ids left out).
    QHash<QString, int> roomSizes() const;

Q_SIGNALS:
    void connection(TableTap::SioServerSocket *socket);

private:
    friend class SioBroadcast;
    friend class SioConnection;
    friend class SioServer;
    friend class SioServerSocket;

    SioNamespace(SioServer *server, QString name);
    void add(SioConnection *client, const QJsonObject &auth);
    void runMiddleware(SioServerSocket *socket, int index);
    void finishConnect(SioServerSocket *socket, const std::optional<Next::Error> &error);
    void remove(SioServerSocket *socket);
    void joinRoom(SioServerSocket *socket, const QString &room);
    void leaveRoom(SioServerSocket *socket, const QString &room);
    template<typename F>
    void forEachMember(const QString &room, F &&f) const;
    std::vector<SioServerSocket *> collect(const SioBroadcast &target);
    int broadcast(const SioBroadcast &target, const QString &event, const QJsonArray &args,
                  const QList<QByteArray> &attachments);
    qint64 nextAckId() { return m_ackIds++; }
    void persistSession(SioServerSocket *socket);

    SioServer *m_server;
    QString m_name;
    QList<Middleware> m_middlewares;
    QHash<QString, SioServerSocket *> m_sockets;
    QHash<QString, QSet<SioServerSocket *>> m_rooms;
    std::unique_ptr<SioRecoveryLog> m_recovery;
    qint64 m_ackIds = 0;
    quint64 m_stamp = 0;
    std::vector<SioServerSocket *> m_scratch;
};

} // namespace TableTap
