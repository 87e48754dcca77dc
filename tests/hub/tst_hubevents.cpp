// The payload shape proof: a scripted morning in a cafe makes the hub emit all 17 events of
// the contract, and each envelope is compared with the contract's example (tests/fixtures/events,
// the examples of docs/events.md): same field names, nesting and JSON types, recursively.
// Also: where each event goes (namespace, rooms), ids, times, money, and the stored sequence.
#include "eventshape.h"
#include "hubrooms.h"
#include "hubtestfixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace TableTap;
using namespace TableTap::Test;

class TestHubEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void allSeventeenEmitted();
    void payloadShape_data();
    void payloadShape();
    void targeting_data();
    void targeting();
    void idsAndSequence();
    void connectionRooms();
    void shapeCheckerCatchesDifferences();

private:
    std::unique_ptr<HubFixture> m_f;
    HubEventList m_events;
    QHash<QString, HubEvent> m_first;
};

void TestHubEvents::initTestCase()
{
    m_f = std::make_unique<HubFixture>();
    HubFixture &f = *m_f;
    QSignalSpy async(f.hub.get(), &HubDomain::eventsReady);
    auto take = [&](const CommandResult &r) {
        QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
        m_events += r.events;
    };
    take(f.run(
        f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
        {{"tip_suggestions", QJsonArray{0.12, 0.15, 0.18, 0.22}}, {"prep_time_minutes", 12}}));
    // A proxy order with a phone number and customizations.
    const CommandResult created
        = f.order(f.employee(), QStringLiteral("Latte"), 2,
                  {QStringLiteral("Extra shot"), QStringLiteral("Vanilla syrup")},
                  {{"customer_phone", "+1234567890"},
                   {"tip_amount", 2},
                   {"ordered_for", f.employee2().userId}});
    take(created);
    const QString order1 = created.data().value(u"order").toObject().value(u"id").toString();
    f.clock.advance(5 * 60000);
    take(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
               {{"order_id", order1}, {"status", "preparing"}, {"notes", "Started preparation"}}));
    take(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("assign_counter"),
               {{"order_id", order1}, {"counter", "Counter 2"}, {"reason", "Load balancing"}}));
    f.clock.advance(10 * 60000);
    take(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("update_order_status"),
               {{"order_id", order1}, {"status", "ready"}}));
    take(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
               {{"order_id", order1}, {"method", "card"}}));
    f.clock.advance(2000); // payment:completed
    // 2.50 + 0.25 tax + 0.38 tip = 3.13: declined by the provider's rule.
    const CommandResult declined
        = f.order(f.employee(), QStringLiteral("Espresso"), 1, {}, {{"tip_amount", 0.38}});
    take(declined);
    const QString order2 = declined.data().value(u"order").toObject().value(u"id").toString();
    take(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
               {{"order_id", order2}, {"method", "card"}}));
    f.clock.advance(2000); // payment:failed
    take(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
               {{"order_id", order2}, {"method", "qr"}}));
    take(f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("cancel_order"),
               {{"order_id", order2}, {"reason", "Customer requested cancellation"}}));
    take(f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
               {{"sku", "PAS001"},
                {"change_type", "waste"},
                {"quantity", 40},
                {"notes", "Dropped the tray"}}));
    take(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in"),
               {{"notes", "Started morning shift"}}));
    take(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("record_drink"),
               {{"product_id", f.productId(QStringLiteral("Latte"))}, {"order_id", order1}}));
    f.clock.advance(8 * 3600000);
    take(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_out"),
               {{"break_minutes", 30}}));
    const CommandResult third = f.order(f.employee(), QStringLiteral("Green Tea"));
    take(third);
    take(f.run(
        f.manager(), QStringLiteral("/system"), QStringLiteral("set_counter_status"),
        {{"counter", "Counter 1"}, {"status", "inactive"}, {"reason", "Equipment maintenance"}}));
    f.clock.advance(5000);
    for (const QList<QVariant> &emission : async)
        m_events += emission.at(0).value<HubEventList>();
    std::sort(m_events.begin(), m_events.end(),
              [](const HubEvent &a, const HubEvent &b) { return a.sequence < b.sequence; });
    for (const HubEvent &e : m_events) {
        if (!m_first.contains(e.name))
            m_first.insert(e.name, e);
    }
}

static const QStringList kAllEvents{
    "order:created",           "order:status_changed",   "order:ready",
    "order:cancelled",         "order:assigned_counter", "payment:processing",
    "payment:completed",       "payment:failed",         "qr:generated",
    "inventory:stock_updated", "inventory:low_stock",    "inventory:out_of_stock",
    "employee:clocked_in",     "employee:clocked_out",   "employee:drink_consumed",
    "counter:status_changed",  "cafe:settings_updated"};

void TestHubEvents::allSeventeenEmitted()
{
    QStringList seen = m_first.keys();
    seen.sort();
    QStringList all = kAllEvents;
    all.sort();
    QCOMPARE(seen, all);
    QCOMPARE(QDir(QStringLiteral(TT_HUB_FIXTURES)).entryList({QStringLiteral("*.json")}).size(),
             17);
}

void TestHubEvents::payloadShape_data()
{
    QTest::addColumn<QString>("event");
    for (const QString &e : kAllEvents)
        QTest::newRow(qPrintable(e)) << e;
}

void TestHubEvents::payloadShape()
{
    QFETCH(QString, event);
    const QJsonObject expected = fixture(event);
    QVERIFY2(!expected.isEmpty(), "fixture missing");
    QVERIFY(m_first.contains(event));
    // Every emitted instance of the event, not only the first.
    int checked = 0;
    for (const HubEvent &e : std::as_const(m_events)) {
        if (e.name != event)
            continue;
        // The first instance is fully populated by the script and checked strictly.
        const QString diff = shapeDiff(expected, e.envelope, QStringLiteral("$"),
                                       {QStringLiteral("$.data.changes")}, checked > 0);
        QVERIFY2(diff.isEmpty(), qPrintable(diff + QStringLiteral("\n") + dump(e.envelope)));
        const QString rules = valueRules(e.envelope, QStringLiteral("$"));
        QVERIFY2(rules.isEmpty(), qPrintable(rules));
        QCOMPARE(e.envelope.value(u"event").toString(), event);
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestHubEvents::targeting_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<QStringList>("rooms");
    const QString orders = QStringLiteral("cafe:cafe1:orders"), cafe = QStringLiteral("cafe:cafe1"),
                  managers = QStringLiteral("cafe:cafe1:role:manager"),
                  admins = QStringLiteral("cafe:cafe1:role:admin");
    for (const char *e :
         {"order:created", "order:status_changed", "order:ready", "order:cancelled"})
        QTest::newRow(e) << e << "/orders" << QStringList{orders};
    QTest::newRow("order:assigned_counter")
        << "order:assigned_counter"
        << "/orders"
        << QStringList{QStringLiteral("cafe:cafe1:counter:Counter 1"),
                       QStringLiteral("cafe:cafe1:counter:Counter 2"), managers, admins};
    for (const char *e :
         {"payment:processing", "payment:completed", "payment:failed", "qr:generated"})
        QTest::newRow(e) << e << "/payments" << QStringList{cafe};
    for (const char *e : {"inventory:stock_updated", "inventory:out_of_stock"})
        QTest::newRow(e) << e << "/inventory" << QStringList{cafe};
    QTest::newRow("inventory:low_stock") << "inventory:low_stock"
                                         << "/inventory" << QStringList{managers, admins};
    for (const char *e : {"employee:clocked_in", "employee:clocked_out", "employee:drink_consumed"})
        QTest::newRow(e) << e << "/employees"
                         << QStringList{QStringLiteral("user:$EMP"), managers, admins};
    for (const char *e : {"counter:status_changed", "cafe:settings_updated"})
        QTest::newRow(e) << e << "/system" << QStringList{cafe};
}

void TestHubEvents::targeting()
{
    QFETCH(QString, event);
    QFETCH(QString, nsp);
    QFETCH(QStringList, rooms);
    rooms.replaceInStrings(QStringLiteral("$EMP"), m_f->employee().userId);
    const HubEvent e = m_first.value(event);
    QCOMPARE(e.nsp, nsp);
    QCOMPARE(e.rooms, rooms);
    QVERIFY(e.exceptRooms.isEmpty());
    QCOMPARE(e.cafeRoom, QStringLiteral("cafe:cafe1"));
    QCOMPARE(e.cafeId, QStringLiteral("cafe1"));
    QCOMPARE(e.envelope.value(u"meta").toObject().value(u"cafe_id").toString(),
             QStringLiteral("cafe1"));
}

void TestHubEvents::idsAndSequence()
{
    static const QRegularExpression evt(
        QStringLiteral("^evt_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QSet<QString> ids;
    qint64 last = 0;
    for (const HubEvent &e : std::as_const(m_events)) {
        QVERIFY2(evt.match(e.eventId()).hasMatch(), qPrintable(e.eventId()));
        QVERIFY(!ids.contains(e.eventId()));
        ids.insert(e.eventId());
        QVERIFY(e.sequence > last);
        last = e.sequence;
    }
    // The stored log holds exactly what was emitted, in order, gap-free.
    const HubEventList stored = m_f->hub->eventsSince(QStringLiteral("cafe1"), 0);
    QCOMPARE(stored.size(), m_events.size());
    for (qsizetype i = 0; i < stored.size(); ++i) {
        QCOMPARE(stored.at(i).sequence, qint64(i + 1));
        QCOMPARE(stored.at(i).envelope, m_events.at(i).envelope);
        QCOMPARE(stored.at(i).rooms, m_events.at(i).rooms);
    }
    QCOMPARE(m_f->hub->eventsSince(QStringLiteral("cafe1"), last - 2).size(), 2);
    // The contract's order object: ids are uuids.
    const QJsonObject order
        = m_first.value(QStringLiteral("order:created")).data().value(u"order").toObject();
    QVERIFY(!QUuid::fromString(order.value(u"id").toString()).isNull());
    QVERIFY(
        !QUuid::fromString(order.value(u"items").toArray().at(0).toObject().value(u"id").toString())
             .isNull());
}

void TestHubEvents::connectionRooms()
{
    const HubActor a{QStringLiteral("u1"), QStringLiteral("A"), HubRole::Manager,
                     QStringLiteral("c9")};
    QCOMPARE(HubRooms::forConnection(a, QStringLiteral("/orders")),
             (QStringList{"cafe:c9", "cafe:c9:role:manager", "user:u1", "cafe:c9:orders"}));
    QCOMPARE(HubRooms::forConnection(a, QStringLiteral("/system")),
             (QStringList{"cafe:c9", "cafe:c9:role:manager", "user:u1"}));
}

void TestHubEvents::shapeCheckerCatchesDifferences()
{
    // The checker itself must be able to fail.
    const QJsonObject e = fixture(QStringLiteral("order:ready"));
    QJsonObject wrong = e;
    QJsonObject data = wrong.value(u"data").toObject();
    data.insert(QStringLiteral("prep_time_minutes"), QStringLiteral("15"));
    wrong.insert(QStringLiteral("data"), data);
    QVERIFY(!shapeDiff(e, wrong, QStringLiteral("$")).isEmpty());
    data.remove(QStringLiteral("prep_time_minutes"));
    wrong.insert(QStringLiteral("data"), data);
    QVERIFY(!shapeDiff(e, wrong, QStringLiteral("$")).isEmpty());
    data.insert(QStringLiteral("prep_time_minutes"), 15);
    data.insert(QStringLiteral("extra"), 1);
    wrong.insert(QStringLiteral("data"), data);
    QVERIFY(!shapeDiff(e, wrong, QStringLiteral("$")).isEmpty());
    QVERIFY(shapeDiff(e, e, QStringLiteral("$")).isEmpty());
    QVERIFY(!valueRules(QJsonObject{{"amount", 1.234}}, QStringLiteral("$")).isEmpty());
    QVERIFY(!valueRules(QJsonObject{{"created_at", "2024-01-01 00:00"}}, QStringLiteral("$"))
                 .isEmpty());
}

QTEST_GUILESS_MAIN(TestHubEvents)
#include "tst_hubevents.moc"
