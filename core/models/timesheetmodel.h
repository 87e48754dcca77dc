// Who is in now, hours and pay today, drink allowance: from list_timesheets and employee:*.
#pragma once

#include "cafeevent.h"
#include "keyedrowmodel.h"
#include "staffshift.h"

#include <QBasicTimer>

#include <functional>

namespace TableTap {

class TimesheetModel final : public KeyedRowModel<StaffShift>
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        SinceColumn,
        HoursColumn,
        PayColumn,
        DrinksColumn,
        ColumnCount
    };
    enum Role { UserIdRole = Qt::UserRole + 1, ClockedInRole };

    explicit TimesheetModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void resetShifts(const QList<StaffShift> &shifts);
    bool apply(const CafeEvent &event);
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    int clockedInCount() const;
    const StaffShift *shift(const QString &userId) const { return find(userId); }

private:
    void timerEvent(QTimerEvent *event) override;

    std::function<QDateTime()> m_now;
    QBasicTimer m_tick;
};

} // namespace TableTap
