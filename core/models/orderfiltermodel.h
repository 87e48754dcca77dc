// The queue as a view wants it: open or recent orders, one counter or all, a search text,
// oldest open orders first.
#pragma once

#include <QSortFilterProxyModel>

namespace TableTap {

class OrderFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Scope { Open, Closed, All };
    Q_ENUM(Scope)

    explicit OrderFilterModel(QObject *parent = nullptr);

    void setScope(Scope scope);
    Scope scope() const { return m_scope; }
    // Empty shows every counter.
    void setCounter(const QString &counter);
    QString counter() const { return m_counter; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    Scope m_scope = Scope::Open;
    QString m_counter;
    QString m_search;
};

} // namespace TableTap
