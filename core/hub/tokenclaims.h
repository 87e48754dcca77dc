// The claims of a hub token: sub (user id), name, role, cafe_id, iat, exp, token_type ("access"
// for sockets and devices, "refresh" to get a new access token), and gen: the staff member's
// token generation when it was signed (a revocation raises the stored one; 0 for devices).
#pragma once

#include "hubactor.h"

#include <QRandomGenerator>
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

    // The claims of a new token for actor (its generation included), valid from nowSeconds for
    // ttlSeconds, with a random token id: what every token the hub signs starts from (sign-in,
    // `tabletap-hub token` and board-token, mint_device_token).
    static TokenClaims issued(const HubActor &actor, const QString &tokenType, qint64 nowSeconds,
                              qint64 ttlSeconds)
    {
        TokenClaims c;
        c.userId = actor.userId;
        c.name = actor.name;
        c.role = actor.role;
        c.cafeId = actor.cafeId;
        c.tokenType = tokenType;
        c.issuedAt = nowSeconds;
        c.expiresAt = nowSeconds + ttlSeconds;
        c.tokenId = QString::number(QRandomGenerator::system()->generate64(), 36);
        c.generation = actor.tokenGeneration;
        return c;
    }
};

} // namespace TableTap
