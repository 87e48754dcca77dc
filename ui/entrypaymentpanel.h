// Order entry's payment step: the order just placed, paid by card, cash or QR from the same
// screen. start_payment and confirm_payment go through the session's actions (outbox, request
// ids); the QR code is QrCodePanel's; the hub's errors are shown beside the buttons. It says
// paid() once the hub reports the order paid.
#pragma once

#include "money.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace TableTap {

class ConsoleSession;
class QrCodePanel;

class EntryPaymentPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit EntryPaymentPanel(ConsoleSession *session, QWidget *parent = nullptr);

    // The order to be paid (from create_order's answer).
    void setOrder(const QString &orderId, const QString &orderNumber, const QString &customer,
                  const QString &counter, Cents total);
    void clear();
    QString orderId() const { return m_orderId; }
    QString transactionId() const { return m_transactionId; }
    QString method() const { return m_method; }

    QPushButton *cardButton() const { return m_card; }
    QPushButton *cashButton() const { return m_cash; }
    QPushButton *qrButton() const { return m_qr; }
    QPushButton *confirmButton() const { return m_confirm; }
    QDoubleSpinBox *receivedField() const { return m_received; }
    QrCodePanel *qrPanel() const { return m_qrPanel; }
    QString statusText() const;

public Q_SLOTS:
    void startPayment(const QString &method);
    void confirm();

Q_SIGNALS:
    // The hub reports the order paid; changeDue is the cash change (0 otherwise).
    void paid(const QString &orderNumber, const QString &method, TableTap::Cents changeDue);

private:
    void onAnswered(const QString &requestId, const QJsonValue &data);
    void onFinished(const QString &requestId, bool ok, const QString &errorType,
                    const QString &message);
    void onUnconfirmed(const QString &requestId, const QString &why);
    void checkPaid();
    void setStatus(const QString &text, bool error);
    void updateButtons();

    ConsoleSession *m_session;
    QLabel *m_title;
    QPushButton *m_card;
    QPushButton *m_cash;
    QPushButton *m_qr;
    QLabel *m_receivedLabel;
    QDoubleSpinBox *m_received;
    QPushButton *m_confirm;
    QLabel *m_status;
    QrCodePanel *m_qrPanel;

    QString m_orderId;
    QString m_orderNumber;
    Cents m_total = 0;
    QString m_method;
    QString m_transactionId;
    QString m_startRequest;
    QString m_confirmRequest;
    Cents m_changeDue = 0;
    bool m_done = false;
};

} // namespace TableTap
