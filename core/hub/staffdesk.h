// Staff rules and commands: clock in/out (one open timesheet each, hours minus break, pay),
// the monthly drink allowance, the list_timesheets snapshot, and managing staff (list_staff,
// add, details, disable/enable, role, PIN, revoking sessions, device tokens; the rules are
// StaffAdmin's).
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
    static QJsonObject listStaff(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject disableStaff(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject enableStaff(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject setStaffRole(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject setStaffPin(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject revokeStaffSessions(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject addStaff(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject updateStaff(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject mintDeviceToken(CafeContext &ctx, const PayloadReader &p);
};

} // namespace TableTap
