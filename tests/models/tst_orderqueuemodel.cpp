// The order queue model and its filter: batching, event application, ages, filters, all-day
// counts; always under QAbstractItemModelTester.
#include "alldaymodel.h"
#include "orderfiltermodel.h"
#include "orderqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {

const QDateTime t0(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);

Order makeOrder(int n, const QString &counter = "Counter 1",
                OrderStatus status = OrderStatus::Pending)
{
    Order o;
    o.id = QStringLiteral("o%1").arg(n);
    o.number = QStringLiteral("ORD20261126%1").arg(n, 3, 10, QLatin1Char('0'));
    o.customerName = QStringLiteral("Customer %1").arg(n);
    o.status = status;
    o.counter = counter;
    o.createdAt = t0.addSecs(n);
    o.items = {OrderItem{"i1", "p1", "Latte", 2, 550, 1100, {"Oat milk"}},
               OrderItem{"i2", "p2", "Croissant", 1, 300, 300, {}}};
    o.total = 1400;
    return o;
}

CafeEvent created(const Order &o)
{
    return CafeEvent{"order:created", "/orders", {o.createdAt, "c", "e"}, OrderCreated{o}, {}};
}

CafeEvent statusChanged(const QString &id, OrderStatus from, OrderStatus to, const QDateTime &at)
{
    OrderStatusChanged p;
    p.orderId = id;
    p.previousStatus = from;
    p.newStatus = to;
    return CafeEvent{"order:status_changed", "/orders", {at, "c", "e"}, p, {}};
}

} // namespace

class tst_OrderQueueModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstIsOneInsert();
    void readModifyWriteBeforeFlush();
    void statusCancelReassign();
    void itemCheckedTicksOneRow();
    void unknownOrderIgnored();
    void agesAndLevels();
    void snapshotReset();
    void filterByCounterAndScope();
    void allDayCounts();
    void stockWarnings();
    void trimKeepsOpenOrders();
};

void tst_OrderQueueModel::burstIsOneInsert()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(50);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 500; ++i)
        model.apply(created(makeOrder(i)));
    QCOMPARE(model.rowCount(), 0); // nothing applied before the frame
    QTRY_COMPARE(model.rowCount(), 500);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(inserted[0][2].toInt(), 499);
    // A burst of 500 status changes lands as one dataChanged.
    changed.clear();
    for (int i = 0; i < 500; ++i)
        model.apply(statusChanged(QStringLiteral("o%1").arg(i), OrderStatus::Pending,
                                  OrderStatus::Preparing, t0));
    model.flush();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, OrderQueueModel::StatusColumn).data().toString(),
             QStringLiteral("preparing"));
}

void tst_OrderQueueModel::readModifyWriteBeforeFlush()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(1000);
    model.apply(created(makeOrder(1)));
    model.apply(statusChanged("o1", OrderStatus::Pending, OrderStatus::Preparing, t0.addSecs(60)));
    model.apply(statusChanged("o1", OrderStatus::Preparing, OrderStatus::Ready, t0.addSecs(120)));
    QCOMPARE(model.order("o1")->status, OrderStatus::Ready);
    QCOMPARE(model.order("o1")->history.size(), 2);
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, OrderQueueModel::StatusColumn).data().toString(),
             QStringLiteral("ready"));
}

void tst_OrderQueueModel::itemCheckedTicksOneRow()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(0);
    model.apply(created(makeOrder(1)));
    model.apply(created(makeOrder(2)));
    model.setPendingAction("o2", "o2: Latte made");
    QCOMPARE(model.index(1, 0).data(OrderQueueModel::ItemsMadeRole).toInt(), 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    OrderItemChecked check;
    check.orderId = "o2";
    check.itemId = "i1";
    check.made = true;
    check.itemsMade = {"i1"};
    QVERIFY(model.apply(CafeEvent{"order:item_checked", "/orders", {t0, "c", "e"}, check, {}}));
    model.flush();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), 1); // that row only
    QCOMPARE(changed[0][1].toModelIndex().row(), 1);
    QVERIFY(model.order("o2")->items[0].made);
    QVERIFY(!model.order("o2")->items[1].made);
    QVERIFY(!model.order("o1")->items[0].made);
    QCOMPARE(model.index(1, 0).data(OrderQueueModel::ItemsMadeRole).toInt(), 1);
    QVERIFY(model.index(1, 0).data(OrderQueueModel::PendingActionRole).toString().isEmpty());

    // items_made is the whole state: an untick, and a list naming both, are applied as sent.
    check.made = false;
    check.itemsMade = {};
    QVERIFY(model.apply(CafeEvent{"order:item_checked", "/orders", {t0, "c", "e"}, check, {}}));
    QVERIFY(!model.order("o2")->items[0].made);
    check.made = true;
    check.itemId = "i2";
    check.itemsMade = {"i2", "i1", "not-an-item"};
    QVERIFY(model.apply(CafeEvent{"order:item_checked", "/orders", {t0, "c", "e"}, check, {}}));
    QCOMPARE(model.index(1, 0).data(OrderQueueModel::ItemsMadeRole).toInt(), 2);
    // The same state again changes nothing; an order this console does not hold is ignored.
    QVERIFY(!model.apply(CafeEvent{"order:item_checked", "/orders", {t0, "c", "e"}, check, {}}));
    check.orderId = "o9";
    QVERIFY(!model.apply(CafeEvent{"order:item_checked", "/orders", {t0, "c", "e"}, check, {}}));
    QCOMPARE(model.rowCount(), 2);
}

void tst_OrderQueueModel::statusCancelReassign()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(0);
    model.apply(created(makeOrder(1)));
    model.apply(created(makeOrder(2)));

    OrderAssignedCounter move;
    move.orderId = "o2";
    move.previousCounter = "Counter 1";
    move.newCounter = "Counter 2";
    QVERIFY(model.apply(CafeEvent{"order:assigned_counter", "/orders", {t0, "c", "e"}, move, {}}));
    QCOMPARE(model.order("o2")->counter, QStringLiteral("Counter 2"));

    OrderCancelled cancel;
    cancel.orderId = "o1";
    cancel.reason = "Customer left";
    cancel.refundProcessed = true;
    cancel.refundAmount = 1400;
    cancel.cancelledAt = t0.addSecs(300);
    QVERIFY(model.apply(CafeEvent{"order:cancelled", "/orders", {t0, "c", "e"}, cancel, {}}));
    const Order *o1 = model.order("o1");
    QCOMPARE(o1->status, OrderStatus::Cancelled);
    QCOMPARE(o1->cancelReason, QStringLiteral("Customer left"));
    QCOMPARE(o1->paymentStatus, QStringLiteral("refunded"));
    QCOMPARE(model.openCount(), 1);
    const int r = model.rowOf("o1");
    QCOMPARE(model.index(r, 0).data(OrderQueueModel::IsOpenRole).toBool(), false);
    QCOMPARE(model.index(r, 0).data(OrderQueueModel::AgeLevelRole).toInt(), 0);
}

void tst_OrderQueueModel::unknownOrderIgnored()
{
    OrderQueueModel model;
    model.setBatchInterval(0);
    QVERIFY(!model.apply(statusChanged("nope", OrderStatus::Pending, OrderStatus::Ready, t0)));
    QCOMPARE(model.rowCount(), 0);
}

void tst_OrderQueueModel::agesAndLevels()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(0);
    QDateTime now = t0;
    model.setClock([&now] { return now; });
    model.setAgeThresholds(60, 120);
    Order o = makeOrder(0);
    o.createdAt = t0;
    model.apply(created(o));
    const QModelIndex idx = model.index(0, OrderQueueModel::AgeColumn);
    QCOMPARE(idx.data(OrderQueueModel::AgeLevelRole).toInt(), 0);
    QCOMPARE(idx.data().toString(), QStringLiteral("0:00"));
    now = t0.addSecs(61);
    QCOMPARE(idx.data(OrderQueueModel::AgeLevelRole).toInt(), 1);
    QCOMPARE(idx.data().toString(), QStringLiteral("1:01"));
    now = t0.addSecs(3700);
    QCOMPARE(idx.data(OrderQueueModel::AgeLevelRole).toInt(), 2);
    QCOMPARE(idx.data().toString(), QStringLiteral("1 h 01"));
    // The model ticks ages by itself.
    QSignalSpy ticked(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(ticked.wait(2500));
}

void tst_OrderQueueModel::snapshotReset()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(1000);
    model.apply(created(makeOrder(99))); // pending, dropped by the snapshot
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.resetOrders({makeOrder(1), makeOrder(2), makeOrder(1)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.order("o99"));
    model.flush();
    QCOMPARE(model.rowCount(), 2);
}

void tst_OrderQueueModel::filterByCounterAndScope()
{
    OrderQueueModel model;
    model.setBatchInterval(0);
    OrderFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.apply(created(makeOrder(1, "Counter 1")));
    model.apply(created(makeOrder(2, "Counter 2")));
    model.apply(created(makeOrder(3, "Counter 2", OrderStatus::Completed)));
    QCOMPARE(filter.rowCount(), 2); // open only by default
    filter.setCounter("Counter 2");
    QCOMPARE(filter.rowCount(), 1);
    filter.setScope(OrderFilterModel::Scope::All);
    QCOMPARE(filter.rowCount(), 2);
    filter.setScope(OrderFilterModel::Scope::Closed);
    QCOMPARE(filter.rowCount(), 1);
    filter.setCounter({});
    filter.setScope(OrderFilterModel::Scope::Open);
    // Oldest first: order 1 was created before order 2.
    QCOMPARE(filter.index(0, 0).data(OrderQueueModel::OrderIdRole).toString(),
             QStringLiteral("o1"));
    filter.setSearchText("customer 2");
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data(OrderQueueModel::OrderIdRole).toString(),
             QStringLiteral("o2"));
    // A status change that closes an order removes it from the open view.
    filter.setSearchText({});
    model.apply(statusChanged("o1", OrderStatus::Pending, OrderStatus::Completed, t0));
    QCOMPARE(filter.rowCount(), 1);
}

void tst_OrderQueueModel::allDayCounts()
{
    OrderQueueModel model;
    model.setBatchInterval(0);
    AllDayModel allDay;
    allDay.setBatchInterval(0);
    QAbstractItemModelTester tester(&allDay,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.apply(created(makeOrder(1)));
    model.apply(created(makeOrder(2, "Counter 2")));
    model.apply(created(makeOrder(3, "Counter 1", OrderStatus::Ready)));
    allDay.recount(model);
    QCOMPARE(allDay.waiting("Latte"), 4);
    QCOMPARE(allDay.waiting("Croissant"), 2);
    allDay.recount(model, "Counter 2");
    QCOMPARE(allDay.waiting("Latte"), 2);
    model.apply(statusChanged("o2", OrderStatus::Pending, OrderStatus::Ready, t0));
    allDay.recount(model, "Counter 2");
    QCOMPARE(allDay.rowCount(), 0);
}

void tst_OrderQueueModel::stockWarnings()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(0);
    model.apply(created(makeOrder(1)));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setStockWarnings({{"Latte", "Oat Milk low: 5 left"}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, 0).data(OrderQueueModel::StockWarningRole).toString(),
             QStringLiteral("Oat Milk low: 5 left"));
    model.setStockWarnings({{"Latte", "Oat Milk low: 5 left"}}); // unchanged: no signal
    QCOMPARE(changed.size(), 1);
}

void tst_OrderQueueModel::trimKeepsOpenOrders()
{
    OrderQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatchInterval(0);
    model.setRecentLimit(10);
    for (int i = 0; i < 40; ++i)
        model.apply(created(
            makeOrder(i, "Counter 1", i < 5 ? OrderStatus::Pending : OrderStatus::Completed)));
    QCOMPARE(model.rowCount(), 40);
    // The age tick trims closed orders beyond the limit (within about a second).
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 15, 3000);
    QCOMPARE(model.openCount(), 5);
}

QTEST_MAIN(tst_OrderQueueModel)
#include "tst_orderqueuemodel.moc"
