// Staff rules and commands: clock in/out (one open timesheet each, hours minus break, pay),
// the monthly drink allowance, and the list_timesheets snapshot.
#pragma once

#include <QJsonObject>

namespace TableTap {

class CafeContext;
class PayloadReader;

class StaffDesk final
{
public:
    static QJsonObject clockIn(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject clockOut(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject recordDrink(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject listTimesheets(CafeContext &ctx, const PayloadReader &p);
};

} // namespace TableTap
