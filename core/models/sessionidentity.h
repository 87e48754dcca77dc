// Who the console is signed in as, read from the access token's claims (the hub verifies the
// token; the console only reads it to label the screen and hide what the role cannot do).
#pragma once

#include "contract.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace TableTap {

struct SessionIdentity
{
    QString userId;
    QString name;
    QString role; // employee, manager, admin
    QString cafeId;
    QDateTime expiresAt;

    bool isValid() const { return !userId.isEmpty() && !cafeId.isEmpty(); }
    bool isManager() const
    {
        const std::optional<Contract::Role> r = Contract::roleFromName(role);
        return r && *r >= Contract::Role::Manager;
    }
    // Reads the claims of a JWT (no signature check: that is the hub's job).
    static SessionIdentity fromToken(const QString &token);
};

} // namespace TableTap
