// Timesheets: who is in now, hours and pay today and the drink allowance per person (everyone
// for a manager, one's own row for an employee); clock in, clock out with the break taken, and
// record a drink for oneself. Below, the shifts themselves with the hub's warnings (open over
// 12 hours, a missed break), a manager's Correct… (correct_timesheet) and the selected shift's
// audit trail beside it (an employee sees the corrections of their own shifts).
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace TableTap {

class ConsoleSession;

class TimesheetsView final : public QWidget
{
    Q_OBJECT
public:
    explicit TimesheetsView(ConsoleSession *session, QWidget *parent = nullptr);
    QTableView *table() const { return m_view; }
    QTableView *shiftTable() const { return m_shifts; }
    QTreeWidget *auditTrail() const { return m_trail; }
    QPushButton *correctButton() const { return m_correct; }
    // The timesheet id of the selected shift (empty: none).
    QString selectedShift() const;
    QString whoIsInText() const;

public Q_SLOTS:
    void clockIn();
    void clockOut();
    void recordDrink();
    // Opens the correction dialog for the selected shift (managers).
    void correctShift();

private:
    void refresh();
    void showTrail();

    ConsoleSession *m_session;
    QTableView *m_view;
    QLabel *m_whoIsIn;
    QLabel *m_me;
    QPushButton *m_in;
    QPushButton *m_out;
    QPushButton *m_drink;
    QTableView *m_shifts;
    QTreeWidget *m_trail;
    QLabel *m_trailTitle;
    QPushButton *m_correct;
    // The selected shift's id, kept across snapshots (a reload resets the model).
    QString m_selected;
};

} // namespace TableTap
