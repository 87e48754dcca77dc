// Qt Charts' model mappers read Qt::DisplayRole; the console's models display formatted text
// ("08:15", "12.50") and carry numbers in their own roles. This adapter serves, per column,
// the number role as the display value, so the mappers plot numbers. It is a plain table model
// that forwards the source's changes rather than a QIdentityProxyModel: Qt 6.4's proxies
// announce a header change before the rows when the first rows arrive, and QBarModelMapper
// then indexes bar sets it has not created yet and crashes.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace TableTap {

class ChartDataProxy final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ChartDataProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source);
    // Column's display value comes from the source's role.
    void setColumnRole(int column, int role);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QPointer<QAbstractItemModel> m_source;
    QHash<int, int> m_roles;
};

} // namespace TableTap
