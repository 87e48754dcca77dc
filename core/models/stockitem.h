// An inventory item (ingredient) and an alert raised about it.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace TableTap {

struct StockItem
{
    QString id;
    QString name;
    QString sku;
    QString unit;
    double stock = 0;
    double reorderLevel = 0;
    double maxStock = 0;
    QDateTime lastRestocked;
    QDateTime updatedAt;
    // Products that need this item (from the menu's recipes), and those disabled for lack of it.
    QStringList usedBy;
    QStringList disabledProducts;
    // The hub's alert level while the item is low (low, medium, high, critical); empty when the
    // snapshot does not say (other servers), and the console falls back to its own guess.
    QString priority; // last: tests fill the fields above by position
    // Our hub's standing alert for the item (list_inventory's `alert`): its id and whether, by
    // whom and when it was acknowledged. Empty id: the server does not say (acknowledgements stay
    // the console's own).
    QString alertId;
    bool alertsNamed = false; // the server lists alerts (and so takes acknowledge_alert)
    bool alertAcknowledged = false;
    QString alertAcknowledgedBy;
    QDateTime alertAcknowledgedAt;

    bool isOut() const { return stock <= 0; }
    bool isLow() const { return stock > 0 && stock < reorderLevel; }
};

struct StockAlert
{
    QString productId;
    QString productName;
    QString sku;
    QString priority; // low, medium, high, critical
    bool outOfStock = false;
    double currentStock = 0;
    double reorderLevel = 0;
    double suggestedOrderQuantity = 0;
    QStringList affects;
    QDateTime raisedAt;
    bool acknowledged = false;
    // Our hub's alert id (acknowledge_alert) and who acknowledged it there; empty otherwise.
    QString alertId;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;

    // critical (3) > high (2) > medium (1) > low (0); out of stock ranks above all.
    int rank() const;
};

} // namespace TableTap
