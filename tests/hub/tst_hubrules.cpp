// The cafe's domain rules, one test each: totals and rounding, order numbers across days,
// counter choice, stock -> low -> out -> disabled -> restock, the stock-update throttle, QR
// expiry, the card decline rule and fees, pay, the drink allowance across months, counter
// deactivation, cancellation refunds and stock, and isolation between cafes.
#include "admincommandline.h"
#include "hubtestfixture.h"
#include "inventorydesk.h"
#include "moneycents.h"
#include "orderdesk.h"
#include "payconicprovider.h"
#include "systemclock.h"

#include <QTest>

using namespace TableTap;
using namespace TableTap::Test;

class TestHubRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void totalsAndRounding();
    void orderNumbersAcrossDays();
    void leastLoadedCounterAndEstimate();
    void proxyOrderAndReady();
    void stockLowOutDisabledRestock();
    void sharedIngredientDisablesEveryProduct();
    void priorityRule_data();
    void priorityRule();
    void throttledStockUpdates();
    void throttleWithRealTimers();
    void qrExpiry();
    void cardDeclineRuleAndFees();
    void seededDeclineRate();
    void clockOutPay();
    void drinkAllowanceAcrossMonths();
    void counterDeactivationMovesOrders();
    void cancellationRefundAndStock();
    void cafesAreIsolated();
};

static QJsonObject orderOf(const CommandResult &r)
{
    return r.data().value(u"order").toObject();
}

void TestHubRules::totalsAndRounding()
{
    HubFixture f;
    // 2 x (Latte 4.50 + Extra shot 0.75) = 10.50; tax 10 % = 1.05; tip 2.00.
    const QJsonObject o = orderOf(f.order(f.employee(), QStringLiteral("Latte"), 2,
                                          {QStringLiteral("Extra shot")}, {{"tip_amount", 2}}));
    const QJsonObject t = o.value(u"totals").toObject();
    QCOMPARE(t.value(u"subtotal").toDouble(), 10.5);
    QCOMPARE(t.value(u"tax_amount").toDouble(), 1.05);
    QCOMPARE(t.value(u"tip_amount").toDouble(), 2.0);
    QCOMPARE(t.value(u"total_amount").toDouble(), 13.55);
    QCOMPARE(o.value(u"items").toArray().at(0).toObject().value(u"total_price").toDouble(), 10.5);
    QCOMPARE(o.value(u"items").toArray().at(0).toObject().value(u"customizations").toArray(),
             QJsonArray{QStringLiteral("Extra shot")});
    // Half a cent rounds up: 7 % of 2.50 = 0.175 -> 0.18; a 15 % tip of 2.50 = 0.375 -> 0.38.
    QVERIFY(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                  {{"tax_rate", 0.07}})
                .ok());
    const QJsonObject t2
        = orderOf(f.order(f.employee(), QStringLiteral("Espresso"), 1, {}, {{"tip_rate", 0.15}}))
              .value(u"totals")
              .toObject();
    QCOMPARE(t2.value(u"tax_amount").toDouble(), 0.18);
    QCOMPARE(t2.value(u"tip_amount").toDouble(), 0.38);
    QCOMPARE(t2.value(u"total_amount").toDouble(), 3.06);
    // 8.25 % of 3 x 3.25 = 9.75 -> 0.804375 -> 0.80.
    QVERIFY(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                  {{"tax_rate", 0.0825}})
                .ok());
    QCOMPARE(orderOf(f.order(f.employee(), QStringLiteral("Croissant"), 3))
                 .value(u"totals")
                 .toObject()
                 .value(u"tax_amount")
                 .toDouble(),
             0.8);
    QCOMPARE(MoneyCents::mulDivRound(-5, 1, 10), -1); // symmetric half-up
    QCOMPARE(MoneyCents::mulDivRound(1005, 1, 10), 101);
    // Unknown product, unknown customization.
    QCOMPARE(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"),
                   {{"customer_name", "A"},
                    {"items", QJsonArray{QJsonObject{{"product_id", "nope"}, {"quantity", 1}}}}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(f.order(f.employee(), QStringLiteral("Latte"), 1, {QStringLiteral("Whipped cream")})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
}

void TestHubRules::orderNumbersAcrossDays()
{
    HubFixture f;
    QCOMPARE(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))
                 .value(u"order_number")
                 .toString(),
             QStringLiteral("ORD20240101001"));
    QCOMPARE(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))
                 .value(u"order_number")
                 .toString(),
             QStringLiteral("ORD20240101002"));
    f.clock.setNow(kStartMs + 16 * 3600000LL); // 2024-01-02T00:00:00Z
    QCOMPARE(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))
                 .value(u"order_number")
                 .toString(),
             QStringLiteral("ORD20240102001"));
    // The business day follows the cafe's zone: 03:00 UTC on the 3rd is still the 2nd in New York.
    QVERIFY(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                  {{"timezone", "America/New_York"}})
                .ok());
    f.clock.setNow(kStartMs + (16 + 27) * 3600000LL); // 2024-01-03T03:00:00Z
    QCOMPARE(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))
                 .value(u"order_number")
                 .toString(),
             QStringLiteral("ORD20240102002"));
    QCOMPARE(OrderDesk::orderNumber(QStringLiteral("2024-12-31"), 1000),
             QStringLiteral("ORD202412311000"));
}

void TestHubRules::leastLoadedCounterAndEstimate()
{
    HubFixture f;
    auto counterOf = [](const QJsonObject &o) {
        return o.value(u"assigned_counter").toString();
    };
    const QJsonObject o1 = orderOf(f.order(f.employee(), QStringLiteral("Espresso")));
    const QJsonObject o2 = orderOf(f.order(f.employee(), QStringLiteral("Espresso")));
    const QJsonObject o3 = orderOf(f.order(f.employee(), QStringLiteral("Espresso")));
    QCOMPARE(counterOf(o1), QStringLiteral("Counter 1"));
    QCOMPARE(counterOf(o2), QStringLiteral("Counter 2"));
    QCOMPARE(counterOf(o3), QStringLiteral("Counter 1")); // tie: counter order
    // Estimate: prep time (15) + 1 minute per order already waiting at the counter.
    QCOMPARE(o1.value(u"estimated_ready_at").toString(), QStringLiteral("2024-01-01T08:15:00Z"));
    QCOMPARE(o3.value(u"estimated_ready_at").toString(), QStringLiteral("2024-01-01T08:16:00Z"));
    // Ready orders no longer load a counter.
    for (const char *s : {"preparing", "ready"})
        QVERIFY(f.run(f.employee(), QStringLiteral("/orders"),
                      QStringLiteral("update_order_status"),
                      {{"order_id", o1.value(u"id")}, {"status", s}})
                    .ok());
    for (const char *s : {"preparing", "ready"})
        QVERIFY(f.run(f.employee(), QStringLiteral("/orders"),
                      QStringLiteral("update_order_status"),
                      {{"order_id", o3.value(u"id")}, {"status", s}})
                    .ok());
    // Counter 1: 0 waiting, Counter 2: 1.
    QCOMPARE(counterOf(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))),
             QStringLiteral("Counter 1"));
    QCOMPARE(counterOf(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))),
             QStringLiteral("Counter 1"));
    QCOMPARE(counterOf(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))),
             QStringLiteral("Counter 2"));
}

void TestHubRules::proxyOrderAndReady()
{
    HubFixture f;
    const QJsonObject o = orderOf(
        f.order(f.employee(), QStringLiteral("Latte"), 1, {},
                {{"ordered_for", f.employee2().userId}, {"customer_phone", "+1 555 0100"}}));
    const QJsonObject proxy = o.value(u"proxy_order_info").toObject();
    QVERIFY(proxy.value(u"is_proxy").toBool());
    QCOMPARE(proxy.value(u"ordered_for").toObject().value(u"name").toString(),
             QStringLiteral("Bob Employee"));
    QCOMPARE(o.value(u"created_by").toObject().value(u"role").toString(),
             QStringLiteral("employee"));
    const QJsonObject plain = orderOf(f.order(f.employee(), QStringLiteral("Latte")));
    QVERIFY(!plain.value(u"proxy_order_info").toObject().value(u"is_proxy").toBool());
    QVERIFY(plain.value(u"proxy_order_info").toObject().value(u"ordered_for").isNull());
    QCOMPARE(f.order(f.employee(), QStringLiteral("Latte"), 1, {}, {{"ordered_for", "ghost"}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(f.order(f.employee(), QStringLiteral("Latte"), 1, {}, {{"customer_phone", "call me"}})
                 .errorType(),
             QStringLiteral("INVALID_DATA"));

    f.clock.advance(4 * 60000);
    f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
          {{"order_id", o.value(u"id")}, {"status", "preparing"}});
    f.clock.advance(11 * 60000 + 20000);
    const CommandResult ready
        = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                {{"order_id", o.value(u"id")}, {"status", "ready"}});
    const QJsonObject data = HubFixture::find(ready, QStringLiteral("order:ready"))->data();
    QCOMPARE(data.value(u"prep_time_minutes").toInt(), 15); // 15:20 from creation
    QVERIFY(data.value(u"notification_sent").toBool());
    QCOMPARE(data.value(u"ready_at").toString(), QStringLiteral("2024-01-01T08:15:20Z"));
    const QJsonObject changed
        = HubFixture::find(ready, QStringLiteral("order:status_changed"))->data();
    QCOMPARE(changed.value(u"previous_status").toString(), QStringLiteral("preparing"));
    QCOMPARE(changed.value(u"status_history").toArray().size(), 3);
    QCOMPARE(changed.value(u"notes").toString(), QStringLiteral("Ready for pickup"));
    for (const char *s : {"preparing", "ready"}) {
        const CommandResult r
            = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                    {{"order_id", plain.value(u"id")}, {"status", s}});
        if (QByteArray(s) == "ready")
            QVERIFY(!HubFixture::find(r, QStringLiteral("order:ready"))
                         ->data()
                         .value(u"notification_sent")
                         .toBool());
    }
}

void TestHubRules::stockLowOutDisabledRestock()
{
    HubFixture f;
    auto events = [](const CommandResult &r) {
        return HubFixture::names(r.events);
    };
    auto low = [](const CommandResult &r) {
        return HubFixture::find(r, QStringLiteral("inventory:low_stock"));
    };
    // Croissants: 40 in stock, reorder at 10, max 80.
    QVERIFY(f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                  {{"sku", "PAS001"}, {"change_type", "waste"}, {"quantity", 29}})
                .ok());
    QCOMPARE(f.stock(QStringLiteral("PAS001")), 11);
    const CommandResult r1 = f.order(f.employee(), QStringLiteral("Croissant"), 2); // 9: low
    QVERIFY(low(r1));
    QCOMPARE(low(r1)->data().value(u"priority").toString(), QStringLiteral("low"));
    QCOMPARE(low(r1)->data().value(u"suggested_order_quantity").toInt(), 71);
    QCOMPARE(low(r1)->data().value(u"current_stock").toInt(), 9);
    const CommandResult r2 = f.order(f.employee(), QStringLiteral("Croissant"), 1); // 8: medium
    QCOMPARE(low(r2)->data().value(u"priority").toString(), QStringLiteral("medium"));
    QVERIFY(
        !low(f.order(f.employee(), QStringLiteral("Croissant"), 1))); // 7: still medium, no repeat
    QVERIFY(!low(f.order(f.employee(), QStringLiteral("Croissant"), 2)));           // 5
    const CommandResult r3 = f.order(f.employee(), QStringLiteral("Croissant"), 1); // 4: high
    QCOMPARE(low(r3)->data().value(u"priority").toString(), QStringLiteral("high"));
    const CommandResult r4 = f.order(f.employee(), QStringLiteral("Croissant"), 3); // 1: critical
    QCOMPARE(low(r4)->data().value(u"priority").toString(), QStringLiteral("critical"));
    QCOMPARE(f.order(f.employee(), QStringLiteral("Croissant"), 2).errorType(),
             QStringLiteral("CONFLICT"));                                           // only 1 left
    const CommandResult r5 = f.order(f.employee(), QStringLiteral("Croissant"), 1); // 0: out
    QVERIFY2(events(r5).contains(QStringLiteral("inventory:out_of_stock")),
             qPrintable(events(r5).join(u',')));
    QVERIFY(!low(r5)); // already critical
    const QJsonObject out = HubFixture::find(r5, QStringLiteral("inventory:out_of_stock"))->data();
    QVERIFY(out.value(u"auto_disabled").toBool());
    QCOMPARE(out.value(u"affects_products").toArray().size(), 1);
    QCOMPARE(
        out.value(u"affects_products").toArray().at(0).toObject().value(u"product_name").toString(),
        QStringLiteral("Croissant"));
    // Disabled: refused, shown in the snapshots.
    const CommandResult refused = f.order(f.employee(), QStringLiteral("Croissant"));
    QCOMPARE(refused.errorType(), QStringLiteral("CONFLICT"));
    QCOMPARE(refused.error().value(u"field").toString(), QStringLiteral("items[0].product_id"));
    const QJsonObject inventory
        = f.run(f.employee(), QStringLiteral("/inventory"), QStringLiteral("list_inventory"))
              .data();
    QCOMPARE(inventory.value(u"disabled_products").toArray().size(), 1);
    QCOMPARE(inventory.value(u"disabled_products")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"missing_ingredients")
                 .toArray()
                 .size(),
             1);
    auto croissantInMenu = [&] {
        for (const QJsonValue &p :
             f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("list_menu"))
                 .data()
                 .value(u"products")
                 .toArray()) {
            if (p.toObject().value(u"name").toString() == u"Croissant")
                return p.toObject();
        }
        return QJsonObject();
    };
    QVERIFY(!croissantInMenu().value(u"available").toBool());
    QCOMPARE(croissantInMenu().value(u"unavailable_reason").toString(),
             QStringLiteral("out_of_stock"));
    // Restock re-enables; the alert re-arms.
    QVERIFY(f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                  {{"sku", "PAS001"}, {"change_type", "purchase"}, {"quantity", 12}})
                .ok());
    QVERIFY(croissantInMenu().value(u"available").toBool());
    QVERIFY(f.order(f.employee(), QStringLiteral("Croissant"), 1).ok());               // 11
    const CommandResult again = f.order(f.employee(), QStringLiteral("Croissant"), 2); // 9
    QCOMPARE(low(again)->data().value(u"priority").toString(), QStringLiteral("low"));
    QCOMPARE(low(again)->data().value(u"last_restocked").toString(),
             QStringLiteral("2024-01-01T08:00:00Z"));
}

void TestHubRules::sharedIngredientDisablesEveryProduct()
{
    HubFixture f;
    const CommandResult r
        = f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                {{"sku", "MILK001"}, {"change_type", "waste"}, {"quantity", 20000}});
    QVERIFY(r.ok());
    QStringList affected;
    for (const QJsonValue &v : HubFixture::find(r, QStringLiteral("inventory:out_of_stock"))
                                   ->data()
                                   .value(u"affects_products")
                                   .toArray())
        affected.append(v.toObject().value(u"product_name").toString());
    QCOMPARE(affected,
             (QStringList{"Cappuccino", "Latte", "Flat White", "Mocha", "Hot Chocolate"}));
    QCOMPARE(f.order(f.employee(), QStringLiteral("Mocha")).errorType(),
             QStringLiteral("CONFLICT"));
    QVERIFY(f.order(f.employee(), QStringLiteral("Oat Milk Latte")).ok());
    // A customization that needs the missing milk is refused, the product without it is fine.
    QVERIFY(f.order(f.employee(), QStringLiteral("Americano")).ok());
    QCOMPARE(
        f.order(f.employee(), QStringLiteral("Americano"), 1, {QStringLiteral("Splash of milk")})
            .errorType(),
        QStringLiteral("CONFLICT"));
}

void TestHubRules::priorityRule_data()
{
    QTest::addColumn<qint64>("stock");
    QTest::addColumn<qint64>("reorder");
    QTest::addColumn<QString>("priority");
    QTest::newRow("0") << qint64(0) << qint64(10) << "critical";
    QTest::newRow("10%") << qint64(10) << qint64(100) << "critical";
    QTest::newRow("11%") << qint64(11) << qint64(100) << "high";
    QTest::newRow("40%") << qint64(40) << qint64(100) << "high";
    QTest::newRow("41%") << qint64(41) << qint64(100) << "medium";
    QTest::newRow("80% (seed: 8 of 10)") << qint64(8) << qint64(10) << "medium";
    QTest::newRow("81%") << qint64(81) << qint64(100) << "low";
    QTest::newRow("99%") << qint64(99) << qint64(100) << "low";
}

void TestHubRules::priorityRule()
{
    QFETCH(qint64, stock);
    QFETCH(qint64, reorder);
    QFETCH(QString, priority);
    QCOMPARE(InventoryDesk::priorityFor(stock, reorder), priority);
}

void TestHubRules::throttledStockUpdates()
{
    HubFixture f;
    QSignalSpy async(f.hub.get(), &HubDomain::eventsReady);
    auto stockEvents = [](const HubEventList &events, const QString &sku) {
        HubEventList out;
        for (const HubEvent &e : events) {
            if (e.name == u"inventory:stock_updated" && e.data().value(u"sku").toString() == sku)
                out.append(e);
        }
        return out;
    };
    auto asyncEvents = [&] {
        HubEventList all;
        for (const QList<QVariant> &emission : async)
            all += emission.at(0).value<HubEventList>();
        async.clear();
        return all;
    };
    // t0: emitted at once (leading edge).
    const CommandResult first = f.order(f.employee(), QStringLiteral("Espresso"));
    HubEventList now = stockEvents(first.events, QStringLiteral("ESP001"));
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.at(0).data().value(u"previous_stock").toInt(), 5000);
    QCOMPARE(now.at(0).data().value(u"new_stock").toInt(), 4982);
    QCOMPARE(now.at(0).data().value(u"change_type").toString(), QStringLiteral("sale"));
    QCOMPARE(now.at(0).data().value(u"reference").toObject().value(u"id").toString(),
             orderOf(first).value(u"id").toString());
    // t0+100, t0+200: merged, nothing now.
    f.clock.advance(100);
    QVERIFY(stockEvents(f.order(f.employee(), QStringLiteral("Espresso")).events,
                        QStringLiteral("ESP001"))
                .isEmpty());
    f.clock.advance(100);
    const CommandResult third
        = f.order(f.employee(), QStringLiteral("Espresso"), 1, {QStringLiteral("Extra shot")});
    QVERIFY(stockEvents(third.events, QStringLiteral("ESP001")).isEmpty());
    QVERIFY(asyncEvents().isEmpty());
    // t0+1000: one merged event: first previous, last new, summed change.
    f.clock.advance(800);
    HubEventList merged = stockEvents(asyncEvents(), QStringLiteral("ESP001"));
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.at(0).data().value(u"previous_stock").toInt(), 4982);
    QCOMPARE(merged.at(0).data().value(u"new_stock").toInt(), 4937);
    QCOMPARE(merged.at(0).data().value(u"change_amount").toInt(), -45);
    QCOMPARE(merged.at(0).data().value(u"reference").toObject().value(u"id").toString(),
             orderOf(third).value(u"id").toString());
    // The next window is open until t0+2000: a sale inside it waits for it.
    f.clock.advance(500);
    QVERIFY(stockEvents(f.order(f.employee(), QStringLiteral("Espresso")).events,
                        QStringLiteral("ESP001"))
                .isEmpty());
    f.clock.advance(499);
    QVERIFY(stockEvents(asyncEvents(), QStringLiteral("ESP001")).isEmpty());
    f.clock.advance(1);
    QCOMPARE(stockEvents(asyncEvents(), QStringLiteral("ESP001")).size(), 1);
    // A quiet window closes; the next change is immediate again.
    f.clock.advance(3000);
    asyncEvents();
    QCOMPARE(stockEvents(f.order(f.employee(), QStringLiteral("Espresso")).events,
                         QStringLiteral("ESP001"))
                 .size(),
             1);
    // Interval 0: no throttling.
    QVERIFY(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                  {{"stock_update_interval_ms", 0}})
                .ok());
    QCOMPARE(stockEvents(f.order(f.employee(), QStringLiteral("Espresso")).events,
                         QStringLiteral("ESP001"))
                 .size(),
             1);
    QCOMPARE(stockEvents(f.order(f.employee(), QStringLiteral("Espresso")).events,
                         QStringLiteral("ESP001"))
                 .size(),
             1);
    // Every sale is in the stock whatever was emitted.
    QCOMPARE(f.stock(QStringLiteral("ESP001")), 5000 - 7 * 18 - 9);
}

void TestHubRules::throttleWithRealTimers()
{
    QTemporaryDir dir;
    const QString data = dir.path() + QStringLiteral("/data");
    const QString database = testOnPostgres() ? freshPostgresDatabase() : QString();
    if (testOnPostgres())
        QVERIFY(!database.isEmpty());
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        QStringList args{"cafe", "add", "--data", data, "--id", "rt", "--name", "Real time"};
        if (!database.isEmpty())
            args << QStringLiteral("--database") << database;
        QCOMPARE(AdminCommandLine(o, e).run(args), 0);
    }
    HubOptions options;
    options.dataDir = data;
    options.databaseUrl = database;
    HubDomain hub(options); // wall clock, QTimer-driven
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));
    const HubActor manager{QStringLiteral("m"), QStringLiteral("M"), HubRole::Manager,
                           QStringLiteral("rt")};
    // A window the three orders below fall into even on a loaded machine (on PostgreSQL each
    // is a few round trips): with none merged there would be no timer event to wait for.
    QVERIFY(hub.execute(manager, QStringLiteral("/system"), QStringLiteral("update_settings"),
                        QJsonObject{{"stock_update_interval_ms", 400}})
                .ok());
    QSignalSpy spy(&hub, &HubDomain::eventsReady);
    const QString espresso
        = hub.cafe(QStringLiteral("rt"))
              ->connection()
              .scalar(QStringLiteral("SELECT id FROM products WHERE name = 'Espresso'"))
              .toString();
    const QJsonObject payload{
        {"customer_name", "A"},
        {"items", QJsonArray{QJsonObject{{"product_id", espresso}, {"quantity", 1}}}}};
    int immediate = 0;
    for (int i = 0; i < 3; ++i) {
        for (const HubEvent &e : hub.execute(manager, QStringLiteral("/orders"),
                                             QStringLiteral("create_order"), payload)
                                     .events)
            immediate += e.name == u"inventory:stock_updated"
                         && e.data().value(u"sku").toString() == u"ESP001";
    }
    QVERIFY(immediate >= 1); // the leading edge; a slow machine may have seen the window close
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000);
    int merged = 0;
    qint64 lastNew = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            merged = immediate;
            for (const QList<QVariant> &emission : spy) {
                for (const HubEvent &e : emission.at(0).value<HubEventList>()) {
                    if (e.name == u"inventory:stock_updated"
                        && e.data().value(u"sku").toString() == u"ESP001") {
                        ++merged;
                        lastNew = e.data().value(u"new_stock").toInteger();
                    }
                }
            }
            return lastNew == 5000 - 3 * 18;
        }(),
        5000);
    QVERIFY(merged <= 3);
}

void TestHubRules::qrExpiry()
{
    HubFixture f;
    QSignalSpy async(f.hub.get(), &HubDomain::eventsReady);
    auto startQr = [&] {
        const QString order
            = orderOf(f.order(f.employee(), QStringLiteral("Latte"))).value(u"id").toString();
        const CommandResult r
            = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                    {{"order_id", order}, {"method", "qr"}});
        return r;
    };
    const CommandResult a = startQr();
    const QJsonObject qr = HubFixture::find(a, QStringLiteral("qr:generated"))->data();
    QCOMPARE(qr.value(u"expires_at").toString(), QStringLiteral("2024-01-01T08:05:00Z"));
    QVERIFY(qr.value(u"qr_code_data")
                .toString()
                .startsWith(QStringLiteral("payment://tabletap.local/pay?id=qr_")));
    QVERIFY(qr.value(u"qr_code_data").toString().endsWith(QStringLiteral("&amount=4.95")));
    const QString ta = a.data().value(u"payment").toObject().value(u"transaction_id").toString();
    f.clock.advance(5 * 60000 - 1);
    QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("confirm_payment"),
                  {{"transaction_id", ta}})
                .ok());

    const CommandResult b = startQr();
    const QString tb = b.data().value(u"payment").toObject().value(u"transaction_id").toString();
    async.clear();
    f.clock.advance(5 * 60000);
    HubEventList expired;
    for (const QList<QVariant> &emission : async) {
        for (const HubEvent &e : emission.at(0).value<HubEventList>()) {
            if (e.name == u"payment:failed")
                expired.append(e);
        }
    }
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.at(0).data().value(u"error_code").toString(), QStringLiteral("qr_expired"));
    QCOMPARE(expired.at(0).data().value(u"transaction_id").toString(), tb);
    const CommandResult late = f.run(f.employee(), QStringLiteral("/payments"),
                                     QStringLiteral("confirm_payment"), {{"transaction_id", tb}});
    QCOMPARE(late.errorType(), QStringLiteral("CONFLICT"));
    // A new code may be started for the same order.
    QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                  {{"order_id", expired.at(0).data().value(u"order_id")}, {"method", "qr"}})
                .ok());
}

void TestHubRules::cardDeclineRuleAndFees()
{
    HubFixture f;
    QSignalSpy async(f.hub.get(), &HubDomain::eventsReady);
    auto pay = [&](const QJsonObject &extra, const QString &product) {
        const QString order
            = orderOf(f.order(f.employee(), product, 1, {}, extra)).value(u"id").toString();
        async.clear();
        const CommandResult r
            = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                    {{"order_id", order}, {"method", "card"}});
        const QJsonObject processing
            = HubFixture::find(r, QStringLiteral("payment:processing"))->data();
        [&] {
            QCOMPARE(processing.value(u"provider").toString(), QStringLiteral("payconic"));
        }();
        f.clock.advance(1500);
        for (const QList<QVariant> &emission : async) {
            for (const HubEvent &e : emission.at(0).value<HubEventList>()) {
                if (e.name.startsWith(u"payment:"))
                    return std::make_pair(order, e);
            }
        }
        return std::make_pair(order, HubEvent{});
    };
    // 4.50 + 0.45 tax + 9.15 tip = 14.10: approved; fee 2.9 % + 0.30 = 0.4089 + 0.30 -> 0.71.
    const auto ok = pay({{"tip_amount", 9.15}}, QStringLiteral("Latte"));
    QCOMPARE(ok.second.name, QStringLiteral("payment:completed"));
    QCOMPARE(ok.second.data().value(u"amount").toDouble(), 14.1);
    QCOMPARE(ok.second.data().value(u"fee_amount").toDouble(), 0.71);
    QCOMPARE(ok.second.data().value(u"net_amount").toDouble(), 13.39);
    QVERIFY(ok.second.data().value(u"provider_transaction_id").toString().startsWith(u"prov_txn_"));
    // .13: insufficient funds, retry allowed.
    const auto declined = pay({{"tip_amount", 0.38}}, QStringLiteral("Espresso"));
    QCOMPARE(declined.second.name, QStringLiteral("payment:failed"));
    QCOMPARE(declined.second.data().value(u"error_code").toString(),
             QStringLiteral("insufficient_funds"));
    QVERIFY(declined.second.data().value(u"retry_allowed").toBool());
    // A retry by card is allowed (and declined again: the rule is reproducible); cash works.
    QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                  {{"order_id", declined.first}, {"method", "cash"}})
                .ok());
    // .66: do not honor, no retry.
    const auto hard = pay({{"tip_amount", 0.91}}, QStringLiteral("Espresso")); // 2.75 + 0.91 = 3.66
    QCOMPARE(hard.second.data().value(u"error_code").toString(), QStringLiteral("do_not_honor"));
    QVERIFY(!hard.second.data().value(u"retry_allowed").toBool());
    QCOMPARE(PayconicProvider::qrFeeCents(1410), 14);
    // A cancelled order's in-flight card payment is voided: no provider answer comes.
    const QString order
        = orderOf(f.order(f.employee(), QStringLiteral("Latte"))).value(u"id").toString();
    QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                  {{"order_id", order}, {"method", "card"}})
                .ok());
    QVERIFY(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                  {{"order_id", order}, {"reason", "x"}})
                .ok());
    async.clear();
    f.clock.advance(1500);
    for (const QList<QVariant> &emission : async) {
        for (const HubEvent &e : emission.at(0).value<HubEventList>())
            QVERIFY(!e.name.startsWith(u"payment:"));
    }
}

void TestHubRules::seededDeclineRate()
{
    auto outcomes = [](quint32 seed) {
        PayconicProvider p(seed, 0.5);
        QList<bool> r;
        for (int i = 0; i < 32; ++i)
            r.append(p.charge(1000).approved);
        return r;
    };
    QCOMPARE(outcomes(7), outcomes(7));
    QVERIFY(outcomes(7) != outcomes(8));
    QVERIFY(outcomes(7).contains(true) && outcomes(7).contains(false));
    PayconicProvider never(1, 0.0);
    for (int i = 0; i < 50; ++i)
        QVERIFY(never.charge(1000).approved);
}

void TestHubRules::clockOutPay()
{
    HubFixture f;
    QVERIFY(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in")).ok());
    f.clock.advance(9 * 3600000LL);
    const CommandResult out = f.run(f.employee(), QStringLiteral("/employees"),
                                    QStringLiteral("clock_out"), {{"break_minutes", 30}});
    QCOMPARE(out.data().value(u"total_hours").toDouble(), 8.5);
    QCOMPARE(out.data().value(u"hourly_rate").toDouble(), 15.0);
    QCOMPARE(out.data().value(u"total_pay").toDouble(), 127.5);
    QCOMPARE(out.data().value(u"break_duration_minutes").toInt(), 30);
    // 7 h 20 min 20 s = 7.3389 h -> 7.34 h; x 16.00 = 117.44.
    QVERIFY(f.run(f.employee2(), QStringLiteral("/employees"), QStringLiteral("clock_in")).ok());
    f.clock.advance(7 * 3600000LL + 20 * 60000 + 20000);
    const CommandResult odd
        = f.run(f.employee2(), QStringLiteral("/employees"), QStringLiteral("clock_out"));
    QCOMPARE(odd.data().value(u"total_hours").toDouble(), 7.34);
    QCOMPARE(odd.data().value(u"total_pay").toDouble(), 117.44);
    // A break longer than the shift is refused.
    QVERIFY(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in")).ok());
    f.clock.advance(10 * 60000);
    QCOMPARE(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_out"),
                   {{"break_minutes", 11}})
                 .error()
                 .value(u"field")
                 .toString(),
             QStringLiteral("break_minutes"));
    const QJsonObject sheets
        = f.run(f.manager(), QStringLiteral("/employees"), QStringLiteral("list_timesheets"))
              .data();
    QCOMPARE(sheets.value(u"timesheets").toArray().size(), 3);
    int clockedIn = 0;
    for (const QJsonValue &s : sheets.value(u"staff").toArray())
        clockedIn += s.toObject().value(u"clocked_in").toBool();
    QCOMPARE(clockedIn, 1);
}

void TestHubRules::drinkAllowanceAcrossMonths()
{
    HubFixture f;
    const HubActor barista = f.addStaff(QStringLiteral("cafe1"), QStringLiteral("EMP009"),
                                        QStringLiteral("Tom"), HubRole::Employee, 1400, 2);
    f.clock.setNow(kStartMs + 30LL * 86400000 + 15 * 3600000); // 2024-01-31T23:00:00Z
    auto drink = [&] {
        return f
            .run(barista, QStringLiteral("/employees"), QStringLiteral("record_drink"),
                 {{"product_id", f.productId(QStringLiteral("Espresso"))}})
            .data();
    };
    QJsonObject d = drink();
    QCOMPARE(d.value(u"monthly_count").toInt(), 1);
    QVERIFY(d.value(u"counted_against_allowance").toBool());
    QCOMPARE(d.value(u"remaining_allowance").toInt(), 1);
    d = drink();
    QVERIFY(d.value(u"counted_against_allowance").toBool());
    QCOMPARE(d.value(u"remaining_allowance").toInt(), 0);
    d = drink();
    QCOMPARE(d.value(u"monthly_count").toInt(), 3);
    QCOMPARE(d.value(u"monthly_limit").toInt(), 2);
    QVERIFY(!d.value(u"counted_against_allowance").toBool());
    QCOMPARE(d.value(u"remaining_allowance").toInt(), 0);
    QVERIFY(d.value(u"order_id").isNull());
    f.clock.advance(90 * 60000); // 2024-02-01T00:30:00Z
    d = drink();
    QCOMPARE(d.value(u"monthly_count").toInt(), 1);
    QVERIFY(d.value(u"counted_against_allowance").toBool());
    // The cafe default applies without a personal allowance; drinks outside an order use stock.
    const qint64 beans = f.stock(QStringLiteral("ESP001"));
    const QJsonObject e
        = f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("record_drink"),
                {{"product_id", f.productId(QStringLiteral("Espresso"))}, {"quantity", 2}})
              .data();
    QCOMPARE(e.value(u"monthly_limit").toInt(), 20);
    QCOMPARE(e.value(u"monthly_count").toInt(), 2);
    QCOMPARE(f.stock(QStringLiteral("ESP001")), beans - 36);
}

void TestHubRules::counterDeactivationMovesOrders()
{
    HubFixture f;
    QStringList onCounter1;
    for (int i = 0; i < 5; ++i) {
        const QJsonObject o = orderOf(f.order(f.employee(), QStringLiteral("Espresso")));
        if (o.value(u"assigned_counter").toString() == u"Counter 1")
            onCounter1.append(o.value(u"id").toString());
    }
    QCOMPARE(onCounter1.size(), 3);
    // A completed order stays where it was.
    const QString done = onCounter1.takeFirst();
    for (const char *s : {"preparing", "ready", "completed"})
        QVERIFY(f.run(f.employee(), QStringLiteral("/orders"),
                      QStringLiteral("update_order_status"), {{"order_id", done}, {"status", s}})
                    .ok());
    const CommandResult r = f.run(
        f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
        {{"counter", "Counter 1"}, {"status", "inactive"}, {"reason", "Equipment maintenance"}});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    QStringList moved;
    for (const HubEvent &e : r.events) {
        if (e.name == u"order:assigned_counter") {
            moved.append(e.data().value(u"order_id").toString());
            QCOMPARE(e.data().value(u"new_counter").toString(), QStringLiteral("Counter 2"));
            QVERIFY(e.rooms.contains(QStringLiteral("cafe:cafe1:counter:Counter 1")));
            QVERIFY(e.rooms.contains(QStringLiteral("cafe:cafe1:counter:Counter 2")));
        }
    }
    QCOMPARE(moved, onCounter1);
    const QJsonObject status
        = HubFixture::find(r, QStringLiteral("counter:status_changed"))->data();
    QCOMPARE(status.value(u"active_orders_count").toInt(), 2);
    QCOMPARE(status.value(u"orders_reassigned_to").toString(), QStringLiteral("Counter 2"));
    QCOMPARE(status.value(u"previous_status").toString(), QStringLiteral("active"));
    QCOMPARE(f.scalar(QStringLiteral("cafe1"),
                      QStringLiteral("SELECT counter FROM orders WHERE id = ?"), done)
                 .toString(),
             QStringLiteral("Counter 1"));
    QCOMPARE(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))
                 .value(u"assigned_counter")
                 .toString(),
             QStringLiteral("Counter 2"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("assign_counter"),
                   {{"order_id", moved.at(0)}, {"counter", "Counter 1"}, {"reason", "x"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    // The last active counter cannot close.
    QCOMPARE(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                   {{"counter", "Counter 2"}, {"status", "inactive"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    const CommandResult back
        = f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                {{"counter", "Counter 1"}, {"status", "active"}});
    QVERIFY(HubFixture::find(back, QStringLiteral("counter:status_changed"))
                ->data()
                .value(u"orders_reassigned_to")
                .isNull());
    QCOMPARE(orderOf(f.order(f.employee(), QStringLiteral("Espresso")))
                 .value(u"assigned_counter")
                 .toString(),
             QStringLiteral("Counter 1"));
}

void TestHubRules::cancellationRefundAndStock()
{
    HubFixture f;
    // Paid (cash), cancelled while pending: refunded in full, ingredients back on the shelf.
    const QString paid
        = orderOf(f.order(f.employee(), QStringLiteral("Latte"))).value(u"id").toString();
    QCOMPARE(f.stock(QStringLiteral("MILK001")), 20000 - 250);
    const QString txn
        = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                {{"order_id", paid}, {"method", "cash"}})
              .data()
              .value(u"payment")
              .toObject()
              .value(u"transaction_id")
              .toString();
    QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("confirm_payment"),
                  {{"transaction_id", txn}})
                .ok());
    const CommandResult c
        = f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                {{"order_id", paid}, {"reason", "Customer requested cancellation"}});
    const QJsonObject refund = HubFixture::find(c, QStringLiteral("order:cancelled"))
                                   ->data()
                                   .value(u"refund_info")
                                   .toObject();
    QCOMPARE(refund.value(u"refund_amount").toDouble(), 4.95);
    QCOMPARE(refund.value(u"refund_method").toString(), QStringLiteral("original_payment"));
    QVERIFY(refund.value(u"processed").toBool());
    QCOMPARE(f.stock(QStringLiteral("MILK001")), 20000);
    QCOMPARE(c.data().value(u"order").toObject().value(u"payment_status").toString(),
             QStringLiteral("refunded"));
    // Unpaid, cancelled while preparing: nothing to refund, the milk is used up.
    const QString started
        = orderOf(f.order(f.employee(), QStringLiteral("Latte"))).value(u"id").toString();
    QVERIFY(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                  {{"order_id", started}, {"status", "preparing"}})
                .ok());
    const CommandResult c2
        = f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                {{"order_id", started}, {"reason", "Spilled"}});
    const QJsonObject none = HubFixture::find(c2, QStringLiteral("order:cancelled"))
                                 ->data()
                                 .value(u"refund_info")
                                 .toObject();
    QCOMPARE(none.value(u"refund_amount").toDouble(), 0.0);
    QCOMPARE(none.value(u"refund_method").toString(), QStringLiteral("none"));
    QVERIFY(!none.value(u"processed").toBool());
    QCOMPARE(f.stock(QStringLiteral("MILK001")), 20000 - 250);
    QCOMPARE(HubFixture::find(c2, QStringLiteral("order:cancelled"))
                 ->data()
                 .value(u"cancelled_by")
                 .toObject()
                 .value(u"role")
                 .toString(),
             QStringLiteral("manager"));
}

void TestHubRules::cafesAreIsolated()
{
    HubFixture f({QStringLiteral("cafe1"), QStringLiteral("cafe2")});
    const CommandResult one = f.order(f.employee(QStringLiteral("cafe1")), QStringLiteral("Latte"));
    QVERIFY(one.ok());
    for (const HubEvent &e : one.events) {
        QCOMPARE(e.cafeRoom, QStringLiteral("cafe:cafe1"));
        for (const QString &room : e.rooms)
            QVERIFY2(room.startsWith(u"cafe:cafe1:") || room == u"cafe:cafe1", qPrintable(room));
    }
    // cafe2 sees none of it and numbers its own orders.
    const QJsonObject list2 = f.run(f.employee(QStringLiteral("cafe2")), QStringLiteral("/orders"),
                                    QStringLiteral("list_orders"))
                                  .data();
    QVERIFY(list2.value(u"open_orders").toArray().isEmpty());
    QCOMPARE(f.stock(QStringLiteral("MILK001"), QStringLiteral("cafe2")), 20000);
    const CommandResult two = f.order(f.employee(QStringLiteral("cafe2")), QStringLiteral("Latte"));
    QCOMPARE(orderOf(two).value(u"order_number").toString(), QStringLiteral("ORD20240101001"));
    QCOMPARE(orderOf(two).value(u"cafe_id").toString(), QStringLiteral("cafe2"));
    // Ids of one cafe mean nothing in the other.
    const QString order1 = orderOf(one).value(u"id").toString();
    QCOMPARE(f.run(f.manager(QStringLiteral("cafe2")), QStringLiteral("/orders"),
                   QStringLiteral("cancel_order"), {{"order_id", order1}, {"reason", "x"}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(f.run(f.employee(QStringLiteral("cafe2")), QStringLiteral("/orders"),
                   QStringLiteral("create_order"),
                   {{"customer_name", "A"},
                    {"items",
                     QJsonArray{QJsonObject{{"product_id", f.productId(QStringLiteral("Latte"))},
                                            {"quantity", 1}}}}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    // A cafe refuses an actor of another cafe even when called directly.
    const CommandResult cross
        = f.hub->cafe(QStringLiteral("cafe2"))
              ->execute({f.manager(QStringLiteral("cafe1")), QStringLiteral("/orders"),
                         QStringLiteral("list_orders"), QJsonObject{}});
    QCOMPARE(cross.errorType(), QStringLiteral("PERMISSION_DENIED"));
    // Separate stores: database files, or PostgreSQL schemas.
    const std::unique_ptr<StorageBackend> storage = f.makeStorage();
    QVERIFY(storage->cafeExists(QStringLiteral("cafe1")));
    QVERIFY(storage->cafeExists(QStringLiteral("cafe2")));
    if (!testOnPostgres()) {
        QVERIFY(QFile::exists(f.dataDir + QStringLiteral("/cafes/cafe1.db")));
        QVERIFY(QFile::exists(f.dataDir + QStringLiteral("/cafes/cafe2.db")));
    }
    QCOMPARE(f.hub->eventsSince(QStringLiteral("cafe2"), 0).constFirst().cafeId,
             QStringLiteral("cafe2"));
    for (const HubEvent &e : f.hub->eventsSince(QStringLiteral("cafe2"), 0))
        QCOMPARE(e.envelope.value(u"meta").toObject().value(u"cafe_id").toString(),
                 QStringLiteral("cafe2"));
}

QTEST_GUILESS_MAIN(TestHubRules)
#include "tst_hubrules.moc"
