// JSON → typed values for the contract's events and snapshot answers.
#include "eventmapper.h"

#include "contract.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>
#include <cmath>
#include <cstddef>
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

// An array of ids; anything but strings in it is skipped.
QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        if (v.isString())
            out.append(v.toString());
    return out;
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

StaffMember EventMapper::mapStaffMember(const QJsonObject &json)
{
    StaffMember m;
    m.userId = str(json, L1("user_id"));
    m.employeeCode = str(json, L1("employee_id"));
    m.name = str(json, L1("name"));
    m.role = str(json, L1("role"));
    m.active = json.value(L1("active")).toBool(true);
    m.hourlyRate = money(json, L1("hourly_rate"));
    if (json.value(L1("drink_allowance")).isDouble())
        m.drinkAllowance = integer(json, L1("drink_allowance"));
    m.createdAt = mapTime(json.value(L1("created_at")));
    m.updatedAt = mapTime(json.value(L1("updated_at")));
    m.updatedByName = str(obj(json, L1("updated_by")), L1("name"));
    m.lastSignInAt = mapTime(json.value(L1("last_sign_in_at")));
    return m;
}

QList<StaffMember> EventMapper::mapStaffList(const QJsonValue &data)
{
    QList<StaffMember> out;
    for (const QJsonValue &v : data.toObject().value(L1("staff")).toArray()) {
        StaffMember m = mapStaffMember(v.toObject());
        if (!m.userId.isEmpty())
            out.append(std::move(m));
    }
    return out;
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
    // The hub's item check-off (absent: none made).
    o.setItemsMade(strings(json.value(L1("items_made"))));
    return o;
}

namespace {

// --- One reader and one summary per event -------------------------------------------------
// read(): the event's data into its payload, in the order the fields appear in docs/events.md;
// an error text when the event is unusable (a required id missing), else a null string.
// summary(): the event log's line (tst_cafemodels and the log read these exact words), in the
// console's language (context TableTap::EventMapper; tst_translations checks the German).

// The wire's data words in a log line (statuses, methods, change types, priorities), in the
// console's language like the views show them; a word this console does not know stays as sent.
QString dataWord(const QString &wire)
{
    static const char *const words[] = {
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "pending"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "preparing"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "ready"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "completed"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "cancelled"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "card"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "cash"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "qr"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "sale"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "purchase"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "adjustment"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "waste"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "low"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "medium"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "high"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "critical"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "active"),
        QT_TRANSLATE_NOOP("TableTap::EventMapper", "inactive"),
    };
    for (const char *w : words)
        if (wire == QLatin1String(w))
            return QCoreApplication::translate("TableTap::EventMapper", w);
    return wire;
}

QString dataWord(OrderStatus status)
{
    return dataWord(orderStatusName(status));
}

QString read(const QJsonObject &d, OrderCreated &p)
{
    const QJsonValue orderValue = d.value(L1("order"));
    if (!orderValue.isObject())
        return QStringLiteral("order:created without an order");
    p.order = EventMapper::mapOrder(orderValue.toObject());
    if (p.order.id.isEmpty())
        return QStringLiteral("order:created without an order id");
    return {};
}

QString summary(const OrderCreated &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 for %2, %n item(s), %3 at %4",
                                       nullptr, p.order.itemCount())
        .arg(p.order.number, p.order.customerName, formatCents(p.order.total), p.order.counter);
}

QString read(const QJsonObject &d, OrderStatusChanged &p)
{
    p.orderId = str(d, L1("order_id"));
    p.orderNumber = str(d, L1("order_number"));
    p.previousStatus = orderStatusFromName(str(d, L1("previous_status")));
    p.newStatus = orderStatusFromName(str(d, L1("new_status")));
    p.updatedBy = EventMapper::mapPerson(obj(d, L1("updated_by")));
    p.estimatedReadyAt = EventMapper::mapTime(d.value(L1("estimated_ready_at")));
    p.notes = str(d, L1("notes"));
    p.history = EventMapper::mapHistory(d.value(L1("status_history")).toArray());
    if (p.orderId.isEmpty() || p.newStatus == OrderStatus::Unknown)
        return QStringLiteral("order:status_changed without order or status");
    return {};
}

QString summary(const OrderStatusChanged &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 %2 → %3 by %4")
        .arg(p.orderNumber, dataWord(p.previousStatus), dataWord(p.newStatus), person(p.updatedBy));
}

QString read(const QJsonObject &d, OrderReady &p)
{
    p.orderId = str(d, L1("order_id"));
    p.orderNumber = str(d, L1("order_number"));
    p.customerName = str(d, L1("customer_name"));
    p.customerPhone = str(d, L1("customer_phone"));
    p.counter = str(d, L1("assigned_counter"));
    p.readyAt = EventMapper::mapTime(d.value(L1("ready_at")));
    p.prepTimeMinutes = integer(d, L1("prep_time_minutes"));
    p.notificationSent = flag(d, L1("notification_sent"));
    if (p.orderId.isEmpty())
        return QStringLiteral("order:ready without order_id");
    return {};
}

QString summary(const OrderReady &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 ready for %2 at %3 (%4 min)")
        .arg(p.orderNumber, p.customerName, p.counter)
        .arg(p.prepTimeMinutes);
}

QString read(const QJsonObject &d, OrderCancelled &p)
{
    p.orderId = str(d, L1("order_id"));
    p.orderNumber = str(d, L1("order_number"));
    p.cancelledBy = EventMapper::mapPerson(obj(d, L1("cancelled_by")));
    p.reason = str(d, L1("reason"));
    const QJsonObject refund = obj(d, L1("refund_info"));
    p.refundAmount = money(refund, L1("refund_amount"));
    p.refundMethod = str(refund, L1("refund_method"));
    p.refundProcessed = flag(refund, L1("processed"));
    p.cancelledAt = EventMapper::mapTime(d.value(L1("cancelled_at")));
    if (p.orderId.isEmpty())
        return QStringLiteral("order:cancelled without order_id");
    return {};
}

QString summary(const OrderCancelled &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 cancelled by %2: %3")
        .arg(p.orderNumber, person(p.cancelledBy), p.reason);
}

QString read(const QJsonObject &d, OrderAssignedCounter &p)
{
    p.orderId = str(d, L1("order_id"));
    p.orderNumber = str(d, L1("order_number"));
    p.previousCounter = str(d, L1("previous_counter"));
    p.newCounter = str(d, L1("new_counter"));
    p.assignedBy = EventMapper::mapPerson(obj(d, L1("assigned_by")));
    p.reason = str(d, L1("reason"));
    if (p.orderId.isEmpty())
        return QStringLiteral("order:assigned_counter without order_id");
    return {};
}

QString summary(const OrderAssignedCounter &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 moved %2 → %3 (%4)")
        .arg(p.orderNumber, p.previousCounter, p.newCounter, p.reason);
}

QString read(const QJsonObject &d, OrderItemChecked &p)
{
    p.orderId = str(d, L1("order_id"));
    p.orderNumber = str(d, L1("order_number"));
    p.counter = str(d, L1("counter_id"));
    p.itemId = str(d, L1("item_id"));
    p.made = flag(d, L1("made"));
    p.itemsMade = strings(d.value(L1("items_made")));
    p.checkedBy = EventMapper::mapPerson(obj(d, L1("checked_by")));
    p.checkedAt = EventMapper::mapTime(d.value(L1("checked_at")));
    if (p.orderId.isEmpty() || p.itemId.isEmpty())
        return QStringLiteral("order:item_checked without order_id or item_id");
    return {};
}

QString summary(const OrderItemChecked &p)
{
    return p.made ? QCoreApplication::translate("TableTap::EventMapper",
                                                "%1: item made (%n made) by %2", nullptr,
                                                int(p.itemsMade.size()))
                        .arg(p.orderNumber, person(p.checkedBy))
                  : QCoreApplication::translate("TableTap::EventMapper",
                                                "%1: item not made after all (%n made) by %2",
                                                nullptr, int(p.itemsMade.size()))
                        .arg(p.orderNumber, person(p.checkedBy));
}

void read(const QJsonObject &o, MenuProduct &p); // list_menu's product, below

QString read(const QJsonObject &d, MenuUpdated &p)
{
    const QJsonValue products = d.value(L1("products"));
    if (!products.isArray())
        return QStringLiteral("menu:updated without products");
    for (const QJsonValue &v : products.toArray()) {
        MenuProduct product;
        read(v.toObject(), product);
        if (!product.id.isEmpty())
            p.products.append(product);
    }
    p.removed = strings(d.value(L1("removed")));
    return {};
}

QString summary(const MenuUpdated &p)
{
    QStringList names;
    for (const MenuProduct &product : p.products)
        names.append(product.name);
    if (p.removed.isEmpty())
        return QCoreApplication::translate("TableTap::EventMapper", "menu changed: %1")
            .arg(names.join(QStringLiteral(", ")));
    return QCoreApplication::translate("TableTap::EventMapper", "menu changed: %1 (%n retired)",
                                       nullptr, int(p.removed.size()))
        .arg(names.join(QStringLiteral(", ")));
}

QString read(const QJsonObject &d, MenuAvailabilityChanged &p)
{
    p.productId = str(d, L1("product_id"));
    p.customizationId = str(d, L1("customization_id"));
    p.name = str(d, L1("name"));
    p.productName = str(d, L1("product_name"));
    p.available = flag(d, L1("available"));
    p.reason = str(d, L1("reason"));
    p.until = EventMapper::mapTime(d.value(L1("until")));
    p.by = EventMapper::mapPerson(obj(d, L1("by")));
    p.at = EventMapper::mapTime(d.value(L1("at")));
    if (p.productId.isEmpty())
        return QStringLiteral("menu:availability_changed without product_id");
    return {};
}

QString summary(const MenuAvailabilityChanged &p)
{
    const QString what = p.customizationId.isEmpty()
                             ? p.name
                             : QStringLiteral("%1 (%2)").arg(p.name, p.productName);
    if (p.available)
        return p.by.name.isEmpty()
                   ? QCoreApplication::translate("TableTap::EventMapper", "%1 back on sale")
                         .arg(what)
                   : QCoreApplication::translate("TableTap::EventMapper", "%1 back on sale by %2")
                         .arg(what, person(p.by));
    return QCoreApplication::translate("TableTap::EventMapper", "%1 off sale by %2: %3")
        .arg(what, person(p.by), p.reason);
}

QString read(const QJsonObject &d, PaymentProcessing &p)
{
    p.orderId = str(d, L1("order_id"));
    p.transactionId = str(d, L1("transaction_id"));
    p.method = str(d, L1("payment_method"));
    p.amount = money(d, L1("amount"));
    p.provider = str(d, L1("provider"));
    p.status = str(d, L1("status"));
    return {};
}

QString summary(const PaymentProcessing &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 %2 processing (%3)")
        .arg(dataWord(p.method), formatCents(p.amount), p.transactionId);
}

QString read(const QJsonObject &d, PaymentCompleted &p)
{
    p.orderId = str(d, L1("order_id"));
    p.transactionId = str(d, L1("transaction_id"));
    p.method = str(d, L1("payment_method"));
    p.amount = money(d, L1("amount"));
    p.fee = money(d, L1("fee_amount"));
    p.net = money(d, L1("net_amount"));
    p.provider = str(d, L1("provider"));
    p.providerTransactionId = str(d, L1("provider_transaction_id"));
    p.completedAt = EventMapper::mapTime(d.value(L1("completed_at")));
    return {};
}

QString summary(const PaymentCompleted &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 %2 completed (fee %3)")
        .arg(dataWord(p.method), formatCents(p.amount), formatCents(p.fee));
}

QString read(const QJsonObject &d, PaymentFailed &p)
{
    p.orderId = str(d, L1("order_id"));
    p.transactionId = str(d, L1("transaction_id"));
    p.method = str(d, L1("payment_method"));
    p.amount = money(d, L1("amount"));
    p.provider = str(d, L1("provider"));
    p.errorCode = str(d, L1("error_code"));
    p.errorMessage = str(d, L1("error_message"));
    p.retryAllowed = flag(d, L1("retry_allowed"));
    return {};
}

QString summary(const PaymentFailed &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 %2 failed: %3")
        .arg(dataWord(p.method), formatCents(p.amount), p.errorMessage);
}

QString read(const QJsonObject &d, QrGenerated &p)
{
    p.orderId = str(d, L1("order_id"));
    p.qrCodeId = str(d, L1("qr_code_id"));
    p.qrCodeData = str(d, L1("qr_code_data"));
    p.amount = money(d, L1("amount"));
    p.expiresAt = EventMapper::mapTime(d.value(L1("expires_at")));
    return {};
}

QString summary(const QrGenerated &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "QR %1 for %2, expires %3")
        .arg(p.qrCodeId, formatCents(p.amount), p.expiresAt.toString(Qt::ISODate));
}

QString read(const QJsonObject &d, StockUpdated &p)
{
    p.productId = str(d, L1("product_id"));
    p.productName = str(d, L1("product_name"));
    p.sku = str(d, L1("sku"));
    p.previousStock = num(d, L1("previous_stock"));
    p.newStock = num(d, L1("new_stock"));
    p.changeAmount = num(d, L1("change_amount"));
    p.changeType = str(d, L1("change_type"));
    p.updatedBy = EventMapper::mapPerson(obj(d, L1("updated_by")));
    const QJsonObject ref = obj(d, L1("reference"));
    p.referenceType = str(ref, L1("type"));
    p.referenceId = str(ref, L1("id"));
    p.reorderNeeded = flag(d, L1("reorder_needed"));
    return {};
}

QString summary(const StockUpdated &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 %2 → %3 (%4)")
        .arg(p.productName)
        .arg(p.previousStock)
        .arg(p.newStock)
        .arg(dataWord(p.changeType));
}

QString read(const QJsonObject &d, LowStock &p)
{
    p.productId = str(d, L1("product_id"));
    p.productName = str(d, L1("product_name"));
    p.sku = str(d, L1("sku"));
    p.currentStock = num(d, L1("current_stock"));
    p.reorderLevel = num(d, L1("reorder_level"));
    p.maxStock = num(d, L1("max_stock"));
    p.suggestedOrderQuantity = num(d, L1("suggested_order_quantity"));
    p.lastRestocked = EventMapper::mapTime(d.value(L1("last_restocked")));
    p.priority = str(d, L1("priority"));
    return {};
}

QString summary(const LowStock &p)
{
    return QCoreApplication::translate("TableTap::EventMapper",
                                       "%1 low: %2 left (reorder at %3), %4")
        .arg(p.productName)
        .arg(p.currentStock)
        .arg(p.reorderLevel)
        .arg(dataWord(p.priority));
}

QString read(const QJsonObject &d, StockLevelsChanged &p)
{
    p.productId = str(d, L1("product_id"));
    if (p.productId.isEmpty())
        return QStringLiteral("no product_id");
    p.productName = str(d, L1("product_name"));
    p.sku = str(d, L1("sku"));
    p.currentStock = num(d, L1("current_stock"));
    p.reorderLevel = num(d, L1("reorder_level"));
    p.maxStock = num(d, L1("max_stock"));
    p.lowStock = flag(d, L1("low_stock"));
    p.priority = str(d, L1("priority"));
    p.changedBy = EventMapper::mapPerson(obj(d, L1("changed_by")));
    return {};
}

QString summary(const StockLevelsChanged &p)
{
    return QCoreApplication::translate("TableTap::EventMapper",
                                       "%1: reorder at %2, fill up to %3 (by %4)")
        .arg(p.productName)
        .arg(p.reorderLevel)
        .arg(p.maxStock)
        .arg(person(p.changedBy));
}

QString read(const QJsonObject &d, OutOfStock &p)
{
    p.productId = str(d, L1("product_id"));
    p.productName = str(d, L1("product_name"));
    p.sku = str(d, L1("sku"));
    p.autoDisabled = flag(d, L1("auto_disabled"));
    for (const QJsonValue &v : d.value(L1("affects_products")).toArray()) {
        const QJsonObject a = v.toObject();
        p.affects.append(AffectedProduct{str(a, L1("product_id")), str(a, L1("product_name")),
                                         flag(a, L1("disabled"))});
    }
    return {};
}

QString summary(const OutOfStock &p)
{
    QStringList names;
    names.reserve(p.affects.size());
    for (const AffectedProduct &a : p.affects)
        names << a.productName;
    return QCoreApplication::translate("TableTap::EventMapper", "%1 out of stock; disabled: %2")
        .arg(p.productName, names.join(QStringLiteral(", ")));
}

QString read(const QJsonObject &d, ClockedIn &p)
{
    p.userId = str(d, L1("user_id"));
    p.employeeId = str(d, L1("employee_id"));
    p.employeeName = str(d, L1("employee_name"));
    p.timesheetId = str(d, L1("timesheet_id"));
    p.clockInTime = EventMapper::mapTime(d.value(L1("clock_in_time")));
    p.shiftDate = QDate::fromString(str(d, L1("shift_date")), Qt::ISODate);
    p.notes = str(d, L1("notes"));
    return {};
}

QString summary(const ClockedIn &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 clocked in")
        .arg(p.employeeName);
}

QString read(const QJsonObject &d, ClockedOut &p)
{
    p.userId = str(d, L1("user_id"));
    p.employeeId = str(d, L1("employee_id"));
    p.employeeName = str(d, L1("employee_name"));
    p.timesheetId = str(d, L1("timesheet_id"));
    p.clockOutTime = EventMapper::mapTime(d.value(L1("clock_out_time")));
    p.totalHours = num(d, L1("total_hours"));
    p.hourlyRate = money(d, L1("hourly_rate"));
    p.totalPay = money(d, L1("total_pay"));
    p.breakMinutes = integer(d, L1("break_duration_minutes"));
    return {};
}

QString summary(const ClockedOut &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 clocked out: %2 h, pay %3")
        .arg(p.employeeName)
        .arg(p.totalHours)
        .arg(formatCents(p.totalPay));
}

// A break of a sheet or a correction's side: null while the shift is open.
int breakOrNone(const QJsonObject &o)
{
    const QJsonValue v = o.value(L1("break_duration_minutes"));
    return v.isDouble() ? integer(o, L1("break_duration_minutes")) : -1;
}

TimesheetCorrection readCorrection(const QJsonObject &c)
{
    TimesheetCorrection t;
    t.id = str(c, L1("correction_id"));
    t.reason = str(c, L1("reason"));
    const PersonRef by = EventMapper::mapPerson(obj(c, L1("corrected_by")));
    t.byName = person(by);
    t.byRole = by.role;
    t.at = EventMapper::mapTime(c.value(L1("corrected_at")));
    const QJsonObject before = obj(c, L1("previous"));
    const QJsonObject after = obj(c, L1("new"));
    t.previousIn = EventMapper::mapTime(before.value(L1("clock_in_time")));
    t.previousOut = EventMapper::mapTime(before.value(L1("clock_out_time")));
    t.previousBreak = breakOrNone(before);
    t.newIn = EventMapper::mapTime(after.value(L1("clock_in_time")));
    t.newOut = EventMapper::mapTime(after.value(L1("clock_out_time")));
    t.newBreak = breakOrNone(after);
    t.changed = strings(c.value(L1("changed")));
    return t;
}

// A sheet of list_timesheets or timesheet:corrected.
TimesheetRow readTimesheet(const QJsonObject &o)
{
    TimesheetRow t;
    t.userId = str(o, L1("user_id"));
    t.clockOutTime = EventMapper::mapTime(o.value(L1("clock_out_time")));
    t.totalHours = num(o, L1("total_hours"));
    t.totalPay = money(o, L1("total_pay"));
    t.timesheetId = str(o, L1("timesheet_id"));
    t.employeeName = str(o, L1("employee_name"));
    t.shiftDate = QDate::fromString(str(o, L1("shift_date")), Qt::ISODate);
    t.clockInTime = EventMapper::mapTime(o.value(L1("clock_in_time")));
    t.breakMinutes = qMax(0, breakOrNone(o));
    t.warnings = strings(o.value(L1("warnings")));
    for (const QJsonValue &c : o.value(L1("corrections")).toArray())
        t.corrections.append(readCorrection(c.toObject()));
    return t;
}

QString read(const QJsonObject &d, TimesheetCorrected &p)
{
    p.timesheet = readTimesheet(obj(d, L1("timesheet")));
    p.correction = readCorrection(obj(d, L1("correction")));
    if (p.timesheet.timesheetId.isEmpty() || p.timesheet.userId.isEmpty())
        return QStringLiteral("no timesheet");
    return {};
}

QString summary(const TimesheetCorrected &p)
{
    return QCoreApplication::translate("TableTap::EventMapper",
                                       "timesheet of %1 corrected by %2: %3")
        .arg(p.timesheet.employeeName.isEmpty() ? p.timesheet.userId : p.timesheet.employeeName,
             p.correction.byName, p.correction.reason);
}

QString read(const QJsonObject &d, DrinkConsumed &p)
{
    p.userId = str(d, L1("user_id"));
    p.employeeName = str(d, L1("employee_name"));
    p.productName = str(d, L1("product_name"));
    p.quantity = integer(d, L1("quantity"));
    p.orderId = str(d, L1("order_id"));
    p.countedAgainstAllowance = flag(d, L1("counted_against_allowance"));
    p.monthlyCount = integer(d, L1("monthly_count"));
    p.monthlyLimit = integer(d, L1("monthly_limit"));
    p.remainingAllowance = integer(d, L1("remaining_allowance"));
    return {};
}

QString summary(const DrinkConsumed &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 had %2× %3 (%4/%5 this month)")
        .arg(p.employeeName)
        .arg(p.quantity)
        .arg(p.productName)
        .arg(p.monthlyCount)
        .arg(p.monthlyLimit);
}

QString read(const QJsonObject &d, CounterStatusChanged &p)
{
    p.counterName = str(d, L1("counter_name"));
    p.previousStatus = str(d, L1("previous_status"));
    p.newStatus = str(d, L1("new_status"));
    p.changedBy = EventMapper::mapPerson(obj(d, L1("changed_by")));
    p.reason = str(d, L1("reason"));
    p.activeOrdersCount = integer(d, L1("active_orders_count"));
    p.ordersReassignedTo = str(d, L1("orders_reassigned_to"));
    return {};
}

QString summary(const CounterStatusChanged &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 %2 → %3: %4")
        .arg(p.counterName, dataWord(p.previousStatus), dataWord(p.newStatus), p.reason);
}

QString read(const QJsonObject &d, SettingsUpdated &p)
{
    p.updatedBy = EventMapper::mapPerson(obj(d, L1("updated_by")));
    const QJsonObject changes = obj(d, L1("changes"));
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QJsonObject c = it.value().toObject();
        p.changes.append(
            {it.key(), c.value(L1("previous")).toVariant(), c.value(L1("new")).toVariant()});
    }
    return {};
}

QString summary(const SettingsUpdated &p)
{
    QStringList keys;
    keys.reserve(p.changes.size());
    for (const SettingChange &c : p.changes)
        keys << c.key;
    return QCoreApplication::translate("TableTap::EventMapper", "settings changed by %1: %2")
        .arg(person(p.updatedBy), keys.join(QStringLiteral(", ")));
}

QString read(const QJsonObject &d, AlertAcknowledged &p)
{
    p.productId = str(d, L1("product_id"));
    if (p.productId.isEmpty())
        return QStringLiteral("no product_id");
    p.productName = str(d, L1("product_name"));
    p.alertId = str(d, L1("alert_id"));
    p.priority = str(d, L1("priority"));
    p.acknowledgedBy = EventMapper::mapPerson(obj(d, L1("acknowledged_by")));
    p.acknowledgedAt = EventMapper::mapTime(d.value(L1("acknowledged_at")));
    return {};
}

QString summary(const AlertAcknowledged &p)
{
    return QCoreApplication::translate("TableTap::EventMapper", "%1 alert acknowledged by %2")
        .arg(p.productName.isEmpty() ? p.productId : p.productName, person(p.acknowledgedBy));
}

// --- The table ----------------------------------------------------------------------------

// Reads one event's data into `out` (payload and summary); an error text when it is unusable.
using MapFn = QString (*)(const QJsonObject &data, CafeEvent &out);

template<class Payload>
QString mapAs(const QJsonObject &data, CafeEvent &out)
{
    Payload p;
    QString error = read(data, p);
    if (!error.isNull())
        return error;
    out.summary = summary(p);
    out.payload = std::move(p);
    return {};
}

struct EventSpec
{
    Contract::Event event;
    MapFn map; // nullptr: an event of the contract the console does not map
};

// One row per event of the contract, indexed by Contract::Event (the console maps one event
// per frame, 20,000 a second under load: a function pointer per event, no lookup per field).
// A new event is a payload in cafeevent.h, its read() and summary(), and its row here.
constexpr std::array<EventSpec, Contract::kEvents.size()> kSpecs{{
    {Contract::Event::OrderCreated, &mapAs<OrderCreated>},
    {Contract::Event::OrderStatusChanged, &mapAs<OrderStatusChanged>},
    {Contract::Event::OrderReady, &mapAs<OrderReady>},
    {Contract::Event::OrderCancelled, &mapAs<OrderCancelled>},
    {Contract::Event::OrderAssignedCounter, &mapAs<OrderAssignedCounter>},
    {Contract::Event::OrderItemChecked, &mapAs<OrderItemChecked>},
    {Contract::Event::MenuUpdated, &mapAs<MenuUpdated>},                         // the hub's own
    {Contract::Event::MenuAvailabilityChanged, &mapAs<MenuAvailabilityChanged>}, // the hub's own
    {Contract::Event::PaymentProcessing, &mapAs<PaymentProcessing>},
    {Contract::Event::PaymentCompleted, &mapAs<PaymentCompleted>},
    {Contract::Event::PaymentFailed, &mapAs<PaymentFailed>},
    {Contract::Event::QrGenerated, &mapAs<QrGenerated>},
    {Contract::Event::StockUpdated, &mapAs<StockUpdated>},
    {Contract::Event::LowStock, &mapAs<LowStock>},
    {Contract::Event::OutOfStock, &mapAs<OutOfStock>},
    {Contract::Event::StockLevelsChanged, &mapAs<StockLevelsChanged>}, // the hub's own
    {Contract::Event::ClockedIn, &mapAs<ClockedIn>},
    {Contract::Event::ClockedOut, &mapAs<ClockedOut>},
    {Contract::Event::DrinkConsumed, &mapAs<DrinkConsumed>},
    {Contract::Event::TimesheetCorrected, &mapAs<TimesheetCorrected>}, // the hub's own
    {Contract::Event::CounterStatusChanged, &mapAs<CounterStatusChanged>},
    {Contract::Event::SettingsUpdated, &mapAs<SettingsUpdated>},
    {Contract::Event::StaffUpdated, nullptr}, // the hub's own; the console does not show it
    {Contract::Event::AlertAcknowledged, &mapAs<AlertAcknowledged>}, // the hub's own
}};

constexpr bool specsFollowTheEnum()
{
    for (std::size_t i = 0; i < kSpecs.size(); ++i)
        if (static_cast<std::size_t>(kSpecs[i].event) != i)
            return false;
    return true;
}
static_assert(specsFollowTheEnum(), "kSpecs is indexed by Contract::Event: keep the enum's order");

} // namespace

const QStringList &EventMapper::knownEvents()
{
    // The events with a row that maps them, in the contract's order.
    static const QStringList names = [] {
        QStringList out;
        for (const EventSpec &spec : kSpecs)
            if (spec.map)
                out << Contract::name(spec.event);
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
    const std::size_t row = kind ? static_cast<std::size_t>(*kind) : kSpecs.size();
    const MapFn map = row < kSpecs.size() ? kSpecs[row].map : nullptr;
    if (!map)
        return Result::failure(QStringLiteral("unknown event %1").arg(event));
    QString error = map(d, e);
    if (!error.isNull())
        return Result::failure(std::move(error));
    return e;
}

namespace {

// --- Snapshot rows ------------------------------------------------------------------------
// Snapshot rows name some fields in more than one way (other Table Tap servers' spellings): the
// first key holding a value of the right type wins. Unlike an event's fields, a number is not
// read as text here, and a non-finite number is skipped.
using AnyOf = std::initializer_list<QLatin1String>;

QString text(const QJsonObject &o, AnyOf keys)
{
    for (const QLatin1String k : keys) {
        const QJsonValue v = o.value(k);
        if (v.isString())
            return v.toString();
    }
    return {};
}

double number(const QJsonObject &o, AnyOf keys)
{
    for (const QLatin1String k : keys) {
        const QJsonValue v = o.value(k);
        if (v.isDouble() && std::isfinite(v.toDouble()))
            return v.toDouble();
    }
    return 0;
}

// A snapshot's rows: the data itself when it is an array, else the first key holding one.
QJsonArray rows(const QJsonValue &data, AnyOf keys)
{
    if (data.isArray())
        return data.toArray();
    const QJsonObject o = data.toObject();
    for (const QLatin1String k : keys) {
        const QJsonValue v = o.value(k);
        if (v.isArray())
            return v.toArray();
    }
    return {};
}

void read(const QJsonObject &o, Order &row)
{
    row = EventMapper::mapOrder(o);
}

// A product's or customization's `off_sale` (the hub's: null when on sale, else {reason, until,
// by, at}).
void readOffSale(const QJsonObject &o, bool &offSale, QString &reason, QDateTime &until)
{
    const QJsonValue v = o.value(L1("off_sale"));
    offSale = v.isObject();
    const QJsonObject off = v.toObject();
    reason = text(off, {L1("reason")});
    until = EventMapper::mapTime(off.value(L1("until")));
}

void read(const QJsonObject &o, MenuProduct &p)
{
    p.id = text(o, {L1("product_id"), L1("id")});
    p.name = text(o, {L1("product_name"), L1("name")});
    p.category = text(o, {L1("category")});
    p.price = centsFromNumber(number(o, {L1("price"), L1("unit_price")}));
    p.position = int(number(o, {L1("position")}));
    p.disabled = o.value(L1("disabled")).toBool();
    p.available = o.contains(L1("available")) ? o.value(L1("available")).toBool() : !p.disabled;
    readOffSale(o, p.offSale, p.offSaleReason, p.offSaleUntil);
    for (const QJsonValue &c : o.value(L1("customizations")).toArray()) {
        MenuCustomization option;
        if (c.isObject()) {
            const QJsonObject co = c.toObject();
            option.id = text(co, {L1("customization_id"), L1("id")});
            option.name = text(co, {L1("name"), L1("label")});
            option.price = centsFromNumber(number(co, {L1("price")}));
            option.available = !co.contains(L1("available")) || co.value(L1("available")).toBool();
            readOffSale(co, option.offSale, option.offSaleReason, option.offSaleUntil);
            for (const QJsonValue &r : co.value(L1("recipe")).toArray()) {
                const QJsonObject ro = r.toObject();
                const QString ingredient = text(ro, {L1("product_id"), L1("id")});
                if (!ingredient.isEmpty())
                    option.recipe.insert(ingredient, number(ro, {L1("quantity")}));
            }
        } else {
            option.name = c.toString();
        }
        p.customizations << option.name;
        p.options << option;
    }
    for (const QJsonValue &r : o.value(L1("recipe")).toArray()) {
        const QJsonObject ro = r.toObject();
        const QString ingredient = text(ro, {L1("ingredient_id"), L1("product_id"), L1("id")});
        if (!ingredient.isEmpty())
            p.recipe.insert(ingredient, number(ro, {L1("quantity"), L1("amount")}));
    }
}

void read(const QJsonObject &o, StockItem &s)
{
    s.id = text(o, {L1("product_id"), L1("id"), L1("ingredient_id")});
    s.name = text(o, {L1("product_name"), L1("name")});
    s.sku = text(o, {L1("sku")});
    s.unit = text(o, {L1("unit")});
    s.stock = number(o, {L1("current_stock"), L1("stock")});
    s.reorderLevel = number(o, {L1("reorder_level")});
    s.maxStock = number(o, {L1("max_stock")});
    s.lastRestocked = EventMapper::mapTime(o.value(L1("last_restocked")));
    s.updatedAt = EventMapper::mapTime(o.value(L1("updated_at")));
    s.priority = text(o, {L1("priority")});
    // Our hub lists every item's standing alert (null for none); other servers have no such key.
    s.alertsNamed = o.contains(L1("alert"));
    const QJsonObject alert = o.value(L1("alert")).toObject();
    s.alertId = text(alert, {L1("alert_id")});
    s.alertAcknowledged = alert.value(L1("acknowledged")).toBool();
    s.alertAcknowledgedBy = text(alert.value(L1("acknowledged_by")).toObject(), {L1("name")});
    s.alertAcknowledgedAt = EventMapper::mapTime(alert.value(L1("acknowledged_at")));
    for (const QJsonValue &p : o.value(L1("used_by")).toArray())
        s.usedBy << (p.isObject() ? text(p.toObject(), {L1("product_name"), L1("name")})
                                  : p.toString());
}

void read(const QJsonObject &o, DisabledProduct &d)
{
    d.name = text(o, {L1("product_name"), L1("name")});
    for (const QJsonValue &m : o.value(L1("missing_ingredients")).toArray())
        d.missingIngredients << text(m.toObject(), {L1("product_id"), L1("id")});
}

void read(const QJsonObject &o, StaffRow &s)
{
    s.userId = text(o, {L1("user_id"), L1("id")});
    s.employeeCode = text(o, {L1("employee_id"), L1("employee_code"), L1("code")});
    s.name = text(o, {L1("name"), L1("employee_name")});
    s.role = text(o, {L1("role")});
    s.hourlyRate = centsFromNumber(number(o, {L1("hourly_rate")}));
    s.drinksThisMonth = int(number(o, {L1("monthly_count")}));
    s.drinkLimit = int(number(o, {L1("monthly_limit")}));
    s.clockInTime = EventMapper::mapTime(o.value(L1("clock_in_time")));
    s.clockOutTime = EventMapper::mapTime(o.value(L1("clock_out_time")));
    if (o.contains(L1("clocked_in")))
        s.clockedIn = o.value(L1("clocked_in")).toBool();
    else if (s.clockInTime.isValid() && !s.clockOutTime.isValid())
        s.clockedIn = true;
    s.timesheetId = text(o, {L1("timesheet_id")});
}

void read(const QJsonObject &o, TimesheetRow &t)
{
    t = readTimesheet(o);
}

void read(const QJsonObject &o, PaymentRecord &p)
{
    p.transactionId = text(o, {L1("transaction_id"), L1("id")});
    p.orderId = text(o, {L1("order_id")});
    p.orderNumber = text(o, {L1("order_number")});
    p.method = text(o, {L1("payment_method"), L1("method")});
    p.status = text(o, {L1("status")});
    p.provider = text(o, {L1("provider")});
    p.amount = centsFromNumber(number(o, {L1("amount")}));
    p.fee = centsFromNumber(number(o, {L1("fee_amount")}));
    p.net = centsFromNumber(number(o, {L1("net_amount")}));
    p.providerTransactionId = text(o, {L1("provider_transaction_id")});
    p.errorCode = text(o, {L1("error_code")});
    p.errorMessage = text(o, {L1("error_message")});
    p.retryAllowed = o.value(L1("retry_allowed")).toBool();
    p.qrCodeId = text(o, {L1("qr_code_id")});
    p.qrCodeData = text(o, {L1("qr_code_data")});
    p.expiresAt = EventMapper::mapTime(o.value(L1("expires_at")));
    p.updatedAt = EventMapper::mapTime(o.value(L1("updated_at")));
    if (!p.updatedAt.isValid())
        p.updatedAt = EventMapper::mapTime(o.value(L1("completed_at")));
    if (!p.updatedAt.isValid())
        p.updatedAt = EventMapper::mapTime(o.value(L1("created_at")));
}

void read(const QJsonObject &o, CounterInfo &c)
{
    c.name = text(o, {L1("name"), L1("counter_name")});
    c.status = text(o, {L1("status")});
    c.reason = text(o, {L1("reason"), L1("status_reason")});
}

template<class Row>
QList<Row> readRows(const QJsonArray &array)
{
    QList<Row> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        Row row;
        read(v.toObject(), row);
        out.append(std::move(row));
    }
    return out;
}

// --- One reader per snapshot command --------------------------------------------------------

// A count from the network: whole, not negative, and bounded before it becomes an int.
int count(const QJsonObject &o, QLatin1String key)
{
    return int(qBound(0.0, number(o, {key}), 1e9));
}

std::optional<DayFigures> dayFigures(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    DayFigures day;
    day.businessDate = text(o, {L1("business_date")});
    if (const int minutes = count(o, L1("bucket_minutes")); minutes > 0)
        day.bucketMinutes = qMin(minutes, 240);
    day.orders = count(o, L1("orders"));
    day.finished = count(o, L1("finished"));
    day.cancelled = count(o, L1("cancelled"));
    day.revenue = centsFromNumber(number(o, {L1("revenue")}));
    for (const QJsonValue &v : o.value(L1("buckets")).toArray()) {
        const QJsonObject b = v.toObject();
        DayBucket bucket;
        bucket.start = EventMapper::mapTime(b.value(L1("start")));
        if (!bucket.start.isValid())
            continue; // a bucket nobody can place
        bucket.orders = count(b, L1("orders"));
        bucket.revenue = centsFromNumber(number(b, {L1("revenue")}));
        bucket.prepCount = count(b, L1("prep_count"));
        bucket.prepMinutesSum = qBound(0.0, number(b, {L1("prep_minutes_sum")}), 1e12);
        day.buckets.append(bucket);
    }
    return day;
}

CafeSnapshot ordersSnapshot(const QJsonValue &data)
{
    // list_orders answers {open_orders, recent_orders, day}; other servers may send one list.
    return OrdersSnapshot{readRows<Order>(rows(data, {L1("open_orders"), L1("orders")})),
                          readRows<Order>(data.toObject().value(L1("recent_orders")).toArray()),
                          dayFigures(data.toObject().value(L1("day")))};
}

CafeSnapshot menuSnapshot(const QJsonValue &data)
{
    return MenuSnapshot{
        readRows<MenuProduct>(rows(data, {L1("products"), L1("menu"), L1("items")}))};
}

CafeSnapshot inventorySnapshot(const QJsonValue &data)
{
    return InventorySnapshot{
        readRows<StockItem>(rows(data, {L1("items"), L1("inventory"), L1("ingredients")})),
        readRows<DisabledProduct>(data.toObject().value(L1("disabled_products")).toArray())};
}

CafeSnapshot timesheetsSnapshot(const QJsonValue &data)
{
    return TimesheetsSnapshot{
        readRows<StaffRow>(rows(data, {L1("staff"), L1("timesheets"), L1("employees")})),
        readRows<TimesheetRow>(data.toObject().value(L1("timesheets")).toArray())};
}

CafeSnapshot paymentsSnapshot(const QJsonValue &data)
{
    return PaymentsSnapshot{
        readRows<PaymentRecord>(rows(data, {L1("payments"), L1("transactions")}))};
}

CafeSnapshot settingsSnapshot(const QJsonValue &data)
{
    // {settings: {...}, history?: [...]}, or the settings object itself.
    const QJsonObject o = data.toObject();
    const QJsonValue inner = o.value(L1("settings"));
    SettingsSnapshot out{(inner.isObject() ? inner.toObject() : o).toVariantHash(), {}};
    for (const QJsonValue &v : o.value(L1("history")).toArray()) {
        const QJsonObject h = v.toObject();
        const QJsonObject by = h.value(L1("changed_by")).toObject();
        SettingHistoryEntry e{
            text(h, {L1("key")}),           h.value(L1("previous")).toVariant(),
            h.value(L1("new")).toVariant(), text(by, {L1("id")}),
            text(by, {L1("name")}),         EventMapper::mapTime(h.value(L1("changed_at")))};
        if (!e.key.isEmpty())
            out.history.append(std::move(e));
    }
    return out;
}

CafeSnapshot countersSnapshot(const QJsonValue &data)
{
    CountersSnapshot out;
    for (CounterInfo &c : readRows<CounterInfo>(rows(data, {L1("counters")})))
        if (!c.name.isEmpty()) // a counter without a name cannot be shown or chosen
            out.counters.append(std::move(c));
    return out;
}

struct SnapshotSpec
{
    Contract::Command command;
    CafeSnapshot (*map)(const QJsonValue &data); // nullptr: one the console does not load
};

// One row per snapshot command of the contract. A new one is a struct in cafesnapshot.h (an
// alternative of CafeSnapshot), its readers above and its row here.
constexpr std::array<SnapshotSpec, 8> kSnapshots{{
    {Contract::Command::ListOrders, &ordersSnapshot},
    {Contract::Command::ListMenu, &menuSnapshot},
    {Contract::Command::ListInventory, &inventorySnapshot},
    {Contract::Command::ListTimesheets, &timesheetsSnapshot},
    {Contract::Command::ListPayments, &paymentsSnapshot},
    {Contract::Command::GetSettings, &settingsSnapshot},
    {Contract::Command::ListCounters, &countersSnapshot},
    {Contract::Command::ListStaff, nullptr}, // staff management's list; no console view yet
}};

} // namespace

Decoded<CafeSnapshot> EventMapper::mapSnapshot(Contract::Command command, const QJsonValue &data)
{
    for (const SnapshotSpec &spec : kSnapshots) {
        if (spec.command != command)
            continue;
        if (!spec.map)
            return Decoded<CafeSnapshot>::failure(
                QStringLiteral("%1: the console does not map it").arg(Contract::name(command)));
        return spec.map(data);
    }
    return Decoded<CafeSnapshot>::failure(
        QStringLiteral("%1 is not a snapshot command").arg(Contract::name(command)));
}

} // namespace TableTap
