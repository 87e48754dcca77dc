// The shift list model.
#include "shiftlistmodel.h"

namespace TableTap {

ShiftListModel::ShiftListModel(QObject *parent)
    : KeyedRowModel<TimesheetRow>(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

int ShiftListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList ShiftListModel::warnings(const TimesheetRow &row) const
{
    QStringList w = row.warnings;
    const bool longOpen = row.isOpen() && row.clockInTime.isValid()
                          && row.clockInTime.secsTo(m_now()) > OpenWarningSecs;
    if (longOpen && !w.contains(QStringLiteral("open_over_12h")))
        w.append(QStringLiteral("open_over_12h"));
    if (!row.isOpen())
        w.removeAll(QStringLiteral("open_over_12h"));
    return w;
}

QString ShiftListModel::warningText(const QString &code)
{
    if (code == u"open_over_12h")
        return tr("open over 12 h");
    if (code == u"missed_break")
        return tr("missed break");
    return code;
}

static QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

QVariant ShiftListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimesheetRow &r = rowAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case EmployeeColumn:
            return r.employeeName.isEmpty() ? r.userId : r.employeeName;
        case DateColumn:
            return r.shiftDate.isValid() ? r.shiftDate.toString(Qt::ISODate)
                                         : r.clockInTime.toLocalTime().date().toString(Qt::ISODate);
        case InColumn:
            return timeText(r.clockInTime);
        case OutColumn:
            return r.isOpen() ? tr("open") : timeText(r.clockOutTime);
        case BreakColumn:
            return r.isOpen() ? QString() : tr("%n min", nullptr, r.breakMinutes);
        case HoursColumn:
            return r.isOpen() ? QString() : QString::number(r.totalHours, 'f', 2);
        case PayColumn:
            return r.isOpen() ? QString() : formatCents(r.totalPay);
        case WarningsColumn: {
            QStringList words;
            for (const QString &w : warnings(r))
                words.append(warningText(w));
            if (!r.corrections.isEmpty())
                words.append(tr("corrected (%n)", nullptr, int(r.corrections.size())));
            return words.join(QStringLiteral(", "));
        }
        }
        return {};
    }
    switch (role) {
    case TimesheetIdRole:
        return r.timesheetId;
    case UserIdRole:
        return r.userId;
    case WarningsRole:
        return warnings(r);
    case CorrectedRole:
        return !r.corrections.isEmpty();
    case SortRole:
        return index.column() == EmployeeColumn ? QVariant(r.employeeName)
                                                : QVariant(r.clockInTime.toMSecsSinceEpoch());
    }
    return {};
}

QVariant ShiftListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EmployeeColumn:
        return tr("Employee");
    case DateColumn:
        return tr("Shift date");
    case InColumn:
        return tr("In");
    case OutColumn:
        return tr("Out");
    case BreakColumn:
        return tr("Break");
    case HoursColumn:
        return tr("Hours");
    case PayColumn:
        return tr("Pay");
    case WarningsColumn:
        return tr("Warnings");
    }
    return {};
}

void ShiftListModel::resetSheets(const QList<TimesheetRow> &sheets)
{
    QList<std::pair<QString, TimesheetRow>> rows;
    for (const TimesheetRow &t : sheets)
        if (!t.timesheetId.isEmpty())
            rows.append({t.timesheetId, t});
    resetRows(rows);
}

bool ShiftListModel::apply(const CafeEvent &event)
{
    if (const auto *p = std::get_if<ClockedIn>(&event.payload)) {
        if (p->timesheetId.isEmpty())
            return false;
        TimesheetRow r;
        r.timesheetId = p->timesheetId;
        r.userId = p->userId;
        r.employeeName = p->employeeName;
        r.shiftDate = p->shiftDate;
        r.clockInTime = p->clockInTime;
        upsert(r.timesheetId, r);
        return true;
    }
    if (const auto *p = std::get_if<ClockedOut>(&event.payload)) {
        const TimesheetRow *current = find(p->timesheetId);
        if (!current)
            return false; // a shift from before the snapshot's range
        TimesheetRow r = *current;
        r.clockOutTime = p->clockOutTime;
        r.breakMinutes = p->breakMinutes;
        r.totalHours = p->totalHours;
        r.totalPay = p->totalPay;
        upsert(r.timesheetId, r);
        return true;
    }
    if (const auto *p = std::get_if<TimesheetCorrected>(&event.payload)) {
        upsert(p->timesheet.timesheetId, p->timesheet);
        return true;
    }
    return false;
}

} // namespace TableTap
