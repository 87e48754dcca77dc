// The running hub: HubService behind one Socket.IO + HTTP port.
#include "hubserver.h"

#include "clientaddress.h"
#include "contract.h"
#include "engineserver.h"
#include "enginesession.h"
#include "httpexchange.h"
#include "hubclock.h"
#include "hubdomainlogging.h"
#include "hubrooms.h"
#include "hubservice.h"
#include "jsonwebtoken.h"
#include "signinendpoint.h"
#include "simulatedclock.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "throttledlog.h"
#include "webserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QTimerEvent>

#include <cmath>

namespace TableTap {

namespace {

using L1 = QLatin1String;

constexpr int kRateIntervalMs = 1000;
// A connection over the per-address limit (or left without a namespace because its person was
// disabled or revoked) gets this long to read why before it is closed.
constexpr int kOverLimitCloseMs = 1000;

Contract::TokenRefusal refusalOf(JsonWebToken::Error error)
{
    using R = Contract::TokenRefusal;
    switch (error) {
    case JsonWebToken::Error::Expired:
        return R::Expired;
    case JsonWebToken::Error::NotYetValid:
        return R::NotYetValid;
    case JsonWebToken::Error::BadSignature:
        return R::BadSignature;
    case JsonWebToken::Error::UnsupportedAlgorithm:
        return R::UnsupportedAlgorithm;
    case JsonWebToken::Error::WrongTokenType:
        return R::WrongTokenType;
    case JsonWebToken::Error::BadClaims:
        return R::BadClaims;
    case JsonWebToken::Error::Revoked:
        return R::Revoked;
    case JsonWebToken::Error::StaffDisabled:
        return R::StaffDisabled;
    case JsonWebToken::Error::RoleChanged:
        return R::RoleChanged;
    default:
        return R::Malformed;
    }
}

QByteArray bytes(QLatin1String text)
{
    return QByteArray(text.data(), text.size());
}

// Puts the socket in its role's room of the cafe and out of the other roles' rooms.
void setRoleRoom(SioServerSocket *socket, const QString &cafeId, HubRole role)
{
    for (const HubRole other : Contract::kRoles) {
        if (other != role)
            socket->leave(HubRooms::role(cafeId, other));
    }
    socket->join(HubRooms::role(cafeId, role));
}

} // namespace

HubServer::HubServer(const QString &dataDir, QObject *parent)
    : HubServer(dataDir, Options(), parent)
{}

HubServer::HubServer(const QString &dataDir, Options options, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_options(std::move(options))
    , m_refusalLog(new ThrottledLog(lcHubWiring, QStringLiteral("refused handshakes"), this))
    , m_operationsRefusalLog(new ThrottledLog(
          lcHubWiring, QStringLiteral("refused /healthz and /metrics requests"), this))
{
    HubOptions hubOptions = m_options.hub;
    hubOptions.dataDir = dataDir;
    if (m_options.simulate) {
        // A demo hub: some cards are declined (on top of the .13 / .66 amounts), reproducibly.
        if (hubOptions.cardDeclineRate <= 0)
            hubOptions.cardDeclineRate = 0.04;
        hubOptions.randomSeed = m_options.simulation.seed;
        // A compressed day on real time: the simulated card provider answers within simulated
        // seconds too. (On a simulated clock its delay is simulated time already.)
        if (m_options.simulation.speed > 1 && !qobject_cast<SimulatedClock *>(m_options.clock))
            hubOptions.cardProcessingDelayMs = std::max(
                20,
                int(std::lround(hubOptions.cardProcessingDelayMs / m_options.simulation.speed)));
    }
    m_service = std::make_unique<HubService>(hubOptions, m_options.clock);
    connect(m_service.get(), &HubService::eventsReady, this, &HubServer::emitEvents);
    connect(m_service.get(), &HubService::staffChanged, this, &HubServer::onStaffChanged);
    m_signIn = std::make_unique<SignInEndpoint>(
        *m_service, SignInEndpoint::Options{m_options.signInThreads, m_options.maxQueuedSignIns,
                                            m_options.signInsPerSecond});
}

HubServer::~HubServer()
{
    stop();
    // Before the service it uses goes (members go before children).
    delete m_simulator;
    m_simulator = nullptr;
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

    m_web = new WebServer(web, this);
    m_engine = new EngineServer(eio, this);
    m_web->mount(m_engine);
    m_io = new SioServer(m_engine, sio, this);
    m_connectionsPerAddress.clear();
    m_overLimit.clear();
    connect(m_engine, &EngineServer::connection, this,
            [this](EngineSession *session, const PeerRequest &peer) {
                onEngineConnection(session, peer);
            });
    setUpNamespaces();
    m_web->setHttpHandler(QByteArrayLiteral("/api/"), [this](HttpExchange *exchange) {
        m_signIn->handle(exchange, m_web->cors());
    });
    if (m_options.operations.enabled) {
        for (const QLatin1String path : {Contract::Http::Healthz, Contract::Http::Metrics})
            m_web->setHttpHandler(bytes(path), [this](HttpExchange *exchange) {
                HubOperations::handle(this, exchange);
            });
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
    m_commands = m_commandErrors = m_hubEvents = m_lastCommands = m_lastHubEvents = 0;
    m_commandsPerSecond = m_hubEventsPerSecond = 0;
    m_refusedHandshakes = m_refusedConnections = 0;
    m_signIn->resetCounters();
    m_metrics.reset();
    m_rateClock.start();
    m_rateTimer.start(kRateIntervalMs, Qt::CoarseTimer, this);
    qCInfo(lcHubWiring).noquote() << "hub serving" << m_service->cafeIds().size() << "cafe(s) at"
                                  << url().toString() << "from" << m_dataDir;
    Q_EMIT started(m_port);
    if (m_options.simulate && !setSimulatorRunning(true)) {
        const QString why = m_error;
        stop();
        m_error = why;
        return 0;
    }
    return m_port;
}

void HubServer::stop()
{
    if (!m_web)
        return;
    setSimulatorRunning(false);
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
    // Deleted on the next turn: stop() may run from inside one of their own signals.
    for (QObject *o : {static_cast<QObject *>(m_io), static_cast<QObject *>(m_engine),
                       static_cast<QObject *>(m_web)}) {
        if (o)
            o->deleteLater();
    }
    m_io = nullptr;
    m_engine = nullptr;
    m_web = nullptr;
}

bool HubServer::setSimulatorRunning(bool running)
{
    if (!running) {
        if (m_simulator && m_simulator->isRunning()) {
            m_simulator->stop();
            Q_EMIT simulatorRunningChanged(false);
        }
        return true;
    }
    if (!isRunning()) {
        m_error = QStringLiteral("the hub is not running");
        return false;
    }
    if (m_simulator && m_simulator->isRunning())
        return true;
    // A new one each time: the port may have changed since the last run.
    delete m_simulator;
    m_simulator = new CafeSimulator(m_service.get(), url(), m_options.simulation, this);
    QString error;
    if (!m_simulator->start(&error)) {
        m_error = QStringLiteral("cannot start the simulator: %1").arg(error);
        return false;
    }
    Q_EMIT simulatorRunningChanged(true);
    return true;
}

bool HubServer::isSimulatorRunning() const
{
    return m_simulator && m_simulator->isRunning();
}

// ---------------------------------------------------------------------------------------------
// Socket.IO

void HubServer::onEngineConnection(EngineSession *session, const PeerRequest &peer)
{
    const int limit = m_options.maxConnectionsPerAddress;
    if (limit <= 0 || (ClientAddress::isLoopback(peer.address) && !m_options.limitLoopback))
        return;
    const QString address = ClientAddress::key(peer.address);
    const int count = ++m_connectionsPerAddress[address];
    if (count > limit) {
        // Refused at its CONNECT (see the middleware), and closed soon whatever it sends.
        m_overLimit.insert(session);
        ++m_refusedConnections;
        // Once per wave: an attack must not flood the log.
        if (count == limit + 1)
            qCWarning(lcHubWiring).noquote()
                << "refusing connections from" << address << "over the limit of" << limit;
        QTimer::singleShot(kOverLimitCloseMs, session, [session] { session->close(); });
    }
    // Whichever comes first, once: the close, or the session object going away.
    auto released = std::make_shared<bool>(false);
    const auto release = [this, session, address, released] {
        if (std::exchange(*released, true))
            return;
        m_overLimit.remove(session);
        const auto it = m_connectionsPerAddress.find(address);
        if (it != m_connectionsPerAddress.end() && --*it <= 0)
            m_connectionsPerAddress.erase(it);
    };
    connect(session, &EngineSession::closed, this, release);
    connect(session, &QObject::destroyed, this, release);
}

bool HubServer::isOverLimit(const SioServerSocket *socket) const
{
    return !m_overLimit.isEmpty() && socket->client()
           && m_overLimit.contains(socket->client()->session());
}

void HubServer::setUpNamespaces()
{
    // "/" too: nobody holds a connection to the hub without a valid token.
    for (const QString &name : QStringList{QStringLiteral("/")} + HubService::namespaces()) {
        SioNamespace *nsp = m_io->of(name);
        nsp->use([this](SioServerSocket *socket, const SioNamespace::Next &next) {
            if (isOverLimit(socket)) {
                ++m_refusedHandshakes;
                next(Contract::ConnectRefusal::TooManyConnections,
                     QJsonObject{
                         {Contract::Keys::Type, Contract::name(Contract::ErrorType::RateLimited)},
                         {Contract::Keys::Reason,
                          Contract::ConnectRefusal::TooManyConnectionsReason},
                         {QStringLiteral("limit"), m_options.maxConnectionsPerAddress},
                         {Contract::Keys::Message,
                          QStringLiteral("this address already holds %1 connections to the hub")
                              .arg(m_options.maxConnectionsPerAddress)}});
            } else if (const auto refusal = authenticate(socket)) {
                ++m_refusedHandshakes;
                next(refusal->message, refusal->data);
            } else {
                next();
            }
        });
        connect(nsp, &SioNamespace::connection, this,
                [this, name](SioServerSocket *socket) { onConnection(socket, name); });
    }
}

std::optional<HubServer::Refusal> HubServer::authenticate(SioServerSocket *socket)
{
    const SioServerSocket::Handshake &h = socket->handshake();
    QString token = h.auth.value(Contract::Keys::Token).toString();
    if (token.startsWith(L1("Bearer ")))
        token = token.mid(7);
    const QString queryCafe = QString::fromUtf8(h.query(bytes(Contract::Keys::CafeId)));
    const QString queryRole = QString::fromUtf8(h.query(bytes(Contract::Keys::UserRole)));
    const JsonWebToken::Verified v = m_service->verifyHandshake(token, queryCafe, queryRole);
    if (v.ok() && socket->isRecovered()
        && (socket->data().value(QStringLiteral("user_id")).toString() != v.claims.userId
            || socket->data().value(QStringLiteral("cafe_id")).toString() != v.claims.cafeId)) {
        m_refusalLog->info(QStringLiteral("refused recovery in %1 from %2: another user's session")
                               .arg(socket->nsp()->name(), h.peer.address.toString()));
        return Refusal{
            Contract::ConnectRefusal::PermissionDenied,
            QJsonObject{
                {Contract::Keys::Type, Contract::name(Contract::ErrorType::PermissionDenied)},
                {Contract::Keys::Message, QStringLiteral("the session belongs to another user")}}};
    }
    if (v.ok()) {
        const HubActor actor = v.claims.actor();
        socket->data().insert(QStringLiteral("generation"), actor.tokenGeneration);
        socket->data().insert(QStringLiteral("user_id"), actor.userId);
        socket->data().insert(QStringLiteral("name"), actor.name);
        socket->data().insert(QStringLiteral("role"), HubActor::roleName(actor.role));
        socket->data().insert(QStringLiteral("cafe_id"), actor.cafeId);
        return std::nullopt;
    }
    m_refusalLog->info(QStringLiteral("refused %1 from %2: %3")
                           .arg(socket->nsp()->name(), h.peer.address.toString(), v.message));
    if (v.error == JsonWebToken::Error::QueryMismatch
        || v.error == JsonWebToken::Error::CafeNotServed) {
        // A genuine token that may not be used here: refreshing it would not help.
        return Refusal{Contract::ConnectRefusal::PermissionDenied,
                       QJsonObject{{Contract::Keys::Type,
                                    Contract::name(Contract::ErrorType::PermissionDenied)},
                                   {Contract::Keys::Message, v.message}}};
    }
    // The seed's message, on which clients refresh their token and reconnect.
    return Refusal{
        Contract::ConnectRefusal::Authentication,
        QJsonObject{{Contract::Keys::Type, Contract::name(Contract::ErrorType::InvalidToken)},
                    {Contract::Keys::Reason, Contract::name(refusalOf(v.error))},
                    {Contract::Keys::Message, v.message}}};
}

HubActor HubServer::actorOf(const SioServerSocket *socket)
{
    const QVariantMap &d = socket->data();
    HubActor actor;
    actor.userId = d.value(QStringLiteral("user_id")).toString();
    actor.name = d.value(QStringLiteral("name")).toString();
    actor.role = HubActor::parseRole(d.value(QStringLiteral("role")).toString())
                     .value_or(HubRole::Employee);
    actor.cafeId = d.value(QStringLiteral("cafe_id")).toString();
    actor.tokenGeneration = d.value(QStringLiteral("generation")).toLongLong();
    return actor;
}

void HubServer::onConnection(SioServerSocket *socket, const QString &nsp)
{
    const HubActor actor = actorOf(socket);
    // isOverLimit: a recovered socket skips the middleware, not the per-address limit.
    if (actor.userId.isEmpty() || actor.cafeId.isEmpty() || isOverLimit(socket)) {
        // Only a socket that passed the middleware (or recovered one that did) gets here.
        socket->disconnect();
        return;
    }
    // A recovered socket has its rooms back already; joining again changes nothing. Its role
    // may have changed while it was away: only the current role's room stays.
    setRoleRoom(socket, actor.cafeId, actor.role);
    socket->join(HubRooms::forConnection(actor, nsp));
    socket->onAny([this, socket, nsp](const QString &event, const QJsonArray &args,
                                      const QList<QByteArray> &attachments,
                                      const SioServerSocket::Ack &ack) {
        onCommand(socket, nsp, event, args, attachments, ack);
    });
}

void HubServer::onCommand(SioServerSocket *socket, const QString &nsp, const QString &command,
                          const QJsonArray &args, const QList<QByteArray> &attachments,
                          const SioServerSocket::Ack &ack)
{
    const HubActor actor = actorOf(socket);
    const QJsonValue payload = args.isEmpty() ? QJsonValue(QJsonObject()) : args.first();
    const QString requestId = payload.toObject().value(Contract::Keys::RequestId).toString();
    QPointer<SioServerSocket> guard(socket);
    auto answer = [this, guard, ack, command, requestId](const CommandResult &r) {
        ++m_commands;
        if (!r.ok())
            ++m_commandErrors;
        m_metrics.countCommand(command, r);
        if (guard && guard->isConnected()) {
            if (!r.joinRoom.isEmpty())
                guard->join(r.joinRoom);
            if (!r.leaveRoom.isEmpty())
                guard->leave(r.leaveRoom);
            if (ack) {
                ack({r.ack}, {});
            } else if (!r.ok()) {
                // The seed's "Event Processing Errors": {type, message}, plus what it was about.
                QJsonObject error = r.error();
                error.insert(Contract::Keys::Command, command);
                if (!requestId.isEmpty())
                    error.insert(Contract::Keys::RequestId, requestId);
                guard->emitEvent(Contract::name(Contract::Event::Error), {error});
            }
        }
        emitEvents(r.events);
    };
    if (!attachments.isEmpty()) {
        answer(CommandResult::failure(CommandError::invalid(
            QStringLiteral("payload"), QStringLiteral("commands take JSON, not binary data"))));
        return;
    }
    // Group commit: answered (and its events sent) after the batch's transaction is stored. The
    // context is the server, not the socket, so events still go out if the sender has left.
    m_service->submit(actor, nsp, command, payload, this, std::move(answer));
}

void HubServer::emitEvents(const HubEventList &events)
{
    if (!m_io || events.isEmpty())
        return;
    for (const HubEvent &e : events) {
        if (!m_io)
            return; // stopped by a slot connected to one of our signals
        SioNamespace *nsp = m_io->findNamespace(e.nsp);
        if (!nsp || e.rooms.isEmpty())
            continue;
        SioBroadcast target = nsp->to(e.rooms);
        if (!e.exceptRooms.isEmpty())
            target = target.except(e.exceptRooms);
        // The second fence: whatever the rooms say, only sockets of the event's cafe get it.
        // Anyone else is left out through the room named by its socket id.
        if (!e.cafeRoom.isEmpty()) {
            QStringList strangers;
            for (SioServerSocket *s : target.sockets()) {
                if (!s->isInRoom(e.cafeRoom))
                    strangers.append(s->id());
            }
            if (!strangers.isEmpty()) {
                qCWarning(lcHubWiring) << e.name << "kept from" << strangers.size()
                                       << "socket(s) outside" << e.cafeRoom;
                target = target.except(strangers);
            }
        }
        target.emitEvent(e.name, {e.envelope});
        ++m_hubEvents;
    }
    Q_EMIT eventsEmitted(events);
}

void HubServer::onStaffChanged(const QString &cafeId, const QList<StaffChange> &changes)
{
    if (!m_io)
        return;
    for (const StaffChange &change : changes) {
        if (!change.endsSessions() && !change.roleChanged())
            continue;
        QList<QPointer<SioServerSocket>> sockets;
        for (SioNamespace *nsp : m_io->namespaces()) {
            for (SioServerSocket *s : nsp->to(HubRooms::user(change.after.id)).sockets()) {
                if (s->data().value(QStringLiteral("cafe_id")).toString() == cafeId)
                    sockets.append(s);
            }
        }
        if (change.endsSessions()) {
            // Disabled or revoked: the person's sockets leave now (socket.io clients do not
            // reconnect after a server disconnect). A connection left with no namespace is
            // closed once the client had time to read why (clients usually close it first).
            for (const QPointer<SioServerSocket> &s : std::as_const(sockets)) {
                if (!s)
                    continue;
                SioConnection *client = s->client();
                s->disconnect();
                if (client && client->sockets().isEmpty()) {
                    QTimer::singleShot(kOverLimitCloseMs, client, [client] {
                        if (client->sockets().isEmpty())
                            client->close(QStringLiteral("server namespace disconnect"));
                    });
                }
            }
        } else {
            // A new role: the sockets act with it from their next command and hear what it
            // hears; their tokens are refused at the next handshake (a refresh gives new ones).
            const HubRole role = change.after.role;
            for (const QPointer<SioServerSocket> &s : std::as_const(sockets)) {
                if (!s)
                    continue;
                s->data().insert(QStringLiteral("role"), HubActor::roleName(role));
                setRoleRoom(s, cafeId, role);
            }
        }
        qCInfo(lcHubWiring).noquote()
            << "staff" << change.after.code << "of" << cafeId << change.kinds().join(u',') << ":"
            << sockets.size()
            << (change.endsSessions() ? "socket(s) disconnected" : "socket(s) re-roled");
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
    m_commandsPerSecond = double(m_commands - m_lastCommands) / seconds;
    m_hubEventsPerSecond = double(m_hubEvents - m_lastHubEvents) / seconds;
    m_lastCommands = m_commands;
    m_lastHubEvents = m_hubEvents;
}

HubServer::Stats HubServer::stats() const
{
    Stats s;
    s.running = isRunning();
    s.url = url();
    s.commands = m_commands;
    s.commandErrors = m_commandErrors;
    s.commandsPerSecond = m_commandsPerSecond;
    s.hubEvents = m_hubEvents;
    s.hubEventsPerSecond = m_hubEventsPerSecond;
    const SignInEndpoint::Counters &signIns = m_signIn->counters();
    s.signIns = signIns.ok;
    s.signInFailures = signIns.failed;
    s.signInsShed = signIns.shed;
    s.signInChecksInFlight = m_signIn->checksInFlight();
    s.refusedHandshakes = m_refusedHandshakes;
    s.refusedConnections = m_refusedConnections;
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
