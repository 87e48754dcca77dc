// Inventory rules: stock movements with their events (throttled stock_updated, low_stock with
// a priority, out_of_stock disabling the products that need the item, restock re-enabling
// them), recipe consumption for sales, the adjust_stock / list_inventory commands, and stock
// alerts acknowledged once for every console (acknowledge_alert, inventory:alert_acknowledged),
// and the levels that raise them (set_stock_levels, inventory:levels_changed).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace TableTap {

class CafeContext;
class PayloadReader;

class InventoryDesk final
{
public:
    struct Reference
    {
        QString type; // "order", "drink", "adjustment"
        QString id;
    };
    struct Author
    {
        QString id, name, type; // type: "automatic" or "manual"
    };

    static QJsonObject adjustStock(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject listInventory(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject acknowledgeAlert(CafeContext &ctx, const PayloadReader &p);
    // set_stock_levels: an item's reorder level and maximum; the item's alert follows.
    static QJsonObject setStockLevels(CafeContext &ctx, const PayloadReader &p);

    // Applies one change to an item; throws CONFLICT when stock would go below zero.
    static void applyChange(CafeContext &ctx, const QString &itemId, qint64 delta,
                            const QString &changeType, const Reference &reference,
                            const Author &author, const QString &notes = {});
    // Checks that every needed quantity (item id -> amount) is in stock; throws CONFLICT
    // naming the first short item, with field.
    static void checkAvailable(CafeContext &ctx, const QHash<QString, qint64> &needs,
                               const QString &field);
    // Takes the needs out of stock as one "sale" movement per item.
    static void consume(CafeContext &ctx, const QHash<QString, qint64> &needs,
                        const Reference &reference);
    // Called when a throttle window of the item ends: emits the merged stock_updated, if any.
    static void flushThrottled(CafeContext &ctx, const QString &itemId);

    static QString priorityFor(qint64 stock, qint64 reorderLevel);
    static int priorityRank(const QString &priority);
    static Author systemAuthor();
};

} // namespace TableTap
