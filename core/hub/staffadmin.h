// Adding a staff member and changing them afterwards: name, hourly rate and drink allowance,
// disable, enable, a new role, a new PIN, and revoking every token they hold. One set of rules
// for the hub's commands (a manager or admin at a console, through StaffDesk) and the admin
// command line (`tabletap-hub staff ...`, through HubAdminService).
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

    // A new staff member (the PIN already hashed, PinHasher).
    struct Addition
    {
        QString code, name;
        HubRole role = HubRole::Employee;
        QString pinHash;
        qint64 hourlyRateCents = 0;
        std::optional<int> drinkAllowance; // none: the cafe's default
    };
    // What update_staff changes; an unset member stays as it is.
    struct Details
    {
        std::optional<QString> name;
        std::optional<qint64> hourlyRateCents;
        std::optional<std::optional<int>> drinkAllowance; // set to nullopt: the cafe's default
    };
    // An input out of its bounds: the wire's field name ("employee_id", "name", "hourly_rate",
    // "drink_allowance") and the rule it breaks ("must be 1 to 100 characters").
    struct Problem
    {
        QString field, rule;
    };
    static std::optional<Problem> check(const Addition &addition);
    static std::optional<Problem> check(const Details &details);

    // Inserts the new member with id and returns the row as stored. editor as for apply().
    // Throws CommandError: INVALID_DATA naming the field (check()), PERMISSION_DENIED when the
    // role is above a manager's own, CONFLICT (field employee_id) when the code is taken.
    static StaffRecord add(StoreConnection &db, const Addition &addition, const QString &id,
                           const std::optional<HubActor> &editor, qint64 nowMs);
    // Applies details to target's row. Throws CommandError: INVALID_DATA (check(), or nothing
    // given), PERMISSION_DENIED (the target above a manager's own role, or a manager's own pay
    // or allowance), CONFLICT when it would change nothing.
    static StaffRecord update(StoreConnection &db, StaffRecord target, const Details &details,
                              const std::optional<HubActor> &editor, qint64 nowMs);
    // Throws PERMISSION_DENIED unless editor may act on target's account (an admin on anyone,
    // a manager on employees and managers).
    static void checkMayManage(const HubActor &editor, const StaffRecord &target);

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
    //  updated_at, updated_by, last_sign_in_at}: what list_staff and the staff commands answer
    //  (never the PIN).
    static QJsonObject toJson(const StaffRecord &staff);
};

} // namespace TableTap
