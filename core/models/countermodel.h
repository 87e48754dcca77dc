// Counters: status from list_counters and counter:status_changed, load from the order queue.
#pragma once

#include "cafeevent.h"
#include "counterinfo.h"
#include "keyedrowmodel.h"

namespace TableTap {

class OrderQueueModel;

class CounterModel final : public KeyedRowModel<CounterInfo>
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        OpenColumn,
        PendingColumn,
        PreparingColumn,
        ReadyColumn,
        ColumnCount
    };
    enum Role { NameRole = Qt::UserRole + 1, ActiveRole, OpenOrdersRole };

    explicit CounterModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void resetCounters(const QList<CounterInfo> &counters);
    bool apply(const CafeEvent &event);
    // Recounts open orders per counter from the queue (call when the queue flushes).
    void updateLoads(const OrderQueueModel &queue);
    QStringList names() const;
    QStringList activeNames() const;
};

} // namespace TableTap
