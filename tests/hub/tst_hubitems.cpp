// Item check-off on the hub (check_order_item, order:item_checked; docs/commands.md): the rules
// against the order's status, the events and who hears them, the shape of the event against its
// example (tests/fixtures/hub-events), idempotency by request_id and state and durability.
#include "eventshape.h"
#include "hubtestfixture.h"

#include <QTest>

using namespace TableTap;
using namespace TableTap::Test;

class TestHubItems : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lastItemMakesTheOrderReady();
    void refusals();
    void untickOnAReadyOrderIsARecall();
    void idempotentAndDurable();
};

namespace {

// A two-line order (a latte and a croissant); its id and the ids of its items.
struct TwoItems
{
    QString orderId;
    QStringList itemIds;
};

TwoItems twoItemOrder(HubFixture &f)
{
    const QJsonObject payload{
        {"customer_name", "Ada"},
        {"items",
         QJsonArray{QJsonObject{{"product_id", f.productId("Latte")}, {"quantity", 2}},
                    QJsonObject{{"product_id", f.productId("Croissant")}, {"quantity", 1}}}}};
    const CommandResult r = f.run(f.employee(), "/orders", "create_order", payload);
    if (!r.ok())
        qFatal("create_order failed: %s", qPrintable(dump(r.ack)));
    const QJsonObject order = r.data().value(u"order").toObject();
    TwoItems out{order.value(u"id").toString(), {}};
    for (const QJsonValue &i : order.value(u"items").toArray())
        out.itemIds << i.toObject().value(u"id").toString();
    return out;
}

CommandResult check(HubFixture &f, const HubActor &who, const QString &order, const QString &item,
                    bool made, const QJsonObject &extra = {})
{
    QJsonObject payload{{"order_id", order}, {"item_id", item}, {"made", made}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        payload.insert(it.key(), it.value());
    return f.run(who, "/orders", "check_order_item", payload);
}

QJsonObject hubFixture(const QString &event)
{
    QFile file(QStringLiteral(TT_HUB_FIXTURES "/../hub-events/")
               + QString(event).replace(u':', u'_') + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject orderInList(HubFixture &f, const QString &id)
{
    const QJsonObject data = f.run(f.employee(), "/orders", "list_orders").data();
    for (const char *key : {"open_orders", "recent_orders"})
        for (const QJsonValue &o : data.value(QLatin1String(key)).toArray())
            if (o.toObject().value(u"id").toString() == id)
                return o.toObject();
    return {};
}

} // namespace

void TestHubItems::lastItemMakesTheOrderReady()
{
    HubFixture f;
    const TwoItems o = twoItemOrder(f);
    QCOMPARE(orderInList(f, o.orderId).value(u"items_made").toArray(), QJsonArray());

    // The first tick of a pending order starts it, through the normal status path.
    f.clock.advance(60000);
    const CommandResult first = check(f, f.employee(), o.orderId, o.itemIds[0], true);
    QVERIFY2(first.ok(), qPrintable(dump(first.ack)));
    QCOMPARE(HubFixture::names(first.events),
             (QStringList{"order:status_changed", "order:item_checked"}));
    QCOMPARE(first.events[0].data().value(u"new_status").toString(), QStringLiteral("preparing"));
    const QJsonObject ack = first.data();
    QCOMPARE(ack.value(u"order_id").toString(), o.orderId);
    QCOMPARE(ack.value(u"item_id").toString(), o.itemIds[0]);
    QCOMPARE(ack.value(u"made").toBool(), true);
    QCOMPARE(ack.value(u"items_made").toArray(), QJsonArray{o.itemIds[0]});
    QCOMPARE(ack.value(u"status").toString(), QStringLiteral("preparing"));

    // The event: the example's shape, the hub's values, the audience of order:status_changed.
    const HubEvent &e = first.events[1];
    const QString diff = shapeDiff(hubFixture("order:item_checked"), e.envelope, "$", {}, false);
    QVERIFY2(diff.isEmpty(), qPrintable(diff + "\n" + dump(e.envelope)));
    QVERIFY2(valueRules(e.envelope, "$").isEmpty(), qPrintable(valueRules(e.envelope, "$")));
    QCOMPARE(e.nsp, QStringLiteral("/orders"));
    QCOMPARE(e.rooms, first.events[0].rooms);
    QCOMPARE(e.rooms, QStringList{"cafe:cafe1:orders"});
    const QJsonObject d = e.data();
    QCOMPARE(d.value(u"counter_id").toString(), QStringLiteral("Counter 1"));
    QCOMPARE(d.value(u"checked_by").toObject().value(u"id").toString(), f.employee().userId);
    QCOMPARE(d.value(u"checked_at").toString(), QStringLiteral("2024-01-01T08:01:00Z"));
    QCOMPARE(d.value(u"items_made").toArray(), QJsonArray{o.itemIds[0]});

    // The last item: ready, with order:ready as an update_order_status would send it.
    f.clock.advance(120000);
    const CommandResult last = check(f, f.employee2(), o.orderId, o.itemIds[1], true);
    QVERIFY2(last.ok(), qPrintable(dump(last.ack)));
    QCOMPARE(HubFixture::names(last.events),
             (QStringList{"order:item_checked", "order:status_changed", "order:ready"}));
    QCOMPARE(last.events[1].data().value(u"previous_status").toString(),
             QStringLiteral("preparing"));
    QCOMPARE(last.events[1].data().value(u"new_status").toString(), QStringLiteral("ready"));
    QCOMPARE(last.events[2].data().value(u"prep_time_minutes").toInt(), 3);
    QCOMPARE(last.data().value(u"status").toString(), QStringLiteral("ready"));
    QCOMPARE(last.data().value(u"items_made").toArray(), (QJsonArray{o.itemIds[0], o.itemIds[1]}));
    const QJsonObject listed = orderInList(f, o.orderId);
    QCOMPARE(listed.value(u"status").toString(), QStringLiteral("ready"));
    QCOMPARE(listed.value(u"items_made").toArray(), (QJsonArray{o.itemIds[0], o.itemIds[1]}));
    QCOMPARE(listed.value(u"status_history").toArray().size(), 3);

    // A single-item pending order goes pending → preparing → ready in one tick.
    const CommandResult one = f.order(f.employee(), "Espresso");
    const QJsonObject oneOrder = one.data().value(u"order").toObject();
    const CommandResult tick
        = check(f, f.employee(), oneOrder.value(u"id").toString(),
                oneOrder.value(u"items").toArray().at(0).toObject().value(u"id").toString(), true);
    QVERIFY2(tick.ok(), qPrintable(dump(tick.ack)));
    QCOMPARE(HubFixture::names(tick.events),
             (QStringList{"order:status_changed", "order:item_checked", "order:status_changed",
                          "order:ready"}));
    QCOMPARE(tick.data().value(u"status").toString(), QStringLiteral("ready"));
}

void TestHubItems::refusals()
{
    HubFixture f;
    const TwoItems o = twoItemOrder(f);
    const TwoItems other = twoItemOrder(f);
    const qint64 before = f.hub->cafe("cafe1")->lastSequence();
    // Validation names the field.
    const auto invalid = [&](const QJsonObject &payload, const char *field) {
        const CommandResult r = f.run(f.employee(), "/orders", "check_order_item", payload);
        QCOMPARE(r.errorType(), QStringLiteral("INVALID_DATA"));
        QCOMPARE(r.error().value(u"field").toString(), QString::fromLatin1(field));
    };
    invalid({{"order_id", o.orderId}, {"item_id", o.itemIds[0]}, {"made", "yes"}}, "made");
    invalid({{"order_id", o.orderId}, {"item_id", o.itemIds[0]}, {"made", 1}}, "made");
    invalid({{"order_id", o.orderId}, {"item_id", o.itemIds[0]}}, "made");
    invalid({{"order_id", o.orderId}, {"item_id", 7}, {"made", true}}, "item_id");
    invalid({{"order_id", o.orderId}, {"made", true}}, "item_id");
    invalid({{"item_id", o.itemIds[0]}, {"made", true}}, "order_id");
    // Unknown order, unknown item, another order's item.
    QCOMPARE(check(f, f.employee(), "nope", o.itemIds[0], true).error().value(u"field").toString(),
             QStringLiteral("order_id"));
    const CommandResult unknown = check(f, f.employee(), o.orderId, "nope", true);
    QCOMPARE(unknown.errorType(), QStringLiteral("NOT_FOUND"));
    QCOMPARE(unknown.error().value(u"field").toString(), QStringLiteral("item_id"));
    QCOMPARE(check(f, f.employee(), o.orderId, other.itemIds[0], true).errorType(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(f.hub->cafe("cafe1")->lastSequence(), before);

    // Every role may tick; another cafe's actor may not.
    QVERIFY(check(f, f.manager(), o.orderId, o.itemIds[0], true).ok());
    QVERIFY(check(f, f.admin(), o.orderId, o.itemIds[0], false).ok());
    HubActor stranger{"u1", "X", HubRole::Admin, "elsewhere"};
    QCOMPARE(check(f, stranger, o.orderId, o.itemIds[0], true).errorType(),
             QStringLiteral("PERMISSION_DENIED"));

    // Completed and cancelled orders are closed for ticks, with a message that says so.
    for (const char *to : {"ready", "completed"})
        QVERIFY(f.run(f.employee(), "/orders", "update_order_status",
                      {{"order_id", o.orderId}, {"status", QString::fromLatin1(to)}})
                    .ok());
    const CommandResult closed = check(f, f.employee(), o.orderId, o.itemIds[1], true);
    QCOMPARE(closed.errorType(), QStringLiteral("CONFLICT"));
    QCOMPARE(closed.error().value(u"field").toString(), QStringLiteral("order_id"));
    QVERIFY2(closed.error().value(u"message").toString().contains(u"completed"),
             qPrintable(dump(closed.ack)));
    QVERIFY(f.run(f.manager(), "/orders", "cancel_order",
                  {{"order_id", other.orderId}, {"reason", "Customer left"}})
                .ok());
    QCOMPARE(check(f, f.employee(), other.orderId, other.itemIds[0], true).errorType(),
             QStringLiteral("CONFLICT"));
    QVERIFY(check(f, f.employee(), other.orderId, other.itemIds[0], true).events.isEmpty());
}

void TestHubItems::untickOnAReadyOrderIsARecall()
{
    HubFixture f;
    const TwoItems o = twoItemOrder(f);
    QVERIFY(check(f, f.employee(), o.orderId, o.itemIds[0], true).ok());
    QVERIFY(check(f, f.employee(), o.orderId, o.itemIds[1], true).ok()); // ready
    // Inside the recall window: back to preparing, no order:ready, the item unticked.
    f.clock.advance(30000);
    const CommandResult undo = check(f, f.employee2(), o.orderId, o.itemIds[1], false);
    QVERIFY2(undo.ok(), qPrintable(dump(undo.ack)));
    QCOMPARE(HubFixture::names(undo.events),
             (QStringList{"order:status_changed", "order:item_checked"}));
    QCOMPARE(undo.events[0].data().value(u"previous_status").toString(), QStringLiteral("ready"));
    QCOMPARE(undo.events[0].data().value(u"notes").toString(), QStringLiteral("Item unchecked"));
    QCOMPARE(undo.data().value(u"status").toString(), QStringLiteral("preparing"));
    QCOMPARE(undo.data().value(u"items_made").toArray(), QJsonArray{o.itemIds[0]});
    QVERIFY(orderInList(f, o.orderId).value(u"ready_at").isNull());
    // Unticking on a preparing order simply unticks.
    const CommandResult plain = check(f, f.employee(), o.orderId, o.itemIds[0], false);
    QCOMPARE(HubFixture::names(plain.events), QStringList{"order:item_checked"});
    QCOMPARE(plain.data().value(u"items_made").toArray(), QJsonArray());

    // Ready again, then too late for a recall: the untick is refused and nothing changes.
    QVERIFY(check(f, f.employee(), o.orderId, o.itemIds[0], true).ok());
    QVERIFY(check(f, f.employee(), o.orderId, o.itemIds[1], true).ok());
    f.clock.advance(61000);
    const CommandResult late = check(f, f.employee(), o.orderId, o.itemIds[0], false);
    QCOMPARE(late.errorType(), QStringLiteral("CONFLICT"));
    QVERIFY(late.error().value(u"message").toString().contains(u"no longer be recalled"));
    QCOMPARE(orderInList(f, o.orderId).value(u"items_made").toArray().size(), 2);

    // An order bumped whole keeps the ticks it had; ticking a ready order's item records it.
    const TwoItems bumped = twoItemOrder(f);
    QVERIFY(check(f, f.employee(), bumped.orderId, bumped.itemIds[0], true).ok());
    QVERIFY(f.run(f.employee(), "/orders", "update_order_status",
                  {{"order_id", bumped.orderId}, {"status", "ready"}})
                .ok());
    QCOMPARE(orderInList(f, bumped.orderId).value(u"items_made").toArray(),
             QJsonArray{bumped.itemIds[0]});
    const CommandResult onReady = check(f, f.employee(), bumped.orderId, bumped.itemIds[1], true);
    QCOMPARE(HubFixture::names(onReady.events), QStringList{"order:item_checked"});
    QCOMPARE(onReady.data().value(u"status").toString(), QStringLiteral("ready"));
}

void TestHubItems::idempotentAndDurable()
{
    HubFixture f;
    const TwoItems o = twoItemOrder(f);
    const QJsonObject rid{{"request_id", "tick-1"}};
    const CommandResult first = check(f, f.employee(), o.orderId, o.itemIds[0], true, rid);
    QVERIFY(first.ok());
    const qint64 sequence = f.hub->cafe("cafe1")->lastSequence();
    // The same request again: the stored ack, nothing applied, no event.
    const CommandResult replay = check(f, f.employee(), o.orderId, o.itemIds[0], true, rid);
    QVERIFY(replay.replayed);
    QCOMPARE(replay.ack, first.ack);
    QVERIFY(replay.events.isEmpty());
    // Another screen ticking the same item (its own request): already made, no event.
    const CommandResult second = check(f, f.employee2(), o.orderId, o.itemIds[0], true);
    QVERIFY(second.ok());
    QVERIFY(second.events.isEmpty());
    QCOMPARE(second.data().value(u"items_made").toArray(), QJsonArray{o.itemIds[0]});
    QCOMPARE(f.hub->cafe("cafe1")->lastSequence(), sequence);
    // Acked means stored: a reopened hub has the tick and the request id.
    f.reopen();
    QCOMPARE(orderInList(f, o.orderId).value(u"items_made").toArray(), QJsonArray{o.itemIds[0]});
    QVERIFY(check(f, f.employee(), o.orderId, o.itemIds[0], true, rid).replayed);
    QCOMPARE(f.scalar("cafe1", "SELECT made_by_id FROM order_items WHERE id = ?", o.itemIds[0])
                 .toString(),
             f.employee().userId);
}

QTEST_GUILESS_MAIN(TestHubItems)
#include "tst_hubitems.moc"
