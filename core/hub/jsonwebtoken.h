// JWT with HS256 only: the hub signs and verifies its own tokens. The header's alg must be
// exactly "HS256" ("none", HS512, RS256... are refused), the signature is compared in constant
// time, base64url must be canonical, exp/iat/sub/role/cafe_id/token_type are all required; gen
// (the staff member's token generation) is optional and 0 when absent.
#pragma once

#include "tokenclaims.h"

#include <QByteArray>
#include <QString>

namespace TableTap {

class JsonWebToken final
{
public:
    enum class Error {
        None,
        Malformed,
        UnsupportedAlgorithm,
        BadSignature,
        Expired,
        NotYetValid,
        WrongTokenType,
        BadClaims,
        // Set by HubDomain, not by verify(): a well-signed token this hub still refuses.
        CafeNotServed, // its cafe is not served here, or its user id belongs to another cafe
        QueryMismatch, // the handshake query's cafe_id or user_role disagrees with it
        Revoked,       // older than the staff member's token generation (revoked, new PIN)
        StaffDisabled, // the staff member is disabled
        RoleChanged    // the staff member's role is no longer the token's (refresh it)
    };

    struct Verified
    {
        Error error = Error::Malformed;
        QString message;
        TokenClaims claims;
        bool ok() const { return error == Error::None; }
    };

    static QByteArray sign(const TokenClaims &claims, const QByteArray &secret);
    // nowSeconds: the hub clock. expectedType: "access" or "refresh".
    static Verified verify(const QByteArray &token, const QByteArray &secret, qint64 nowSeconds,
                           const QString &expectedType);
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
};

} // namespace TableTap
