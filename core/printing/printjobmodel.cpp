// PrintJobModel: rows map to the spooler's list from its end.
#include "printjobmodel.h"

#include "printspooler.h"

namespace TableTap {

PrintJobModel::PrintJobModel(PrintSpooler *spooler, QObject *parent)
    : QAbstractTableModel(parent)
    , m_spooler(spooler)
    , m_rows(int(spooler->jobs().size()))
{
    connect(spooler, &PrintSpooler::jobAdded, this, [this] {
        const int n = int(m_spooler->jobs().size());
        if (n == m_rows + 1) {
            beginInsertRows({}, 0, 0);
            m_rows = n;
            endInsertRows();
        } else {
            beginResetModel();
            m_rows = n;
            endResetModel();
        }
    });
    connect(spooler, &PrintSpooler::jobsRemoved, this, [this] {
        beginResetModel();
        m_rows = int(m_spooler->jobs().size());
        endResetModel();
    });
    connect(spooler, &PrintSpooler::jobChanged, this, [this](const QString &id) {
        const int row = rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int PrintJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PrintJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const PrintJob *PrintJobModel::job(int row) const
{
    // Rows count from the model's own row count, not the list's: a job is appended to the
    // spooler's list before its row is inserted, and the rows already there must keep their jobs.
    const QList<PrintJob> &jobs = m_spooler->jobs();
    const int i = m_rows - 1 - row;
    return (row < 0 || row >= m_rows || i < 0 || i >= jobs.size()) ? nullptr : &jobs.at(i);
}

int PrintJobModel::rowOf(const QString &id) const
{
    const QList<PrintJob> &jobs = m_spooler->jobs();
    for (int i = 0; i < jobs.size() && i < m_rows; ++i)
        if (jobs.at(i).id == id)
            return m_rows - 1 - i;
    return -1;
}

QVariant PrintJobModel::data(const QModelIndex &index, int role) const
{
    const PrintJob *j = job(index.row());
    if (!j)
        return {};
    if (role == JobIdRole)
        return j->id;
    if (role == StateRole)
        return int(j->state);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
    };
    switch (index.column()) {
    case Created:
        return time(j->createdAt);
    case Kind:
        return PrintJob::kindText(j->kind);
    case Order:
        return j->title.isEmpty() ? j->orderNumber : j->title;
    case Counter:
        return j->counter;
    case Printer:
        return j->printer;
    case State:
        return PrintJob::stateText(j->state);
    case Attempts:
        return j->attempts;
    case Error:
        return j->lastError;
    case Printed:
        return time(j->printedAt);
    default:
        break;
    }
    return {};
}

QVariant PrintJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Created:
        return tr("Created");
    case Kind:
        return tr("Kind");
    case Order:
        return tr("Job");
    case Counter:
        return tr("Counter");
    case Printer:
        return tr("Printer");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case Error:
        return tr("Last error");
    case Printed:
        return tr("Printed");
    default:
        break;
    }
    return {};
}

} // namespace TableTap
