// The live order queue: today's orders from OrderFilterModel, tinted by age, one click on the
// row's button or one key (Space / Enter) to move the selected order on, Ctrl+Z to recall the
// last move, cancel and move to another counter for managers, a counter filter that follows
// the counter's room, the selected order's details and the all-day counts beside it.
// Live updates keep the selection and the scroll position: nothing is rebuilt under the user.
#pragma once

#include <QBasicTimer>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace TableTap {

class ConsoleSession;
class ConsoleSettings;
class OrderDetailsPane;
class OrderFilterModel;
class OrderQueueDelegate;

class OrderQueueView final : public QWidget
{
    Q_OBJECT
public:
    OrderQueueView(ConsoleSession *session, ConsoleSettings *settings, QWidget *parent = nullptr);

    QTableView *table() const { return m_view; }
    OrderFilterModel *filter() const { return m_filter; }
    OrderDetailsPane *details() const { return m_details; }
    OrderQueueDelegate *delegate() const { return m_delegate; }
    QTableView *allDayTable() const { return m_allDay; }
    QComboBox *counterBox() const { return m_counter; }

    QAction *advanceAction() const { return m_advance; }
    QAction *recallAction() const { return m_recall; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *reassignAction() const { return m_reassign; }
    QAction *searchAction() const { return m_find; }

    QString currentOrderId() const;
    void selectOrder(const QString &orderId);
    // Managers get cancel and move; everybody else does not see them at all.
    void setManager(bool manager);
    bool isManager() const { return m_manager; }

public Q_SLOTS:
    void advanceCurrent();
    void recallLast();
    void cancelCurrent();
    void reassignCurrent();
    // Empty shows every counter; otherwise the console follows that counter's room too.
    void setCounterFilter(const QString &counter);
    void focusQueue();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void timerEvent(QTimerEvent *event) override;

private:
    // Row height and column widths from the table's font (again when the system's size changes).
    void sizeToFont();
    void advance(const QString &orderId);
    void updateActions();
    void updateCounters();
    void updateSummary();
    void onCurrentChanged();
    void rememberAnchor();
    void restoreAnchor();
    int proxyRowOf(const QString &orderId) const;
    QString recallTarget() const;

    ConsoleSession *m_session;
    ConsoleSettings *m_settings;
    OrderFilterModel *m_filter;
    OrderQueueDelegate *m_delegate;
    QTableView *m_view;
    OrderDetailsPane *m_details;
    QSortFilterProxyModel *m_allDaySorted;
    QTableView *m_allDay;
    QComboBox *m_scope;
    QComboBox *m_counter;
    QLineEdit *m_search;
    QLabel *m_summary;
    QToolButton *m_advanceButton;
    QToolButton *m_recallButton;
    QToolButton *m_cancelButton;
    QToolButton *m_reassignButton;
    QAction *m_advance;
    QAction *m_recall;
    QAction *m_cancel;
    QAction *m_reassign;
    QAction *m_find;
    bool m_manager = false;
    QString m_lastAdvanced;
    QStringList m_anchor; // the top visible order, then the next ones as fallbacks
    QBasicTimer m_summaryTimer;
};

} // namespace TableTap
