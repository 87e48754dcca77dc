// Cafe-wide commands.
#include "systemdesk.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubtime.h"
#include "orderdesk.h"
#include "payloadreader.h"
#include "settingrules.h"
#include "storeconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace TableTap {

// get_settings answers this many of the latest setting changes.
static constexpr int kHistoryLength = 100;

// A setting's value as stored in settings_changes: the JSON value wrapped in a one-element
// array (a bare scalar is no JSON document).
static QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

static QJsonValue jsonValue(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).array().at(0);
}

static QJsonObject counterJson(CafeContext &ctx, const QString &name, const QString &status,
                               qint64 updatedAt)
{
    QJsonArray open;
    qint64 load = 0;
    QSqlQuery q = ctx.db().exec(
        QStringLiteral(
            "SELECT id, order_number, status FROM orders WHERE counter = ? AND status IN "
            "('pending','preparing','ready') ORDER BY created_at, daily_seq"),
        {name});
    while (q.next()) {
        const QString st = q.value(2).toString();
        if (st != u"ready")
            ++load;
        open.append(QJsonObject{{QStringLiteral("order_id"), q.value(0).toString()},
                                {QStringLiteral("order_number"), q.value(1).toString()},
                                {QStringLiteral("status"), st}});
    }
    return QJsonObject{{QStringLiteral("counter_name"), name},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("load"), load},
                       {QStringLiteral("open_orders_count"), open.size()},
                       {QStringLiteral("open_orders"), open},
                       {QStringLiteral("updated_at"), HubTime::isoUtc(updatedAt)}};
}

QJsonObject SystemDesk::setCounterStatus(CafeContext &ctx, const PayloadReader &p)
{
    const QString name = p.string(QStringLiteral("counter"), 64);
    const QString status
        = p.oneOf(QStringLiteral("status"), {QStringLiteral("active"), QStringLiteral("inactive")});
    const QString reason = p.optString(QStringLiteral("reason"), 200).value_or(QString());
    StoreConnection &db = ctx.db();
    QSqlQuery q = db.exec(QStringLiteral("SELECT status FROM counters WHERE name = ?"), {name});
    if (!q.next())
        throw CommandError::notFound(QStringLiteral("counter %1 not found").arg(name),
                                     QStringLiteral("counter"));
    const QString previous = q.value(0).toString();
    if (previous == status)
        throw CommandError::conflict(QStringLiteral("counter %1 is already %2").arg(name, status),
                                     QStringLiteral("status"));

    QJsonValue reassignedTo;
    qint64 moved = 0;
    if (status == u"inactive") {
        const QString target = OrderDesk::leastLoadedCounter(ctx, name);
        if (target.isEmpty())
            throw CommandError::conflict(QStringLiteral("%1 is the last active counter").arg(name),
                                         QStringLiteral("counter"));
        QSqlQuery open = db.exec(
            QStringLiteral("SELECT id, order_number FROM orders WHERE counter = ? AND status IN "
                           "('pending','preparing','ready') ORDER BY created_at, daily_seq"),
            {name});
        QList<QPair<QString, QString>> orders;
        while (open.next())
            orders.append({open.value(0).toString(), open.value(1).toString()});
        const QString why = reason.isEmpty() ? QStringLiteral("%1 closed").arg(name)
                                             : QStringLiteral("%1 closed: %2").arg(name, reason);
        // All to the one least-loaded counter, so the event can name where they went.
        for (const auto &[id, number] : orders)
            OrderDesk::moveOrder(ctx, id, number, name, target, why);
        moved = orders.size();
        reassignedTo = target;
    }
    db.exec(QStringLiteral("UPDATE counters SET status = ?, updated_at = ? WHERE name = ?"),
            {status, ctx.now(), name});
    const qint64 activeOrders
        = status == u"active"
              ? db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE counter = ? AND status "
                                         "IN ('pending','preparing','ready')"),
                          {name})
                    .toLongLong()
              : moved;
    ctx.emitEvent(Contract::Event::CounterStatusChanged,
                  QJsonObject{{QStringLiteral("counter_name"), name},
                              {QStringLiteral("previous_status"), previous},
                              {QStringLiteral("new_status"), status},
                              {QStringLiteral("changed_by"), ctx.actorRef()},
                              {QStringLiteral("reason"), reason},
                              {QStringLiteral("active_orders_count"), activeOrders},
                              {QStringLiteral("orders_reassigned_to"), reassignedTo}});
    return counterJson(ctx, name, status, ctx.now());
}

QJsonObject SystemDesk::updateSettings(CafeContext &ctx, const PayloadReader &p)
{
    bool any = false;
    for (const QString &key : CafeSettings::keys())
        any = any || p.has(key);
    if (!any)
        throw CommandError::invalid(
            QStringLiteral("payload"),
            QStringLiteral("give at least one of: %1").arg(CafeSettings::keys().join(u", ")));
    const CafeSettings before = ctx.settings();
    CafeSettings after = before;
    const QStringList changed = after.apply(p);
    if (const auto problem = SettingRules::checkTogether(after.toJson()))
        throw CommandError::invalid(problem->field, problem->message);
    QJsonObject changes;
    for (const QString &key : changed) {
        changes.insert(key, QJsonObject{{QStringLiteral("previous"), before.value(key)},
                                        {QStringLiteral("new"), after.value(key)}});
    }
    if (!changed.isEmpty()) {
        after.save(ctx.db(), changed);
        for (const QString &key : changed)
            ctx.db().exec(QStringLiteral("INSERT INTO settings_changes(key, previous, new, by_id, "
                                         "by_name, at) VALUES (?, ?, ?, ?, ?, ?)"),
                          {key, jsonText(before.value(key)), jsonText(after.value(key)),
                           ctx.actor().userId, ctx.actor().name, ctx.now()});
        ctx.settings() = after;
        ctx.emitEvent(Contract::Event::SettingsUpdated,
                      QJsonObject{{QStringLiteral("updated_by"), ctx.actorRef()},
                                  {QStringLiteral("changes"), changes}});
    }
    return QJsonObject{{QStringLiteral("settings"), after.toJson()},
                       {QStringLiteral("changes"), changes}};
}

QJsonObject SystemDesk::getSettings(CafeContext &ctx, const PayloadReader &)
{
    const QString name
        = ctx.db()
              .scalar(QStringLiteral("SELECT value FROM cafe_meta WHERE key = 'name'"))
              .toString();
    // The latest changes first, one entry per key changed.
    QJsonArray history;
    QSqlQuery q = ctx.db().exec(
        QStringLiteral("SELECT key, previous, new, by_id, by_name, at FROM settings_changes "
                       "ORDER BY id DESC LIMIT ?"),
        {kHistoryLength});
    while (q.next()) {
        history.append(
            QJsonObject{{QStringLiteral("key"), q.value(0).toString()},
                        {QStringLiteral("previous"), jsonValue(q.value(1).toByteArray())},
                        {QStringLiteral("new"), jsonValue(q.value(2).toByteArray())},
                        {QStringLiteral("changed_by"),
                         QJsonObject{{QStringLiteral("id"), q.value(3).toString()},
                                     {QStringLiteral("name"), q.value(4).toString()}}},
                        {QStringLiteral("changed_at"), HubTime::isoUtc(q.value(5).toLongLong())}});
    }
    return QJsonObject{{QStringLiteral("cafe"), QJsonObject{{QStringLiteral("id"), ctx.cafeId()},
                                                            {QStringLiteral("name"), name}}},
                       {QStringLiteral("settings"), ctx.settings().toJson()},
                       {QStringLiteral("history"), history},
                       {QStringLiteral("business_date"), ctx.businessDate()},
                       {QStringLiteral("server_time"), HubTime::isoUtc(ctx.now())}};
}

QJsonObject SystemDesk::listCounters(CafeContext &ctx, const PayloadReader &)
{
    QJsonArray counters;
    QSqlQuery q = ctx.db().exec(
        QStringLiteral("SELECT name, status, updated_at FROM counters ORDER BY position"));
    QList<std::tuple<QString, QString, qint64>> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    for (const auto &[name, status, updated] : rows)
        counters.append(counterJson(ctx, name, status, updated));
    return QJsonObject{{QStringLiteral("counters"), counters}};
}

} // namespace TableTap
