// A simulated device on the hub's public protocol.
#include "simdevice.h"

#include "hubadmin.h"
#include "simulatorlogging.h"
#include "sioackresult.h"
#include "sioclientoptions.h"
#include "siomanager.h"
#include "siosocket.h"

#include <QJsonArray>

namespace TableTap {

SimDevice::SimDevice(HubAdmin *admin, const QUrl &hubUrl, Identity identity, const QString &label,
                     QObject *parent)
    : QObject(parent)
    , m_admin(admin)
    , m_url(hubUrl)
    , m_identity(std::move(identity))
    , m_label(label)
{}

SimDevice::~SimDevice()
{
    close();
}

bool SimDevice::mint(QString *error)
{
    const AdminResult r = m_admin->mintToken(
        {m_identity.cafeId, m_identity.userId, m_identity.name, m_identity.role, 0}, &m_token);
    if (!r.ok() && error)
        *error = QStringLiteral("%1: no token: %2").arg(m_label, r.message);
    return r.ok();
}

bool SimDevice::open(QString *error)
{
    if (m_manager)
        return true;
    if (!mint(error))
        return false;
    SioClientOptions o;
    o.transports = {QStringLiteral("websocket")};
    o.reconnectionDelay = 200;
    o.reconnectionDelayMax = 2000;
    o.query = {{Contract::Keys::CafeId, m_identity.cafeId},
               {Contract::Keys::UserRole, Contract::name(m_identity.role)}};
    o.authCallback = [this] {
        return QJsonObject{{Contract::Keys::Token, m_token}};
    };
    // An expired token (a demo left running for days) is simply minted again.
    o.authRefresh = [this](SioSocket *, std::function<void(bool)> done) {
        QString why;
        const bool minted = mint(&why);
        if (!minted)
            qCWarning(lcHubSim).noquote() << why;
        done(minted);
    };
    // The hub's own port: with TLS its certificate need not name the loopback address.
    o.insecure = m_url.scheme() == u"https" || m_url.scheme() == u"wss";
    m_manager = new SioManager(m_url, o, this);
    for (const Contract::Namespace nsp : Contract::kNamespaces) {
        SioSocket *s = m_manager->socket(Contract::path(nsp));
        m_sockets[nsp] = s;
        connect(s, &SioSocket::connected, this, [this, nsp] {
            if (m_connected.insert(nsp).second && isConnected())
                Q_EMIT connected();
        });
        connect(s, &SioSocket::connectError, this,
                [this, nsp](const QString &message, const QJsonValue &data) {
                    Q_EMIT connectError(
                        QStringLiteral("%1 %2: connect_error %3 %4")
                            .arg(m_label, Contract::path(nsp), message,
                                 data.toObject().value(Contract::Keys::Message).toString()));
                });
        connect(s, &SioSocket::eventReceived, this, [this, nsp](const SioEvent &e) {
            Q_EMIT eventReceived(nsp, e.name,
                                 e.args.at(0).toObject().value(Contract::Keys::Data).toObject());
        });
    }
    return true;
}

void SimDevice::close()
{
    if (!m_manager)
        return;
    m_manager->disconnect(this);
    for (const auto &[nsp, socket] : m_sockets)
        socket->disconnect(this);
    m_manager->close();
    m_manager->deleteLater();
    m_manager = nullptr;
    m_sockets.clear();
    m_connected.clear();
}

void SimDevice::send(Contract::Command command, const QJsonObject &payload, int timeoutMs,
                     Done done)
{
    const auto socket = m_sockets.find(Contract::commandNamespace(command));
    if (socket == m_sockets.end()) {
        done(Reply{Reply::Kind::NoAnswer,
                   {},
                   QStringLiteral("TIMEOUT"),
                   {},
                   QStringLiteral("not connected")});
        return;
    }
    socket->second->emitWithAck(
        Contract::name(command), {payload}, this,
        [done = std::move(done)](const SioAckResult &result) {
            Reply reply;
            if (!result.ok()) {
                reply.type = QStringLiteral("TIMEOUT");
                reply.message = result.error;
                done(reply);
                return;
            }
            const QJsonObject answer = result.args.at(0).toObject();
            if (answer.value(Contract::Keys::Ok).toBool()) {
                reply.kind = Reply::Kind::Ok;
                reply.data = answer.value(Contract::Keys::Data).toObject();
            } else {
                reply.kind = Reply::Kind::Refused;
                reply.error = answer.value(Contract::Keys::Error).toObject();
                reply.type = reply.error.value(Contract::Keys::Type).toString();
                reply.message = reply.error.value(Contract::Keys::Message).toString();
            }
            done(reply);
        },
        timeoutMs);
}

} // namespace TableTap
