// One shift as list_timesheets and timesheet:corrected give it, with the hub's corrections of it
// (correct_timesheet: the values before and after, who, when, why) and its warnings.
#pragma once

#include "money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace TableTap {

struct TimesheetCorrection
{
    QString id;
    QString reason;
    QString byName;
    QString byRole;
    QDateTime at;
    QDateTime previousIn, previousOut; // previousOut invalid: the shift was open
    QDateTime newIn, newOut;
    int previousBreak = -1; // -1: none recorded (an open shift)
    int newBreak = -1;
    // Which of clock_in_time, clock_out_time, break_duration_minutes changed.
    QStringList changed;
};

struct TimesheetRow
{
    QString userId;
    QDateTime clockOutTime; // invalid while open
    double totalHours = 0;
    Cents totalPay = 0;
    // The rest is our hub's (other servers may leave it empty).
    QString timesheetId;
    QString employeeName;
    QDate shiftDate;
    QDateTime clockInTime;
    int breakMinutes = 0;
    QStringList warnings; // open_over_12h, missed_break
    QList<TimesheetCorrection> corrections;

    bool isOpen() const { return !clockOutTime.isValid(); }
};

} // namespace TableTap
