// Today's orders as the queue shows them: open orders plus recent closed ones, with ages that
// tick, age levels for colouring, and per-order stock warnings.
#pragma once

#include "cafeevent.h"
#include "keyedrowmodel.h"

#include <QBasicTimer>
#include <QDateTime>
#include <functional>

namespace TableTap {

class OrderQueueModel final : public KeyedRowModel<Order>
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        CustomerColumn,
        ItemsColumn,
        CounterColumn,
        StatusColumn,
        AgeColumn,
        TotalColumn,
        ColumnCount
    };
    enum Role {
        OrderIdRole = Qt::UserRole + 1,
        StatusRole,     // OrderStatus as int
        StatusNameRole, // "pending", ...
        CounterRole,
        AgeSecondsRole,
        AgeLevelRole, // 0 fresh, 1 warning, 2 late (open orders only)
        IsOpenRole,
        IsProxyRole,
        StockWarningRole, // "Oat Milk low: 5 left" when an ingredient of this order runs short
        CreatedAtRole,
        PendingActionRole, // a status change sent but not yet confirmed by the hub
        ItemsMadeRole,     // how many of the order's item lines are ticked as made
    };
    Q_ENUM(Role)

    explicit OrderQueueModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Thresholds for age levels in seconds (warning, late); Fresh KDS defaults: 5 and 8 min.
    void setAgeThresholds(int warningSeconds, int lateSeconds);
    int warningSeconds() const { return m_warning; }
    int lateSeconds() const { return m_late; }
    // The clock (tests move it by hand).
    void setClock(std::function<QDateTime()> now);
    QDateTime now() const { return m_now(); }
    // How many closed orders to keep for recall and the "recent" view.
    void setRecentLimit(int limit) { m_recentLimit = limit; }

    // Snapshot from list_orders.
    void resetOrders(const QList<Order> &orders);
    // Applies one order event (order:item_checked too); other events are ignored. Returns whether
    // it changed anything.
    bool apply(const CafeEvent &event);
    // Stock warnings per product name (set by whoever knows recipes and stock).
    void setStockWarnings(const QHash<QString, QString> &warningByProduct);
    // Marks an order as having an action in flight (shown until the hub's event arrives).
    void setPendingAction(const QString &orderId, const QString &description);

    const Order *order(const QString &id) const { return find(id); }
    // Seconds since the order was placed, up to now (open) or to when it closed; what the Age
    // column and AgeSecondsRole show. For proxies that compare rows without QVariant.
    qint64 ageSeconds(const Order &order, const QDateTime &now) const;
    // Whether an order's text in any column contains `needle` (case-insensitive): the search
    // the queue's filter runs, over the fields themselves instead of each column's built text.
    bool matches(const Order &order, const QString &needle) const;
    int openCount() const;

private:
    void timerEvent(QTimerEvent *event) override;
    void trimClosed();
    QString stockWarningFor(const Order &order) const;

    std::function<QDateTime()> m_now;
    QBasicTimer m_tick;
    int m_warning = 5 * 60;
    int m_late = 8 * 60;
    int m_recentLimit = 300;
    QHash<QString, QString> m_stockWarnings;
    QHash<QString, QString> m_pendingActions;
};

} // namespace TableTap
