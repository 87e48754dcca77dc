// The event log model.
#include "eventlogmodel.h"

namespace TableTap {

EventLogModel::EventLogModel(QObject *parent)
    : BatchedTableModel(parent)
{}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventLogEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case NamespaceColumn:
            return e.nsp;
        case EventColumn:
            return e.event;
        case SummaryColumn:
            return e.summary;
        }
        return {};
    case NamespaceRole:
        return e.nsp;
    case EventRole:
        return e.event;
    case EventIdRole:
        return e.eventId;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NamespaceColumn:
        return tr("Namespace");
    case EventColumn:
        return tr("Event");
    case SummaryColumn:
        return tr("Summary");
    }
    return {};
}

void EventLogModel::append(const CafeEvent &event, const QDateTime &receivedAt)
{
    m_pending.append({receivedAt, event.nsp, event.name, event.summary, event.meta.eventId});
    ++m_total;
    scheduleFlush();
}

void EventLogModel::appendNote(const QString &nsp, const QString &what, const QString &summary,
                               const QDateTime &at)
{
    m_pending.append({at, nsp, what, summary, {}});
    scheduleFlush();
}

void EventLogModel::applyPending()
{
    if (m_pending.isEmpty())
        return;
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    const qsizetype overflow = m_rows.size() + m_pending.size() - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_rows.remove(0, overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    m_rows.append(m_pending);
    endInsertRows();
    m_pending.clear();
}

} // namespace TableTap
