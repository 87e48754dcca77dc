// HTTP long-polling client transport.
#include "clientpollingtransport.h"

#include "enginecodec.h"
#include "enginehandshake.h"
#include "protocollogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace TableTap {

namespace {

// After the transport is gone, the bodies still owed to the server (the close packet behind a
// POST in flight) go out one after the other; the chain lives on the network manager.
void chainPosts(QNetworkAccessManager *network, QNetworkReply *inFlight,
                const QNetworkRequest &request, QList<QByteArray> bodies)
{
    QObject::connect(inFlight, &QNetworkReply::finished, network,
                     [network, inFlight, request, bodies]() mutable {
                         inFlight->deleteLater();
                         if (inFlight->error() != QNetworkReply::NoError || bodies.isEmpty())
                             return;
                         QNetworkReply *next = network->post(request, bodies.takeFirst());
                         chainPosts(network, next, request, std::move(bodies));
                     });
}

QString httpError(QNetworkReply *reply, const QByteArray &body, const char *what)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString detail;
    if (status > 0) {
        detail = QStringLiteral("HTTP %1").arg(status);
        // engine.io answers errors with {"code":N,"message":"..."}.
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        const QString message = o.value(QLatin1String("message")).toString();
        if (!message.isEmpty())
            detail += QStringLiteral(": ") + message;
    } else {
        detail = reply->errorString();
    }
    return QLatin1String(what) + QStringLiteral(" (") + detail + QLatin1Char(')');
}

bool succeeded(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
}

} // namespace

ClientPollingTransport::ClientPollingTransport(ClientTransportConfig config, QString sid,
                                               QObject *parent)
    : EngineTransport(parent)
    , m_config(std::move(config))
    , m_sid(std::move(sid))
    , m_requestTimeout(m_config.requestTimeout)
{}

ClientPollingTransport::~ClientPollingTransport()
{
    releaseReplies(m_graceful);
}

QList<QByteArray> ClientPollingTransport::splitPayloads(const QList<EnginePacket> &packets,
                                                        qint64 maxPayload)
{
    QList<QByteArray> bodies;
    QList<EnginePacket> batch;
    qint64 batchSize = 0;
    for (const EnginePacket &p : packets) {
        const qint64 size = EngineCodec::encodedPayloadSize(p);
        const qint64 withSeparator = batch.isEmpty() ? size : batchSize + 1 + size;
        if (!batch.isEmpty() && maxPayload > 0 && withSeparator > maxPayload) {
            bodies.append(EngineCodec::encodePayload(batch));
            batch.clear();
            batchSize = size;
        } else {
            batchSize = withSeparator;
        }
        batch.append(p);
    }
    if (!batch.isEmpty())
        bodies.append(EngineCodec::encodePayload(batch));
    return bodies;
}

void ClientPollingTransport::open()
{
    if (m_state != State::Idle)
        return;
    if (!m_config.network) {
        m_state = State::Closed;
        QTimer::singleShot(0, this, [this] {
            Q_EMIT closed(QStringLiteral("transport error"), QStringLiteral("no network access"));
        });
        return;
    }
    if (m_sid.isEmpty()) {
        m_state = State::Opening;
    } else {
        m_state = State::Open;
        QTimer::singleShot(0, this, [this] {
            if (m_state == State::Open)
                Q_EMIT opened();
        });
    }
    poll();
}

bool ClientPollingTransport::isWritable() const
{
    return m_state == State::Open && !m_post && m_bodies.isEmpty();
}

bool ClientPollingTransport::isPollInFlight() const
{
    return !m_get.isNull();
}

bool ClientPollingTransport::isPostInFlight() const
{
    return !m_post.isNull();
}

qint64 ClientPollingTransport::pendingBytes() const
{
    qint64 total = 0;
    for (const QByteArray &b : m_bodies)
        total += b.size();
    return total;
}

QNetworkRequest ClientPollingTransport::makeRequest(bool post) const
{
    QNetworkRequest request(m_config.requestUrl(name(), m_sid, false, m_config.timestampRequests));
    m_config.prepare(request);
    if (post)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("text/plain;charset=UTF-8"));
    else
        request.setRawHeader("Accept", "*/*");
    if (m_requestTimeout > 0)
        request.setTransferTimeout(m_requestTimeout);
    return request;
}

void ClientPollingTransport::poll()
{
    Q_ASSERT(!m_get);
    m_get = m_config.network->get(makeRequest(false));
    connect(m_get, &QNetworkReply::finished, this, &ClientPollingTransport::onPollFinished);
}

void ClientPollingTransport::onPollFinished()
{
    QNetworkReply *reply = m_get;
    m_get.clear();
    if (!reply)
        return;
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    if (m_state == State::Closed)
        return;
    if (!succeeded(reply)) {
        fail(QStringLiteral("transport error"), httpError(reply, body, "xhr poll error"));
        return;
    }
    auto packets = EngineCodec::decodePayload(body);
    if (!packets) {
        fail(QStringLiteral("parse error"), packets.error());
        return;
    }
    QPointer<ClientPollingTransport> self(this);
    for (const EnginePacket &packet : std::as_const(*packets)) {
        if (m_state == State::Opening && packet.type == EnginePacket::Type::Open) {
            // The session parses the handshake too; we need the sid and limits for requests.
            const auto handshake = EngineHandshake::fromJson(packet.data);
            if (handshake) {
                m_sid = handshake->sid;
                m_maxPayload = handshake->maxPayload;
                m_requestTimeout = handshake->pingInterval + handshake->pingTimeout + 5000;
                m_state = State::Open;
                Q_EMIT opened();
                if (!self || m_state == State::Closed)
                    return;
            }
        }
        if (packet.type == EnginePacket::Type::Close) {
            fail(QStringLiteral("transport close"),
                 QStringLiteral("transport closed by the server"));
            return;
        }
        Q_EMIT packetReceived(packet);
        if (!self || m_state == State::Closed)
            return;
    }
    switch (m_state) {
    case State::Open:
        poll();
        break;
    case State::Pausing:
        checkPaused();
        break;
    case State::Opening:
        fail(QStringLiteral("transport error"), QStringLiteral("handshake without open packet"));
        break;
    default:
        break;
    }
}

void ClientPollingTransport::send(const QList<EnginePacket> &packets)
{
    if (m_state != State::Open && m_state != State::Pausing) {
        qCDebug(lcProtocol) << "polling transport not open, discarding" << packets.size()
                            << "packets";
        return;
    }
    m_bodies.append(splitPayloads(packets, m_maxPayload));
    startNextPost();
}

void ClientPollingTransport::startNextPost()
{
    if (m_post || m_bodies.isEmpty() || !m_config.network)
        return;
    m_post = m_config.network->post(makeRequest(true), m_bodies.takeFirst());
    connect(m_post, &QNetworkReply::finished, this, &ClientPollingTransport::onPostFinished);
}

void ClientPollingTransport::onPostFinished()
{
    QNetworkReply *reply = m_post;
    m_post.clear();
    if (!reply)
        return;
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    if (!succeeded(reply)) {
        m_bodies.clear();
        if (m_state != State::Closed)
            fail(QStringLiteral("transport error"), httpError(reply, body, "xhr post error"));
        return;
    }
    if (!m_bodies.isEmpty()) {
        startNextPost();
        return;
    }
    if (m_state == State::Pausing)
        checkPaused();
    else if (m_state == State::Open)
        Q_EMIT writable();
}

void ClientPollingTransport::pause()
{
    if (m_state != State::Open) {
        Q_EMIT paused();
        return;
    }
    m_state = State::Pausing;
    checkPaused();
}

void ClientPollingTransport::checkPaused()
{
    if (m_state != State::Pausing || m_get || m_post || !m_bodies.isEmpty())
        return;
    m_state = State::Paused;
    Q_EMIT paused();
}

void ClientPollingTransport::close()
{
    const State previous = m_state;
    if (previous == State::Closed)
        return;
    m_state = State::Closed;
    if (previous == State::Open || previous == State::Pausing || previous == State::Paused) {
        // Say goodbye like engine.io-client: a POST with the close packet, after any POST in
        // flight. The GET in flight is left to finish (the server answers it with a noop).
        m_bodies.append(
            EngineCodec::encodePayload({EnginePacket::text(EnginePacket::Type::Close)}));
        m_graceful = true;
        startNextPost();
    } else {
        releaseReplies(false);
    }
    QTimer::singleShot(0, this, [this] {
        Q_EMIT closed(QStringLiteral("transport close"), QStringLiteral("closed locally"));
    });
}

void ClientPollingTransport::abort()
{
    m_state = State::Closed;
    m_bodies.clear();
    releaseReplies(false);
}

void ClientPollingTransport::fail(const QString &reason, const QString &description)
{
    qCDebug(lcProtocol) << "polling transport" << m_sid << reason << description;
    m_state = State::Closed;
    m_bodies.clear();
    releaseReplies(false);
    Q_EMIT closed(reason, description);
}

void ClientPollingTransport::releaseReplies(bool keepAlive)
{
    QNetworkReply *get = m_get;
    QNetworkReply *post = m_post;
    m_get.clear();
    m_post.clear();
    for (QNetworkReply *reply : {get, post}) {
        if (!reply)
            continue;
        disconnect(reply, nullptr, this, nullptr);
        if (!keepAlive) {
            reply->abort();
            reply->deleteLater();
        }
    }
    if (!keepAlive)
        return;
    // Requests outlive this object; each is bounded by its transfer timeout and by the
    // network manager's lifetime.
    if (get)
        connect(get, &QNetworkReply::finished, get, &QObject::deleteLater);
    if (post)
        chainPosts(m_config.network, post, makeRequest(true), std::exchange(m_bodies, {}));
    m_graceful = false;
}

} // namespace TableTap
