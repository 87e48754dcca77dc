// Engine.IO over a QWebSocket, server side: one packet per frame, text and binary frames apart,
// maxPayload as the largest message accepted (beyond it Qt closes with 1009).
#pragma once

#include "enginetransport.h"

#include <QPointer>

class QWebSocket;

namespace TableTap {

class TextFrameCache;

class ServerWebSocketTransport final : public EngineTransport
{
    Q_OBJECT
public:
    // Takes ownership of the socket; lingerOwner keeps it alive through a closing handshake.
    ServerWebSocketTransport(QWebSocket *socket, TextFrameCache *cache, QObject *lingerOwner);
    ~ServerWebSocketTransport() override;

    QString name() const override { return QStringLiteral("websocket"); }
    bool isWritable() const override;
    void send(const QList<EngineIO::Packet> &packets) override;
    void close() override;
    void abort() override;
    qint64 pendingBytes() const override;

private:
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void onDisconnected();

    QPointer<QWebSocket> m_socket;
    TextFrameCache *m_cache;
    QPointer<QObject> m_lingerOwner;
    bool m_closed = false;
    bool m_open = false; // cached: QWebSocket::state() is too slow for the broadcast path
};

} // namespace TableTap
