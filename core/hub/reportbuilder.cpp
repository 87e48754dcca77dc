// The reports, computed from the stored rows. Every figure is an integer (cents, ms, counts)
// summed in qint64, so a total is exactly the sum of its rows and of the rows in the store.
#include "reportbuilder.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubtime.h"
#include "payloadreader.h"
#include "storeconnection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace TableTap {

namespace {

struct Column
{
    const char *key;
    const char *title;
    const char *type;
};

QJsonObject section(const char *id, const char *title, std::initializer_list<Column> columns,
                    const QJsonArray &rows, const QJsonArray &total = {})
{
    QJsonArray cols;
    for (const Column &c : columns)
        cols.append(QJsonObject{{QStringLiteral("key"), QString::fromLatin1(c.key)},
                                {QStringLiteral("title"), QString::fromLatin1(c.title)},
                                {QStringLiteral("type"), QString::fromLatin1(c.type)}});
    QJsonObject s{{QStringLiteral("id"), QString::fromLatin1(id)},
                  {QStringLiteral("title"), QString::fromLatin1(title)},
                  {QStringLiteral("columns"), cols},
                  {QStringLiteral("rows"), rows}};
    if (!total.isEmpty())
        s.insert(QStringLiteral("total"), total);
    return s;
}

QJsonValue nullable(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong());
}

QString hourLabel(int hour)
{
    return QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
}

// The day-parts of the day report, in cafe time: [start, end) in minutes after midnight.
struct DayPart
{
    const char *name;
    int start, end;
};
constexpr DayPart kDayParts[] = {
    {"Early morning", 0, 7 * 60},    {"Morning", 7 * 60, 11 * 60},  {"Lunch", 11 * 60, 14 * 60},
    {"Afternoon", 14 * 60, 17 * 60}, {"Evening", 17 * 60, 21 * 60}, {"Night", 21 * 60, 24 * 60},
};

QString minutesLabel(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// Nearest-rank percentile of sorted values (p in 1..100): the smallest value with at least p %
// of the values at or below it. The median is p = 50 (the lower middle of an even count).
qint64 percentile(const QList<qint64> &sorted, int p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = (qsizetype(p) * sorted.size() + 99) / 100; // ceil(p/100 * n)
    return sorted.at(qBound<qsizetype>(1, rank, sorted.size()) - 1);
}

qint64 average(const QList<qint64> &values)
{
    if (values.isEmpty())
        return 0;
    qint64 sum = 0;
    for (qint64 v : values)
        sum += v;
    return (sum + values.size() / 2) / values.size(); // rounded half up (values are >= 0)
}

QDate readDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace

std::optional<ReportBuilder::Kind> ReportBuilder::kindFromName(QStringView name)
{
    if (name == u"day")
        return Kind::Day;
    if (name == u"service")
        return Kind::Service;
    if (name == u"staff")
        return Kind::Staff;
    return std::nullopt;
}

QString ReportBuilder::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Day:
        return QStringLiteral("day");
    case Kind::Service:
        return QStringLiteral("service");
    case Kind::Staff:
        return QStringLiteral("staff");
    }
    return {};
}

QStringList ReportBuilder::kindNames()
{
    return {kindName(Kind::Day), kindName(Kind::Service), kindName(Kind::Staff)};
}

std::optional<ReportBuilder::Request> ReportBuilder::checkRequest(const QString &report,
                                                                  const QString &date,
                                                                  const QString &to, QString *field,
                                                                  QString *error)
{
    const auto fail = [&](const QString &f, const QString &e) {
        *field = f;
        *error = e;
        return std::nullopt;
    };
    const auto kind = kindFromName(report);
    if (!kind)
        return fail(QStringLiteral("report"),
                    QStringLiteral("report must be one of %1").arg(kindNames().join(u", ")));
    Request r;
    r.kind = *kind;
    r.from = readDate(date);
    if (!r.from.isValid())
        return fail(QStringLiteral("date"),
                    QStringLiteral("date must be a business date like 2026-12-06"));
    r.to = r.from;
    if (!to.isEmpty()) {
        r.to = readDate(to);
        if (!r.to.isValid())
            return fail(QStringLiteral("to"),
                        QStringLiteral("to must be a business date like 2026-12-06"));
        if (r.to < r.from)
            return fail(QStringLiteral("to"), QStringLiteral("to is before date"));
        if (r.from.daysTo(r.to) + 1 > kMaxDays)
            return fail(QStringLiteral("to"),
                        QStringLiteral("a report covers at most %1 days").arg(kMaxDays));
    }
    return r;
}

ReportBuilder::Request ReportBuilder::readRequest(const PayloadReader &p)
{
    const QString report = p.string(QStringLiteral("report"), 20);
    const QString date = p.string(QStringLiteral("date"), 10);
    const QString to = p.optString(QStringLiteral("to"), 10).value_or(QString());
    QString field, error;
    const auto r = checkRequest(report, date, to, &field, &error);
    if (!r)
        throw CommandError::invalid(p.fieldPath(field), error);
    return *r;
}

ReportBuilder::ReportBuilder(StoreConnection &db, CafeSettings settings, QString cafeId,
                             QString cafeName)
    : m_db(db)
    , m_settings(std::move(settings))
    , m_cafeId(std::move(cafeId))
    , m_cafeName(std::move(cafeName))
    , m_zone(HubTime::zoneFromId(m_settings.timezone))
{
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
}

qint64 ReportBuilder::businessDayStart(const QDate &date) const
{
    return QDateTime(date, QTime(0, 0), m_zone).toMSecsSinceEpoch()
           + qint64(m_settings.businessDayStartMinutes) * 60000;
}

QTime ReportBuilder::localTime(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_zone).time();
}

QJsonObject ReportBuilder::build(const Request &r, qint64 generatedAtMs)
{
    QJsonArray sections;
    switch (r.kind) {
    case Kind::Day:
        sections = daySections(r);
        break;
    case Kind::Service:
        sections = serviceSections(r);
        break;
    case Kind::Staff:
        sections = staffSections(r);
        break;
    }
    return QJsonObject{
        {QStringLiteral("report"), kindName(r.kind)},
        {QStringLiteral("from"), r.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), r.to.toString(Qt::ISODate)},
        {QStringLiteral("cafes"), QJsonArray{QJsonObject{{QStringLiteral("id"), m_cafeId},
                                                         {QStringLiteral("name"), m_cafeName}}}},
        {QStringLiteral("currency"), m_settings.currency},
        {QStringLiteral("timezone"), m_settings.timezone},
        {QStringLiteral("business_day_start"), minutesLabel(m_settings.businessDayStartMinutes)},
        {QStringLiteral("generated_at"),
         QDateTime::fromMSecsSinceEpoch(generatedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("sections"), sections}};
}

QJsonObject ReportBuilder::getReport(CafeContext &ctx, const PayloadReader &p)
{
    // Several cafes ("all" or a list) are a chain owner's: the hub builds each and combines them.
    if (p.has(QStringLiteral("cafe")))
        return ctx.chainCommand(Contract::Command::GetReport, p);
    const Request r = readRequest(p);
    const QString name
        = ctx.db()
              .scalar(QStringLiteral("SELECT value FROM cafe_meta WHERE key = 'name'"))
              .toString();
    ReportBuilder builder(ctx.db(), ctx.settings(), ctx.cafeId(), name);
    return builder.build(r, ctx.now());
}

// ---- day ---------------------------------------------------------------------------------

QJsonArray ReportBuilder::daySections(const Request &r)
{
    const QString from = r.from.toString(Qt::ISODate), to = r.to.toString(Qt::ISODate);

    struct Order
    {
        QString number, status, reason;
        qint64 subtotal = 0, tax = 0, tip = 0, total = 0, createdAt = 0, items = 0;
        QVariant cancelledAt;
        QString byId, byName;
    };
    std::map<QString, Order> orders; // by id
    QList<QString> orderIds;         // by created_at
    QSqlQuery oq = m_db.exec(
        QStringLiteral("SELECT id, order_number, status, subtotal_cents, tax_cents, tip_cents, "
                       "total_cents, created_at, cancelled_at, cancel_reason, created_by_id, "
                       "created_by_name FROM orders WHERE business_date BETWEEN ? AND ? "
                       "ORDER BY created_at, order_number"),
        {from, to});
    while (oq.next()) {
        Order o;
        o.number = oq.value(1).toString();
        o.status = oq.value(2).toString();
        o.subtotal = oq.value(3).toLongLong();
        o.tax = oq.value(4).toLongLong();
        o.tip = oq.value(5).toLongLong();
        o.total = oq.value(6).toLongLong();
        o.createdAt = oq.value(7).toLongLong();
        o.cancelledAt = oq.value(8);
        o.reason = oq.value(9).toString();
        o.byId = oq.value(10).toString();
        o.byName = oq.value(11).toString();
        orders.emplace(oq.value(0).toString(), o);
        orderIds.append(oq.value(0).toString());
    }

    // Items of the orders that were not cancelled: the product mix and the item counts.
    struct Product
    {
        QString name, category;
        qint64 quantity = 0, sales = 0;
    };
    std::map<QString, Product> products;
    std::map<QString, qint64> customizations;
    QSqlQuery iq = m_db.exec(
        QStringLiteral("SELECT i.order_id, i.product_id, i.product_name, i.quantity, "
                       "i.total_price_cents, i.customizations, p.category FROM order_items i "
                       "JOIN orders o ON o.id = i.order_id LEFT JOIN products p ON "
                       "p.id = i.product_id WHERE o.business_date BETWEEN ? AND ? AND "
                       "o.status <> 'cancelled' ORDER BY o.created_at, i.position"),
        {from, to});
    while (iq.next()) {
        const qint64 qty = iq.value(3).toLongLong();
        auto it = orders.find(iq.value(0).toString());
        if (it != orders.end())
            it->second.items += qty;
        Product &p = products[iq.value(1).toString()];
        p.name = iq.value(2).toString(); // the latest name sold under
        p.category = iq.value(6).toString();
        p.quantity += qty;
        p.sales += iq.value(4).toLongLong();
        const QJsonArray names = QJsonDocument::fromJson(iq.value(5).toString().toUtf8()).array();
        for (const QJsonValue &n : names)
            customizations[n.toString()] += qty;
    }

    struct Payment
    {
        QString orderId, method, status;
        qint64 amount = 0, fee = 0, createdAt = 0;
        QVariant refundedAt;
    };
    QList<Payment> payments;
    QSqlQuery pq = m_db.exec(
        QStringLiteral("SELECT p.order_id, p.method, p.status, p.amount_cents, p.fee_cents, "
                       "p.created_at, p.refunded_at FROM payments p JOIN orders o ON "
                       "o.id = p.order_id WHERE o.business_date BETWEEN ? AND ? "
                       "ORDER BY p.created_at, p.transaction_id"),
        {from, to});
    while (pq.next())
        payments.append({pq.value(0).toString(), pq.value(1).toString(), pq.value(2).toString(),
                         pq.value(3).toLongLong(), pq.value(4).toLongLong(),
                         pq.value(5).toLongLong(), pq.value(6)});

    // Summary and the time buckets.
    qint64 nOrders = 0, nCompleted = 0, nCancelled = 0, nOpen = 0, nItems = 0, sales = 0, tax = 0,
           tips = 0, total = 0;
    struct Bucket
    {
        qint64 orders = 0, cancelled = 0, items = 0, sales = 0;
    };
    std::map<int, Bucket> hours; // by position in the business day
    Bucket parts[std::size(kDayParts)];
    struct Taker
    {
        QString name;
        qint64 orders = 0, tipped = 0, tips = 0;
    };
    std::map<QString, Taker> takers;
    const int firstHour = m_settings.businessDayStartMinutes / 60;
    for (const QString &id : orderIds) {
        const Order &o = orders.at(id);
        ++nOrders;
        const bool cancelled = o.status == u"cancelled";
        const QTime t = localTime(o.createdAt);
        Bucket &h = hours[(t.hour() - firstHour + 24) % 24];
        const int minute = t.hour() * 60 + t.minute();
        Bucket *part = &parts[0];
        for (size_t i = 0; i < std::size(kDayParts); ++i) {
            if (minute >= kDayParts[i].start && minute < kDayParts[i].end)
                part = &parts[i];
        }
        ++h.orders;
        ++part->orders;
        if (cancelled) {
            ++nCancelled;
            ++h.cancelled;
            ++part->cancelled;
            continue;
        }
        if (o.status == u"completed")
            ++nCompleted;
        else
            ++nOpen;
        nItems += o.items;
        sales += o.subtotal;
        tax += o.tax;
        tips += o.tip;
        total += o.total;
        h.items += o.items;
        h.sales += o.subtotal;
        part->items += o.items;
        part->sales += o.subtotal;
        Taker &k = takers[o.byId];
        k.name = o.byName;
        ++k.orders;
        if (o.tip > 0)
            ++k.tipped;
        k.tips += o.tip;
    }

    struct Method
    {
        qint64 count = 0, amount = 0, fees = 0, refunds = 0, failed = 0, voided = 0;
    };
    std::map<QString, Method> methods{
        {QStringLiteral("card"), {}}, {QStringLiteral("cash"), {}}, {QStringLiteral("qr"), {}}};
    QJsonArray refundRows, voidRows;
    qint64 refundTotal = 0, refundFees = 0, voidTotal = 0;
    std::map<QString, qint64> refundedByOrder;
    for (const Payment &p : payments) {
        Method &m = methods[p.method];
        const QString number = orders.count(p.orderId) ? orders.at(p.orderId).number : QString();
        if (p.status == u"completed" || p.status == u"refunded") {
            ++m.count;
            m.amount += p.amount;
            m.fees += p.fee;
        }
        if (p.status == u"refunded") {
            m.refunds += p.amount;
            refundTotal += p.amount;
            refundFees += p.fee;
            refundedByOrder[p.orderId] += p.amount;
            refundRows.append(
                QJsonArray{number, nullable(p.refundedAt), p.method, p.amount, p.fee,
                           orders.count(p.orderId) ? orders.at(p.orderId).reason : QString()});
        } else if (p.status == u"failed" || p.status == u"expired") {
            ++m.failed;
        } else if (p.status == u"voided") {
            ++m.voided;
            voidTotal += p.amount;
            voidRows.append(QJsonArray{number, p.createdAt, p.method, p.amount});
        }
    }
    QJsonArray paymentRows;
    Method all;
    for (const auto &[name, m] : methods) {
        paymentRows.append(QJsonArray{name, m.count, m.amount, m.fees, m.refunds,
                                      m.amount - m.fees - m.refunds, m.failed, m.voided});
        all.count += m.count;
        all.amount += m.amount;
        all.fees += m.fees;
        all.refunds += m.refunds;
        all.failed += m.failed;
        all.voided += m.voided;
    }

    QJsonArray sections;
    sections.append(
        section("summary", "Summary",
                {{"orders", "Orders", "int"},
                 {"completed", "Completed", "int"},
                 {"open", "Not completed", "int"},
                 {"cancelled", "Cancelled", "int"},
                 {"items", "Items", "int"},
                 {"gross_sales", "Gross sales", "money"},
                 {"tax", "Tax", "money"},
                 {"tips", "Tips", "money"},
                 {"total", "Total", "money"},
                 {"paid", "Paid", "money"},
                 {"fees", "Fees", "money"},
                 {"refunds", "Refunds", "money"},
                 {"net", "Net", "money"}},
                QJsonArray{QJsonArray{nOrders, nCompleted, nOpen, nCancelled, nItems, sales, tax,
                                      tips, total, all.amount, all.fees, all.refunds,
                                      all.amount - all.fees - all.refunds}}));

    QJsonArray hourRows;
    if (!hours.empty()) {
        // Every hour from the first to the last with an order, so a chart shows the gaps.
        const int first = hours.begin()->first, last = hours.rbegin()->first;
        for (int pos = first; pos <= last; ++pos) {
            const auto it = hours.find(pos);
            const Bucket b = it == hours.end() ? Bucket() : it->second;
            hourRows.append(QJsonArray{hourLabel((pos + firstHour) % 24), b.orders, b.cancelled,
                                       b.items, b.sales});
        }
    }
    const QJsonArray bucketColumnsTotal{QStringLiteral("Total"), nOrders, nCancelled, nItems,
                                        sales};
    sections.append(section("by_hour", "Orders and sales by hour",
                            {{"hour", "Hour", "text"},
                             {"orders", "Orders", "int"},
                             {"cancelled", "Cancelled", "int"},
                             {"items", "Items", "int"},
                             {"sales", "Sales", "money"}},
                            hourRows, bucketColumnsTotal));

    QJsonArray partRows;
    for (size_t i = 0; i < std::size(kDayParts); ++i) {
        const Bucket &b = parts[i];
        partRows.append(QJsonArray{
            QString::fromLatin1(kDayParts[i].name), minutesLabel(kDayParts[i].start),
            minutesLabel(kDayParts[i].end % (24 * 60)), b.orders, b.cancelled, b.items, b.sales});
    }
    sections.append(section("by_daypart", "Orders and sales by day-part",
                            {{"daypart", "Day-part", "text"},
                             {"from", "From", "text"},
                             {"until", "Until", "text"},
                             {"orders", "Orders", "int"},
                             {"cancelled", "Cancelled", "int"},
                             {"items", "Items", "int"},
                             {"sales", "Sales", "money"}},
                            partRows,
                            QJsonArray{QStringLiteral("Total"), QJsonValue(), QJsonValue(), nOrders,
                                       nCancelled, nItems, sales}));

    QList<const Product *> mix;
    for (const auto &[id, p] : products)
        mix.append(&p);
    std::sort(mix.begin(), mix.end(), [](const Product *a, const Product *b) {
        if (a->sales != b->sales)
            return a->sales > b->sales;
        return a->name < b->name;
    });
    QJsonArray mixRows;
    for (const Product *p : mix)
        mixRows.append(QJsonArray{p->name, p->category, p->quantity, p->sales});
    sections.append(section("product_mix", "Product mix",
                            {{"product", "Product", "text"},
                             {"category", "Category", "text"},
                             {"quantity", "Quantity", "int"},
                             {"sales", "Sales", "money"}},
                            mixRows,
                            QJsonArray{QStringLiteral("Total"), QJsonValue(), nItems, sales}));

    QJsonArray customizationRows;
    qint64 customizationTotal = 0;
    for (const auto &[name, qty] : customizations) {
        customizationRows.append(QJsonArray{name, qty});
        customizationTotal += qty;
    }
    sections.append(
        section("customizations", "Customizations",
                {{"customization", "Customization", "text"}, {"quantity", "Quantity", "int"}},
                customizationRows, QJsonArray{QStringLiteral("Total"), customizationTotal}));

    sections.append(
        section("payments", "Payments by method",
                {{"method", "Method", "text"},
                 {"payments", "Payments", "int"},
                 {"amount", "Amount", "money"},
                 {"fees", "Fees", "money"},
                 {"refunds", "Refunds", "money"},
                 {"net", "Net", "money"},
                 {"failed", "Failed", "int"},
                 {"voided", "Voided", "int"}},
                paymentRows,
                QJsonArray{QStringLiteral("Total"), all.count, all.amount, all.fees, all.refunds,
                           all.amount - all.fees - all.refunds, all.failed, all.voided}));

    QList<const Taker *> takerList;
    for (const auto &[id, k] : takers)
        takerList.append(&k);
    std::sort(takerList.begin(), takerList.end(),
              [](const Taker *a, const Taker *b) { return a->name < b->name; });
    QJsonArray tipRows;
    qint64 tipped = 0;
    for (const Taker *k : takerList) {
        tipRows.append(QJsonArray{k->name, k->orders, k->tipped, k->tips});
        tipped += k->tipped;
    }
    sections.append(
        section("tips", "Tips by who took the order",
                {{"person", "Taken by", "text"},
                 {"orders", "Orders", "int"},
                 {"tipped", "With a tip", "int"},
                 {"tips", "Tips", "money"}},
                tipRows, QJsonArray{QStringLiteral("Total"), nOrders - nCancelled, tipped, tips}));

    sections.append(section("refunds", "Refunds",
                            {{"order", "Order", "text"},
                             {"time", "Refunded at", "time"},
                             {"method", "Method", "text"},
                             {"amount", "Amount", "money"},
                             {"fee", "Fee kept", "money"},
                             {"reason", "Reason", "text"}},
                            refundRows,
                            QJsonArray{QStringLiteral("Total"), QJsonValue(), QJsonValue(),
                                       refundTotal, refundFees, QJsonValue()}));
    sections.append(section(
        "voids", "Voided payments",
        {{"order", "Order", "text"},
         {"time", "Started at", "time"},
         {"method", "Method", "text"},
         {"amount", "Amount", "money"}},
        voidRows, QJsonArray{QStringLiteral("Total"), QJsonValue(), QJsonValue(), voidTotal}));

    QJsonArray cancelRows;
    qint64 cancelTotal = 0, cancelRefunded = 0;
    struct Reason
    {
        qint64 orders = 0, total = 0;
    };
    std::map<QString, Reason> reasons;
    for (const QString &id : orderIds) {
        const Order &o = orders.at(id);
        if (o.status != u"cancelled")
            continue;
        const qint64 refunded = refundedByOrder.count(id) ? refundedByOrder.at(id) : 0;
        cancelRows.append(
            QJsonArray{o.number, nullable(o.cancelledAt), o.reason, o.total, refunded});
        cancelTotal += o.total;
        cancelRefunded += refunded;
        Reason &why = reasons[o.reason];
        ++why.orders;
        why.total += o.total;
    }
    sections.append(section("cancellations", "Cancelled orders",
                            {{"order", "Order", "text"},
                             {"time", "Cancelled at", "time"},
                             {"reason", "Reason", "text"},
                             {"total", "Order total", "money"},
                             {"refunded", "Refunded", "money"}},
                            cancelRows,
                            QJsonArray{QStringLiteral("Total"), QJsonValue(), QJsonValue(),
                                       cancelTotal, cancelRefunded}));
    QJsonArray reasonRows;
    for (const auto &[reason, why] : reasons)
        reasonRows.append(QJsonArray{reason, why.orders, why.total});
    sections.append(section("cancel_reasons", "Cancellations by reason",
                            {{"reason", "Reason", "text"},
                             {"orders", "Orders", "int"},
                             {"total", "Order total", "money"}},
                            reasonRows,
                            QJsonArray{QStringLiteral("Total"), nCancelled, cancelTotal}));

    // Drinks taken in the period (by the time they were recorded), against each person's
    // allowance of the month they count in.
    const qint64 windowStart = businessDayStart(r.from);
    const qint64 windowEnd = businessDayStart(r.to.addDays(1));
    QSqlQuery dq = m_db.exec(
        QStringLiteral(
            "SELECT d.user_id, s.name, d.month, SUM(d.quantity), "
            "SUM(CASE WHEN d.counted = 1 THEN d.quantity ELSE 0 END), "
            "(SELECT COALESCE(SUM(m.quantity), 0) FROM drinks m WHERE m.user_id = d.user_id AND "
            "m.month = d.month AND m.at < ?), s.drink_allowance FROM drinks d JOIN staff s ON "
            "s.id = d.user_id WHERE d.at >= ? AND d.at < ? GROUP BY d.user_id, s.name, d.month, "
            "s.drink_allowance ORDER BY s.name, d.month"),
        {windowEnd, windowStart, windowEnd});
    QJsonArray drinkRows;
    qint64 drinks = 0, counted = 0;
    while (dq.next()) {
        const qint64 n = dq.value(3).toLongLong(), within = dq.value(4).toLongLong();
        const qint64 allowance
            = dq.value(6).isNull() ? m_settings.drinkAllowanceDefault : dq.value(6).toLongLong();
        drinkRows.append(QJsonArray{dq.value(1).toString(), dq.value(2).toString(), n, within,
                                    n - within, dq.value(5).toLongLong(), allowance});
        drinks += n;
        counted += within;
    }
    sections.append(section("drinks", "Staff drinks against allowances",
                            {{"person", "Person", "text"},
                             {"month", "Month", "text"},
                             {"consumed", "Drinks", "int"},
                             {"within", "Within allowance", "int"},
                             {"over", "Over allowance", "int"},
                             {"month_to_date", "Month to date", "int"},
                             {"allowance", "Allowance", "int"}},
                            drinkRows,
                            QJsonArray{QStringLiteral("Total"), QJsonValue(), drinks, counted,
                                       drinks - counted, QJsonValue(), QJsonValue()}));
    return sections;
}

// ---- speed of service --------------------------------------------------------------------

QJsonArray ReportBuilder::serviceSections(const Request &r)
{
    const QString from = r.from.toString(Qt::ISODate), to = r.to.toString(Qt::ISODate);
    const qint64 warningMs = qint64(m_settings.ageWarningSeconds) * 1000;
    const qint64 lateMs = qint64(m_settings.ageLateSeconds) * 1000;

    struct Ticket
    {
        QString number, counter;
        qint64 createdAt = 0, readyAt = 0, prep = 0, wait = 0;
    };
    std::map<QString, Ticket> tickets; // by order id
    QList<QString> ids;
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT id, order_number, counter, created_at, "
                       "COALESCE(preparing_at, created_at), ready_at FROM orders WHERE "
                       "business_date BETWEEN ? AND ? AND status <> 'cancelled' AND ready_at IS "
                       "NOT NULL ORDER BY created_at, order_number"),
        {from, to});
    while (q.next()) {
        Ticket t;
        t.number = q.value(1).toString();
        t.counter = q.value(2).toString();
        t.createdAt = q.value(3).toLongLong();
        t.readyAt = q.value(5).toLongLong();
        t.prep = qMax<qint64>(0, t.readyAt - q.value(4).toLongLong());
        t.wait = qMax<qint64>(0, t.readyAt - t.createdAt);
        tickets.emplace(q.value(0).toString(), t);
        ids.append(q.value(0).toString());
    }
    const qint64 notReady
        = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE business_date BETWEEN ? "
                                     "AND ? AND status <> 'cancelled' AND ready_at IS NULL"),
                      {from, to})
              .toLongLong();

    struct Group
    {
        QList<qint64> prep, wait;
        qint64 warning = 0, late = 0, quantity = 0;
        void add(const Ticket &t, qint64 warningMs, qint64 lateMs)
        {
            prep.append(t.prep);
            wait.append(t.wait);
            if (t.wait >= warningMs)
                ++warning;
            if (t.wait >= lateMs)
                ++late;
        }
        void sort()
        {
            std::sort(prep.begin(), prep.end());
            std::sort(wait.begin(), wait.end());
        }
    };
    Group all;
    std::map<QString, Group> counters;
    for (const QString &id : ids) {
        const Ticket &t = tickets.at(id);
        all.add(t, warningMs, lateMs);
        counters[t.counter].add(t, warningMs, lateMs);
    }
    all.sort();

    struct ProductGroup
    {
        QString name;
        Group group;
    };
    std::map<QString, ProductGroup> products;
    QSqlQuery iq = m_db.exec(
        QStringLiteral("SELECT i.order_id, i.product_id, i.product_name, SUM(i.quantity) FROM "
                       "order_items i JOIN orders o ON o.id = i.order_id WHERE o.business_date "
                       "BETWEEN ? AND ? AND o.status <> 'cancelled' AND o.ready_at IS NOT NULL "
                       // o.created_at: one per order, grouped too so PostgreSQL may sort by it.
                       "GROUP BY i.order_id, i.product_id, i.product_name, o.created_at "
                       "ORDER BY o.created_at"),
        {from, to});
    while (iq.next()) {
        const auto t = tickets.find(iq.value(0).toString());
        if (t == tickets.end())
            continue;
        ProductGroup &p = products[iq.value(1).toString()];
        p.name = iq.value(2).toString();
        p.group.add(t->second, warningMs, lateMs);
        p.group.quantity += iq.value(3).toLongLong();
    }

    QJsonArray sections;
    sections.append(section(
        "service_summary", "Summary",
        {{"tickets", "Tickets", "int"},
         {"average", "Average prep", "ms"},
         {"median", "Median prep", "ms"},
         {"p90", "90th percentile prep", "ms"},
         {"wait_average", "Average wait", "ms"},
         {"wait_median", "Median wait", "ms"},
         {"wait_p90", "90th percentile wait", "ms"},
         {"over_warning", "Over warning", "int"},
         {"late", "Late", "int"},
         {"not_ready", "Never ready", "int"},
         {"warning_after", "Warning after", "ms"},
         {"late_after", "Late after", "ms"}},
        QJsonArray{QJsonArray{qint64(all.prep.size()), average(all.prep), percentile(all.prep, 50),
                              percentile(all.prep, 90), average(all.wait), percentile(all.wait, 50),
                              percentile(all.wait, 90), all.warning, all.late, notReady, warningMs,
                              lateMs}}));

    const auto groupRow = [](const QString &label, Group &g) {
        g.sort();
        return QJsonArray{label,
                          qint64(g.prep.size()),
                          average(g.prep),
                          percentile(g.prep, 50),
                          percentile(g.prep, 90),
                          average(g.wait),
                          g.warning,
                          g.late};
    };
    QJsonArray counterRows;
    for (auto &[name, g] : counters)
        counterRows.append(groupRow(name, g));
    Group allCopy = all;
    sections.append(section("by_counter", "Prep time by counter",
                            {{"counter", "Counter", "text"},
                             {"tickets", "Tickets", "int"},
                             {"average", "Average", "ms"},
                             {"median", "Median", "ms"},
                             {"p90", "90th percentile", "ms"},
                             {"wait_average", "Average wait", "ms"},
                             {"over_warning", "Over warning", "int"},
                             {"late", "Late", "int"}},
                            counterRows, groupRow(QStringLiteral("All counters"), allCopy)));

    QList<ProductGroup *> productList;
    for (auto &[id, p] : products)
        productList.append(&p);
    std::sort(productList.begin(), productList.end(),
              [](const ProductGroup *a, const ProductGroup *b) {
                  if (a->group.prep.size() != b->group.prep.size())
                      return a->group.prep.size() > b->group.prep.size();
                  return a->name < b->name;
              });
    QJsonArray productRows;
    for (ProductGroup *p : productList) {
        p->group.sort();
        productRows.append(QJsonArray{p->name, qint64(p->group.prep.size()), p->group.quantity,
                                      average(p->group.prep), percentile(p->group.prep, 50),
                                      percentile(p->group.prep, 90), p->group.late});
    }
    sections.append(section("by_product", "Prep time by product",
                            {{"product", "Product", "text"},
                             {"tickets", "Tickets", "int"},
                             {"quantity", "Quantity", "int"},
                             {"average", "Average", "ms"},
                             {"median", "Median", "ms"},
                             {"p90", "90th percentile", "ms"},
                             {"late", "Late", "int"}},
                            productRows));

    // One-minute buckets of prep time, from zero to the longest (the last one open-ended
    // from 30 minutes).
    constexpr int kLastBucket = 30;
    QList<qint64> buckets;
    for (qint64 prep : all.prep) {
        const int b = int(qMin<qint64>(prep / 60000, kLastBucket));
        while (buckets.size() <= b)
            buckets.append(0);
        ++buckets[b];
    }
    QJsonArray distRows;
    for (int b = 0; b < buckets.size(); ++b) {
        const QString label = b == kLastBucket ? QStringLiteral("%1+ min").arg(b)
                                               : QStringLiteral("%1-%2 min").arg(b).arg(b + 1);
        distRows.append(QJsonArray{label, b, buckets.at(b)});
    }
    sections.append(section(
        "prep_distribution", "Prep time distribution",
        {{"bucket", "Prep time", "text"},
         {"from_minutes", "From minute", "minutes"},
         {"tickets", "Tickets", "int"}},
        distRows, QJsonArray{QStringLiteral("Total"), QJsonValue(), qint64(all.prep.size())}));

    QList<const Ticket *> late;
    for (const QString &id : ids) {
        const Ticket &t = tickets.at(id);
        if (t.wait >= lateMs)
            late.append(&t);
    }
    std::stable_sort(late.begin(), late.end(),
                     [](const Ticket *a, const Ticket *b) { return a->wait > b->wait; });
    QJsonArray lateRows;
    for (const Ticket *t : late)
        lateRows.append(
            QJsonArray{t->number, t->counter, t->createdAt, t->readyAt, t->wait, t->prep});
    sections.append(section("late_tickets", "Late tickets",
                            {{"order", "Order", "text"},
                             {"counter", "Counter", "text"},
                             {"created", "Ordered at", "time"},
                             {"ready", "Ready at", "time"},
                             {"wait", "Wait", "ms"},
                             {"prep", "Prep", "ms"}},
                            lateRows));
    return sections;
}

// ---- staff -------------------------------------------------------------------------------

QJsonArray ReportBuilder::staffSections(const Request &r)
{
    const QString from = r.from.toString(Qt::ISODate), to = r.to.toString(Qt::ISODate);
    QSqlQuery q = m_db.exec(
        QStringLiteral(
            "SELECT t.id, t.user_id, s.name, s.code, t.shift_date, t.clock_in, t.clock_out, "
            "t.break_minutes, t.hourly_rate_cents, t.total_centihours, t.total_pay_cents, "
            "(SELECT COUNT(*) FROM timesheet_corrections c WHERE c.timesheet_id = t.id) FROM "
            "timesheets t JOIN staff s ON s.id = t.user_id WHERE t.shift_date BETWEEN ? AND ? "
            "ORDER BY s.name, t.user_id, t.clock_in"),
        {from, to});
    struct Person
    {
        QString name, code;
        qint64 shifts = 0, open = 0, corrected = 0, centihours = 0, pay = 0;
    };
    std::map<QString, Person> people; // by user id
    QList<QString> order;
    std::map<std::pair<QString, QString>, Person> days; // by (user id, date)
    QList<std::pair<QString, QString>> dayOrder;
    QJsonArray shiftRows;
    qint64 hours = 0, pay = 0, nShifts = 0, nOpen = 0, nCorrected = 0;
    while (q.next()) {
        const QString userId = q.value(1).toString(), date = q.value(4).toString();
        const bool open = q.value(6).isNull();
        const bool corrected = q.value(11).toLongLong() > 0;
        const qint64 h = open ? 0 : q.value(9).toLongLong();
        const qint64 p = open ? 0 : q.value(10).toLongLong();
        shiftRows.append(QJsonArray{q.value(2).toString(), date, q.value(5).toLongLong(),
                                    nullable(q.value(6)), nullable(q.value(7)),
                                    open ? QJsonValue() : QJsonValue(h), q.value(8).toLongLong(),
                                    open ? QJsonValue() : QJsonValue(p), corrected, open});
        if (!people.count(userId))
            order.append(userId);
        for (Person *x : {&people[userId], &days[{userId, date}]}) {
            x->name = q.value(2).toString();
            x->code = q.value(3).toString();
            ++x->shifts;
            x->open += open ? 1 : 0;
            x->corrected += corrected ? 1 : 0;
            x->centihours += h;
            x->pay += p;
        }
        if (days.at({userId, date}).shifts == 1)
            dayOrder.append({userId, date});
        ++nShifts;
        nOpen += open ? 1 : 0;
        nCorrected += corrected ? 1 : 0;
        hours += h;
        pay += p;
    }

    QJsonArray sections;
    sections.append(
        section("shifts", "Shifts",
                {{"person", "Person", "text"},
                 {"date", "Date", "date"},
                 {"in", "In", "time"},
                 {"out", "Out", "time"},
                 {"break", "Break", "minutes"},
                 {"hours", "Hours", "centihours"},
                 {"rate", "Hourly rate", "money"},
                 {"pay", "Pay", "money"},
                 {"corrected", "Corrected", "bool"},
                 {"open", "Open", "bool"}},
                shiftRows,
                // How many are corrected or open: by_person's total.
                QJsonArray{QStringLiteral("Total"), QJsonValue(), QJsonValue(), QJsonValue(),
                           QJsonValue(), hours, QJsonValue(), pay, QJsonValue(), QJsonValue()}));

    QJsonArray dayRows;
    std::sort(dayOrder.begin(), dayOrder.end(), [&](const auto &a, const auto &b) {
        const QString &na = people.at(a.first).name, &nb = people.at(b.first).name;
        return na != nb ? na < nb : (a.first != b.first ? a.first < b.first : a.second < b.second);
    });
    for (const auto &key : dayOrder) {
        const Person &d = days.at(key);
        dayRows.append(QJsonArray{d.name, key.second, d.shifts, d.centihours, d.pay, d.open > 0,
                                  d.corrected > 0});
    }
    sections.append(section("by_person_day", "Hours and pay by person and day",
                            {{"person", "Person", "text"},
                             {"date", "Date", "date"},
                             {"shifts", "Shifts", "int"},
                             {"hours", "Hours", "centihours"},
                             {"pay", "Pay", "money"},
                             {"open", "Open shift", "bool"},
                             {"corrected", "Corrected", "bool"}},
                            dayRows,
                            QJsonArray{QStringLiteral("Total"), QJsonValue(), nShifts, hours, pay,
                                       QJsonValue(), QJsonValue()}));

    QJsonArray personRows;
    for (const QString &id : order) {
        const Person &x = people.at(id);
        personRows.append(
            QJsonArray{x.name, x.code, x.shifts, x.centihours, x.pay, x.open, x.corrected});
    }
    sections.append(section(
        "by_person", "Payroll by person",
        {{"person", "Person", "text"},
         {"code", "Staff code", "text"},
         {"shifts", "Shifts", "int"},
         {"hours", "Hours", "centihours"},
         {"pay", "Pay", "money"},
         {"open", "Open shifts", "int"},
         {"corrected", "Corrected shifts", "int"}},
        personRows,
        QJsonArray{QStringLiteral("Total"), QJsonValue(), nShifts, hours, pay, nOpen, nCorrected}));

    QSqlQuery cq = m_db.exec(
        QStringLiteral(
            "SELECT s.name, t.shift_date, c.at, c.by_name, c.reason, c.previous_clock_in, "
            "c.previous_clock_out, c.previous_break_minutes, c.new_clock_in, c.new_clock_out, "
            "c.new_break_minutes FROM timesheet_corrections c JOIN timesheets t ON "
            "t.id = c.timesheet_id JOIN staff s ON s.id = t.user_id WHERE t.shift_date BETWEEN "
            "? AND ? ORDER BY s.name, t.clock_in, c.at"),
        {from, to});
    QJsonArray correctionRows;
    while (cq.next())
        correctionRows.append(
            QJsonArray{cq.value(0).toString(), cq.value(1).toString(), cq.value(2).toLongLong(),
                       cq.value(3).toString(), cq.value(4).toString(), nullable(cq.value(5)),
                       nullable(cq.value(6)), nullable(cq.value(7)), nullable(cq.value(8)),
                       nullable(cq.value(9)), nullable(cq.value(10))});
    sections.append(section("corrections", "Timesheet corrections",
                            {{"person", "Person", "text"},
                             {"date", "Date", "date"},
                             {"at", "Corrected at", "time"},
                             {"by", "Corrected by", "text"},
                             {"reason", "Reason", "text"},
                             {"previous_in", "Was in", "time"},
                             {"previous_out", "Was out", "time"},
                             {"previous_break", "Was break", "minutes"},
                             {"new_in", "Now in", "time"},
                             {"new_out", "Now out", "time"},
                             {"new_break", "Now break", "minutes"}},
                            correctionRows));
    return sections;
}

} // namespace TableTap
