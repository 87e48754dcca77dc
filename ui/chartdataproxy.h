// Qt Charts' model mappers read Qt::DisplayRole; the console's models display formatted text
// ("08:15", "12.50") and carry numbers in their own roles. This proxy serves, per column, the
// number role as the display value, so the mappers plot numbers.
#pragma once

#include <QHash>
#include <QIdentityProxyModel>

namespace TableTap {

class ChartDataProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit ChartDataProxy(QObject *parent = nullptr);
    // Column's display value comes from the source's role.
    void setColumnRole(int column, int role);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QHash<int, int> m_roles;
};

} // namespace TableTap
