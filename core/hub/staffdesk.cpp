// Staff rules and commands.
#include "staffdesk.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubtime.h"
#include "inventorydesk.h"
#include "moneycents.h"
#include "payloadreader.h"
#include "pinhasher.h"
#include "staffadmin.h"
#include "staffdirectory.h"
#include "storeconnection.h"
#include "timesheetdesk.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace TableTap {

static StaffRecord requireSelf(CafeContext &ctx)
{
    StaffDirectory staff(ctx.db());
    auto me = staff.byId(ctx.actor().userId);
    if (!me || !me->active)
        throw CommandError::notFound(
            QStringLiteral("user %1 has no staff record in this cafe (device tokens "
                           "cannot clock in or record drinks)")
                .arg(ctx.actor().userId));
    return *me;
}

static int allowanceOf(CafeContext &ctx, const StaffRecord &s)
{
    return s.drinkAllowance.value_or(ctx.settings().drinkAllowanceDefault);
}

static qint64 drinksThisMonth(CafeContext &ctx, const QString &userId)
{
    return ctx.db()
        .scalar(
            QStringLiteral(
                "SELECT COALESCE(SUM(quantity), 0) FROM drinks WHERE user_id = ? AND month = ?"),
            {userId, ctx.businessMonth()})
        .toLongLong();
}

QJsonObject StaffDesk::clockIn(CafeContext &ctx, const PayloadReader &p)
{
    const QString notes = p.optString(QStringLiteral("notes"), 200).value_or(QString());
    const StaffRecord me = requireSelf(ctx);
    StoreConnection &db = ctx.db();
    if (db.scalar(QStringLiteral(
                      "SELECT COUNT(*) FROM timesheets WHERE user_id = ? AND clock_out IS NULL"),
                  {me.id})
            .toInt()
        > 0)
        throw CommandError::conflict(QStringLiteral("%1 is already clocked in").arg(me.name));
    const QString id = CafeContext::newId();
    const QString shiftDate = ctx.businessDate();
    db.exec(QStringLiteral("INSERT INTO timesheets(id, user_id, shift_date, clock_in, "
                           "hourly_rate_cents, notes) VALUES "
                           "(?, ?, ?, ?, ?, ?)"),
            {id, me.id, shiftDate, ctx.now(), me.hourlyRateCents, notes});
    const QJsonObject data{{QStringLiteral("user_id"), me.id},
                           {QStringLiteral("employee_id"), me.code},
                           {QStringLiteral("employee_name"), me.name},
                           {QStringLiteral("timesheet_id"), id},
                           {QStringLiteral("clock_in_time"), HubTime::isoUtc(ctx.now())},
                           {QStringLiteral("shift_date"), shiftDate},
                           {QStringLiteral("notes"), notes}};
    ctx.emitEvent(Contract::Event::ClockedIn, data, me.id);
    return data;
}

QJsonObject StaffDesk::clockOut(CafeContext &ctx, const PayloadReader &p)
{
    const qint64 breakMinutes
        = p.optInteger(QStringLiteral("break_minutes"), 0, 24 * 60).value_or(0);
    const auto notes = p.optString(QStringLiteral("notes"), 200);
    const StaffRecord me = requireSelf(ctx);
    StoreConnection &db = ctx.db();
    QSqlQuery q = db.exec(
        QStringLiteral(
            "SELECT id, clock_in, hourly_rate_cents FROM timesheets WHERE user_id = ? AND "
            "clock_out IS NULL"),
        {me.id});
    if (!q.next())
        throw CommandError::conflict(QStringLiteral("%1 is not clocked in").arg(me.name));
    const QString id = q.value(0).toString();
    const qint64 workedMs = ctx.now() - q.value(1).toLongLong();
    const qint64 rate = q.value(2).toLongLong();
    if (breakMinutes * 60000 > workedMs)
        throw CommandError::invalid(QStringLiteral("break_minutes"),
                                    QStringLiteral("break_minutes is longer than the shift"));
    const auto [centihours, pay] = TimesheetDesk::pay(workedMs, breakMinutes, rate);
    db.exec(QStringLiteral(
                "UPDATE timesheets SET clock_out = ?, break_minutes = ?, total_centihours = ?, "
                "total_pay_cents = ?, clock_out_notes = ? WHERE id = ?"),
            {ctx.now(), breakMinutes, centihours, pay, notes ? QVariant(*notes) : QVariant(), id});
    const QJsonObject data{{QStringLiteral("user_id"), me.id},
                           {QStringLiteral("employee_id"), me.code},
                           {QStringLiteral("employee_name"), me.name},
                           {QStringLiteral("timesheet_id"), id},
                           {QStringLiteral("clock_out_time"), HubTime::isoUtc(ctx.now())},
                           {QStringLiteral("total_hours"), MoneyCents::toJson(centihours)},
                           {QStringLiteral("hourly_rate"), MoneyCents::toJson(rate)},
                           {QStringLiteral("total_pay"), MoneyCents::toJson(pay)},
                           {QStringLiteral("break_duration_minutes"), breakMinutes}};
    ctx.emitEvent(Contract::Event::ClockedOut, data, me.id);
    return data;
}

QJsonObject StaffDesk::recordDrink(CafeContext &ctx, const PayloadReader &p)
{
    const QString productId = p.string(QStringLiteral("product_id"), 64);
    const qint64 quantity = p.optInteger(QStringLiteral("quantity"), 1, 10).value_or(1);
    const auto orderId = p.optString(QStringLiteral("order_id"), 64);
    const StaffRecord me = requireSelf(ctx);
    StoreConnection &db = ctx.db();
    QSqlQuery pq = db.exec(
        QStringLiteral("SELECT name, auto_disabled FROM products WHERE id = ? AND retired = 0"),
        {productId});
    if (!pq.next())
        throw CommandError::notFound(QStringLiteral("product %1 is not on the menu").arg(productId),
                                     QStringLiteral("product_id"));
    const QString productName = pq.value(0).toString();
    const QString drinkId = CafeContext::newId();
    if (orderId && !orderId->isEmpty()) {
        if (db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ?"), {*orderId})
                .toInt()
            == 0)
            throw CommandError::notFound(QStringLiteral("order %1 not found").arg(*orderId),
                                         QStringLiteral("order_id"));
    } else {
        // A drink made outside an order still uses its ingredients.
        if (pq.value(1).toBool())
            throw CommandError::conflict(
                QStringLiteral("%1 is unavailable (out of stock)").arg(productName),
                QStringLiteral("product_id"));
        QHash<QString, qint64> needs;
        QSqlQuery rq = db.exec(
            QStringLiteral("SELECT item_id, quantity FROM recipe_lines WHERE product_id = ?"),
            {productId});
        while (rq.next())
            needs[rq.value(0).toString()] += rq.value(1).toLongLong() * quantity;
        InventoryDesk::checkAvailable(ctx, needs, QStringLiteral("product_id"));
        InventoryDesk::consume(ctx, needs, {QStringLiteral("drink"), drinkId});
    }
    const int limit = allowanceOf(ctx, me);
    const qint64 monthly = drinksThisMonth(ctx, me.id) + quantity;
    const bool counted = monthly <= limit;
    db.exec(QStringLiteral("INSERT INTO drinks(id, user_id, product_id, product_name, quantity, "
                           "order_id, month, counted, "
                           "at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {drinkId, me.id, productId, productName, quantity,
             orderId && !orderId->isEmpty() ? QVariant(*orderId) : QVariant(), ctx.businessMonth(),
             counted ? 1 : 0, ctx.now()});
    const QJsonObject data{
        {QStringLiteral("user_id"), me.id},
        {QStringLiteral("employee_name"), me.name},
        {QStringLiteral("product_name"), productName},
        {QStringLiteral("quantity"), quantity},
        {QStringLiteral("order_id"),
         orderId && !orderId->isEmpty() ? QJsonValue(*orderId) : QJsonValue()},
        {QStringLiteral("counted_against_allowance"), counted},
        {QStringLiteral("monthly_count"), monthly},
        {QStringLiteral("monthly_limit"), limit},
        {QStringLiteral("remaining_allowance"), qMax<qint64>(0, limit - monthly)}};
    ctx.emitEvent(Contract::Event::DrinkConsumed, data, me.id);
    return data;
}

QJsonObject StaffDesk::listTimesheets(CafeContext &ctx, const PayloadReader &p)
{
    const bool manager = ctx.actor().atLeast(HubRole::Manager);
    auto userId = p.optString(QStringLiteral("user_id"), 64);
    if (!manager) {
        if (userId && *userId != ctx.actor().userId)
            throw CommandError::denied(
                QStringLiteral("employees can only see their own timesheets"));
        userId = ctx.actor().userId;
    }
    const QDate today = QDate::fromString(ctx.businessDate(), Qt::ISODate);
    auto readDate = [&](const QString &key, QDate fallback) {
        const auto s = p.optString(key, 10);
        if (!s)
            return fallback;
        const QDate d = QDate::fromString(*s, Qt::ISODate);
        if (!d.isValid())
            throw CommandError::invalid(
                key, QStringLiteral("%1 must be a date like 2024-01-31").arg(key));
        return d;
    };
    const QDate from = readDate(QStringLiteral("from"), today.addDays(-13));
    const QDate to = readDate(QStringLiteral("to"), today);
    if (from > to || from.daysTo(to) > 366)
        throw CommandError::invalid(QStringLiteral("from"),
                                    QStringLiteral("from must be before to, at most a year apart"));

    QJsonArray sheets;
    QSqlQuery q
        = userId ? ctx.db().exec(
              TimesheetDesk::selectColumns()
                  + QStringLiteral("WHERE t.shift_date BETWEEN ? AND ? AND t.user_id = ? "
                                   "ORDER BY t.clock_in"),
              {from.toString(Qt::ISODate), to.toString(Qt::ISODate), *userId})
                 : ctx.db().exec(
                     TimesheetDesk::selectColumns()
                         + QStringLiteral("WHERE t.shift_date BETWEEN ? AND ? ORDER BY t.clock_in"),
                     {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    while (q.next())
        sheets.append(TimesheetDesk::sheetJson(q));
    TimesheetDesk::annotate(ctx, sheets);

    QJsonArray staffJson;
    StaffDirectory dir(ctx.db());
    for (const StaffRecord &s : dir.list()) {
        if (userId && s.id != *userId)
            continue;
        QSqlQuery open = ctx.db().exec(
            QStringLiteral("SELECT id, clock_in FROM timesheets WHERE user_id = ? AND "
                           "clock_out IS NULL"),
            {s.id});
        const bool in = open.next();
        const int limit = allowanceOf(ctx, s);
        const qint64 drinks = drinksThisMonth(ctx, s.id);
        staffJson.append(QJsonObject{
            {QStringLiteral("user_id"), s.id},
            {QStringLiteral("employee_id"), s.code},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("role"), HubActor::roleName(s.role)},
            {QStringLiteral("active"), s.active},
            {QStringLiteral("hourly_rate"), MoneyCents::toJson(s.hourlyRateCents)},
            {QStringLiteral("clocked_in"), in},
            {QStringLiteral("open_timesheet_id"),
             in ? QJsonValue(open.value(0).toString()) : QJsonValue()},
            {QStringLiteral("clock_in_time"),
             in ? QJsonValue(HubTime::isoUtc(open.value(1).toLongLong())) : QJsonValue()},
            {QStringLiteral("monthly_count"), drinks},
            {QStringLiteral("monthly_limit"), limit},
            {QStringLiteral("remaining_allowance"), qMax<qint64>(0, limit - drinks)}});
    }
    return QJsonObject{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), to.toString(Qt::ISODate)},
                       {QStringLiteral("timesheets"), sheets},
                       {QStringLiteral("staff"), staffJson}};
}

QJsonObject StaffDesk::listStaff(CafeContext &ctx, const PayloadReader &)
{
    QJsonArray staff;
    for (const StaffRecord &s : StaffDirectory(ctx.db()).list())
        staff.append(StaffAdmin::toJson(s));
    return QJsonObject{{QStringLiteral("staff"), staff}};
}

// The staff member a management command is about: by user_id or by employee_id (the code).
static StaffRecord requireTarget(CafeContext &ctx, const PayloadReader &p)
{
    const auto userId = p.optString(QStringLiteral("user_id"), 64);
    const auto code = p.optString(QStringLiteral("employee_id"), 32);
    if (userId.has_value() == code.has_value())
        throw CommandError::invalid(QStringLiteral("user_id"),
                                    QStringLiteral("give either user_id or employee_id"));
    StaffDirectory dir(ctx.db());
    const auto staff = userId ? dir.byId(*userId) : dir.byCode(*code);
    if (!staff)
        throw CommandError::notFound(
            QStringLiteral("no staff member %1 in this cafe").arg(userId ? *userId : *code),
            userId ? QStringLiteral("user_id") : QStringLiteral("employee_id"));
    return *staff;
}

static QJsonObject change(CafeContext &ctx, const PayloadReader &p, const StaffAdmin::Edit &edit)
{
    const StaffRecord target = requireTarget(ctx, p);
    return QJsonObject{
        {QStringLiteral("staff"),
         StaffAdmin::toJson(StaffAdmin::apply(ctx.db(), target, edit, ctx.actor(), ctx.now()))}};
}

QJsonObject StaffDesk::disableStaff(CafeContext &ctx, const PayloadReader &p)
{
    return change(ctx, p, StaffAdmin::Edit(StaffAdmin::Action::Disable));
}

QJsonObject StaffDesk::enableStaff(CafeContext &ctx, const PayloadReader &p)
{
    return change(ctx, p, StaffAdmin::Edit(StaffAdmin::Action::Enable));
}

static HubRole roleOf(const PayloadReader &p)
{
    QStringList roles;
    for (const HubRole r : Contract::kRoles)
        roles.append(Contract::name(r));
    return *HubActor::parseRole(p.oneOf(QStringLiteral("role"), roles));
}

QJsonObject StaffDesk::setStaffRole(CafeContext &ctx, const PayloadReader &p)
{
    return change(ctx, p, StaffAdmin::Edit(StaffAdmin::Action::SetRole, roleOf(p)));
}

// The payload's pin, checked and hashed.
static QString pinHashOf(CafeContext &ctx, const PayloadReader &p)
{
    const QString pin = p.string(QStringLiteral("pin"), 12);
    if (!PinHasher::isValidPin(pin))
        throw CommandError::invalid(QStringLiteral("pin"),
                                    QStringLiteral("pin must be 4 to 12 digits"));
    // HubDomain::submit hashes off the event loop and hands the result over; a direct
    // execute() (tests, tools) hashes here.
    QString hash = ctx.preparedPinHash();
    if (hash.isEmpty())
        hash = PinHasher::hash(pin, ctx.options().pinIterations);
    return hash;
}

QJsonObject StaffDesk::setStaffPin(CafeContext &ctx, const PayloadReader &p)
{
    return change(
        ctx, p, StaffAdmin::Edit(StaffAdmin::Action::SetPin, HubRole::Employee, pinHashOf(ctx, p)));
}

QJsonObject StaffDesk::revokeStaffSessions(CafeContext &ctx, const PayloadReader &p)
{
    return change(ctx, p, StaffAdmin::Edit(StaffAdmin::Action::Revoke));
}

// drink_allowance: absent (nullopt), null (the cafe's default) or a number.
static std::optional<std::optional<int>> allowanceIn(const PayloadReader &p)
{
    const QString key = QStringLiteral("drink_allowance");
    if (!p.json().contains(key))
        return std::nullopt;
    if (p.json().value(key).isNull())
        return std::optional<int>();
    return std::optional<int>(int(p.integer(key, 0, 1000)));
}

QJsonObject StaffDesk::addStaff(CafeContext &ctx, const PayloadReader &p)
{
    StaffAdmin::Addition a;
    a.code = p.string(QStringLiteral("employee_id"), 32);
    a.name = p.string(QStringLiteral("name"), 100);
    a.role = roleOf(p);
    a.hourlyRateCents = p.money(QStringLiteral("hourly_rate"), 100000);
    a.drinkAllowance = allowanceIn(p).value_or(std::nullopt);
    a.pinHash = pinHashOf(ctx, p);
    const QString id = CafeContext::newId();
    const StaffRecord added = StaffAdmin::add(ctx.db(), a, id, ctx.actor(), ctx.now());
    // A user id belongs to one cafe: the registry has to know this one is ours.
    ctx.claimUser(id);
    return QJsonObject{{QStringLiteral("staff"), StaffAdmin::toJson(added)}};
}

QJsonObject StaffDesk::updateStaff(CafeContext &ctx, const PayloadReader &p)
{
    StaffAdmin::Details d;
    d.name = p.optString(QStringLiteral("name"), 100);
    d.hourlyRateCents = p.optMoney(QStringLiteral("hourly_rate"), 100000);
    d.drinkAllowance = allowanceIn(p);
    const StaffRecord target = requireTarget(ctx, p);
    return QJsonObject{
        {QStringLiteral("staff"),
         StaffAdmin::toJson(StaffAdmin::update(ctx.db(), target, d, ctx.actor(), ctx.now()))}};
}

QJsonObject StaffDesk::mintDeviceToken(CafeContext &ctx, const PayloadReader &p)
{
    const qint64 ttlDays = p.optInteger(QStringLiteral("ttl_days"), 1, 365).value_or(30);
    const QString label = p.optString(QStringLiteral("label"), 64).value_or(QString()).trimmed();
    const StaffRecord target = requireTarget(ctx, p);
    StaffAdmin::checkMayManage(ctx.actor(), target);
    if (!target.active)
        throw CommandError::conflict(
            QStringLiteral("%1 (%2) is disabled").arg(target.code, target.name));
    // The token `tabletap-hub token` mints for a staff member: their id, role and token
    // generation (so revoke_staff_sessions ends it); the label names the device in the name
    // claim, which is what events say did something.
    const QString name
        = label.isEmpty() ? target.name : QStringLiteral("%1 (%2)").arg(target.name, label);
    const TokenClaims claims = TokenClaims::issued(
        HubActor{target.id, name, target.role, ctx.cafeId(), target.tokenGeneration},
        Contract::TokenType::Access, ctx.now() / 1000, ttlDays * 24 * 3600);
    return QJsonObject{
        {QStringLiteral("token"), QString::fromLatin1(ctx.signToken(claims))},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_at"), HubTime::isoUtc(claims.expiresAt * 1000)},
        {QStringLiteral("user_id"), target.id},
        {QStringLiteral("employee_id"), target.code},
        {QStringLiteral("name"), name},
        {QStringLiteral("role"), HubActor::roleName(target.role)},
        {QStringLiteral("label"), label.isEmpty() ? QJsonValue() : QJsonValue(label)}};
}

} // namespace TableTap
