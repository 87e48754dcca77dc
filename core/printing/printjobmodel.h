// The spooler's jobs as a table, newest first (the Printing view's job list).
#pragma once

#include <QAbstractTableModel>

namespace TableTap {

class PrintSpooler;
struct PrintJob;

class PrintJobModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Created,
        Kind,
        Order,
        Counter,
        Printer,
        State,
        Attempts,
        Error,
        Printed,
        ColumnCount
    };
    enum Role { JobIdRole = Qt::UserRole + 1, StateRole };

    explicit PrintJobModel(PrintSpooler *spooler, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    const PrintJob *job(int row) const;
    int rowOf(const QString &id) const;

private:
    PrintSpooler *m_spooler;
    int m_rows = 0;
};

} // namespace TableTap
