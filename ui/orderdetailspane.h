// The selected order in full: customer (and for whom a proxy order was placed), counter,
// items with customizations and prices, totals, payment state, status history, stock warnings
// and the action waiting for the hub; with the payment actions (start card / cash / QR,
// confirm cash or QR), and the items to tick as made (the hub's item check-off).
#pragma once

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTextBrowser;

namespace TableTap {

class ConsoleSession;
struct Order;

class OrderDetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit OrderDetailsPane(ConsoleSession *session, QWidget *parent = nullptr);

    void showOrder(const QString &orderId);
    QString orderId() const { return m_orderId; }
    QString html() const { return m_shownHtml; }
    // Re-reads the order from the model (called when the queue or payments change).
    void refresh();
    // refresh(), at most every RefreshIntervalMs: for the models' batches, which under a busy
    // stream come many times a second, each one a walk over the day's payments.
    void refreshSoon();
    // Shows "Reprint ticket" and "Print receipt" (a console with printing set up).
    void setPrintingAvailable(bool available);

Q_SIGNALS:
    void reprintTicketRequested(const QString &orderId);
    void printReceiptRequested(const QString &orderId);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    bool paymentToConfirm(QString *transactionId) const;
    void refreshItems(const Order *order);
    void onItemChanged(QListWidgetItem *item);

    static constexpr int RefreshIntervalMs = 100;
    QBasicTimer m_refreshTimer;
    QElapsedTimer m_lastRefresh;

    ConsoleSession *m_session;
    QString m_orderId;
    QString m_shownHtml;
    QLabel *m_title;
    QTextBrowser *m_text;
    QLabel *m_itemsLabel;
    QListWidget *m_items; // one check box per item: ticked = made
    bool m_fillingItems = false;
    QPushButton *m_card;
    QPushButton *m_cash;
    QPushButton *m_qr;
    QPushButton *m_confirm;
    QPushButton *m_reprint;
    QPushButton *m_receipt;
};

} // namespace TableTap
