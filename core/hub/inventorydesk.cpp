// Inventory rules and commands.
#include "inventorydesk.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubtime.h"
#include "payloadreader.h"
#include "stockthrottle.h"
#include "storeconnection.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace TableTap {

static constexpr qint64 kMaxStockChange = 1000000000;

namespace {
struct Item
{
    QString id, sku, name, unit;
    qint64 stock = 0, reorderLevel = 0, maxStock = 0, lastRestocked = 0;
    QString alertPriority;
};

std::optional<Item> loadItem(StoreConnection &db, const QString &where, const QVariant &key)
{
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT id, sku, name, unit, stock, reorder_level, max_stock, "
                                 "last_restocked, alert_priority FROM inventory_items WHERE ")
                      + where,
                  {key});
    if (!q.next())
        return std::nullopt;
    return Item{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                q.value(3).toString(),   q.value(4).toLongLong(), q.value(5).toLongLong(),
                q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toString()};
}
// The item's standing alert (not cleared), if any.
struct Alert
{
    QString id, itemId, priority;
    qint64 raisedAt = 0, acknowledgedAt = 0;
    QString acknowledgedById, acknowledgedByName;
    bool acknowledged() const { return acknowledgedAt > 0; }
};

std::optional<Alert> readAlert(QSqlQuery &q)
{
    if (!q.next())
        return std::nullopt;
    return Alert{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                 q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toString(),
                 q.value(6).toString()};
}

constexpr auto kAlertColumns = "SELECT id, item_id, priority, raised_at, acknowledged_at, "
                               "acknowledged_by_id, acknowledged_by_name FROM stock_alerts ";

std::optional<Alert> openAlert(StoreConnection &db, const QString &itemId)
{
    QSqlQuery q = db.exec(QLatin1String(kAlertColumns)
                              + QStringLiteral("WHERE item_id = ? AND cleared_at IS NULL ORDER BY "
                                               "raised_at DESC LIMIT 1"),
                          {itemId});
    return readAlert(q);
}

void clearAlerts(StoreConnection &db, const QString &itemId, qint64 now)
{
    db.exec(QStringLiteral(
                "UPDATE stock_alerts SET cleared_at = ? WHERE item_id = ? AND cleared_at IS NULL"),
            {now, itemId});
}

// A new alert for the item replaces the standing one: it asks every console for attention again.
void raiseAlert(StoreConnection &db, const QString &itemId, const QString &priority, qint64 now)
{
    clearAlerts(db, itemId, now);
    const QString id = CafeContext::newId();
    db.exec(QStringLiteral(
                "INSERT INTO stock_alerts(id, item_id, priority, raised_at) VALUES (?, ?, ?, ?)"),
            {id, itemId, priority, now});
}

void emitLowStock(CafeContext &ctx, const Item &item, const QString &priority)
{
    ctx.emitEvent(
        Contract::Event::LowStock,
        QJsonObject{{QStringLiteral("product_id"), item.id},
                    {QStringLiteral("product_name"), item.name},
                    {QStringLiteral("sku"), item.sku},
                    {QStringLiteral("current_stock"), item.stock},
                    {QStringLiteral("reorder_level"), item.reorderLevel},
                    {QStringLiteral("max_stock"), item.maxStock},
                    {QStringLiteral("suggested_order_quantity"),
                     qMax<qint64>(0, item.maxStock - item.stock)},
                    {QStringLiteral("last_restocked"), HubTime::isoUtc(item.lastRestocked)},
                    {QStringLiteral("priority"), priority}});
}

QJsonObject acknowledgedBy(const Alert &a)
{
    return QJsonObject{{QStringLiteral("id"), a.acknowledgedById},
                       {QStringLiteral("name"), a.acknowledgedByName}};
}
} // namespace

QString InventoryDesk::priorityFor(qint64 stock, qint64 reorderLevel)
{
    // Fractions of the reorder level: <= 10 % critical, <= 40 % high, <= 80 % medium, else low.
    if (stock * 10 <= reorderLevel)
        return QStringLiteral("critical");
    if (stock * 10 <= reorderLevel * 4)
        return QStringLiteral("high");
    if (stock * 10 <= reorderLevel * 8)
        return QStringLiteral("medium");
    return QStringLiteral("low");
}

int InventoryDesk::priorityRank(const QString &priority)
{
    if (priority == u"low")
        return 1;
    if (priority == u"medium")
        return 2;
    if (priority == u"high")
        return 3;
    if (priority == u"critical")
        return 4;
    return 0;
}

InventoryDesk::Author InventoryDesk::systemAuthor()
{
    return {QStringLiteral("system"), QStringLiteral("System"), QStringLiteral("automatic")};
}

void InventoryDesk::applyChange(CafeContext &ctx, const QString &itemId, qint64 delta,
                                const QString &changeType, const Reference &reference,
                                const Author &author, const QString &notes)
{
    StoreConnection &db = ctx.db();
    const auto found = loadItem(db, QStringLiteral("id = ?"), itemId);
    if (!found)
        throw CommandError::notFound(QStringLiteral("inventory item not found"),
                                     QStringLiteral("product_id"));
    const Item &item = *found;
    const qint64 newStock = item.stock + delta;
    if (newStock < 0)
        throw CommandError::conflict(QStringLiteral("not enough %1 in stock (%2 %3 left)")
                                         .arg(item.name)
                                         .arg(item.stock)
                                         .arg(item.unit),
                                     QStringLiteral("quantity"));
    if (newStock > kMaxStockChange)
        throw CommandError::invalid(QStringLiteral("quantity"),
                                    QStringLiteral("stock would exceed the maximum"));

    // Alert state: escalate on the way down, re-arm on the way up.
    QString alert = item.alertPriority;
    bool raiseLow = false;
    if (newStock < item.reorderLevel) {
        const QString p = priorityFor(newStock, item.reorderLevel);
        if (delta < 0 && priorityRank(p) > priorityRank(alert))
            raiseLow = true;
        if (delta < 0)
            alert = priorityRank(p) > priorityRank(alert) ? p : alert;
        else
            alert = p;
    } else {
        alert.clear();
    }
    const qint64 lastRestocked = changeType == u"purchase" ? ctx.now() : item.lastRestocked;
    // The stored alert follows: over when the stock is back at its reorder level, a new one for
    // a worse level or for running out (each rings again until acknowledged).
    const bool runsOut = newStock == 0 && item.stock > 0;
    if (alert.isEmpty())
        clearAlerts(db, item.id, ctx.now());
    if (raiseLow || runsOut)
        raiseAlert(db, item.id, alert.isEmpty() ? QStringLiteral("critical") : alert, ctx.now());
    db.exec(QStringLiteral(
                "UPDATE inventory_items SET stock = ?, alert_priority = ?, last_restocked = ? "
                "WHERE id = ?"),
            {newStock, alert.isEmpty() ? QVariant() : QVariant(alert), lastRestocked, item.id});
    db.exec(QStringLiteral(
                "INSERT INTO stock_movements(item_id, previous_stock, new_stock, change_amount, "
                "change_type, reference_type, reference_id, user_id, user_name, notes, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {item.id, item.stock, newStock, delta, changeType, reference.type, reference.id,
             author.id, author.name, notes.isEmpty() ? QVariant() : QVariant(notes), ctx.now()});

    const QJsonObject data{
        {QStringLiteral("product_id"), item.id},
        {QStringLiteral("product_name"), item.name},
        {QStringLiteral("sku"), item.sku},
        {QStringLiteral("previous_stock"), item.stock},
        {QStringLiteral("new_stock"), newStock},
        {QStringLiteral("change_amount"), delta},
        {QStringLiteral("change_type"), changeType},
        {QStringLiteral("updated_by"), QJsonObject{{QStringLiteral("id"), author.id},
                                                   {QStringLiteral("name"), author.name},
                                                   {QStringLiteral("type"), author.type}}},
        {QStringLiteral("reference"), QJsonObject{{QStringLiteral("type"), reference.type},
                                                  {QStringLiteral("id"), reference.id}}},
        {QStringLiteral("reorder_needed"), newStock < item.reorderLevel}};
    qint64 windowEnd = 0;
    const auto now = ctx.throttle().offer({item.id, data}, ctx.now(),
                                          ctx.settings().stockUpdateIntervalMs, &windowEnd);
    if (now)
        ctx.emitEvent(Contract::Event::StockUpdated, *now);
    if (windowEnd)
        ctx.schedule(windowEnd, CafeContext::TimerKind::StockFlush, item.id);

    if (raiseLow) {
        Item now = item;
        now.stock = newStock;
        now.lastRestocked = lastRestocked;
        emitLowStock(ctx, now, alert);
    }

    if (runsOut) {
        db.exec(QStringLiteral("UPDATE products SET auto_disabled = 1 WHERE retired = 0 AND id IN "
                               "(SELECT product_id FROM recipe_lines WHERE item_id = ?)"),
                {item.id});
        QJsonArray affected;
        QSqlQuery q
            = db.exec(QStringLiteral("SELECT p.id, p.name FROM products p JOIN recipe_lines r ON "
                                     "r.product_id = p.id WHERE r.item_id = ? AND p.retired = 0 "
                                     "ORDER BY p.position"),
                      {item.id});
        while (q.next()) {
            affected.append(QJsonObject{{QStringLiteral("product_id"), q.value(0).toString()},
                                        {QStringLiteral("product_name"), q.value(1).toString()},
                                        {QStringLiteral("disabled"), true}});
        }
        ctx.emitEvent(Contract::Event::OutOfStock,
                      QJsonObject{{QStringLiteral("product_id"), item.id},
                                  {QStringLiteral("product_name"), item.name},
                                  {QStringLiteral("sku"), item.sku},
                                  {QStringLiteral("auto_disabled"), true},
                                  {QStringLiteral("affects_products"), affected}});
    } else if (item.stock == 0 && newStock > 0) {
        // Restocked: products come back once none of their ingredients is at zero.
        db.exec(QStringLiteral(
                    "UPDATE products SET auto_disabled = 0 WHERE auto_disabled = 1 AND id IN "
                    "(SELECT product_id FROM recipe_lines WHERE item_id = ?) AND NOT EXISTS "
                    "(SELECT 1 FROM recipe_lines r JOIN inventory_items i ON i.id = r.item_id "
                    "WHERE r.product_id = products.id AND i.stock = 0)"),
                {item.id});
    }
}

void InventoryDesk::checkAvailable(CafeContext &ctx, const QHash<QString, qint64> &needs,
                                   const QString &field)
{
    for (auto it = needs.constBegin(); it != needs.constEnd(); ++it) {
        const auto item = loadItem(ctx.db(), QStringLiteral("id = ?"), it.key());
        if (!item)
            throw CommandError::conflict(
                QStringLiteral("an ingredient of this order no longer exists"), field);
        if (item->stock < it.value())
            throw CommandError::conflict(QStringLiteral("not enough %1 in stock for this order "
                                                        "(needs %2 %3, %4 left)")
                                             .arg(item->name)
                                             .arg(it.value())
                                             .arg(item->unit)
                                             .arg(item->stock),
                                         field);
    }
}

void InventoryDesk::consume(CafeContext &ctx, const QHash<QString, qint64> &needs,
                            const Reference &reference)
{
    // A stable order (by item id) keeps event order reproducible.
    QStringList ids = needs.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : ids)
        applyChange(ctx, id, -needs.value(id), QStringLiteral("sale"), reference, systemAuthor());
}

void InventoryDesk::flushThrottled(CafeContext &ctx, const QString &itemId)
{
    qint64 next = 0;
    const auto data
        = ctx.throttle().flush(itemId, ctx.now(), ctx.settings().stockUpdateIntervalMs, &next);
    if (data)
        ctx.emitEvent(Contract::Event::StockUpdated, *data);
    if (next)
        ctx.schedule(next, CafeContext::TimerKind::StockFlush, itemId);
}

QJsonObject InventoryDesk::adjustStock(CafeContext &ctx, const PayloadReader &p)
{
    const QString type = p.oneOf(
        QStringLiteral("change_type"),
        {QStringLiteral("purchase"), QStringLiteral("adjustment"), QStringLiteral("waste")});
    std::optional<Item> item;
    if (p.has(QStringLiteral("product_id")))
        item = loadItem(ctx.db(), QStringLiteral("id = ?"),
                        p.string(QStringLiteral("product_id"), 64));
    else if (p.has(QStringLiteral("sku")))
        item = loadItem(ctx.db(), QStringLiteral("sku = ?"), p.string(QStringLiteral("sku"), 64));
    else
        throw CommandError::invalid(
            QStringLiteral("product_id"),
            QStringLiteral("product_id (or sku) of the inventory item is required"));
    qint64 delta = 0;
    if (type == u"adjustment") {
        delta = p.integer(QStringLiteral("quantity"), -kMaxStockChange, kMaxStockChange);
        if (delta == 0)
            throw CommandError::invalid(QStringLiteral("quantity"),
                                        QStringLiteral("an adjustment must change the stock"));
    } else {
        delta = p.integer(QStringLiteral("quantity"), 1, kMaxStockChange);
        if (type == u"waste")
            delta = -delta;
    }
    const QString notes = p.optString(QStringLiteral("notes"), 500).value_or(QString());
    if (!item)
        throw CommandError::notFound(QStringLiteral("inventory item not found"),
                                     p.has(QStringLiteral("product_id"))
                                         ? QStringLiteral("product_id")
                                         : QStringLiteral("sku"));
    const QString adjustmentId = CafeContext::newId();
    applyChange(ctx, item->id, delta, type, {QStringLiteral("adjustment"), adjustmentId},
                {ctx.actor().userId, ctx.actor().name, QStringLiteral("manual")}, notes);
    const auto after = loadItem(ctx.db(), QStringLiteral("id = ?"), item->id);
    return QJsonObject{{QStringLiteral("adjustment_id"), adjustmentId},
                       {QStringLiteral("product_id"), item->id},
                       {QStringLiteral("sku"), item->sku},
                       {QStringLiteral("previous_stock"), item->stock},
                       {QStringLiteral("new_stock"), after->stock},
                       {QStringLiteral("change_amount"), delta},
                       {QStringLiteral("change_type"), type}};
}

QJsonObject InventoryDesk::listInventory(CafeContext &ctx, const PayloadReader &)
{
    StoreConnection &db = ctx.db();
    QHash<QString, QJsonArray> usedBy;
    {
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT r.item_id, r.product_id FROM recipe_lines r JOIN products p "
                           "ON p.id = r.product_id WHERE p.retired = 0"));
        while (q.next())
            usedBy[q.value(0).toString()].append(q.value(1).toString());
    }
    // The standing alerts, with who acknowledged them: a console started later rings only for
    // the ones nobody has.
    QHash<QString, QJsonObject> alerts;
    {
        QSqlQuery a = db.exec(QLatin1String(kAlertColumns)
                              + QStringLiteral("WHERE cleared_at IS NULL ORDER BY raised_at"));
        while (const std::optional<Alert> alert = readAlert(a)) {
            QJsonObject o{{QStringLiteral("alert_id"), alert->id},
                          {QStringLiteral("priority"), alert->priority},
                          {QStringLiteral("raised_at"), HubTime::isoUtc(alert->raisedAt)},
                          {QStringLiteral("acknowledged"), alert->acknowledged()}};
            if (alert->acknowledged()) {
                o.insert(QStringLiteral("acknowledged_by"), acknowledgedBy(*alert));
                o.insert(QStringLiteral("acknowledged_at"), HubTime::isoUtc(alert->acknowledgedAt));
            }
            alerts.insert(alert->itemId, o);
        }
    }
    QJsonArray items;
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, sku, name, unit, stock, reorder_level, max_stock, "
                       "last_restocked, alert_priority FROM inventory_items ORDER BY sku"));
    while (q.next()) {
        const qint64 stock = q.value(4).toLongLong();
        const qint64 reorder = q.value(5).toLongLong();
        const bool low = stock < reorder;
        items.append(QJsonObject{
            {QStringLiteral("product_id"), q.value(0).toString()},
            {QStringLiteral("sku"), q.value(1).toString()},
            {QStringLiteral("product_name"), q.value(2).toString()},
            {QStringLiteral("unit"), q.value(3).toString()},
            {QStringLiteral("current_stock"), stock},
            {QStringLiteral("reorder_level"), reorder},
            {QStringLiteral("max_stock"), q.value(6).toLongLong()},
            {QStringLiteral("suggested_order_quantity"),
             low ? qMax<qint64>(0, q.value(6).toLongLong() - stock) : 0},
            {QStringLiteral("last_restocked"), HubTime::isoUtc(q.value(7).toLongLong())},
            {QStringLiteral("low_stock"), low},
            {QStringLiteral("priority"),
             low ? QJsonValue(priorityFor(stock, reorder)) : QJsonValue()},
            {QStringLiteral("out_of_stock"), stock == 0},
            {QStringLiteral("used_by"), usedBy.value(q.value(0).toString())},
            {QStringLiteral("alert"), alerts.contains(q.value(0).toString())
                                          ? QJsonValue(alerts.value(q.value(0).toString()))
                                          : QJsonValue()}});
    }
    QJsonArray disabled;
    QSqlQuery d = db.exec(
        QStringLiteral("SELECT id, name FROM products WHERE retired = 0 AND auto_disabled = 1 "
                       "ORDER BY position"));
    while (d.next()) {
        QJsonArray missing;
        QSqlQuery m = db.exec(
            QStringLiteral("SELECT i.id, i.name, i.sku FROM recipe_lines r JOIN inventory_items i "
                           "ON i.id = r.item_id WHERE r.product_id = ? AND i.stock = 0"),
            {d.value(0)});
        while (m.next()) {
            missing.append(QJsonObject{{QStringLiteral("product_id"), m.value(0).toString()},
                                       {QStringLiteral("product_name"), m.value(1).toString()},
                                       {QStringLiteral("sku"), m.value(2).toString()}});
        }
        disabled.append(QJsonObject{{QStringLiteral("product_id"), d.value(0).toString()},
                                    {QStringLiteral("product_name"), d.value(1).toString()},
                                    {QStringLiteral("disabled"), true},
                                    {QStringLiteral("missing_ingredients"), missing}});
    }
    return QJsonObject{{QStringLiteral("items"), items},
                       {QStringLiteral("disabled_products"), disabled}};
}

QJsonObject InventoryDesk::acknowledgeAlert(CafeContext &ctx, const PayloadReader &p)
{
    // By the alert's id (what the events and the snapshot name), or by the item: its standing
    // alert. An alert already acknowledged stays as it was (two consoles at once): the answer
    // names who did it, and no second event goes out.
    StoreConnection &db = ctx.db();
    std::optional<Alert> alert;
    if (p.has(QStringLiteral("alert_id"))) {
        const QString id = p.string(QStringLiteral("alert_id"), 64);
        QSqlQuery q = db.exec(QLatin1String(kAlertColumns) + QStringLiteral("WHERE id = ?"), {id});
        alert = readAlert(q);
        if (!alert)
            throw CommandError::notFound(QStringLiteral("stock alert not found"),
                                         QStringLiteral("alert_id"));
        if (const std::optional<Alert> current = openAlert(db, alert->itemId);
            !current || current->id != alert->id)
            throw CommandError::conflict(
                QStringLiteral("this alert is over (restocked, or a newer alert replaced it)"),
                QStringLiteral("alert_id"));
    } else if (p.has(QStringLiteral("product_id"))) {
        const QString itemId = p.string(QStringLiteral("product_id"), 64);
        if (!loadItem(db, QStringLiteral("id = ?"), itemId))
            throw CommandError::notFound(QStringLiteral("inventory item not found"),
                                         QStringLiteral("product_id"));
        alert = openAlert(db, itemId);
        if (!alert)
            throw CommandError::conflict(QStringLiteral("this item has no standing alert"),
                                         QStringLiteral("product_id"));
    } else {
        throw CommandError::invalid(QStringLiteral("alert_id"),
                                    QStringLiteral("alert_id (or product_id) is required"));
    }
    const bool already = alert->acknowledged();
    if (!already) {
        alert->acknowledgedAt = ctx.now();
        alert->acknowledgedById = ctx.actor().userId;
        alert->acknowledgedByName = ctx.actor().name;
        db.exec(
            QStringLiteral("UPDATE stock_alerts SET acknowledged_at = ?, acknowledged_by_id = "
                           "?, acknowledged_by_name = ? WHERE id = ?"),
            {alert->acknowledgedAt, alert->acknowledgedById, alert->acknowledgedByName, alert->id});
    }
    const auto item = loadItem(db, QStringLiteral("id = ?"), alert->itemId);
    QJsonObject data{{QStringLiteral("alert_id"), alert->id},
                     {QStringLiteral("product_id"), alert->itemId},
                     {QStringLiteral("product_name"), item ? item->name : QString()},
                     {QStringLiteral("sku"), item ? item->sku : QString()},
                     {QStringLiteral("priority"), alert->priority},
                     {QStringLiteral("acknowledged_by"), acknowledgedBy(*alert)},
                     {QStringLiteral("acknowledged_at"), HubTime::isoUtc(alert->acknowledgedAt)}};
    if (!already)
        ctx.emitEvent(Contract::Event::AlertAcknowledged, data);
    data.insert(QStringLiteral("already_acknowledged"), already);
    return data;
}

QJsonObject InventoryDesk::setStockLevels(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    std::optional<Item> found;
    QString field = QStringLiteral("item_id");
    if (p.has(QStringLiteral("item_id"))) {
        found = loadItem(db, QStringLiteral("id = ?"), p.string(QStringLiteral("item_id"), 64));
    } else if (p.has(QStringLiteral("sku"))) {
        field = QStringLiteral("sku");
        found = loadItem(db, QStringLiteral("sku = ?"), p.string(QStringLiteral("sku"), 64));
    } else {
        throw CommandError::invalid(QStringLiteral("item_id"),
                                    QStringLiteral("item_id (or sku) of the inventory item is "
                                                   "required"));
    }
    const auto reorder = p.optInteger(QStringLiteral("reorder_level"), 0, kMaxStockChange);
    const auto maximum = p.optInteger(QStringLiteral("max_stock"), 1, kMaxStockChange);
    if (!reorder && !maximum)
        throw CommandError::invalid(QStringLiteral("reorder_level"),
                                    QStringLiteral("give reorder_level, max_stock or both"));
    if (!found)
        throw CommandError::notFound(QStringLiteral("inventory item not found"), field);
    const Item before = *found;
    Item item = before;
    item.reorderLevel = reorder.value_or(before.reorderLevel);
    item.maxStock = maximum.value_or(before.maxStock);
    if (item.maxStock < item.reorderLevel)
        throw CommandError::invalid(maximum ? QStringLiteral("max_stock")
                                            : QStringLiteral("reorder_level"),
                                    QStringLiteral("max_stock (%1) must be at least "
                                                   "reorder_level (%2)")
                                        .arg(item.maxStock)
                                        .arg(item.reorderLevel));
    if (item.reorderLevel == before.reorderLevel && item.maxStock == before.maxStock)
        throw CommandError::conflict(QStringLiteral("%1 already has these levels").arg(item.name),
                                     maximum ? QStringLiteral("max_stock")
                                             : QStringLiteral("reorder_level"));

    // The alert follows the new level as it follows the stock: over once the stock is at the
    // level, a new alert (and inventory:low_stock) when the new level makes it worse.
    const QString priority
        = item.stock < item.reorderLevel ? priorityFor(item.stock, item.reorderLevel) : QString();
    const bool raise
        = !priority.isEmpty() && priorityRank(priority) > priorityRank(before.alertPriority);
    if (priority.isEmpty())
        clearAlerts(db, item.id, ctx.now());
    else if (raise)
        raiseAlert(db, item.id, priority, ctx.now());
    item.alertPriority = priority;
    db.exec(QStringLiteral("UPDATE inventory_items SET reorder_level = ?, max_stock = ?, "
                           "alert_priority = ? WHERE id = ?"),
            {item.reorderLevel, item.maxStock, priority.isEmpty() ? QVariant() : QVariant(priority),
             item.id});
    const bool low = item.stock < item.reorderLevel;
    const QJsonObject data{{QStringLiteral("product_id"), item.id},
                           {QStringLiteral("product_name"), item.name},
                           {QStringLiteral("sku"), item.sku},
                           {QStringLiteral("current_stock"), item.stock},
                           {QStringLiteral("reorder_level"), item.reorderLevel},
                           {QStringLiteral("max_stock"), item.maxStock},
                           {QStringLiteral("previous"),
                            QJsonObject{{QStringLiteral("reorder_level"), before.reorderLevel},
                                        {QStringLiteral("max_stock"), before.maxStock}}},
                           {QStringLiteral("low_stock"), low},
                           {QStringLiteral("priority"), low ? QJsonValue(priority) : QJsonValue()},
                           {QStringLiteral("suggested_order_quantity"),
                            low ? qMax<qint64>(0, item.maxStock - item.stock) : 0},
                           {QStringLiteral("changed_by"), ctx.actorRef()}};
    ctx.emitEvent(Contract::Event::StockLevelsChanged, data);
    if (raise)
        emitLowStock(ctx, item, priority);
    return data;
}

} // namespace TableTap
