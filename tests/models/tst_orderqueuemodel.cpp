// The order queue model and its filter: batching, event application, ages, filters, all-day
// counts; always under QAbstractItemModelTester.
#include "alldaymodel.h"
#include "orderfiltermodel.h"
#include "orderqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

// A filter or sort change over a long history lands over several event-loop passes.
#define SETTLE(filter) QTRY_VERIFY_WITH_TIMEOUT(!(filter).isRefreshing(), 30000)

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
    void largeHistoryFilterAndSort();
    void liveChangesWhileRefreshing();
    void headerClickSortsBothWays();
    void tickAnnouncesOnlyMovingAges();
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

namespace {

// A history of `n` orders over 14 days: several items each, every status, four counters,
// proxies, totals from the items.
QList<Order> history(int n, const QDateTime &end)
{
    static const char *products[] = {"Latte",     "Oat Milk Latte", "Cappuccino", "Flat White",
                                     "Americano", "Mocha",          "Chai Latte", "Croissant"};
    static const OrderStatus statuses[]
        = {OrderStatus::Completed, OrderStatus::Completed, OrderStatus::Cancelled,
           OrderStatus::Completed, OrderStatus::Pending,   OrderStatus::Preparing,
           OrderStatus::Ready};
    const qint64 span = 14 * 24 * 3600;
    QList<Order> out;
    for (int i = 0; i < n; ++i) {
        Order o;
        o.id = QStringLiteral("h%1").arg(i);
        o.number = QStringLiteral("ORD%1").arg(i, 6, 10, QLatin1Char('0'));
        o.customerName = QStringLiteral("Guest %1").arg((i * 7919) % 30011);
        o.status = i >= n - 200 ? statuses[i % 7] : statuses[i % 4];
        o.counter = QStringLiteral("Counter %1").arg(1 + i % 4);
        o.createdAt = end.addSecs(-span + span * i / n);
        if (!isOpenStatus(o.status))
            o.closedAt = o.createdAt.addSecs(60 + (i * 37) % 900);
        if (i % 11 == 0) {
            o.isProxy = true;
            o.orderedFor = PersonRef{"u", QStringLiteral("Staff %1").arg(i % 5), "employee"};
        }
        for (int k = 0; k < 1 + i % 4; ++k) {
            const int q = 1 + (i + k) % 3;
            const Cents unit = 250 + 25 * ((i + k) % 13);
            QStringList custom;
            if ((i + k) % 3 == 0)
                custom << "Oat milk";
            if ((i + k) % 5 == 0)
                custom << "Extra shot";
            o.items << OrderItem{QStringLiteral("i%1").arg(k),
                                 "p",
                                 QString::fromLatin1(products[(i + k) % 8]),
                                 q,
                                 unit,
                                 q * unit,
                                 custom};
            o.total += q * unit;
        }
        out << o;
    }
    return out;
}

// What the queue's search means: any column's text contains the needle (case-insensitive).
QStringList expectedIds(const OrderQueueModel &model, const QString &needle,
                        OrderFilterModel::Scope scope, const QString &counter)
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex idx = model.index(r, 0);
        const bool open = idx.data(OrderQueueModel::IsOpenRole).toBool();
        if ((scope == OrderFilterModel::Scope::Open && !open)
            || (scope == OrderFilterModel::Scope::Closed && open))
            continue;
        if (!counter.isEmpty() && idx.data(OrderQueueModel::CounterRole).toString() != counter)
            continue;
        bool hit = needle.isEmpty();
        for (int c = 0; c < OrderQueueModel::ColumnCount && !hit; ++c)
            hit = model.index(r, c).data().toString().contains(needle, Qt::CaseInsensitive);
        if (hit)
            ids << idx.data(OrderQueueModel::OrderIdRole).toString();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The first row whose number in `role` is out of `order` against the row above; -1 when none.
int firstOutOfOrder(const OrderFilterModel &filter, int role, Qt::SortOrder order)
{
    for (int r = 1; r < filter.rowCount(); ++r) {
        const qint64 above = filter.index(r - 1, 0).data(role).toLongLong();
        const qint64 here = filter.index(r, 0).data(role).toLongLong();
        if (order == Qt::AscendingOrder ? above > here : above < here)
            return r;
    }
    return -1;
}

QStringList shownIds(const OrderFilterModel &filter)
{
    QStringList ids;
    for (int r = 0; r < filter.rowCount(); ++r)
        ids << filter.index(r, 0).data(OrderQueueModel::OrderIdRole).toString();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

void tst_OrderQueueModel::largeHistoryFilterAndSort()
{
    // 20,000 orders in the real model behind the real proxy: what the search, the scope and the
    // counter filters show is exactly what the columns' texts say, and the sorts order the rows.
    const QDateTime now = t0.addDays(14);
    OrderQueueModel model;
    model.setClock([now] { return now; });
    model.setRecentLimit(20000);
    model.setBatchInterval(0);
    model.resetOrders(history(20000, now));
    OrderFilterModel filter;
    filter.setSourceModel(&model);
    filter.setScope(OrderFilterModel::Scope::All);
    SETTLE(filter);
    QCOMPARE(filter.rowCount(), 20000);

    // Typed a character at a time, then field-spanning searches the columns build.
    const QStringList needles{"g",         "gu",          "guest 1",   "guest 17",   "GUEST 1733",
                              "mocha",     "ord0123",     "counter 3", "cancelled",  "2× latte",
                              "(oat milk", "milk, extra", "staff 2",   "(for staff", "12.75",
                              "zzz",       "5:0"};
    for (const QString &needle : needles) {
        filter.setSearchText(needle);
        SETTLE(filter);
        const QStringList expected
            = expectedIds(model, needle, OrderFilterModel::Scope::All, QString());
        QCOMPARE(shownIds(filter), expected);
        QCOMPARE(expected.isEmpty(), needle == u"zzz");
    }
    filter.setSearchText("guest 17");
    SETTLE(filter);
    const int guests = filter.rowCount();
    QVERIFY(guests > 0 && guests < 20000);
    for (const auto scope : {OrderFilterModel::Scope::Open, OrderFilterModel::Scope::Closed,
                             OrderFilterModel::Scope::All}) {
        for (const QString &counter : {QString(), QStringLiteral("Counter 2")}) {
            filter.setScope(scope);
            filter.setCounter(counter);
            SETTLE(filter);
            QCOMPARE(shownIds(filter), expectedIds(model, "guest 17", scope, counter));
        }
    }
    filter.setCounter({});
    filter.setSearchText({});
    SETTLE(filter);
    QCOMPARE(filter.rowCount(), 20000);

    // Sorts: by total, by number, by customer, and back to the oldest first.
    filter.sort(OrderQueueModel::TotalColumn, Qt::AscendingOrder);
    SETTLE(filter);
    for (int r = 1; r < filter.rowCount(); ++r)
        QVERIFY(
            model.order(filter.index(r - 1, 0).data(OrderQueueModel::OrderIdRole).toString())->total
            <= model.order(filter.index(r, 0).data(OrderQueueModel::OrderIdRole).toString())
                   ->total);
    filter.sort(OrderQueueModel::NumberColumn, Qt::DescendingOrder);
    SETTLE(filter);
    QCOMPARE(filter.index(0, OrderQueueModel::NumberColumn).data().toString(),
             QStringLiteral("ORD019999"));
    QCOMPARE(filter.index(19999, OrderQueueModel::NumberColumn).data().toString(),
             QStringLiteral("ORD000000"));
    filter.sort(OrderQueueModel::CustomerColumn, Qt::AscendingOrder);
    SETTLE(filter);
    for (int r = 1; r < filter.rowCount(); ++r)
        QVERIFY(filter.index(r - 1, OrderQueueModel::CustomerColumn)
                    .data()
                    .toString()
                    .compare(filter.index(r, OrderQueueModel::CustomerColumn).data().toString(),
                             Qt::CaseInsensitive)
                <= 0);
    filter.sort(OrderQueueModel::AgeColumn, Qt::DescendingOrder);
    SETTLE(filter);
    QCOMPARE(firstOutOfOrder(filter, OrderQueueModel::AgeSecondsRole, Qt::DescendingOrder), -1);
    // A search on the sorted history keeps the sort.
    filter.setSearchText("latte");
    SETTLE(filter);
    QCOMPARE(shownIds(filter), expectedIds(model, "latte", OrderFilterModel::Scope::All, {}));
    QCOMPARE(firstOutOfOrder(filter, OrderQueueModel::AgeSecondsRole, Qt::DescendingOrder), -1);
}

void tst_OrderQueueModel::liveChangesWhileRefreshing()
{
    // A filter or sort change over a long history is worked out over several loop passes
    // (here the least work per pass, so every change below lands mid-way). Orders that arrive,
    // change, leave or close meanwhile end up where they belong, and the rows shown in between
    // are always a consistent model. 2,000 orders sliced from 500 on: the model tester walks
    // every row after every change.
    const QDateTime now = t0.addDays(14);
    OrderQueueModel model;
    model.setClock([now] { return now; });
    model.setRecentLimit(2000);
    model.setBatchInterval(0);
    model.resetOrders(history(2000, now));
    OrderFilterModel filter;
    filter.setSlicing(500, 0);
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int openRows = filter.rowCount();
    QVERIFY(openRows > 0 && openRows < 500);
    QSignalSpy refreshed(&filter, &OrderFilterModel::refreshed);

    // All today: the open rows stay shown (and live) until the whole history lands.
    filter.setScope(OrderFilterModel::Scope::All);
    QVERIFY(filter.isRefreshing());
    QCOMPARE(filter.rowCount(), openRows);
    Order fresh = history(1, now).constFirst();
    fresh.id = "new1";
    fresh.number = "ORD900001";
    fresh.customerName = "Guest 17 fresh";
    fresh.status = OrderStatus::Pending;
    fresh.closedAt = {};
    fresh.createdAt = now.addSecs(-30);
    model.apply(created(fresh));
    QCOMPARE(filter.rowCount(), openRows + 1); // shown at once in the open rows
    int openRow = 1999;
    while (!isOpenStatus(model.rowAt(openRow).status))
        --openRow;
    model.apply(statusChanged(model.rowAt(openRow).id, model.rowAt(openRow).status,
                              OrderStatus::Completed, now.addSecs(-5)));
    QCOMPARE(filter.rowCount(), openRows); // closed: gone from the open rows at once
    QVERIFY(filter.isRefreshing());
    SETTLE(filter);
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(filter.rowCount(), 2001);
    QCOMPARE(shownIds(filter), expectedIds(model, {}, OrderFilterModel::Scope::All, {}));
    QCOMPARE(firstOutOfOrder(filter, OrderQueueModel::AgeSecondsRole, Qt::DescendingOrder), -1);

    // Sorted by status while statuses change under the sort.
    filter.sort(OrderQueueModel::StatusColumn, Qt::AscendingOrder);
    QVERIFY(filter.isRefreshing());
    for (int i = 1800; i < 1990; i += 7) {
        const Order &o = model.rowAt(i);
        if (isOpenStatus(o.status))
            model.apply(statusChanged(o.id, o.status, OrderStatus::Cancelled, now));
        QCoreApplication::processEvents(); // a slice of the sort between changes
    }
    SETTLE(filter);
    QCOMPARE(filter.rowCount(), 2001);
    QCOMPARE(firstOutOfOrder(filter, OrderQueueModel::StatusRole, Qt::AscendingOrder), -1);

    // A search typed a key at a time (each narrowing the last) while an order arrives and one
    // leaves the model.
    for (const QString &needle : QStringList{"g", "gu", "guest", "guest 1", "guest 17"}) {
        filter.setSearchText(needle);
        QCoreApplication::processEvents();
    }
    fresh.id = "new2";
    fresh.number = "ORD900002";
    fresh.customerName = "Guest 1799";
    model.apply(created(fresh));
    model.remove(model.rowAt(5).id);
    model.flush();
    SETTLE(filter);
    QCOMPARE(shownIds(filter), expectedIds(model, "guest 17", OrderFilterModel::Scope::All, {}));
    QVERIFY(shownIds(filter).contains("new2"));
    QCOMPARE(firstOutOfOrder(filter, OrderQueueModel::StatusRole, Qt::AscendingOrder), -1);

    // Broadened again, then a new snapshot of the whole history mid-way.
    filter.setSearchText({});
    QVERIFY(filter.isRefreshing());
    model.resetOrders(history(2000, now));
    SETTLE(filter);
    QCOMPARE(shownIds(filter), expectedIds(model, {}, OrderFilterModel::Scope::All, {}));
    // Undone before it landed: nothing changes.
    filter.setScope(OrderFilterModel::Scope::Open);
    QVERIFY(filter.isRefreshing());
    filter.setScope(OrderFilterModel::Scope::All);
    QVERIFY(!filter.isRefreshing());
    QCOMPARE(filter.rowCount(), 2000);
}

void tst_OrderQueueModel::headerClickSortsBothWays()
{
    // The view's header drives sort(): every column sorts both ways, ties in the model's
    // order, and the items column by its text.
    OrderQueueModel model;
    model.setBatchInterval(0);
    const QDateTime now = t0.addDays(14);
    model.setClock([now] { return now; });
    model.setRecentLimit(1000);
    model.resetOrders(history(600, now));
    OrderFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setScope(OrderFilterModel::Scope::All);
    for (int col = 0; col < OrderQueueModel::ColumnCount; ++col) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            filter.sort(col, order);
            QVERIFY(!filter.isRefreshing()); // a short list is sorted at once
            QCOMPARE(filter.rowCount(), 600);
            QCOMPARE(filter.sortColumn(), col);
            for (int r = 1; r < filter.rowCount(); ++r) {
                const QModelIndex a = filter.index(r - 1, col);
                const QModelIndex b = filter.index(r, col);
                if (col == OrderQueueModel::ItemsColumn || col == OrderQueueModel::NumberColumn
                    || col == OrderQueueModel::CounterColumn) {
                    const int c = a.data().toString().compare(b.data().toString());
                    QVERIFY2(order == Qt::AscendingOrder ? c <= 0 : c >= 0,
                             qPrintable(QString("column %1 row %2").arg(col).arg(r)));
                } else if (col == OrderQueueModel::TotalColumn) {
                    const Cents x
                        = model.order(a.data(OrderQueueModel::OrderIdRole).toString())->total;
                    const Cents y
                        = model.order(b.data(OrderQueueModel::OrderIdRole).toString())->total;
                    QVERIFY(order == Qt::AscendingOrder ? x <= y : x >= y);
                } else if (col == OrderQueueModel::StatusColumn) {
                    const int x = a.data(OrderQueueModel::StatusRole).toInt();
                    const int y = b.data(OrderQueueModel::StatusRole).toInt();
                    QVERIFY(order == Qt::AscendingOrder ? x <= y : x >= y);
                } else if (col == OrderQueueModel::AgeColumn) {
                    const qint64 x = a.data(OrderQueueModel::AgeSecondsRole).toLongLong();
                    const qint64 y = b.data(OrderQueueModel::AgeSecondsRole).toLongLong();
                    QVERIFY(order == Qt::AscendingOrder ? x <= y : x >= y);
                } else if (col == OrderQueueModel::CustomerColumn) {
                    const QString x = model.order(a.data(OrderQueueModel::OrderIdRole).toString())
                                          ->customerName;
                    const QString y = model.order(b.data(OrderQueueModel::OrderIdRole).toString())
                                          ->customerName;
                    const int c = x.compare(y, Qt::CaseInsensitive);
                    QVERIFY(order == Qt::AscendingOrder ? c <= 0 : c >= 0);
                }
            }
        }
    }
    // No column: the model's own order.
    filter.sort(-1);
    for (int r = 0; r < filter.rowCount(); ++r)
        QCOMPARE(filter.mapToSource(filter.index(r, 0)).row(), r);
}

void tst_OrderQueueModel::tickAnnouncesOnlyMovingAges()
{
    // The second's tick announces the rows whose age moves (open orders), not the closed
    // history, whose ages stand still.
    OrderQueueModel model;
    model.setRecentLimit(1000);
    model.setBatchInterval(0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.resetOrders(history(500, now)); // the last 200 include open orders
    QSet<int> moving;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data(OrderQueueModel::IsOpenRole).toBool())
            moving << r;
    QVERIFY(!moving.isEmpty());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 3000);
    QSet<int> announced;
    for (const QList<QVariant> &args : std::as_const(changed))
        for (int r = args.at(0).toModelIndex().row(); r <= args.at(1).toModelIndex().row(); ++r)
            announced << r;
    QCOMPARE(announced, moving);
}

QTEST_MAIN(tst_OrderQueueModel)
#include "tst_orderqueuemodel.moc"
