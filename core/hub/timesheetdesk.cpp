// Timesheets and their corrections.
#include "timesheetdesk.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubtime.h"
#include "moneycents.h"
#include "payloadreader.h"
#include "storeconnection.h"

#include <QDateTime>
#include <QSqlQuery>

#include <optional>

namespace TableTap {

namespace {

constexpr qint64 kOpenWarningMs = 12 * 3600000LL;
constexpr int kReasonMaxLength = 200;

QJsonValue isoOrNull(const QVariant &ms)
{
    return ms.isNull() ? QJsonValue() : QJsonValue(HubTime::isoUtc(ms.toLongLong()));
}

QJsonValue intOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong());
}

// An ISO-8601 time with its offset (Z or +01:00), or nullopt when the field is absent.
std::optional<qint64> readTime(const PayloadReader &p, const QString &key)
{
    const auto text = p.optString(key, 40);
    if (!text)
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(*text, Qt::ISODateWithMs);
    if (!t.isValid() || (t.timeSpec() != Qt::UTC && t.timeSpec() != Qt::OffsetFromUTC))
        throw CommandError::invalid(key, QStringLiteral("%1 must be an ISO-8601 time with its "
                                                        "offset, like 2024-01-31T17:30:00Z")
                                             .arg(key));
    return t.toMSecsSinceEpoch();
}

struct Sheet
{
    QString id, userId, name;
    qint64 clockIn = 0;
    QVariant clockOut, breakMinutes; // null while open
    qint64 rate = 0;
};

QJsonObject correctionJson(const QSqlQuery &q)
{
    // Columns: id, timesheet_id, user_id, previous_clock_in, previous_clock_out,
    // previous_break_minutes, new_clock_in, new_clock_out, new_break_minutes, reason, by_id,
    // by_name, by_role, at
    const QJsonObject previous{{QStringLiteral("clock_in_time"), isoOrNull(q.value(3))},
                               {QStringLiteral("clock_out_time"), isoOrNull(q.value(4))},
                               {QStringLiteral("break_duration_minutes"), intOrNull(q.value(5))}};
    const QJsonObject next{{QStringLiteral("clock_in_time"), isoOrNull(q.value(6))},
                           {QStringLiteral("clock_out_time"), isoOrNull(q.value(7))},
                           {QStringLiteral("break_duration_minutes"), intOrNull(q.value(8))}};
    QJsonArray changed;
    for (auto it = next.begin(); it != next.end(); ++it) {
        if (previous.value(it.key()) != it.value())
            changed.append(it.key());
    }
    return QJsonObject{{QStringLiteral("correction_id"), q.value(0).toString()},
                       {QStringLiteral("timesheet_id"), q.value(1).toString()},
                       {QStringLiteral("user_id"), q.value(2).toString()},
                       {QStringLiteral("previous"), previous},
                       {QStringLiteral("new"), next},
                       {QStringLiteral("changed"), changed},
                       {QStringLiteral("reason"), q.value(9).toString()},
                       {QStringLiteral("corrected_by"),
                        QJsonObject{{QStringLiteral("id"), q.value(10).toString()},
                                    {QStringLiteral("name"), q.value(11).toString()},
                                    {QStringLiteral("role"), q.value(12).toString()}}},
                       {QStringLiteral("corrected_at"), HubTime::isoUtc(q.value(13).toLongLong())}};
}

const QString kCorrectionColumns = QStringLiteral(
    "SELECT id, timesheet_id, user_id, previous_clock_in, previous_clock_out, "
    "previous_break_minutes, new_clock_in, new_clock_out, new_break_minutes, reason, by_id, "
    "by_name, by_role, at FROM timesheet_corrections ");

} // namespace

QString TimesheetDesk::selectColumns()
{
    return QStringLiteral("SELECT t.id, t.user_id, s.code, s.name, t.shift_date, t.clock_in, "
                          "t.clock_out, t.break_minutes, "
                          "t.hourly_rate_cents, t.total_centihours, t.total_pay_cents, t.notes, "
                          "t.clock_out_notes FROM timesheets t "
                          "JOIN staff s ON s.id = t.user_id ");
}

QJsonObject TimesheetDesk::sheetJson(const QSqlQuery &q)
{
    // Columns: selectColumns()
    const bool open = q.value(6).isNull();
    return QJsonObject{{QStringLiteral("timesheet_id"), q.value(0).toString()},
                       {QStringLiteral("user_id"), q.value(1).toString()},
                       {QStringLiteral("employee_id"), q.value(2).toString()},
                       {QStringLiteral("employee_name"), q.value(3).toString()},
                       {QStringLiteral("shift_date"), q.value(4).toString()},
                       {QStringLiteral("clock_in_time"), HubTime::isoUtc(q.value(5).toLongLong())},
                       {QStringLiteral("clock_out_time"),
                        open ? QJsonValue() : QJsonValue(HubTime::isoUtc(q.value(6).toLongLong()))},
                       {QStringLiteral("break_duration_minutes"),
                        open ? QJsonValue() : QJsonValue(q.value(7).toLongLong())},
                       {QStringLiteral("hourly_rate"), MoneyCents::toJson(q.value(8).toLongLong())},
                       {QStringLiteral("total_hours"),
                        open ? QJsonValue() : MoneyCents::toJson(q.value(9).toLongLong())},
                       {QStringLiteral("total_pay"),
                        open ? QJsonValue() : MoneyCents::toJson(q.value(10).toLongLong())},
                       {QStringLiteral("notes"), q.value(11).toString()},
                       {QStringLiteral("clock_out_notes"),
                        q.value(12).isNull() ? QJsonValue() : QJsonValue(q.value(12).toString())},
                       {QStringLiteral("open"), open}};
}

TimesheetDesk::Pay TimesheetDesk::pay(qint64 workedMs, qint64 breakMinutes, qint64 hourlyRateCents)
{
    // Hours rounded half-up to two decimals; pay is those hours times the rate, to the cent.
    Pay p;
    p.centihours = MoneyCents::mulDivRound(workedMs - breakMinutes * 60000, 100, 3600000);
    p.cents = MoneyCents::mulDivRound(p.centihours, hourlyRateCents, 100);
    return p;
}

void TimesheetDesk::annotate(CafeContext &ctx, QJsonArray &sheets)
{
    const CafeSettings &settings = ctx.settings();
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        QJsonObject sheet = sheets.at(i).toObject();
        QJsonArray corrections;
        QSqlQuery q = ctx.db().exec(kCorrectionColumns
                                        + QStringLiteral("WHERE timesheet_id = ? ORDER BY at, ")
                                        + ctx.db().insertionOrder(),
                                    {sheet.value(u"timesheet_id").toString()});
        while (q.next())
            corrections.append(correctionJson(q));

        QJsonArray warnings;
        const qint64 in
            = QDateTime::fromString(sheet.value(u"clock_in_time").toString(), Qt::ISODate)
                  .toMSecsSinceEpoch();
        if (sheet.value(u"open").toBool()) {
            if (ctx.now() - in > kOpenWarningMs)
                warnings.append(QStringLiteral("open_over_12h"));
        } else if (settings.breakAfterMinutes > 0) {
            const qint64 out
                = QDateTime::fromString(sheet.value(u"clock_out_time").toString(), Qt::ISODate)
                      .toMSecsSinceEpoch();
            const qint64 breakMinutes = sheet.value(u"break_duration_minutes").toInteger();
            if (out - in > qint64(settings.breakAfterMinutes) * 60000
                && breakMinutes < settings.breakMinimumMinutes)
                warnings.append(QStringLiteral("missed_break"));
        }
        sheet.insert(QStringLiteral("corrections"), corrections);
        sheet.insert(QStringLiteral("warnings"), warnings);
        sheets.replace(i, sheet);
    }
}

QJsonObject TimesheetDesk::correctTimesheet(CafeContext &ctx, const PayloadReader &p)
{
    const QString id = p.string(QStringLiteral("timesheet_id"), 64);
    const auto clockIn = readTime(p, QStringLiteral("clock_in"));
    const auto clockOut = readTime(p, QStringLiteral("clock_out"));
    const auto breakMinutes = p.optInteger(QStringLiteral("break_minutes"), 0, 24 * 60);
    if (!clockIn && !clockOut && !breakMinutes)
        throw CommandError::invalid(QStringLiteral("payload"),
                                    QStringLiteral("give at least one of: clock_in, clock_out, "
                                                   "break_minutes"));
    const QString reason = p.string(QStringLiteral("reason"), kReasonMaxLength).trimmed();

    StoreConnection &db = ctx.db();
    QSqlQuery q = db.exec(QStringLiteral("SELECT t.id, t.user_id, s.name, t.clock_in, "
                                         "t.clock_out, t.break_minutes, t.hourly_rate_cents "
                                         "FROM timesheets t JOIN staff s ON s.id = t.user_id "
                                         "WHERE t.id = ?"),
                          {id});
    if (!q.next())
        throw CommandError::notFound(QStringLiteral("timesheet %1 not found").arg(id),
                                     QStringLiteral("timesheet_id"));
    const Sheet before{q.value(0).toString(),
                       q.value(1).toString(),
                       q.value(2).toString(),
                       q.value(3).toLongLong(),
                       q.value(4),
                       q.value(5),
                       q.value(6).toLongLong()};
    const bool wasOpen = before.clockOut.isNull();

    for (const auto &[key, value] : {std::pair{QStringLiteral("clock_in"), clockIn},
                                     std::pair{QStringLiteral("clock_out"), clockOut}}) {
        if (value && *value > ctx.now())
            throw CommandError::invalid(key, QStringLiteral("%1 is in the future").arg(key));
    }
    const qint64 in = clockIn.value_or(before.clockIn);
    // Closed after the correction (clock_out given, or closed before), and when.
    const bool closed = clockOut || !wasOpen;
    const qint64 out = clockOut ? *clockOut : wasOpen ? 0 : before.clockOut.toLongLong();
    if (!closed && breakMinutes)
        throw CommandError::invalid(QStringLiteral("break_minutes"),
                                    QStringLiteral("the shift is still open: give clock_out "
                                                   "with the break, or the break is taken at "
                                                   "clock-out"));
    if (closed && out <= in)
        throw CommandError::invalid(clockOut ? QStringLiteral("clock_out")
                                             : QStringLiteral("clock_in"),
                                    clockOut ? QStringLiteral("clock_out must be after clock_in")
                                             : QStringLiteral("clock_in must be before the "
                                                              "shift's clock_out"));
    const qint64 brk = breakMinutes.value_or(
        before.breakMinutes.isNull() ? 0 : before.breakMinutes.toLongLong());
    if (closed && brk * 60000 > out - in)
        throw CommandError::invalid(QStringLiteral("break_minutes"),
                                    QStringLiteral("break_minutes is longer than the shift"));
    const bool changes = in != before.clockIn
                         || (closed && (wasOpen || out != before.clockOut.toLongLong()))
                         || (breakMinutes
                             && (before.breakMinutes.isNull()
                                 || *breakMinutes != before.breakMinutes.toLongLong()));
    if (!changes)
        throw CommandError::conflict(QStringLiteral("the correction changes nothing"),
                                     QStringLiteral("payload"));
    // No two shifts of one person at once (an open one runs until now).
    const qint64 end = closed ? out : std::numeric_limits<qint64>::max();
    QSqlQuery overlap = db.exec(
        QStringLiteral("SELECT clock_in, clock_out FROM timesheets WHERE user_id = ? AND id <> ? "
                       "AND clock_in < ? AND COALESCE(clock_out, ?) > ? ORDER BY clock_in "
                       "LIMIT 1"),
        {before.userId, id, end, ctx.now(), in});
    if (overlap.next())
        throw CommandError::conflict(
            QStringLiteral("%1 has another shift from %2 to %3")
                .arg(before.name, HubTime::isoUtc(overlap.value(0).toLongLong()),
                     overlap.value(1).isNull() ? QStringLiteral("now")
                                               : HubTime::isoUtc(overlap.value(1).toLongLong())),
            clockIn ? QStringLiteral("clock_in") : QStringLiteral("clock_out"));

    if (closed) {
        const Pay paid = pay(out - in, brk, before.rate);
        db.exec(QStringLiteral("UPDATE timesheets SET shift_date = ?, clock_in = ?, clock_out = ?, "
                               "break_minutes = ?, total_centihours = ?, total_pay_cents = ? "
                               "WHERE id = ?"),
                {ctx.businessDateAt(in), in, out, brk, paid.centihours, paid.cents, id});
    } else {
        db.exec(QStringLiteral("UPDATE timesheets SET shift_date = ?, clock_in = ? WHERE id = ?"),
                {ctx.businessDateAt(in), in, id});
    }
    const QString correctionId = CafeContext::newId();
    db.exec(QStringLiteral(
                "INSERT INTO timesheet_corrections(id, timesheet_id, user_id, previous_clock_in, "
                "previous_clock_out, previous_break_minutes, new_clock_in, new_clock_out, "
                "new_break_minutes, reason, by_id, by_name, by_role, at) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {correctionId, id, before.userId, before.clockIn, before.clockOut, before.breakMinutes,
             in, closed ? QVariant(out) : QVariant(), closed ? QVariant(brk) : QVariant(), reason,
             ctx.actor().userId, ctx.actor().name, HubActor::roleName(ctx.actor().role),
             ctx.now()});

    QSqlQuery sheetQuery = db.exec(selectColumns() + QStringLiteral("WHERE t.id = ?"), {id});
    sheetQuery.next();
    QJsonArray sheets{sheetJson(sheetQuery)};
    annotate(ctx, sheets);
    QSqlQuery correctionQuery
        = db.exec(kCorrectionColumns + QStringLiteral("WHERE id = ?"), {correctionId});
    correctionQuery.next();
    const QJsonObject data{{QStringLiteral("timesheet"), sheets.first()},
                           {QStringLiteral("correction"), correctionJson(correctionQuery)}};
    ctx.emitEvent(Contract::Event::TimesheetCorrected, data, before.userId);
    return data;
}

} // namespace TableTap
