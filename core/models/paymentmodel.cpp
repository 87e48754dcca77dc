// The payment model.
#include "paymentmodel.h"

namespace TableTap {

PaymentModel::PaymentModel(QObject *parent)
    : KeyedRowModel<PaymentRecord>(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

int PaymentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaymentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaymentRecord &p = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OrderColumn:
            return p.orderNumber.isEmpty() ? p.orderId : p.orderNumber;
        case MethodColumn:
            return p.method;
        case AmountColumn:
            return formatCents(p.amount);
        case StatusColumn:
            return p.status;
        case DetailColumn:
            if (p.status == QLatin1String("failed"))
                return p.errorMessage.isEmpty() ? p.errorCode : p.errorMessage;
            if (p.status == QLatin1String("completed"))
                return p.fee ? tr("fee %1, net %2").arg(formatCents(p.fee), formatCents(p.net))
                             : QString();
            if (p.method == QLatin1String("qr") && p.expiresAt.isValid()) {
                const qint64 left = m_now().secsTo(p.expiresAt);
                return left > 0 ? tr("expires in %1:%2")
                                      .arg(left / 60)
                                      .arg(left % 60, 2, 10, QLatin1Char('0'))
                                : tr("expired");
            }
            return {};
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TransactionIdRole:
        return p.transactionId;
    case OrderIdRole:
        return p.orderId;
    case StatusRole:
        return p.status;
    case RetryAllowedRole:
        return p.retryAllowed;
    case QrDataRole:
        return p.qrCodeData;
    case ExpiresAtRole:
        return p.expiresAt;
    }
    return {};
}

QVariant PaymentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OrderColumn:
        return tr("Order");
    case MethodColumn:
        return tr("Method");
    case AmountColumn:
        return tr("Amount");
    case StatusColumn:
        return tr("Status");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

void PaymentModel::resetPayments(const QList<PaymentRecord> &payments)
{
    QList<std::pair<QString, PaymentRecord>> rows;
    m_qrOrders.clear();
    for (PaymentRecord p : payments) {
        if (p.orderNumber.isEmpty() && m_orderNumber)
            p.orderNumber = m_orderNumber(p.orderId);
        if (p.method == QLatin1String("qr"))
            m_qrOrders.insert(p.orderId);
        rows.append({p.transactionId, p});
    }
    resetRows(rows);
}

void PaymentModel::setOrderNumberLookup(std::function<QString(const QString &)> lookup)
{
    m_orderNumber = std::move(lookup);
}

PaymentRecord PaymentModel::base(const QString &transactionId, const QString &orderId) const
{
    PaymentRecord p;
    if (const PaymentRecord *current = find(transactionId))
        p = *current;
    p.transactionId = transactionId;
    p.orderId = orderId;
    if (p.orderNumber.isEmpty() && m_orderNumber)
        p.orderNumber = m_orderNumber(orderId);
    return p;
}

bool PaymentModel::apply(const CafeEvent &event)
{
    // A transaction for an order settles the QR code shown for it.
    auto settleQr = [this](const QString &orderId) {
        if (!m_qrOrders.remove(orderId))
            return;
        const QList<PaymentRecord> all = rows(); // a copy: remove() may apply at once
        for (const PaymentRecord &r : all)
            if (r.orderId == orderId && r.method == QLatin1String("qr")
                && r.transactionId == r.qrCodeId && r.status == QLatin1String("pending"))
                remove(r.transactionId);
    };
    if (const auto *e = std::get_if<PaymentProcessing>(&event.payload)) {
        PaymentRecord p = base(e->transactionId, e->orderId);
        p.method = e->method;
        p.amount = e->amount;
        p.provider = e->provider;
        p.status = e->status.isEmpty() ? QStringLiteral("processing") : e->status;
        p.errorCode.clear();
        p.errorMessage.clear();
        p.updatedAt = event.meta.timestamp;
        upsert(p.transactionId, p);
        return true;
    }
    if (const auto *e = std::get_if<PaymentCompleted>(&event.payload)) {
        settleQr(e->orderId);
        PaymentRecord p = base(e->transactionId, e->orderId);
        p.method = e->method;
        p.amount = e->amount;
        p.fee = e->fee;
        p.net = e->net;
        p.provider = e->provider;
        p.providerTransactionId = e->providerTransactionId;
        p.status = QStringLiteral("completed");
        p.updatedAt = e->completedAt.isValid() ? e->completedAt : event.meta.timestamp;
        upsert(p.transactionId, p);
        return true;
    }
    if (const auto *e = std::get_if<PaymentFailed>(&event.payload)) {
        PaymentRecord p = base(e->transactionId, e->orderId);
        p.method = e->method;
        p.amount = e->amount;
        p.provider = e->provider;
        p.status = QStringLiteral("failed");
        p.errorCode = e->errorCode;
        p.errorMessage = e->errorMessage;
        p.retryAllowed = e->retryAllowed;
        p.updatedAt = event.meta.timestamp;
        upsert(p.transactionId, p);
        return true;
    }
    if (const auto *e = std::get_if<QrGenerated>(&event.payload)) {
        // The QR code is keyed by its own id until a transaction for it shows up.
        const QString key = e->qrCodeId;
        PaymentRecord p = base(key, e->orderId);
        p.method = QStringLiteral("qr");
        p.amount = e->amount;
        p.status = QStringLiteral("pending");
        p.qrCodeId = e->qrCodeId;
        p.qrCodeData = e->qrCodeData;
        p.expiresAt = e->expiresAt;
        p.updatedAt = event.meta.timestamp;
        upsert(key, p);
        m_qrOrders.insert(e->orderId);
        return true;
    }
    if (const auto *e = std::get_if<OrderCancelled>(&event.payload)) {
        bool changed = false;
        const QList<PaymentRecord> all = rows();
        for (const PaymentRecord &r : all) {
            if (r.orderId == e->orderId && r.status == QLatin1String("completed")
                && e->refundProcessed) {
                PaymentRecord p = r;
                p.status = QStringLiteral("refunded");
                upsert(p.transactionId, p);
                changed = true;
            }
        }
        return changed;
    }
    return false;
}

const PaymentRecord *PaymentModel::latestOpenQr() const
{
    const PaymentRecord *best = nullptr;
    const QDateTime now = m_now();
    for (const PaymentRecord &p : rows()) {
        if (p.method != QLatin1String("qr") || p.qrCodeData.isEmpty()
            || p.status != QLatin1String("pending"))
            continue;
        if (p.expiresAt.isValid() && p.expiresAt < now)
            continue;
        if (!best || p.updatedAt > best->updatedAt)
            best = &p;
    }
    return best;
}

} // namespace TableTap
