// All-day counts: how many of each product are waiting across open orders (pending and
// preparing), the kitchen-display view that tells the bar what to batch.
#pragma once

#include "keyedrowmodel.h"

namespace TableTap {

class OrderQueueModel;

struct AllDayCount
{
    QString product;
    int pending = 0;
    int preparing = 0;
    int total() const { return pending + preparing; }
};

class AllDayModel final : public KeyedRowModel<AllDayCount>
{
    Q_OBJECT
public:
    enum Column { ProductColumn, WaitingColumn, PendingColumn, PreparingColumn, ColumnCount };
    explicit AllDayModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Recounts from the queue, optionally for one counter only (empty = all counters).
    void recount(const OrderQueueModel &queue, const QString &counter = {});
    int waiting(const QString &product) const;
};

} // namespace TableTap
