// The stock alert model.
#include "stockalertmodel.h"

namespace TableTap {

int StockAlert::rank() const
{
    if (outOfStock)
        return 4;
    if (priority == QLatin1String("critical"))
        return 3;
    if (priority == QLatin1String("high"))
        return 2;
    if (priority == QLatin1String("medium"))
        return 1;
    return 0;
}

StockAlertModel::StockAlertModel(QObject *parent)
    : KeyedRowModel<StockAlert>(parent)
{
    connect(this, &BatchedTableModel::flushed, this, &StockAlertModel::updateRinging);
}

int StockAlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StockAlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockAlert &a = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PriorityColumn:
            return a.outOfStock ? tr("OUT") : a.priority;
        case ItemColumn:
            return a.productName;
        case StockColumn:
            return QString::number(a.currentStock, 'g', 10);
        case ReorderColumn:
            return QString::number(a.reorderLevel, 'g', 10);
        case SuggestedColumn:
            return a.suggestedOrderQuantity > 0 ? QString::number(a.suggestedOrderQuantity, 'g', 10)
                                                : QString();
        case AffectsColumn:
            return a.affects.join(QStringLiteral(", "));
        case RaisedColumn:
            return a.raisedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case AckColumn:
            return !a.acknowledged              ? QString()
                   : a.acknowledgedBy.isEmpty() ? tr("yes")
                                                : a.acknowledgedBy;
        }
        return {};
    case ProductIdRole:
        return a.productId;
    case RankRole:
        return a.rank();
    case AcknowledgedRole:
        return a.acknowledged;
    case RingingRole:
        return !a.acknowledged && a.rank() >= 3;
    }
    return {};
}

QVariant StockAlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PriorityColumn:
        return tr("Priority");
    case ItemColumn:
        return tr("Item");
    case StockColumn:
        return tr("Stock");
    case ReorderColumn:
        return tr("Reorder at");
    case SuggestedColumn:
        return tr("Order");
    case AffectsColumn:
        return tr("Affects");
    case RaisedColumn:
        return tr("Raised");
    case AckColumn:
        return tr("Acknowledged");
    }
    return {};
}

bool StockAlertModel::apply(const CafeEvent &event)
{
    if (const auto *p = std::get_if<LowStock>(&event.payload)) {
        StockAlert a;
        const StockAlert *current = find(p->productId);
        if (current)
            a = *current;
        const int oldRank = current ? current->rank() : -1;
        a.productId = p->productId;
        a.productName = p->productName;
        a.sku = p->sku;
        a.priority = p->priority;
        a.outOfStock = p->currentStock <= 0;
        a.currentStock = p->currentStock;
        a.reorderLevel = p->reorderLevel;
        a.suggestedOrderQuantity = p->suggestedOrderQuantity;
        a.raisedAt = event.meta.timestamp;
        // A worse alert asks for attention again (our hub raises a new alert then, too).
        if (a.rank() > oldRank)
            rearm(a);
        upsert(a.productId, a);
        Q_EMIT alertRaised(a);
        return true;
    }
    if (const auto *p = std::get_if<OutOfStock>(&event.payload)) {
        StockAlert a;
        if (const StockAlert *current = find(p->productId))
            a = *current;
        const bool wasOut = a.outOfStock;
        a.productId = p->productId;
        a.productName = p->productName;
        a.sku = p->sku;
        a.outOfStock = true;
        a.priority = QStringLiteral("critical");
        a.currentStock = 0;
        a.affects.clear();
        for (const AffectedProduct &ap : p->affects)
            a.affects << ap.productName;
        a.raisedAt = event.meta.timestamp;
        if (!wasOut)
            rearm(a);
        upsert(a.productId, a);
        Q_EMIT alertRaised(a);
        return true;
    }
    if (const auto *p = std::get_if<AlertAcknowledged>(&event.payload)) {
        const StockAlert *current = find(p->productId);
        // A late word about an alert the hub has replaced since does not silence the new one.
        if (!current
            || (!p->alertId.isEmpty() && !current->alertId.isEmpty()
                && p->alertId != current->alertId))
            return false;
        StockAlert a = *current;
        a.acknowledged = true;
        if (a.alertId.isEmpty())
            a.alertId = p->alertId;
        a.acknowledgedBy = p->acknowledgedBy.name;
        a.acknowledgedAt = p->acknowledgedAt;
        upsert(a.productId, a);
        return true;
    }
    if (const auto *p = std::get_if<StockUpdated>(&event.payload)) {
        const StockAlert *current = find(p->productId);
        if (!current)
            return false;
        // Restocked above the reorder level: the alert is over.
        if (p->newStock >= current->reorderLevel && p->newStock > 0) {
            remove(p->productId);
            return true;
        }
        StockAlert a = *current;
        a.currentStock = p->newStock;
        a.outOfStock = p->newStock <= 0;
        upsert(a.productId, a);
        return true;
    }
    return false;
}

void StockAlertModel::resetFromInventory(const QList<StockItem> &items)
{
    QList<std::pair<QString, StockAlert>> rows;
    for (const StockItem &s : items) {
        if (!s.isOut() && !s.isLow())
            continue;
        StockAlert a;
        if (const StockAlert *current = find(s.id))
            a = *current; // keep acknowledgements across a resync
        a.productId = s.id;
        a.productName = s.name;
        a.sku = s.sku;
        a.outOfStock = s.isOut();
        a.currentStock = s.stock;
        a.reorderLevel = s.reorderLevel;
        a.affects = s.isOut() ? s.disabledProducts : s.usedBy;
        // The hub's level is the newer word (an alert raised before we connected, or one that
        // grew worse while we were away); a guess only where the server gives none.
        if (!s.priority.isEmpty())
            a.priority = s.priority;
        else if (a.priority.isEmpty())
            a.priority = s.isOut() ? QStringLiteral("critical") : QStringLiteral("medium");
        if (!a.raisedAt.isValid())
            a.raisedAt = s.updatedAt;
        // The hub's word on its alert: acknowledged at any console counts here. The same alert
        // acknowledged here stays so (its command may still be on its way).
        if (!s.alertId.isEmpty()) {
            // An alert whose id this console never learnt (raised by an event) is the standing
            // one: acknowledged here, it stays so.
            const bool same = a.alertId.isEmpty() || s.alertId == a.alertId;
            if (!same)
                rearm(a);
            a.alertId = s.alertId;
            if (s.alertAcknowledged) {
                a.acknowledged = true;
                a.acknowledgedBy = s.alertAcknowledgedBy;
                a.acknowledgedAt = s.alertAcknowledgedAt;
            }
        }
        rows.append({s.id, a});
    }
    resetRows(rows);
    updateRinging();
}

void StockAlertModel::rearm(StockAlert &a)
{
    // A new alert: the hub's acknowledgements (inventory:alert_acknowledged, which follows the
    // event that raised it on the same namespace) are about it from now on.
    a.acknowledged = false;
    a.acknowledgedBy.clear();
    a.acknowledgedAt = {};
    a.alertId.clear();
}

QString StockAlertModel::alertId(const QString &productId) const
{
    const StockAlert *a = find(productId);
    return a ? a->alertId : QString();
}

void StockAlertModel::acknowledge(const QString &productId)
{
    const StockAlert *current = find(productId);
    if (!current || current->acknowledged)
        return;
    StockAlert a = *current;
    a.acknowledged = true;
    upsert(productId, a);
    flush();
}

void StockAlertModel::acknowledgeAll()
{
    QStringList keys;
    for (int r = 0; r < rowCount(); ++r)
        keys << keyAt(r);
    for (const QString &key : std::as_const(keys))
        acknowledge(key);
}

bool StockAlertModel::isRinging() const
{
    for (const StockAlert &a : rows())
        if (!a.acknowledged && a.rank() >= 3)
            return true;
    return false;
}

void StockAlertModel::updateRinging()
{
    const bool ringing = isRinging();
    if (ringing != m_ringing) {
        m_ringing = ringing;
        Q_EMIT ringingChanged(ringing);
    }
}

} // namespace TableTap
