// Order rules and commands.
#include "orderdesk.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubrooms.h"
#include "hubtime.h"
#include "inventorydesk.h"
#include "moneycents.h"
#include "payloadreader.h"
#include "paymentdesk.h"
#include "storeconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

#include <map>

namespace TableTap {

static constexpr qint64 kMaxTipCents = 100000;
static const QStringList kOpenStatuses{QStringLiteral("pending"), QStringLiteral("preparing"),
                                       QStringLiteral("ready")};

namespace {
struct OrderRow
{
    QString id, number, status, counter, customerName, customerPhone;
    qint64 totalCents = 0, createdAt = 0, preparingAt = 0, estimatedReadyAt = 0;
};

std::optional<OrderRow> loadOrder(StoreConnection &db, const QString &id)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT id, order_number, status, counter, customer_name, "
                                         "customer_phone, total_cents, created_at, preparing_at, "
                                         "estimated_ready_at FROM orders WHERE id = ?"),
                          {id});
    if (!q.next())
        return std::nullopt;
    return OrderRow{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                    q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                    q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toLongLong(),
                    q.value(9).toLongLong()};
}

OrderRow requireOrder(CafeContext &ctx, const PayloadReader &p)
{
    const QString id = p.string(QStringLiteral("order_id"), 64);
    auto order = loadOrder(ctx.db(), id);
    if (!order)
        throw CommandError::notFound(QStringLiteral("order %1 not found").arg(id),
                                     QStringLiteral("order_id"));
    return *order;
}

QString requireCounter(CafeContext &ctx, const PayloadReader &p, QString *status = nullptr)
{
    const QString name = p.string(QStringLiteral("counter"), 64);
    QSqlQuery q
        = ctx.db().exec(QStringLiteral("SELECT status FROM counters WHERE name = ?"), {name});
    if (!q.next())
        throw CommandError::notFound(QStringLiteral("counter %1 not found").arg(name),
                                     QStringLiteral("counter"));
    if (status)
        *status = q.value(0).toString();
    return name;
}

void addHistory(CafeContext &ctx, const QString &orderId, const QString &status,
                const QString &notes)
{
    const int position = ctx.db()
                             .scalar(QStringLiteral("SELECT COALESCE(MAX(position), -1) + 1 FROM "
                                                    "order_status_history WHERE order_id = ?"),
                                     {orderId})
                             .toInt();
    ctx.db().exec(
        QStringLiteral("INSERT INTO order_status_history(order_id, position, status, at, user_id, "
                       "notes) VALUES (?, ?, ?, ?, ?, ?)"),
        {orderId, position, status, ctx.now(), ctx.actor().userId, notes});
}

QJsonArray historyJson(StoreConnection &db, const QString &orderId)
{
    QJsonArray history;
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT status, at, user_id, notes FROM order_status_history WHERE "
                       "order_id = ? ORDER BY position"),
        {orderId});
    while (q.next()) {
        history.append(
            QJsonObject{{QStringLiteral("status"), q.value(0).toString()},
                        {QStringLiteral("timestamp"), HubTime::isoUtc(q.value(1).toLongLong())},
                        {QStringLiteral("user_id"), q.value(2).toString()},
                        {QStringLiteral("notes"), q.value(3).toString()}});
    }
    return history;
}

// The ids of an order's items made so far, in the order's item order.
QJsonArray itemsMadeJson(StoreConnection &db, const QString &orderId)
{
    QJsonArray ids;
    QSqlQuery q = db.exec(QStringLiteral("SELECT id FROM order_items WHERE order_id = ? AND "
                                         "made_at IS NOT NULL ORDER BY position"),
                          {orderId});
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

// The status one step forward: pending → preparing → ready → completed (else empty).
QString nextStatus(const QString &status)
{
    if (status == u"pending")
        return QStringLiteral("preparing");
    if (status == u"preparing")
        return QStringLiteral("ready");
    if (status == u"ready")
        return QStringLiteral("completed");
    return {};
}

QJsonValue optTime(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(HubTime::isoUtc(v.toLongLong()));
}
} // namespace

QString OrderDesk::orderNumber(const QString &businessDate, int sequence)
{
    QString date = businessDate;
    date.remove(u'-');
    // Three digits as in the contract; a 1000th order of the day simply gets four.
    return QStringLiteral("ORD") + date
           + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
}

QString OrderDesk::leastLoadedCounter(CafeContext &ctx, const QString &except)
{
    QSqlQuery q = ctx.db().exec(
        QStringLiteral(
            "SELECT c.name, (SELECT COUNT(*) FROM orders o WHERE o.counter = c.name AND o.status "
            "IN ('pending','preparing')) AS load FROM counters c WHERE c.status = 'active' AND "
            "c.name IS DISTINCT FROM ? ORDER BY load, c.position LIMIT 1"),
        {except});
    return q.next() ? q.value(0).toString() : QString();
}

QJsonObject OrderDesk::orderEventJson(CafeContext &ctx, const QString &orderId)
{
    StoreConnection &db = ctx.db();
    QSqlQuery q = db.exec(
        QStringLiteral(
            "SELECT order_number, customer_name, customer_phone, status, counter, subtotal_cents, "
            "tax_cents, tip_cents, total_cents, estimated_ready_at, created_at, created_by_id, "
            "created_by_name, created_by_role, ordered_for_id, ordered_for_name FROM orders "
            "WHERE id = ?"),
        {orderId});
    if (!q.next())
        throw CommandError::notFound(QStringLiteral("order %1 not found").arg(orderId),
                                     QStringLiteral("order_id"));
    QJsonArray items;
    QSqlQuery iq = db.exec(
        QStringLiteral("SELECT id, product_name, quantity, unit_price_cents, total_price_cents, "
                       "customizations FROM order_items WHERE order_id = ? ORDER BY position"),
        {orderId});
    while (iq.next()) {
        items.append(QJsonObject{
            {QStringLiteral("id"), iq.value(0).toString()},
            {QStringLiteral("product_name"), iq.value(1).toString()},
            {QStringLiteral("quantity"), iq.value(2).toLongLong()},
            {QStringLiteral("unit_price"), MoneyCents::toJson(iq.value(3).toLongLong())},
            {QStringLiteral("total_price"), MoneyCents::toJson(iq.value(4).toLongLong())},
            {QStringLiteral("customizations"),
             QJsonDocument::fromJson(iq.value(5).toByteArray()).array()}});
    }
    const bool proxy = !q.value(14).isNull();
    return QJsonObject{
        {QStringLiteral("id"), orderId},
        {QStringLiteral("order_number"), q.value(0).toString()},
        {QStringLiteral("cafe_id"), ctx.cafeId()},
        {QStringLiteral("customer_name"), q.value(1).toString()},
        {QStringLiteral("customer_phone"),
         q.value(2).isNull() ? QJsonValue() : QJsonValue(q.value(2).toString())},
        {QStringLiteral("status"), q.value(3).toString()},
        {QStringLiteral("assigned_counter"), q.value(4).toString()},
        {QStringLiteral("items"), items},
        {QStringLiteral("totals"),
         QJsonObject{
             {QStringLiteral("subtotal"), MoneyCents::toJson(q.value(5).toLongLong())},
             {QStringLiteral("tax_amount"), MoneyCents::toJson(q.value(6).toLongLong())},
             {QStringLiteral("tip_amount"), MoneyCents::toJson(q.value(7).toLongLong())},
             {QStringLiteral("total_amount"), MoneyCents::toJson(q.value(8).toLongLong())}}},
        {QStringLiteral("estimated_ready_at"), HubTime::isoUtc(q.value(9).toLongLong())},
        {QStringLiteral("created_at"), HubTime::isoUtc(q.value(10).toLongLong())},
        {QStringLiteral("created_by"),
         QJsonObject{{QStringLiteral("id"), q.value(11).toString()},
                     {QStringLiteral("name"), q.value(12).toString()},
                     {QStringLiteral("role"), q.value(13).toString()}}},
        {QStringLiteral("proxy_order_info"),
         QJsonObject{
             {QStringLiteral("is_proxy"), proxy},
             {QStringLiteral("ordered_for"),
              proxy ? QJsonValue(QJsonObject{{QStringLiteral("id"), q.value(14).toString()},
                                             {QStringLiteral("name"), q.value(15).toString()}})
                    : QJsonValue()}}}};
}

QJsonObject OrderDesk::orderSnapshotJson(CafeContext &ctx, const QString &orderId)
{
    QJsonObject o = orderEventJson(ctx, orderId);
    StoreConnection &db = ctx.db();
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT notes, preparing_at, ready_at, completed_at, cancelled_at, "
                       "cancel_reason, updated_at FROM orders WHERE id = ?"),
        {orderId});
    q.next();
    // Items carry their product id in snapshots so a console can re-order or look up the menu.
    QJsonArray items = o.value(u"items").toArray();
    QSqlQuery iq = db.exec(
        QStringLiteral("SELECT product_id FROM order_items WHERE order_id = ? ORDER BY position"),
        {orderId});
    for (int i = 0; iq.next() && i < items.size(); ++i) {
        QJsonObject item = items.at(i).toObject();
        item.insert(QStringLiteral("product_id"), iq.value(0).toString());
        items.replace(i, item);
    }
    o.insert(QStringLiteral("items"), items);
    o.insert(QStringLiteral("notes"),
             q.value(0).isNull() ? QJsonValue() : QJsonValue(q.value(0).toString()));
    o.insert(QStringLiteral("preparing_at"), optTime(q.value(1)));
    o.insert(QStringLiteral("ready_at"), optTime(q.value(2)));
    o.insert(QStringLiteral("completed_at"), optTime(q.value(3)));
    o.insert(QStringLiteral("cancelled_at"), optTime(q.value(4)));
    o.insert(QStringLiteral("cancel_reason"),
             q.value(5).isNull() ? QJsonValue() : QJsonValue(q.value(5).toString()));
    o.insert(QStringLiteral("updated_at"), HubTime::isoUtc(q.value(6).toLongLong()));
    o.insert(QStringLiteral("status_history"), historyJson(db, orderId));
    o.insert(QStringLiteral("items_made"), itemsMadeJson(db, orderId));
    const PaymentDesk::OrderPaymentState pay = PaymentDesk::paymentState(ctx, orderId);
    o.insert(QStringLiteral("payment_status"), pay.status);
    o.insert(QStringLiteral("paid_amount"), MoneyCents::toJson(pay.paidCents));
    return o;
}

QJsonObject OrderDesk::createOrder(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    const QString customerName = p.string(QStringLiteral("customer_name"), 100);
    const auto phone = p.optString(QStringLiteral("customer_phone"), 32);
    static const QRegularExpression phoneRe(QStringLiteral("^\\+?[0-9][0-9 ()-]{2,30}$"));
    if (phone && !phone->isEmpty() && !phoneRe.match(*phone).hasMatch())
        throw CommandError::invalid(
            QStringLiteral("customer_phone"),
            QStringLiteral("customer_phone must be a phone number such as +1234567890"));
    const QJsonArray items = p.array(QStringLiteral("items"), 50);
    const auto tip = p.optMoney(QStringLiteral("tip_amount"), kMaxTipCents);
    std::optional<qint64> tipRatePpm;
    if (p.has(QStringLiteral("tip_rate"))) {
        qint64 ppm = 0;
        if (!MoneyCents::rateFromJson(p.json().value(u"tip_rate"), 1000000, &ppm))
            throw CommandError::invalid(QStringLiteral("tip_rate"),
                                        QStringLiteral("tip_rate must be a fraction from 0 to 1"));
        tipRatePpm = ppm;
    }
    if (tip && tipRatePpm)
        throw CommandError::invalid(QStringLiteral("tip_rate"),
                                    QStringLiteral("give either tip_amount or tip_rate, not both"));
    const auto notes = p.optString(QStringLiteral("notes"), 500);
    const auto orderedFor = p.optString(QStringLiteral("ordered_for"), 64);

    struct Line
    {
        QString productId, productName;
        qint64 quantity = 0, unitCents = 0;
        QStringList customizations;
    };
    QList<Line> lines;
    QHash<QString, qint64> needs;
    qint64 subtotal = 0;
    for (int i = 0; i < items.size(); ++i) {
        const PayloadReader item = p.element(QStringLiteral("items"), items, i);
        Line line;
        line.productId = item.string(QStringLiteral("product_id"), 64);
        line.quantity = item.integer(QStringLiteral("quantity"), 1, 99);
        const QJsonArray customs
            = item.optArray(QStringLiteral("customizations"), 10).value_or(QJsonArray());
        QSqlQuery pq = db.exec(
            QStringLiteral(
                "SELECT name, price_cents, auto_disabled, retired, off_sale_at, off_sale_reason "
                "FROM products WHERE id = ?"),
            {line.productId});
        if (!pq.next() || pq.value(3).toBool())
            throw CommandError::notFound(
                QStringLiteral("product %1 is not on the menu").arg(line.productId),
                item.fieldPath(QStringLiteral("product_id")));
        line.productName = pq.value(0).toString();
        if (pq.value(2).toBool())
            throw CommandError::conflict(
                QStringLiteral("%1 is unavailable (out of stock)").arg(line.productName),
                item.fieldPath(QStringLiteral("product_id")));
        // Taken off sale by hand ("86", set_availability): refused like the automatic flag.
        if (!pq.value(4).isNull())
            throw CommandError::conflict(
                QStringLiteral("%1 is off sale (%2)").arg(line.productName, pq.value(5).toString()),
                item.fieldPath(QStringLiteral("product_id")));
        line.unitCents = pq.value(1).toLongLong();
        QSqlQuery rq = db.exec(
            QStringLiteral("SELECT item_id, quantity FROM recipe_lines WHERE product_id = ?"),
            {line.productId});
        while (rq.next())
            needs[rq.value(0).toString()] += rq.value(1).toLongLong() * line.quantity;
        for (int c = 0; c < customs.size(); ++c) {
            const QString field
                = item.fieldPath(QStringLiteral("customizations")) + QStringLiteral("[%1]").arg(c);
            const QJsonValue cv = customs.at(c);
            if (!cv.isString() || cv.toString().isEmpty() || cv.toString().size() > 64)
                throw CommandError::invalid(
                    field, QStringLiteral("%1 must be a customization name or id").arg(field));
            QSqlQuery cq = db.exec(
                QStringLiteral("SELECT id, name, price_cents, off_sale_at, off_sale_reason FROM "
                               "customizations WHERE product_id = ? AND (id = ? OR name = ?)"),
                {line.productId, cv.toString(), cv.toString()});
            if (!cq.next())
                throw CommandError::notFound(QStringLiteral("%1 has no customization \"%2\"")
                                                 .arg(line.productName, cv.toString()),
                                             field);
            if (line.customizations.contains(cq.value(1).toString()))
                throw CommandError::invalid(
                    field,
                    QStringLiteral("customization \"%1\" given twice").arg(cq.value(1).toString()));
            if (!cq.value(3).isNull())
                throw CommandError::conflict(
                    QStringLiteral("%1 of %2 is off sale (%3)")
                        .arg(cq.value(1).toString(), line.productName, cq.value(4).toString()),
                    field);
            line.customizations.append(cq.value(1).toString());
            line.unitCents += cq.value(2).toLongLong();
            QSqlQuery clq
                = db.exec(QStringLiteral("SELECT item_id, quantity FROM customization_lines WHERE "
                                         "customization_id = ?"),
                          {cq.value(0)});
            while (clq.next())
                needs[clq.value(0).toString()] += clq.value(1).toLongLong() * line.quantity;
        }
        subtotal += line.unitCents * line.quantity;
        lines.append(line);
    }

    QString orderedForName;
    if (orderedFor && !orderedFor->isEmpty()) {
        QSqlQuery sq = db.exec(QStringLiteral("SELECT name FROM staff WHERE id = ? AND active = 1"),
                               {*orderedFor});
        if (!sq.next())
            throw CommandError::notFound(
                QStringLiteral("no staff member %1 in this cafe").arg(*orderedFor),
                QStringLiteral("ordered_for"));
        orderedForName = sq.value(0).toString();
    }
    InventoryDesk::checkAvailable(ctx, needs, QStringLiteral("items"));

    const QString counter = leastLoadedCounter(ctx);
    if (counter.isEmpty())
        throw CommandError::conflict(QStringLiteral("no active counter can take orders"));
    const qint64 waiting
        = db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE counter = ? AND status IN "
                                   "('pending','preparing')"),
                    {counter})
              .toLongLong();
    const CafeSettings &s = ctx.settings();
    const qint64 estimate
        = ctx.now() + (s.prepTimeMinutes + waiting * s.queueMinutesPerOrder) * 60000LL;
    const qint64 tax = MoneyCents::mulDivRound(subtotal, s.taxRatePpm, 1000000);
    const qint64 tipCents
        = tip ? *tip : (tipRatePpm ? MoneyCents::mulDivRound(subtotal, *tipRatePpm, 1000000) : 0);
    const qint64 total = subtotal + tax + tipCents;

    const QString date = ctx.businessDate();
    const int seq
        = db.scalar(
                QStringLiteral(
                    "SELECT COALESCE(MAX(daily_seq), 0) + 1 FROM orders WHERE business_date = ?"),
                {date})
              .toInt();
    const QString orderId = CafeContext::newId();
    const QString number = orderNumber(date, seq);
    db.exec(
        QStringLiteral(
            "INSERT INTO orders(id, order_number, business_date, daily_seq, customer_name, "
            "customer_phone, status, counter, subtotal_cents, tax_cents, tip_cents, total_cents, "
            "tax_rate_ppm, estimated_ready_at, created_at, created_by_id, created_by_name, "
            "created_by_role, ordered_for_id, ordered_for_name, notes, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {orderId,
         number,
         date,
         seq,
         customerName,
         phone && !phone->isEmpty() ? QVariant(*phone) : QVariant(),
         counter,
         subtotal,
         tax,
         tipCents,
         total,
         s.taxRatePpm,
         estimate,
         ctx.now(),
         ctx.actor().userId,
         ctx.actor().name,
         HubActor::roleName(ctx.actor().role),
         orderedForName.isEmpty() ? QVariant() : QVariant(*orderedFor),
         orderedForName.isEmpty() ? QVariant() : QVariant(orderedForName),
         notes ? QVariant(*notes) : QVariant(),
         ctx.now()});
    int position = 0;
    for (const Line &line : lines) {
        db.exec(QStringLiteral("INSERT INTO order_items(id, order_id, position, product_id, "
                               "product_name, quantity, "
                               "unit_price_cents, total_price_cents, customizations) VALUES (?, ?, "
                               "?, ?, ?, ?, ?, ?, ?)"),
                {CafeContext::newId(), orderId, position++, line.productId, line.productName,
                 line.quantity, line.unitCents, line.unitCents * line.quantity,
                 QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(line.customizations))
                                       .toJson(QJsonDocument::Compact))});
    }
    addHistory(ctx, orderId, QStringLiteral("pending"), QStringLiteral("Order created"));
    const QJsonObject order = orderEventJson(ctx, orderId);
    ctx.emitEvent(Contract::Event::OrderCreated, QJsonObject{{QStringLiteral("order"), order}});
    InventoryDesk::consume(ctx, needs, {QStringLiteral("order"), orderId});
    return QJsonObject{{QStringLiteral("order"), order}};
}

static QString defaultNote(const QString &status)
{
    if (status == u"preparing")
        return QStringLiteral("Started preparation");
    if (status == u"ready")
        return QStringLiteral("Ready for pickup");
    if (status == u"completed")
        return QStringLiteral("Picked up");
    return QString();
}

static void emitStatusChanged(CafeContext &ctx, const OrderRow &order, const QString &status,
                              const QString &notes)
{
    ctx.emitEvent(
        Contract::Event::OrderStatusChanged,
        QJsonObject{{QStringLiteral("order_id"), order.id},
                    {QStringLiteral("order_number"), order.number},
                    {QStringLiteral("previous_status"), order.status},
                    {QStringLiteral("new_status"), status},
                    {QStringLiteral("updated_by"), ctx.actorWithRole()},
                    {QStringLiteral("estimated_ready_at"), HubTime::isoUtc(order.estimatedReadyAt)},
                    {QStringLiteral("notes"), notes},
                    {QStringLiteral("status_history"), historyJson(ctx.db(), order.id)}});
}

// A recall to `target` undoes the order's last change only: that change must have moved the
// order from `target` to its current status, less than recall_window_seconds ago.
static void checkRecall(CafeContext &ctx, const OrderRow &order, const QString &target)
{
    QSqlQuery q = ctx.db().exec(QStringLiteral("SELECT status, at FROM order_status_history WHERE "
                                               "order_id = ? ORDER BY position DESC LIMIT 2"),
                                {order.id});
    QStringList statuses;
    qint64 changedAt = 0;
    while (q.next()) {
        if (statuses.isEmpty())
            changedAt = q.value(1).toLongLong();
        statuses.append(q.value(0).toString());
    }
    if (statuses.size() < 2 || statuses.at(0) != order.status || statuses.at(1) != target)
        throw CommandError::conflict(
            QStringLiteral("order %1 cannot go back to %2: its last change was not from %2")
                .arg(order.number, target),
            QStringLiteral("status"));
    const qint64 windowMs = qint64(ctx.settings().recallWindowSeconds) * 1000;
    if (windowMs == 0 || ctx.now() - changedAt > windowMs)
        throw CommandError::conflict(
            QStringLiteral("order %1 became %2 more than %3 s ago and can no longer be recalled")
                .arg(order.number, order.status)
                .arg(ctx.settings().recallWindowSeconds),
            QStringLiteral("status"));
}

static QJsonObject cancel(CafeContext &ctx, const OrderRow &order, const QString &reason)
{
    StoreConnection &db = ctx.db();
    if (!kOpenStatuses.contains(order.status))
        throw CommandError::conflict(QStringLiteral("order %1 is %2 and can no longer be cancelled")
                                         .arg(order.number, order.status),
                                     QStringLiteral("order_id"));
    const QJsonObject refund = PaymentDesk::refundForCancellation(ctx, order.id);
    if (order.status == u"pending") {
        // Nothing was made yet: the ingredients taken at sale go back on the shelf. Once
        // preparation started they are used up, so stock stays as it is.
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT item_id, -SUM(change_amount) FROM stock_movements WHERE "
                           "reference_type = 'order' AND reference_id = ? AND change_type = 'sale' "
                           "GROUP BY item_id ORDER BY item_id"),
            {order.id});
        QList<QPair<QString, qint64>> back;
        while (q.next())
            back.append({q.value(0).toString(), q.value(1).toLongLong()});
        for (const auto &[item, amount] : back) {
            if (amount > 0)
                InventoryDesk::applyChange(
                    ctx, item, amount, QStringLiteral("adjustment"),
                    {QStringLiteral("order"), order.id}, InventoryDesk::systemAuthor(),
                    QStringLiteral("returned: order cancelled before preparation"));
        }
    }
    db.exec(QStringLiteral("UPDATE orders SET status = 'cancelled', cancelled_at = ?, "
                           "cancel_reason = ?, updated_at = ? "
                           "WHERE id = ?"),
            {ctx.now(), reason, ctx.now(), order.id});
    addHistory(ctx, order.id, QStringLiteral("cancelled"), reason);
    ctx.emitEvent(Contract::Event::OrderCancelled,
                  QJsonObject{{QStringLiteral("order_id"), order.id},
                              {QStringLiteral("order_number"), order.number},
                              {QStringLiteral("cancelled_by"), ctx.actorWithRole()},
                              {QStringLiteral("reason"), reason},
                              {QStringLiteral("refund_info"), refund},
                              {QStringLiteral("cancelled_at"), HubTime::isoUtc(ctx.now())}});
    return QJsonObject{{QStringLiteral("order"), OrderDesk::orderSnapshotJson(ctx, order.id)},
                       {QStringLiteral("refund_info"), refund}};
}

// One step back (a recall), after checkRecall allowed it: the undone status's timestamp is
// cleared and the step reported as it happened; no order:ready for it.
static void stepBack(CafeContext &ctx, const OrderRow &order, const QString &target,
                     const QString &notes)
{
    const QString column = order.status == u"preparing" ? QStringLiteral("preparing_at")
                           : order.status == u"ready"   ? QStringLiteral("ready_at")
                                                        : QStringLiteral("completed_at");
    ctx.db().exec(
        QStringLiteral("UPDATE orders SET status = ?, %1 = NULL, updated_at = ? WHERE id = ?")
            .arg(column),
        {target, ctx.now(), order.id});
    addHistory(ctx, order.id, target, notes);
    emitStatusChanged(ctx, order, target, notes);
}

// One step forward (pending → preparing → ready → completed): the status's timestamp, a
// history entry, order:status_changed, and order:ready when it becomes ready.
static void stepForward(CafeContext &ctx, const OrderRow &order, const QString &status,
                        const QString &notes)
{
    StoreConnection &db = ctx.db();
    const qint64 now = ctx.now();
    const QString column = status == u"preparing" ? QStringLiteral("preparing_at")
                           : status == u"ready"   ? QStringLiteral("ready_at")
                                                  : QStringLiteral("completed_at");
    db.exec(QStringLiteral("UPDATE orders SET status = ?, %1 = ?, updated_at = ? WHERE id = ?")
                .arg(column),
            {status, now, now, order.id});
    addHistory(ctx, order.id, status, notes);
    emitStatusChanged(ctx, order, status, notes);
    if (status == u"ready") {
        // Measured from the order's creation (what the customer waited), rounded to the minute.
        const qint64 prepMinutes = MoneyCents::mulDivRound(now - order.createdAt, 1, 60000);
        ctx.emitEvent(
            Contract::Event::OrderReady,
            QJsonObject{{QStringLiteral("order_id"), order.id},
                        {QStringLiteral("order_number"), order.number},
                        {QStringLiteral("customer_name"), order.customerName},
                        {QStringLiteral("customer_phone"), order.customerPhone.isEmpty()
                                                               ? QJsonValue()
                                                               : QJsonValue(order.customerPhone)},
                        {QStringLiteral("assigned_counter"), order.counter},
                        {QStringLiteral("ready_at"), HubTime::isoUtc(now)},
                        {QStringLiteral("prep_time_minutes"), prepMinutes},
                        // The (simulated) pickup message goes out when there is a number to text.
                        {QStringLiteral("notification_sent"), !order.customerPhone.isEmpty()}});
    }
}

QJsonObject OrderDesk::updateOrderStatus(CafeContext &ctx, const PayloadReader &p)
{
    const QString status
        = p.oneOf(QStringLiteral("status"),
                  {QStringLiteral("pending"), QStringLiteral("preparing"), QStringLiteral("ready"),
                   QStringLiteral("completed"), QStringLiteral("cancelled")});
    const auto notesIn = p.optString(QStringLiteral("notes"), 500);
    const OrderRow order = requireOrder(ctx, p);
    if (status == u"cancelled") {
        if (!ctx.actor().atLeast(HubRole::Manager))
            throw CommandError::denied(QStringLiteral("only a manager can cancel an order"));
        return cancel(ctx, order,
                      notesIn && !notesIn->isEmpty() ? *notesIn : QStringLiteral("Cancelled"));
    }
    if (nextStatus(status) == order.status) {
        // One step back: a recall ("wrong order marked ready") undoes the last change, by anyone,
        // while the cafe's recall window after that change is open.
        checkRecall(ctx, order, status);
        stepBack(ctx, order, status,
                 notesIn && !notesIn->isEmpty() ? *notesIn : QStringLiteral("Recalled"));
        return QJsonObject{{QStringLiteral("order"), orderSnapshotJson(ctx, order.id)}};
    }
    if (nextStatus(order.status) != status)
        throw CommandError::conflict(QStringLiteral("order %1 cannot go from %2 to %3")
                                         .arg(order.number, order.status, status),
                                     QStringLiteral("status"));
    stepForward(ctx, order, status,
                notesIn && !notesIn->isEmpty() ? *notesIn : defaultNote(status));
    return QJsonObject{{QStringLiteral("order"), orderSnapshotJson(ctx, order.id)}};
}

QJsonObject OrderDesk::checkOrderItem(CafeContext &ctx, const PayloadReader &p)
{
    // Rules (docs/commands.md, check_order_item): items of open orders only; the first tick of
    // a pending order starts its preparation, the last one makes it ready; unticking an item of
    // a ready order takes it back to preparing only as a recall would.
    const QString itemId = p.string(QStringLiteral("item_id"), 64);
    const bool made = p.boolean(QStringLiteral("made"));
    OrderRow order = requireOrder(ctx, p);
    StoreConnection &db = ctx.db();
    QSqlQuery iq = db.exec(
        QStringLiteral("SELECT made_at IS NOT NULL FROM order_items WHERE id = ? AND order_id = ?"),
        {itemId, order.id});
    if (!iq.next())
        throw CommandError::notFound(
            QStringLiteral("order %1 has no item %2").arg(order.number, itemId),
            QStringLiteral("item_id"));
    const bool wasMade = iq.value(0).toBool();
    if (!kOpenStatuses.contains(order.status))
        throw CommandError::conflict(
            QStringLiteral("order %1 is %2; its items can no longer be checked")
                .arg(order.number, order.status),
            QStringLiteral("order_id"));
    const auto answer = [&] {
        return QJsonObject{{QStringLiteral("order_id"), order.id},
                           {QStringLiteral("item_id"), itemId},
                           {QStringLiteral("made"), made},
                           {QStringLiteral("items_made"), itemsMadeJson(db, order.id)},
                           {QStringLiteral("status"), order.status}};
    };
    // Two screens ticking the same item: the second finds it done and changes nothing.
    if (wasMade == made)
        return answer();
    if (!made && order.status == u"ready") {
        // "Not made after all" on a ready order is a recall to preparing, under a recall's rules.
        checkRecall(ctx, order, QStringLiteral("preparing"));
        stepBack(ctx, order, QStringLiteral("preparing"), QStringLiteral("Item unchecked"));
        order.status = QStringLiteral("preparing");
    }
    if (made && order.status == u"pending") {
        stepForward(ctx, order, QStringLiteral("preparing"),
                    defaultNote(QStringLiteral("preparing")));
        order.status = QStringLiteral("preparing");
    }
    db.exec(QStringLiteral("UPDATE order_items SET made_at = ?, made_by_id = ? WHERE id = ?"),
            {made ? QVariant(ctx.now()) : QVariant(),
             made ? QVariant(ctx.actor().userId) : QVariant(), itemId});
    db.exec(QStringLiteral("UPDATE orders SET updated_at = ? WHERE id = ?"), {ctx.now(), order.id});
    const QJsonArray itemsMade = itemsMadeJson(db, order.id);
    ctx.emitEvent(Contract::Event::OrderItemChecked,
                  QJsonObject{{QStringLiteral("order_id"), order.id},
                              {QStringLiteral("order_number"), order.number},
                              {QStringLiteral("counter_id"), order.counter},
                              {QStringLiteral("item_id"), itemId},
                              {QStringLiteral("made"), made},
                              {QStringLiteral("items_made"), itemsMade},
                              {QStringLiteral("checked_by"), ctx.actorRef()},
                              {QStringLiteral("checked_at"), HubTime::isoUtc(ctx.now())}});
    const qint64 itemCount
        = db.scalar(QStringLiteral("SELECT COUNT(*) FROM order_items WHERE order_id = ?"),
                    {order.id})
              .toLongLong();
    if (made && order.status == u"preparing" && itemsMade.size() == itemCount) {
        stepForward(ctx, order, QStringLiteral("ready"), defaultNote(QStringLiteral("ready")));
        order.status = QStringLiteral("ready");
    }
    return answer();
}

QJsonObject OrderDesk::cancelOrder(CafeContext &ctx, const PayloadReader &p)
{
    const QString reason = p.string(QStringLiteral("reason"), 500);
    const OrderRow order = requireOrder(ctx, p);
    return cancel(ctx, order, reason);
}

void OrderDesk::moveOrder(CafeContext &ctx, const QString &orderId, const QString &orderNumber,
                          const QString &from, const QString &to, const QString &reason)
{
    ctx.db().exec(QStringLiteral("UPDATE orders SET counter = ?, updated_at = ? WHERE id = ?"),
                  {to, ctx.now(), orderId});
    ctx.emitEvent(Contract::Event::OrderAssignedCounter,
                  QJsonObject{{QStringLiteral("order_id"), orderId},
                              {QStringLiteral("order_number"), orderNumber},
                              {QStringLiteral("previous_counter"), from},
                              {QStringLiteral("new_counter"), to},
                              {QStringLiteral("assigned_by"), ctx.actorRef()},
                              {QStringLiteral("reason"), reason}},
                  {}, {from, to});
}

QJsonObject OrderDesk::assignCounter(CafeContext &ctx, const PayloadReader &p)
{
    QString counterStatus;
    const QString counter = requireCounter(ctx, p, &counterStatus);
    const QString reason = p.string(QStringLiteral("reason"), 200);
    const OrderRow order = requireOrder(ctx, p);
    if (!kOpenStatuses.contains(order.status))
        throw CommandError::conflict(
            QStringLiteral("order %1 is %2").arg(order.number, order.status),
            QStringLiteral("order_id"));
    if (counterStatus != u"active")
        throw CommandError::conflict(QStringLiteral("counter %1 is inactive").arg(counter),
                                     QStringLiteral("counter"));
    if (order.counter == counter)
        throw CommandError::conflict(
            QStringLiteral("order %1 is already at %2").arg(order.number, counter),
            QStringLiteral("counter"));
    moveOrder(ctx, order.id, order.number, order.counter, counter, reason);
    return QJsonObject{{QStringLiteral("order"), orderSnapshotJson(ctx, order.id)}};
}

QJsonObject OrderDesk::joinCounter(CafeContext &ctx, const PayloadReader &p)
{
    const QString counter = requireCounter(ctx, p);
    const QString room = HubRooms::counter(ctx.cafeId(), counter);
    ctx.setRoomChange(room, {});
    return QJsonObject{{QStringLiteral("counter"), counter}, {QStringLiteral("room"), room}};
}

QJsonObject OrderDesk::leaveCounter(CafeContext &ctx, const PayloadReader &p)
{
    const QString counter = requireCounter(ctx, p);
    const QString room = HubRooms::counter(ctx.cafeId(), counter);
    ctx.setRoomChange({}, room);
    return QJsonObject{{QStringLiteral("counter"), counter}, {QStringLiteral("room"), room}};
}

QJsonObject OrderDesk::listOrders(CafeContext &ctx, const PayloadReader &p)
{
    const qint64 limit = p.optInteger(QStringLiteral("recent_limit"), 0, 500)
                             .value_or(ctx.options().recentOrdersLimit);
    const QString date = ctx.businessDate();
    QStringList ids;
    QSqlQuery open = ctx.db().exec(
        QStringLiteral("SELECT id FROM orders WHERE status IN ('pending','preparing','ready') "
                       "ORDER BY created_at, daily_seq"));
    while (open.next())
        ids.append(open.value(0).toString());
    QStringList recent;
    QSqlQuery closed = ctx.db().exec(
        QStringLiteral("SELECT id FROM orders WHERE status IN ('completed','cancelled') AND "
                       "business_date = ? ORDER BY updated_at DESC LIMIT ?"),
        {date, limit});
    while (closed.next())
        recent.prepend(closed.value(0).toString());
    QJsonArray openJson, recentJson;
    for (const QString &id : ids)
        openJson.append(orderSnapshotJson(ctx, id));
    for (const QString &id : recent)
        recentJson.append(orderSnapshotJson(ctx, id));
    const qint64 bucketMinutes
        = p.optInteger(QStringLiteral("bucket_minutes"), 1, 240).value_or(15);
    return QJsonObject{{QStringLiteral("business_date"), date},
                       {QStringLiteral("open_orders"), openJson},
                       {QStringLiteral("recent_orders"), recentJson},
                       {QStringLiteral("day"), dayFigures(ctx, date, bucketMinutes)}};
}

QJsonObject OrderDesk::dayFigures(CafeContext &ctx, const QString &date, qint64 bucketMinutes)
{
    // Summed by SQL over every order of the business date, however many: recent_orders holds
    // the last recent_limit only, and a console rebuilding its dashboard from those undercounts
    // a busy day. The measures are the events' own, so a console can add live events on top:
    // orders by created_at (order:created), prep samples by ready_at with the minutes rounded
    // per order as order:ready's prep_time_minutes, revenue as payments completed at
    // completed_at (payment:completed) less refunds at refunded_at (order:cancelled's refund).
    const qint64 span = bucketMinutes * 60 * 1000;
    struct Bucket
    {
        qint64 orders = 0;
        qint64 revenue = 0;
        qint64 prepCount = 0;
        qint64 prepMinutes = 0;
    };
    std::map<qint64, Bucket> buckets;
    StoreConnection &db = ctx.db();
    QSqlQuery created = db.exec(QStringLiteral("SELECT (created_at / ?) * ?, COUNT(*) FROM orders "
                                               "WHERE business_date = ? GROUP BY 1"),
                                {span, span, date});
    while (created.next())
        buckets[created.value(0).toLongLong()].orders = created.value(1).toLongLong();
    QSqlQuery ready = db.exec(
        QStringLiteral("SELECT (ready_at / ?) * ?, COUNT(*), SUM((ready_at - created_at + 30000) "
                       "/ 60000) FROM orders WHERE business_date = ? AND ready_at IS NOT NULL "
                       "AND ready_at >= created_at GROUP BY 1"),
        {span, span, date});
    while (ready.next()) {
        Bucket &b = buckets[ready.value(0).toLongLong()];
        b.prepCount = ready.value(1).toLongLong();
        b.prepMinutes = ready.value(2).toLongLong();
    }
    QSqlQuery paid = db.exec(
        QStringLiteral("SELECT (p.completed_at / ?) * ?, SUM(p.amount_cents) FROM payments p JOIN "
                       "orders o ON o.id = p.order_id WHERE o.business_date = ? AND "
                       "p.completed_at IS NOT NULL AND p.status IN ('completed','refunded') "
                       "GROUP BY 1"),
        {span, span, date});
    while (paid.next())
        buckets[paid.value(0).toLongLong()].revenue += paid.value(1).toLongLong();
    QSqlQuery refunded = db.exec(
        QStringLiteral("SELECT (p.refunded_at / ?) * ?, SUM(p.amount_cents) FROM payments p JOIN "
                       "orders o ON o.id = p.order_id WHERE o.business_date = ? AND "
                       "p.status = 'refunded' AND p.refunded_at IS NOT NULL GROUP BY 1"),
        {span, span, date});
    while (refunded.next())
        buckets[refunded.value(0).toLongLong()].revenue -= refunded.value(1).toLongLong();
    QJsonArray rows;
    Bucket total;
    for (const auto &[start, b] : buckets) {
        total.orders += b.orders;
        total.revenue += b.revenue;
        total.prepCount += b.prepCount;
        total.prepMinutes += b.prepMinutes;
        rows.append(QJsonObject{{QStringLiteral("start"), HubTime::isoUtc(start)},
                                {QStringLiteral("orders"), b.orders},
                                {QStringLiteral("revenue"), MoneyCents::toJson(b.revenue)},
                                {QStringLiteral("prep_count"), b.prepCount},
                                {QStringLiteral("prep_minutes_sum"), b.prepMinutes}});
    }
    QSqlQuery closed = db.exec(
        QStringLiteral("SELECT COALESCE(SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), 0) FROM "
                       "orders WHERE business_date = ?"),
        {date});
    const bool have = closed.next();
    return QJsonObject{{QStringLiteral("business_date"), date},
                       {QStringLiteral("bucket_minutes"), bucketMinutes},
                       {QStringLiteral("orders"), total.orders},
                       {QStringLiteral("finished"), have ? closed.value(0).toLongLong() : 0},
                       {QStringLiteral("cancelled"), have ? closed.value(1).toLongLong() : 0},
                       {QStringLiteral("revenue"), MoneyCents::toJson(total.revenue)},
                       {QStringLiteral("prep_count"), total.prepCount},
                       {QStringLiteral("prep_minutes_sum"), total.prepMinutes},
                       {QStringLiteral("buckets"), rows}};
}

} // namespace TableTap
