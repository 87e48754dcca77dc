// Payment rules and commands: card through the simulated provider (processing, then completed
// or failed after a delay), cash (confirm completes), QR (qr:generated, confirm before expiry),
// refunds on cancellation, and the list_payments snapshot.
#pragma once

#include <QJsonObject>
#include <QString>

namespace TableTap {

class CafeContext;
class PayloadReader;

class PaymentDesk final
{
public:
    static QJsonObject startPayment(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject confirmPayment(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject listPayments(CafeContext &ctx, const PayloadReader &p);

    // Timer work: the provider's answer for a card payment, and the end of a QR code's life.
    static void completeCard(CafeContext &ctx, const QString &transactionId);
    static void expireQr(CafeContext &ctx, const QString &transactionId);

    struct OrderPaymentState
    {
        QString status; // unpaid, processing, paid, refunded
        qint64 paidCents = 0;
    };
    static OrderPaymentState paymentState(CafeContext &ctx, const QString &orderId);
    // Refunds completed payments, voids the ones in flight; returns the contract's refund_info.
    static QJsonObject refundForCancellation(CafeContext &ctx, const QString &orderId);
    static QJsonObject paymentJson(CafeContext &ctx, const QString &transactionId);
};

} // namespace TableTap
