// Today's figures in 15-minute buckets (orders, average prep time, revenue): the series the
// dashboard charts map with QVXYModelMapper / QBarModelMapper.
#pragma once

#include "cafeevent.h"
#include "cafesnapshot.h"
#include "order.h"

#include <QAbstractTableModel>
#include <QBasicTimer>
#include <QDateTime>
#include <QSet>

#include <functional>

namespace TableTap {

class DashboardModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StartColumn, OrdersColumn, AvgPrepColumn, RevenueColumn, ColumnCount };
    enum Role {
        BucketStartRole = Qt::UserRole + 1, /* msecs since epoch, for chart axes */
        ValueRole                           /* the column's value as a double */
    };

    explicit DashboardModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setBucketMinutes(int minutes);
    int bucketMinutes() const { return m_bucketMinutes; }
    // The clock the day is measured by (ConsoleSession's; tests set their own).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // Follows the clock: once the local day changes the previous day's buckets go (the chart is
    // today's), and the bucket of "now" exists even while nothing happens, so the time axes
    // reach the present. Called once a second.
    void catchUp();
    // Rebuilds from the order snapshot (and payments: revenue counts completed payments), for a
    // server that does not sum the day itself: only the orders it sent are counted.
    void reset(const QList<Order> &orders, const QList<std::pair<QDateTime, Cents>> &revenue);
    // Rebuilds from the hub's figures over the whole day (list_orders' `day`); `orders` are the
    // snapshot's rows, whose events (re-sent after a recovery) must not count twice.
    void resetFromDay(const DayFigures &day, const QList<Order> &orders);
    bool apply(const CafeEvent &event);

    int totalOrders() const;
    Cents totalRevenue() const;
    double averagePrepMinutes() const;
    // Orders completed / cancelled today (from the day's figures and the events since; without
    // figures, those among the snapshot's orders).
    int finishedToday() const { return m_finished; }
    int cancelledToday() const { return m_cancelled; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // The same figures the hub sends per bucket.
    using Bucket = DayBucket;
    int bucketFor(const QDateTime &t);
    void clear();
    // The snapshot's orders, already in the figures: their events do not count again.
    void markCounted(const QList<Order> &orders);
    // Buckets change with every order and payment; charts hear about it a few times a second
    // (the data is current at once, only the notification waits).
    void markChanged(int row);
    void emitChanged();
    static constexpr int ChangeNotifyMs = 100;

    std::function<QDateTime()> m_now;
    QList<Bucket> m_buckets;
    QSet<QString> m_countedOrders;
    QSet<QString> m_countedReady;
    QSet<QString> m_countedPayments;
    QSet<QString> m_countedCancelled;
    int m_finished = 0;
    int m_cancelled = 0;
    int m_bucketMinutes = 15;
    QBasicTimer m_changedTimer;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
};

} // namespace TableTap
