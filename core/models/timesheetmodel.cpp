// The timesheet model.
#include "timesheetmodel.h"

#include <QTimerEvent>

namespace TableTap {

TimesheetModel::TimesheetModel(QObject *parent)
    : KeyedRowModel<StaffShift>(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_tick.start(1000, Qt::CoarseTimer, this);
}

void TimesheetModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_tick.timerId()) {
        // The hours of whoever is in grow by themselves, between events too.
        if (rowCount() > 0 && clockedInCount() > 0)
            Q_EMIT dataChanged(index(0, HoursColumn), index(rowCount() - 1, HoursColumn),
                               {Qt::DisplayRole});
        return;
    }
    KeyedRowModel<StaffShift>::timerEvent(event);
}

int TimesheetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimesheetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StaffShift &s = rowAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case StateColumn:
            return s.clockedIn ? tr("in") : tr("out");
        case SinceColumn:
            return s.clockedIn && s.clockInTime.isValid()
                       ? s.clockInTime.toLocalTime().toString(QStringLiteral("HH:mm"))
                       : QString();
        case HoursColumn: {
            double hours = s.hoursToday;
            if (s.clockedIn && s.clockInTime.isValid())
                hours += s.clockInTime.secsTo(m_now()) / 3600.0;
            return QString::number(hours, 'f', 2);
        }
        case PayColumn:
            return formatCents(s.payToday);
        case DrinksColumn:
            return s.drinkLimit > 0
                       ? QStringLiteral("%1 / %2").arg(s.drinksThisMonth).arg(s.drinkLimit)
                       : QString::number(s.drinksThisMonth);
        }
        return {};
    }
    if (role == UserIdRole)
        return s.userId;
    if (role == ClockedInRole)
        return s.clockedIn;
    return {};
}

QVariant TimesheetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("In / out");
    case SinceColumn:
        return tr("Since");
    case HoursColumn:
        return tr("Hours today");
    case PayColumn:
        return tr("Pay today");
    case DrinksColumn:
        return tr("Drinks this month");
    }
    return {};
}

void TimesheetModel::resetShifts(const QList<StaffShift> &shifts)
{
    QList<std::pair<QString, StaffShift>> rows;
    for (const StaffShift &s : shifts)
        rows.append({s.userId, s});
    resetRows(rows);
}

bool TimesheetModel::apply(const CafeEvent &event)
{
    if (const auto *p = std::get_if<ClockedIn>(&event.payload)) {
        StaffShift s;
        if (const StaffShift *current = find(p->userId))
            s = *current;
        s.userId = p->userId;
        s.employeeCode = p->employeeId;
        s.name = p->employeeName;
        s.clockedIn = true;
        s.timesheetId = p->timesheetId;
        s.clockInTime = p->clockInTime;
        upsert(s.userId, s);
        return true;
    }
    if (const auto *p = std::get_if<ClockedOut>(&event.payload)) {
        StaffShift s;
        if (const StaffShift *current = find(p->userId))
            s = *current;
        s.userId = p->userId;
        s.employeeCode = p->employeeId;
        s.name = p->employeeName;
        s.clockedIn = false;
        s.clockOutTime = p->clockOutTime;
        s.hoursToday += p->totalHours;
        s.payToday += p->totalPay;
        s.hourlyRate = p->hourlyRate;
        s.breakMinutes += p->breakMinutes;
        upsert(s.userId, s);
        return true;
    }
    if (const auto *p = std::get_if<DrinkConsumed>(&event.payload)) {
        StaffShift s;
        if (const StaffShift *current = find(p->userId))
            s = *current;
        s.userId = p->userId;
        if (s.name.isEmpty())
            s.name = p->employeeName;
        s.drinksThisMonth = p->monthlyCount;
        s.drinkLimit = p->monthlyLimit;
        upsert(s.userId, s);
        return true;
    }
    return false;
}

int TimesheetModel::clockedInCount() const
{
    int n = 0;
    for (const StaffShift &s : rows())
        n += s.clockedIn ? 1 : 0;
    return n;
}

} // namespace TableTap
