// Options of a SioManager (and the defaults of its sockets), with socket.io-client 4.8's
// defaults. Everything is plain data except a few hooks.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <functional>

namespace TableTap {

class EngineTransport;
class SioSocket;

// What the manager asks a transport factory for: a "polling" or "websocket" transport, for a
// handshake (empty sid) or for an upgrade of the session sid.
struct SioTransportRequest
{
    QString name;
    QString sid;
};

struct SioClientOptions
{
    static constexpr int Infinite = -1;

    // Engine.IO endpoint path on the server.
    QString path = QStringLiteral("/socket.io/");
    // Tried in order for the handshake; the others are upgrade candidates.
    QStringList transports{QStringLiteral("polling"), QStringLiteral("websocket")};
    bool upgrade = true;
    // Sockets created by SioManager::socket() connect on the next event-loop turn.
    bool autoConnect = true;

    bool reconnection = true;
    int reconnectionAttempts = Infinite;
    int reconnectionDelay = 1000;
    int reconnectionDelayMax = 5000;
    double randomizationFactor = 0.5;
    // Engine.IO handshake deadline per attempt (ms); 0 or less waits forever.
    int timeout = 20000;

    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    // Polling requests carry a "t" cache buster.
    bool timestampRequests = true;

    // EVENT frames without attachments are decoded with LiteJson (SioCodec::decodeTextLite):
    // SioEvent::lite carries the payload and SioEvent::args stays empty for eventReceived;
    // handlers registered with SioSocket::on() still get args as Qt's tree. Anything the lite
    // decoder refuses goes through the Qt-tree decoder, which gives the verdict.
    bool liteEvents = false;

    // Default ack timeout for emitWithAck (ms); -1 waits for the ack as long as it takes.
    int ackTimeout = -1;

    // CONNECT payload of every socket: a fixed object, or a callback evaluated at every
    // (re)connect (the callback wins when set). Sockets can override both.
    QJsonObject auth;
    std::function<QJsonObject()> authCallback;
    // Runs when a namespace refuses the CONNECT with "Authentication error": it may set new
    // auth on the socket (now or later) and then calls done(true) to reconnect the socket, or
    // done(false) to give up. Called at most authRefreshAttempts times in a row.
    std::function<void(SioSocket *socket, std::function<void(bool retry)> done)> authRefresh;
    int authRefreshAttempts = 3;

    // TLS: verification is on; these CAs are trusted on top of the system ones.
    QList<QSslCertificate> caCertificates;
    QString caFile; // PEM, may hold several certificates
    // Tests only: accept any certificate.
    bool insecure = false;

    // Hooks for tests: the random source of the reconnection jitter ([0, 1)), and a factory
    // for transports (it must not emit signals before returning).
    std::function<double()> randomSource;
    std::function<EngineTransport *(const SioTransportRequest &request)> transportFactory;
};

} // namespace TableTap
