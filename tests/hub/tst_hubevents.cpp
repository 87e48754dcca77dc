// The payload shape proof: a scripted morning in a cafe makes the hub emit all 17 events of
// the contract, and each envelope is compared with the seed's example (tests/hub/fixtures,
// copied from spec/websocket-events.md): same field names, nesting and JSON types, recursively.
// Also: where each event goes (namespace, rooms), ids, times, money, and the stored sequence.
#include "hubrooms.h"
#include "hubtestfixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

QJsonObject fixture(const QString &event)
{
    QFile f(QStringLiteral(TT_HUB_FIXTURES "/") + QString(event).replace(u':', u'_')
            + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

const char *typeName(QJsonValue::Type t)
{
    switch (t) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "bool";
    case QJsonValue::Double:
        return "number";
    case QJsonValue::String:
        return "string";
    case QJsonValue::Array:
        return "array";
    case QJsonValue::Object:
        return "object";
    default:
        return "undefined";
    }
}

// Empty when `actual` has the shape of `expected`; else the first difference, by path.
// Paths in `maps` are objects with free keys whose values all have the shape of the expected
// object's first value (cafe:settings_updated's changes).
// Lenient mode (later instances of an event) accepts null at the documented nullable paths and
// empty arrays; strict mode (the first, fully populated instance) accepts neither.
static const QSet<QString> kNullable{QStringLiteral("$.data.order.customer_phone"),
                                     QStringLiteral("$.data.order.proxy_order_info.ordered_for"),
                                     QStringLiteral("$.data.customer_phone"),
                                     QStringLiteral("$.data.order_id"),
                                     QStringLiteral("$.data.orders_reassigned_to")};

QString shapeDiff(const QJsonValue &expected, const QJsonValue &actual, const QString &path,
                  const QSet<QString> &maps = {}, bool lenient = false)
{
    if (lenient && actual.isNull() && kNullable.contains(path))
        return {};
    if (expected.type() != actual.type())
        return QStringLiteral("%1: expected %2, got %3")
            .arg(path, QLatin1String(typeName(expected.type())),
                 QLatin1String(typeName(actual.type())));
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject(), a = actual.toObject();
        if (maps.contains(path)) {
            if (a.isEmpty())
                return path + QStringLiteral(": empty map");
            for (auto it = a.begin(); it != a.end(); ++it) {
                // A key the example shows keeps that key's shape; any other has the first one's
                // keys ({previous, new}) with values of the same type as each other.
                const QJsonValue model = e.contains(it.key()) ? e.value(it.key()) : QJsonValue();
                if (model.isUndefined()) {
                    const QJsonObject pair = it.value().toObject();
                    if (pair.keys() != e.begin().value().toObject().keys()
                        || pair.value(u"previous").type() != pair.value(u"new").type())
                        return path + u'.' + it.key()
                               + QStringLiteral(": not a {previous, new} pair");
                    continue;
                }
                const QString d
                    = shapeDiff(model, it.value(), path + u'.' + it.key(), maps, lenient);
                if (!d.isEmpty())
                    return d;
            }
            return {};
        }
        if (e.keys() != a.keys())
            return QStringLiteral("%1: keys %2 != %3")
                .arg(path, a.keys().join(u','), e.keys().join(u','));
        for (const QString &k : e.keys()) {
            const QString d = shapeDiff(e.value(k), a.value(k), path + u'.' + k, maps, lenient);
            if (!d.isEmpty())
                return d;
        }
    } else if (expected.isArray()) {
        const QJsonArray e = expected.toArray(), a = actual.toArray();
        if (!e.isEmpty() && a.isEmpty() && !lenient)
            return path + QStringLiteral(": empty array, cannot check its elements");
        for (int i = 0; i < a.size(); ++i) {
            const QString d
                = shapeDiff(e.at(0), a.at(i), path + QStringLiteral("[%1]").arg(i), maps, lenient);
            if (!d.isEmpty())
                return d;
        }
    }
    return {};
}

// Every number has at most two decimals (money, hours); every time is ISO-8601 UTC with Z.
QString valueRules(const QJsonValue &v, const QString &path)
{
    static const QRegularExpression iso(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    if (v.isDouble()) {
        const double x = v.toDouble() * 100;
        if (std::fabs(x - std::round(x)) > 1e-6)
            return path + QStringLiteral(": more than two decimals");
    } else if (v.isString()) {
        const QString key = path.section(u'.', -1);
        if ((key.endsWith(u"_at") || key == u"timestamp" || key.endsWith(u"_time")
             || key == u"last_restocked")
            && !iso.match(v.toString()).hasMatch())
            return path + QStringLiteral(": not ISO-8601 UTC: ") + v.toString();
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString d = valueRules(it.value(), path + u'.' + it.key());
            if (!d.isEmpty())
                return d;
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString d = valueRules(a.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
    }
    return {};
}

} // namespace

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
    QSignalSpy async(f.hub.get(), &HubService::eventsReady);
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
    // Seed order object: ids are uuids.
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
