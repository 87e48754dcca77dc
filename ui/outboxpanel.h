// The outbox: every action taken at this console (status changes, cancels, restocks, clock-ins)
// and where it stands — waiting (offline or no answer yet), done, or refused with the hub's
// message. Newest first; finished entries can be hidden.
#pragma once

#include <QWidget>

class QCheckBox;
class QSortFilterProxyModel;
class QTableView;

namespace TableTap {

class ConsoleSession;

class OutboxPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxPanel(ConsoleSession *session, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

private:
    ConsoleSession *m_session;
    QCheckBox *m_showDone;
    QSortFilterProxyModel *m_filter;
    QTableView *m_view;
};

} // namespace TableTap
