// Staff sign-in and token refresh.
#include "signinservice.h"

#include "hubclock.h"
#include "hubdomainlogging.h"
#include "hubservice.h"
#include "jsonwebtoken.h"
#include "pinhasher.h"
#include "staffdirectory.h"
#include "storageerror.h"

namespace TableTap {

QJsonObject SignInResult::toJson(qint64 nowSeconds) const
{
    if (!ok()) {
        QString type = QStringLiteral("INVALID_CREDENTIALS");
        if (status == Status::RateLimited)
            type = QStringLiteral("RATE_LIMITED");
        else if (status == Status::InvalidData)
            type = QStringLiteral("INVALID_DATA");
        QJsonObject error{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}};
        if (status == Status::RateLimited)
            error.insert(QStringLiteral("retry_after_ms"), retryAfterMs);
        return QJsonObject{{QStringLiteral("error"), error}};
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

SignInService::SignInService(HubService &hub)
    : m_hub(hub)
{}

static SignInResult refused(SignInResult::Status status, const QString &message,
                            qint64 retryAfterMs = 0)
{
    SignInResult r;
    r.status = status;
    r.message = message;
    r.retryAfterMs = retryAfterMs;
    return r;
}

SignInResult SignInService::issue(const HubActor &actor, const QString &code, bool withRefresh)
{
    SignInResult r;
    r.status = SignInResult::Status::Ok;
    r.actor = actor;
    r.employeeCode = code;
    const qint64 now = m_hub.clock()->nowMs() / 1000;
    r.accessToken = QString::fromLatin1(
        m_hub.mintToken(actor, QStringLiteral("access"), m_hub.options().accessTokenTtlSeconds));
    r.accessExpiresAt = now + m_hub.options().accessTokenTtlSeconds;
    if (withRefresh) {
        r.refreshToken = QString::fromLatin1(m_hub.mintToken(
            actor, QStringLiteral("refresh"), m_hub.options().refreshTokenTtlSeconds));
        r.refreshExpiresAt = now + m_hub.options().refreshTokenTtlSeconds;
    }
    return r;
}

SignInResult SignInService::signIn(const QString &cafeIdIn, const QString &employeeCode,
                                   const QString &pin, const QString &address)
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
    if (!StaffDirectory::isValidCode(employeeCode) || pin.isEmpty() || pin.size() > 64)
        return refused(SignInResult::Status::InvalidData,
                       QStringLiteral("employee code and PIN are required"));
    const QString codeKey = QStringLiteral("code:") + cafeId + u':' + employeeCode.toLower();
    const QString addressKey = QStringLiteral("addr:") + address;
    qint64 locked = m_throttle.lockedForMs(codeKey, now);
    if (!address.isEmpty())
        locked = qMax(locked, m_throttle.lockedForMs(addressKey, now));
    if (locked > 0)
        return refused(SignInResult::Status::RateLimited,
                       QStringLiteral("too many failed sign-ins; try again in %1 s")
                           .arg((locked + 999) / 1000),
                       locked);

    std::optional<StaffRecord> staff;
    CafeService *cafe = m_hub.cafe(cafeId);
    if (cafe) {
        try {
            staff = StaffDirectory(cafe->connection()).byCode(employeeCode);
        } catch (const StorageError &e) {
            qCWarning(lcHubAuth) << "sign-in lookup failed:" << e.message();
        }
    }
    if (m_dummyHash.isEmpty())
        m_dummyHash = PinHasher::hash(QStringLiteral("0000"), m_hub.options().pinIterations);
    const bool pinOk = PinHasher::verify(pin, staff ? staff->pinHash : m_dummyHash);
    if (!staff || !staff->active || !pinOk) {
        m_throttle.recordFailure(codeKey, now);
        if (!address.isEmpty())
            m_throttle.recordFailure(addressKey, now);
        qCInfo(lcHubAuth) << "failed sign-in for code" << employeeCode << "from" << address;
        return refused(SignInResult::Status::InvalidCredentials,
                       QStringLiteral("invalid employee code or PIN"));
    }
    m_throttle.recordSuccess(codeKey);
    return issue(HubActor{staff->id, staff->name, staff->role, cafeId}, staff->code, true);
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
                               QStringLiteral("refresh"));
    auto fail = [&](const QString &message) {
        if (!address.isEmpty())
            m_throttle.recordFailure(addressKey, now);
        return refused(SignInResult::Status::InvalidCredentials, message);
    };
    if (!v.ok())
        return fail(v.message);
    CafeService *cafe = m_hub.cafe(v.claims.cafeId);
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
    // The new access token carries the staff member's current name and role.
    return issue(HubActor{staff->id, staff->name, staff->role, v.claims.cafeId}, staff->code,
                 false);
}

} // namespace TableTap
