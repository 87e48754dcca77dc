// Timesheets as the hub answers them, and a manager's corrections: correct_timesheet (a clock-in
// or clock-out moved, a forgotten shift closed, a break added; each with a reason, the values
// before kept in timesheet_corrections), hours and pay recomputed, and the warnings list_timesheets
// carries per sheet (open over 12 hours, a missed break by the cafe's rule).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class QSqlQuery;

namespace TableTap {

class CafeContext;
class PayloadReader;

class TimesheetDesk final
{
public:
    // SELECT ... FROM timesheets t JOIN staff s, the columns sheetJson() reads; append a WHERE.
    static QString selectColumns();
    static QJsonObject sheetJson(const QSqlQuery &q);

    // Hours (hundredths, rounded half-up) and pay (cents) of a closed shift.
    struct Pay
    {
        qint64 centihours = 0;
        qint64 cents = 0;
    };
    static Pay pay(qint64 workedMs, qint64 breakMinutes, qint64 hourlyRateCents);

    // Adds `corrections` (oldest first) and `warnings` to each sheet of sheets.
    static void annotate(CafeContext &ctx, QJsonArray &sheets);

    static QJsonObject correctTimesheet(CafeContext &ctx, const PayloadReader &p);
};

} // namespace TableTap
