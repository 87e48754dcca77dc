// The Socket.IO v5 server on top of an Engine.IO endpoint (socket.io's Server): namespaces,
// options, and the counters operators see (the console's hub panel, /metrics).
#pragma once

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace TableTap {

class EngineServer;
class EngineSession;
class SioAdapter;
class SioConnection;
class SioNamespace;
struct PeerRequest;

class SioServer final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int connectTimeout = 45000; // close a connection that joins no namespace by then
        bool connectionStateRecovery = false;
        int recoveryWindow = 120000; // maxDisconnectionDuration
        bool recoverySkipsMiddlewares = true;
        int recoveryMaxPackets = 10000; // per namespace; older events cannot be replayed
        qint64 maxBufferedBytes = 16 * 1024 * 1024; // per client, beyond it the client is dropped
        int maxAttachments = 10;
        // Makes each namespace's adapter (its rooms and how broadcasts reach other nodes);
        // unset or returning null: SioAdapter, this process only.
        std::function<std::unique_ptr<SioAdapter>(SioNamespace *nsp)> adapterFactory;
    };
    struct NamespaceStats
    {
        QString name;
        int sockets = 0;
        QHash<QString, int> rooms;
    };
    struct Counters
    {
        quint64 packetsIn = 0; // Engine.IO messages received
        quint64 bytesIn = 0;
        quint64 packetsOut = 0; // Engine.IO messages written (per recipient)
        quint64 bytesOut = 0;
        quint64 eventsIn = 0;
        quint64 eventsOut = 0; // events delivered (per recipient)
        quint64 droppedSlowClients = 0;
    };
    struct Stats
    {
        int clients = 0;
        QList<NamespaceStats> namespaces;
        Counters counters;
        double eventsInPerSecond = 0;
        double eventsOutPerSecond = 0;
    };

    explicit SioServer(EngineServer *engine, QObject *parent = nullptr);
    SioServer(EngineServer *engine, Options options, QObject *parent = nullptr);
    ~SioServer() override;

    // The namespace with this name, created on first use ("/" exists from the start).
    SioNamespace *of(const QString &name);
    SioNamespace *findNamespace(const QString &name) const { return m_namespaces.value(name); }
    QList<SioNamespace *> namespaces() const { return m_namespaces.values(); }

    EngineServer *engine() const { return m_engine; }
    const Options &options() const { return m_options; }
    int clientCount() const { return int(m_clients.size()); }
    Stats stats() const;
    Counters &counters() { return m_counters; }
    // Disconnects everybody with reason "server shutting down".
    void close();
    // Closes the Engine.IO connection of every client connected now, each at its own random
    // moment within spreadMs (0: at once), so they reconnect by themselves (a transport close,
    // no Socket.IO DISCONNECT packet) and not all at the same instant. reason is given to the
    // sockets; with one that connection state recovery keeps no session for (e.g. "cluster
    // resync", not "transport close" or "forced server close") the reconnection is a new
    // session, not a recovered one. closed() is called once per client actually closed
    // (one that left meanwhile is not). Returns the number of clients scheduled (one already
    // waiting for such a close is not scheduled twice).
    int closeClientsSpread(const QString &reason, int spreadMs,
                           const std::function<void()> &closed = {});

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class SioConnection;
    void onConnection(EngineSession *session, const PeerRequest &peer);

    EngineServer *m_engine;
    Options m_options;
    QHash<QString, SioNamespace *> m_namespaces;
    void forgetClient(SioConnection *client);

    QSet<SioConnection *> m_clients;
    QSet<SioConnection *> m_closing; // waiting for closeClientsSpread's close
    Counters m_counters;
    QBasicTimer m_rateTimer;
    QElapsedTimer m_rateClock;
    quint64 m_lastEventsIn = 0;
    quint64 m_lastEventsOut = 0;
    double m_eventsInPerSecond = 0;
    double m_eventsOutPerSecond = 0;
    int m_rateTicks = 0;
};

} // namespace TableTap
