// One namespace on a SioManager's connection, as socket.io-client's Socket: CONNECT with auth
// (and recovery pid/offset), events and acks both ways, binary attachments, buffered and
// volatile emits, ack timeouts, connect_error with the server's message and data.
#pragma once

#include "sioackresult.h"
#include "siocodec.h"
#include "sioevent.h"
#include "siomanager.h"
#include "siopacket.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace TableTap {

class SioSocket final : public QObject
{
    Q_OBJECT
public:
    using AckCallback = std::function<void(const SioAckResult &result)>;
    using EventHandler = std::function<void(const SioEvent &event)>;
    static constexpr int DefaultAckTimeout = -2; // use the socket's ackTimeout

    ~SioSocket() override;

    QString nsp() const { return m_nsp; }
    SioManager *manager() const { return m_manager; }
    // The namespace's socket id from the CONNECT reply (empty when not connected).
    QString id() const { return m_id; }
    bool isConnected() const { return m_connected; }
    // Whether the socket wants to be connected (it reconnects with the manager).
    bool isActive() const { return m_active; }
    SioManager::State state() const { return m_state; }
    // Connection state recovery: true when the last CONNECT restored the previous session.
    bool recovered() const { return m_recovered; }
    QString pid() const { return m_pid; }
    QString lastOffset() const { return m_lastOffset; }

    // Connects to the namespace (opening the manager's connection if needed).
    void open();
    // Disconnects from the namespace ("io client disconnect"); no reconnection follows.
    void close();

    void setAuth(const QJsonObject &auth);
    void setAuthCallback(std::function<QJsonObject()> callback);
    void setAuthRefresh(std::function<void(SioSocket *, std::function<void(bool)>)> refresh);
    void setAckTimeout(int ms) { m_ackTimeout = ms; }
    int ackTimeout() const { return m_ackTimeout; }

    // Sends an event; buffered while not connected and sent once after the next CONNECT.
    // args must not contain the event name. Returns false for a reserved event name.
    bool emitEvent(const QString &event, const QJsonArray &args = {},
                   const QList<QByteArray> &attachments = {});
    // Sends only if connected and the transport can write now; returns whether it was sent.
    bool emitVolatile(const QString &event, const QJsonArray &args = {},
                      const QList<QByteArray> &attachments = {});
    // Sends an event with an ack. The callback runs once: with the ack arguments, or with an
    // error after timeoutMs ("operation has timed out") or at a disconnect ("socket has been
    // disconnected"). It does not run once context is destroyed. Returns the ack id, or -1.
    qint64 emitWithAck(const QString &event, const QJsonArray &args, const QObject *context,
                       AckCallback callback, int timeoutMs = DefaultAckTimeout,
                       const QList<QByteArray> &attachments = {});
    // Answers an event that asked for an ack (SioEvent::ackId); each id is answered once.
    bool sendAck(qint64 ackId, const QJsonArray &args = {},
                 const QList<QByteArray> &attachments = {});

    // Calls handler for every event with that name, while context lives.
    void on(const QString &event, const QObject *context, EventHandler handler);
    void off(const QString &event);

    int bufferedEmits() const { return int(m_sendBuffer.size()); }
    int pendingAcks() const { return int(m_acks.size()); }

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason, const QString &description);
    void connectError(const QString &message, const QJsonValue &data);
    void eventReceived(const TableTap::SioEvent &event);
    void stateChanged(TableTap::SioManager::State state);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class SioManager;
    SioSocket(SioManager *manager, const QString &nsp);

    struct PendingAck
    {
        AckCallback callback;
        QPointer<const QObject> context;
        bool hasContext = false;
        int timerId = 0;
    };
    struct Handler
    {
        QPointer<const QObject> context;
        bool hasContext = false;
        EventHandler handler;
    };

    // From the manager.
    void onManagerOpen();
    void onManagerError(const QString &message);
    void onManagerClose(const QString &reason, const QString &description);
    void onPacket(const SioPacket &packet);
    void updateState();

    bool emitPacket(const QString &event, const QJsonArray &args,
                    const QList<QByteArray> &attachments, bool isVolatile, AckCallback callback,
                    const QObject *context, int timeoutMs, qint64 *ackId, bool *sent);
    void sendConnect();
    void onConnect(const QString &sid, const QString &pid);
    void onEvent(const SioPacket &packet);
    void onLiteEvent(SioCodec::SioLitePacket &&packet);
    void onAck(const SioPacket &packet);
    void onConnectError(const SioPacket &packet);
    void onClose(const QString &reason, const QString &description);
    void deliver(const SioEvent &event);
    void destroyLink();
    void clearAcks(const QString &error);
    void runAuthRefresh();
    void send(const SioPacket &packet);
    static void callAck(const PendingAck &ack, const SioAckResult &result);

    QPointer<SioManager> m_manager;
    QString m_nsp;
    QString m_id;
    bool m_active = false;
    bool m_connected = false;
    bool m_connectSent = false;
    bool m_autoConnectPending = false;
    bool m_regaining = false; // lost the connection and waits to get it back
    bool m_recovered = false;
    SioManager::State m_state = SioManager::State::Disconnected;
    QString m_pid;
    QString m_lastOffset;
    QJsonObject m_auth;
    std::function<QJsonObject()> m_authCallback;
    std::function<void(SioSocket *, std::function<void(bool)>)> m_authRefresh;
    int m_authRefreshLimit = 3;
    int m_authRefreshCount = 0;
    int m_ackTimeout = -1;
    qint64 m_nextAckId = 0;
    QHash<qint64, PendingAck> m_acks;
    QHash<int, qint64> m_ackTimers;
    QList<SioPacket> m_sendBuffer;
    QList<SioEvent> m_receiveBuffer;
    QSet<qint64> m_incomingAcks;
    QHash<QString, QList<Handler>> m_handlers;
};

} // namespace TableTap
