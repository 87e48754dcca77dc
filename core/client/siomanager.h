// One Socket.IO connection to a server, as socket.io-client's Manager: a single Engine.IO
// session multiplexing any number of namespaces (SioSocket), with reconnection (exponential
// backoff with jitter), the transport upgrade and the connect timeout.
#pragma once

#include "siobackoff.h"
#include "siobinaryassembler.h"
#include "sioclientoptions.h"
#include "siopacket.h"

#include <QBasicTimer>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace TableTap {

class EngineSession;
class EngineTransport;
class SioSocket;
struct ClientTransportConfig;

struct EngineHandshake;
struct EnginePacket;

class SioManager final : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    // url: http(s):// or ws(s)://host:port; its path is ignored (namespaces are chosen with
    // socket()), its query is added to options.query.
    explicit SioManager(const QUrl &url, SioClientOptions options = {}, QObject *parent = nullptr);
    ~SioManager() override;

    // The TLS configuration the options ask for: the system CAs plus caCertificates and the
    // certificates in caFile, verification off when insecure. error is set (and the file's CAs
    // left out) when caFile holds no PEM certificate. Other requests to the same server (a
    // sign-in over HTTPS) use it too.
    static QSslConfiguration sslConfiguration(const SioClientOptions &options,
                                              QString *error = nullptr);

    // The socket for a namespace ("/orders"), created on first use and owned by the manager.
    // With autoConnect it connects on the next event-loop turn, after the caller has had the
    // chance to connect to its signals.
    SioSocket *socket(const QString &nsp = QStringLiteral("/"));
    QList<SioSocket *> sockets() const;

    // Opens the Engine.IO connection (sockets do this themselves when they connect).
    void open();
    // Disconnects every socket and closes the connection; no reconnection follows.
    void close();

    State state() const { return m_state; }
    bool isOpen() const { return m_readyState == ReadyState::Open; }
    bool isReconnecting() const { return m_reconnecting; }
    // "polling" or "websocket" while a session exists, otherwise empty.
    QString transportName() const;
    // The Engine.IO session id (not a namespace's socket id).
    QString engineId() const;
    // When the server's last ping arrived (the handshake counts as one).
    QDateTime lastPing() const { return m_lastPing; }
    QUrl url() const { return m_url; }
    const SioClientOptions &options() const { return m_options; }
    const SioBackoff &backoff() const { return m_backoff; }
    // Diagnostics and tests: the live Engine.IO session, if any.
    EngineSession *session() const;

Q_SIGNALS:
    void stateChanged(TableTap::SioManager::State state);
    void opened();
    void closed(const QString &reason, const QString &description);
    // The Engine.IO connection could not be opened ("timeout", "xhr poll error ...").
    void error(const QString &message);
    // The transport in use changed (after the handshake and after an upgrade).
    void transportChanged(const QString &name);
    void ping();
    // A reconnection attempt was scheduled: its number (1-based) and the delay before it.
    void reconnectScheduled(int attempt, int delayMs);
    void reconnectAttempt(int attempt);
    void reconnectError(const QString &message);
    void reconnected(int attempt);
    void reconnectFailed();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class SioSocket;
    enum class ReadyState { Closed, Opening, Open };

    // Called by SioSocket.
    void sendPacket(const SioPacket &packet);
    void socketActivated(SioSocket *socket);
    void socketDeactivated(SioSocket *socket);
    void socketDestroyed(SioSocket *socket);
    bool isTransportWritable() const;
    bool hasPingExpired();

    void openEngine(bool reconnectAttempt);
    EngineTransport *createTransport(const SioTransportRequest &request);
    void onEngineOpened(const EngineHandshake &handshake);
    void onEngineMessage(const EnginePacket &packet);
    void onEngineClosed(const QString &reason, const QString &description);
    void onEngineHeartbeat();
    void onOpenError(const QString &message);
    void onClose(const QString &reason, const QString &description);
    void closeEngine();
    void reconnect();
    void maybeReconnectOnOpen();
    void discardSession(bool graceful);
    void startProbe(const EngineHandshake &handshake);
    void updateState();
    QList<QPointer<SioSocket>> socketSnapshot() const;

    // Counts the manager's frames on the stack, so that a manager deleted from one of its own
    // signal handlers defers the deletion of what those frames still use.
    struct Reentry
    {
        explicit Reentry(SioManager *m);
        ~Reentry();
        QPointer<SioManager> manager;
    };

    QUrl m_url;
    SioClientOptions m_options;
    std::unique_ptr<ClientTransportConfig> m_transportConfig;
    QString m_configError;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<EngineSession> m_session;
    SioBinaryAssembler m_assembler;
    QHash<QString, SioSocket *> m_sockets;
    SioBackoff m_backoff;
    ReadyState m_readyState = ReadyState::Closed;
    State m_state = State::Disconnected;
    bool m_reconnecting = false;
    bool m_skipReconnect = false;
    bool m_openIsReconnect = false;
    QBasicTimer m_connectTimer;
    QBasicTimer m_reconnectTimer;
    QDateTime m_lastPing;
    QDeadlineTimer m_pingDeadline{QDeadlineTimer::Forever};
    int m_depth = 0;
    bool m_pingExpiryQueued = false;
};

} // namespace TableTap
