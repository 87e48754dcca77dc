// Every command of the hub: its success path, who may run it (the permission matrix), an
// invalid payload for each, and idempotent retries with request_id.
#include "hubtestfixture.h"

#include <QTest>

using namespace TableTap;
using namespace TableTap::Test;

class TestHubCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCommandHasANamespaceAndRole();
    void permissionMatrix_data();
    void permissionMatrix();
    void wrongNamespaceIsNotFound();
    void invalidData_data();
    void invalidData();
    void orderLifecycle();
    void orderRecall();
    void cancelAndAssign();
    void counterRooms();
    void snapshots();
    void payments();
    void inventoryCommands();
    void employeeCommands();
    void systemCommands();
    void requestIdAppliesOnce();
    void requestIdSurvivesRestart();
    void requestIdRefusesOtherCommand();
    void rateLimited();
    void batchKeepsNeighboursAndOrder();
    void batchSettingsFollowTheBatch();
    void cleanupTestCase();

private:
    // One cafe shared by the rows of a data-driven test (created on first use).
    HubFixture &shared(std::unique_ptr<HubFixture> &slot)
    {
        if (!slot)
            slot = std::make_unique<HubFixture>();
        return *slot;
    }
    std::unique_ptr<HubFixture> m_matrix;
    std::unique_ptr<HubFixture> m_invalid;
    QString m_invalidOrder;
};

void TestHubCommands::cleanupTestCase()
{
    m_matrix.reset();
    m_invalid.reset();
}

static const QStringList kManagerOnly{QStringLiteral("cancel_order"),
                                      QStringLiteral("assign_counter"),
                                      QStringLiteral("adjust_stock"),
                                      QStringLiteral("set_counter_status"),
                                      QStringLiteral("update_settings"),
                                      QStringLiteral("list_staff"),
                                      QStringLiteral("disable_staff"),
                                      QStringLiteral("enable_staff"),
                                      QStringLiteral("set_staff_role"),
                                      QStringLiteral("set_staff_pin"),
                                      QStringLiteral("revoke_staff_sessions"),
                                      QStringLiteral("save_product"),
                                      QStringLiteral("retire_product"),
                                      QStringLiteral("restore_product"),
                                      QStringLiteral("import_menu"),
                                      QStringLiteral("set_stock_levels"),
                                      QStringLiteral("correct_timesheet"),
                                      QStringLiteral("add_staff"),
                                      QStringLiteral("update_staff"),
                                      QStringLiteral("mint_device_token"),
                                      QStringLiteral("get_report")};

void TestHubCommands::everyCommandHasANamespaceAndRole()
{
    const auto specs = CafeDomain::commandSpecs();
    const QStringList expected{"create_order",     "update_order_status", "cancel_order",
                               "assign_counter",   "join_counter",        "leave_counter",
                               "check_order_item", "list_orders",         "list_menu",
                               "save_product",     "retire_product",      "restore_product",
                               "set_availability", "import_menu",         "start_payment",
                               "confirm_payment",  "list_payments",       "adjust_stock",
                               "list_inventory",   "acknowledge_alert",   "set_stock_levels",
                               "clock_in",         "clock_out",           "record_drink",
                               "list_timesheets",  "correct_timesheet",   "set_counter_status",
                               "update_settings",  "get_settings",        "list_counters",
                               "list_staff",       "disable_staff",       "enable_staff",
                               "set_staff_role",   "set_staff_pin",       "revoke_staff_sessions",
                               "add_staff",        "update_staff",        "mint_device_token",
                               "get_report",       "chain_overview",      "open_cafe"};
    QCOMPARE(specs.size(), expected.size());
    QCOMPARE(HubDomain::commandNames(QStringLiteral("/orders")),
             (QStringList{"assign_counter", "cancel_order", "check_order_item", "create_order",
                          "import_menu", "join_counter", "leave_counter", "list_menu",
                          "list_orders", "restore_product", "retire_product", "save_product",
                          "set_availability", "update_order_status"}));
    int total = 0;
    for (const QString &nsp : HubDomain::namespaces())
        total += HubDomain::commandNames(nsp).size();
    QCOMPARE(total, expected.size());
    for (const QString &c : expected) {
        QVERIFY2(specs.contains(c), qPrintable(c));
        QCOMPARE(specs.value(c).minimumRole == HubRole::Manager, kManagerOnly.contains(c));
        QCOMPARE(specs.value(c).minimumRole == HubRole::Admin,
                 c == u"chain_overview" || c == u"open_cafe");
    }
}

void TestHubCommands::permissionMatrix_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("allowed");
    const auto specs = CafeDomain::commandSpecs();
    QStringList names = specs.keys();
    names.sort();
    for (const QString &c : names) {
        for (const QString &role :
             {QStringLiteral("employee"), QStringLiteral("manager"), QStringLiteral("admin")}) {
            const bool adminOnly = specs.value(c).minimumRole == HubRole::Admin;
            const bool allowed
                = adminOnly ? role == u"admin" : role != u"employee" || !kManagerOnly.contains(c);
            QTest::addRow("%s/%s", qPrintable(c), qPrintable(role)) << c << role << allowed;
        }
    }
}

void TestHubCommands::permissionMatrix()
{
    QFETCH(QString, command);
    QFETCH(QString, role);
    QFETCH(bool, allowed);
    HubFixture &f
        = shared(m_matrix); // one cafe for all rows: the check runs before anything changes
    const HubActor who = role == u"employee"  ? f.employee()
                         : role == u"manager" ? f.manager()
                                              : f.admin();
    const QString nsp = CafeDomain::commandSpecs().value(command).nsp();
    const CommandResult r = f.run(who, nsp, command, {});
    if (allowed && (command == u"chain_overview" || command == u"open_cafe")) {
        // Past the role check, the chain's own: an admin without the hub operator's grant
        // (tst_hubchain has the granted ones).
        QCOMPARE(r.errorType(), QStringLiteral("PERMISSION_DENIED"));
        QVERIFY(
            r.ack.value(u"error").toObject().value(u"message").toString().contains(u"chain owner"));
    } else if (allowed) {
        // An empty payload is allowed through to validation: ok (snapshots, clock_in) or a
        // data error, never a permission error.
        QVERIFY2(r.ok() || r.errorType() != u"PERMISSION_DENIED", qPrintable(dump(r.ack)));
    } else {
        QCOMPARE(r.errorType(), QStringLiteral("PERMISSION_DENIED"));
        QVERIFY(r.events.isEmpty());
    }
    if (command == u"clock_in" && r.ok())
        QVERIFY(f.run(who, nsp, QStringLiteral("clock_out")).ok());
}

void TestHubCommands::wrongNamespaceIsNotFound()
{
    HubFixture f;
    const CommandResult r
        = f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("create_order"), {});
    QCOMPARE(r.errorType(), QStringLiteral("NOT_FOUND"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("drop_tables"), {})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    // An actor whose cafe this hub does not serve.
    HubActor stranger{QStringLiteral("u1"), QStringLiteral("X"), HubRole::Admin,
                      QStringLiteral("nowhere")};
    QCOMPARE(f.run(stranger, QStringLiteral("/orders"), QStringLiteral("list_menu")).errorType(),
             QStringLiteral("PERMISSION_DENIED"));
}

void TestHubCommands::invalidData_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>(
        "payload"); // JSON; $P = a product id, $O = an order id, $I = an item id
    QTest::addColumn<QString>("field");
    const QString big(5000, u'x');
    auto row = [](const char *name, const char *cmd, const QByteArray &payload, const char *field) {
        QTest::newRow(name) << QString::fromLatin1(cmd) << payload << QString::fromLatin1(field);
    };
    row("create_order: missing customer", "create_order",
        R"({"items":[{"product_id":"$P","quantity":1}]})", "customer_name");
    row("create_order: huge customer", "create_order",
        QByteArray(R"({"customer_name":")") + big.toLatin1()
            + R"(","items":[{"product_id":"$P","quantity":1}]})",
        "customer_name");
    row("create_order: no items", "create_order", R"({"customer_name":"A","items":[]})", "items");
    row("create_order: items not array", "create_order", R"({"customer_name":"A","items":{}})",
        "items");
    row("create_order: fractional quantity", "create_order",
        R"({"customer_name":"A","items":[{"product_id":"$P","quantity":1.5}]})",
        "items[0].quantity");
    row("create_order: negative quantity", "create_order",
        R"({"customer_name":"A","items":[{"product_id":"$P","quantity":-2}]})",
        "items[0].quantity");
    row("create_order: string quantity", "create_order",
        R"({"customer_name":"A","items":[{"product_id":"$P","quantity":"2"}]})",
        "items[0].quantity");
    row("create_order: huge quantity", "create_order",
        R"({"customer_name":"A","items":[{"product_id":"$P","quantity":1e300}]})",
        "items[0].quantity");
    row("create_order: item not object", "create_order", R"({"customer_name":"A","items":[5]})",
        "items[0]");
    row("create_order: tip with 3 decimals", "create_order",
        R"({"customer_name":"A","items":[{"product_id":"$P","quantity":1}],"tip_amount":1.234})",
        "tip_amount");
    row("create_order: negative tip", "create_order",
        R"({"customer_name":"A","items":[{"product_id":"$P","quantity":1}],"tip_amount":-1})",
        "tip_amount");
    row("create_order: bad customization", "create_order",
        R"({"customer_name":"A","items":[{"product_id":"$P","quantity":1,"customizations":[7]}]})",
        "items[0].customizations[0]");
    row("update_order_status: unknown status", "update_order_status",
        R"({"order_id":"$O","status":"flying"})", "status");
    row("update_order_status: missing order", "update_order_status", R"({"status":"preparing"})",
        "order_id");
    row("cancel_order: no reason", "cancel_order", R"({"order_id":"$O"})", "reason");
    row("assign_counter: counter not string", "assign_counter",
        R"({"order_id":"$O","counter":5,"reason":"x"})", "counter");
    row("join_counter: counter not string", "join_counter", R"({"counter":12})", "counter");
    row("leave_counter: no counter", "leave_counter", R"({})", "counter");
    row("check_order_item: made not boolean", "check_order_item",
        R"({"order_id":"$O","item_id":"x","made":"yes"})", "made");
    row("list_orders: negative limit", "list_orders", R"({"recent_limit":-1})", "recent_limit");
    row("list_menu: payload not object", "list_menu", R"("menu please")", "payload");
    row("start_payment: unknown method", "start_payment", R"({"order_id":"$O","method":"bitcoin"})",
        "method");
    row("confirm_payment: id not string", "confirm_payment", R"({"transaction_id":5})",
        "transaction_id");
    row("list_payments: order id not string", "list_payments", R"({"order_id":7})", "order_id");
    row("adjust_stock: zero quantity", "adjust_stock",
        R"({"product_id":"$I","change_type":"purchase","quantity":0})", "quantity");
    row("adjust_stock: fractional quantity", "adjust_stock",
        R"({"product_id":"$I","change_type":"waste","quantity":2.5})", "quantity");
    row("adjust_stock: unknown type", "adjust_stock",
        R"({"product_id":"$I","change_type":"theft","quantity":1})", "change_type");
    row("list_inventory: payload array", "list_inventory", R"([1,2])", "payload");
    row("clock_in: notes not string", "clock_in", R"({"notes":5})", "notes");
    row("clock_out: negative break", "clock_out", R"({"break_minutes":-5})", "break_minutes");
    row("record_drink: zero quantity", "record_drink", R"({"product_id":"$P","quantity":0})",
        "quantity");
    row("list_timesheets: bad date", "list_timesheets", R"({"from":"yesterday"})", "from");
    row("set_counter_status: unknown status", "set_counter_status",
        R"({"counter":"Counter 1","status":"broken"})", "status");
    row("update_settings: nothing", "update_settings", R"({})", "payload");
    row("update_settings: tax rate too high", "update_settings", R"({"tax_rate":2})", "tax_rate");
    row("update_settings: tip not number", "update_settings", R"({"tip_suggestions":[0.1,"x"]})",
        "tip_suggestions[1]");
    row("update_settings: prep time zero", "update_settings", R"({"prep_time_minutes":0})",
        "prep_time_minutes");
    row("update_settings: unknown zone", "update_settings", R"({"timezone":"Mars/Olympus"})",
        "timezone");
    row("get_settings: payload number", "get_settings", R"(42)", "payload");
    row("list_counters: payload string", "list_counters", R"("x")", "payload");
}

void TestHubCommands::invalidData()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, payload);
    QFETCH(QString, field);
    HubFixture &f = shared(m_invalid);
    if (m_invalidOrder.isEmpty())
        m_invalidOrder = f.order(f.employee(), QStringLiteral("Latte"))
                             .data()
                             .value(u"order")
                             .toObject()
                             .value(u"id")
                             .toString();
    const QString orderId = m_invalidOrder;
    QByteArray json = payload;
    json.replace("$P", f.productId(QStringLiteral("Latte")).toLatin1());
    json.replace("$O", orderId.toLatin1());
    json.replace("$I", f.itemId(QStringLiteral("ESP001")).toLatin1());
    // Wrap so scalars parse too.
    const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().at(0);
    QVERIFY2(!value.isUndefined(), json.constData());
    const QString nsp = CafeDomain::commandSpecs().value(command).nsp();
    const qint64 before = f.hub->cafe(QStringLiteral("cafe1"))->lastSequence();
    const CommandResult r = f.hub->execute(f.manager(), nsp, command, value);
    QCOMPARE(r.errorType(), QStringLiteral("INVALID_DATA"));
    QCOMPARE(r.error().value(u"field").toString(), field);
    QVERIFY(!r.error().value(u"message").toString().isEmpty());
    QVERIFY(r.events.isEmpty());
    QCOMPARE(f.hub->cafe(QStringLiteral("cafe1"))->lastSequence(), before);
}

void TestHubCommands::orderLifecycle()
{
    HubFixture f;
    const CommandResult created
        = f.order(f.employee(), QStringLiteral("Latte"), 2, {QStringLiteral("Extra shot")});
    QVERIFY2(created.ok(), qPrintable(dump(created.ack)));
    const QJsonObject order = created.data().value(u"order").toObject();
    QCOMPARE(order.value(u"status").toString(), QStringLiteral("pending"));
    QCOMPARE(order.value(u"order_number").toString(), QStringLiteral("ORD20240101001"));
    QCOMPARE(order.value(u"items").toArray().at(0).toObject().value(u"unit_price").toDouble(),
             5.25);
    QVERIFY(HubFixture::find(created, QStringLiteral("order:created")));
    const QString id = order.value(u"id").toString();
    for (const char *status : {"preparing", "ready", "completed"}) {
        f.clock.advance(60000);
        const CommandResult r
            = f.run(f.employee2(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                    {{"order_id", id}, {"status", QString::fromLatin1(status)}, {"notes", "step"}});
        QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
        QCOMPARE(r.data().value(u"order").toObject().value(u"status").toString(),
                 QString::fromLatin1(status));
        QVERIFY(HubFixture::find(r, QStringLiteral("order:status_changed")));
        QCOMPARE(HubFixture::find(r, QStringLiteral("order:ready")) != nullptr,
                 QByteArray(status) == "ready");
    }
    const QJsonArray history
        = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("list_orders"))
              .data()
              .value(u"recent_orders")
              .toArray()
              .at(0)
              .toObject()
              .value(u"status_history")
              .toArray();
    QCOMPARE(history.size(), 4);
    QCOMPARE(history.at(3).toObject().value(u"user_id").toString(), f.employee2().userId);
    // Invalid transitions are conflicts.
    const CommandResult back
        = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                {{"order_id", id}, {"status", "preparing"}});
    QCOMPARE(back.errorType(), QStringLiteral("CONFLICT"));
    const QString id2 = f.order(f.employee(), QStringLiteral("Espresso"))
                            .data()
                            .value(u"order")
                            .toObject()
                            .value(u"id")
                            .toString();
    QCOMPARE(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                   {{"order_id", id2}, {"status", "ready"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    QCOMPARE(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                   {{"order_id", "nope"}, {"status", "ready"}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    // Cancelling through update_order_status needs a manager.
    QCOMPARE(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                   {{"order_id", id2}, {"status", "cancelled"}})
                 .errorType(),
             QStringLiteral("PERMISSION_DENIED"));
    const CommandResult viaStatus
        = f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                {{"order_id", id2}, {"status", "cancelled"}, {"notes", "Customer left"}});
    QVERIFY(viaStatus.ok());
    QVERIFY(HubFixture::find(viaStatus, QStringLiteral("order:cancelled")));
}

void TestHubCommands::orderRecall()
{
    HubFixture f;
    const QString id = f.order(f.employee(), QStringLiteral("Latte"))
                           .data()
                           .value(u"order")
                           .toObject()
                           .value(u"id")
                           .toString();
    auto status = [&](const HubActor &who, const char *to, const QJsonObject &extra = {}) {
        QJsonObject payload{{"order_id", id}, {"status", QString::fromLatin1(to)}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            payload.insert(it.key(), it.value());
        return f.run(who, QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                     payload);
    };
    auto load = [&] {
        const QJsonArray counters
            = f.run(f.employee(), QStringLiteral("/system"), QStringLiteral("list_counters"))
                  .data()
                  .value(u"counters")
                  .toArray();
        int total = 0;
        for (const QJsonValue &c : counters)
            total += c.toObject().value(u"load").toInt();
        return total;
    };

    // preparing -> pending, by another employee, inside the window.
    QVERIFY(status(f.employee(), "preparing").ok());
    f.clock.advance(30000);
    const CommandResult back = status(f.employee2(), "pending");
    QVERIFY2(back.ok(), qPrintable(dump(back.ack)));
    const HubEvent *changed = HubFixture::find(back, QStringLiteral("order:status_changed"));
    QVERIFY(changed);
    QCOMPARE(changed->data().value(u"previous_status").toString(), QStringLiteral("preparing"));
    QCOMPARE(changed->data().value(u"new_status").toString(), QStringLiteral("pending"));
    QCOMPARE(changed->data().value(u"notes").toString(), QStringLiteral("Recalled"));
    QCOMPARE(changed->data().value(u"updated_by").toObject().value(u"id").toString(),
             f.employee2().userId);
    QCOMPARE(changed->data().value(u"status_history").toArray().size(), 3);
    const QJsonObject snapshot = back.data().value(u"order").toObject();
    QCOMPARE(snapshot.value(u"status").toString(), QStringLiteral("pending"));
    QVERIFY(snapshot.value(u"preparing_at").isNull());

    // Only the last change can be undone: a recall cannot be recalled further back.
    QCOMPARE(status(f.employee(), "preparing").errorType(), QString()); // forward again
    QVERIFY(status(f.employee(), "ready").ok());
    QCOMPARE(load(), 0);
    // ready -> preparing with notes of our own; the order loads its counter again.
    f.clock.advance(59000);
    const CommandResult unready = status(f.manager(), "preparing", {{"notes", "Wrong cup"}});
    QVERIFY2(unready.ok(), qPrintable(dump(unready.ack)));
    QCOMPARE(HubFixture::find(unready, QStringLiteral("order:status_changed"))
                 ->data()
                 .value(u"notes")
                 .toString(),
             QStringLiteral("Wrong cup"));
    QVERIFY(!HubFixture::find(unready, QStringLiteral("order:ready")));
    QVERIFY(unready.data().value(u"order").toObject().value(u"ready_at").isNull());
    QCOMPARE(load(), 1);
    // The change before was ready (a recall), so going back to pending is not an undo.
    QCOMPARE(status(f.employee(), "pending").errorType(), QStringLiteral("CONFLICT"));

    // Outside the window: a conflict. Exactly at its end: still allowed.
    QVERIFY(status(f.employee(), "ready").ok());
    f.clock.advance(60001);
    const CommandResult late = status(f.employee(), "preparing");
    QCOMPARE(late.errorType(), QStringLiteral("CONFLICT"));
    QVERIFY(late.error().value(u"message").toString().contains(u"no longer be recalled"));
    QVERIFY(status(f.employee(), "completed").ok());
    f.clock.advance(60000);
    const CommandResult reopened = status(f.employee(), "ready", {{"request_id", "recall-1"}});
    QVERIFY2(reopened.ok(), qPrintable(dump(reopened.ack)));
    QVERIFY(reopened.data().value(u"order").toObject().value(u"completed_at").isNull());
    // Its request_id is answered from the stored result, nothing applied twice.
    const CommandResult again = status(f.employee(), "ready", {{"request_id", "recall-1"}});
    QVERIFY(again.replayed);
    QVERIFY(again.events.isEmpty());
    // Two steps back at once is never a recall.
    QVERIFY(status(f.employee(), "completed").ok());
    QCOMPARE(status(f.employee(), "preparing").errorType(), QStringLiteral("CONFLICT"));

    // A cafe can turn recalls off.
    const CommandResult off
        = f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                {{"recall_window_seconds", 0}});
    QVERIFY2(off.ok(), qPrintable(dump(off.ack)));
    QCOMPARE(status(f.employee(), "ready").errorType(), QStringLiteral("CONFLICT"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                   {{"recall_window_seconds", 3601}})
                 .errorType(),
             QStringLiteral("INVALID_DATA"));
    // Cancelled orders are not recalled either.
    const QString id2 = f.order(f.employee(), QStringLiteral("Espresso"))
                            .data()
                            .value(u"order")
                            .toObject()
                            .value(u"id")
                            .toString();
    QVERIFY(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                  {{"order_id", id2}, {"reason", "Customer left"}})
                .ok());
    QCOMPARE(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                   {{"order_id", id2}, {"status", "pending"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
}

void TestHubCommands::cancelAndAssign()
{
    HubFixture f;
    const QString id = f.order(f.employee(), QStringLiteral("Latte"))
                           .data()
                           .value(u"order")
                           .toObject()
                           .value(u"id")
                           .toString();
    const CommandResult moved
        = f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("assign_counter"),
                {{"order_id", id}, {"counter", "Counter 2"}, {"reason", "Load balancing"}});
    QVERIFY2(moved.ok(), qPrintable(dump(moved.ack)));
    QCOMPARE(moved.data().value(u"order").toObject().value(u"assigned_counter").toString(),
             QStringLiteral("Counter 2"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("assign_counter"),
                   {{"order_id", id}, {"counter", "Counter 2"}, {"reason", "again"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("assign_counter"),
                   {{"order_id", id}, {"counter", "Counter 9"}, {"reason", "x"}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    const CommandResult cancelled
        = f.run(f.admin(), QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                {{"order_id", id}, {"reason", "Customer requested cancellation"}});
    QVERIFY2(cancelled.ok(), qPrintable(dump(cancelled.ack)));
    QCOMPARE(cancelled.data().value(u"order").toObject().value(u"status").toString(),
             QStringLiteral("cancelled"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                   {{"order_id", id}, {"reason", "x"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
}

void TestHubCommands::counterRooms()
{
    HubFixture f;
    const CommandResult join = f.run(f.employee(), QStringLiteral("/orders"),
                                     QStringLiteral("join_counter"), {{"counter", "Counter 1"}});
    QVERIFY(join.ok());
    QCOMPARE(join.joinRoom, QStringLiteral("cafe:cafe1:counter:Counter 1"));
    QVERIFY(join.leaveRoom.isEmpty());
    QVERIFY(join.events.isEmpty());
    const CommandResult leave = f.run(f.employee(), QStringLiteral("/orders"),
                                      QStringLiteral("leave_counter"), {{"counter", "Counter 1"}});
    QCOMPARE(leave.leaveRoom, QStringLiteral("cafe:cafe1:counter:Counter 1"));
    QCOMPARE(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("join_counter"),
                   {{"counter", "Counter 7"}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
}

void TestHubCommands::snapshots()
{
    HubFixture f;
    f.order(f.employee(), QStringLiteral("Latte"));
    const QJsonObject orders
        = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("list_orders")).data();
    QCOMPARE(orders.value(u"open_orders").toArray().size(), 1);
    QCOMPARE(orders.value(u"business_date").toString(), QStringLiteral("2024-01-01"));
    const QJsonObject open = orders.value(u"open_orders").toArray().at(0).toObject();
    QCOMPARE(open.value(u"payment_status").toString(), QStringLiteral("unpaid"));
    QCOMPARE(open.value(u"status_history").toArray().size(), 1);
    const QJsonObject menu
        = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("list_menu")).data();
    QCOMPARE(menu.value(u"products").toArray().size(), 16);
    QCOMPARE(menu.value(u"currency").toString(), QStringLiteral("USD"));
    const QJsonObject latte = menu.value(u"products").toArray().at(3).toObject();
    QCOMPARE(latte.value(u"name").toString(), QStringLiteral("Latte"));
    QCOMPARE(latte.value(u"price").toDouble(), 4.5);
    QVERIFY(latte.value(u"available").toBool());
    QCOMPARE(latte.value(u"customizations").toArray().size(), 3);
    QCOMPARE(latte.value(u"recipe").toArray().size(), 3);
    const QJsonObject counters
        = f.run(f.employee(), QStringLiteral("/system"), QStringLiteral("list_counters")).data();
    QCOMPARE(counters.value(u"counters").toArray().size(), 2);
    QCOMPARE(counters.value(u"counters").toArray().at(0).toObject().value(u"load").toInt(), 1);
    const QJsonObject settings
        = f.run(f.employee(), QStringLiteral("/system"), QStringLiteral("get_settings")).data();
    QCOMPARE(settings.value(u"settings").toObject().value(u"tax_rate").toDouble(), 0.1);
    QCOMPARE(settings.value(u"cafe").toObject().value(u"name").toString(),
             QStringLiteral("Cafe cafe1"));
    const QJsonObject inventory
        = f.run(f.employee(), QStringLiteral("/inventory"), QStringLiteral("list_inventory"))
              .data();
    QCOMPARE(inventory.value(u"items").toArray().size(), 15);
    QVERIFY(inventory.value(u"disabled_products").toArray().isEmpty());
}

void TestHubCommands::payments()
{
    HubFixture f;
    auto newOrder = [&] {
        return f.order(f.employee(), QStringLiteral("Latte"))
            .data()
            .value(u"order")
            .toObject()
            .value(u"id")
            .toString();
    };
    // Cash: start, then confirm with change.
    const QString o1 = newOrder();
    const CommandResult cash
        = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                {{"order_id", o1}, {"method", "cash"}});
    QVERIFY2(cash.ok(), qPrintable(dump(cash.ack)));
    QVERIFY(HubFixture::find(cash, QStringLiteral("payment:processing")));
    const QString t1 = cash.data().value(u"payment").toObject().value(u"transaction_id").toString();
    QVERIFY(t1.startsWith(u"txn_"));
    const CommandResult paid
        = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("confirm_payment"),
                {{"transaction_id", t1}, {"amount_received", 10}});
    QVERIFY2(paid.ok(), qPrintable(dump(paid.ack)));
    QCOMPARE(paid.data().value(u"change_due").toDouble(), 5.05); // 4.50 + 10 % tax = 4.95
    QVERIFY(HubFixture::find(paid, QStringLiteral("payment:completed")));
    QCOMPARE(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("confirm_payment"),
                   {{"transaction_id", t1}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    QCOMPARE(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                   {{"order_id", o1}, {"method", "card"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    // QR: generated, then confirmed in time.
    const QString o2 = newOrder();
    const CommandResult qr
        = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                {{"order_id", o2}, {"method", "qr"}});
    QVERIFY(qr.ok());
    QVERIFY(HubFixture::find(qr, QStringLiteral("qr:generated")));
    const QString t2 = qr.data().value(u"payment").toObject().value(u"transaction_id").toString();
    QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("confirm_payment"),
                  {{"transaction_id", t2}})
                .ok());
    // Card: processing now, completed by the provider after its delay (async).
    const QString o3 = newOrder();
    QSignalSpy spy(f.hub.get(), &HubDomain::eventsReady);
    const CommandResult card
        = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                {{"order_id", o3}, {"method", "card"}});
    QVERIFY(card.ok());
    const QString t3 = card.data().value(u"payment").toObject().value(u"transaction_id").toString();
    QCOMPARE(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("confirm_payment"),
                   {{"transaction_id", t3}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    f.clock.advance(1500);
    QStringList async;
    for (const QList<QVariant> &emission : spy)
        async += HubFixture::names(emission.at(0).value<HubEventList>());
    // The provider's answer, and the throttled stock updates of the three lattes.
    QCOMPARE(async.count(QStringLiteral("payment:completed")), 1);
    QCOMPARE(async.count(QStringLiteral("inventory:stock_updated")), 3);
    QCOMPARE(async.size(), 4);
    const QJsonObject list
        = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("list_payments")).data();
    QCOMPARE(list.value(u"payments").toArray().size(), 3);
    QCOMPARE(list.value(u"summary").toObject().value(u"completed_count").toInt(), 3);
    QCOMPARE(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("list_payments"),
                   {{"order_id", o3}})
                 .data()
                 .value(u"payments")
                 .toArray()
                 .size(),
             1);
    QCOMPARE(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                   {{"order_id", "missing"}, {"method", "cash"}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
}

void TestHubCommands::inventoryCommands()
{
    HubFixture f;
    const CommandResult r = f.run(
        f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
        {{"sku", "PAS001"}, {"change_type", "purchase"}, {"quantity", 10}, {"notes", "delivery"}});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    QCOMPARE(r.data().value(u"new_stock").toInt(), 50);
    QCOMPARE(f.stock(QStringLiteral("PAS001")), 50);
    QVERIFY(HubFixture::find(r, QStringLiteral("inventory:stock_updated")));
    const CommandResult waste
        = f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                {{"product_id", f.itemId(QStringLiteral("PAS001"))},
                 {"change_type", "waste"},
                 {"quantity", 3}});
    QVERIFY(waste.ok());
    QCOMPARE(waste.data().value(u"change_amount").toInt(), -3);
    const CommandResult adj
        = f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                {{"sku", "PAS001"}, {"change_type", "adjustment"}, {"quantity", -7}});
    QVERIFY(adj.ok());
    QCOMPARE(f.stock(QStringLiteral("PAS001")), 40);
    QCOMPARE(f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                   {{"sku", "PAS001"}, {"change_type", "waste"}, {"quantity", 41}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                   {{"sku", "NOPE"}, {"change_type", "waste"}, {"quantity", 1}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(f.stock(QStringLiteral("PAS001")), 40);
}

void TestHubCommands::employeeCommands()
{
    HubFixture f;
    const CommandResult in
        = f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in"),
                {{"notes", "Started morning shift"}});
    QVERIFY2(in.ok(), qPrintable(dump(in.ack)));
    QCOMPARE(in.data().value(u"employee_id").toString(), QStringLiteral("EMP001"));
    QCOMPARE(
        f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in")).errorType(),
        QStringLiteral("CONFLICT"));
    QCOMPARE(
        f.run(f.employee2(), QStringLiteral("/employees"), QStringLiteral("clock_out")).errorType(),
        QStringLiteral("CONFLICT"));
    f.clock.advance(3600000);
    const CommandResult drink
        = f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("record_drink"),
                {{"product_id", f.productId(QStringLiteral("Latte"))}});
    QVERIFY2(drink.ok(), qPrintable(dump(drink.ack)));
    QCOMPARE(drink.data().value(u"monthly_count").toInt(), 1);
    const CommandResult out = f.run(f.employee(), QStringLiteral("/employees"),
                                    QStringLiteral("clock_out"), {{"break_minutes", 0}});
    QVERIFY(out.ok());
    QCOMPARE(out.data().value(u"total_hours").toDouble(), 1.0);
    // Employees see their own rows only; managers everyone's.
    f.run(f.employee2(), QStringLiteral("/employees"), QStringLiteral("clock_in"));
    const QJsonObject mine
        = f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("list_timesheets"))
              .data();
    QCOMPARE(mine.value(u"timesheets").toArray().size(), 1);
    QCOMPARE(mine.value(u"staff").toArray().size(), 1);
    QCOMPARE(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("list_timesheets"),
                   {{"user_id", f.employee2().userId}})
                 .errorType(),
             QStringLiteral("PERMISSION_DENIED"));
    const QJsonObject all
        = f.run(f.manager(), QStringLiteral("/employees"), QStringLiteral("list_timesheets"))
              .data();
    QCOMPARE(all.value(u"timesheets").toArray().size(), 2);
    QCOMPARE(all.value(u"staff").toArray().size(), 4);
    // A device token (no staff record) cannot clock in.
    const HubActor device{QStringLiteral("kiosk-1"), QStringLiteral("Kiosk"), HubRole::Employee,
                          QStringLiteral("cafe1")};
    QCOMPARE(f.run(device, QStringLiteral("/employees"), QStringLiteral("clock_in")).errorType(),
             QStringLiteral("NOT_FOUND"));
}

void TestHubCommands::systemCommands()
{
    HubFixture f;
    const CommandResult s
        = f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                {{"prep_time_minutes", 12}, {"tax_rate", 0.1}});
    QVERIFY2(s.ok(), qPrintable(dump(s.ack)));
    QCOMPARE(s.data().value(u"changes").toObject().keys(),
             QStringList{QStringLiteral("prep_time_minutes")});
    QVERIFY(HubFixture::find(s, QStringLiteral("cafe:settings_updated")));
    const CommandResult same
        = f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                {{"prep_time_minutes", 12}});
    QVERIFY(same.ok());
    QVERIFY(same.events.isEmpty());
    const CommandResult c = f.run(
        f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
        {{"counter", "Counter 2"}, {"status", "inactive"}, {"reason", "Equipment maintenance"}});
    QVERIFY2(c.ok(), qPrintable(dump(c.ack)));
    QCOMPARE(c.data().value(u"status").toString(), QStringLiteral("inactive"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                   {{"counter", "Counter 1"}, {"status", "inactive"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    QCOMPARE(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                   {{"counter", "Counter 2"}, {"status", "inactive"}})
                 .errorType(),
             QStringLiteral("CONFLICT"));
    QVERIFY(f.run(f.admin(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                  {{"counter", "Counter 2"}, {"status", "active"}, {"reason", "fixed"}})
                .ok());
    QCOMPARE(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                   {{"counter", "Counter 5"}, {"status", "active"}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
}

void TestHubCommands::requestIdAppliesOnce()
{
    HubFixture f;
    const QJsonObject extra{{"request_id", "r-1"}};
    const CommandResult first = f.order(f.employee(), QStringLiteral("Latte"), 1, {}, extra);
    QVERIFY(first.ok());
    QVERIFY(!first.events.isEmpty());
    const qint64 espresso = f.stock(QStringLiteral("ESP001"));
    const CommandResult again = f.order(f.employee(), QStringLiteral("Latte"), 1, {}, extra);
    QVERIFY(again.replayed);
    QCOMPARE(again.ack, first.ack);
    QVERIFY(again.events.isEmpty());
    QCOMPARE(
        f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
        1);
    QCOMPARE(f.stock(QStringLiteral("ESP001")), espresso);
    // Another user's request ids are their own.
    const CommandResult other = f.order(f.employee2(), QStringLiteral("Latte"), 1, {}, extra);
    QVERIFY(!other.replayed);
    QCOMPARE(
        f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
        2);
    // A refused command stores nothing: the retry is evaluated again.
    const CommandResult refused = f.run(
        f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
        {{"sku", "PAS001"}, {"change_type", "waste"}, {"quantity", 999}, {"request_id", "w"}});
    QCOMPARE(refused.errorType(), QStringLiteral("CONFLICT"));
    QVERIFY(
        f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
              {{"sku", "PAS001"}, {"change_type", "waste"}, {"quantity", 1}, {"request_id", "w"}})
            .ok());
}

void TestHubCommands::requestIdSurvivesRestart()
{
    HubFixture f;
    const QJsonObject extra{{"request_id", "durable-1"}};
    const CommandResult first = f.order(f.employee(), QStringLiteral("Latte"), 1, {}, extra);
    QVERIFY(first.ok());
    f.reopen();
    const CommandResult again = f.order(f.employee(), QStringLiteral("Latte"), 1, {}, extra);
    QVERIFY(again.replayed);
    QCOMPARE(again.ack, first.ack);
}

void TestHubCommands::requestIdRefusesOtherCommand()
{
    HubFixture f;
    QVERIFY(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in"),
                  {{"request_id", "x"}})
                .ok());
    const CommandResult r = f.run(f.employee(), QStringLiteral("/employees"),
                                  QStringLiteral("clock_out"), {{"request_id", "x"}});
    QCOMPARE(r.errorType(), QStringLiteral("CONFLICT"));
    QCOMPARE(r.error().value(u"field").toString(), QStringLiteral("request_id"));
    QCOMPARE(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in"),
                   {{"request_id", 5}})
                 .error()
                 .value(u"field")
                 .toString(),
             QStringLiteral("request_id"));
}

void TestHubCommands::rateLimited()
{
    HubOptions options;
    options.commandsPerSecond = 2;
    options.commandBurst = 3;
    HubFixture f({QStringLiteral("cafe1")}, options);
    int limited = 0;
    for (int i = 0; i < 5; ++i)
        limited += f.run(f.employee(), QStringLiteral("/system"), QStringLiteral("get_settings"))
                       .errorType()
                   == u"RATE_LIMITED";
    QCOMPARE(limited, 2);
    QVERIFY(f.run(f.employee2(), QStringLiteral("/system"), QStringLiteral("get_settings")).ok());
    f.clock.advance(1000);
    QVERIFY(f.run(f.employee(), QStringLiteral("/system"), QStringLiteral("get_settings")).ok());
}

// Group commit (HubDomain::submit): commands queued in one event-loop pass run in one
// transaction, a savepoint each. A command that fails in the middle takes back only its own
// writes; the others are acked in submission order, their events carry consecutive sequence
// numbers in that order, a request_id sent twice in one batch is applied once.
void TestHubCommands::batchKeepsNeighboursAndOrder()
{
    HubFixture f;
    const QString latte = f.productId(QStringLiteral("Latte"));
    const qint64 espressoBefore = f.stock(QStringLiteral("ESP001"));
    const qint64 lastSequence = f.hub->cafe(QStringLiteral("cafe1"))->lastSequence();
    struct Sent
    {
        QString product;
        QString requestId;
    };
    // 3 and 6 fail (no such product; the same request id for another command is fine, for the
    // same command it is a replay: 8 repeats 2).
    const QList<Sent> sent{{latte, QStringLiteral("b-1")},
                           {latte, QStringLiteral("b-2")},
                           {QStringLiteral("nope"), {}},
                           {latte, QStringLiteral("b-4")},
                           {latte, {}},
                           {QStringLiteral("gone"), {}},
                           {latte, QStringLiteral("b-7")},
                           {latte, QStringLiteral("b-2")},
                           {latte, QStringLiteral("b-9")}};
    QObject context;
    QList<QPair<int, CommandResult>> results;
    for (int i = 0; i < sent.size(); ++i) {
        QJsonObject payload{{"customer_name", QStringLiteral("B%1").arg(i)},
                            {"items", QJsonArray{QJsonObject{{"product_id", sent.at(i).product},
                                                             {"quantity", 1}}}}};
        if (!sent.at(i).requestId.isEmpty())
            payload.insert(QStringLiteral("request_id"), sent.at(i).requestId);
        f.hub->submit(i % 2 ? f.employee2() : f.employee(), QStringLiteral("/orders"),
                      QStringLiteral("create_order"), payload, &context,
                      [&results, i](const CommandResult &r) {
                          results.append({i, r});
                      });
    }
    QVERIFY(results.isEmpty()); // nothing before the event loop turns: one batch
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), sent.size(), 10000);
    QStringList numbers;
    qint64 sequence = lastSequence;
    for (int i = 0; i < results.size(); ++i) {
        QCOMPARE(results.at(i).first, i); // answered in submission order
        const CommandResult &r = results.at(i).second;
        if (i == 2 || i == 5) {
            QCOMPARE(r.errorType(), QStringLiteral("NOT_FOUND"));
            QVERIFY(r.events.isEmpty());
            continue;
        }
        QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
        if (i == 7) {
            // b-2 again (employee2 sent both): the first answer, nothing applied twice.
            QVERIFY(r.replayed);
            QCOMPARE(r.ack, results.at(1).second.ack);
            QVERIFY(r.events.isEmpty());
            continue;
        }
        QVERIFY(!r.replayed);
        numbers.append(
            r.data().value(u"order").toObject().value(u"order_number").toString().right(3));
        // Every event of the batch in submission order, numbered without gaps: the failed
        // commands' events were rolled back with their savepoints.
        QVERIFY(!r.events.isEmpty());
        for (const HubEvent &e : r.events) {
            QCOMPARE(e.sequence, sequence + 1);
            sequence = e.sequence;
        }
    }
    QCOMPARE(numbers, (QStringList{"001", "002", "003", "004", "005", "006"}));
    QCOMPARE(
        f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
        6);
    QCOMPARE(f.hub->cafe(QStringLiteral("cafe1"))->lastSequence(), sequence);
    // The stock moved for the six stored orders only.
    const qint64 perLatte = espressoBefore - f.stock(QStringLiteral("ESP001"));
    QVERIFY(perLatte > 0);
    QCOMPARE(perLatte % 6, 0);
    const CommandResult one = f.order(f.employee(), QStringLiteral("Latte"));
    QVERIFY(one.ok());
    QCOMPARE(espressoBefore - f.stock(QStringLiteral("ESP001")), perLatte / 6 * 7);
    // The replayed request id is stored once.
    QCOMPARE(f.scalar(QStringLiteral("cafe1"),
                      QStringLiteral("SELECT COUNT(*) FROM processed_requests WHERE request_id "
                                     "LIKE 'b-%'"))
                 .toInt(),
             5);
}

// The settings a batch's commands see: read at the start of each batch (a change made
// elsewhere shows in the next one), changed by a command for the ones after it, and not by a
// command that failed.
void TestHubCommands::batchSettingsFollowTheBatch()
{
    HubFixture f;
    const QString latte = f.productId(QStringLiteral("Latte"));
    QObject context;
    QList<CommandResult> results;
    auto submit = [&](const HubActor &who, const QString &nsp, const QString &command,
                      const QJsonObject &payload) {
        f.hub->submit(who, nsp, command, payload, &context,
                      [&results](const CommandResult &r) { results.append(r); });
    };
    const QJsonObject order{
        {"customer_name", "S"},
        {"items", QJsonArray{QJsonObject{{"product_id", latte}, {"quantity", 1}}}}};
    const auto taxOf = [](const CommandResult &r) {
        const QJsonObject totals = r.data().value(u"order").toObject().value(u"totals").toObject();
        return std::pair(qRound64(totals.value(u"subtotal").toDouble() * 100),
                         qRound64(totals.value(u"tax_amount").toDouble() * 100));
    };
    submit(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"), order);
    submit(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
           {{"tax_rate", 0.2}});
    submit(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"), order);
    submit(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
           {{"tax_rate", 2}}); // refused: too high
    submit(f.employee2(), QStringLiteral("/orders"), QStringLiteral("create_order"), order);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 5, 10000);
    QVERIFY(results.at(0).ok());
    QVERIFY(results.at(1).ok());
    QVERIFY(results.at(2).ok());
    QCOMPARE(results.at(3).errorType(), QStringLiteral("INVALID_DATA"));
    QVERIFY(results.at(4).ok());
    const auto [subtotal, taxBefore] = taxOf(results.at(0));
    QVERIFY(subtotal > 0);
    QCOMPARE(taxOf(results.at(2)).second, qRound64(subtotal * 0.2));
    QCOMPARE(taxOf(results.at(4)).second, qRound64(subtotal * 0.2));
    QVERIFY(taxBefore != qRound64(subtotal * 0.2));
    // Another writer (another node, the command line) changes the rate between batches.
    f.hub->cafe(QStringLiteral("cafe1"))
        ->connection()
        .exec(QStringLiteral("UPDATE settings SET value = ? WHERE key = 'tax_rate'"),
              {QStringLiteral("[0.05]")});
    results.clear();
    submit(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"), order);
    submit(f.employee2(), QStringLiteral("/orders"), QStringLiteral("create_order"), order);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 10000);
    QCOMPARE(taxOf(results.at(0)).second, qRound64(subtotal * 0.05));
    QCOMPARE(taxOf(results.at(1)).second, qRound64(subtotal * 0.05));
}

QTEST_GUILESS_MAIN(TestHubCommands)
#include "tst_hubcommands.moc"
