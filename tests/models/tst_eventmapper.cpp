// EventMapper: every seed example maps to the right typed values; bad input gives errors.
// Snapshots: every snapshot command's answer captured from a live hub (tests/fixtures/snapshots)
// maps to its typed snapshot, and the other servers' spellings (aliases) map the same way.
#include "contract.h"
#include "eventmapper.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <array>

using namespace TableTap;

namespace {
// The same envelope read from its JSON text with LiteJson (the console's reader without Qt's
// tree): the mapping must come out the same.
Decoded<CafeEvent> mapLite(const QString &nsp, const QString &event, const QJsonValue &envelope)
{
    const QByteArray text = QJsonDocument(QJsonArray{envelope}).toJson(QJsonDocument::Compact);
    const auto doc = LiteJson::parse(text);
    if (!doc)
        qFatal("LiteJson refused Qt's own text");
    return EventMapper::mapEvent(nsp, event, doc->root().toArray().at(0));
}

void compareLite(const Decoded<CafeEvent> &qt, const Decoded<CafeEvent> &lite)
{
    QCOMPARE(lite.ok(), qt.ok());
    if (!qt.ok()) {
        QCOMPARE(lite.error(), qt.error());
        return;
    }
    QCOMPARE(lite->name, qt->name);
    QCOMPARE(lite->nsp, qt->nsp);
    QCOMPARE(lite->meta.timestamp, qt->meta.timestamp);
    QCOMPARE(lite->meta.cafeId, qt->meta.cafeId);
    QCOMPARE(lite->meta.eventId, qt->meta.eventId);
    QCOMPARE(lite->payload.index(), qt->payload.index());
    QCOMPARE(lite->summary, qt->summary);
}

QJsonObject fixture(const QString &event)
{
    // The contract's examples, then the hub's own events (tests/fixtures/hub-events).
    const QString file = QString(event).replace(':', '_') + ".json";
    QFile f(QStringLiteral(TT_EVENT_FIXTURES "/") + file);
    if (!f.exists())
        f.setFileName(QStringLiteral(TT_EVENT_FIXTURES "/../hub-events/") + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(event));
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A snapshot command's answer as the hub sent it: {"ok": true, "data": ...}.
QJsonObject snapshotAnswer(Contract::Command command)
{
    QFile f(QStringLiteral(TT_SNAPSHOT_FIXTURES "/") + Contract::name(command) + ".json");
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing snapshot fixture %s", qPrintable(Contract::name(command)));
    return QJsonDocument::fromJson(f.readAll()).object();
}

template<class Snapshot>
Snapshot snapshotOf(Contract::Command command, const QJsonValue &data)
{
    const auto mapped = EventMapper::mapSnapshot(command, data);
    if (!mapped.ok())
        qFatal("%s did not map: %s", qPrintable(Contract::name(command)),
               qPrintable(mapped.error()));
    if (!std::holds_alternative<Snapshot>(*mapped))
        qFatal("%s mapped to the wrong snapshot", qPrintable(Contract::name(command)));
    return std::get<Snapshot>(*mapped);
}

QJsonValue json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}
} // namespace

class tst_EventMapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySeedEventMaps_data();
    void everySeedEventMaps();
    void orderCreated();
    void itemCheckOff();
    void statusChanged();
    void cancelledAndPayments();
    void inventory();
    void employees();
    void system();
    void badEnvelopes_data();
    void badEnvelopes();
    void wrongTypesAreTolerated();
    void timesAsQtReadsThem_data();
    void timesAsQtReadsThem();
    void everySnapshotCommandMaps_data();
    void everySnapshotCommandMaps();
    void liveOrdersAndMenu();
    void liveInventoryAndTimesheets();
    void livePaymentsSettingsCounters();
    void snapshotAliases();
    void dayFiguresFromListOrders();
    void snapshotsTolerateBadShapes();
};

void tst_EventMapper::everySeedEventMaps_data()
{
    QTest::addColumn<QString>("event");
    for (const QString &e : EventMapper::knownEvents())
        QTest::newRow(qPrintable(e)) << e;
}

void tst_EventMapper::everySeedEventMaps()
{
    QFETCH(QString, event);
    const auto mapped = EventMapper::mapEvent("/x", event, fixture(event));
    QVERIFY2(mapped.ok(), qPrintable(mapped.error()));
    QCOMPARE(mapped->name, event);
    QCOMPARE(mapped->meta.cafeId, QStringLiteral("uuid"));
    QCOMPARE(mapped->meta.eventId, QStringLiteral("evt_uuid"));
    QVERIFY(mapped->meta.timestamp.isValid());
    QVERIFY(!mapped->summary.isEmpty());
    compareLite(mapped, mapLite("/x", event, fixture(event)));
}

void tst_EventMapper::itemCheckOff()
{
    // The hub's order:item_checked (tests/fixtures/hub-events) and items_made in snapshot orders.
    const auto e
        = EventMapper::mapEvent("/orders", "order:item_checked", fixture("order:item_checked"));
    QVERIFY2(e.ok(), qPrintable(e.error()));
    const auto &c = std::get<OrderItemChecked>(e->payload);
    QCOMPARE(c.orderId, QStringLiteral("uuid"));
    QCOMPARE(c.orderNumber, QStringLiteral("ORD20240101001"));
    QCOMPARE(c.counter, QStringLiteral("Counter 1"));
    QCOMPARE(c.itemId, QStringLiteral("uuid-item-2"));
    QVERIFY(c.made);
    QCOMPARE(c.itemsMade, QStringList({"uuid-item-1", "uuid-item-2"}));
    QCOMPARE(c.checkedBy.name, QStringLiteral("Chef Mike"));
    QCOMPARE(c.checkedAt, QDateTime(QDate(2024, 1, 1), QTime(0, 4), Qt::UTC));
    QCOMPARE(e->summary, QStringLiteral("ORD20240101001: item made (2 made) by Chef Mike"));

    // Without an item id it is unusable; hostile items_made entries are skipped.
    QJsonObject env = fixture("order:item_checked");
    QJsonObject data = env.value("data").toObject();
    data.insert("items_made", QJsonArray{1, QJsonObject{}, "uuid-item-1"});
    env.insert("data", data);
    const auto hostile = EventMapper::mapEvent("/orders", "order:item_checked", env);
    QVERIFY(hostile.ok());
    QCOMPARE(std::get<OrderItemChecked>(hostile->payload).itemsMade, QStringList{"uuid-item-1"});
    data.remove("item_id");
    env.insert("data", data);
    QVERIFY(!EventMapper::mapEvent("/orders", "order:item_checked", env).ok());

    // A snapshot order says which items are made; absent means none.
    QJsonObject order = fixture("order:created").value("data").toObject().value("order").toObject();
    QVERIFY(!EventMapper::mapOrder(order).items[0].made);
    const QString itemId = order.value("items").toArray().at(0).toObject().value("id").toString();
    QVERIFY(!itemId.isEmpty());
    order.insert("items_made", QJsonArray{itemId});
    QVERIFY(EventMapper::mapOrder(order).items[0].made);
    order.insert("items_made", "not an array");
    QVERIFY(!EventMapper::mapOrder(order).items[0].made);
}

void tst_EventMapper::orderCreated()
{
    const auto e = EventMapper::mapEvent("/orders", "order:created", fixture("order:created"));
    QVERIFY(e.ok());
    const Order &o = std::get<OrderCreated>(e->payload).order;
    QCOMPARE(o.number, QStringLiteral("ORD20240101001"));
    QCOMPARE(o.customerName, QStringLiteral("John Doe"));
    QCOMPARE(o.status, OrderStatus::Pending);
    QCOMPARE(o.counter, QStringLiteral("Counter 1"));
    QCOMPARE(o.items.size(), 1);
    QCOMPARE(o.items[0].quantity, 2);
    QCOMPARE(o.items[0].unitPrice, Cents(550));
    QCOMPARE(o.items[0].totalPrice, Cents(1100));
    QCOMPARE(o.items[0].customizations, QStringList({"Extra shot", "Oat milk"}));
    QCOMPARE(o.subtotal, Cents(1100));
    QCOMPARE(o.tax, Cents(110));
    QCOMPARE(o.tip, Cents(200));
    QCOMPARE(o.total, Cents(1410));
    QCOMPARE(o.createdAt, QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(o.estimatedReadyAt, QDateTime(QDate(2024, 1, 1), QTime(0, 15), Qt::UTC));
    QCOMPARE(o.createdBy.name, QStringLiteral("Jane Employee"));
    QCOMPARE(o.createdBy.role, QStringLiteral("employee"));
    QVERIFY(o.isProxy);
    QCOMPARE(o.orderedFor.name, QStringLiteral("Bob Employee"));
    QCOMPARE(formatCents(o.total), QStringLiteral("14.10"));
}

void tst_EventMapper::statusChanged()
{
    const auto e
        = EventMapper::mapEvent("/orders", "order:status_changed", fixture("order:status_changed"));
    QVERIFY(e.ok());
    const auto &p = std::get<OrderStatusChanged>(e->payload);
    QCOMPARE(p.previousStatus, OrderStatus::Pending);
    QCOMPARE(p.newStatus, OrderStatus::Preparing);
    QCOMPARE(p.updatedBy.name, QStringLiteral("Chef Mike"));
    QCOMPARE(p.history.size(), 2);
    QCOMPARE(p.history[1].status, OrderStatus::Preparing);
    QCOMPARE(p.history[1].notes, QStringLiteral("Started preparation"));
    QVERIFY(e->summary.contains("pending → preparing"));
}

void tst_EventMapper::cancelledAndPayments()
{
    const auto c = EventMapper::mapEvent("/orders", "order:cancelled", fixture("order:cancelled"));
    QVERIFY(c.ok());
    const auto &cancel = std::get<OrderCancelled>(c->payload);
    QCOMPARE(cancel.refundAmount, Cents(1410));
    QVERIFY(cancel.refundProcessed);
    QCOMPARE(cancel.refundMethod, QStringLiteral("original_payment"));

    const auto done
        = EventMapper::mapEvent("/payments", "payment:completed", fixture("payment:completed"));
    const auto &pc = std::get<PaymentCompleted>(done->payload);
    QCOMPARE(pc.fee, Cents(45));
    QCOMPARE(pc.net, Cents(1365));
    QCOMPARE(pc.providerTransactionId, QStringLiteral("prov_txn_123"));

    const auto failed
        = EventMapper::mapEvent("/payments", "payment:failed", fixture("payment:failed"));
    const auto &pf = std::get<PaymentFailed>(failed->payload);
    QCOMPARE(pf.errorCode, QStringLiteral("insufficient_funds"));
    QVERIFY(pf.retryAllowed);

    const auto qr = EventMapper::mapEvent("/payments", "qr:generated", fixture("qr:generated"));
    const auto &q = std::get<QrGenerated>(qr->payload);
    QCOMPARE(q.qrCodeData, QStringLiteral("payment://tabletap.com/pay?id=uuid&amount=14.10"));
    QCOMPARE(q.expiresAt, QDateTime(QDate(2024, 1, 1), QTime(0, 5), Qt::UTC));
}

void tst_EventMapper::inventory()
{
    const auto s = EventMapper::mapEvent("/inventory", "inventory:stock_updated",
                                         fixture("inventory:stock_updated"));
    const auto &su = std::get<StockUpdated>(s->payload);
    QCOMPARE(su.previousStock, 25.0);
    QCOMPARE(su.newStock, 20.0);
    QCOMPARE(su.changeAmount, -5.0);
    QCOMPARE(su.changeType, QStringLiteral("sale"));
    QCOMPARE(su.updatedBy.role, QStringLiteral("automatic"));
    QCOMPARE(su.referenceType, QStringLiteral("order"));

    const auto l = EventMapper::mapEvent("/inventory", "inventory:low_stock",
                                         fixture("inventory:low_stock"));
    const auto &low = std::get<LowStock>(l->payload);
    QCOMPARE(low.priority, QStringLiteral("medium"));
    QCOMPARE(low.suggestedOrderQuantity, 50.0);

    const auto o = EventMapper::mapEvent("/inventory", "inventory:out_of_stock",
                                         fixture("inventory:out_of_stock"));
    const auto &out = std::get<OutOfStock>(o->payload);
    QCOMPARE(out.affects.size(), 1);
    QCOMPARE(out.affects[0].productName, QStringLiteral("Oat Milk Latte"));
    QVERIFY(out.affects[0].disabled);
}

void tst_EventMapper::employees()
{
    const auto in = EventMapper::mapEvent("/employees", "employee:clocked_in",
                                          fixture("employee:clocked_in"));
    QCOMPARE(std::get<ClockedIn>(in->payload).shiftDate, QDate(2024, 1, 1));
    const auto out = EventMapper::mapEvent("/employees", "employee:clocked_out",
                                           fixture("employee:clocked_out"));
    const auto &co = std::get<ClockedOut>(out->payload);
    QCOMPARE(co.totalHours, 8.5);
    QCOMPARE(co.hourlyRate, Cents(1500));
    QCOMPARE(co.totalPay, Cents(12750));
    QCOMPARE(co.breakMinutes, 30);
    const auto drink = EventMapper::mapEvent("/employees", "employee:drink_consumed",
                                             fixture("employee:drink_consumed"));
    const auto &d = std::get<DrinkConsumed>(drink->payload);
    QCOMPARE(d.monthlyCount, 8);
    QCOMPARE(d.remainingAllowance, 12);
}

void tst_EventMapper::system()
{
    const auto c = EventMapper::mapEvent("/system", "counter:status_changed",
                                         fixture("counter:status_changed"));
    const auto &cs = std::get<CounterStatusChanged>(c->payload);
    QCOMPARE(cs.newStatus, QStringLiteral("inactive"));
    QCOMPARE(cs.activeOrdersCount, 3);
    QCOMPARE(cs.ordersReassignedTo, QStringLiteral("Counter 2"));
    const auto s = EventMapper::mapEvent("/system", "cafe:settings_updated",
                                         fixture("cafe:settings_updated"));
    const auto &su = std::get<SettingsUpdated>(s->payload);
    QCOMPARE(su.changes.size(), 2);
    bool sawPrep = false;
    for (const SettingChange &ch : su.changes) {
        if (ch.key == "prep_time_minutes") {
            sawPrep = true;
            QCOMPARE(ch.previous.toInt(), 15);
            QCOMPARE(ch.next.toInt(), 12);
        }
    }
    QVERIFY(sawPrep);
}

void tst_EventMapper::badEnvelopes_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonValue>("envelope");
    QTest::newRow("not an object") << "order:created" << QJsonValue("x");
    QTest::newRow("array") << "order:created" << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("no data") << "order:ready" << QJsonValue(QJsonObject{{"event", "order:ready"}});
    QTest::newRow("data not object")
        << "order:ready" << QJsonValue(QJsonObject{{"event", "order:ready"}, {"data", 3}});
    QTest::newRow("name mismatch")
        << "order:ready"
        << QJsonValue(QJsonObject{{"event", "order:created"}, {"data", QJsonObject{}}});
    QTest::newRow("created without order")
        << "order:created" << QJsonValue(QJsonObject{{"data", QJsonObject{{"order", 1}}}});
    QTest::newRow("status without id")
        << "order:status_changed"
        << QJsonValue(QJsonObject{{"data", QJsonObject{{"new_status", "ready"}}}});
    QTest::newRow("unknown event")
        << "order:teleported" << QJsonValue(QJsonObject{{"data", QJsonObject{}}});
}

void tst_EventMapper::badEnvelopes()
{
    QFETCH(QString, event);
    QFETCH(QJsonValue, envelope);
    const auto e = EventMapper::mapEvent("/orders", event, envelope);
    QVERIFY(!e.ok());
    QVERIFY(!e.error().isEmpty());
    compareLite(e, mapLite("/orders", event, envelope));
}

void tst_EventMapper::wrongTypesAreTolerated()
{
    // Fields of the wrong type read as empty values: the event still maps, nothing crashes.
    QJsonObject env = fixture("order:created");
    QJsonObject data = env["data"].toObject();
    QJsonObject order = data["order"].toObject();
    order["items"] = "not a list";
    order["totals"] = QJsonArray{1};
    order["created_at"] = 12;
    order["customer_name"] = QJsonObject{};
    data["order"] = order;
    env["data"] = data;
    const auto e = EventMapper::mapEvent("/orders", "order:created", env);
    QVERIFY(e.ok());
    const Order &o = std::get<OrderCreated>(e->payload).order;
    QVERIFY(o.items.isEmpty());
    QCOMPARE(o.total, Cents(0));
    QVERIFY(!o.createdAt.isValid());
    QVERIFY(o.customerName.isEmpty());
    // Non-finite and huge numbers never turn into garbage cents.
    QCOMPARE(centsFromNumber(qInf()), Cents(0));
    QCOMPARE(centsFromNumber(1e300), Cents(0));
    QCOMPARE(formatCents(-5), QStringLiteral("-0.05"));
}

void tst_EventMapper::timesAsQtReadsThem_data()
{
    QTest::addColumn<QString>("text");
    // The shapes read by hand, and the ones left to Qt: the result is Qt's either way.
    for (const char *t :
         {"2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", "2024-02-29T12:30:45Z",
          "2026-11-26T07:14:44.123Z", "2026-11-26T07:14:44.000Z", "2024-01-01T10:00:00+02:00",
          "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00", "2023-02-29T00:00:00Z",
          "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
          "2024-01-01 00:00:00Z", "20x4-01-01T00:00:00Z", "", "yesterday"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void tst_EventMapper::timesAsQtReadsThem()
{
    QFETCH(QString, text);
    QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (qt.isValid())
        qt = qt.toUTC();
    const QDateTime mapped = EventMapper::mapTime(text);
    QCOMPARE(mapped.isValid(), qt.isValid());
    if (qt.isValid()) {
        QCOMPARE(mapped.toMSecsSinceEpoch(), qt.toMSecsSinceEpoch());
        QCOMPARE(mapped.timeSpec(), qt.timeSpec());
        QCOMPARE(mapped.toString(Qt::ISODateWithMs), qt.toString(Qt::ISODateWithMs));
    }
}

void tst_EventMapper::everySnapshotCommandMaps_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("alternative");
    // Each snapshot command of the contract, and the CafeSnapshot alternative it maps to (-1:
    // one the console does not load, which maps to an error saying so).
    const std::array<std::pair<Contract::Command, int>, 8> expected{
        {{Contract::Command::ListOrders, 0},
         {Contract::Command::ListMenu, 1},
         {Contract::Command::ListInventory, 2},
         {Contract::Command::ListTimesheets, 3},
         {Contract::Command::ListPayments, 4},
         {Contract::Command::GetSettings, 5},
         {Contract::Command::ListCounters, 6},
         {Contract::Command::ListStaff, -1}}};
    int snapshots = 0;
    for (const Contract::Command c : Contract::kCommands) {
        if (!Contract::isSnapshot(c))
            continue;
        ++snapshots;
        const auto row = std::find_if(expected.begin(), expected.end(),
                                      [c](const auto &e) { return e.first == c; });
        QVERIFY2(row != expected.end(), qPrintable(Contract::name(c)));
        QTest::newRow(qPrintable(Contract::name(c))) << int(c) << row->second;
    }
    QCOMPARE(snapshots, int(expected.size()));
}

void tst_EventMapper::everySnapshotCommandMaps()
{
    QFETCH(int, command);
    QFETCH(int, alternative);
    const auto c = Contract::Command(command);
    if (alternative < 0) {
        const auto mapped = EventMapper::mapSnapshot(c, QJsonObject{});
        QVERIFY(!mapped.ok());
        QVERIFY(mapped.error().contains(Contract::name(c)));
        return;
    }
    const QJsonObject answer = snapshotAnswer(c);
    QVERIFY(answer.value("ok").toBool());
    const auto mapped = EventMapper::mapSnapshot(c, answer.value("data"));
    QVERIFY2(mapped.ok(), qPrintable(mapped.error()));
    QCOMPARE(int(mapped->index()), alternative);
}

void tst_EventMapper::liveOrdersAndMenu()
{
    const QJsonObject orders = snapshotAnswer(Contract::Command::ListOrders)["data"].toObject();
    const auto o = snapshotOf<OrdersSnapshot>(Contract::Command::ListOrders, orders);
    const QJsonArray open = orders["open_orders"].toArray();
    const QJsonArray recent = orders["recent_orders"].toArray();
    QVERIFY(!open.isEmpty());
    QVERIFY(!recent.isEmpty());
    QCOMPARE(o.open.size(), open.size());
    QCOMPARE(o.recent.size(), recent.size());
    // Rows are orders as order:created carries them: the same reader.
    for (int i = 0; i < open.size(); ++i)
        QCOMPARE(o.open[i].id, EventMapper::mapOrder(open[i].toObject()).id);
    const QJsonObject firstRecent = recent[0].toObject();
    QCOMPARE(o.recent[0].number, firstRecent["order_number"].toString());
    QCOMPARE(o.recent[0].status, orderStatusFromName(firstRecent["status"].toString()));
    QCOMPARE(o.recent[0].total,
             centsFromNumber(firstRecent["totals"].toObject()["total_amount"].toDouble()));
    QVERIFY(o.recent[0].total > 0);

    const QJsonObject menu = snapshotAnswer(Contract::Command::ListMenu)["data"].toObject();
    const auto m = snapshotOf<MenuSnapshot>(Contract::Command::ListMenu, menu);
    const QJsonArray products = menu["products"].toArray();
    QCOMPARE(m.products.size(), products.size());
    for (int i = 0; i < products.size(); ++i) {
        const QJsonObject p = products[i].toObject();
        const MenuProduct &mp = m.products[i];
        QCOMPARE(mp.id, p["id"].toString());
        QCOMPARE(mp.name, p["name"].toString());
        QCOMPARE(mp.category, p["category"].toString());
        QCOMPARE(mp.price, centsFromNumber(p["price"].toDouble()));
        QCOMPARE(mp.available, p["available"].toBool());
        QCOMPARE(mp.customizations.size(), p["customizations"].toArray().size());
        const QJsonArray recipe = p["recipe"].toArray();
        QCOMPARE(mp.recipe.size(), recipe.size());
        for (const QJsonValue &r : recipe)
            QCOMPARE(mp.recipe.value(r["product_id"].toString()), r["quantity"].toDouble());
    }
    QCOMPARE(m.products[0].name, QStringLiteral("Espresso"));
    QCOMPARE(m.products[0].price, Cents(250));
    QCOMPARE(m.products[0].customizations, QStringList{"Extra shot"});
}

void tst_EventMapper::liveInventoryAndTimesheets()
{
    const QJsonObject inventory
        = snapshotAnswer(Contract::Command::ListInventory)["data"].toObject();
    const auto inv = snapshotOf<InventorySnapshot>(Contract::Command::ListInventory, inventory);
    const QJsonArray items = inventory["items"].toArray();
    QCOMPARE(inv.items.size(), items.size());
    QVERIFY(inv.disabled.isEmpty());
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject j = items[i].toObject();
        const StockItem &s = inv.items[i];
        QCOMPARE(s.id, j["product_id"].toString());
        QCOMPARE(s.name, j["product_name"].toString());
        QCOMPARE(s.sku, j["sku"].toString());
        QCOMPARE(s.unit, j["unit"].toString());
        QCOMPARE(s.stock, j["current_stock"].toDouble());
        QCOMPARE(s.reorderLevel, j["reorder_level"].toDouble());
        QCOMPARE(s.maxStock, j["max_stock"].toDouble());
        QCOMPARE(s.lastRestocked, EventMapper::mapTime(j["last_restocked"]));
        // The menu's product ids as the hub sent them: names are the session's to find.
        QCOMPARE(s.usedBy.size(), j["used_by"].toArray().size());
        if (!s.usedBy.isEmpty())
            QCOMPARE(s.usedBy[0], j["used_by"].toArray()[0].toString());
    }

    const QJsonObject times = snapshotAnswer(Contract::Command::ListTimesheets)["data"].toObject();
    const auto t = snapshotOf<TimesheetsSnapshot>(Contract::Command::ListTimesheets, times);
    const QJsonArray staff = times["staff"].toArray();
    QCOMPARE(t.staff.size(), staff.size());
    QCOMPARE(t.timesheets.size(), times["timesheets"].toArray().size());
    int clockedIn = 0;
    for (int i = 0; i < staff.size(); ++i) {
        const QJsonObject j = staff[i].toObject();
        const StaffRow &r = t.staff[i];
        QCOMPARE(r.userId, j["user_id"].toString());
        QCOMPARE(r.employeeCode, j["employee_id"].toString());
        QCOMPARE(r.name, j["name"].toString());
        QCOMPARE(r.role, j["role"].toString());
        QCOMPARE(r.hourlyRate, centsFromNumber(j["hourly_rate"].toDouble()));
        QCOMPARE(r.drinkLimit, j["monthly_limit"].toInt());
        QVERIFY(r.clockedIn.has_value());
        QCOMPARE(*r.clockedIn, j["clocked_in"].toBool());
        QCOMPARE(r.clockInTime, EventMapper::mapTime(j["clock_in_time"]));
        clockedIn += *r.clockedIn ? 1 : 0;
    }
    QVERIFY(clockedIn > 0);
    QCOMPARE(t.timesheets[0].userId,
             times["timesheets"].toArray()[0].toObject()["user_id"].toString());
}

void tst_EventMapper::livePaymentsSettingsCounters()
{
    const QJsonObject payments = snapshotAnswer(Contract::Command::ListPayments)["data"].toObject();
    const auto p = snapshotOf<PaymentsSnapshot>(Contract::Command::ListPayments, payments);
    const QJsonArray rows = payments["payments"].toArray();
    QVERIFY(!rows.isEmpty());
    QCOMPARE(p.payments.size(), rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject j = rows[i].toObject();
        const PaymentRecord &r = p.payments[i];
        QCOMPARE(r.transactionId, j["transaction_id"].toString());
        QVERIFY(r.transactionId.startsWith("txn_"));
        QCOMPARE(r.orderId, j["order_id"].toString());
        QCOMPARE(r.orderNumber, j["order_number"].toString());
        QCOMPARE(r.method, j["payment_method"].toString());
        QCOMPARE(r.status, j["status"].toString());
        QCOMPARE(r.amount, centsFromNumber(j["amount"].toDouble()));
        QCOMPARE(r.fee, centsFromNumber(j["fee_amount"].toDouble()));
        // The hub's rows have no updated_at: completed_at, else created_at.
        QCOMPARE(r.updatedAt, EventMapper::mapTime(j["completed_at"].isString() ? j["completed_at"]
                                                                                : j["created_at"]));
        QVERIFY(r.updatedAt.isValid());
    }

    const QJsonObject settings = snapshotAnswer(Contract::Command::GetSettings)["data"].toObject();
    const auto s = snapshotOf<SettingsSnapshot>(Contract::Command::GetSettings, settings);
    QCOMPARE(s.settings, settings["settings"].toObject().toVariantHash());
    QCOMPARE(s.settings.value("tax_rate").toDouble(), 0.1);
    QVERIFY(!s.settings.contains("server_time")); // the answer's own fields are not settings

    const QJsonObject counters = snapshotAnswer(Contract::Command::ListCounters)["data"].toObject();
    const auto c = snapshotOf<CountersSnapshot>(Contract::Command::ListCounters, counters);
    QCOMPARE(c.counters.size(), 2);
    QCOMPARE(c.counters[0].name, QStringLiteral("Counter 1"));
    QCOMPARE(c.counters[1].name, QStringLiteral("Counter 2"));
    QCOMPARE(c.counters[0].status, QStringLiteral("active"));
}

void tst_EventMapper::dayFiguresFromListOrders()
{
    using C = Contract::Command;
    // Our hub's `day`: read as sent.
    const auto day = snapshotOf<OrdersSnapshot>(C::ListOrders,
                                                json(R"({"open_orders":[],"recent_orders":[],"day":{
                 "business_date":"2024-01-01","bucket_minutes":15,"orders":600,"finished":541,
                 "cancelled":29,"revenue":3412.5,"prep_count":571,"prep_minutes_sum":3120,
                 "buckets":[{"start":"2024-01-01T09:00:00Z","orders":30,"revenue":171.25,
                             "prep_count":27,"prep_minutes_sum":140}]}})"))
                         .day;
    QVERIFY(day);
    QCOMPARE(day->businessDate, QStringLiteral("2024-01-01"));
    QCOMPARE(day->orders, 600);
    QCOMPARE(day->finished, 541);
    QCOMPARE(day->cancelled, 29);
    QCOMPARE(day->revenue, Cents(341250));
    QCOMPARE(day->buckets.size(), 1);
    QCOMPARE(day->buckets[0].start, QDateTime(QDate(2024, 1, 1), QTime(9, 0), Qt::UTC));
    QCOMPARE(day->buckets[0].orders, 30);
    QCOMPARE(day->buckets[0].revenue, Cents(17125));
    QCOMPARE(day->buckets[0].prepCount, 27);
    QCOMPARE(day->buckets[0].prepMinutesSum, 140.0);
    // Without it (other servers): none, and the console rebuilds from the orders.
    QVERIFY(!snapshotOf<OrdersSnapshot>(C::ListOrders, json(R"({"open_orders":[]})")).day);
    QVERIFY(!snapshotOf<OrdersSnapshot>(C::ListOrders, json(R"({"day":[1,2]})")).day);
    // Hostile numbers are bounded, wrong types are zero, a bucket without a time is left out.
    const auto bad
        = snapshotOf<OrdersSnapshot>(
              C::ListOrders, json(R"({"day":{"bucket_minutes":1e300,"orders":-5,"finished":1e300,
                 "cancelled":"many","revenue":1e300,
                 "buckets":[{"orders":3},{"start":"2024-01-01T09:15:00Z","orders":-1,
                             "prep_count":1e300,"prep_minutes_sum":-4}]}})"))
              .day;
    QVERIFY(bad);
    QCOMPARE(bad->bucketMinutes, 240);
    QCOMPARE(bad->orders, 0);
    QCOMPARE(bad->finished, 1000000000);
    QCOMPARE(bad->cancelled, 0);
    QCOMPARE(bad->revenue, Cents(0));
    QCOMPARE(bad->buckets.size(), 1);
    QCOMPARE(bad->buckets[0].orders, 0);
    QCOMPARE(bad->buckets[0].prepCount, 1000000000);
    QCOMPARE(bad->buckets[0].prepMinutesSum, 0.0);
}

void tst_EventMapper::snapshotAliases()
{
    using C = Contract::Command;
    // Orders: one list under "orders", or the data itself.
    QCOMPARE(
        snapshotOf<OrdersSnapshot>(C::ListOrders, json(R"({"orders":[{"id":"a"}]})")).open[0].id,
        QStringLiteral("a"));
    QCOMPARE(
        snapshotOf<OrdersSnapshot>(C::ListOrders, json(R"([{"id":"a"},{"id":"b"}])")).open.size(),
        2);

    // Menu: "menu" or "items" rows, product_id/product_name, unit_price, disabled, label,
    // ingredient_id/id and amount in recipes.
    const auto menu = snapshotOf<MenuSnapshot>(
        C::ListMenu,
        json(R"({"menu":[{"product_id":"p1","product_name":"Latte","unit_price":3.5,"disabled":true,
                 "customizations":[{"label":"Oat"},"Decaf"],
                 "recipe":[{"ingredient_id":"milk","amount":200},{"id":"cup","quantity":1},{"amount":5}]}]})"));
    QCOMPARE(menu.products.size(), 1);
    const MenuProduct &latte = menu.products[0];
    QCOMPARE(latte.id, QStringLiteral("p1"));
    QCOMPARE(latte.name, QStringLiteral("Latte"));
    QCOMPARE(latte.price, Cents(350));
    QVERIFY(!latte.available);
    QCOMPARE(latte.customizations, QStringList({"Oat", "Decaf"}));
    QCOMPARE(latte.recipe.size(), 2); // an ingredient without an id is left out
    QCOMPARE(latte.recipe.value("milk"), 200.0);
    QCOMPARE(latte.recipe.value("cup"), 1.0);
    const auto items = snapshotOf<MenuSnapshot>(
        C::ListMenu,
        json(
            R"({"items":[{"id":"p2","name":"Tea","price":2,"available":false,"disabled":false}]})"));
    QCOMPARE(items.products[0].id, QStringLiteral("p2"));
    QVERIFY(!items.products[0].available); // "available" wins over "disabled"
    QVERIFY(!items.products[0].isOrderable());

    // Our hub's menu: customizations with ids and prices, the automatic flag and "86" (off_sale
    // with a reason and maybe an end) for products and customizations alike.
    const auto ours = snapshotOf<MenuSnapshot>(C::ListMenu, json(R"({"products":[
                 {"id":"p3","name":"Flat white","price":4.2,"position":3,"available":false,
                  "disabled":false,"off_sale":{"reason":"grinder broken",
                  "until":"2026-12-08T07:00:00.000Z","by":{"id":"u1","name":"Ana"},
                  "at":"2026-12-07T10:00:00.000Z"},
                  "customizations":[{"id":"c1","name":"Oat milk","price":0.6,"available":true,
                                     "off_sale":null},
                                    {"id":"c2","name":"Decaf","price":0.5,"available":false,
                                     "off_sale":{"reason":"none left","until":null}}]},
                 {"id":"p4","name":"Scone","price":3,"available":true,"disabled":false,
                  "off_sale":null,"customizations":[]}]})"));
    QCOMPARE(ours.products.size(), 2);
    const MenuProduct &flat = ours.products[0];
    QCOMPARE(flat.position, 3);
    QVERIFY(flat.offSale && !flat.disabled && !flat.isOrderable());
    QCOMPARE(flat.offSaleReason, QStringLiteral("grinder broken"));
    QCOMPARE(flat.offSaleUntil, QDateTime(QDate(2026, 12, 8), QTime(7, 0), Qt::UTC));
    QCOMPARE(flat.options.size(), 2);
    QCOMPARE(flat.options[0].id, QStringLiteral("c1"));
    QCOMPARE(flat.options[0].price, Cents(60));
    QVERIFY(flat.options[0].isOrderable());
    QVERIFY(flat.options[1].offSale && !flat.options[1].isOrderable());
    QCOMPARE(flat.options[1].offSaleReason, QStringLiteral("none left"));
    QVERIFY(!flat.options[1].offSaleUntil.isValid());
    QCOMPARE(flat.customizations, QStringList({"Oat milk", "Decaf"}));
    QVERIFY(!ours.products[1].offSale && ours.products[1].isOrderable());

    // Inventory: "inventory"/"ingredients" rows, id/ingredient_id, name, stock; used_by as
    // objects (names); disabled products with missing ingredients by id.
    const auto inv = snapshotOf<InventorySnapshot>(
        C::ListInventory,
        json(
            R"({"inventory":[{"id":"milk","name":"Milk","stock":3,"used_by":[{"name":"Latte"},"p9"]}],
                 "disabled_products":[{"name":"Flat White","missing_ingredients":[{"id":"milk"},{"product_id":"beans"}]}]})"));
    QCOMPARE(inv.items[0].id, QStringLiteral("milk"));
    QCOMPARE(inv.items[0].name, QStringLiteral("Milk"));
    QCOMPARE(inv.items[0].stock, 3.0);
    QCOMPARE(inv.items[0].usedBy, QStringList({"Latte", "p9"}));
    QVERIFY(inv.items[0].disabledProducts.isEmpty()); // the session's to fill
    QCOMPARE(inv.disabled.size(), 1);
    QCOMPARE(inv.disabled[0].name, QStringLiteral("Flat White"));
    QCOMPARE(inv.disabled[0].missingIngredients, QStringList({"milk", "beans"}));
    QCOMPARE(snapshotOf<InventorySnapshot>(C::ListInventory,
                                           json(R"({"ingredients":[{"ingredient_id":"sugar"}]})"))
                 .items[0]
                 .id,
             QStringLiteral("sugar"));

    // Timesheets: "employees" rows (or "timesheets" when there is no staff list), id,
    // employee_code/code, employee_name; clocked in when a clock-in has no clock-out.
    const auto staff = snapshotOf<TimesheetsSnapshot>(
        C::ListTimesheets,
        json(R"({"employees":[{"id":"u1","employee_code":"E1","employee_name":"Ann",
                 "clock_in_time":"2024-01-01T08:00:00Z","timesheet_id":"t1"},
                {"id":"u2","code":"E2","clock_in_time":"2024-01-01T08:00:00Z","clock_out_time":"2024-01-01T12:00:00Z"}]})"));
    QCOMPARE(staff.staff.size(), 2);
    QCOMPARE(staff.staff[0].userId, QStringLiteral("u1"));
    QCOMPARE(staff.staff[0].employeeCode, QStringLiteral("E1"));
    QCOMPARE(staff.staff[0].name, QStringLiteral("Ann"));
    QCOMPARE(staff.staff[0].clockedIn, std::optional<bool>(true));
    QCOMPARE(staff.staff[0].timesheetId, QStringLiteral("t1"));
    QCOMPARE(staff.staff[1].employeeCode, QStringLiteral("E2"));
    QVERIFY(!staff.staff[1].clockedIn.has_value()); // out again: the row does not say
    const auto sheets = snapshotOf<TimesheetsSnapshot>(
        C::ListTimesheets,
        json(
            R"({"timesheets":[{"user_id":"u3","clock_out_time":"2024-01-01T12:00:00Z","total_hours":4,"total_pay":60}]})"));
    QCOMPARE(sheets.staff.size(), 1);
    QCOMPARE(sheets.staff[0].userId, QStringLiteral("u3"));
    QCOMPARE(sheets.timesheets[0].totalHours, 4.0);
    QCOMPARE(sheets.timesheets[0].totalPay, Cents(6000));

    // Payments: "transactions" rows, id, method; updated_at first.
    const auto pay = snapshotOf<PaymentsSnapshot>(
        C::ListPayments,
        json(R"({"transactions":[{"id":"t1","method":"cash","created_at":"2024-01-01T08:00:00Z",
                 "updated_at":"2024-01-01T09:00:00Z","completed_at":"2024-01-01T08:30:00Z"}]})"));
    QCOMPARE(pay.payments[0].transactionId, QStringLiteral("t1"));
    QCOMPARE(pay.payments[0].method, QStringLiteral("cash"));
    QCOMPARE(pay.payments[0].updatedAt, QDateTime(QDate(2024, 1, 1), QTime(9, 0), Qt::UTC));

    // Settings: the object itself when it has no "settings" object.
    QCOMPARE(snapshotOf<SettingsSnapshot>(C::GetSettings, json(R"({"tax_rate":0.2})"))
                 .settings.value("tax_rate")
                 .toDouble(),
             0.2);

    // Counters: name, status_reason; a row without a name is left out.
    const auto counters = snapshotOf<CountersSnapshot>(
        C::ListCounters,
        json(
            R"([{"name":"Bar","status":"inactive","status_reason":"cleaning"},{"status":"active"}])"));
    QCOMPARE(counters.counters.size(), 1);
    QCOMPARE(counters.counters[0].name, QStringLiteral("Bar"));
    QCOMPARE(counters.counters[0].reason, QStringLiteral("cleaning"));
    QVERIFY(!counters.counters[0].isActive());
}

void tst_EventMapper::snapshotsTolerateBadShapes()
{
    using C = Contract::Command;
    // Only a command that is no snapshot is an error.
    QVERIFY(!EventMapper::mapSnapshot(C::CreateOrder, QJsonObject{}).ok());
    QVERIFY(!EventMapper::mapSnapshot(C::UpdateOrderStatus, QJsonObject{}).error().isEmpty());
    // Anything else maps, with what could be read.
    for (const QJsonValue &data :
         {QJsonValue(), QJsonValue(3), QJsonValue("x"),
          json(R"({"products":"no","items":{},"counters":[1,"x",null]})")}) {
        for (const Contract::Command c : Contract::kCommands)
            if (Contract::isSnapshot(c) && c != C::ListStaff)
                QVERIFY(EventMapper::mapSnapshot(c, data).ok());
    }
    QVERIFY(snapshotOf<MenuSnapshot>(C::ListMenu, json(R"({"products":"no"})")).products.isEmpty());
    // A number is not read as a snapshot row's text, and non-finite numbers read as 0.
    const auto p
        = snapshotOf<MenuSnapshot>(C::ListMenu, json(R"([{"id":5,"name":"Tea","price":"3"}])"));
    QVERIFY(p.products[0].id.isEmpty());
    QCOMPARE(p.products[0].price, Cents(0));
}

QTEST_APPLESS_MAIN(tst_EventMapper)
#include "tst_eventmapper.moc"
