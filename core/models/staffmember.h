// One staff member as the Staff view lists them (list_staff, staff:updated): never a PIN.
#pragma once

#include "money.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace TableTap {

struct StaffMember
{
    QString userId;
    QString employeeCode;
    QString name;
    QString role; // "employee", "manager", "admin"
    bool active = true;
    Cents hourlyRate = 0;
    std::optional<int> drinkAllowance; // none: the cafe's default
    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedByName;
    QDateTime lastSignInAt; // invalid: never
};

} // namespace TableTap
