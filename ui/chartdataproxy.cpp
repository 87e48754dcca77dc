// The chart data adapter.
#include "chartdataproxy.h"

namespace TableTap {

ChartDataProxy::ChartDataProxy(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ChartDataProxy::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (source) {
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this,
                &ChartDataProxy::beginResetModel);
        connect(source, &QAbstractItemModel::modelReset, this, &ChartDataProxy::endResetModel);
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this](const QModelIndex &parent, int first, int last) {
                    if (!parent.isValid())
                        beginInsertRows({}, first, last);
                });
        connect(source, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
            if (!parent.isValid())
                endInsertRows();
        });
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &parent, int first, int last) {
                    if (!parent.isValid())
                        beginRemoveRows({}, first, last);
                });
        connect(source, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent) {
            if (!parent.isValid())
                endRemoveRows();
        });
        connect(source, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    Q_EMIT dataChanged(index(topLeft.row(), topLeft.column()),
                                       index(bottomRight.row(), bottomRight.column()));
                });
        // Row order changed (sorted sources): everything may have moved.
        connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &ChartDataProxy::beginResetModel);
        connect(source, &QAbstractItemModel::layoutChanged, this, &ChartDataProxy::endResetModel);
    }
    endResetModel();
}

void ChartDataProxy::setColumnRole(int column, int role)
{
    m_roles.insert(column, role);
}

void ChartDataProxy::setColumnFunction(int column, ValueFunction function)
{
    m_functions.insert(column, std::move(function));
}

void ChartDataProxy::setColumnHeader(int column, const QString &header)
{
    m_headers.insert(column, header);
}

int ChartDataProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->rowCount();
}

int ChartDataProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

QVariant ChartDataProxy::data(const QModelIndex &index, int role) const
{
    if (!m_source || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QModelIndex source = m_source->index(index.row(), index.column());
    if (role == Qt::DisplayRole) {
        const auto f = m_functions.constFind(index.column());
        if (f != m_functions.constEnd())
            return (*f)(m_source->index(index.row(), 0));
        const auto it = m_roles.constFind(index.column());
        if (it != m_roles.constEnd())
            return source.data(*it);
    }
    return source.data(role);
}

QVariant ChartDataProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && m_headers.contains(section))
        return m_headers.value(section);
    return m_source ? m_source->headerData(section, orientation, role) : QVariant();
}

} // namespace TableTap
