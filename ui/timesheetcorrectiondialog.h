// A manager's correction of one timesheet (correct_timesheet): a clock-in or clock-out moved, a
// forgotten shift closed, a break added, and the reason, which is required. Only what differs
// from the sheet is sent; the dialog refuses what the hub would (clock-out before clock-in, a
// time in the future, a break longer than the shift) and says why.
#pragma once

#include "timesheetrecord.h"

#include <QDateTime>
#include <QDialog>
#include <functional>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace TableTap {

class TimesheetCorrectionDialog final : public QDialog
{
    Q_OBJECT
public:
    TimesheetCorrectionDialog(const TimesheetRow &sheet, std::function<QDateTime()> now,
                              QWidget *parent = nullptr);

    // What changed: an invalid time or a negative break is unchanged.
    QDateTime clockIn() const;
    QDateTime clockOut() const;
    int breakMinutes() const;
    QString reason() const;
    // Why OK is disabled (empty when the correction can be sent).
    QString problem() const;

    // For tests and the keyboard path.
    void setClockIn(const QDateTime &t);
    void setClockOut(const QDateTime &t); // also closes an open shift
    void setBreakMinutes(int minutes);
    void setReason(const QString &reason);

private:
    void update();

    TimesheetRow m_sheet;
    std::function<QDateTime()> m_now;
    QDateTimeEdit *m_in;
    QCheckBox *m_close;
    QDateTimeEdit *m_out;
    QSpinBox *m_break;
    QLineEdit *m_reason;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace TableTap
