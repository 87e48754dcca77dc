// Changes to a staff member after they were added: disable, enable, a new role, a new PIN, and
// revoking every token they hold. One set of rules for the hub's commands (a manager or admin at
// a console, through StaffDesk) and the admin command line (`tabletap-hub staff ...`).
#pragma once

#include "hubactor.h"
#include "staffdirectory.h"

#include <QJsonObject>

#include <optional>

namespace TableTap {

class StaffAdmin final
{
public:
    enum class Action { Disable, Enable, SetRole, SetPin, Revoke };
    struct Edit
    {
        Edit() = default;
        explicit Edit(Action a, HubRole r = HubRole::Employee, QString hash = {})
            : action(a)
            , role(r)
            , pinHash(std::move(hash))
        {}
        Action action = Action::Revoke;
        HubRole role = HubRole::Employee; // SetRole
        QString pinHash;                  // SetPin, already hashed (PinHasher)
    };

    // Applies the edit to target's row and returns the row as stored. editor is who asks;
    // nullopt for the admin command line (the operator of the machine may do everything).
    // Disabling, a new PIN and Revoke raise the token generation, so every token signed before
    // is refused; enabling does not lower it (old tokens stay dead); a new role keeps it (the
    // hub refuses tokens whose role is no longer the person's, and refreshing gives a new one).
    // Throws CommandError: PERMISSION_DENIED when the target's role or the granted role is above
    // a manager's own, CONFLICT when it would change nothing or an editor's own role or access.
    static StaffRecord apply(StoreConnection &db, StaffRecord target, const Edit &edit,
                             const std::optional<HubActor> &editor, qint64 nowMs);

    // {user_id, employee_id, name, role, active, hourly_rate, drink_allowance, created_at,
    //  updated_at, updated_by}: what list_staff and the staff commands answer (never the PIN).
    static QJsonObject toJson(const StaffRecord &staff);
};

} // namespace TableTap
