// The claims of a hub token: sub (user id), name, role, cafe_id, iat, exp, token_type ("access"
// for sockets and devices, "refresh" to get a new access token), and gen: the staff member's
// token generation when it was signed (a revocation raises the stored one; 0 for devices).
#pragma once

#include "hubactor.h"

#include <QString>

namespace TableTap {

struct TokenClaims
{
    QString userId;
    QString name;
    HubRole role = HubRole::Employee;
    QString cafeId;
    QString tokenType;     // "access" or "refresh"
    qint64 issuedAt = 0;   // seconds since the epoch
    qint64 expiresAt = 0;  // seconds since the epoch
    QString tokenId;       // jti, random
    qint64 generation = 0; // gen; absent in tokens from before revocation existed: 0

    HubActor actor() const { return HubActor{userId, name, role, cafeId, generation}; }
};

} // namespace TableTap
