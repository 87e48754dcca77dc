// Counters: each counter's status (active / inactive and why) and its load (open orders by
// status). Managers take a counter out of service or back, with a reason; the hub moves its
// open orders. "Show in queue" filters the queue to the selected counter.
#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace TableTap {

class ConsoleSession;

class CountersView final : public QWidget
{
    Q_OBJECT
public:
    explicit CountersView(ConsoleSession *session, QWidget *parent = nullptr);

    void setManager(bool manager);
    QTableView *table() const { return m_view; }
    QString currentCounter() const;

Q_SIGNALS:
    void showInQueue(const QString &counter);

private:
    void toggleCurrent();
    void updateButtons();

    ConsoleSession *m_session;
    QTableView *m_view;
    QPushButton *m_toggle;
    QPushButton *m_show;
    bool m_manager = false;
};

} // namespace TableTap
