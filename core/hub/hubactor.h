// Who is acting: the verified claims of a token (never the handshake query). Roles are ordered
// employee < manager < admin; an admin can do all a manager can.
#pragma once

#include "contract.h"

#include <QString>

#include <optional>

namespace TableTap {

using HubRole = Contract::Role;

struct HubActor
{
    QString userId;
    QString name;
    HubRole role = HubRole::Employee;
    QString cafeId;
    // The token generation the actor's token carries; a staff member whose stored generation
    // moved on (revoked, disabled, new PIN) no longer acts with it.
    qint64 tokenGeneration = 0;

    bool atLeast(HubRole r) const { return static_cast<int>(role) >= static_cast<int>(r); }

    static QString roleName(HubRole role) { return Contract::name(role); }
    static std::optional<HubRole> parseRole(const QString &name)
    {
        return Contract::roleFromName(name);
    }
};

} // namespace TableTap
