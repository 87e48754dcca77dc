// The Socket.IO connection manager: engine lifecycle, reconnection, namespace multiplexing.
#include "siomanager.h"

#include "clientpollingtransport.h"
#include "clienttransportconfig.h"
#include "clientwebsockettransport.h"
#include "enginesession.h"
#include "enginetransport.h"
#include "protocollogging.h"
#include "siocodec.h"
#include "siosocket.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTimer>
#include <QTimerEvent>
#include <QUrlQuery>

namespace TableTap {

namespace {
const QString polling = QStringLiteral("polling");
const QString websocket = QStringLiteral("websocket");
} // namespace

SioManager::Reentry::Reentry(SioManager *m)
    : manager(m)
{
    if (manager)
        ++manager->m_depth;
}

SioManager::Reentry::~Reentry()
{
    if (manager)
        --manager->m_depth;
}

SioManager::SioManager(const QUrl &url, SioClientOptions options, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_options(std::move(options))
    , m_transportConfig(std::make_unique<ClientTransportConfig>())
    , m_backoff(m_options.reconnectionDelay, m_options.reconnectionDelayMax,
                m_options.randomizationFactor)
{
    if (m_options.randomSource)
        m_backoff.setRandomSource(m_options.randomSource);
    m_network = new QNetworkAccessManager(this);

    ClientTransportConfig &config = *m_transportConfig;
    QUrl endpoint = url;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("ws"))
        endpoint.setScheme(QStringLiteral("http"));
    else if (scheme == QLatin1String("wss"))
        endpoint.setScheme(QStringLiteral("https"));
    else if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        m_configError = QStringLiteral("unsupported URL scheme \"%1\"").arg(url.scheme());
    QString path = m_options.path;
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    if (!path.endsWith(QLatin1Char('/')))
        path.append(QLatin1Char('/'));
    endpoint.setPath(path);
    endpoint.setQuery(QString());
    endpoint.setFragment(QString());
    config.endpoint = endpoint;
    config.query = m_options.query;
    const QUrlQuery urlQuery(url);
    for (const auto &[key, value] : urlQuery.queryItems(QUrl::FullyDecoded))
        config.query.append({key, value});
    config.headers = m_options.extraHeaders;
    config.timestampRequests = m_options.timestampRequests;
    if (m_options.timeout > 0)
        config.requestTimeout = m_options.timeout;
    config.network = m_network;

    QString tlsError;
    config.ssl = sslConfiguration(m_options, &tlsError);
    if (!tlsError.isEmpty())
        m_configError = tlsError;
}

QSslConfiguration SioManager::sslConfiguration(const SioClientOptions &options, QString *error)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> extraCas = options.caCertificates;
    if (!options.caFile.isEmpty()) {
        QFile file(options.caFile);
        const QList<QSslCertificate> fromFile
            = file.open(QIODevice::ReadOnly) ? QSslCertificate::fromData(file.readAll(), QSsl::Pem)
                                             : QList<QSslCertificate>();
        if (fromFile.isEmpty() && error)
            *error = QStringLiteral("cannot read a PEM certificate from %1").arg(options.caFile);
        extraCas += fromFile;
    }
    if (!extraCas.isEmpty())
        ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() + extraCas);
    if (options.insecure)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    return ssl;
}

SioManager::~SioManager()
{
    m_connectTimer.stop();
    m_reconnectTimer.stop();
    // Sockets must not call back into a manager that is going away.
    const QList<SioSocket *> sockets = m_sockets.values();
    m_sockets.clear();
    for (SioSocket *s : sockets)
        s->m_manager = nullptr;

    const QList<EngineSession *> sessions
        = findChildren<EngineSession *>(QString(), Qt::FindDirectChildrenOnly);
    for (EngineSession *s : sessions)
        disconnect(s, nullptr, this, nullptr);
    if (m_depth > 0) {
        // Deleted from inside one of our own call chains: sessions, transports, sockets and
        // network requests may still have frames on the stack. Let them unwind first.
        for (EngineSession *s : sessions) {
            s->setParent(nullptr);
            s->deleteLater();
        }
        for (SioSocket *s : sockets) {
            s->setParent(nullptr);
            s->deleteLater();
        }
        m_network->setParent(nullptr);
        m_network->deleteLater();
        return;
    }
    // Sessions before the network manager: polling transports release their requests.
    qDeleteAll(sessions);
    delete m_network;
}

SioSocket *SioManager::socket(const QString &nsp)
{
    QString name = nsp.isEmpty() ? QStringLiteral("/") : nsp;
    if (!name.startsWith(QLatin1Char('/')))
        name.prepend(QLatin1Char('/'));
    SioSocket *s = m_sockets.value(name);
    if (!s) {
        s = new SioSocket(this, name);
        s->m_auth = m_options.auth;
        s->m_authCallback = m_options.authCallback;
        s->m_authRefresh = m_options.authRefresh;
        s->m_authRefreshLimit = m_options.authRefreshAttempts;
        s->m_ackTimeout = m_options.ackTimeout;
        m_sockets.insert(name, s);
    }
    if (m_options.autoConnect && !s->isActive() && !s->m_autoConnectPending) {
        s->m_autoConnectPending = true;
        QTimer::singleShot(0, s, [s] {
            if (s->m_autoConnectPending)
                s->open();
        });
    }
    return s;
}

QList<SioSocket *> SioManager::sockets() const
{
    return m_sockets.values();
}

QList<QPointer<SioSocket>> SioManager::socketSnapshot() const
{
    QList<QPointer<SioSocket>> out;
    out.reserve(m_sockets.size());
    for (SioSocket *s : m_sockets)
        out.append(s);
    return out;
}

EngineSession *SioManager::session() const
{
    return m_session;
}

QString SioManager::transportName() const
{
    return m_session ? m_session->transportName() : QString();
}

QString SioManager::engineId() const
{
    return m_session && m_session->isOpen() ? m_session->sid() : QString();
}

void SioManager::open()
{
    Reentry r(this);
    if (m_reconnectTimer.isActive()) {
        // Someone wants the connection now: run the pending attempt at once.
        m_reconnectTimer.stop();
        QPointer<SioManager> self(this);
        Q_EMIT reconnectAttempt(m_backoff.attempts());
        if (!self || m_skipReconnect)
            return;
        openEngine(true);
        return;
    }
    openEngine(false);
}

void SioManager::close()
{
    Reentry r(this);
    QPointer<SioManager> self(this);
    for (const QPointer<SioSocket> &s : socketSnapshot()) {
        if (s && s->isActive())
            s->close();
        if (!self)
            return;
    }
    closeEngine();
}

void SioManager::closeEngine()
{
    m_skipReconnect = true;
    m_reconnecting = false;
    m_reconnectTimer.stop();
    if (m_readyState == ReadyState::Closed) {
        m_backoff.reset();
        updateState();
        return;
    }
    onClose(QStringLiteral("forced close"), {});
}

EngineTransport *SioManager::createTransport(const SioTransportRequest &request)
{
    if (m_options.transportFactory)
        return m_options.transportFactory(request);
    if (request.name == polling) {
        auto *t = new ClientPollingTransport(*m_transportConfig, request.sid);
        t->open();
        return t;
    }
    if (request.name == websocket) {
        auto *t = new ClientWebSocketTransport(*m_transportConfig, request.sid);
        t->open();
        return t;
    }
    return nullptr;
}

void SioManager::openEngine(bool reconnectAttempt)
{
    if (m_readyState != ReadyState::Closed)
        return;
    Reentry r(this);
    m_skipReconnect = false;
    m_openIsReconnect = reconnectAttempt;
    m_assembler.reset();
    m_pingExpiryQueued = false;

    QString failure = m_configError;
    EngineTransport *transport = nullptr;
    if (failure.isEmpty()) {
        const QString first = m_options.transports.value(0);
        transport = first.isEmpty() ? nullptr : createTransport({first, QString()});
        if (!transport)
            failure = first.isEmpty() ? QStringLiteral("No transports available")
                                      : QStringLiteral("unknown transport \"%1\"").arg(first);
    }
    if (!failure.isEmpty()) {
        // A configuration problem does not go away by retrying.
        m_skipReconnect = true;
        m_openIsReconnect = false;
        m_reconnecting = false;
        qCWarning(lcProtocol) << "cannot connect to" << m_url.toDisplayString() << failure;
        QTimer::singleShot(0, this, [this, failure] {
            Reentry r(this);
            QPointer<SioManager> self(this);
            Q_EMIT error(failure);
            for (const QPointer<SioSocket> &s : socketSnapshot()) {
                if (!self)
                    return;
                if (s && s->isActive())
                    s->onManagerError(failure);
            }
        });
        updateState();
        return;
    }

    qCDebug(lcProtocol) << "connecting to" << m_url.toDisplayString() << "over" << transport->name()
                        << (reconnectAttempt ? "(reconnect)" : "");
    auto *session = new EngineSession(EngineSession::Role::Client, this);
    m_session = session;
    connect(session, &EngineSession::opened, this, &SioManager::onEngineOpened);
    connect(session, &EngineSession::messageReceived, this, &SioManager::onEngineMessage);
    connect(session, &EngineSession::closed, this, &SioManager::onEngineClosed);
    connect(session, &EngineSession::heartbeat, this, &SioManager::onEngineHeartbeat);
    connect(session, &EngineSession::upgraded, this, [this](const QString &name) {
        Reentry r(this);
        qCDebug(lcProtocol) << "transport upgraded to" << name;
        Q_EMIT transportChanged(name);
    });
    connect(session, &EngineSession::upgradeFailed, this,
            [](const QString &name, const QString &reason) {
                qCDebug(lcProtocol) << "upgrade to" << name << "failed:" << reason;
            });
    m_readyState = ReadyState::Opening;
    session->openClient(transport);
    if (m_options.timeout > 0)
        m_connectTimer.start(m_options.timeout, this);
    updateState();
}

void SioManager::onEngineOpened(const EngineHandshake &handshake)
{
    Reentry r(this);
    QPointer<SioManager> self(this);
    m_connectTimer.stop();
    m_readyState = ReadyState::Open;
    m_lastPing = QDateTime::currentDateTimeUtc();
    m_pingDeadline = QDeadlineTimer(handshake.pingInterval + handshake.pingTimeout);
    qCDebug(lcProtocol) << "connected to" << m_url.toDisplayString() << "sid" << handshake.sid
                        << "transport" << transportName();
    const bool wasReconnect = m_openIsReconnect;
    m_openIsReconnect = false;
    updateState();
    if (!self)
        return;
    Q_EMIT opened();
    if (!self)
        return;
    Q_EMIT transportChanged(transportName());
    if (!self)
        return;
    for (const QPointer<SioSocket> &s : socketSnapshot()) {
        if (s && s->isActive() && m_readyState == ReadyState::Open)
            s->onManagerOpen();
        if (!self)
            return;
    }
    if (wasReconnect && m_readyState == ReadyState::Open) {
        const int attempt = m_backoff.attempts();
        m_reconnecting = false;
        m_backoff.reset();
        qCDebug(lcProtocol) << "reconnected after" << attempt << "attempts";
        updateState();
        if (!self)
            return;
        Q_EMIT reconnected(attempt);
        if (!self)
            return;
    }
    if (m_readyState == ReadyState::Open && m_session)
        startProbe(handshake);
}

void SioManager::startProbe(const EngineHandshake &handshake)
{
    if (!m_options.upgrade || m_session->transportName() != polling
        || !handshake.upgrades.contains(websocket) || !m_options.transports.contains(websocket))
        return;
    EngineTransport *candidate = createTransport({websocket, handshake.sid});
    if (!candidate)
        return;
    qCDebug(lcProtocol) << "probing websocket for" << handshake.sid;
    m_session->probe(candidate);
}

void SioManager::onEngineMessage(const EnginePacket &message)
{
    Reentry r(this);
    if (m_options.liteEvents && !message.binary && !m_assembler.isAssembling()
        && message.data.startsWith('2')) {
        // An EVENT frame (binary ones start with '5'): read with LiteJson, no Qt tree.
        auto lite = SioCodec::decodeTextLite(message.data);
        if (lite && lite->type == SioPacket::Type::Event && SioCodec::validate(*lite).isEmpty()) {
            if (lcWire().isDebugEnabled())
                qCDebug(lcWire).noquote() << "sio <" << SioCodec::describe(lite->toPacket());
            SioSocket *s = m_sockets.value(lite->nsp);
            if (s && s->isActive())
                s->onLiteEvent(std::move(lite).value());
            return;
        }
        // Refused: the Qt-tree decoder below decides (and names the error).
    }
    auto fed = m_assembler.feed(message);
    if (!fed) {
        qCWarning(lcProtocol) << "closing connection: bad Socket.IO packet:" << fed.error();
        if (m_session)
            m_session->abort(QStringLiteral("parse error"), fed.error());
        return;
    }
    if (!fed->has_value())
        return;
    const SioPacket packet = std::move(**fed);
    qCDebug(lcWire).noquote() << "sio <" << SioCodec::describe(packet);
    SioSocket *s = m_sockets.value(packet.nsp);
    if (s && s->isActive())
        s->onPacket(packet);
}

void SioManager::onEngineHeartbeat()
{
    Reentry r(this);
    m_lastPing = QDateTime::currentDateTimeUtc();
    if (m_session)
        m_pingDeadline = QDeadlineTimer(m_session->handshake().pingInterval
                                        + m_session->handshake().pingTimeout);
    Q_EMIT ping();
}

void SioManager::onEngineClosed(const QString &reason, const QString &description)
{
    Reentry r(this);
    if (m_readyState == ReadyState::Opening)
        onOpenError(description.isEmpty() ? reason : description);
    else if (m_readyState == ReadyState::Open)
        onClose(reason, description);
}

void SioManager::onOpenError(const QString &message)
{
    Reentry r(this);
    QPointer<SioManager> self(this);
    m_connectTimer.stop();
    discardSession(false);
    m_readyState = ReadyState::Closed;
    const bool wasReconnect = m_openIsReconnect;
    m_openIsReconnect = false;
    if (wasReconnect)
        m_reconnecting = false;
    qCDebug(lcProtocol) << "connection to" << m_url.toDisplayString() << "failed:" << message;
    Q_EMIT error(message);
    if (!self)
        return;
    for (const QPointer<SioSocket> &s : socketSnapshot()) {
        if (s && s->isActive())
            s->onManagerError(message);
        if (!self)
            return;
    }
    if (wasReconnect) {
        reconnect();
        if (!self)
            return;
        Q_EMIT reconnectError(message);
        if (!self)
            return;
    } else {
        maybeReconnectOnOpen();
        if (!self)
            return;
    }
    updateState();
}

void SioManager::onClose(const QString &reason, const QString &description)
{
    Reentry r(this);
    QPointer<SioManager> self(this);
    m_connectTimer.stop();
    discardSession(reason == QLatin1String("forced close"));
    m_assembler.reset();
    m_backoff.reset();
    m_readyState = ReadyState::Closed;
    m_openIsReconnect = false;
    m_pingDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    qCDebug(lcProtocol) << "connection to" << m_url.toDisplayString() << "closed:" << reason
                        << description;
    Q_EMIT closed(reason, description);
    if (!self)
        return;
    for (const QPointer<SioSocket> &s : socketSnapshot()) {
        if (s && s->isActive())
            s->onManagerClose(reason, description);
        if (!self)
            return;
    }
    if (m_options.reconnection && !m_skipReconnect) {
        reconnect();
        if (!self)
            return;
    }
    updateState();
}

void SioManager::discardSession(bool graceful)
{
    EngineSession *session = m_session;
    m_session.clear();
    if (!session)
        return;
    disconnect(session, nullptr, this, nullptr);
    if (session->state() != EngineSession::State::Closed) {
        if (graceful) {
            // Let buffered packets (DISCONNECTs) and the goodbye go out; the session deletes
            // itself once closed, and the manager deletes it if it goes first.
            connect(session, &EngineSession::closed, session, &QObject::deleteLater);
            session->close();
            if (session->state() != EngineSession::State::Closed)
                return;
        } else {
            session->abort(QStringLiteral("forced close"));
        }
    }
    session->deleteLater();
}

void SioManager::reconnect()
{
    if (m_reconnecting || m_skipReconnect)
        return;
    Reentry r(this);
    QPointer<SioManager> self(this);
    if (m_options.reconnectionAttempts != SioClientOptions::Infinite
        && m_backoff.attempts() >= m_options.reconnectionAttempts) {
        qCDebug(lcProtocol) << "reconnection failed after" << m_backoff.attempts() << "attempts";
        m_backoff.reset();
        m_reconnecting = false;
        updateState();
        if (!self)
            return;
        Q_EMIT reconnectFailed();
        return;
    }
    const int delay = m_backoff.duration();
    m_reconnecting = true;
    m_reconnectTimer.start(delay, Qt::PreciseTimer, this);
    qCDebug(lcProtocol) << "reconnect attempt" << m_backoff.attempts() << "in" << delay << "ms";
    updateState();
    if (!self)
        return;
    Q_EMIT reconnectScheduled(m_backoff.attempts(), delay);
}

void SioManager::maybeReconnectOnOpen()
{
    if (!m_reconnecting && m_options.reconnection && m_backoff.attempts() == 0)
        reconnect();
}

void SioManager::timerEvent(QTimerEvent *event)
{
    Reentry r(this);
    if (event->timerId() == m_connectTimer.timerId()) {
        m_connectTimer.stop();
        qCDebug(lcProtocol) << "connect attempt timed out after" << m_options.timeout << "ms";
        if (m_readyState == ReadyState::Opening)
            onOpenError(QStringLiteral("timeout"));
    } else if (event->timerId() == m_reconnectTimer.timerId()) {
        m_reconnectTimer.stop();
        if (m_skipReconnect)
            return;
        QPointer<SioManager> self(this);
        Q_EMIT reconnectAttempt(m_backoff.attempts());
        if (!self || m_skipReconnect)
            return;
        openEngine(true);
    } else {
        QObject::timerEvent(event);
    }
}

void SioManager::sendPacket(const SioPacket &packet)
{
    if (!m_session || m_session->state() == EngineSession::State::Closed
        || m_session->state() == EngineSession::State::Closing) {
        qCDebug(lcWire).noquote() << "sio dropped (no connection):" << SioCodec::describe(packet);
        return;
    }
    qCDebug(lcWire).noquote() << "sio >" << SioCodec::describe(packet);
    m_session->send(SioCodec::encode(packet));
}

void SioManager::socketActivated(SioSocket *socket)
{
    Q_UNUSED(socket)
    if (!m_reconnecting)
        openEngine(false);
}

void SioManager::socketDeactivated(SioSocket *socket)
{
    Q_UNUSED(socket)
    for (SioSocket *s : std::as_const(m_sockets)) {
        if (s->isActive()) {
            qCDebug(lcProtocol) << "socket" << s->nsp() << "is still active, keeping connection";
            return;
        }
    }
    // Also when already closed: a pending or imminent reconnection has nobody to serve.
    closeEngine();
}

void SioManager::socketDestroyed(SioSocket *socket)
{
    if (m_sockets.value(socket->nsp()) == socket)
        m_sockets.remove(socket->nsp());
    if (socket->isActive())
        socketDeactivated(socket);
}

bool SioManager::isTransportWritable() const
{
    if (!m_session || !m_session->isOpen() || m_session->isUpgrading())
        return false;
    EngineTransport *t = m_session->transport();
    return t && t->isWritable();
}

bool SioManager::hasPingExpired()
{
    if (m_readyState != ReadyState::Open || !m_pingDeadline.hasExpired())
        return false;
    // The heartbeat timer may have been held up (a suspended machine); treat the connection
    // as lost, as socket.io-client does, and let the usual close run on the next turn.
    if (!m_pingExpiryQueued) {
        m_pingExpiryQueued = true;
        QTimer::singleShot(0, this, [this] {
            Reentry r(this);
            if (m_session && m_readyState == ReadyState::Open && m_pingDeadline.hasExpired())
                m_session->abort(QStringLiteral("ping timeout"));
        });
    }
    return true;
}

void SioManager::updateState()
{
    State next = State::Disconnected;
    if (m_readyState == ReadyState::Open)
        next = State::Connected;
    else if (m_reconnecting)
        next = State::Reconnecting;
    else if (m_readyState == ReadyState::Opening)
        next = State::Connecting;
    QPointer<SioManager> self(this);
    if (next != m_state) {
        m_state = next;
        qCDebug(lcProtocol) << "manager" << m_url.toDisplayString() << "state" << next;
        Q_EMIT stateChanged(next);
        if (!self)
            return;
    }
    for (const QPointer<SioSocket> &s : socketSnapshot()) {
        if (s)
            s->updateState();
        if (!self)
            return;
    }
}

} // namespace TableTap
