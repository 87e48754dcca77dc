// The shifts themselves (one row per timesheet of list_timesheets), newest first by clock-in:
// in, out, break, hours, pay, the hub's warnings and corrections. Fed by the timesheets
// snapshot, employee:clocked_in / clocked_out and the hub's timesheet:corrected.
#pragma once

#include "cafeevent.h"
#include "keyedrowmodel.h"
#include "timesheetrecord.h"

#include <functional>

namespace TableTap {

class ShiftListModel final : public KeyedRowModel<TimesheetRow>
{
    Q_OBJECT
public:
    enum Column {
        EmployeeColumn,
        DateColumn,
        InColumn,
        OutColumn,
        BreakColumn,
        HoursColumn,
        PayColumn,
        WarningsColumn,
        ColumnCount
    };
    enum Role {
        TimesheetIdRole = Qt::UserRole + 1,
        UserIdRole,
        WarningsRole, // QStringList of codes: open_over_12h, missed_break
        CorrectedRole,
        SortRole, // clock-in time in ms
    };

    explicit ShiftListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void resetSheets(const QList<TimesheetRow> &sheets);
    bool apply(const CafeEvent &event);
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    const TimesheetRow *sheet(const QString &timesheetId) const { return find(timesheetId); }
    // The hub's warnings, and open_over_12h for a shift that crossed 12 hours since it said.
    QStringList warnings(const TimesheetRow &row) const;
    // The words for a warning code (translated).
    static QString warningText(const QString &code);

    static constexpr qint64 OpenWarningSecs = 12 * 3600;

private:
    std::function<QDateTime()> m_now;
};

} // namespace TableTap
