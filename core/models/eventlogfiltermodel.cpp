// The event log's filter proxy.
#include "eventlogfiltermodel.h"

#include "eventlogmodel.h"

namespace TableTap {

EventLogFilterModel::EventLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void EventLogFilterModel::setNamespace(const QString &nsp)
{
    if (nsp == m_nsp)
        return;
    m_nsp = nsp;
    invalidateFilter();
}

void EventLogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_nsp.isEmpty() && idx.data(EventLogModel::NamespaceRole).toString() != m_nsp)
        return false;
    if (m_text.isEmpty())
        return true;
    return idx.data(EventLogModel::EventRole).toString().contains(m_text, Qt::CaseInsensitive)
           || sourceModel()
                  ->index(sourceRow, EventLogModel::SummaryColumn, sourceParent)
                  .data()
                  .toString()
                  .contains(m_text, Qt::CaseInsensitive);
}

} // namespace TableTap
