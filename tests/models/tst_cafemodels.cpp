// Counters, inventory, stock alerts, timesheets, staff, payments, dashboard, event log and outbox
// models, each under QAbstractItemModelTester and fed typed events.
#include "countermodel.h"
#include "dashboardmodel.h"
#include "eventlogfiltermodel.h"
#include "eventlogmodel.h"
#include "eventmapper.h"
#include "inventorymodel.h"
#include "orderqueuemodel.h"
#include "outboxmodel.h"
#include "paymentmodel.h"
#include "staffmodel.h"
#include "stockalertmodel.h"
#include "timesheetmodel.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {
const QDateTime t0(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::QtTest;

template<typename P>
CafeEvent ev(const char *name, const char *nsp, P payload, const QDateTime &at = t0)
{
    return CafeEvent{
        QString::fromLatin1(name), QString::fromLatin1(nsp), {at, "c", "e"}, payload, "s"};
}
} // namespace

class tst_CafeModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void counters();
    void inventoryAndAlerts();
    void alertRingsUntilAcknowledged();
    void alertAcknowledgedByTheHub();
    void timesheets();
    void staffFromListAndUpdates();
    void payments();
    void dashboard();
    void dashboardFromTheDaysFigures();
    void eventLogCapAndFilter();
    void outbox();
};

void tst_CafeModels::counters()
{
    CounterModel counters;
    QAbstractItemModelTester tester(&counters, Fatal);
    counters.setBatchInterval(0);
    counters.resetCounters({{"Counter 1", "active", {}}, {"Counter 2", "active", {}}});
    QCOMPARE(counters.rowCount(), 2);
    CounterStatusChanged p;
    p.counterName = "Counter 1";
    p.previousStatus = "active";
    p.newStatus = "inactive";
    p.reason = "Equipment maintenance";
    QVERIFY(counters.apply(ev("counter:status_changed", "/system", p)));
    QCOMPARE(counters.activeNames(), QStringList{"Counter 2"});
    QVERIFY(
        counters.index(0, CounterModel::StatusColumn).data().toString().contains("maintenance"));

    OrderQueueModel queue;
    queue.setBatchInterval(0);
    Order o;
    o.id = "o1";
    o.counter = "Counter 2";
    o.status = OrderStatus::Preparing;
    queue.apply(ev("order:created", "/orders", OrderCreated{o}));
    o.id = "o2";
    o.status = OrderStatus::Pending;
    queue.apply(ev("order:created", "/orders", OrderCreated{o}));
    counters.updateLoads(queue);
    const int r = counters.rowOf("Counter 2");
    QCOMPARE(counters.index(r, CounterModel::OpenColumn).data().toInt(), 2);
    QCOMPARE(counters.index(r, CounterModel::PreparingColumn).data().toInt(), 1);
}

void tst_CafeModels::inventoryAndAlerts()
{
    InventoryModel inventory;
    StockAlertModel alerts;
    QAbstractItemModelTester t1(&inventory, Fatal);
    QAbstractItemModelTester t2(&alerts, Fatal);
    inventory.setBatchInterval(0);
    alerts.setBatchInterval(0);
    StockItem milk{"ing-oat", "Oat Milk", "MILK002",          "l", 12, 10, 40,
                   {},        {},         {"Oat Milk Latte"}, {}};
    StockItem beans{"ing-esp", "Espresso Beans", "ESP001", "kg", 3, 5, 20, {}, {}, {"Latte"}, {}};
    inventory.resetItems({milk, beans});
    alerts.resetFromInventory({milk, beans});
    QCOMPARE(alerts.rowCount(), 1); // beans are under their reorder level

    StockUpdated sale;
    sale.productId = "ing-oat";
    sale.productName = "Oat Milk";
    sale.previousStock = 12;
    sale.newStock = 0;
    sale.changeType = "sale";
    inventory.apply(ev("inventory:stock_updated", "/inventory", sale));
    QCOMPARE(inventory.item("ing-oat")->stock, 0.0);
    QCOMPARE(inventory.index(inventory.rowOf("ing-oat"), 0).data(InventoryModel::StateRole).toInt(),
             2);

    OutOfStock out;
    out.productId = "ing-oat";
    out.productName = "Oat Milk";
    out.affects = {{"p-oat-latte", "Oat Milk Latte", true}};
    QSignalSpy raised(&alerts, &StockAlertModel::alertRaised);
    alerts.apply(ev("inventory:out_of_stock", "/inventory", out));
    inventory.apply(ev("inventory:out_of_stock", "/inventory", out));
    QCOMPARE(raised.size(), 1);
    QCOMPARE(alerts.rowCount(), 2);
    QCOMPARE(inventory.item("ing-oat")->disabledProducts, QStringList{"Oat Milk Latte"});

    // Restocked above the reorder level: the alert goes away, products are usable again.
    StockUpdated restock = sale;
    restock.previousStock = 0;
    restock.newStock = 30;
    restock.changeType = "purchase";
    alerts.apply(ev("inventory:stock_updated", "/inventory", restock));
    inventory.apply(ev("inventory:stock_updated", "/inventory", restock));
    QCOMPARE(alerts.rowCount(), 1);
    QVERIFY(inventory.item("ing-oat")->disabledProducts.isEmpty());
    QVERIFY(inventory.item("ing-oat")->lastRestocked.isValid());
}

void tst_CafeModels::alertRingsUntilAcknowledged()
{
    StockAlertModel alerts;
    QAbstractItemModelTester tester(&alerts, Fatal);
    alerts.setBatchInterval(0);
    QSignalSpy ringing(&alerts, &StockAlertModel::ringingChanged);
    LowStock low;
    low.productId = "ing-esp";
    low.productName = "Espresso Beans";
    low.currentStock = 8;
    low.reorderLevel = 10;
    low.priority = "medium";
    alerts.apply(ev("inventory:low_stock", "/inventory", low));
    QVERIFY(!alerts.isRinging()); // medium does not ring
    QCOMPARE(ringing.size(), 0);
    low.currentStock = 1;
    low.priority = "critical";
    alerts.apply(ev("inventory:low_stock", "/inventory", low));
    QVERIFY(alerts.isRinging());
    QCOMPARE(ringing.size(), 1);
    QCOMPARE(ringing[0][0].toBool(), true);
    alerts.acknowledge("ing-esp");
    QVERIFY(!alerts.isRinging());
    QCOMPARE(ringing.size(), 2);
    // The same level again does not ring again; running out does.
    alerts.apply(ev("inventory:low_stock", "/inventory", low));
    QVERIFY(!alerts.isRinging());
    OutOfStock out;
    out.productId = "ing-esp";
    out.productName = "Espresso Beans";
    alerts.apply(ev("inventory:out_of_stock", "/inventory", out));
    QVERIFY(alerts.isRinging());
}

void tst_CafeModels::alertAcknowledgedByTheHub()
{
    // Our hub names its alerts: a snapshot carries acknowledgements made before this console
    // started; an acknowledgement from any console silences the alert it names, not a newer one;
    // a worse alert or running out rings again.
    StockItem milk{"ing-milk", "Oat Milk", "MILK", "ml", 1, 20, 100, {}, t0, {}, {}, "critical"};
    milk.alertId = "alert-1";
    StockItem beans{"ing-esp", "Espresso Beans", "ESP", "g", 0, 20, 100, {}, t0, {},
                    {},        "critical"};
    beans.alertId = "alert-9";
    beans.alertAcknowledged = true;
    beans.alertAcknowledgedBy = "Anna";
    StockAlertModel alerts;
    QAbstractItemModelTester tester(&alerts, Fatal);
    alerts.setBatchInterval(0);
    alerts.resetFromInventory({milk, beans});
    QVERIFY(alerts.find("ing-esp")->acknowledged);
    QCOMPARE(alerts.find("ing-esp")->acknowledgedBy, QStringLiteral("Anna"));
    QVERIFY(!alerts.find("ing-milk")->acknowledged);
    QVERIFY(alerts.isRinging());
    QCOMPARE(alerts.alertId("ing-milk"), QStringLiteral("alert-1"));

    AlertAcknowledged ack;
    ack.productId = "ing-milk";
    ack.alertId = "alert-0"; // an older alert's
    ack.acknowledgedBy = {"u-2", "Bob", {}};
    QVERIFY(!alerts.apply(ev("inventory:alert_acknowledged", "/inventory", ack)));
    QVERIFY(alerts.isRinging());
    ack.alertId = "alert-1";
    QVERIFY(alerts.apply(ev("inventory:alert_acknowledged", "/inventory", ack)));
    QVERIFY(!alerts.isRinging());
    const int milkRow = alerts.rowOf("ing-milk");
    QCOMPARE(alerts.index(milkRow, StockAlertModel::AckColumn).data().toString(),
             QStringLiteral("Bob"));

    // Running out is a new alert (its id comes with the acknowledgement that follows it).
    OutOfStock out;
    out.productId = "ing-milk";
    out.productName = "Oat Milk";
    alerts.apply(ev("inventory:out_of_stock", "/inventory", out));
    QVERIFY(alerts.isRinging());
    QVERIFY(alerts.find("ing-milk")->acknowledgedBy.isEmpty());
    QVERIFY(alerts.alertId("ing-milk").isEmpty());
    // Acknowledged here while its command is on its way: a resync that does not have the
    // acknowledgement yet does not ring it again.
    alerts.acknowledge("ing-milk");
    milk.stock = 0;
    milk.alertId = "alert-2";
    alerts.resetFromInventory({milk, beans});
    QVERIFY(!alerts.isRinging());
    ack.alertId = "alert-2";
    QVERIFY(alerts.apply(ev("inventory:alert_acknowledged", "/inventory", ack)));
    QCOMPARE(alerts.find("ing-milk")->acknowledgedBy, QStringLiteral("Bob"));
    // A resync naming a newer alert than the one acknowledged rings.
    milk.alertId = "alert-3";
    alerts.resetFromInventory({milk, beans});
    QVERIFY(alerts.isRinging());
}

void tst_CafeModels::staffFromListAndUpdates()
{
    StaffModel staff;
    QAbstractItemModelTester tester(&staff, Fatal);
    staff.setBatchInterval(0);
    const QJsonObject eve = QJsonDocument::fromJson(R"({"user_id":"u1","employee_id":"EMP001",
        "name":"Eve","role":"employee","active":true,"hourly_rate":15.5,"drink_allowance":null,
        "created_at":"2026-11-26T08:00:00Z","updated_at":null,"updated_by":null,
        "last_sign_in_at":"2026-11-26T09:30:00Z"})")
                                .object();
    // An update before the list is loaded is no list.
    staff.apply(EventMapper::mapStaffMember(eve));
    QCOMPARE(staff.rowCount(), 0);
    QVERIFY(!staff.isLoaded());
    QJsonObject mia = eve;
    mia["user_id"] = "u2";
    mia["employee_id"] = "MGR001";
    mia["name"] = "<b>Mia</b>";
    mia["role"] = "manager";
    mia["drink_allowance"] = 5;
    mia["last_sign_in_at"] = QJsonValue();
    const QList<StaffMember> list = EventMapper::mapStaffList(
        QJsonObject{{"staff", QJsonArray{eve, mia, QJsonObject{{"name", "nobody"}}}}});
    QCOMPARE(list.size(), 2); // a row naming nobody is left out
    staff.resetStaff(list);
    QVERIFY(staff.isLoaded());
    QCOMPARE(staff.rowCount(), 2);
    const auto cell = [&staff](const QString &id, int column) {
        return staff.index(staff.rowOf(id), column).data().toString();
    };
    QCOMPARE(cell("u1", StaffModel::HourlyRateColumn), QStringLiteral("15.50"));
    QCOMPARE(cell("u1", StaffModel::DrinkAllowanceColumn), QStringLiteral("cafe default"));
    QCOMPARE(cell("u2", StaffModel::DrinkAllowanceColumn), QStringLiteral("5"));
    QCOMPARE(cell("u2", StaffModel::NameColumn), QStringLiteral("<b>Mia</b>"));
    QCOMPARE(cell("u2", StaffModel::RoleColumn), QStringLiteral("Manager"));
    QCOMPARE(cell("u2", StaffModel::LastSignInColumn), QStringLiteral("never"));
    QCOMPARE(cell("u1", StaffModel::LastSignInColumn),
             QDateTime(QDate(2026, 11, 26), QTime(9, 30), Qt::UTC)
                 .toLocalTime()
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    // staff:updated: disabled, a new rate; the sign-in time it carries may be older than ours.
    QJsonObject update = eve;
    update["active"] = false;
    update["hourly_rate"] = 16;
    update["last_sign_in_at"] = "2026-11-26T08:15:00Z";
    QSignalSpy flushed(&staff, &BatchedTableModel::flushed);
    staff.apply(EventMapper::mapStaffMember(update));
    staff.flush();
    QVERIFY(!flushed.isEmpty());
    QCOMPARE(cell("u1", StaffModel::StatusColumn), QStringLiteral("Disabled"));
    QCOMPARE(cell("u1", StaffModel::HourlyRateColumn), QStringLiteral("16.00"));
    QCOMPARE(staff.member("u1")->lastSignInAt,
             QDateTime(QDate(2026, 11, 26), QTime(9, 30), Qt::UTC));
    QCOMPARE(staff.index(staff.rowOf("u1"), 0).data(StaffModel::ActiveRole).toBool(), false);
    // Someone new is added as a row.
    QJsonObject ned = eve;
    ned["user_id"] = "u3";
    ned["name"] = "Ned";
    staff.apply(EventMapper::mapStaffMember(ned));
    staff.flush();
    QCOMPARE(staff.rowCount(), 3);
    staff.clear();
    QCOMPARE(staff.rowCount(), 0);
    QVERIFY(!staff.isLoaded());
}

void tst_CafeModels::timesheets()
{
    TimesheetModel sheets;
    QAbstractItemModelTester tester(&sheets, Fatal);
    sheets.setBatchInterval(0);
    QDateTime now = t0.addSecs(3600);
    sheets.setClock([&now] { return now; });
    ClockedIn in{"u1", "EMP001", "John Doe", "ts1", t0, t0.date(), "morning"};
    sheets.apply(ev("employee:clocked_in", "/employees", in));
    QCOMPARE(sheets.clockedInCount(), 1);
    QCOMPARE(sheets.index(0, TimesheetModel::HoursColumn).data().toString(),
             QStringLiteral("1.00"));
    ClockedOut out;
    out.userId = "u1";
    out.employeeId = "EMP001";
    out.employeeName = "John Doe";
    out.totalHours = 8.5;
    out.hourlyRate = 1500;
    out.totalPay = 12750;
    out.breakMinutes = 30;
    sheets.apply(ev("employee:clocked_out", "/employees", out));
    QCOMPARE(sheets.clockedInCount(), 0);
    QCOMPARE(sheets.index(0, TimesheetModel::PayColumn).data().toString(),
             QStringLiteral("127.50"));
    DrinkConsumed drink;
    drink.userId = "u1";
    drink.monthlyCount = 8;
    drink.monthlyLimit = 20;
    sheets.apply(ev("employee:drink_consumed", "/employees", drink));
    QCOMPARE(sheets.index(0, TimesheetModel::DrinksColumn).data().toString(),
             QStringLiteral("8 / 20"));
}

void tst_CafeModels::payments()
{
    PaymentModel payments;
    QAbstractItemModelTester tester(&payments, Fatal);
    payments.setBatchInterval(0);
    QDateTime now = t0;
    payments.setClock([&now] { return now; });
    payments.setOrderNumberLookup(
        [](const QString &id) { return id == "o1" ? QStringLiteral("ORD1") : QString(); });

    QrGenerated qr{"o1", "qr_1", "payment://x/pay?id=o1&amount=14.10", 1410, t0.addSecs(300)};
    payments.apply(ev("qr:generated", "/payments", qr));
    QVERIFY(payments.latestOpenQr());
    QCOMPARE(payments.index(0, PaymentModel::OrderColumn).data().toString(),
             QStringLiteral("ORD1"));
    QCOMPARE(payments.index(0, PaymentModel::DetailColumn).data().toString(),
             QStringLiteral("expires in 5:00"));
    now = t0.addSecs(301);
    QVERIFY(!payments.latestOpenQr());
    QCOMPARE(payments.index(0, PaymentModel::DetailColumn).data().toString(),
             QStringLiteral("expired"));

    PaymentCompleted done;
    done.orderId = "o1";
    done.transactionId = "txn_1";
    done.method = "qr";
    done.amount = 1410;
    payments.apply(ev("payment:completed", "/payments", done));
    QCOMPARE(payments.rowCount(), 1); // the QR row was settled by the transaction
    QCOMPARE(payments.payment("txn_1")->status, QStringLiteral("completed"));

    PaymentFailed failed;
    failed.orderId = "o2";
    failed.transactionId = "txn_2";
    failed.method = "card";
    failed.errorMessage = "Card declined due to insufficient funds";
    failed.retryAllowed = true;
    payments.apply(ev("payment:failed", "/payments", failed));
    const int r = payments.rowOf("txn_2");
    QCOMPARE(payments.index(r, PaymentModel::DetailColumn).data().toString(),
             QStringLiteral("Card declined due to insufficient funds"));
    QVERIFY(payments.index(r, 0).data(PaymentModel::RetryAllowedRole).toBool());

    OrderCancelled cancel;
    cancel.orderId = "o1";
    cancel.refundProcessed = true;
    payments.apply(ev("order:cancelled", "/orders", cancel));
    QCOMPARE(payments.payment("txn_1")->status, QStringLiteral("refunded"));
}

void tst_CafeModels::dashboard()
{
    DashboardModel dash;
    QAbstractItemModelTester tester(&dash, Fatal);
    Order o;
    o.id = "o1";
    o.createdAt = t0.addSecs(60);
    dash.apply(ev("order:created", "/orders", OrderCreated{o}));
    o.id = "o2";
    o.createdAt = t0.addSecs(40 * 60); // two buckets later
    dash.apply(ev("order:created", "/orders", OrderCreated{o}));
    dash.apply(ev("order:created", "/orders", OrderCreated{o})); // duplicate: counted once
    QCOMPARE(dash.rowCount(), 3);                                // 08:00, 08:15 (quiet), 08:30
    QCOMPARE(dash.index(0, DashboardModel::OrdersColumn).data().toInt(), 1);
    QCOMPARE(dash.index(1, DashboardModel::OrdersColumn).data().toInt(), 0);
    QCOMPARE(dash.index(2, DashboardModel::OrdersColumn).data().toInt(), 1);
    OrderReady ready;
    ready.orderId = "o1";
    ready.readyAt = t0.addSecs(9 * 60);
    ready.prepTimeMinutes = 8;
    dash.apply(ev("order:ready", "/orders", ready));
    QCOMPARE(dash.averagePrepMinutes(), 8.0);
    PaymentCompleted pay;
    pay.transactionId = "t1";
    pay.amount = 1410;
    pay.completedAt = t0.addSecs(10 * 60);
    dash.apply(ev("payment:completed", "/payments", pay));
    dash.apply(ev("payment:completed", "/payments", pay));
    QCOMPARE(dash.totalRevenue(), Cents(1410));
    QCOMPARE(
        dash.index(0, DashboardModel::RevenueColumn).data(DashboardModel::ValueRole).toDouble(),
        14.10);
    // An order earlier than the first bucket extends the series backwards.
    o.id = "o0";
    o.createdAt = t0.addSecs(-20 * 60);
    dash.apply(ev("order:created", "/orders", OrderCreated{o}));
    QCOMPARE(dash.rowCount(), 5);
    QCOMPARE(dash.totalOrders(), 3);
}

void tst_CafeModels::dashboardFromTheDaysFigures()
{
    // The hub's figures for the whole day, then live events on top: the snapshot's own orders
    // do not count twice, new ones do; finished and cancelled follow the status events.
    DashboardModel dash;
    QAbstractItemModelTester tester(&dash, Fatal);
    DayFigures day;
    day.orders = 600;
    day.finished = 550;
    day.cancelled = 30;
    day.buckets = {{t0, 400, 200000, 390, 1950}, {t0.addSecs(30 * 60), 200, 100000, 190, 760}};
    Order open;
    open.id = "snap";
    open.status = OrderStatus::Ready;
    open.createdAt = t0.addSecs(31 * 60);
    open.readyAt = t0.addSecs(35 * 60);
    dash.resetFromDay(day, {open});
    QCOMPARE(dash.rowCount(), 3); // 08:00, 08:15 (quiet), 08:30
    QCOMPARE(dash.totalOrders(), 600);
    QCOMPARE(dash.totalRevenue(), Cents(300000));
    QCOMPARE(dash.averagePrepMinutes(), (1950.0 + 760.0) / 580);
    QCOMPARE(dash.index(2, DashboardModel::OrdersColumn).data().toInt(), 200);
    QCOMPARE(dash.finishedToday(), 550);
    QCOMPARE(dash.cancelledToday(), 30);
    // Re-sent events of the snapshot's order change nothing.
    QVERIFY(!dash.apply(ev("order:created", "/orders", OrderCreated{open})));
    OrderReady ready;
    ready.orderId = "snap";
    ready.readyAt = open.readyAt;
    ready.prepTimeMinutes = 4;
    QVERIFY(!dash.apply(ev("order:ready", "/orders", ready)));
    QCOMPARE(dash.totalOrders(), 600);
    // A new order counts; its completion and a recall of it move "finished".
    Order fresh;
    fresh.id = "new";
    fresh.createdAt = t0.addSecs(40 * 60);
    QVERIFY(dash.apply(ev("order:created", "/orders", OrderCreated{fresh})));
    QCOMPARE(dash.totalOrders(), 601);
    OrderStatusChanged done;
    done.orderId = "snap";
    done.previousStatus = OrderStatus::Ready;
    done.newStatus = OrderStatus::Completed;
    dash.apply(ev("order:status_changed", "/orders", done));
    QCOMPARE(dash.finishedToday(), 551);
    std::swap(done.previousStatus, done.newStatus);
    dash.apply(ev("order:status_changed", "/orders", done));
    QCOMPARE(dash.finishedToday(), 550);
    OrderCancelled cancel;
    cancel.orderId = "new";
    dash.apply(ev("order:cancelled", "/orders", cancel));
    dash.apply(ev("order:cancelled", "/orders", cancel));
    QCOMPARE(dash.cancelledToday(), 31);
}

void tst_CafeModels::eventLogCapAndFilter()
{
    EventLogModel log;
    QAbstractItemModelTester tester(&log, Fatal);
    log.setCapacity(100);
    EventLogFilterModel filter;
    filter.setSourceModel(&log);
    QAbstractItemModelTester tester2(&filter, Fatal);
    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 250; ++i) {
        CafeEvent e = ev("order:ready", i % 2 ? "/orders" : "/inventory", OrderReady{});
        e.summary = QStringLiteral("event %1").arg(i);
        log.append(e, t0.addSecs(i));
    }
    log.flush();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(log.rowCount(), 100);
    QCOMPARE(log.totalReceived(), 250);
    QCOMPARE(log.index(99, EventLogModel::SummaryColumn).data().toString(),
             QStringLiteral("event 249"));
    filter.setNamespace("/orders");
    QCOMPARE(filter.rowCount(), 50);
    filter.setText("event 24");
    QCOMPARE(filter.rowCount(), 5); // 241, 243, 245, 247, 249
}

void tst_CafeModels::outbox()
{
    OutboxModel outbox;
    QAbstractItemModelTester tester(&outbox, Fatal);
    OutboxEntry e;
    e.requestId = "r1";
    e.description = "ORD1 → preparing";
    e.command = "update_order_status";
    outbox.add(e);
    e.requestId = "r2";
    outbox.add(e);
    QCOMPARE(outbox.pendingCount(), 2);
    outbox.setState("r1", OutboxEntry::State::Done);
    outbox.setState("r2", OutboxEntry::State::Refused, "Only managers can cancel orders",
                    "PERMISSION_DENIED");
    QCOMPARE(outbox.pendingCount(), 0);
    QCOMPARE(outbox.index(outbox.rowOf("r2"), OutboxModel::StateColumn).data().toString(),
             QStringLiteral("refused"));
    QCOMPARE(outbox.entry("r2")->errorType, QStringLiteral("PERMISSION_DENIED"));
}

QTEST_MAIN(tst_CafeModels)
#include "tst_cafemodels.moc"
