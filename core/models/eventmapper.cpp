// JSON → typed values for the contract's events.
#include "eventmapper.h"

#include "contract.h"

#include <QJsonArray>

#include <optional>

namespace TableTap {

namespace {

QString str(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

double num(const QJsonObject &o, QLatin1String key)
{
    const double d = o.value(key).toDouble(0.0);
    return qIsFinite(d) ? d : 0.0;
}

int integer(const QJsonObject &o, QLatin1String key)
{
    const double d = num(o, key);
    if (d > 1e9 || d < -1e9)
        return 0;
    return int(d);
}

Cents money(const QJsonObject &o, QLatin1String key)
{
    return centsFromNumber(num(o, key));
}

bool flag(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toBool(false);
}

QJsonObject obj(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toObject();
}

QString person(const PersonRef &p)
{
    return p.name.isEmpty() ? p.id : p.name;
}

using L1 = QLatin1String;

// The two shapes hubs send ("2024-01-01T00:00:00Z", with or without ".123"), read by hand: every
// event carries a few timestamps, and Qt's general ISO parser is the slowest part of mapping one.
// Anything else (offsets, other precisions, invalid dates) goes to Qt.
bool readDigits(QStringView s, qsizetype from, int count, int *out)
{
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = s[from + i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + int(c - u'0');
    }
    *out = v;
    return true;
}

std::optional<QDateTime> quickUtc(QStringView s)
{
    const qsizetype n = s.size();
    if ((n != 20 && n != 24) || s[n - 1] != u'Z' || s[4] != u'-' || s[7] != u'-' || s[10] != u'T'
        || s[13] != u':' || s[16] != u':' || (n == 24 && s[19] != u'.'))
        return std::nullopt;
    int y, mo, d, h, mi, sec, ms = 0;
    if (!readDigits(s, 0, 4, &y) || !readDigits(s, 5, 2, &mo) || !readDigits(s, 8, 2, &d)
        || !readDigits(s, 11, 2, &h) || !readDigits(s, 14, 2, &mi) || !readDigits(s, 17, 2, &sec)
        || (n == 24 && !readDigits(s, 20, 3, &ms)))
        return std::nullopt;
    const QDate date(y, mo, d);
    const QTime time(h, mi, sec, ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime EventMapper::mapTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QString text = value.toString();
    if (const auto quick = quickUtc(text))
        return *quick;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

PersonRef EventMapper::mapPerson(const QJsonObject &json)
{
    PersonRef p;
    p.id = str(json, L1("id"));
    p.name = str(json, L1("name"));
    p.role = str(json, L1("role"));
    if (p.role.isEmpty())
        p.role = str(json, L1("type"));
    return p;
}

QList<StatusChange> EventMapper::mapHistory(const QJsonArray &json)
{
    QList<StatusChange> out;
    out.reserve(json.size());
    for (const QJsonValue &v : json) {
        const QJsonObject h = v.toObject();
        StatusChange c;
        c.status = orderStatusFromName(str(h, L1("status")));
        c.at = mapTime(h.value(L1("timestamp")));
        c.userId = str(h, L1("user_id"));
        c.notes = str(h, L1("notes"));
        out.append(c);
    }
    return out;
}

Order EventMapper::mapOrder(const QJsonObject &json)
{
    Order o;
    o.id = str(json, L1("id"));
    o.number = str(json, L1("order_number"));
    o.cafeId = str(json, L1("cafe_id"));
    o.customerName = str(json, L1("customer_name"));
    o.customerPhone = str(json, L1("customer_phone"));
    o.status = orderStatusFromName(str(json, L1("status")));
    o.counter = str(json, L1("assigned_counter"));
    for (const QJsonValue &v : json.value(L1("items")).toArray()) {
        const QJsonObject i = v.toObject();
        OrderItem item;
        item.id = str(i, L1("id"));
        item.productId = str(i, L1("product_id"));
        item.productName = str(i, L1("product_name"));
        item.quantity = integer(i, L1("quantity"));
        item.unitPrice = money(i, L1("unit_price"));
        item.totalPrice = money(i, L1("total_price"));
        for (const QJsonValue &c : i.value(L1("customizations")).toArray())
            item.customizations.append(c.toString());
        o.items.append(item);
    }
    const QJsonObject totals = obj(json, L1("totals"));
    o.subtotal = money(totals, L1("subtotal"));
    o.tax = money(totals, L1("tax_amount"));
    o.tip = money(totals, L1("tip_amount"));
    o.total = money(totals, L1("total_amount"));
    o.estimatedReadyAt = mapTime(json.value(L1("estimated_ready_at")));
    o.createdAt = mapTime(json.value(L1("created_at")));
    o.readyAt = mapTime(json.value(L1("ready_at")));
    o.closedAt = mapTime(json.value(L1("completed_at")));
    if (!o.closedAt.isValid())
        o.closedAt = mapTime(json.value(L1("cancelled_at")));
    o.createdBy = mapPerson(obj(json, L1("created_by")));
    const QJsonObject proxy = obj(json, L1("proxy_order_info"));
    o.isProxy = flag(proxy, L1("is_proxy"));
    if (o.isProxy)
        o.orderedFor = mapPerson(obj(proxy, L1("ordered_for")));
    o.history = mapHistory(json.value(L1("status_history")).toArray());
    o.cancelReason = str(json, L1("cancel_reason"));
    o.paymentStatus = str(json, L1("payment_status"));
    return o;
}

const QStringList &EventMapper::knownEvents()
{
    // The base contract's events; the hub's own (staff:updated) are not the console's.
    static const QStringList names = [] {
        QStringList out;
        for (const Contract::Event e : Contract::kEvents)
            if (Contract::inBaseContract(e))
                out << Contract::name(e);
        return out;
    }();
    return names;
}

Decoded<CafeEvent> EventMapper::mapEvent(const QString &nsp, const QString &event,
                                         const QJsonValue &envelope)
{
    using Result = Decoded<CafeEvent>;
    if (!envelope.isObject())
        return Result::failure(QStringLiteral("%1: the envelope is not an object").arg(event));
    const QJsonObject env = envelope.toObject();
    const QJsonValue dataValue = env.value(Contract::Keys::Data);
    if (!dataValue.isObject())
        return Result::failure(QStringLiteral("%1: no data object").arg(event));
    const QJsonObject d = dataValue.toObject();
    const QString name = env.value(Contract::Keys::Event).toString(event);
    if (name != event)
        return Result::failure(QStringLiteral("%1: the envelope says it is %2").arg(event, name));

    CafeEvent e;
    e.name = event;
    e.nsp = nsp;
    const QJsonObject meta = obj(env, Contract::Keys::Meta);
    e.meta.timestamp = mapTime(meta.value(Contract::Keys::Timestamp));
    e.meta.cafeId = str(meta, Contract::Keys::CafeId);
    e.meta.eventId = str(meta, Contract::Keys::EventId);

    const std::optional<Contract::Event> kind = Contract::eventFromName(event);
    if (!kind)
        return Result::failure(QStringLiteral("unknown event %1").arg(event));
    switch (*kind) {
    case Contract::Event::OrderCreated: {
        const QJsonValue orderValue = d.value(L1("order"));
        if (!orderValue.isObject())
            return Result::failure(QStringLiteral("order:created without an order"));
        OrderCreated p{mapOrder(orderValue.toObject())};
        if (p.order.id.isEmpty())
            return Result::failure(QStringLiteral("order:created without an order id"));
        e.summary = QStringLiteral("%1 for %2, %3 item(s), %4 at %5")
                        .arg(p.order.number, p.order.customerName)
                        .arg(p.order.itemCount())
                        .arg(formatCents(p.order.total), p.order.counter);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::OrderStatusChanged: {
        OrderStatusChanged p;
        p.orderId = str(d, L1("order_id"));
        p.orderNumber = str(d, L1("order_number"));
        p.previousStatus = orderStatusFromName(str(d, L1("previous_status")));
        p.newStatus = orderStatusFromName(str(d, L1("new_status")));
        p.updatedBy = mapPerson(obj(d, L1("updated_by")));
        p.estimatedReadyAt = mapTime(d.value(L1("estimated_ready_at")));
        p.notes = str(d, L1("notes"));
        p.history = mapHistory(d.value(L1("status_history")).toArray());
        if (p.orderId.isEmpty() || p.newStatus == OrderStatus::Unknown)
            return Result::failure(QStringLiteral("order:status_changed without order or status"));
        e.summary = QStringLiteral("%1 %2 → %3 by %4")
                        .arg(p.orderNumber, orderStatusName(p.previousStatus),
                             orderStatusName(p.newStatus), person(p.updatedBy));
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::OrderReady: {
        OrderReady p;
        p.orderId = str(d, L1("order_id"));
        p.orderNumber = str(d, L1("order_number"));
        p.customerName = str(d, L1("customer_name"));
        p.customerPhone = str(d, L1("customer_phone"));
        p.counter = str(d, L1("assigned_counter"));
        p.readyAt = mapTime(d.value(L1("ready_at")));
        p.prepTimeMinutes = integer(d, L1("prep_time_minutes"));
        p.notificationSent = flag(d, L1("notification_sent"));
        if (p.orderId.isEmpty())
            return Result::failure(QStringLiteral("order:ready without order_id"));
        e.summary = QStringLiteral("%1 ready for %2 at %3 (%4 min)")
                        .arg(p.orderNumber, p.customerName, p.counter)
                        .arg(p.prepTimeMinutes);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::OrderCancelled: {
        OrderCancelled p;
        p.orderId = str(d, L1("order_id"));
        p.orderNumber = str(d, L1("order_number"));
        p.cancelledBy = mapPerson(obj(d, L1("cancelled_by")));
        p.reason = str(d, L1("reason"));
        const QJsonObject refund = obj(d, L1("refund_info"));
        p.refundAmount = money(refund, L1("refund_amount"));
        p.refundMethod = str(refund, L1("refund_method"));
        p.refundProcessed = flag(refund, L1("processed"));
        p.cancelledAt = mapTime(d.value(L1("cancelled_at")));
        if (p.orderId.isEmpty())
            return Result::failure(QStringLiteral("order:cancelled without order_id"));
        e.summary = QStringLiteral("%1 cancelled by %2: %3")
                        .arg(p.orderNumber, person(p.cancelledBy), p.reason);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::OrderAssignedCounter: {
        OrderAssignedCounter p;
        p.orderId = str(d, L1("order_id"));
        p.orderNumber = str(d, L1("order_number"));
        p.previousCounter = str(d, L1("previous_counter"));
        p.newCounter = str(d, L1("new_counter"));
        p.assignedBy = mapPerson(obj(d, L1("assigned_by")));
        p.reason = str(d, L1("reason"));
        if (p.orderId.isEmpty())
            return Result::failure(QStringLiteral("order:assigned_counter without order_id"));
        e.summary = QStringLiteral("%1 moved %2 → %3 (%4)")
                        .arg(p.orderNumber, p.previousCounter, p.newCounter, p.reason);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::PaymentProcessing: {
        PaymentProcessing p;
        p.orderId = str(d, L1("order_id"));
        p.transactionId = str(d, L1("transaction_id"));
        p.method = str(d, L1("payment_method"));
        p.amount = money(d, L1("amount"));
        p.provider = str(d, L1("provider"));
        p.status = str(d, L1("status"));
        e.summary = QStringLiteral("%1 %2 processing (%3)")
                        .arg(p.method, formatCents(p.amount), p.transactionId);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::PaymentCompleted: {
        PaymentCompleted p;
        p.orderId = str(d, L1("order_id"));
        p.transactionId = str(d, L1("transaction_id"));
        p.method = str(d, L1("payment_method"));
        p.amount = money(d, L1("amount"));
        p.fee = money(d, L1("fee_amount"));
        p.net = money(d, L1("net_amount"));
        p.provider = str(d, L1("provider"));
        p.providerTransactionId = str(d, L1("provider_transaction_id"));
        p.completedAt = mapTime(d.value(L1("completed_at")));
        e.summary = QStringLiteral("%1 %2 completed (fee %3)")
                        .arg(p.method, formatCents(p.amount), formatCents(p.fee));
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::PaymentFailed: {
        PaymentFailed p;
        p.orderId = str(d, L1("order_id"));
        p.transactionId = str(d, L1("transaction_id"));
        p.method = str(d, L1("payment_method"));
        p.amount = money(d, L1("amount"));
        p.provider = str(d, L1("provider"));
        p.errorCode = str(d, L1("error_code"));
        p.errorMessage = str(d, L1("error_message"));
        p.retryAllowed = flag(d, L1("retry_allowed"));
        e.summary = QStringLiteral("%1 %2 failed: %3")
                        .arg(p.method, formatCents(p.amount), p.errorMessage);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::QrGenerated: {
        QrGenerated p;
        p.orderId = str(d, L1("order_id"));
        p.qrCodeId = str(d, L1("qr_code_id"));
        p.qrCodeData = str(d, L1("qr_code_data"));
        p.amount = money(d, L1("amount"));
        p.expiresAt = mapTime(d.value(L1("expires_at")));
        e.summary = QStringLiteral("QR %1 for %2, expires %3")
                        .arg(p.qrCodeId, formatCents(p.amount), p.expiresAt.toString(Qt::ISODate));
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::StockUpdated: {
        StockUpdated p;
        p.productId = str(d, L1("product_id"));
        p.productName = str(d, L1("product_name"));
        p.sku = str(d, L1("sku"));
        p.previousStock = num(d, L1("previous_stock"));
        p.newStock = num(d, L1("new_stock"));
        p.changeAmount = num(d, L1("change_amount"));
        p.changeType = str(d, L1("change_type"));
        p.updatedBy = mapPerson(obj(d, L1("updated_by")));
        const QJsonObject ref = obj(d, L1("reference"));
        p.referenceType = str(ref, L1("type"));
        p.referenceId = str(ref, L1("id"));
        p.reorderNeeded = flag(d, L1("reorder_needed"));
        e.summary = QStringLiteral("%1 %2 → %3 (%4)")
                        .arg(p.productName)
                        .arg(p.previousStock)
                        .arg(p.newStock)
                        .arg(p.changeType);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::LowStock: {
        LowStock p;
        p.productId = str(d, L1("product_id"));
        p.productName = str(d, L1("product_name"));
        p.sku = str(d, L1("sku"));
        p.currentStock = num(d, L1("current_stock"));
        p.reorderLevel = num(d, L1("reorder_level"));
        p.maxStock = num(d, L1("max_stock"));
        p.suggestedOrderQuantity = num(d, L1("suggested_order_quantity"));
        p.lastRestocked = mapTime(d.value(L1("last_restocked")));
        p.priority = str(d, L1("priority"));
        e.summary = QStringLiteral("%1 low: %2 left (reorder at %3), %4")
                        .arg(p.productName)
                        .arg(p.currentStock)
                        .arg(p.reorderLevel)
                        .arg(p.priority);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::OutOfStock: {
        OutOfStock p;
        p.productId = str(d, L1("product_id"));
        p.productName = str(d, L1("product_name"));
        p.sku = str(d, L1("sku"));
        p.autoDisabled = flag(d, L1("auto_disabled"));
        QStringList names;
        for (const QJsonValue &v : d.value(L1("affects_products")).toArray()) {
            const QJsonObject a = v.toObject();
            AffectedProduct ap{str(a, L1("product_id")), str(a, L1("product_name")),
                               flag(a, L1("disabled"))};
            names << ap.productName;
            p.affects.append(ap);
        }
        e.summary = QStringLiteral("%1 out of stock; disabled: %2")
                        .arg(p.productName, names.join(QStringLiteral(", ")));
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::ClockedIn: {
        ClockedIn p;
        p.userId = str(d, L1("user_id"));
        p.employeeId = str(d, L1("employee_id"));
        p.employeeName = str(d, L1("employee_name"));
        p.timesheetId = str(d, L1("timesheet_id"));
        p.clockInTime = mapTime(d.value(L1("clock_in_time")));
        p.shiftDate = QDate::fromString(str(d, L1("shift_date")), Qt::ISODate);
        p.notes = str(d, L1("notes"));
        e.summary = QStringLiteral("%1 clocked in").arg(p.employeeName);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::ClockedOut: {
        ClockedOut p;
        p.userId = str(d, L1("user_id"));
        p.employeeId = str(d, L1("employee_id"));
        p.employeeName = str(d, L1("employee_name"));
        p.timesheetId = str(d, L1("timesheet_id"));
        p.clockOutTime = mapTime(d.value(L1("clock_out_time")));
        p.totalHours = num(d, L1("total_hours"));
        p.hourlyRate = money(d, L1("hourly_rate"));
        p.totalPay = money(d, L1("total_pay"));
        p.breakMinutes = integer(d, L1("break_duration_minutes"));
        e.summary = QStringLiteral("%1 clocked out: %2 h, pay %3")
                        .arg(p.employeeName)
                        .arg(p.totalHours)
                        .arg(formatCents(p.totalPay));
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::DrinkConsumed: {
        DrinkConsumed p;
        p.userId = str(d, L1("user_id"));
        p.employeeName = str(d, L1("employee_name"));
        p.productName = str(d, L1("product_name"));
        p.quantity = integer(d, L1("quantity"));
        p.orderId = str(d, L1("order_id"));
        p.countedAgainstAllowance = flag(d, L1("counted_against_allowance"));
        p.monthlyCount = integer(d, L1("monthly_count"));
        p.monthlyLimit = integer(d, L1("monthly_limit"));
        p.remainingAllowance = integer(d, L1("remaining_allowance"));
        e.summary = QStringLiteral("%1 had %2× %3 (%4/%5 this month)")
                        .arg(p.employeeName)
                        .arg(p.quantity)
                        .arg(p.productName)
                        .arg(p.monthlyCount)
                        .arg(p.monthlyLimit);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::CounterStatusChanged: {
        CounterStatusChanged p;
        p.counterName = str(d, L1("counter_name"));
        p.previousStatus = str(d, L1("previous_status"));
        p.newStatus = str(d, L1("new_status"));
        p.changedBy = mapPerson(obj(d, L1("changed_by")));
        p.reason = str(d, L1("reason"));
        p.activeOrdersCount = integer(d, L1("active_orders_count"));
        p.ordersReassignedTo = str(d, L1("orders_reassigned_to"));
        e.summary = QStringLiteral("%1 %2 → %3: %4")
                        .arg(p.counterName, p.previousStatus, p.newStatus, p.reason);
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::SettingsUpdated: {
        SettingsUpdated p;
        p.updatedBy = mapPerson(obj(d, L1("updated_by")));
        const QJsonObject changes = obj(d, L1("changes"));
        QStringList keys;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
            const QJsonObject c = it.value().toObject();
            p.changes.append(
                {it.key(), c.value(L1("previous")).toVariant(), c.value(L1("new")).toVariant()});
            keys << it.key();
        }
        e.summary = QStringLiteral("settings changed by %1: %2")
                        .arg(person(p.updatedBy), keys.join(QStringLiteral(", ")));
        e.payload = std::move(p);
        break;
    }
    case Contract::Event::StaffUpdated: // the hub's own, not mapped by the console
    case Contract::Event::Error:
        return Result::failure(QStringLiteral("unknown event %1").arg(event));
    }
    return e;
}

} // namespace TableTap
