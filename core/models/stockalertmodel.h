// Stock alerts (low and out of stock), worst first. A critical or out-of-stock alert stays
// "ringing" until it is acknowledged: here (acknowledge(), at once), or at any console through our
// hub (inventory:alert_acknowledged, and list_inventory's alert state for a console started
// later). A worse alert, or running out, asks for attention again (our hub raises a new alert
// then). Against a server that names no alerts, acknowledgements stay this console's own.
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
    // The alert's id at our hub (empty: none known).
    QString alertId(const QString &productId) const;
    void acknowledgeAll();
    // Whether any critical / out-of-stock alert is unacknowledged (drives the repeating sound).
    bool isRinging() const;

Q_SIGNALS:
    void ringingChanged(bool ringing);
    void alertRaised(const TableTap::StockAlert &alert);

private:
    void updateRinging();
    // The alert asks for attention again (a worse or a new one).
    static void rearm(StockAlert &a);
    bool m_ringing = false;
};

} // namespace TableTap
