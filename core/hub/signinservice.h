// Staff sign-in: employee code + PIN -> a short-lived access token and a longer refresh token;
// refresh token -> a new access token (with the staff member's current name and role). Failed
// attempts are throttled per code and per client address (LoginThrottle). Transport-free: the
// HTTP endpoint calls these and maps the status to a response.
#pragma once

#include "hubactor.h"
#include "loginthrottle.h"

#include <QJsonObject>
#include <QString>

namespace TableTap {

class HubService;

struct SignInResult
{
    enum class Status { Ok, InvalidCredentials, RateLimited, InvalidData };
    Status status = Status::InvalidCredentials;
    QString message;
    QString accessToken;
    QString refreshToken;
    qint64 accessExpiresAt = 0;  // seconds since the epoch
    qint64 refreshExpiresAt = 0; // seconds since the epoch (0 for a refresh answer)
    qint64 retryAfterMs = 0;     // with RateLimited
    HubActor actor;
    QString employeeCode;

    bool ok() const { return status == Status::Ok; }
    // {access_token, refresh_token?, token_type, expires_in, user:{...}} or
    // {error:{type, message, retry_after_ms?}} with type INVALID_CREDENTIALS, RATE_LIMITED or
    // INVALID_DATA.
    QJsonObject toJson(qint64 nowSeconds) const;
};

class SignInService final
{
public:
    explicit SignInService(HubService &hub);

    // cafeId may be empty when the hub serves exactly one cafe.
    SignInResult signIn(const QString &cafeId, const QString &employeeCode, const QString &pin,
                        const QString &address);
    SignInResult refresh(const QString &refreshToken, const QString &address);

    LoginThrottle &throttle() { return m_throttle; }

private:
    SignInResult issue(const HubActor &actor, const QString &code, bool withRefresh);
    HubService &m_hub;
    LoginThrottle m_throttle;
    QString m_dummyHash; // verified against for unknown codes, so both paths cost the same
};

} // namespace TableTap
