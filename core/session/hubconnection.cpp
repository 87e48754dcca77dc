// The console's link to a hub.
#include "hubconnection.h"

#include "contract.h"
#include "enginesession.h"
#include "sioevent.h"
#include "siosocket.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace TableTap {

namespace {

namespace Keys = Contract::Keys;

// The sign-in and refresh answers name the token in one of two ways.
QString firstString(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString())
            return v.toString();
    }
    return {};
}

} // namespace

HubConnection::HubConnection(const QStringList &namespaces, QObject *parent)
    : EventSource(parent)
    , m_namespaces(namespaces)
{}

HubConnection::~HubConnection()
{
    closeLink();
}

void HubConnection::open(const SourceCredentials &credentials)
{
    m_options.caFile = credentials.caFile;
    if (!credentials.pin.isEmpty())
        signIn(credentials.hub, credentials.cafeId, credentials.employeeCode, credentials.pin);
    else
        connectWithToken(credentials.hub, credentials.token, credentials.refreshToken);
}

void HubConnection::signIn(const QUrl &hub, const QString &cafeId, const QString &employeeCode,
                           const QString &pin)
{
    if (!m_http)
        m_http = new QNetworkAccessManager(this);
    QString tlsError;
    const QSslConfiguration ssl = SioManager::sslConfiguration(m_options, &tlsError);
    if (!tlsError.isEmpty()) {
        // Reported after the caller has had the chance to wait for an answer.
        QTimer::singleShot(0, this, [this, tlsError] { Q_EMIT signInFailed(tlsError); });
        return;
    }
    // A connection kept from an earlier attempt keeps the TLS settings it was made with (a CA
    // chosen since would not count): sign-in is rare, start afresh.
    m_http->clearConnectionCache();
    QUrl url = hub;
    url.setPath(Contract::Http::Login);
    QNetworkRequest request(url);
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(15000);
    QJsonObject body{{QStringLiteral("employee_code"), employeeCode}, {QStringLiteral("pin"), pin}};
    if (!cafeId.isEmpty())
        body.insert(Keys::CafeId, cafeId);
    QNetworkReply *reply
        = m_http->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, hub] {
        reply->deleteLater();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        const QString token = firstString(answer, {"access_token", "token"});
        if (token.isEmpty()) {
            QString message = answer.value(Keys::Error).toObject().value(Keys::Message).toString();
            if (message.isEmpty())
                message = answer.value(Keys::Message).toString();
            if (message.isEmpty())
                message = reply->error() == QNetworkReply::NoError
                              ? tr("The hub did not answer with a token.")
                              : tr("Cannot reach the hub: %1").arg(reply->errorString());
            Q_EMIT signInFailed(message);
            return;
        }
        connectWithToken(hub, token, firstString(answer, {"refresh_token"}));
    });
}

void HubConnection::connectWithToken(const QUrl &hub, const QString &token, const QString &refresh)
{
    closeLink();
    m_hub = hub;
    m_token = token;
    m_refreshToken = refresh;
    m_identity = SessionIdentity::fromToken(token);

    SioClientOptions options = m_options;
    // Events are read with LiteJson and mapped from its nodes (ConsoleSession), no Qt tree.
    options.liteEvents = true;
    options.auth = {};
    options.authCallback = [this] {
        return QJsonObject{{Keys::Token, m_token}};
    };
    options.query.append({Keys::CafeId, m_identity.cafeId});
    options.query.append({Keys::UserRole, m_identity.role});
    options.authRefresh = [this](SioSocket *, std::function<void(bool)> done) {
        refreshToken(std::move(done));
    };
    m_manager = new SioManager(hub, options, this);
    connect(m_manager, &SioManager::stateChanged, this, &EventSource::linkStateChanged);
    connect(m_manager, &SioManager::reconnectScheduled, this, &EventSource::reconnectScheduled);
    connectSockets();
    Q_EMIT opened(m_hub, m_token);
}

void HubConnection::connectSockets()
{
    for (const QString &nsp : m_namespaces) {
        SioSocket *socket = m_manager->socket(nsp);
        m_sockets.insert(nsp, socket);
        connect(socket, &SioSocket::connected, this,
                [this, socket] { Q_EMIT namespaceConnected(socket->nsp(), socket->recovered()); });
        connect(socket, &SioSocket::disconnected, this,
                [this, nsp](const QString &reason, const QString &) {
                    Q_EMIT namespaceDisconnected(nsp, reason);
                });
        connect(socket, &SioSocket::connectError, this,
                [this, nsp](const QString &message, const QJsonValue &data) {
                    Q_EMIT connectError(nsp, message, data.toObject().value(Keys::Type).toString());
                });
        connect(socket, &SioSocket::eventReceived, this, [this](const SioEvent &event) {
            if (event.lite)
                Q_EMIT liteEventReceived(event.nsp, event.name,
                                         LiteJsonArg{event.lite, event.liteArg(0)});
            else
                Q_EMIT eventReceived(event.nsp, event.name, event.args.at(0));
        });
    }
}

void HubConnection::closeLink()
{
    for (const auto &socket : std::as_const(m_sockets))
        if (socket)
            disconnect(socket, nullptr, this, nullptr);
    m_sockets.clear();
    if (m_manager) {
        disconnect(m_manager, nullptr, this, nullptr);
        // Acks still waiting fail now (SourceReply::NoAnswer to their requests).
        m_manager->close();
        m_manager->deleteLater();
        m_manager.clear();
    }
}

void HubConnection::close()
{
    closeLink();
}

void HubConnection::renewToken()
{
    refreshToken([](bool) {});
}

void HubConnection::refreshToken(std::function<void(bool)> done)
{
    if (m_refreshToken.isEmpty() || !m_http) {
        done(false);
        return;
    }
    QUrl url = m_hub;
    url.setPath(Contract::Http::Refresh);
    QNetworkRequest request(url);
    request.setSslConfiguration(SioManager::sslConfiguration(m_options));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_http->post(
        request, QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), m_refreshToken}})
                     .toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        const QString token = firstString(answer, {"access_token", "token"});
        if (token.isEmpty()) {
            done(false);
            return;
        }
        const QString refresh = firstString(answer, {"refresh_token"});
        const SessionIdentity identity = SessionIdentity::fromToken(token);
        if (identity.role != m_identity.role || identity.cafeId != m_identity.cafeId) {
            // The hub gave another role (a manager changed it): the connection's query still
            // names the old one and every namespace would refuse it, so connect afresh with
            // the new token. The socket that asked is replaced and needs no answer.
            connectWithToken(m_hub, token, refresh.isEmpty() ? m_refreshToken : refresh);
            return;
        }
        m_token = token;
        if (!refresh.isEmpty())
            m_refreshToken = refresh;
        m_identity = identity;
        Q_EMIT tokenChanged(m_token);
        done(true);
    });
}

QString HubConnection::caFileProblem(const QString &path) const
{
    if (path.isEmpty())
        return {};
    // Read the way every request of the link reads it.
    SioClientOptions options;
    options.caFile = path;
    QString error;
    SioManager::sslConfiguration(options, &error);
    return error.isEmpty() ? QString() : tr("No PEM certificate in %1.").arg(path);
}

EventSource::LinkState HubConnection::linkState() const
{
    if (!m_manager)
        return LinkState::Offline;
    switch (m_manager->state()) {
    case SioManager::State::Connected:
        return LinkState::Connected;
    case SioManager::State::Connecting:
        return LinkState::Connecting;
    case SioManager::State::Reconnecting:
        return LinkState::Reconnecting;
    case SioManager::State::Disconnected:
        break;
    }
    return LinkState::Offline;
}

bool HubConnection::isConnected(const QString &nsp) const
{
    const auto s = m_sockets.value(nsp);
    return s && s->isConnected();
}

bool HubConnection::heartbeatOverdue() const
{
    // The link's own time is real time, whatever clock the views show.
    const EngineSession *session = m_manager ? m_manager->session() : nullptr;
    if (!session || m_manager->state() != SioManager::State::Connected)
        return false;
    const qint64 budget
        = qint64(session->handshake().pingInterval) + session->handshake().pingTimeout;
    return m_manager->lastPing().isValid()
           && m_manager->lastPing().msecsTo(QDateTime::currentDateTimeUtc()) > budget;
}

QString HubConnection::transportName() const
{
    return m_manager ? m_manager->transportName() : QString();
}

void HubConnection::request(const QString &nsp, const QString &command, const QJsonObject &payload,
                            int timeoutMs, QObject *context,
                            std::function<void(const SourceReply &)> done)
{
    SioSocket *socket = m_sockets.value(nsp);
    if (!socket) {
        done({SourceReply::Kind::NotSent, {}, QStringLiteral("no link to %1").arg(nsp)});
        return;
    }
    socket->emitWithAck(
        command, {payload}, context,
        [done = std::move(done)](const SioAckResult &result) {
            if (!result.ok())
                done({SourceReply::Kind::NoAnswer, {}, result.error});
            else
                done({SourceReply::Kind::Answered, result.args.at(0), {}});
        },
        timeoutMs);
}

bool HubConnection::send(const QString &nsp, const QString &event, const QJsonObject &payload)
{
    SioSocket *socket = m_sockets.value(nsp);
    if (!socket)
        return false;
    socket->emitEvent(event, {payload});
    return true;
}

} // namespace TableTap
