// The counters model.
#include "countermodel.h"

#include "orderqueuemodel.h"

#include <array>

namespace TableTap {

CounterModel::CounterModel(QObject *parent)
    : KeyedRowModel<CounterInfo>(parent)
{}

int CounterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CounterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CounterInfo &c = rowAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case StatusColumn:
            return c.reason.isEmpty() || c.isActive()
                       ? c.status
                       : QStringLiteral("%1 (%2)").arg(c.status, c.reason);
        case OpenColumn:
            return c.openOrders();
        case PendingColumn:
            return c.pending;
        case PreparingColumn:
            return c.preparing;
        case ReadyColumn:
            return c.ready;
        }
    }
    if (role == NameRole)
        return c.name;
    if (role == ActiveRole)
        return c.isActive();
    if (role == OpenOrdersRole)
        return c.openOrders();
    return {};
}

QVariant CounterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Counter");
    case StatusColumn:
        return tr("Status");
    case OpenColumn:
        return tr("Open");
    case PendingColumn:
        return tr("Pending");
    case PreparingColumn:
        return tr("Preparing");
    case ReadyColumn:
        return tr("Ready");
    }
    return {};
}

void CounterModel::resetCounters(const QList<CounterInfo> &counters)
{
    QList<std::pair<QString, CounterInfo>> rows;
    for (const CounterInfo &c : counters)
        rows.append({c.name, c});
    resetRows(rows);
}

bool CounterModel::apply(const CafeEvent &event)
{
    const auto *p = std::get_if<CounterStatusChanged>(&event.payload);
    if (!p || p->counterName.isEmpty())
        return false;
    CounterInfo c;
    if (const CounterInfo *current = find(p->counterName))
        c = *current;
    c.name = p->counterName;
    c.status = p->newStatus;
    c.reason = p->reason;
    upsert(c.name, c);
    return true;
}

void CounterModel::updateLoads(const OrderQueueModel &queue)
{
    QHash<QString, std::array<int, 3>> load;
    for (const Order &o : queue.rows()) {
        auto &l = load[o.counter];
        if (o.status == OrderStatus::Pending)
            ++l[0];
        else if (o.status == OrderStatus::Preparing)
            ++l[1];
        else if (o.status == OrderStatus::Ready)
            ++l[2];
    }
    // Iterate a copy: with batching off, upsert() changes rows() underneath.
    const QList<CounterInfo> all = rows();
    for (const CounterInfo &c : all) {
        const auto l = load.value(c.name, {0, 0, 0});
        if (c.pending == l[0] && c.preparing == l[1] && c.ready == l[2])
            continue;
        CounterInfo next = *find(c.name);
        next.pending = l[0];
        next.preparing = l[1];
        next.ready = l[2];
        upsert(c.name, next);
    }
}

QStringList CounterModel::names() const
{
    QStringList out;
    for (const CounterInfo &c : rows())
        out << c.name;
    return out;
}

QStringList CounterModel::activeNames() const
{
    QStringList out;
    for (const CounterInfo &c : rows())
        if (c.isActive())
            out << c.name;
    return out;
}

} // namespace TableTap
