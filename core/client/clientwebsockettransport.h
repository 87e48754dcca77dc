// The websocket transport, client side, over QWebSocket (ws and wss): one Engine.IO packet per
// frame, text frames for text packets and binary frames for binary ones.
#pragma once

#include "clienttransportconfig.h"
#include "enginetransport.h"

#include <QAbstractSocket>
#include <QPointer>

class QWebSocket;
class QSslError;

namespace TableTap {

class ClientWebSocketTransport final : public EngineTransport
{
    Q_OBJECT
public:
    // sid is empty for a websocket-only handshake, or the session's id for an upgrade probe.
    explicit ClientWebSocketTransport(ClientTransportConfig config, QString sid = {},
                                      QObject *parent = nullptr);
    ~ClientWebSocketTransport() override;

    void open();

    QString name() const override { return QStringLiteral("websocket"); }
    bool isWritable() const override { return m_state == State::Open; }
    void send(const QList<EnginePacket> &packets) override;
    void close() override;
    void abort() override;
    qint64 pendingBytes() const override;

private:
    enum class State { Idle, Opening, Open, Closed };

    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void finish(const QString &reason, const QString &description);

    ClientTransportConfig m_config;
    QString m_sid;
    State m_state = State::Idle;
    QWebSocket *m_socket = nullptr;
    QString m_sslError;
};

} // namespace TableTap
