// The order queue's filter proxy.
#include "orderfiltermodel.h"

#include "orderqueuemodel.h"

namespace TableTap {

OrderFilterModel::OrderFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(OrderQueueModel::AgeColumn, Qt::DescendingOrder);
}

void OrderFilterModel::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    refilter();
}

void OrderFilterModel::setCounter(const QString &counter)
{
    if (counter == m_counter)
        return;
    m_counter = counter;
    refilter();
}

void OrderFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    refilter();
}

void OrderFilterModel::refilter()
{
    // One layout change instead of invalidateFilter()'s removal and insertion of every run of
    // rows that changes: a long history filtered by a typed character otherwise sends the view
    // thousands of row signals, each laid out again. Persistent indexes (the selection, the
    // current order) survive a layout change.
    invalidate();
}

bool OrderFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // The queue's own model: read the order itself (no QVariant, no column texts built), as
    // a 100,000-order history is filtered on every key typed into the search.
    if (const auto *queue = qobject_cast<const OrderQueueModel *>(sourceModel())) {
        const Order &o = queue->rowAt(sourceRow);
        const bool open = isOpenStatus(o.status);
        if ((m_scope == Scope::Open && !open) || (m_scope == Scope::Closed && open))
            return false;
        if (!m_counter.isEmpty() && o.counter != m_counter)
            return false;
        if (m_search.isEmpty())
            return true;
        return queue->matches(o, m_search);
    }
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool open = idx.data(OrderQueueModel::IsOpenRole).toBool();
    if ((m_scope == Scope::Open && !open) || (m_scope == Scope::Closed && open))
        return false;
    if (!m_counter.isEmpty() && idx.data(OrderQueueModel::CounterRole).toString() != m_counter)
        return false;
    if (!m_search.isEmpty()) {
        for (int c = 0; c < OrderQueueModel::ColumnCount; ++c) {
            const QString text = sourceModel()->index(sourceRow, c, sourceParent).data().toString();
            if (text.contains(m_search, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    return true;
}

bool OrderFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (const auto *queue = qobject_cast<const OrderQueueModel *>(sourceModel())) {
        // Straight from the orders: a sort of 100,000 rows makes millions of comparisons.
        const Order &a = queue->rowAt(left.row());
        const Order &b = queue->rowAt(right.row());
        switch (left.column()) {
        case OrderQueueModel::AgeColumn: {
            // In whole seconds as the column shows them; two open orders compare by when they
            // were placed (no clock needed), the common case in the queue.
            qint64 x;
            qint64 y;
            const bool openA = isOpenStatus(a.status) || !a.closedAt.isValid();
            const bool openB = isOpenStatus(b.status) || !b.closedAt.isValid();
            if (openA && openB && a.createdAt.isValid() && b.createdAt.isValid()) {
                x = b.createdAt.toMSecsSinceEpoch() / 1000;
                y = a.createdAt.toMSecsSinceEpoch() / 1000;
            } else {
                const QDateTime now = queue->now();
                x = queue->ageSeconds(a, now);
                y = queue->ageSeconds(b, now);
            }
            if (x != y)
                return x < y;
            return a.id < b.id;
        }
        case OrderQueueModel::TotalColumn:
            return a.total != b.total ? a.total < b.total : a.id < b.id;
        case OrderQueueModel::NumberColumn:
            return a.number < b.number;
        case OrderQueueModel::CounterColumn:
            return a.counter < b.counter;
        case OrderQueueModel::StatusColumn:
            return int(a.status) < int(b.status);
        case OrderQueueModel::CustomerColumn:
            return a.customerName.compare(b.customerName, Qt::CaseInsensitive) < 0;
        default:
            break;
        }
    }
    if (left.column() == OrderQueueModel::AgeColumn) {
        const qint64 a = left.data(OrderQueueModel::AgeSecondsRole).toLongLong();
        const qint64 b = right.data(OrderQueueModel::AgeSecondsRole).toLongLong();
        if (a != b)
            return a < b;
        return left.data(OrderQueueModel::OrderIdRole).toString()
               < right.data(OrderQueueModel::OrderIdRole).toString();
    }
    if (left.column() == OrderQueueModel::TotalColumn)
        return left.data().toString().toDouble() < right.data().toString().toDouble();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace TableTap
