// The chart data proxy.
#include "chartdataproxy.h"

namespace TableTap {

ChartDataProxy::ChartDataProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{}

void ChartDataProxy::setColumnRole(int column, int role)
{
    m_roles.insert(column, role);
}

QVariant ChartDataProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole) {
        const auto it = m_roles.constFind(index.column());
        if (it != m_roles.constEnd())
            return QIdentityProxyModel::data(index, *it);
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace TableTap
