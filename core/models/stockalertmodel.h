// Stock alerts (low and out of stock), worst first, acknowledged locally by whoever sees them.
// A critical or out-of-stock alert stays "ringing" until it is acknowledged.
#pragma once

#include "cafeevent.h"
#include "keyedrowmodel.h"
#include "stockitem.h"

namespace TableTap {

class StockAlertModel final : public KeyedRowModel<StockAlert>
{
    Q_OBJECT
public:
    enum Column {
        PriorityColumn,
        ItemColumn,
        StockColumn,
        ReorderColumn,
        SuggestedColumn,
        AffectsColumn,
        RaisedColumn,
        AckColumn,
        ColumnCount
    };
    enum Role { ProductIdRole = Qt::UserRole + 1, RankRole, AcknowledgedRole, RingingRole };

    explicit StockAlertModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    bool apply(const CafeEvent &event);
    // Rebuilds alerts from an inventory snapshot (items under their reorder level).
    void resetFromInventory(const QList<StockItem> &items);
    void acknowledge(const QString &productId);
    void acknowledgeAll();
    // Whether any critical / out-of-stock alert is unacknowledged (drives the repeating sound).
    bool isRinging() const;

Q_SIGNALS:
    void ringingChanged(bool ringing);
    void alertRaised(const TableTap::StockAlert &alert);

private:
    void updateRinging();
    bool m_ringing = false;
};

} // namespace TableTap
