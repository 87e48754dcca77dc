// Staff sign-in and token refresh.
#include "signinservice.h"

#include "contract.h"
#include "hubclock.h"
#include "hubdomain.h"
#include "hubdomainlogging.h"
#include "jsonwebtoken.h"
#include "pinhasher.h"
#include "staffdirectory.h"
#include "storageerror.h"

#include <QRandomGenerator>

namespace TableTap {

QJsonObject SignInResult::toJson(qint64 nowSeconds) const
{
    if (!ok()) {
        Contract::ErrorType type = Contract::ErrorType::InvalidCredentials;
        if (status == Status::RateLimited)
            type = Contract::ErrorType::RateLimited;
        else if (status == Status::InvalidData)
            type = Contract::ErrorType::InvalidData;
        QJsonObject error{{Contract::Keys::Type, Contract::name(type)},
                          {Contract::Keys::Message, message}};
        if (status == Status::RateLimited)
            error.insert(QStringLiteral("retry_after_ms"), retryAfterMs);
        return QJsonObject{{Contract::Keys::Error, error}};
    }
    QJsonObject o{{QStringLiteral("access_token"), accessToken},
                  {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                  {QStringLiteral("expires_in"), accessExpiresAt - nowSeconds},
                  {QStringLiteral("user"),
                   QJsonObject{{QStringLiteral("id"), actor.userId},
                               {QStringLiteral("name"), actor.name},
                               {QStringLiteral("role"), HubActor::roleName(actor.role)},
                               {QStringLiteral("cafe_id"), actor.cafeId},
                               {QStringLiteral("employee_id"), employeeCode}}}};
    if (!refreshToken.isEmpty()) {
        o.insert(QStringLiteral("refresh_token"), refreshToken);
        o.insert(QStringLiteral("refresh_expires_in"), refreshExpiresAt - nowSeconds);
    }
    return o;
}

SignInService::SignInService(HubDomain &hub)
    : m_hub(hub)
{
    // A well-formed stored PIN no PIN matches (random salt and key), at the hub's iteration
    // count: checking it costs what checking a real one does, and making it costs nothing.
    QByteArray salt(16, Qt::Uninitialized), key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), 4);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
    m_decoyHash
        = QStringLiteral("pbkdf2-sha256$%1$%2$%3")
              .arg(qMax(hub.options().pinIterations, PinHasher::kMinimumIterations))
              .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

SignInService::~SignInService() = default;

static SignInResult refused(SignInResult::Status status, const QString &message,
                            qint64 retryAfterMs = 0)
{
    SignInResult r;
    r.status = status;
    r.message = message;
    r.retryAfterMs = retryAfterMs;
    return r;
}

static SignInResult lockedOut(qint64 lockedMs)
{
    return refused(
        SignInResult::Status::RateLimited,
        QStringLiteral("too many failed sign-ins; try again in %1 s").arg((lockedMs + 999) / 1000),
        lockedMs);
}

SignInResult SignInService::issue(const HubActor &actor, const QString &code, bool withRefresh)
{
    SignInResult r;
    r.status = SignInResult::Status::Ok;
    r.actor = actor;
    r.employeeCode = code;
    const qint64 now = m_hub.clock()->nowMs() / 1000;
    r.accessToken = QString::fromLatin1(
        m_hub.mintToken(actor, Contract::TokenType::Access, m_hub.options().accessTokenTtlSeconds));
    r.accessExpiresAt = now + m_hub.options().accessTokenTtlSeconds;
    if (withRefresh) {
        r.refreshToken = QString::fromLatin1(m_hub.mintToken(
            actor, Contract::TokenType::Refresh, m_hub.options().refreshTokenTtlSeconds));
        r.refreshExpiresAt = now + m_hub.options().refreshTokenTtlSeconds;
    }
    return r;
}

std::variant<SignInResult, PendingSignIn> SignInService::prepare(const QString &cafeIdIn,
                                                                 const QString &employeeCode,
                                                                 const QString &pin,
                                                                 const QString &addressKey)
{
    const qint64 now = m_hub.clock()->monotonicMs(); // lockouts are intervals
    QString cafeId = cafeIdIn;
    if (cafeId.isEmpty()) {
        const QStringList ids = m_hub.cafeIds();
        if (ids.size() != 1)
            return refused(SignInResult::Status::InvalidData,
                           QStringLiteral("cafe_id is required"));
        cafeId = ids.constFirst();
    }
    CafeDomain *cafe = m_hub.cafe(cafeId);
    if (!cafe)
        return refused(SignInResult::Status::InvalidData,
                       QStringLiteral("this hub does not serve that cafe"));
    if (!StaffDirectory::isValidCode(employeeCode) || pin.isEmpty() || pin.size() > 64)
        return refused(SignInResult::Status::InvalidData,
                       QStringLiteral("employee code and PIN are required"));
    PendingSignIn p;
    p.cafeId = cafeId;
    p.employeeCode = employeeCode;
    p.pin = pin;
    p.codeKey = QStringLiteral("code:") + cafeId + u':' + employeeCode.toLower();
    if (!addressKey.isEmpty())
        p.addressKey = QStringLiteral("addr:") + addressKey;
    if (!p.addressKey.isEmpty()) {
        if (const qint64 locked = m_throttle.lockedForMs(p.addressKey, now))
            return lockedOut(locked);
    }
    // A locked code stays open to an address that has not failed lately: whoever guesses at a
    // code does not keep its owner out, and each new address costs the guesser a failure.
    if (const qint64 locked = m_throttle.lockedForMs(p.codeKey, now)) {
        if (p.addressKey.isEmpty() || m_throttle.hasRecentFailure(p.addressKey, now))
            return lockedOut(locked);
    }
    std::optional<StaffRecord> staff;
    try {
        staff = StaffDirectory(cafe->connection()).byCode(employeeCode);
    } catch (const StorageError &e) {
        qCWarning(lcHubAuth) << "sign-in lookup failed:" << e.message();
    }
    if (staff && staff->active) {
        p.staffId = staff->id;
        p.storedHash = staff->pinHash;
    } else {
        p.storedHash = m_decoyHash;
    }
    return p;
}

SignInResult SignInService::finish(const PendingSignIn &p, bool pinMatches)
{
    const qint64 now = m_hub.clock()->monotonicMs();
    std::optional<StaffRecord> staff;
    if (pinMatches && !p.staffId.isEmpty()) {
        if (CafeDomain *cafe = m_hub.cafe(p.cafeId)) {
            try {
                staff = StaffDirectory(cafe->connection()).byId(p.staffId);
            } catch (const StorageError &e) {
                qCWarning(lcHubAuth) << "sign-in lookup failed:" << e.message();
            }
        }
    }
    if (!staff || !staff->active) {
        m_throttle.recordFailure(p.codeKey, now);
        if (!p.addressKey.isEmpty())
            m_throttle.recordFailure(p.addressKey, now);
        return refused(SignInResult::Status::InvalidCredentials,
                       QStringLiteral("invalid employee code or PIN"));
    }
    m_throttle.recordSuccess(p.codeKey);
    recordSignIn(p.cafeId, staff->id);
    return issue(HubActor{staff->id, staff->name, staff->role, p.cafeId}, staff->code, true);
}

void SignInService::recordSignIn(const QString &cafeId, const QString &staffId)
{
    // Outside any command's transaction (the hub runs those within one event-loop turn), on the
    // cafe's own connection, so the staff roster sees no outside write and announces nothing.
    CafeDomain *cafe = m_hub.cafe(cafeId);
    if (!cafe)
        return;
    try {
        StaffDirectory(cafe->connection()).recordSignIn(staffId, m_hub.clock()->nowMs());
    } catch (const StorageError &e) {
        // The sign-in itself stands; only the list's "last sign-in" is behind.
        qCWarning(lcHubAuth) << "last sign-in not stored:" << e.message();
    }
}

SignInResult SignInService::signIn(const QString &cafeId, const QString &employeeCode,
                                   const QString &pin, const QString &addressKey)
{
    auto step = prepare(cafeId, employeeCode, pin, addressKey);
    if (auto *result = std::get_if<SignInResult>(&step))
        return *result;
    const PendingSignIn &p = std::get<PendingSignIn>(step);
    return finish(p, PinHasher::verify(p.pin, p.storedHash));
}

SignInResult SignInService::refresh(const QString &refreshToken, const QString &address)
{
    const qint64 now = m_hub.clock()->monotonicMs(); // lockouts are intervals
    const QString addressKey = QStringLiteral("addr:") + address;
    if (!address.isEmpty()) {
        if (const qint64 locked = m_throttle.lockedForMs(addressKey, now))
            return refused(SignInResult::Status::RateLimited,
                           QStringLiteral("too many failed attempts"), locked);
    }
    const JsonWebToken::Verified v
        = JsonWebToken::verify(refreshToken.toUtf8(), m_hub.m_secret, m_hub.clock()->nowMs() / 1000,
                               Contract::TokenType::Refresh);
    auto fail = [&](const QString &message) {
        if (!address.isEmpty())
            m_throttle.recordFailure(addressKey, now);
        return refused(SignInResult::Status::InvalidCredentials, message);
    };
    if (!v.ok())
        return fail(v.message);
    CafeDomain *cafe = m_hub.cafe(v.claims.cafeId);
    if (!cafe)
        return fail(QStringLiteral("this hub does not serve the token's cafe"));
    std::optional<StaffRecord> staff;
    try {
        staff = StaffDirectory(cafe->connection()).byId(v.claims.userId);
    } catch (const StorageError &) {
    }
    if (!staff || !staff->active)
        return fail(QStringLiteral("the staff member no longer exists"));
    if (staff->tokenGeneration != v.claims.generation)
        return fail(QStringLiteral("the token was revoked"));
    recordSignIn(v.claims.cafeId, staff->id);
    // The new access token carries the staff member's current name and role.
    return issue(HubActor{staff->id, staff->name, staff->role, v.claims.cafeId}, staff->code,
                 false);
}

} // namespace TableTap
