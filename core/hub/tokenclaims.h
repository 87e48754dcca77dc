// The claims of a hub token: sub (user id), name, role, cafe_id, iat, exp, and token_type
// ("access" for sockets and devices, "refresh" to get a new access token).
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
    QString tokenType;    // "access" or "refresh"
    qint64 issuedAt = 0;  // seconds since the epoch
    qint64 expiresAt = 0; // seconds since the epoch
    QString tokenId;      // jti, random

    HubActor actor() const { return HubActor{userId, name, role, cafeId}; }
};

} // namespace TableTap
