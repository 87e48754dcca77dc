// The running hub: HubDomain behind one Socket.IO + HTTP port.
#include "hubserver.h"

#include "boardfeed.h"
#include "boardpage.h"
#include "commandgateway.h"
#include "contract.h"
#include "engineserver.h"
#include "enginesession.h"
#include "eventbroadcaster.h"
#include "handshakegate.h"
#include "httpexchange.h"
#include "hubdomain.h"
#include "hubserverlogging.h"
#include "rediscluster.h"
#include "signinendpoint.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "throttledlog.h"
#include "webserver.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTimer>
#include <QTimerEvent>

#include <cmath>

namespace TableTap {

namespace {

constexpr int kRateIntervalMs = 1000;
// Server-side event (on "/") by which a node back on Redis, whose messages were lost meanwhile,
// asks the other nodes to resynchronise their clients.
constexpr char kResyncEvent[] = "tabletap:resync";
// A resynchronising node closes its clients' connections over this window, each at a random
// moment, so they do not all come back at once.
constexpr int kResyncSpreadMs = 2000;

} // namespace

HubServer::HubServer(const QString &dataDir, QObject *parent)
    : HubServer(dataDir, Options(), parent)
{}

HubServer::HubServer(const QString &dataDir, Options options, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_options(std::move(options))
    , m_operationsRefusalLog(new ThrottledLog(
          lcHubWiring, QStringLiteral("refused /healthz and /metrics requests"), this))
{
    HubOptions hubOptions = m_options.hub;
    hubOptions.dataDir = dataDir;
    // One node of several on one store: a timer armed on a node that died is run by the others.
    if (!m_options.clusterUrl.isEmpty() && hubOptions.timerSweepIntervalMs == 0)
        hubOptions.timerSweepIntervalMs = 5000;
    m_service = std::make_unique<HubDomain>(hubOptions, m_options.clock);
    m_broadcaster = std::make_unique<EventBroadcaster>();
    m_gate = std::make_unique<HandshakeGate>(
        *m_service,
        HandshakeGate::Options{m_options.maxConnectionsPerAddress, m_options.limitLoopback});
    m_gateway = std::make_unique<CommandGateway>(*m_service, *m_gate, *m_broadcaster);
    m_board = std::make_unique<BoardFeed>(*m_service);
    connect(m_broadcaster.get(), &EventBroadcaster::broadcasted, m_board.get(),
            &BoardFeed::onEvents);
    connect(m_service.get(), &HubDomain::eventsReady, m_broadcaster.get(),
            &EventBroadcaster::broadcast);
    connect(m_service.get(), &HubDomain::staffChanged, m_gateway.get(),
            &CommandGateway::onStaffChanged);
    connect(m_broadcaster.get(), &EventBroadcaster::broadcasted, this, &HubServer::eventsEmitted);
    m_signIn = std::make_unique<SignInEndpoint>(
        *m_service, SignInEndpoint::Options{m_options.signInThreads, m_options.maxQueuedSignIns,
                                            m_options.signInsPerSecond});
}

HubServer::~HubServer()
{
    stop();
}

bool HubServer::openService()
{
    if (m_serviceOpen)
        return true;
    QString error;
    if (!m_service->open(&error)) {
        m_error = error;
        return false;
    }
    m_serviceOpen = true;
    return true;
}

QString HubServer::nodeName() const
{
    return m_options.node.isEmpty() ? defaultNodeName() : m_options.node;
}

QString HubServer::defaultNodeName()
{
    QString name;
    for (const QChar c : QSysInfo::machineHostName()) {
        if (name.size() == 63)
            break;
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'.' || c == u'_' || c == u'-')
            name += c;
    }
    return name.isEmpty() ? QStringLiteral("hub") : name;
}

bool HubServer::isValidNodeName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9._-]{1,63}$"));
    return rule.match(name).hasMatch();
}

HubServer::ClusterState HubServer::clusterState() const
{
    ClusterState c;
    c.enabled = !m_options.clusterUrl.isEmpty();
    c.url = m_options.clusterUrl;
    if (!m_cluster)
        return c;
    c.connected = m_cluster->isConnected();
    c.servers = c.connected ? std::max(1, m_clusterServers) : 1;
    const RedisCluster::Counters &n = m_cluster->counters();
    c.published = n.published;
    c.undelivered = n.undelivered;
    c.received = n.received;
    c.malformed = n.malformed;
    c.reconnects = n.reconnects;
    c.resyncs = m_clusterResyncs;
    return c;
}

bool HubServer::isRunning() const
{
    return m_web && m_web->isListening();
}

QUrl HubServer::url() const
{
    if (!m_port)
        return {};
    QUrl u;
    u.setScheme(m_web && m_web->isSecure() ? QStringLiteral("https") : QStringLiteral("http"));
    const QHostAddress &a = m_options.bindAddress;
    if (a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::LocalHost)
        u.setHost(QStringLiteral("127.0.0.1"));
    else if (a == QHostAddress::AnyIPv6 || a == QHostAddress::LocalHostIPv6)
        u.setHost(QStringLiteral("::1"));
    else
        u.setHost(a.toString());
    u.setPort(m_port);
    return u;
}

quint16 HubServer::start()
{
    if (isRunning())
        return m_port;
    m_error.clear();
    if (!openService())
        return 0;

    WebServer::Options web;
    web.tlsCertificateFile = m_options.tlsCertificateFile;
    web.tlsKeyFile = m_options.tlsKeyFile;
    // Sign-in bodies are tiny; anything big on /api/ is refused before it is read.
    web.maxHandlerBodyBytes = 16 * 1024;
    web.maxConnectionsPerAddress = m_options.maxConnectionsPerAddress;
    web.limitLoopback = m_options.limitLoopback;
    if (!m_options.corsOrigins.isEmpty()) {
        web.cors.enabled = true;
        for (const QString &origin : std::as_const(m_options.corsOrigins))
            web.cors.origins.append(origin.toUtf8());
        // Exact origins may send credentials (cookies are not used, but browsers ask).
        web.cors.credentials = !m_options.corsOrigins.contains(QStringLiteral("*"));
    }
    EngineServer::Options eio;
    eio.pingInterval = m_options.pingInterval;
    eio.pingTimeout = m_options.pingTimeout;
    eio.maxPayload = m_options.maxPayload;
    SioServer::Options sio;
    sio.connectionStateRecovery = m_options.connectionStateRecovery;
    sio.recoveryWindow = m_options.recoveryWindow;
    // A recovering socket shows its token again: an expired or revoked one gets nothing back.
    sio.recoverySkipsMiddlewares = false;
    sio.maxBufferedBytes = m_options.maxBufferedBytes;
    if (!m_options.clusterUrl.isEmpty()) {
        bool ok = false;
        const RedisCluster::Options cluster
            = RedisCluster::fromUrl(QUrl(m_options.clusterUrl), &ok);
        if (!ok) {
            m_error
                = QStringLiteral("cluster: %1 is not redis://HOST:PORT").arg(m_options.clusterUrl);
            return 0;
        }
        // Redis may be down now: the node serves its own clients and joins when Redis answers
        // (both connections try again every reconnectInterval).
        m_cluster = new RedisCluster(cluster, this);
        m_clusterServers = 1;
        m_clusterUp = m_clusterJoined = false;
        connect(m_cluster, &RedisCluster::connectedChanged, this, [this](bool connected) {
            // Each of the two connections reports its loss: one line per change.
            if (connected == m_clusterUp)
                return;
            m_clusterUp = connected;
            const bool afterLoss = m_clusterJoined;
            m_clusterJoined = m_clusterJoined || connected;
            if (connected) {
                qCInfo(lcHubWiring).noquote()
                    << "node" << nodeName() << "joined the cluster at" << m_options.clusterUrl;
                onClusterRejoined(afterLoss);
            } else
                qCWarning(lcHubWiring).noquote()
                    << "node" << nodeName() << "lost Redis at" << m_options.clusterUrl
                    << "(serving its own clients; events from and to other nodes are lost until "
                       "it is back)";
        });
        sio.adapterFactory = m_cluster->adapterFactory();
        // Not there yet a second after start: said once (the connections keep trying quietly).
        QTimer::singleShot(1000, m_cluster, [this] {
            if (!m_clusterJoined)
                qCWarning(lcHubWiring).noquote()
                    << "node" << nodeName() << "cannot reach Redis at" << m_options.clusterUrl
                    << "yet (serving its own clients; it joins the cluster when Redis answers)";
        });
    }
    m_board->setClustered(m_cluster != nullptr);

    m_web = new WebServer(web, this);
    m_engine = new EngineServer(eio, this);
    m_web->mount(m_engine);
    m_io = new SioServer(m_engine, sio, this);
    m_broadcaster->setServer(m_io);
    m_gateway->setServer(m_io);
    m_board->setServer(m_io);
    m_gate->forgetConnections();
    connect(m_engine, &EngineServer::connection, m_gate.get(), &HandshakeGate::onEngineConnection);
    setUpNamespaces();
    m_web->setHttpHandler(QByteArrayLiteral("/api/"), [this](HttpExchange *exchange) {
        m_signIn->handle(exchange, m_web->cors());
    });
    m_web->setHttpHandler(QByteArray(Contract::Http::Board.data(), Contract::Http::Board.size()),
                          &BoardPage::handle);
    if (m_options.operations.enabled) {
        for (const QLatin1String path : {Contract::Http::Healthz, Contract::Http::Metrics})
            m_web->setHttpHandler(
                QByteArray(path.data(), path.size()),
                [this](HttpExchange *exchange) { HubOperations::handle(this, exchange); });
    }
    if (!m_web->listen(m_options.bindAddress, m_options.port)) {
        m_error = QStringLiteral("cannot listen on %1 port %2: %3")
                      .arg(m_options.bindAddress.toString())
                      .arg(m_options.port)
                      .arg(m_web->errorString());
        teardown();
        return 0;
    }
    m_port = m_web->serverPort();
    m_gateway->resetCounters();
    m_broadcaster->resetCounters();
    m_gate->resetCounters();
    m_lastCommands = m_lastHubEvents = 0;
    m_commandsPerSecond = m_hubEventsPerSecond = 0;
    m_signIn->resetCounters();
    m_rateClock.start();
    m_rateTimer.start(kRateIntervalMs, Qt::CoarseTimer, this);
    qCInfo(lcHubWiring).noquote() << "hub serving" << m_service->cafeIds().size() << "cafe(s) at"
                                  << url().toString() << "from" << m_dataDir << "as node"
                                  << nodeName()
                                  << (m_cluster ? QStringLiteral("of the cluster at ")
                                                      + m_options.clusterUrl
                                                : QStringLiteral("(alone)"));
    Q_EMIT started(m_port);
    return m_port;
}

void HubServer::stop()
{
    if (!m_web)
        return;
    // What drives the hub from outside (the simulator) stops here, while clients are connected.
    Q_EMIT aboutToStop();
    // Commands already received are answered (and their events sent) before the doors close.
    m_service->flushQueue();
    m_io->close();
    m_engine->closeAll();
    m_web->close();
    teardown();
    m_rateTimer.stop();
    m_port = 0;
    qCInfo(lcHubWiring) << "hub stopped";
    Q_EMIT stopped();
}

void HubServer::teardown()
{
    // Deleted on the next turn: stop() may run from inside one of their own signals. The
    // cluster after the server whose adapters use it (its adapters let go of it either way).
    for (QObject *o : {static_cast<QObject *>(m_io), static_cast<QObject *>(m_engine),
                       static_cast<QObject *>(m_web), static_cast<QObject *>(m_cluster)}) {
        if (o)
            o->deleteLater();
    }
    m_io = nullptr;
    m_cluster = nullptr;
    m_engine = nullptr;
    m_web = nullptr;
    m_broadcaster->setServer(nullptr);
    m_gateway->setServer(nullptr);
    m_board->setServer(nullptr);
}

HubAdmin &HubServer::admin() const
{
    return m_service->admin();
}

bool HubServer::isSimulatorRunning() const
{
    return m_simulatorProbe && m_simulatorProbe();
}

// ---------------------------------------------------------------------------------------------
// Socket.IO

void HubServer::setUpNamespaces()
{
    // "/" too: nobody holds a connection to the hub without a valid token.
    for (const QString &name : QStringList{QStringLiteral("/")} + HubDomain::namespaces()) {
        SioNamespace *nsp = m_io->of(name);
        nsp->use([gate = m_gate.get()](SioServerSocket *socket, const SioNamespace::Next &next) {
            gate->admit(socket, next);
        });
        connect(nsp, &SioNamespace::connection, m_gateway.get(),
                [gateway = m_gateway.get(), board = m_board.get(), name](SioServerSocket *socket) {
                    // A board token's socket acts as nobody: it never reaches the gateway.
                    if (!HandshakeGate::boardCafeOf(socket).isEmpty())
                        board->onConnection(socket);
                    else
                        gateway->onConnection(socket, name);
                });
    }
    // Another node lost messages meant for this one: this node's clients resynchronise. Other
    // server-side events are not ours (Node's socket.io ignores this one the same way).
    if (m_cluster) {
        m_io->of(QStringLiteral("/"))
            ->onServerSideEmit([this](const QString &event, const QJsonArray &args,
                                      const SioNamespace::ServerSideReply &) {
                if (event != QLatin1String(kResyncEvent))
                    return;
                // The name is the peer's word: logged only when it is a node name.
                const QString node = args.at(0).toString();
                resyncClients(QStringLiteral("node %1 lost messages while away from Redis")
                                  .arg(isValidNodeName(node) ? node : QStringLiteral("?")));
            });
    }
}

void HubServer::resyncClients(const QString &why)
{
    if (!m_io)
        return;
    const int n = m_io->closeClientsSpread(QStringLiteral("cluster resync"), kResyncSpreadMs,
                                           [this] { ++m_clusterResyncs; });
    qCInfo(lcHubWiring).noquote() << "node" << nodeName() << "resynchronises its" << n
                                  << "clients:" << why;
}

void HubServer::onClusterRejoined(bool afterLoss)
{
    if (!m_io)
        return;
    if (afterLoss)
        resyncClients(QStringLiteral("it was away from Redis"));
    // Messages of this node that never reached the others (Redis away): they resynchronise.
    const quint64 undelivered = m_cluster->counters().undelivered;
    if (undelivered > m_undeliveredTold) {
        m_undeliveredTold = undelivered;
        m_io->of(QStringLiteral("/"))
            ->serverSideEmit(QLatin1String(kResyncEvent), QJsonArray{nodeName()});
    }
}

// ---------------------------------------------------------------------------------------------
// Figures

void HubServer::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_rateTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    const double seconds = std::max<qint64>(1, m_rateClock.restart()) / 1000.0;
    const quint64 commands = m_gateway->commands(), hubEvents = m_broadcaster->hubEvents();
    m_commandsPerSecond = double(commands - m_lastCommands) / seconds;
    m_hubEventsPerSecond = double(hubEvents - m_lastHubEvents) / seconds;
    m_lastCommands = commands;
    m_lastHubEvents = hubEvents;
    // How many nodes share the cluster: one PUBSUB NUMSUB a second, for /healthz and /metrics.
    if (m_cluster && m_io && m_cluster->isConnected()) {
        if (SioNamespace *orders = m_io->findNamespace(Contract::path(Contract::Namespace::Orders)))
            orders->serverCount([self = QPointer<HubServer>(this)](int count) {
                if (self)
                    self->m_clusterServers = count;
            });
    }
}

const HubMetrics &HubServer::metrics() const
{
    return m_gateway->metrics();
}

HubServer::Stats HubServer::stats() const
{
    Stats s;
    s.running = isRunning();
    s.url = url();
    s.commands = m_gateway->commands();
    s.commandErrors = m_gateway->commandErrors();
    s.commandsPerSecond = m_commandsPerSecond;
    s.hubEvents = m_broadcaster->hubEvents();
    s.hubEventsPerSecond = m_hubEventsPerSecond;
    const SignInEndpoint::Counters &signIns = m_signIn->counters();
    s.signIns = signIns.ok;
    s.signInFailures = signIns.failed;
    s.signInsShed = signIns.shed;
    s.signInChecksInFlight = m_signIn->checksInFlight();
    s.refusedHandshakes = m_gate->refusedHandshakes();
    s.refusedConnections = m_gate->refusedConnections();
    if (!m_io)
        return s;
    s.refusedConnections += m_web->refusedConnections();
    const SioServer::Stats io = m_io->stats();
    s.clients = io.clients;
    for (const SioServer::NamespaceStats &n : io.namespaces) {
        if (n.name == u"/" && n.sockets == 0)
            continue; // the root namespace exists in every server; the hub does not use it
        s.namespaces.append(NamespaceStats{n.name, n.sockets, n.rooms});
    }
    s.eventsIn = io.counters.eventsIn;
    s.eventsOut = io.counters.eventsOut;
    s.eventsInPerSecond = io.eventsInPerSecond;
    s.eventsOutPerSecond = io.eventsOutPerSecond;
    s.droppedSlowClients = io.counters.droppedSlowClients;
    return s;
}

} // namespace TableTap
