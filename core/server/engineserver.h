// An Engine.IO v4 endpoint mounted on a WebServer path: validates requests exactly like the
// reference engine.io server (status codes and JSON error bodies), runs the handshake, keeps the
// session table (sid -> EngineSession) and feeds polling requests and websockets to sessions.
#pragma once

#include "peerrequest.h"
#include "textframecache.h"

#include <QHash>
#include <QObject>

class QWebSocket;

namespace TableTap {

class EngineSession;
class EngineTransport;
class HttpExchange;
class WebSocketConnection;

class EngineServer final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QByteArray path = QByteArrayLiteral("/socket.io/");
        int pingInterval = 25000;
        int pingTimeout = 20000;
        int upgradeTimeout = 10000;
        qint64 maxPayload = 1000000; // maxHttpBufferSize: POST bodies and websocket messages
        bool allowPolling = true;
        bool allowWebSocket = true;
        bool allowUpgrades = true;
        int pollingCloseTimeout = 30000; // a server close waits this long for the next GET
    };
    // engine.io's Server.errors.
    enum ErrorCode {
        UnknownTransport = 0,
        UnknownSid = 1,
        BadHandshakeMethod = 2,
        BadRequest = 3,
        Forbidden = 4,
        UnsupportedProtocolVersion = 5,
    };

    explicit EngineServer(QObject *parent = nullptr);
    explicit EngineServer(Options options, QObject *parent = nullptr);
    ~EngineServer() override;

    const Options &options() const { return m_options; }
    QByteArray path() const { return m_options.path; }
    int clientCount() const { return int(m_sessions.size()); }
    EngineSession *session(const QString &sid) const { return m_sessions.value(sid); }
    // Closes every session (orderly: buffered packets go out first).
    void closeAll();

    static QByteArray errorMessage(int code);
    static QString generateId();

    // Called by WebServer.
    void handleRequest(HttpExchange *exchange);
    bool verifyUpgrade(const HttpRequest &request, QByteArray *message) const;
    void acceptWebSocket(QWebSocket *socket, const PeerRequest &peer);
    void acceptWebSocket(WebSocketConnection *connection, const PeerRequest &peer);
    // Called by ServerPollingTransport when a server close found no GET to carry the close packet.
    void rememberClosingPoll(const QString &sid);

Q_SIGNALS:
    // A new session is open (its open packet is on its way). Connect to its signals here.
    void connection(TableTap::EngineSession *session, const TableTap::PeerRequest &peer);

private:
    static void onSessionClosed(QObject *context, EngineSession *session, const QString &reason);
    int verify(const HttpRequest &request, bool upgrade) const;
    void respondError(HttpExchange *exchange, int code);
    EngineSession *createSession(const PeerRequest &peer, EngineTransport *transport, bool polling,
                                 HttpExchange *handshakeRequest);
    PeerRequest peerOf(const HttpExchange *exchange) const;
    // Whether a websocket with this sid may be taken (not for a session closed meanwhile,
    // already upgrading or upgraded); *session is the one it upgrades, null for a new session.
    bool admitsWebSocket(const QString &sid, EngineSession **session) const;

    Options m_options;
    QHash<QString, EngineSession *> m_sessions;
    QHash<QString, qint64> m_closingPolls; // sid -> deadline (ms since epoch)
    TextFrameCache m_frameCache;
};

} // namespace TableTap
