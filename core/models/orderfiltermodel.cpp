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
    invalidateFilter();
}

void OrderFilterModel::setCounter(const QString &counter)
{
    if (counter == m_counter)
        return;
    m_counter = counter;
    invalidateFilter();
}

void OrderFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateFilter();
}

bool OrderFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
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
