// A Socket.IO namespace on the hub (socket.io's Namespace): its middleware chain, connected
// sockets, broadcasts, server-side events between nodes and, when enabled, the recovery log.
// Its rooms live in its adapter (SioAdapter: this process only, or a cluster adapter).
#pragma once

#include "enginepacket.h"
#include "sioadapter.h"
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
    // An event another node sent with serverSideEmit(); reply is set when that node waits for
    // an answer (only its first call counts, one value, as socket.io passes one on).
    using ServerSideReply = std::function<void(const QJsonValue &arg)>;
    using ServerSideHandler = std::function<void(const QString &event, const QJsonArray &args,
                                                 const ServerSideReply &reply)>;

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
    // Named rooms of this node and their sizes (the implicit one-socket rooms named by socket
    // ids left out).
    QHash<QString, int> roomSizes() const { return m_adapter->roomSizes(); }

    SioAdapter *adapter() const { return m_adapter.get(); }
    // To the other nodes' server-side handlers (socket.io's serverSideEmit); reserved event
    // names are refused (false). With ack: called once every other node answered, or with
    // "timeout reached: ..." and what came.
    bool serverSideEmit(const QString &event, const QJsonArray &args = {},
                        const SioAdapter::ServerSideAck &ack = {});
    void onServerSideEmit(ServerSideHandler handler) { m_serverSideHandler = std::move(handler); }
    // Nodes serving this namespace, this one included (1 without a cluster adapter).
    void serverCount(const SioAdapter::CountCallback &callback)
    {
        m_adapter->serverCount(callback);
    }
    // Named rooms across the cluster.
    void allRooms(const SioAdapter::RoomsCallback &callback) { m_adapter->allRooms(callback); }

Q_SIGNALS:
    void connection(TableTap::SioServerSocket *socket);

private:
    friend class SioAdapter;
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
    int broadcast(const SioBroadcast &target, const QString &event, const QJsonArray &args,
                  const QList<QByteArray> &attachments);
    qint64 nextAckId() { return m_ackIds++; }
    void persistSession(SioServerSocket *socket);
    // An event from another node's serverSideEmit (the adapter calls it).
    void deliverServerSideEmit(const QString &event, const QJsonArray &args,
                               const ServerSideReply &reply);

    SioServer *m_server;
    QString m_name;
    QList<Middleware> m_middlewares;
    QHash<QString, SioServerSocket *> m_sockets;
    std::unique_ptr<SioRecoveryLog> m_recovery;
    std::unique_ptr<SioAdapter> m_adapter;
    ServerSideHandler m_serverSideHandler;
    qint64 m_ackIds = 0;
};

} // namespace TableTap
