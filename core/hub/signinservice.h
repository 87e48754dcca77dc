// Staff sign-in: employee code + PIN -> a short-lived access token and a longer refresh token;
// refresh token -> a new access token (with the staff member's current name and role). Failed
// attempts are throttled per code and per client address key (LoginThrottle); a code locked by
// failures elsewhere stays open to an address that never failed, so guessing at someone's code
// cannot lock that person out. Transport-free: the HTTP endpoint calls these and maps the
// status to a response (and logs the failures a client can cause at will, a few lines per
// window). The PIN check (PBKDF2, slow on purpose) is a step of its own
// (prepare, verify anywhere, finish), so the hub can run it off its event loop.
#pragma once

#include "hubactor.h"
#include "loginthrottle.h"

#include <QJsonObject>
#include <QString>

#include <variant>

namespace TableTap {

class HubDomain;

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

// A sign-in that passed every cheap check and waits for its PIN to be compared with the stored
// hash: PinHasher::verify(pin, storedHash), on any thread, then SignInService::finish.
struct PendingSignIn
{
    QString cafeId;
    QString employeeCode; // as typed
    QString pin;
    QString storedHash; // the staff member's, or a decoy of equal cost for an unknown code
    QString staffId;    // empty when no active staff member has the code
    QString codeKey;
    QString addressKey;
};

class SignInService final
{
public:
    explicit SignInService(HubDomain &hub);
    ~SignInService();

    // cafeId may be empty when the hub serves exactly one cafe. addressKey identifies the client
    // (ClientAddress::key); empty for callers without one (then a locked code stays locked).
    // Everything but the PIN check: input, cafe, lockouts, the staff lookup. Either a refusal
    // now, or the check to run.
    std::variant<SignInResult, PendingSignIn> prepare(const QString &cafeId,
                                                      const QString &employeeCode,
                                                      const QString &pin,
                                                      const QString &addressKey);
    // Records the outcome with the throttle and issues the tokens (after looking the staff
    // member up again: they may have been deactivated while the PIN was checked).
    SignInResult finish(const PendingSignIn &pending, bool pinMatches);
    // prepare, verify and finish on the calling thread (tools and tests).
    SignInResult signIn(const QString &cafeId, const QString &employeeCode, const QString &pin,
                        const QString &addressKey);
    SignInResult refresh(const QString &refreshToken, const QString &addressKey);

    LoginThrottle &throttle() { return m_throttle; }

private:
    SignInResult issue(const HubActor &actor, const QString &code, bool withRefresh);
    // Stores when the staff member last signed in or refreshed (the staff list shows it).
    void recordSignIn(const QString &cafeId, const QString &staffId);
    HubDomain &m_hub;
    LoginThrottle m_throttle;
    // Verified against for unknown codes, so both paths cost the same.
    QString m_decoyHash;
};

} // namespace TableTap
