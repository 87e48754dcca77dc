// The all-day counts model.
#include "alldaymodel.h"

#include "orderqueuemodel.h"

namespace TableTap {

AllDayModel::AllDayModel(QObject *parent)
    : KeyedRowModel<AllDayCount>(parent)
{}

int AllDayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllDayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AllDayCount &c = rowAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ProductColumn:
            return c.product;
        case WaitingColumn:
            return c.total();
        case PendingColumn:
            return c.pending;
        case PreparingColumn:
            return c.preparing;
        }
    }
    if (role == Qt::UserRole)
        return c.total();
    return {};
}

QVariant AllDayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProductColumn:
        return tr("Product");
    case WaitingColumn:
        return tr("Waiting");
    case PendingColumn:
        return tr("Pending");
    case PreparingColumn:
        return tr("Preparing");
    }
    return {};
}

void AllDayModel::recount(const OrderQueueModel &queue, const QString &counter)
{
    QHash<QString, AllDayCount> counts;
    for (const Order &o : queue.rows()) {
        if (o.status != OrderStatus::Pending && o.status != OrderStatus::Preparing)
            continue;
        if (!counter.isEmpty() && o.counter != counter)
            continue;
        for (const OrderItem &i : o.items) {
            AllDayCount &c = counts[i.productName];
            c.product = i.productName;
            (o.status == OrderStatus::Pending ? c.pending : c.preparing) += i.quantity;
        }
    }
    QStringList gone;
    for (int r = 0; r < rowCount(); ++r)
        if (!counts.contains(keyAt(r)))
            gone << keyAt(r);
    for (const QString &key : std::as_const(gone))
        remove(key);
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        const AllDayCount *current = find(it.key());
        if (!current || current->pending != it->pending || current->preparing != it->preparing)
            upsert(it.key(), *it);
    }
}

int AllDayModel::waiting(const QString &product) const
{
    const AllDayCount *c = find(product);
    return c ? c->total() : 0;
}

} // namespace TableTap
