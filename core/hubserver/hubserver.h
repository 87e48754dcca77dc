// The running hub: one port serving the cafe domain (HubDomain) over Socket.IO and plain HTTP.
// The simulator, when one drives a cafe day, is a client beside it (core/simulator). A plain
// QObject, so
// `tabletap-hub serve` and the console's embedded hub use it alike. It holds the transports
// (WebServer, EngineServer, SioServer), starts and stops them, and puts the parts in place:
// HandshakeGate (per-address limit, token middleware), CommandGateway (rooms, commands, acks),
// EventBroadcaster (events to their rooms inside their cafe), SignInEndpoint (/api/) and
// HubOperations (/healthz, /metrics). With a cluster URL its SioServer's namespaces sit on
// RedisAdapters (core/cluster): one node of several behind a load balancer.
#pragma once

#include "hubevent.h"
#include "hubmetrics.h"
#include "huboperations.h"
#include "huboptions.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace TableTap {

class BoardFeed;
class CommandGateway;
class EngineServer;
class EventBroadcaster;
class HandshakeGate;
class HubAdmin;
class HubClock;
class HubDomain;
class RedisCluster;
class SioServer;
class SignInEndpoint;
class ThrottledLog;
class WebServer;

class HubServer final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        HubOptions hub;                               // the domain's knobs (dataDir is set apart)
        QHostAddress bindAddress = QHostAddress::Any; // the shop's LAN; tests bind LocalHost
        quint16 port = 3000;                          // 0 picks a free port
        QString tlsCertificateFile;                   // PEM; with the key, https + wss only
        QString tlsKeyFile;
        QStringList corsOrigins; // browser origins; "*" any; empty: CORS off
        int pingInterval = 25000;
        int pingTimeout = 20000;
        qint64 maxPayload = 1000000;
        bool connectionStateRecovery = true;
        int recoveryWindow = 120000; // ms a dropped socket can come back with its missed events
        // Engine.IO connections one client address may hold at once; the next ones are refused
        // (connect_error "Too many connections", then closed). The same bound applies to plain
        // HTTP connections apart (the next get 429). IPv6 clients count by /64. 0: no limit.
        // Loopback addresses (the console's embedded clients, the simulator) are exempt unless
        // limitLoopback.
        int maxConnectionsPerAddress = 256;
        bool limitLoopback = false;
        // Staff sign-in (SignInEndpoint): PIN checks run on this many threads; at most
        // maxQueuedSignIns wait or run, and at most signInsPerSecond start per second hub-wide
        // (bursts of four seconds' worth; as many again for addresses that failed lately);
        // beyond either, 429 with Retry-After.
        int signInThreads = 2;
        int maxQueuedSignIns = 32;
        int signInsPerSecond = 5;
        // Bytes a client may leave unread (socket + session buffers) before it is dropped.
        qint64 maxBufferedBytes = 16 * 1024 * 1024;
        // The hub's clock (not owned; null: the system clock). A SimulatedClock puts the whole
        // hub on simulated time, which the simulator moves through the admin API (the
        // console's demo).
        HubClock *clock = nullptr;
        // GET /healthz and GET /metrics on the same port, and who may read them.
        HubOperations::Options operations;
        // One of several nodes: redis://HOST[:PORT] of the Redis every node (ours, or Node
        // socket.io with @socket.io/redis-adapter) shares; each namespace then gets a
        // RedisAdapter, so an event emitted to a room here reaches that room's sockets on every
        // node. Empty: this hub alone (the in-memory adapter). docs/scale-out.md.
        QString clusterUrl;
        // This node's name in /healthz, /metrics and the logs; empty: defaultNodeName().
        QString node;
    };
    // The cluster as this node sees it (/healthz, /metrics).
    struct ClusterState
    {
        bool enabled = false;   // a cluster URL is set
        bool connected = false; // both Redis connections up
        int servers = 1;        // nodes on the cluster (PUBSUB NUMSUB), this one included
        QString url;
        quint64 published = 0;   // messages handed to Redis
        quint64 undelivered = 0; // cross-node messages lost (Redis away, no reply)
        quint64 received = 0;    // messages from other nodes acted on
        quint64 malformed = 0;   // messages that did not decode (dropped)
        int reconnects = 0;      // times the subscriber came back after a loss
        quint64 resyncs = 0;     // clients closed so they reload their snapshots
    };
    struct NamespaceStats
    {
        QString name;
        int sockets = 0;
        QHash<QString, int> rooms; // named rooms and their sizes
    };
    // What an operator sees (the console's hub panel): counters since start() and per-second
    // rates over the last second.
    struct Stats
    {
        bool running = false;
        QUrl url;
        int clients = 0; // Engine.IO connections
        QList<NamespaceStats> namespaces;
        quint64 eventsIn = 0;  // Socket.IO events received (commands included)
        quint64 eventsOut = 0; // events delivered, per recipient
        double eventsInPerSecond = 0;
        double eventsOutPerSecond = 0;
        quint64 commands = 0;      // commands answered
        quint64 commandErrors = 0; // of which refused
        double commandsPerSecond = 0;
        quint64 hubEvents = 0; // domain events broadcast (each once, whatever its audience)
        double hubEventsPerSecond = 0;
        quint64 signIns = 0;
        quint64 signInFailures = 0;
        quint64 signInsShed = 0;      // refused unchecked: over the sign-in rate or queue bound
        int signInChecksInFlight = 0; // PIN checks waiting for or running on their threads
        quint64 refusedHandshakes = 0;
        quint64 refusedConnections = 0; // over maxConnectionsPerAddress (Engine.IO and HTTP)
        quint64 droppedSlowClients = 0;
    };

    explicit HubServer(const QString &dataDir, QObject *parent = nullptr);
    HubServer(const QString &dataDir, Options options, QObject *parent = nullptr);
    ~HubServer() override;

    // Opens the data folder (created with its secret on first start) and listens. Returns the
    // bound port, or 0 with errorString() set. Starting a running server returns its port.
    quint16 start();
    // Emits aboutToStop() (the simulator stops there), answers the commands already received,
    // disconnects every client ("server shutting down") and closes the port. The data stays
    // open, so start() may follow.
    void stop();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    // Where clients on this machine reach the hub (http or https, loopback for a wildcard bind).
    QUrl url() const;
    QString errorString() const { return m_error; }
    QString dataDir() const { return m_dataDir; }
    const Options &options() const { return m_options; }
    // options().node, or defaultNodeName() when it is empty.
    QString nodeName() const;
    // The host name, cut to a node name's characters ([A-Za-z0-9._-], at most 63); "hub" when
    // nothing is left.
    static QString defaultNodeName();
    // A node name's rule: 1 to 63 of A-Z a-z 0-9 . _ -
    static bool isValidNodeName(const QString &name);
    ClusterState clusterState() const;

    // The domain behind the port: cafes, tokens (mintToken), direct commands. Valid from
    // construction; opened by start().
    HubDomain *service() const { return m_service.get(); }
    // The admin API on this hub's store, secret and clock (the simulator's way in).
    HubAdmin &admin() const;
    // Whether a simulator drives this hub (the tabletap_simulator_running gauge): what the probe
    // says; false without one.
    bool isSimulatorRunning() const;
    // The simulator is kept outside the hub (SimulatorSwitch, stopped on aboutToStop()); its
    // owner says here whether it runs. Empty: no probe.
    void setSimulatorProbe(std::function<bool()> probe) { m_simulatorProbe = std::move(probe); }

    Stats stats() const;
    // Commands by name and result, errors by type, since start() (for /metrics).
    const HubMetrics &metrics() const;
    // Where refused /healthz and /metrics requests are logged (a few lines per window).
    ThrottledLog *operationsRefusalLog() const { return m_operationsRefusalLog; }

Q_SIGNALS:
    void started(quint16 port);
    // First thing in stop() of a running hub, while every client is still connected: what
    // drives the hub from outside stops here, before the last commands are answered.
    void aboutToStop();
    void stopped();
    // The domain events just broadcast (after their acks), for logs and panels.
    void eventsEmitted(const TableTap::HubEventList &events);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    bool openService();
    // The five namespaces (and "/") behind the gate, their sockets to the gateway.
    void setUpNamespaces();
    // This node may have missed other nodes' events (why: for the log): its clients'
    // connections are closed within a couple of seconds, and they reconnect as new sessions
    // that load their snapshots again.
    void resyncClients(const QString &why);
    // Back on Redis: resynchronise this node's clients and, when messages of this node were
    // lost meanwhile, ask the other nodes to resynchronise theirs.
    void onClusterRejoined(bool afterLoss);
    void teardown();

    QString m_dataDir;
    Options m_options;
    std::unique_ptr<HubDomain> m_service;
    // After m_service, so they go first: a command still queued in the service is then dropped
    // with its context (the gateway) instead of answering into parts already gone.
    std::unique_ptr<EventBroadcaster> m_broadcaster;
    std::unique_ptr<HandshakeGate> m_gate;
    std::unique_ptr<CommandGateway> m_gateway;
    std::unique_ptr<BoardFeed> m_board;
    // It goes first of all, waiting for PIN checks that would answer through the service.
    std::unique_ptr<SignInEndpoint> m_signIn;
    bool m_serviceOpen = false;
    // Owned while running; torn down by stop().
    WebServer *m_web = nullptr;
    EngineServer *m_engine = nullptr;
    SioServer *m_io = nullptr;
    // The node's way to the others (with a cluster URL), made before the SioServer.
    RedisCluster *m_cluster = nullptr;
    int m_clusterServers = 1;      // asked of Redis once a second (the rate timer)
    bool m_clusterUp = false;      // what the log said last
    bool m_clusterJoined = false;  // Redis answered at least once since start()
    quint64 m_clusterResyncs = 0;  // clients closed for a resynchronisation
    quint64 m_undeliveredTold = 0; // undelivered count the other nodes were last told about
    std::function<bool()> m_simulatorProbe;
    quint16 m_port = 0;
    QString m_error;

    QBasicTimer m_rateTimer;
    QElapsedTimer m_rateClock;
    quint64 m_lastCommands = 0, m_lastHubEvents = 0;
    double m_commandsPerSecond = 0, m_hubEventsPerSecond = 0;
    ThrottledLog *m_operationsRefusalLog;
};

} // namespace TableTap
