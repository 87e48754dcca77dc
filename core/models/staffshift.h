// One staff member's day: whether they are in, hours and pay so far, drink allowance.
#pragma once

#include "money.h"

#include <QDateTime>
#include <QString>

namespace TableTap {

struct StaffShift
{
    QString userId;
    QString employeeCode;
    QString name;
    QString role;
    bool clockedIn = false;
    QString timesheetId;
    QDateTime clockInTime;
    QDateTime clockOutTime;
    double hoursToday = 0; // closed shifts today
    Cents payToday = 0;
    Cents hourlyRate = 0;
    int breakMinutes = 0;
    int drinksThisMonth = 0;
    int drinkLimit = 0;
};

} // namespace TableTap
