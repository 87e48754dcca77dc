// The outbox model.
#include "outboxmodel.h"

#include <algorithm>

namespace TableTap {

OutboxModel::OutboxModel(QObject *parent)
    : KeyedRowModel<OutboxEntry>(parent)
{
    setBatchInterval(0); // a handful of rows; show each change at once
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxModel::stateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return tr("pending");
    case OutboxEntry::State::Sent:
        return tr("sent");
    case OutboxEntry::State::Done:
        return tr("done");
    case OutboxEntry::State::Refused:
        return tr("refused");
    case OutboxEntry::State::Unknown:
        return tr("unknown");
    }
    return {};
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = rowAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case ActionColumn:
            return e.description;
        case StateColumn:
            return stateName(e.state);
        case MessageColumn:
            return e.message;
        }
    }
    if (role == RequestIdRole)
        return e.requestId;
    if (role == StateRole)
        return int(e.state);
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case StateColumn:
        return tr("State");
    case MessageColumn:
        return tr("Hub says");
    }
    return {};
}

void OutboxModel::add(const OutboxEntry &entry)
{
    upsert(entry.requestId, entry);
}

void OutboxModel::setState(const QString &requestId, OutboxEntry::State state,
                           const QString &message, const QString &errorType)
{
    const OutboxEntry *current = find(requestId);
    if (!current)
        return;
    OutboxEntry e = *current;
    e.state = state;
    e.message = message;
    e.errorType = errorType;
    upsert(requestId, e);
}

void OutboxModel::countAttempt(const QString &requestId)
{
    const OutboxEntry *current = find(requestId);
    if (!current)
        return;
    OutboxEntry e = *current;
    e.attempts += 1;
    upsert(requestId, e);
}

QList<OutboxEntry> OutboxModel::inStates(std::initializer_list<OutboxEntry::State> states) const
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : rows())
        if (std::find(states.begin(), states.end(), e.state) != states.end())
            out.append(e);
    return out;
}

QList<OutboxEntry> OutboxModel::unfinished() const
{
    return inStates({OutboxEntry::State::Pending, OutboxEntry::State::Sent});
}

QList<OutboxEntry> OutboxModel::unsettled() const
{
    return inStates({OutboxEntry::State::Sent, OutboxEntry::State::Unknown});
}

int OutboxModel::pendingCount() const
{
    return int(unfinished().size());
}

} // namespace TableTap
