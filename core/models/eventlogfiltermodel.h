// The event log filtered by namespace and by free text over event names and summaries.
#pragma once

#include <QSortFilterProxyModel>

namespace TableTap {

class EventLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventLogFilterModel(QObject *parent = nullptr);
    // Empty shows every namespace.
    void setNamespace(const QString &nsp);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_nsp;
    QString m_text;
};

} // namespace TableTap
