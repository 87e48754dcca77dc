// Order entry's payment step.
#include "entrypaymentpanel.h"

#include "consolesession.h"
#include "datawords.h"
#include "plaintext.h"
#include "qrcodepanel.h"
#include "touchtarget.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace TableTap {

EntryPaymentPanel::EntryPaymentPanel(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_card(new QPushButton(tr("Card"), this))
    , m_cash(new QPushButton(tr("Cash"), this))
    , m_qr(new QPushButton(tr("QR code"), this))
    , m_receivedLabel(new QLabel(tr("Cash received:"), this))
    , m_received(new QDoubleSpinBox(this))
    , m_confirm(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_qrPanel(new QrCodePanel(session, this))
{
    setObjectName(QStringLiteral("entryPayment"));
    PlainText::makePlain(m_title);
    PlainText::makePlain(m_status);
    m_title->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("entryPaymentStatus"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_card->setObjectName(QStringLiteral("payCard"));
    m_cash->setObjectName(QStringLiteral("payCash"));
    m_qr->setObjectName(QStringLiteral("payQr"));
    m_confirm->setObjectName(QStringLiteral("payConfirm"));
    m_received->setObjectName(QStringLiteral("cashReceived"));
    m_received->setDecimals(2);
    m_received->setRange(0, 100000);
    m_received->setAccessibleName(tr("Cash received"));
    m_receivedLabel->setBuddy(m_received);
    const int touch = TouchTarget::nineMillimetres(this);
    for (QPushButton *b : {m_card, m_cash, m_qr, m_confirm})
        b->setMinimumHeight(touch);
    m_received->setMinimumHeight(touch);

    auto *methods = new QHBoxLayout;
    methods->addWidget(m_card);
    methods->addWidget(m_cash);
    methods->addWidget(m_qr);
    auto *confirmRow = new QHBoxLayout;
    confirmRow->addWidget(m_receivedLabel);
    confirmRow->addWidget(m_received, 1);
    confirmRow->addWidget(m_confirm, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(methods);
    layout->addLayout(confirmRow);
    layout->addWidget(m_status);
    layout->addWidget(m_qrPanel, 1);

    connect(m_card, &QPushButton::clicked, this, [this] { startPayment(QStringLiteral("card")); });
    connect(m_cash, &QPushButton::clicked, this, [this] { startPayment(QStringLiteral("cash")); });
    connect(m_qr, &QPushButton::clicked, this, [this] { startPayment(QStringLiteral("qr")); });
    connect(m_confirm, &QPushButton::clicked, this, &EntryPaymentPanel::confirm);
    connect(session, &ConsoleSession::commandAnswered, this, &EntryPaymentPanel::onAnswered);
    connect(session, &ConsoleSession::commandFinished, this, &EntryPaymentPanel::onFinished);
    connect(session, &ConsoleSession::commandUnconfirmed, this, &EntryPaymentPanel::onUnconfirmed);
    connect(session->orders(), &BatchedTableModel::flushed, this, &EntryPaymentPanel::checkPaid);
    connect(session->payments(), &BatchedTableModel::flushed, this, &EntryPaymentPanel::checkPaid);
    clear();
}

void EntryPaymentPanel::setOrder(const QString &orderId, const QString &orderNumber,
                                 const QString &customer, const QString &counter, Cents total)
{
    clear();
    m_orderId = orderId;
    m_orderNumber = orderNumber;
    m_total = total;
    PlainText::setText(m_title,
                       tr("Order %1 for %2 at %3: %4 to pay")
                           .arg(PlainText::display(orderNumber), PlainText::display(customer),
                                PlainText::display(counter), formatCents(total)));
    setStatus(tr("Choose how the customer pays."), false);
    updateButtons();
}

void EntryPaymentPanel::clear()
{
    m_orderId.clear();
    m_orderNumber.clear();
    m_total = 0;
    m_method.clear();
    m_transactionId.clear();
    m_startRequest.clear();
    m_confirmRequest.clear();
    m_changeDue = 0;
    m_done = false;
    m_title->clear();
    m_status->clear();
    updateButtons();
}

QString EntryPaymentPanel::statusText() const
{
    return m_status->text();
}

void EntryPaymentPanel::startPayment(const QString &method)
{
    if (m_orderId.isEmpty() || m_done || !m_startRequest.isEmpty() || !m_confirmRequest.isEmpty())
        return;
    m_method = method;
    m_transactionId.clear();
    m_startRequest = m_session->startPayment(m_orderId, method);
    setStatus(tr("Starting the %1 payment…").arg(DataWords::paymentMethod(method)), false);
    updateButtons();
}

void EntryPaymentPanel::confirm()
{
    if (m_transactionId.isEmpty() || m_method == u"card" || m_done || !m_confirmRequest.isEmpty())
        return;
    std::optional<Cents> received;
    if (m_method == u"cash") {
        received = centsFromNumber(m_received->value());
        if (*received < m_total) {
            setStatus(tr("The cash received (%1) is less than the total (%2).")
                          .arg(formatCents(*received), formatCents(m_total)),
                      true);
            return;
        }
    }
    m_confirmRequest = m_session->confirmPayment(m_orderId, m_transactionId, received);
    setStatus(tr("Confirming the payment…"), false);
    updateButtons();
}

void EntryPaymentPanel::onAnswered(const QString &requestId, const QJsonValue &data)
{
    if (requestId.isEmpty())
        return;
    const QJsonObject payment = data.toObject().value(QLatin1String("payment")).toObject();
    if (requestId == m_startRequest) {
        m_startRequest.clear();
        m_transactionId = payment.value(QLatin1String("transaction_id")).toString();
        if (m_transactionId.isEmpty()) {
            // An answer without the payment (another server): the payment events still say
            // when it is paid; the Payments view finds a waiting one to confirm.
            if (m_method != u"card")
                setStatus(tr("The payment was started; confirm it in the Payments view."), false);
        } else if (m_method == u"cash") {
            m_received->setValue(double(m_total) / 100.0);
            setStatus(tr("Take the cash, type what the customer handed over and confirm."), false);
            m_received->setFocus();
            m_received->selectAll();
        } else if (m_method == u"qr") {
            setStatus(tr("Let the customer scan the code; confirm once the payment shows on "
                         "their phone."),
                      false);
        } else {
            setStatus(tr("Card payment in progress: follow the card terminal."), false);
        }
    } else if (requestId == m_confirmRequest) {
        m_confirmRequest.clear();
        m_changeDue
            = centsFromNumber(data.toObject().value(QLatin1String("change_due")).toDouble());
    } else {
        return;
    }
    updateButtons();
    checkPaid();
}

void EntryPaymentPanel::onFinished(const QString &requestId, bool ok, const QString &errorType,
                                   const QString &message)
{
    if (requestId.isEmpty() || (requestId != m_startRequest && requestId != m_confirmRequest))
        return;
    const bool start = requestId == m_startRequest;
    if (start)
        m_startRequest.clear();
    else
        m_confirmRequest.clear();
    if (ok) {
        // Applied without an answer carrying the payment (a server whose acks hold no data):
        // the payment events still say when the order is paid; a confirmation needs the
        // Payments view, which finds the waiting payment itself.
        if (start && m_method != u"card")
            setStatus(tr("The payment was started; confirm it in the Payments view."), false);
        updateButtons();
        checkPaid();
        return;
    }
    setStatus(tr("The hub refused: %1 (%2)")
                  .arg(PlainText::display(message), PlainText::display(errorType)),
              true);
    updateButtons();
}

void EntryPaymentPanel::onUnconfirmed(const QString &requestId, const QString &why)
{
    if (requestId.isEmpty() || (requestId != m_startRequest && requestId != m_confirmRequest))
        return;
    m_startRequest.clear();
    m_confirmRequest.clear();
    setStatus(tr("No answer from the hub (%1): check the payment in the Payments view before "
                 "trying again.")
                  .arg(PlainText::display(why)),
              true);
    updateButtons();
}

void EntryPaymentPanel::checkPaid()
{
    if (m_orderId.isEmpty() || m_done)
        return;
    const Order *order = m_session->orders()->order(m_orderId);
    const PaymentRecord *payment
        = m_transactionId.isEmpty() ? nullptr : m_session->payments()->payment(m_transactionId);
    const bool completed = (order && order->paymentStatus == u"completed")
                           || (payment && payment->status == u"completed");
    if (completed) {
        m_done = true;
        updateButtons();
        Q_EMIT paid(m_orderNumber, m_method, m_changeDue);
        return;
    }
    if (payment && (payment->status == u"failed" || payment->status == u"expired")
        && m_startRequest.isEmpty() && m_confirmRequest.isEmpty()) {
        const QString why = payment->errorMessage.isEmpty()
                                ? DataWords::paymentStatus(payment->status)
                                : PlainText::display(payment->errorMessage);
        setStatus(payment->retryAllowed || payment->method != u"card"
                      ? tr("The payment failed: %1. Choose a way to pay again.").arg(why)
                      : tr("The payment failed: %1.").arg(why),
                  true);
        m_transactionId.clear();
        updateButtons();
    }
}

void EntryPaymentPanel::setStatus(const QString &text, bool error)
{
    PlainText::setText(m_status, text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void EntryPaymentPanel::updateButtons()
{
    const bool idle
        = !m_orderId.isEmpty() && !m_done && m_startRequest.isEmpty() && m_confirmRequest.isEmpty();
    for (QPushButton *b : {m_card, m_cash, m_qr})
        b->setEnabled(idle);
    const bool waiting = idle && !m_transactionId.isEmpty() && m_method != u"card";
    m_confirm->setEnabled(waiting);
    m_confirm->setText(m_method == u"qr" ? tr("Con&firm QR paid") : tr("Con&firm cash"));
    const bool cash = m_method == u"cash" && !m_transactionId.isEmpty();
    m_receivedLabel->setVisible(cash);
    m_received->setVisible(cash);
    m_confirm->setVisible(waiting);
    m_qrPanel->setVisible(m_method == u"qr" && !m_transactionId.isEmpty());
}

} // namespace TableTap
