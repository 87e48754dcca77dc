// Engine.IO long-polling, server side: holds the client's pending GET and answers it with the
// packets the session sends; takes packets from POST bodies. Behaves like engine.io's Polling.
#pragma once

#include "enginetransport.h"

#include <QPointer>

namespace TableTap {

class EngineServer;
class HttpConnection;
class HttpExchange;

class ServerPollingTransport final : public EngineTransport
{
    Q_OBJECT
public:
    ServerPollingTransport(EngineServer *server, QString sid);

    QString name() const override { return QStringLiteral("polling"); }
    bool isWritable() const override;
    void send(const QList<EnginePacket> &packets) override;
    void close() override;
    void abort() override;
    // Answers written to the client's connection and not yet taken by it.
    qint64 pendingBytes() const override;

    void setSid(const QString &sid) { m_sid = sid; }
    // The handshake GET: held without announcing it, so the open packet answers it.
    void setInitialRequest(HttpExchange *exchange);
    void onRequest(HttpExchange *exchange);

private:
    void holdGet(HttpExchange *exchange);
    void onPost(HttpExchange *exchange);
    void fail(const QString &description);

    EngineServer *m_server;
    QString m_sid;
    QPointer<HttpExchange> m_get;
    QPointer<HttpConnection> m_lastConnection; // that carried the latest GET

    bool m_peerClosed = false;
    bool m_closed = false;
};

} // namespace TableTap
