// WebServer: one port, peek-and-dispatch between websocket upgrades and HTTP.
#include "webserver.h"

#include "clientaddress.h"
#include "engineserver.h"
#include "httpconnection.h"
#include "httpexchange.h"
#include "serverlogging.h"
#include "tcplistener.h"
#include "throttledlog.h"
#include "websocketcodec.h"
#include "websocketconnection.h"

#include <QDeadlineTimer>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTimer>
#include <QTimerEvent>
#include <QWebSocket>
#include <QWebSocketServer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace TableTap {

namespace {

QString upgradeKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}

// Room for the largest request head WebServer accepts, plus its blank line.
thread_local QByteArray t_peekBuffer;

} // namespace

WebServer::WebServer(QObject *parent)
    : WebServer(Options{}, parent)
{}

WebServer::WebServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_cors(m_options.cors)
    , m_listener(new TcpListener(this))
    , m_wsServer(
          new QWebSocketServer(QStringLiteral("tabletap"), QWebSocketServer::NonSecureMode, this))
    , m_refusalLog(new ThrottledLog(lcServer,
                                    QStringLiteral("HTTP connections refused over the "
                                                   "per-address limit"),
                                    this))
{
    m_listener->setListenBacklogSize(m_options.listenBacklog);
    m_listener->setTlsHandshakeTimeout(m_options.handshakeTimeout);
    m_wsServer->setMaxPendingConnections(1 << 20);
    m_wsServer->setHandshakeTimeout(m_options.handshakeTimeout);
    m_listener->setHandsOutDescriptors(m_options.nativeWebSockets);
    connect(m_listener, &TcpListener::socketReady, this, &WebServer::onSocketReady);
    connect(m_listener, &TcpListener::descriptorReady, this, &WebServer::onDescriptorReady);
    connect(m_wsServer, &QWebSocketServer::newConnection, this, &WebServer::onWebSocketConnection);
}

WebServer::~WebServer()
{
    close();
}

bool WebServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty()) {
        if (!m_listener->setTlsFiles(m_options.tlsCertificateFile, m_options.tlsKeyFile, &m_error))
            return false;
    }
    if (!m_listener->listen(address, port)) {
        m_error = m_listener->errorString();
        return false;
    }
#ifdef TCP_DEFER_ACCEPT
    if (m_options.deferAcceptSeconds > 0) {
        const int seconds = m_options.deferAcceptSeconds;
        setsockopt(int(m_listener->socketDescriptor()), IPPROTO_TCP, TCP_DEFER_ACCEPT, &seconds,
                   sizeof seconds);
    }
#endif
    qCInfo(lcServer).noquote() << "listening on" << m_listener->serverAddress().toString()
                               << m_listener->serverPort() << (isSecure() ? "(TLS)" : "");
    return true;
}

void WebServer::close()
{
    m_listener->close();
    const auto descriptors = m_peekingDescriptors.keys();
    for (int fd : descriptors)
        dropDescriptor(fd, true);
    const auto peeking = m_peeking.keys();
    for (QTcpSocket *socket : peeking) {
        stopPeeking(socket);
        socket->abort();
        socket->deleteLater();
    }
    const auto connections = m_connections.keys();
    m_connections.clear();
    m_connectionsPerAddress.clear();
    for (HttpConnection *c : connections)
        delete c;
}

bool WebServer::isListening() const
{
    return m_listener->isListening();
}

quint16 WebServer::serverPort() const
{
    return m_listener->serverPort();
}

QHostAddress WebServer::serverAddress() const
{
    return m_listener->serverAddress();
}

bool WebServer::isSecure() const
{
    return m_listener->isSecure();
}

void WebServer::mount(EngineServer *engine)
{
    m_engines.append(engine);
}

void WebServer::setHttpHandler(const QByteArray &pathPrefix, HttpHandler handler)
{
    for (auto &h : m_handlers) {
        if (h.first == pathPrefix) {
            h.second = std::move(handler);
            return;
        }
    }
    m_handlers.append({pathPrefix, std::move(handler)});
    // Longest prefix first, so "/api/auth/" wins over "/api/".
    std::stable_sort(m_handlers.begin(), m_handlers.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
}

EngineServer *WebServer::engineFor(QByteArrayView target) const
{
    // Like engine.io's check(): the URL starts with the mounted path.
    for (const auto &engine : m_engines) {
        if (engine && target.startsWith(engine->path()))
            return engine;
    }
    return nullptr;
}

qint64 WebServer::bodyLimitFor(const HttpRequest &head) const
{
    if (EngineServer *engine = engineFor(head.target))
        return engine->options().maxPayload;
    return m_options.maxHandlerBodyBytes;
}

void WebServer::dispatch(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    if (m_cors.isPreflight(request)) {
        exchange->respond(m_cors.preflight(request));
        return;
    }
    if (EngineServer *engine = engineFor(request.target)) {
        if (exchange->isAnswered())
            return;
        engine->handleRequest(exchange);
        return;
    }
    for (const auto &h : m_handlers) {
        if (request.path.startsWith(h.first)) {
            h.second(exchange);
            return;
        }
    }
    exchange->respond(HttpResponse::make(404, QByteArrayLiteral("Not Found"),
                                         QByteArrayLiteral("text/plain; charset=UTF-8")));
}

void WebServer::onDescriptorReady(qintptr descriptor)
{
    const int fd = int(descriptor);
    // With deferred accept the request head is normally here already: no notifier needed.
    if (tryDescriptor(fd))
        return;
    auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    m_peekingDescriptors.insert(fd,
                                {notifier, QDeadlineTimer(m_options.handshakeTimeout).deadline()});
    connect(notifier, &QSocketNotifier::activated, this, [this, fd] { onDescriptorReadable(fd); });
    // A connection that never sends its request head is dropped by the sweep.
    if (!m_peekSweep.isActive())
        m_peekSweep.start(qBound(50, m_options.handshakeTimeout / 4, 1000), this);
}

void WebServer::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_peekSweep.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    const qint64 now = QDeadlineTimer(0).deadline();
    QList<int> expired;
    for (auto it = m_peekingDescriptors.cbegin(); it != m_peekingDescriptors.cend(); ++it)
        if (it->deadline <= now)
            expired << it.key();
    for (int fd : expired)
        dropDescriptor(fd, true);
    if (m_peekingDescriptors.isEmpty())
        m_peekSweep.stop();
}

void WebServer::dropDescriptor(int fd, bool closeIt)
{
    QSocketNotifier *notifier = m_peekingDescriptors.take(fd).notifier;
    if (!notifier)
        return;
    // Maybe inside its own activation: disabled now, deleted later.
    notifier->setEnabled(false);
    notifier->deleteLater();
    if (closeIt)
        ::close(fd);
}

void WebServer::onDescriptorReadable(int fd)
{
    const auto it = m_peekingDescriptors.constFind(fd);
    if (it == m_peekingDescriptors.constEnd())
        return;
    // Off before the descriptor changes hands (its next owner watches it with its own notifier).
    QSocketNotifier *notifier = it->notifier;
    notifier->setEnabled(false);
    if (!tryDescriptor(fd)) {
        notifier->setEnabled(true); // not all there yet
        return;
    }
    dropDescriptor(fd, false); // handed over or closed by tryDescriptor
}

bool WebServer::tryDescriptor(int fd)
{
    // True when the descriptor was dealt with (a websocket now, HTTP through a QTcpSocket, or
    // closed); false while its request head has not arrived.
    const qsizetype room = m_options.maxHeadBytes + 4;
    if (t_peekBuffer.size() < room)
        t_peekBuffer.resize(room);
    const ssize_t n = ::recv(fd, t_peekBuffer.data(), size_t(room), MSG_PEEK);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return false;
    if (n <= 0) {
        ::close(fd); // gone before it said anything
        return true;
    }
    const QByteArrayView head(t_peekBuffer.constData(), n);
    const qsizetype end = head.indexOf(QByteArrayView("\r\n\r\n"));
    // Only a complete, valid websocket upgrade to a mounted endpoint is taken here. Everything
    // else (HTTP, a head still arriving, a refusal to write) goes the QTcpSocket way, which
    // handles it exactly as before: the bytes are still in the kernel.
    auto fallBack = [this, fd] {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(fd)) {
            ::close(fd);
            delete socket;
            return true;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        onSocketReady(socket);
        return true;
    };
    if (end < 0)
        return fallBack();
    HttpRequestParser parser({m_options.maxHeadBytes, m_options.maxHeaderCount, 0});
    parser.feed(head.first(end + 4));
    if (parser.next() != HttpRequestParser::Status::Complete)
        return fallBack();
    const HttpRequest request = parser.takeRequest();
    EngineServer *engine = request.isWebSocketUpgrade() ? engineFor(request.target) : nullptr;
    QByteArray message;
    if (!engine || !engine->verifyUpgrade(request, &message)
        || !WebSocketCodec::checkUpgrade(request).isEmpty())
        return fallBack();
    PeerRequest peer;
    peer.request = request;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        peer.address = QHostAddress(reinterpret_cast<const sockaddr *>(&address));
        if (address.ss_family == AF_INET)
            peer.port = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
        else if (address.ss_family == AF_INET6)
            peer.port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    }
    auto *connection = new WebSocketConnection(fd, end + 4, request.header("sec-websocket-key"),
                                               engine->options().maxPayload);
    if (connection->isFinished()) {
        delete connection;
        return true;
    }
    QPointer<WebSocketConnection> guard(connection);
    engine->acceptWebSocket(connection, peer);
    // The 101 answer and the session's open packet are queued: one write now, not a loop turn
    // later (the client waits for both before it can send CONNECT).
    if (guard && guard->isOpen())
        guard->flush();
    return true;
}

void WebServer::onSocketReady(QTcpSocket *socket)
{
    socket->setParent(this);
    // Only the request head is looked at here: a client that sends megabytes behind it leaves
    // them in the kernel (TCP pushes back) instead of in this socket's buffer.
    socket->setReadBufferSize(m_options.maxHeadBytes + 4);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] {
        // A connection that never completes a request head.
        stopPeeking(socket);
        socket->abort();
        socket->deleteLater();
    });
    timer->start(m_options.handshakeTimeout);
    m_peeking.insert(socket, timer);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onPeekReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        if (m_peeking.contains(socket)) {
            stopPeeking(socket);
            socket->deleteLater();
        }
    });
    if (socket->bytesAvailable() > 0)
        onPeekReadyRead(socket);
}

void WebServer::stopPeeking(QTcpSocket *socket)
{
    if (QTimer *timer = m_peeking.take(socket))
        delete timer;
    disconnect(socket, nullptr, this, nullptr);
}

void WebServer::onPeekReadyRead(QTcpSocket *socket)
{
    // Peek only: the bytes stay in the socket for QWebSocketServer or HttpConnection to read.
    const QByteArray head = socket->peek(m_options.maxHeadBytes + 4);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > m_options.maxHeadBytes)
            startHttp(socket); // HttpConnection answers 431
        return;
    }
    HttpRequestParser parser({m_options.maxHeadBytes, m_options.maxHeaderCount, 0});
    parser.feed(QByteArrayView(head).first(end + 4));
    if (parser.next() != HttpRequestParser::Status::Complete) {
        startHttp(socket); // a body follows, or the head is bad: HTTP answers either
        return;
    }
    const HttpRequest request = parser.takeRequest();
    if (!request.isWebSocketUpgrade()) {
        startHttp(socket);
        return;
    }
    stopPeeking(socket);
    const bool secure = m_listener->isSecure();
    EngineServer *engine = engineFor(request.target);
    QByteArray refusal;
    if (!engine) {
        refusal = HttpResponse::make(404).serialize(false);
    } else {
        QByteArray message;
        if (!engine->verifyUpgrade(request, &message)) {
            // engine.io's abortUpgrade(): a plain 400 with the message as text/html.
            refusal = QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\n"
                                        "Connection: close\r\n"
                                        "Content-type: text/html\r\n"
                                        "Content-Length: ")
                      + QByteArray::number(message.size()) + "\r\n\r\n" + message;
        }
    }
    if (!refusal.isEmpty()) {
        auto *http = new HttpConnection(socket, this, secure, HttpConnection::Mode::Refuse);
        addConnection(http, QString());
        http->writeRawAndClose(refusal);
        return;
    }
    // Hand the untouched socket over: QWebSocketServer reads the handshake itself.
    PendingUpgrade pending;
    pending.socket = socket;
    pending.engine = engine;
    pending.peer.request = request;
    pending.peer.address = socket->peerAddress();
    pending.peer.port = socket->peerPort();
    pending.peer.secure = secure;
    const QString key = upgradeKey(pending.peer.address, pending.peer.port);
    m_pendingUpgrades.insert(key, pending);
    connect(socket, &QObject::destroyed, this, [this, key, socket] {
        auto it = m_pendingUpgrades.find(key);
        if (it != m_pendingUpgrades.end() && it->socket == socket)
            m_pendingUpgrades.erase(it);
    });
    // QWebSocket reads frames as they come; its message size limit bounds what it holds.
    socket->setReadBufferSize(0);
    m_wsServer->handleConnection(socket);
}

void WebServer::startHttp(QTcpSocket *socket)
{
    stopPeeking(socket);
    QString addressKey;
    if (!admitHttp(socket, &addressKey))
        return;
    auto *connection
        = new HttpConnection(socket, this, m_listener->isSecure(), HttpConnection::Mode::Serve);
    addConnection(connection, addressKey);
}

bool WebServer::admitHttp(QTcpSocket *socket, QString *addressKey)
{
    const int limit = m_options.maxConnectionsPerAddress;
    const QHostAddress address = socket->peerAddress();
    if (limit <= 0 || (ClientAddress::isLoopback(address) && !m_options.limitLoopback))
        return true;
    const QString key = ClientAddress::key(address);
    if (m_connectionsPerAddress.value(key) < limit) {
        *addressKey = key;
        return true;
    }
    ++m_refusedConnections;
    m_refusalLog->warning(QStringLiteral("refusing an HTTP connection from %1: it holds %2 already")
                              .arg(key)
                              .arg(limit));
    HttpResponse r = HttpResponse::make(429, QByteArrayLiteral("too many connections\n"),
                                        QByteArrayLiteral("text/plain; charset=utf-8"));
    r.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    auto *refusal
        = new HttpConnection(socket, this, m_listener->isSecure(), HttpConnection::Mode::Refuse);
    addConnection(refusal, QString());
    refusal->writeRawAndClose(r.serialize(false));
    return false;
}

void WebServer::addConnection(HttpConnection *connection, const QString &addressKey)
{
    m_connections.insert(connection, addressKey);
    if (!addressKey.isEmpty())
        ++m_connectionsPerAddress[addressKey];
    connect(connection, &HttpConnection::finished, this, [this, connection] {
        const QString key = m_connections.take(connection);
        if (key.isEmpty())
            return;
        const auto it = m_connectionsPerAddress.find(key);
        if (it != m_connectionsPerAddress.end() && --*it <= 0)
            m_connectionsPerAddress.erase(it);
    });
}

void WebServer::onWebSocketConnection()
{
    while (m_wsServer->hasPendingConnections()) {
        QWebSocket *ws = m_wsServer->nextPendingConnection();
        if (!ws)
            break;
        const QString key = upgradeKey(ws->peerAddress(), ws->peerPort());
        const PendingUpgrade pending = m_pendingUpgrades.take(key);
        if (!pending.engine) {
            qCWarning(lcServer) << "websocket without a validated upgrade from"
                                << ws->peerAddress();
            ws->abort();
            ws->deleteLater();
            continue;
        }
        pending.engine->acceptWebSocket(ws, pending.peer);
    }
}

} // namespace TableTap
