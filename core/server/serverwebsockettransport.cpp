// ServerWebSocketTransport.
#include "serverwebsockettransport.h"

#include "enginecodec.h"
#include "textframecache.h"
#include "websocketconnection.h"

#include <QTimer>
#include <QWebSocket>

namespace TableTap {

namespace {
constexpr int closeHandshakeTimeoutMs = 5000;
}

ServerWebSocketTransport::ServerWebSocketTransport(QWebSocket *socket, TextFrameCache *cache,
                                                   QObject *lingerOwner)
    : m_socket(socket)
    , m_cache(cache)
    , m_lingerOwner(lingerOwner)
{
    socket->setParent(this);
    m_open = socket->state() == QAbstractSocket::ConnectedState;
    connect(socket, &QWebSocket::textMessageReceived, this, &ServerWebSocketTransport::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ServerWebSocketTransport::onBinary);
    connect(socket, &QWebSocket::disconnected, this, &ServerWebSocketTransport::onDisconnected);
}

ServerWebSocketTransport::ServerWebSocketTransport(WebSocketConnection *connection,
                                                   TextFrameCache *cache, QObject *lingerOwner)
    : m_connection(connection)
    , m_cache(cache)
    , m_lingerOwner(lingerOwner)
{
    connection->setParent(this);
    m_open = connection->isOpen();
    // Direct calls, not signal connections: no connection objects per client.
    connection->setReceiver(this);
}

ServerWebSocketTransport::~ServerWebSocketTransport()
{
    if (m_socket && m_socket->parent() == this) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
    if (m_connection && m_connection->parent() == this) {
        m_connection->setReceiver(nullptr);
        m_connection->abort();
    }
}

bool ServerWebSocketTransport::isWritable() const
{
    return m_open && !m_closed;
}

void ServerWebSocketTransport::send(const QList<EnginePacket> &packets)
{
    if (!isWritable())
        return;
    if (m_connection) {
        for (const EnginePacket &p : packets) {
            if (p.binary)
                m_connection->sendBinary(p.data);
            else
                m_connection->sendFrame(m_cache->frame(p));
        }
        return;
    }
    for (const EnginePacket &p : packets) {
        if (p.binary)
            m_socket->sendBinaryMessage(p.data);
        else
            m_socket->sendTextMessage(m_cache->text(p));
    }
}

void ServerWebSocketTransport::sendFrames(const QList<EnginePacket> &packets,
                                          const QByteArray &frames)
{
    if (m_connection && isWritable()) {
        m_connection->sendFrameNow(frames);
        return;
    }
    send(packets);
}

void ServerWebSocketTransport::sendNow(const QList<EnginePacket> &packets)
{
    send(packets);
    if (m_connection && isWritable())
        m_connection->flush();
}

qint64 ServerWebSocketTransport::pendingBytes() const
{
    if (m_connection)
        return m_connection->bytesToWrite();
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void ServerWebSocketTransport::close()
{
    if (m_closed)
        return;
    if (m_connection) {
        m_closed = true;
        m_open = false;
        WebSocketConnection *connection = m_connection;
        connection->setReceiver(nullptr);
        // Finishes its close handshake on its own, within a bound (see WebSocketConnection).
        connection->setParent(m_lingerOwner);
        m_connection.clear();
        if (connection->isFinished()) {
            connection->deleteLater();
            return;
        }
        connect(connection, &WebSocketConnection::disconnected, connection, &QObject::deleteLater);
        connection->close();
        return;
    }
    if (!m_socket)
        return;
    m_closed = true;
    m_open = false;
    QWebSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    // The session deletes this transport soon; let the socket finish the closing handshake
    // (and write what is still buffered) on its own, within a bound.
    socket->setParent(m_lingerOwner);
    m_socket.clear();
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(closeHandshakeTimeoutMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->close();
}

void ServerWebSocketTransport::abort()
{
    m_closed = true;
    m_open = false;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
    if (m_connection) {
        m_connection->setReceiver(nullptr);
        m_connection->abort();
    }
}

void ServerWebSocketTransport::onText(const QString &message)
{
    auto packet = EngineCodec::decodeText(message.toUtf8());
    if (!packet) {
        deliverClosed(QStringLiteral("parse error"), packet.error());
        return;
    }
    deliverPacket(*packet);
}

void ServerWebSocketTransport::onTextBytes(const QByteArray &message)
{
    auto packet = EngineCodec::decodeText(message);
    if (!packet) {
        deliverClosed(QStringLiteral("parse error"), packet.error());
        return;
    }
    deliverPacket(*packet);
}

void ServerWebSocketTransport::onBinary(const QByteArray &message)
{
    deliverPacket(EngineCodec::decodeBinaryFrame(message));
}

void ServerWebSocketTransport::onDisconnected()
{
    m_open = false;
    if (m_closed)
        return;
    m_closed = true;
    deliverClosed(QStringLiteral("transport close"), QStringLiteral("websocket closed"));
}

} // namespace TableTap
