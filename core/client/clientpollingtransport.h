// HTTP long-polling, client side, as engine.io-client does it: one GET outstanding at a time
// (the first one is the handshake), one POST in flight with bodies kept under the server's
// maxPayload, a "t" cache buster, pause() for the upgrade and a close packet on close().
#pragma once

#include "clienttransportconfig.h"
#include "enginetransport.h"

#include <QPointer>

class QNetworkReply;

namespace TableTap {

class ClientPollingTransport final : public EngineTransport
{
    Q_OBJECT
public:
    // sid is empty for a handshake; the transport then learns it from the open packet.
    explicit ClientPollingTransport(ClientTransportConfig config, QString sid = {},
                                    QObject *parent = nullptr);
    ~ClientPollingTransport() override;

    // Starts polling (the handshake GET when there is no sid yet).
    void open();

    QString name() const override { return QStringLiteral("polling"); }
    bool isWritable() const override;
    void send(const QList<EnginePacket> &packets) override;
    void close() override;
    void abort() override;
    void pause() override;
    qint64 pendingBytes() const override;

    QString sid() const { return m_sid; }
    qint64 maxPayload() const { return m_maxPayload; }
    bool isPollInFlight() const;
    bool isPostInFlight() const;

    // Splits packets into polling bodies of at most maxPayload bytes each (a single packet
    // larger than that still goes alone, and the server will refuse it).
    static QList<QByteArray> splitPayloads(const QList<EnginePacket> &packets, qint64 maxPayload);

private:
    enum class State { Idle, Opening, Open, Pausing, Paused, Closed };

    void poll();
    void onPollFinished();
    void startNextPost();
    void onPostFinished();
    void checkPaused();
    void fail(const QString &reason, const QString &description);
    QNetworkRequest makeRequest(bool post) const;
    void releaseReplies(bool keepAlive);

    ClientTransportConfig m_config;
    QString m_sid;
    State m_state = State::Idle;
    qint64 m_maxPayload = 0;
    int m_requestTimeout = 0;
    QPointer<QNetworkReply> m_get;
    QPointer<QNetworkReply> m_post;
    QList<QByteArray> m_bodies; // waiting for the POST in flight
    bool m_graceful = false;    // close() queued a goodbye that should outlive this object
};

} // namespace TableTap
