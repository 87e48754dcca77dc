// Payment rules and commands.
#include "paymentdesk.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubtime.h"
#include "moneycents.h"
#include "payconicprovider.h"
#include "payloadreader.h"
#include "storeconnection.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUuid>

namespace TableTap {

namespace {
struct PaymentRow
{
    QString id, orderId, method, provider, status;
    qint64 amountCents = 0, expiresAt = 0;
};

std::optional<PaymentRow> loadPayment(StoreConnection &db, const QString &id)
{
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT transaction_id, order_id, method, provider, status, amount_cents, "
                       "expires_at FROM payments WHERE transaction_id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return PaymentRow{q.value(0).toString(),  q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(),  q.value(4).toString(), q.value(5).toLongLong(),
                      q.value(6).toLongLong()};
}

QString shortId()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(16);
}

QJsonValue optString(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

QJsonValue optTime(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(HubTime::isoUtc(v.toLongLong()));
}
} // namespace

QJsonObject PaymentDesk::paymentJson(CafeContext &ctx, const QString &id)
{
    QSqlQuery q = ctx.db().exec(
        QStringLiteral(
            "SELECT p.transaction_id, p.order_id, o.order_number, p.method, p.amount_cents, "
            "p.fee_cents, "
            "p.provider, p.provider_transaction_id, p.status, p.error_code, p.error_message, "
            "p.retry_allowed, p.qr_code_id, p.qr_code_data, p.expires_at, p.created_at, "
            "p.completed_at, "
            "p.refunded_at, p.amount_received_cents FROM payments p JOIN orders o ON o.id = "
            "p.order_id "
            "WHERE p.transaction_id = ?"),
        {id});
    if (!q.next())
        return {};
    const qint64 amount = q.value(4).toLongLong();
    const qint64 fee = q.value(5).toLongLong();
    return QJsonObject{
        {QStringLiteral("transaction_id"), q.value(0).toString()},
        {QStringLiteral("order_id"), q.value(1).toString()},
        {QStringLiteral("order_number"), q.value(2).toString()},
        {QStringLiteral("payment_method"), q.value(3).toString()},
        {QStringLiteral("amount"), MoneyCents::toJson(amount)},
        {QStringLiteral("fee_amount"), MoneyCents::toJson(fee)},
        {QStringLiteral("net_amount"), MoneyCents::toJson(amount - fee)},
        {QStringLiteral("provider"), q.value(6).toString()},
        {QStringLiteral("provider_transaction_id"), optString(q.value(7))},
        {QStringLiteral("status"), q.value(8).toString()},
        {QStringLiteral("error_code"), optString(q.value(9))},
        {QStringLiteral("error_message"), optString(q.value(10))},
        {QStringLiteral("retry_allowed"),
         q.value(11).isNull() ? QJsonValue() : QJsonValue(q.value(11).toBool())},
        {QStringLiteral("qr_code_id"), optString(q.value(12))},
        {QStringLiteral("qr_code_data"), optString(q.value(13))},
        {QStringLiteral("expires_at"), optTime(q.value(14))},
        {QStringLiteral("created_at"), HubTime::isoUtc(q.value(15).toLongLong())},
        {QStringLiteral("completed_at"), optTime(q.value(16))},
        {QStringLiteral("refunded_at"), optTime(q.value(17))},
        {QStringLiteral("amount_received"),
         q.value(18).isNull() ? QJsonValue() : MoneyCents::toJson(q.value(18).toLongLong())}};
}

PaymentDesk::OrderPaymentState PaymentDesk::paymentState(CafeContext &ctx, const QString &orderId)
{
    QSqlQuery q = ctx.db().exec(
        QStringLiteral("SELECT status, amount_cents FROM payments WHERE order_id = ?"), {orderId});
    OrderPaymentState s{QStringLiteral("unpaid"), 0};
    bool processing = false, refunded = false;
    while (q.next()) {
        const QString st = q.value(0).toString();
        if (st == u"completed")
            s.paidCents += q.value(1).toLongLong();
        processing = processing || st == u"processing";
        refunded = refunded || st == u"refunded";
    }
    if (s.paidCents > 0)
        s.status = QStringLiteral("paid");
    else if (processing)
        s.status = QStringLiteral("processing");
    else if (refunded)
        s.status = QStringLiteral("refunded");
    return s;
}

QJsonObject PaymentDesk::startPayment(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    const QString method
        = p.oneOf(QStringLiteral("method"),
                  {QStringLiteral("card"), QStringLiteral("cash"), QStringLiteral("qr")});
    const QString orderId = p.string(QStringLiteral("order_id"), 64);
    QSqlQuery oq = db.exec(
        QStringLiteral("SELECT status, total_cents, order_number FROM orders WHERE id = ?"),
        {orderId});
    if (!oq.next())
        throw CommandError::notFound(QStringLiteral("order %1 not found").arg(orderId),
                                     QStringLiteral("order_id"));
    if (oq.value(0).toString() == u"cancelled")
        throw CommandError::conflict(
            QStringLiteral("order %1 is cancelled").arg(oq.value(2).toString()),
            QStringLiteral("order_id"));
    const qint64 amount = oq.value(1).toLongLong();
    QSqlQuery existing = db.exec(
        QStringLiteral("SELECT transaction_id, method, status FROM payments WHERE order_id = ? "
                       "AND status IN ('processing','completed')"),
        {orderId});
    QStringList superseded;
    while (existing.next()) {
        if (existing.value(2).toString() == u"completed")
            throw CommandError::conflict(
                QStringLiteral("order %1 is already paid").arg(oq.value(2).toString()),
                QStringLiteral("order_id"));
        if (existing.value(1).toString() == u"card")
            throw CommandError::conflict(
                QStringLiteral("a card payment for this order is in progress"),
                QStringLiteral("order_id"));
        superseded.append(existing.value(0).toString());
    }
    // A customer who switches from QR or cash to another way of paying: the waiting one is void.
    for (const QString &id : superseded)
        db.exec(QStringLiteral("UPDATE payments SET status = 'voided' WHERE transaction_id = ?"),
                {id});

    const QString txn = QStringLiteral("txn_") + CafeContext::newId();
    const qint64 now = ctx.now();
    if (method == u"card") {
        const qint64 completeAt = now + ctx.options().cardProcessingDelayMs;
        db.exec(
            QStringLiteral("INSERT INTO payments(transaction_id, order_id, method, amount_cents, "
                           "provider, status, "
                           "complete_at, created_at, created_by_id) VALUES (?, ?, 'card', ?, ?, "
                           "'processing', ?, ?, ?)"),
            {txn, orderId, amount, PayconicProvider::name(), completeAt, now, ctx.actor().userId});
        ctx.schedule(completeAt, CafeContext::TimerKind::CardComplete, txn);
    } else if (method == u"cash") {
        db.exec(
            QStringLiteral(
                "INSERT INTO payments(transaction_id, order_id, method, amount_cents, provider, "
                "status, "
                "created_at, created_by_id) VALUES (?, ?, 'cash', ?, 'cash', 'processing', ?, ?)"),
            {txn, orderId, amount, now, ctx.actor().userId});
    } else {
        const QString qrId = QStringLiteral("qr_") + CafeContext::newId();
        const qint64 expiresAt = now + ctx.settings().qrExpiryMinutes * 60000LL;
        const QString data = QStringLiteral("payment://%1/pay?id=%2&amount=%3")
                                 .arg(ctx.options().qrHost, qrId,
                                      QString::number(static_cast<double>(amount) / 100.0, 'f', 2));
        db.exec(QStringLiteral(
                    "INSERT INTO payments(transaction_id, order_id, method, amount_cents, "
                    "provider, status, "
                    "qr_code_id, qr_code_data, expires_at, created_at, created_by_id) VALUES "
                    "(?, ?, 'qr', ?, ?, 'processing', ?, ?, ?, ?, ?)"),
                {txn, orderId, amount, PayconicProvider::name(), qrId, data, expiresAt, now,
                 ctx.actor().userId});
        ctx.schedule(expiresAt, CafeContext::TimerKind::QrExpire, txn);
        ctx.emitEvent(Contract::Event::QrGenerated,
                      QJsonObject{{QStringLiteral("order_id"), orderId},
                                  {QStringLiteral("qr_code_id"), qrId},
                                  {QStringLiteral("qr_code_data"), data},
                                  {QStringLiteral("amount"), MoneyCents::toJson(amount)},
                                  {QStringLiteral("expires_at"), HubTime::isoUtc(expiresAt)}});
        return QJsonObject{{QStringLiteral("payment"), paymentJson(ctx, txn)}};
    }
    ctx.emitEvent(
        Contract::Event::PaymentProcessing,
        QJsonObject{{QStringLiteral("order_id"), orderId},
                    {QStringLiteral("transaction_id"), txn},
                    {QStringLiteral("payment_method"), method},
                    {QStringLiteral("amount"), MoneyCents::toJson(amount)},
                    {QStringLiteral("provider"),
                     method == u"card" ? PayconicProvider::name() : QStringLiteral("cash")},
                    {QStringLiteral("status"), QStringLiteral("processing")}});
    return QJsonObject{{QStringLiteral("payment"), paymentJson(ctx, txn)}};
}

static void complete(CafeContext &ctx, const PaymentRow &pay, qint64 feeCents,
                     const QString &providerTxn)
{
    ctx.db().exec(
        QStringLiteral(
            "UPDATE payments SET status = 'completed', fee_cents = ?, provider_transaction_id = ?, "
            "completed_at = ? WHERE transaction_id = ?"),
        {feeCents, providerTxn, ctx.now(), pay.id});
    ctx.emitEvent(
        Contract::Event::PaymentCompleted,
        QJsonObject{{QStringLiteral("order_id"), pay.orderId},
                    {QStringLiteral("transaction_id"), pay.id},
                    {QStringLiteral("payment_method"), pay.method},
                    {QStringLiteral("amount"), MoneyCents::toJson(pay.amountCents)},
                    {QStringLiteral("fee_amount"), MoneyCents::toJson(feeCents)},
                    {QStringLiteral("net_amount"), MoneyCents::toJson(pay.amountCents - feeCents)},
                    {QStringLiteral("provider"), pay.provider},
                    {QStringLiteral("provider_transaction_id"), providerTxn},
                    {QStringLiteral("completed_at"), HubTime::isoUtc(ctx.now())}});
}

static void fail(CafeContext &ctx, const PaymentRow &pay, const QString &status,
                 const QString &code, const QString &message, bool retry)
{
    ctx.db().exec(
        QStringLiteral(
            "UPDATE payments SET status = ?, error_code = ?, error_message = ?, retry_allowed = ?, "
            "completed_at = ? WHERE transaction_id = ?"),
        {status, code, message, retry ? 1 : 0, ctx.now(), pay.id});
    ctx.emitEvent(Contract::Event::PaymentFailed,
                  QJsonObject{{QStringLiteral("order_id"), pay.orderId},
                              {QStringLiteral("transaction_id"), pay.id},
                              {QStringLiteral("payment_method"), pay.method},
                              {QStringLiteral("amount"), MoneyCents::toJson(pay.amountCents)},
                              {QStringLiteral("provider"), pay.provider},
                              {QStringLiteral("error_code"), code},
                              {QStringLiteral("error_message"), message},
                              {QStringLiteral("retry_allowed"), retry}});
}

QJsonObject PaymentDesk::confirmPayment(CafeContext &ctx, const PayloadReader &p)
{
    const QString id = p.string(QStringLiteral("transaction_id"), 80);
    const auto received = p.optMoney(QStringLiteral("amount_received"), 10000000);
    const auto pay = loadPayment(ctx.db(), id);
    if (!pay)
        throw CommandError::notFound(QStringLiteral("payment %1 not found").arg(id),
                                     QStringLiteral("transaction_id"));
    if (pay->status != u"processing")
        throw CommandError::conflict(QStringLiteral("payment %1 is %2").arg(id, pay->status),
                                     QStringLiteral("transaction_id"));
    if (pay->method == u"card")
        throw CommandError::conflict(QStringLiteral("card payments complete through the provider"),
                                     QStringLiteral("transaction_id"));
    QJsonObject extra;
    if (pay->method == u"qr") {
        if (ctx.now() >= pay->expiresAt)
            throw CommandError::conflict(
                QStringLiteral("the QR code expired at %1").arg(HubTime::isoUtc(pay->expiresAt)),
                QStringLiteral("transaction_id"));
        complete(ctx, *pay, PayconicProvider::qrFeeCents(pay->amountCents),
                 QStringLiteral("prov_txn_") + shortId());
    } else {
        if (received && *received < pay->amountCents)
            throw CommandError::invalid(
                QStringLiteral("amount_received"),
                QStringLiteral("amount_received is less than the amount due"));
        if (received) {
            ctx.db().exec(
                QStringLiteral(
                    "UPDATE payments SET amount_received_cents = ? WHERE transaction_id = ?"),
                {*received, id});
            extra.insert(QStringLiteral("change_due"),
                         MoneyCents::toJson(*received - pay->amountCents));
        }
        complete(ctx, *pay, 0, QStringLiteral("cash_") + shortId());
    }
    extra.insert(QStringLiteral("payment"), paymentJson(ctx, id));
    return extra;
}

void PaymentDesk::completeCard(CafeContext &ctx, const QString &transactionId)
{
    const auto pay = loadPayment(ctx.db(), transactionId);
    if (!pay || pay->status != u"processing" || pay->method != u"card")
        return; // voided by a cancellation, or already answered before a restart
    const PayconicProvider::Outcome outcome = ctx.provider().charge(pay->amountCents);
    if (outcome.approved) {
        complete(ctx, *pay, PayconicProvider::cardFeeCents(pay->amountCents),
                 outcome.providerTransactionId);
    } else {
        ctx.db().exec(
            QStringLiteral(
                "UPDATE payments SET provider_transaction_id = ? WHERE transaction_id = ?"),
            {outcome.providerTransactionId, pay->id});
        fail(ctx, *pay, QStringLiteral("failed"), outcome.errorCode, outcome.errorMessage,
             outcome.retryAllowed);
    }
}

void PaymentDesk::expireQr(CafeContext &ctx, const QString &transactionId)
{
    const auto pay = loadPayment(ctx.db(), transactionId);
    if (!pay || pay->status != u"processing" || pay->method != u"qr")
        return;
    if (ctx.now() < pay->expiresAt) {
        // The wall clock was set back since the timer was armed: the code expires when the
        // clock shows the time printed on it.
        ctx.schedule(pay->expiresAt, CafeContext::TimerKind::QrExpire, transactionId);
        return;
    }
    fail(ctx, *pay, QStringLiteral("expired"), QStringLiteral("qr_expired"),
         QStringLiteral("The QR code expired before it was paid"), true);
}

QJsonObject PaymentDesk::refundForCancellation(CafeContext &ctx, const QString &orderId)
{
    StoreConnection &db = ctx.db();
    const qint64 paid
        = db.scalar(QStringLiteral(
                        "SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE order_id = ? "
                        "AND status = 'completed'"),
                    {orderId})
              .toLongLong();
    db.exec(QStringLiteral(
                "UPDATE payments SET status = 'refunded', refunded_at = ? WHERE order_id = ? AND "
                "status = 'completed'"),
            {ctx.now(), orderId});
    db.exec(
        QStringLiteral(
            "UPDATE payments SET status = 'voided' WHERE order_id = ? AND status = 'processing'"),
        {orderId});
    return QJsonObject{{QStringLiteral("refund_amount"), MoneyCents::toJson(paid)},
                       {QStringLiteral("refund_method"),
                        paid > 0 ? QStringLiteral("original_payment") : QStringLiteral("none")},
                       {QStringLiteral("processed"), paid > 0}};
}

QJsonObject PaymentDesk::listPayments(CafeContext &ctx, const PayloadReader &p)
{
    const auto orderId = p.optString(QStringLiteral("order_id"), 64);
    QSqlQuery q
        = orderId
              ? ctx.db().exec(
                  QStringLiteral(
                      "SELECT transaction_id FROM payments WHERE order_id = ? ORDER BY created_at"),
                  {*orderId})
              : ctx.db().exec(
                  QStringLiteral(
                      "SELECT p.transaction_id FROM payments p JOIN orders o ON o.id = p.order_id "
                      "WHERE o.business_date = ? OR p.status = 'processing' ORDER BY p.created_at"),
                  {ctx.businessDate()});
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    QJsonArray payments;
    qint64 count = 0, total = 0, fees = 0;
    for (const QString &id : ids) {
        const QJsonObject pj = paymentJson(ctx, id);
        if (pj.value(u"status").toString() == u"completed") {
            ++count;
            qint64 a = 0, f = 0;
            MoneyCents::fromJson(pj.value(u"amount"), 1LL << 50, &a);
            MoneyCents::fromJson(pj.value(u"fee_amount"), 1LL << 50, &f);
            total += a;
            fees += f;
        }
        payments.append(pj);
    }
    return QJsonObject{
        {QStringLiteral("business_date"), ctx.businessDate()},
        {QStringLiteral("payments"), payments},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("completed_count"), count},
                     {QStringLiteral("total_amount"), MoneyCents::toJson(total)},
                     {QStringLiteral("total_fees"), MoneyCents::toJson(fees)},
                     {QStringLiteral("total_net"), MoneyCents::toJson(total - fees)}}}};
}

} // namespace TableTap
