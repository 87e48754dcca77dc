// ServerPollingTransport: engine.io's Polling transport on top of HttpExchange.
#include "serverpollingtransport.h"

#include "enginecodec.h"
#include "engineserver.h"
#include "httpconnection.h"
#include "httpexchange.h"

namespace TableTap {

ServerPollingTransport::ServerPollingTransport(EngineServer *server, QString sid)
    : m_server(server)
    , m_sid(std::move(sid))
{}

bool ServerPollingTransport::isWritable() const
{
    return !m_closed && m_get && !m_get->isAnswered() && !m_get->isAborted();
}

void ServerPollingTransport::setInitialRequest(HttpExchange *exchange)
{
    m_get = exchange;
    m_lastConnection = exchange->connection();
    connect(exchange, &HttpExchange::aborted, this,
            [this] { fail(QStringLiteral("poll connection closed prematurely")); });
}

void ServerPollingTransport::onRequest(HttpExchange *exchange)
{
    const QByteArray &method = exchange->request().method;
    if (method == "GET") {
        holdGet(exchange);
    } else if (method == "POST") {
        onPost(exchange);
    } else {
        exchange->respond(HttpResponse::make(500));
    }
}

void ServerPollingTransport::holdGet(HttpExchange *exchange)
{
    if (m_get) {
        // Overlapping GETs: engine.io closes the session (the held GET gets the close packet)
        // and refuses the new one.
        fail(QStringLiteral("overlap from client"));
        exchange->respond(HttpResponse::make(400));
        return;
    }
    setInitialRequest(exchange);
    Q_EMIT writable();
}

void ServerPollingTransport::onPost(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    if (request.header("content-type") == "application/octet-stream") {
        // EIO 4 never sends binary bodies; engine.io treats one as an error.
        fail(QStringLiteral("invalid content"));
        exchange->respond(HttpResponse::make(400));
        return;
    }
    QPointer<HttpExchange> guard(exchange);
    QPointer<ServerPollingTransport> self(this);
    auto packets = EngineCodec::decodePayload(request.body);
    if (packets) {
        for (const EnginePacket &packet : std::as_const(*packets)) {
            if (!self || m_closed)
                break;
            if (packet.type == EnginePacket::Type::Close) {
                m_peerClosed = true;
                Q_EMIT packetReceived(packet);
                break;
            }
            Q_EMIT packetReceived(packet);
        }
    }
    if (guard) {
        HttpResponse r
            = HttpResponse::make(200, QByteArrayLiteral("ok"), QByteArrayLiteral("text/html"));
        r.setHeader(QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-store"));
        guard->respond(std::move(r));
    }
    if (!packets && self && !m_closed)
        Q_EMIT closed(QStringLiteral("parse error"), packets.error());
}

void ServerPollingTransport::send(const QList<EnginePacket> &packets)
{
    if (!isWritable())
        return;
    HttpExchange *get = m_get;
    m_get.clear();
    disconnect(get, nullptr, this, nullptr);
    HttpResponse r = HttpResponse::make(200, EngineCodec::encodePayload(packets),
                                        QByteArrayLiteral("text/plain; charset=UTF-8"));
    r.setHeader(QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-store"));
    get->respond(std::move(r));
}

qint64 ServerPollingTransport::pendingBytes() const
{
    return m_lastConnection ? m_lastConnection->bytesToWrite() : 0;
}

void ServerPollingTransport::close()
{
    if (m_closed)
        return;
    if (isWritable()) {
        // A client close is acknowledged with a noop, a server close announced with a close.
        send({EnginePacket::text(m_peerClosed ? EnginePacket::Type::Noop
                                              : EnginePacket::Type::Close)});
    } else if (!m_peerClosed && m_server && !m_sid.isEmpty()) {
        m_server->rememberClosingPoll(m_sid);
    }
    m_closed = true;
}

void ServerPollingTransport::abort()
{
    // Discarded (after an upgrade, or on an error): release a held GET harmlessly.
    if (isWritable())
        send({EnginePacket::text(EnginePacket::Type::Noop)});
    m_closed = true;
}

void ServerPollingTransport::fail(const QString &description)
{
    if (m_closed)
        return;
    Q_EMIT closed(QStringLiteral("transport error"), description);
}

} // namespace TableTap
