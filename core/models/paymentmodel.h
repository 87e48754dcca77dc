// Payments per transaction: status, failures with the provider's message, QR codes and expiry.
#pragma once

#include "cafeevent.h"
#include "keyedrowmodel.h"
#include "paymentrecord.h"

#include <QSet>

#include <functional>

namespace TableTap {

class PaymentModel final : public KeyedRowModel<PaymentRecord>
{
    Q_OBJECT
public:
    enum Column {
        OrderColumn,
        MethodColumn,
        AmountColumn,
        StatusColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role {
        TransactionIdRole = Qt::UserRole + 1,
        OrderIdRole,
        StatusRole,
        RetryAllowedRole,
        QrDataRole,
        ExpiresAtRole
    };

    explicit PaymentModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void resetPayments(const QList<PaymentRecord> &payments);
    bool apply(const CafeEvent &event);
    // Order numbers for display (payments carry only order ids).
    void setOrderNumberLookup(std::function<QString(const QString &orderId)> lookup);
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    const PaymentRecord *payment(const QString &transactionId) const { return find(transactionId); }
    // The newest QR payment still waiting, for the QR panel.
    const PaymentRecord *latestOpenQr() const;

private:
    PaymentRecord base(const QString &transactionId, const QString &orderId) const;
    std::function<QString(const QString &)> m_orderNumber;
    std::function<QDateTime()> m_now;
    // Orders that may have a QR code row waiting to be settled, so a payment event looks at the
    // rows only when one might (payments pile up all day; scanning them per event does not scale).
    QSet<QString> m_qrOrders;
};

} // namespace TableTap
