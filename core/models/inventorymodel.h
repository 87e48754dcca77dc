// Stock levels of every inventory item, from list_inventory and inventory:* events.
#pragma once

#include "cafeevent.h"
#include "keyedrowmodel.h"
#include "stockitem.h"

namespace TableTap {

class InventoryModel final : public KeyedRowModel<StockItem>
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SkuColumn,
        StockColumn,
        ReorderColumn,
        MaxColumn,
        StateColumn,
        UsedByColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StockRole,
        ReorderLevelRole,
        StateRole /* 0 ok 1 low 2 out */
    };

    explicit InventoryModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void resetItems(const QList<StockItem> &items);
    bool apply(const CafeEvent &event);
    const StockItem *item(const QString &id) const { return find(id); }
};

} // namespace TableTap
