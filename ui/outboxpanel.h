// The outbox: every action taken at this console (status changes, cancels, restocks, clock-ins)
// and where it stands — waiting (offline or no answer yet), done, or refused with the hub's
// message. Newest first; finished entries can be hidden. Retry sends an unknown (unconfirmed)
// action again with its request id; Discard takes one that is not in flight out for good.
#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
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
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *discardButton() const { return m_discard; }

private:
    // The request id of the selected action (empty: none).
    QString selectedRequest() const;
    void updateButtons();

    ConsoleSession *m_session;
    QCheckBox *m_showDone;
    QSortFilterProxyModel *m_filter;
    QTableView *m_view;
    QPushButton *m_retry;
    QPushButton *m_discard;
};

} // namespace TableTap
