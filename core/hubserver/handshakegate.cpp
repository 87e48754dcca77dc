// HandshakeGate: per-address connection limit and the token middleware.
#include "handshakegate.h"

#include "clientaddress.h"
#include "contract.h"
#include "enginesession.h"
#include "hubdomain.h"
#include "hubserverlogging.h"
#include "jsonwebtoken.h"
#include "peerrequest.h"
#include "sioconnection.h"
#include "sioserversocket.h"
#include "throttledlog.h"

#include <QTimer>

#include <memory>

namespace TableTap {

namespace {

using L1 = QLatin1String;

// The socket data admit() fills and actorOf() reads.
const QString kUserId = QStringLiteral("user_id");
const QString kName = QStringLiteral("name");
const QString kRole = QStringLiteral("role");
const QString kCafeId = QStringLiteral("cafe_id");
const QString kGeneration = QStringLiteral("generation");
// Set instead of the actor for a ready board's socket: it acts as nobody.
const QString kBoardCafe = QStringLiteral("board_cafe");

// The INVALID_TOKEN "reason" a refused client sees.
Contract::TokenRefusal reasonOf(JsonWebToken::Error error)
{
    using R = Contract::TokenRefusal;
    switch (error) {
    case JsonWebToken::Error::Expired:
        return R::Expired;
    case JsonWebToken::Error::NotYetValid:
        return R::NotYetValid;
    case JsonWebToken::Error::BadSignature:
        return R::BadSignature;
    case JsonWebToken::Error::UnsupportedAlgorithm:
        return R::UnsupportedAlgorithm;
    case JsonWebToken::Error::WrongTokenType:
        return R::WrongTokenType;
    case JsonWebToken::Error::BadClaims:
        return R::BadClaims;
    case JsonWebToken::Error::Revoked:
        return R::Revoked;
    case JsonWebToken::Error::StaffDisabled:
        return R::StaffDisabled;
    case JsonWebToken::Error::RoleChanged:
        return R::RoleChanged;
    default:
        return R::Malformed;
    }
}

QByteArray bytes(QLatin1String text)
{
    return QByteArray(text.data(), text.size());
}

} // namespace

HandshakeGate::HandshakeGate(HubDomain &service, Options options, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_options(options)
    , m_refusalLog(new ThrottledLog(lcHubWiring, QStringLiteral("refused handshakes"), this))
{}

HandshakeGate::~HandshakeGate() = default;

void HandshakeGate::forgetConnections()
{
    m_connectionsPerAddress.clear();
    m_overLimit.clear();
}

void HandshakeGate::resetCounters()
{
    m_refusedHandshakes = m_refusedConnections = 0;
}

void HandshakeGate::onEngineConnection(EngineSession *session, const PeerRequest &peer)
{
    const int limit = m_options.maxConnectionsPerAddress;
    if (limit <= 0 || (ClientAddress::isLoopback(peer.address) && !m_options.limitLoopback))
        return;
    const QString address = ClientAddress::key(peer.address);
    const int count = ++m_connectionsPerAddress[address];
    if (count > limit) {
        // Refused at its CONNECT (see admit), and closed soon whatever it sends.
        m_overLimit.insert(session);
        ++m_refusedConnections;
        // Once per wave: an attack must not flood the log.
        if (count == limit + 1)
            qCWarning(lcHubWiring).noquote()
                << "refusing connections from" << address << "over the limit of" << limit;
        QTimer::singleShot(kCloseAfterRefusalMs, session, [session] { session->close(); });
    }
    // Whichever comes first, once: the close, or the session object going away.
    auto released = std::make_shared<bool>(false);
    const auto release = [this, session, address, released] {
        if (std::exchange(*released, true))
            return;
        m_overLimit.remove(session);
        const auto it = m_connectionsPerAddress.find(address);
        if (it != m_connectionsPerAddress.end() && --*it <= 0)
            m_connectionsPerAddress.erase(it);
    };
    connect(session, &EngineSession::closed, this, release);
    connect(session, &QObject::destroyed, this, release);
}

bool HandshakeGate::isOverLimit(const SioServerSocket *socket) const
{
    return !m_overLimit.isEmpty() && socket->client()
           && m_overLimit.contains(socket->client()->session());
}

void HandshakeGate::admit(SioServerSocket *socket, const SioNamespace::Next &next)
{
    if (isOverLimit(socket)) {
        ++m_refusedHandshakes;
        next(Contract::ConnectRefusal::TooManyConnections,
             QJsonObject{
                 {Contract::Keys::Type, Contract::name(Contract::ErrorType::RateLimited)},
                 {Contract::Keys::Reason, Contract::ConnectRefusal::TooManyConnectionsReason},
                 {QStringLiteral("limit"), m_options.maxConnectionsPerAddress},
                 {Contract::Keys::Message,
                  QStringLiteral("this address already holds %1 connections to the hub")
                      .arg(m_options.maxConnectionsPerAddress)}});
    } else if (const auto refusal = authenticate(socket)) {
        ++m_refusedHandshakes;
        next(refusal->message, refusal->data);
    } else {
        next();
    }
}

std::optional<HandshakeGate::Refusal> HandshakeGate::authenticate(SioServerSocket *socket)
{
    const SioServerSocket::Handshake &h = socket->handshake();
    QString token = h.auth.value(Contract::Keys::Token).toString();
    if (token.startsWith(L1("Bearer ")))
        token = token.mid(7);
    const QString queryCafe = QString::fromUtf8(h.query(bytes(Contract::Keys::CafeId)));
    const QString queryRole = QString::fromUtf8(h.query(bytes(Contract::Keys::UserRole)));
    JsonWebToken::Verified v = m_service.verifyHandshake(token, queryCafe, queryRole);
    // Not an access token: perhaps a ready board's. Any other kind keeps the first refusal.
    bool board = false;
    if (v.error == JsonWebToken::Error::WrongTokenType) {
        JsonWebToken::Verified b = m_service.verifyBoardToken(token, queryCafe, queryRole);
        if (b.error != JsonWebToken::Error::WrongTokenType) {
            v = std::move(b);
            board = true;
        }
    }
    const QVariantMap &held = socket->data();
    const bool sameSession
        = board ? held.value(kBoardCafe).toString() == v.claims.cafeId && !held.contains(kUserId)
                : held.value(kUserId).toString() == v.claims.userId
                      && held.value(kCafeId).toString() == v.claims.cafeId
                      && !held.contains(kBoardCafe);
    if (v.ok() && socket->isRecovered() && !sameSession) {
        m_refusalLog->info(QStringLiteral("refused recovery in %1 from %2: another user's session")
                               .arg(socket->nsp()->name(), h.peer.address.toString()));
        return Refusal{
            Contract::ConnectRefusal::PermissionDenied,
            QJsonObject{
                {Contract::Keys::Type, Contract::name(Contract::ErrorType::PermissionDenied)},
                {Contract::Keys::Message, QStringLiteral("the session belongs to another user")}}};
    }
    if (v.ok() && board) {
        if (socket->nsp()->name() != Contract::path(Contract::Namespace::Orders)) {
            m_refusalLog->info(QStringLiteral("refused a board token in %1 from %2")
                                   .arg(socket->nsp()->name(), h.peer.address.toString()));
            return Refusal{
                Contract::ConnectRefusal::PermissionDenied,
                QJsonObject{
                    {Contract::Keys::Type, Contract::name(Contract::ErrorType::PermissionDenied)},
                    {Contract::Keys::Message,
                     QStringLiteral("a board token reads the ready board in /orders only")}}};
        }
        socket->data().insert(kBoardCafe, v.claims.cafeId);
        socket->data().insert(kName, v.claims.name);
        return std::nullopt;
    }
    if (v.ok()) {
        const HubActor actor = v.claims.actor();
        socket->data().insert(kGeneration, actor.tokenGeneration);
        socket->data().insert(kUserId, actor.userId);
        socket->data().insert(kName, actor.name);
        socket->data().insert(kRole, HubActor::roleName(actor.role));
        socket->data().insert(kCafeId, actor.cafeId);
        return std::nullopt;
    }
    m_refusalLog->info(QStringLiteral("refused %1 from %2: %3")
                           .arg(socket->nsp()->name(), h.peer.address.toString(), v.message));
    if (v.error == JsonWebToken::Error::QueryMismatch
        || v.error == JsonWebToken::Error::CafeNotServed) {
        // A genuine token that may not be used here: refreshing it would not help.
        return Refusal{Contract::ConnectRefusal::PermissionDenied,
                       QJsonObject{{Contract::Keys::Type,
                                    Contract::name(Contract::ErrorType::PermissionDenied)},
                                   {Contract::Keys::Message, v.message}}};
    }
    // The contract's message, on which clients refresh their token and reconnect.
    return Refusal{
        Contract::ConnectRefusal::Authentication,
        QJsonObject{{Contract::Keys::Type, Contract::name(Contract::ErrorType::InvalidToken)},
                    {Contract::Keys::Reason, Contract::name(reasonOf(v.error))},
                    {Contract::Keys::Message, v.message}}};
}

HubActor HandshakeGate::actorOf(const SioServerSocket *socket)
{
    const QVariantMap &d = socket->data();
    HubActor actor;
    actor.userId = d.value(kUserId).toString();
    actor.name = d.value(kName).toString();
    actor.role = HubActor::parseRole(d.value(kRole).toString()).value_or(HubRole::Employee);
    actor.cafeId = d.value(kCafeId).toString();
    actor.tokenGeneration = d.value(kGeneration).toLongLong();
    return actor;
}

QString HandshakeGate::boardCafeOf(const SioServerSocket *socket)
{
    return socket->data().value(kBoardCafe).toString();
}

void HandshakeGate::setRole(SioServerSocket *socket, HubRole role)
{
    socket->data().insert(kRole, HubActor::roleName(role));
}

} // namespace TableTap
