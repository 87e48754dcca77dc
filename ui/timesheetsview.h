// Timesheets: who is in now, hours and pay today and the drink allowance per person (everyone
// for a manager, one's own row for an employee); clock in, clock out with the break taken, and
// record a drink for oneself.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace TableTap {

class ConsoleSession;

class TimesheetsView final : public QWidget
{
    Q_OBJECT
public:
    explicit TimesheetsView(ConsoleSession *session, QWidget *parent = nullptr);
    QTableView *table() const { return m_view; }
    QString whoIsInText() const;

public Q_SLOTS:
    void clockIn();
    void clockOut();
    void recordDrink();

private:
    void refresh();

    ConsoleSession *m_session;
    QTableView *m_view;
    QLabel *m_whoIsIn;
    QLabel *m_me;
    QPushButton *m_in;
    QPushButton *m_out;
    QPushButton *m_drink;
};

} // namespace TableTap
