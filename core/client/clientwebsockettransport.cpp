// QWebSocket-based client transport.
#include "clientwebsockettransport.h"

#include "enginecodec.h"
#include "protocollogging.h"

#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>
#include <QWebSocket>

namespace TableTap {

ClientWebSocketTransport::ClientWebSocketTransport(ClientTransportConfig config, QString sid,
                                                   QObject *parent)
    : EngineTransport(parent)
    , m_config(std::move(config))
    , m_sid(std::move(sid))
{}

ClientWebSocketTransport::~ClientWebSocketTransport()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

void ClientWebSocketTransport::open()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Opening;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &ClientWebSocketTransport::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &ClientWebSocketTransport::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &ClientWebSocketTransport::onError);
    connect(m_socket, &QWebSocket::sslErrors, this, &ClientWebSocketTransport::onSslErrors);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientWebSocketTransport::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            &ClientWebSocketTransport::onBinary);
    if (m_config.isSecure())
        m_socket->setSslConfiguration(m_config.ssl);
    // No cache buster on websockets, as engine.io-client.
    QNetworkRequest request(m_config.requestUrl(name(), m_sid, true, false));
    for (const auto &[header, value] : m_config.headers)
        request.setRawHeader(header, value);
    m_socket->open(request);
}

void ClientWebSocketTransport::send(const QList<EnginePacket> &packets)
{
    if (m_state != State::Open) {
        qCDebug(lcProtocol) << "websocket transport not open, discarding" << packets.size()
                            << "packets";
        return;
    }
    for (const EnginePacket &p : packets) {
        if (p.binary)
            m_socket->sendBinaryMessage(p.data);
        else
            m_socket->sendTextMessage(QString::fromUtf8(EngineCodec::encodeText(p)));
    }
}

qint64 ClientWebSocketTransport::pendingBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void ClientWebSocketTransport::close()
{
    if (m_state == State::Closed)
        return;
    const bool wasOpen = m_state == State::Open;
    m_state = State::Closed;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        if (wasOpen) {
            // The closing handshake outlives this transport (the session deletes it right
            // away), bounded in time so a silent peer cannot keep the socket forever.
            QWebSocket *socket = std::exchange(m_socket, nullptr);
            socket->setParent(nullptr);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(1000, socket, &QObject::deleteLater);
            socket->close();
        } else {
            m_socket->abort();
        }
    }
    QTimer::singleShot(0, this, [this] {
        Q_EMIT closed(QStringLiteral("transport close"), QStringLiteral("closed locally"));
    });
}

void ClientWebSocketTransport::abort()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

void ClientWebSocketTransport::onConnected()
{
    if (m_state != State::Opening)
        return;
    m_state = State::Open;
    QPointer<ClientWebSocketTransport> self(this);
    Q_EMIT opened();
    if (self && m_state == State::Open)
        Q_EMIT writable();
}

void ClientWebSocketTransport::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    QString description = m_state == State::Opening ? QStringLiteral("websocket error")
                                                    : QStringLiteral("websocket connection closed");
    if (!m_sslError.isEmpty())
        description += QStringLiteral(": ") + m_sslError;
    else if (m_socket && !m_socket->closeReason().isEmpty())
        description += QStringLiteral(": ") + m_socket->closeReason();
    finish(m_state == State::Opening ? QStringLiteral("transport error")
                                     : QStringLiteral("transport close"),
           description);
}

void ClientWebSocketTransport::onError(QAbstractSocket::SocketError error)
{
    Q_UNUSED(error)
    if (m_state == State::Closed)
        return;
    // A remote close after a clean session shows up as an error too; it is still a close.
    if (m_state == State::Open && error == QAbstractSocket::RemoteHostClosedError) {
        finish(QStringLiteral("transport close"), QStringLiteral("websocket connection closed"));
        return;
    }
    QString description = QStringLiteral("websocket error: ")
                          + (m_sslError.isEmpty() ? m_socket->errorString() : m_sslError);
    finish(QStringLiteral("transport error"), description);
}

void ClientWebSocketTransport::onSslErrors(const QList<QSslError> &errors)
{
    QStringList messages;
    for (const QSslError &e : errors)
        messages.append(e.errorString());
    m_sslError = QStringLiteral("TLS: ") + messages.join(QStringLiteral("; "));
    qCDebug(lcProtocol) << "websocket" << m_sslError;
}

void ClientWebSocketTransport::onText(const QString &message)
{
    if (m_state != State::Open)
        return;
    auto packet = EngineCodec::decodeText(message.toUtf8());
    if (!packet) {
        finish(QStringLiteral("parse error"), packet.error());
        return;
    }
    Q_EMIT packetReceived(*packet);
}

void ClientWebSocketTransport::onBinary(const QByteArray &message)
{
    if (m_state != State::Open)
        return;
    Q_EMIT packetReceived(EngineCodec::decodeBinaryFrame(message));
}

void ClientWebSocketTransport::finish(const QString &reason, const QString &description)
{
    if (m_state == State::Closed)
        return;
    qCDebug(lcProtocol) << "websocket transport" << reason << description;
    m_state = State::Closed;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
    Q_EMIT closed(reason, description);
}

} // namespace TableTap
