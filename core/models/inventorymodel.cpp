// The inventory model.
#include "inventorymodel.h"

namespace TableTap {

InventoryModel::InventoryModel(QObject *parent)
    : KeyedRowModel<StockItem>(parent)
{}

int InventoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString quantity(double v)
{
    return QString::number(v, 'g', 10);
}

QVariant InventoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockItem &s = rowAt(index.row());
    const int state = s.isOut() ? 2 : s.isLow() ? 1 : 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case SkuColumn:
            return s.sku;
        case StockColumn:
            return s.unit.isEmpty() ? quantity(s.stock)
                                    : quantity(s.stock) + QLatin1Char(' ') + s.unit;
        case ReorderColumn:
            return quantity(s.reorderLevel);
        case MaxColumn:
            return quantity(s.maxStock);
        case StateColumn:
            return state == 2 ? tr("out") : state == 1 ? tr("low") : tr("ok");
        case UsedByColumn:
            return s.usedBy.join(QStringLiteral(", "));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= StockColumn && index.column() <= MaxColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return s.id;
    case StockRole:
        return s.stock;
    case ReorderLevelRole:
        return s.reorderLevel;
    case StateRole:
        return state;
    }
    return {};
}

QVariant InventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Item");
    case SkuColumn:
        return tr("SKU");
    case StockColumn:
        return tr("Stock");
    case ReorderColumn:
        return tr("Reorder at");
    case MaxColumn:
        return tr("Max");
    case StateColumn:
        return tr("State");
    case UsedByColumn:
        return tr("Used by");
    }
    return {};
}

void InventoryModel::resetItems(const QList<StockItem> &items)
{
    QList<std::pair<QString, StockItem>> rows;
    for (const StockItem &s : items)
        rows.append({s.id, s});
    resetRows(rows);
}

bool InventoryModel::apply(const CafeEvent &event)
{
    if (const auto *p = std::get_if<StockUpdated>(&event.payload)) {
        StockItem s;
        if (const StockItem *current = find(p->productId))
            s = *current;
        s.id = p->productId;
        s.name = p->productName;
        s.sku = p->sku;
        s.stock = p->newStock;
        s.updatedAt = event.meta.timestamp;
        if (p->changeType == QLatin1String("purchase"))
            s.lastRestocked = event.meta.timestamp;
        if (!s.isOut())
            s.disabledProducts.clear();
        upsert(s.id, s);
        return true;
    }
    if (const auto *p = std::get_if<LowStock>(&event.payload)) {
        StockItem s;
        if (const StockItem *current = find(p->productId))
            s = *current;
        s.id = p->productId;
        s.name = p->productName;
        s.sku = p->sku;
        s.stock = p->currentStock;
        s.reorderLevel = p->reorderLevel;
        s.maxStock = p->maxStock;
        if (p->lastRestocked.isValid())
            s.lastRestocked = p->lastRestocked;
        s.updatedAt = event.meta.timestamp;
        upsert(s.id, s);
        return true;
    }
    if (const auto *p = std::get_if<OutOfStock>(&event.payload)) {
        StockItem s;
        if (const StockItem *current = find(p->productId))
            s = *current;
        s.id = p->productId;
        s.name = p->productName;
        s.sku = p->sku;
        s.stock = qMin(s.stock, 0.0);
        s.disabledProducts.clear();
        for (const AffectedProduct &a : p->affects)
            if (a.disabled)
                s.disabledProducts << a.productName;
        s.updatedAt = event.meta.timestamp;
        upsert(s.id, s);
        return true;
    }
    return false;
}

} // namespace TableTap
