// Inventory: stock alerts first (worst first, with the products they affect; acknowledge one
// or all — a critical or out-of-stock alert keeps sounding until acknowledged), then every
// item's stock against its reorder level, drawn as a bar. Managers restock or correct an item.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QAction;

namespace TableTap {

class ConsoleSession;

class InventoryView final : public QWidget
{
    Q_OBJECT
public:
    explicit InventoryView(ConsoleSession *session, QWidget *parent = nullptr);

    void setManager(bool manager);
    QTableView *alertsTable() const { return m_alerts; }
    QTableView *stockTable() const { return m_stock; }
    QAction *acknowledgeAction() const { return m_ack; }

public Q_SLOTS:
    void acknowledgeCurrent();
    void adjustCurrent();

private:
    void updateButtons();

    ConsoleSession *m_session;
    QSortFilterProxyModel *m_alertsSorted;
    QTableView *m_alerts;
    QTableView *m_stock;
    QLabel *m_ringing;
    QPushButton *m_ackButton;
    QPushButton *m_ackAllButton;
    QPushButton *m_adjust;
    QAction *m_ack;
    QAction *m_ackAll;
    bool m_manager = false;
};

} // namespace TableTap
