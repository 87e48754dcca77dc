// Payments: each transaction's status; failures with the provider's message and a retry when
// the provider allows one; confirming cash or QR payments; the QR code being paid, beside.
#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace TableTap {

class ConsoleSession;
class QrCodePanel;

class PaymentsView final : public QWidget
{
    Q_OBJECT
public:
    explicit PaymentsView(ConsoleSession *session, QWidget *parent = nullptr);

    QTableView *table() const { return m_view; }
    QrCodePanel *qrPanel() const { return m_qr; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *receiptButton() const { return m_receipt; }
    // Shows "Print receipt" (a console with printing set up).
    void setPrintingAvailable(bool available);

public Q_SLOTS:
    void retryCurrent();
    void confirmCurrent();

Q_SIGNALS:
    void showOrder(const QString &orderId);
    void printReceiptRequested(const QString &orderId);

private:
    void updateButtons();

    ConsoleSession *m_session;
    QTableView *m_view;
    QrCodePanel *m_qr;
    QPushButton *m_retry;
    QPushButton *m_confirm;
    QPushButton *m_order;
    QPushButton *m_receipt;
};

} // namespace TableTap
