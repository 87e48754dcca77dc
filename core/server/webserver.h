// The hub's one port: accepts connections, peeks at each request head (without reading it) and
// either hands a websocket upgrade, validated by its Engine.IO endpoint, to a WebSocketConnection
// (plain TCP: straight on the descriptor) or a QWebSocketServer (TLS, and any request that needs
// more than one look), or serves the connection as HTTP (Engine.IO long-polling on mounted
// paths, plain handlers on others, 404 elsewhere), at most so many per client address. CORS and
// TLS apply to everything on the port.
#pragma once

#include "corspolicy.h"
#include "peerrequest.h"

#include <QBasicTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>

class QSocketNotifier;
class QTcpSocket;
class QTimer;
class QWebSocketServer;

namespace TableTap {

class EngineServer;
class HttpConnection;
class HttpExchange;
class TcpListener;
class ThrottledLog;

class WebServer final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int listenBacklog = 1024;
        qsizetype maxHeadBytes = 16384;
        int maxHeaderCount = 100;
        qint64 maxHandlerBodyBytes = 1 << 20; // bodies for setHttpHandler routes
        int requestTimeout = 30000;           // first byte to complete request, else 408
        int keepAliveTimeout = 30000;         // idle keep-alive connections are closed after this
        int handshakeTimeout = 10000;         // TLS and websocket handshakes, first request head
        // A connection whose answers lie unread beyond this takes no further pipelined request
        // until they drain (so a client that never reads cannot make the hub queue answers).
        qint64 maxUnreadResponseBytes = 64 * 1024;
        // HTTP connections (long-polling, sign-in, /healthz) one client address may hold; the
        // next get 429 and are closed. IPv6 clients count by /64 (ClientAddress). 0: no limit.
        // Loopback clients are exempt unless limitLoopback.
        int maxConnectionsPerAddress = 0;
        bool limitLoopback = false;
        // TCP_DEFER_ACCEPT: a connection is handed over once its first bytes are there, so
        // accepting it and reading its request head take one loop turn, not two (clients
        // always speak first here). 0 turns it off.
        int deferAcceptSeconds = 1;
        QString tlsCertificateFile; // PEM; with tlsKeyFile, the port speaks only TLS
        QString tlsKeyFile;
        CorsPolicy::Options cors;
        // Plain-TCP websockets on WebSocketConnection instead of QTcpSocket + QWebSocket (far
        // less memory and CPU per client). TABLETAP_WEBSOCKET=qt turns it off, for comparison.
        bool nativeWebSockets = qEnvironmentVariable("TABLETAP_WEBSOCKET") != QLatin1String("qt");
    };
    using HttpHandler = std::function<void(HttpExchange *exchange)>;

    explicit WebServer(QObject *parent = nullptr);
    explicit WebServer(Options options, QObject *parent = nullptr);
    ~WebServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    QString errorString() const { return m_error; }
    bool isSecure() const;

    // Serves an Engine.IO endpoint at its path (several endpoints may share the port).
    void mount(EngineServer *engine);
    // Serves requests whose path starts with pathPrefix (e.g. "/api/", "/healthz").
    void setHttpHandler(const QByteArray &pathPrefix, HttpHandler handler);

    const Options &options() const { return m_options; }
    const CorsPolicy &cors() const { return m_cors; }
    int httpConnectionCount() const { return int(m_connections.size()); }
    // HTTP connections refused over maxConnectionsPerAddress since construction.
    quint64 refusedConnections() const { return m_refusedConnections; }

    // Used by HttpConnection.
    void dispatch(HttpExchange *exchange);
    qint64 bodyLimitFor(const HttpRequest &head) const;
    EngineServer *engineFor(QByteArrayView target) const;

private:
    struct PendingUpgrade
    {
        QTcpSocket *socket = nullptr;
        QPointer<EngineServer> engine;
        PeerRequest peer;
    };

    void timerEvent(QTimerEvent *event) override;
    void onDescriptorReady(qintptr descriptor);
    void onDescriptorReadable(int fd);
    bool tryDescriptor(int fd);
    void dropDescriptor(int fd, bool closeIt);
    void onSocketReady(QTcpSocket *socket);
    void onPeekReadyRead(QTcpSocket *socket);
    void startHttp(QTcpSocket *socket);
    // False (and the socket answered 429 and closed) when its address is over the limit.
    bool admitHttp(QTcpSocket *socket, QString *addressKey);
    void addConnection(HttpConnection *connection, const QString &addressKey);
    void stopPeeking(QTcpSocket *socket);
    void onWebSocketConnection();

    Options m_options;
    CorsPolicy m_cors;
    TcpListener *m_listener;
    QWebSocketServer *m_wsServer;
    QList<QPointer<EngineServer>> m_engines;
    QList<std::pair<QByteArray, HttpHandler>> m_handlers;
    QHash<QTcpSocket *, QTimer *> m_peeking;
    struct PeekingDescriptor
    {
        QSocketNotifier *notifier = nullptr;
        qint64 deadline = 0; // ms, QDeadlineTimer clock
    };
    // Accepted, request head not there yet; one sweep timer drops those that never send it.
    QHash<int, PeekingDescriptor> m_peekingDescriptors;
    QBasicTimer m_peekSweep;
    QHash<QString, PendingUpgrade> m_pendingUpgrades; // by "address|port"
    QHash<HttpConnection *, QString> m_connections;   // -> counted address key, empty if not
    QHash<QString, int> m_connectionsPerAddress;
    quint64 m_refusedConnections = 0;
    ThrottledLog *m_refusalLog;
    QString m_error;
};

} // namespace TableTap
