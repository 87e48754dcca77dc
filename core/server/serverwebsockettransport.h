// Engine.IO over a websocket, server side: one packet per frame, text and binary frames apart,
// maxPayload as the largest message accepted (beyond it the socket closes with 1009). The socket
// is a WebSocketConnection (plain TCP) or a QWebSocket (TLS, or when native websockets are off).
#pragma once

#include "enginetransport.h"
#include "websocketconnection.h"

#include <QPointer>

class QWebSocket;

namespace TableTap {

class TextFrameCache;

class ServerWebSocketTransport final
    : public EngineTransport
    , private WebSocketConnection::Receiver
{
    Q_OBJECT
public:
    // Takes ownership of the socket; lingerOwner keeps it alive through a closing handshake.
    ServerWebSocketTransport(QWebSocket *socket, TextFrameCache *cache, QObject *lingerOwner);
    ServerWebSocketTransport(WebSocketConnection *connection, TextFrameCache *cache,
                             QObject *lingerOwner);
    ~ServerWebSocketTransport() override;

    QString name() const override { return QStringLiteral("websocket"); }
    bool isWritable() const override;
    bool usesSink() const override { return true; }
    // Queued and written at the end of the event-loop pass, with whatever else is queued.
    void send(const QList<EnginePacket> &packets) override;
    // Like send(); frames holds the packets' websocket text frames back to back (gathered
    // broadcasts, delivered at the end of a pass), written at once as one piece on a
    // WebSocketConnection with nothing queued.
    void sendFrames(const QList<EnginePacket> &packets, const QByteArray &frames);
    // Written now (replies); falls back to send() on QWebSocket, which always buffers.
    void sendNow(const QList<EnginePacket> &packets);
    void close() override;
    void abort() override;
    qint64 pendingBytes() const override;

private:
    void onText(const QString &message);
    void onTextBytes(const QByteArray &message);
    void onBinary(const QByteArray &message);
    void onDisconnected();
    void webSocketText(const QByteArray &utf8) override { onTextBytes(utf8); }
    void webSocketBinary(const QByteArray &data) override { onBinary(data); }
    void webSocketDisconnected() override { onDisconnected(); }

    QPointer<QWebSocket> m_socket;
    QPointer<WebSocketConnection> m_connection;
    TextFrameCache *m_cache;
    QPointer<QObject> m_lingerOwner;
    bool m_closed = false;
    bool m_open = false; // cached: QWebSocket::state() is too slow for the broadcast path
};

} // namespace TableTap
