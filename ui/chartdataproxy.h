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

#include <functional>

namespace TableTap {

class ChartDataProxy final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ChartDataProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source);
    // Column's display value comes from the source's role.
    void setColumnRole(int column, int role);
    // Column's display value is computed from the source's row (ratios, splits by state).
    using ValueFunction = std::function<QVariant(const QModelIndex &sourceRow)>;
    void setColumnFunction(int column, ValueFunction function);
    // The bar set's name for a column (charts label series by the horizontal header).
    void setColumnHeader(int column, const QString &header);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QPointer<QAbstractItemModel> m_source;
    QHash<int, int> m_roles;
    QHash<int, ValueFunction> m_functions;
    QHash<int, QString> m_headers;
};

} // namespace TableTap
