// EngineServer: request validation, handshake and the session table.
#include "engineserver.h"

#include "enginesession.h"
#include "httpexchange.h"
#include "serverlogging.h"
#include "serverpollingtransport.h"
#include "serverwebsockettransport.h"
#include "websocketconnection.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>

namespace TableTap {

namespace {

// engine.io checks the Origin header for characters Node would refuse in a header value.
bool isInvalidHeaderValue(const QByteArray &value)
{
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

} // namespace

EngineServer::EngineServer(QObject *parent)
    : EngineServer(Options{}, parent)
{}

EngineServer::EngineServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (!m_options.path.endsWith('/'))
        m_options.path.append('/');
}

EngineServer::~EngineServer()
{
    // Sessions are children; drop their signals and close handler first so nothing reaches a
    // half-destroyed server.
    for (EngineSession *s : std::as_const(m_sessions)) {
        disconnect(s, nullptr, this, nullptr);
        s->setCloseHandler(nullptr, nullptr);
    }
}

QByteArray EngineServer::errorMessage(int code)
{
    switch (code) {
    case UnknownTransport:
        return QByteArrayLiteral("Transport unknown");
    case UnknownSid:
        return QByteArrayLiteral("Session ID unknown");
    case BadHandshakeMethod:
        return QByteArrayLiteral("Bad handshake method");
    case BadRequest:
        return QByteArrayLiteral("Bad request");
    case Forbidden:
        return QByteArrayLiteral("Forbidden");
    case UnsupportedProtocolVersion:
        return QByteArrayLiteral("Unsupported protocol version");
    default:
        return QByteArrayLiteral("Bad request");
    }
}

QString EngineServer::generateId()
{
    // Like base64id: 15 random bytes, URL-safe base64, 20 characters.
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char *>(words), 15);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding));
}

void EngineServer::closeAll()
{
    const auto sessions = m_sessions.values();
    for (EngineSession *s : sessions)
        s->close();
}

PeerRequest EngineServer::peerOf(const HttpExchange *exchange) const
{
    PeerRequest peer;
    peer.request = exchange->request();
    peer.request.body.clear();
    peer.address = exchange->peerAddress();
    peer.port = exchange->peerPort();
    peer.secure = exchange->isSecure();
    return peer;
}

int EngineServer::verify(const HttpRequest &request, bool upgrade) const
{
    const QByteArray transport = request.queryValue("transport");
    const bool known = (transport == "polling" && m_options.allowPolling)
                       || (transport == "websocket" && m_options.allowWebSocket);
    if (!known)
        return UnknownTransport;
    if (isInvalidHeaderValue(request.header("origin")))
        return BadRequest;
    const QByteArray sid = request.queryValue("sid");
    if (!sid.isEmpty()) {
        EngineSession *session = m_sessions.value(QString::fromLatin1(sid));
        if (!session)
            return UnknownSid;
        if (!upgrade && session->transportName().toLatin1() != transport)
            return BadRequest; // TRANSPORT_MISMATCH, e.g. polling after the upgrade
        if (request.queryValue("EIO") != "4")
            return BadRequest; // PROTOCOL_MISMATCH
        return -1;
    }
    if (request.method != "GET")
        return BadHandshakeMethod;
    if (transport == "websocket" && !upgrade)
        return BadRequest; // TRANSPORT_HANDSHAKE_ERROR
    if (request.queryValue("EIO") != "4")
        return UnsupportedProtocolVersion;
    return -1;
}

void EngineServer::respondError(HttpExchange *exchange, int code)
{
    const QByteArray body = QByteArrayLiteral("{\"code\":") + QByteArray::number(code)
                            + QByteArrayLiteral(",\"message\":\"") + errorMessage(code)
                            + QByteArrayLiteral("\"}");
    qCDebug(lcServer) << "engine.io request refused:" << code << exchange->request().target;
    exchange->respond(HttpResponse::make(code == Forbidden ? 403 : 400, body,
                                         QByteArrayLiteral("application/json")));
}

bool EngineServer::verifyUpgrade(const HttpRequest &request, QByteArray *message) const
{
    int code = verify(request, true);
    if (code < 0 && request.queryValue("transport") != "websocket")
        code = BadRequest; // only websocket handles upgrades
    if (code < 0)
        return true;
    *message = errorMessage(code);
    return false;
}

void EngineServer::handleRequest(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const QByteArray sidBytes = request.queryValue("sid");
    const QString sid = QString::fromLatin1(sidBytes);

    if (exchange->isBodyTooLarge()) {
        // engine.io answers 413; the session cannot continue after a lost payload.
        if (EngineSession *session = m_sessions.value(sid))
            session->abort(QStringLiteral("transport error"), QStringLiteral("payload too large"));
        exchange->respondAndClose(HttpResponse::make(413));
        return;
    }

    if (!sid.isEmpty() && !m_sessions.contains(sid) && request.method == "GET"
        && request.queryValue("transport") == "polling") {
        auto it = m_closingPolls.find(sid);
        if (it != m_closingPolls.end()) {
            const bool fresh = *it >= QDateTime::currentMSecsSinceEpoch();
            m_closingPolls.erase(it);
            if (fresh) {
                // The close packet a server close could not deliver while no GET was pending.
                HttpResponse r = HttpResponse::make(200, QByteArrayLiteral("1"),
                                                    QByteArrayLiteral("text/plain; charset=UTF-8"));
                r.setHeader(QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-store"));
                exchange->respond(std::move(r));
                return;
            }
        }
    }

    const int code = verify(request, false);
    if (code >= 0) {
        respondError(exchange, code);
        return;
    }
    if (!sid.isEmpty()) {
        EngineSession *session = m_sessions.value(sid);
        auto *polling = qobject_cast<ServerPollingTransport *>(session->transport());
        if (!polling) {
            respondError(exchange, BadRequest);
            return;
        }
        polling->onRequest(exchange);
        return;
    }
    // Handshake over polling.
    auto *transport = new ServerPollingTransport(this, QString());
    createSession(peerOf(exchange), transport, true, exchange);
}

bool EngineServer::admitsWebSocket(const QString &sid, EngineSession **session) const
{
    *session = nullptr;
    if (sid.isEmpty())
        return true;
    EngineSession *s = m_sessions.value(sid);
    // Closed meanwhile, already upgrading, or already upgraded: refuse this one.
    if (!s || s->probeTransport() || s->transportName() == QLatin1String("websocket")) {
        qCDebug(lcServer) << "refusing websocket for session" << sid;
        return false;
    }
    *session = s;
    return true;
}

void EngineServer::acceptWebSocket(QWebSocket *socket, const PeerRequest &peer)
{
    socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxPayload));
    socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxPayload));
    EngineSession *session = nullptr;
    if (!admitsWebSocket(QString::fromLatin1(peer.queryValue("sid")), &session)) {
        socket->setParent(this);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        // A peer that never answers the close frame does not keep the socket forever.
        QTimer::singleShot(5000, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        socket->close();
        return;
    }
    auto *transport = new ServerWebSocketTransport(socket, &m_frameCache, this);
    if (session)
        session->probe(transport);
    else
        createSession(peer, transport, false, nullptr);
}

void EngineServer::acceptWebSocket(WebSocketConnection *connection, const PeerRequest &peer)
{
    EngineSession *session = nullptr;
    if (!admitsWebSocket(QString::fromLatin1(peer.queryValue("sid")), &session)) {
        connection->setParent(this);
        // Its close handshake is bounded by WebSocketConnection itself.
        connect(connection, &WebSocketConnection::disconnected, connection, &QObject::deleteLater);
        connection->close();
        if (connection->isFinished())
            connection->deleteLater();
        return;
    }
    auto *transport = new ServerWebSocketTransport(connection, &m_frameCache, this);
    if (session)
        session->probe(transport);
    else
        createSession(peer, transport, false, nullptr);
}

EngineSession *EngineServer::createSession(const PeerRequest &peer, EngineTransport *transport,
                                           bool polling, HttpExchange *handshakeRequest)
{
    QString sid = generateId();
    while (m_sessions.contains(sid))
        sid = generateId();
    auto *session = new EngineSession(EngineSession::Role::Server, this);
    session->setUpgradeTimeout(m_options.upgradeTimeout);
    EngineHandshake handshake;
    handshake.sid = sid;
    if (polling && m_options.allowUpgrades && m_options.allowWebSocket)
        handshake.upgrades = QStringList{QStringLiteral("websocket")};
    handshake.pingInterval = m_options.pingInterval;
    handshake.pingTimeout = m_options.pingTimeout;
    handshake.maxPayload = m_options.maxPayload;
    if (polling) {
        auto *pollingTransport = static_cast<ServerPollingTransport *>(transport);
        pollingTransport->setSid(sid);
        pollingTransport->setInitialRequest(handshakeRequest);
    }
    m_sessions.insert(sid, session);
    // A direct call, not a signal connection per session.
    session->setCloseHandler(&EngineServer::onSessionClosed, this);
    session->openServer(handshake, transport);
    qCDebug(lcServer) << "session" << sid << "opened over" << transport->name() << "from"
                      << peer.address;
    Q_EMIT connection(session, peer);
    return session;
}

void EngineServer::onSessionClosed(QObject *context, EngineSession *session, const QString &reason)
{
    auto *self = static_cast<EngineServer *>(context);
    const QString sid = session->sid();
    // Only an orderly server close owes the next poll a close packet (engine.io keeps such a
    // session until then); after an error or a timeout the sid is simply unknown.
    if (reason != QLatin1String("forced close"))
        self->m_closingPolls.remove(sid);
    auto it = self->m_sessions.find(sid);
    if (it != self->m_sessions.end() && *it == session)
        self->m_sessions.erase(it);
    session->deleteLater();
}

void EngineServer::rememberClosingPoll(const QString &sid)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_closingPolls.size() > 1024) {
        for (auto it = m_closingPolls.begin(); it != m_closingPolls.end();)
            it = *it < now ? m_closingPolls.erase(it) : std::next(it);
    }
    m_closingPolls.insert(sid, now + m_options.pollingCloseTimeout);
}

} // namespace TableTap
