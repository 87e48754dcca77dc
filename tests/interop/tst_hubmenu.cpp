// The menu commands on the wire: stock socket.io-client 4.8.4 (tests/interop/hub-menu.js)
// against OUR hub (HubServer in process on a ManualClock, 127.0.0.1, port 0): save_product,
// retire_product, restore_product, set_availability and import_menu with their roles, validation
// naming the field, request_id replays, events to every console of the cafe and none of another,
// create_order refused while off sale, and the hub putting an item back on sale at its `until`
// (the test moves the hub's clock; nothing sleeps on the wall clock), also after a restart.
#include "eventshape.h"
#include "hubdomain.h"
#include "hubserver.h"
#include "hubtestfixture.h"
#include "hubtime.h"
#include "nodescript.h"

#include <QProcess>
#include <QStandardPaths>

#include <functional>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

// Runs hub-menu.js; its lines by their "step".
QHash<QString, QJsonObject> runScript(
    const QStringList &args, const std::function<void(const QJsonObject &, QProcess &)> &onLine,
    QString *error)
{
    QHash<QString, QJsonObject> steps;
    for (const QJsonObject &o :
         runNodeScript(QStringLiteral(TT_INTEROP_DIR), QStringLiteral("hub-menu.js"), args, 60000,
                       error, onLine))
        steps.insert(o.value(u"step").toString(), o);
    if (steps.value(QString()).contains(u"error"))
        *error = steps.value(QString()).value(u"error").toString();
    return steps;
}

QString errorOf(const QJsonValue &answer)
{
    const QJsonObject e = answer.toObject().value(u"error").toObject();
    return e.value(u"type").toString() + u'/' + e.value(u"field").toString();
}

} // namespace

class TestHubMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void menuOverTheWire();
    void eventsHaveTheirDocumentedShape();
    void backOnSaleAfterARestart();

private:
    void startServer();
    QString mint(const HubActor &actor) const
    {
        return QString::fromLatin1(
            m_server->service()->mintToken(actor, QStringLiteral("access"), 3600));
    }

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<HubServer> m_server;
};

void TestHubMenu::startServer()
{
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    options.clock = &m_fixture->clock;
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestHubMenu::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    if (!QFile::exists(QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client")))
        QSKIP("run `npm ci` in tests/interop first");
    m_fixture = std::make_unique<HubFixture>(
        QStringList{QStringLiteral("cafeA"), QStringLiteral("cafeB")});
    m_fixture->hub.reset(); // the server's domain is the only one on the folder
    startServer();
}

void TestHubMenu::cleanupTestCase()
{
    m_server.reset();
    m_fixture.reset();
}

void TestHubMenu::menuOverTheWire()
{
    const QString a = QStringLiteral("cafeA");
    const QJsonObject tokens{{"manager", mint(m_fixture->manager(a))},
                             {"employee", mint(m_fixture->employee(a))},
                             {"employee2", mint(m_fixture->employee2(a))},
                             {"outsider", mint(m_fixture->manager(QStringLiteral("cafeB")))}};
    QString error;
    qint64 advancedBy = 0;
    const QHash<QString, QJsonObject> step = runScript(
        {QString::number(m_server->port()),
         QString::fromUtf8(QJsonDocument(tokens).toJson(QJsonDocument::Compact)),
         HubTime::isoUtc(m_fixture->clock.nowMs())},
        [&](const QJsonObject &line, QProcess &node) {
            if (line.value(u"step").toString() == u"advance clock") {
                advancedBy = line.value(u"by").toInteger();
                m_fixture->clock.advance(advancedBy);
                node.write("advanced\n");
            }
        },
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(step.value(QStringLiteral("connect")).value(u"results").toArray(),
             (QJsonArray{"connect", "connect", "connect", "connect"}));

    // save_product: managers only; every refusal names its field.
    const QJsonObject invalid = step.value(QStringLiteral("save invalid"));
    QCOMPARE(invalid.value(u"employee").toString(), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(invalid.value(u"noName").toString(), QStringLiteral("INVALID_DATA/name"));
    QCOMPARE(invalid.value(u"noPrice").toString(), QStringLiteral("INVALID_DATA/price"));
    QCOMPARE(invalid.value(u"badPrice").toString(), QStringLiteral("INVALID_DATA/price"));
    QCOMPARE(invalid.value(u"unknownItem").toString(),
             QStringLiteral("NOT_FOUND/recipe[0].item_id"));
    QCOMPARE(invalid.value(u"zeroQuantity").toString(),
             QStringLiteral("INVALID_DATA/recipe[0].quantity"));
    QCOMPARE(invalid.value(u"customName").toString(),
             QStringLiteral("INVALID_DATA/customizations[0].name"));
    QCOMPARE(invalid.value(u"sameName").toString(), QStringLiteral("CONFLICT/name"));
    QCOMPARE(invalid.value(u"unknownProduct").toString(), QStringLiteral("NOT_FOUND/product_id"));

    // Created once (the replay answers the same), announced once to each console of the cafe.
    const QJsonObject created = step.value(QStringLiteral("created"));
    QVERIFY2(created.value(u"created").toObject().value(u"ok").toBool(), qPrintable(dump(created)));
    QCOMPARE(created.value(u"replay"), created.value(u"created"));
    const QJsonObject product = created.value(u"created")
                                    .toObject()
                                    .value(u"data")
                                    .toObject()
                                    .value(u"product")
                                    .toObject();
    QCOMPARE(product.value(u"name").toString(), QStringLiteral("Cardamom Latte"));
    QCOMPARE(product.value(u"price").toDouble(), 4.8);
    QCOMPARE(product.value(u"customizations").toArray().size(), 2);
    QCOMPARE(product.value(u"recipe").toArray().first().toObject().value(u"quantity").toInt(), 2);
    QVERIFY(product.value(u"off_sale").isNull());
    const QJsonArray heardCreated = created.value(u"heard").toArray();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(heardCreated.at(i).toArray().size(), 1);
        QCOMPARE(heardCreated.at(i).toArray().first().toObject().value(u"products").toArray(),
                 QJsonArray{product});
    }
    QCOMPARE(heardCreated.at(3).toArray().size(), 0); // the other cafe's manager

    // Edited: the customization named by id keeps it, the other is gone.
    const QJsonObject edited = step.value(QStringLiteral("edited"));
    const QJsonObject after
        = edited.value(u"edited").toObject().value(u"data").toObject().value(u"product").toObject();
    QCOMPARE(after.value(u"id"), product.value(u"id"));
    QCOMPARE(after.value(u"price").toDouble(), 5.0);
    const QJsonArray customs = after.value(u"customizations").toArray();
    QCOMPARE(customs.size(), 1);
    QCOMPARE(customs.first().toObject().value(u"id"), edited.value(u"oatId"));
    QCOMPARE(customs.first().toObject().value(u"name").toString(), QStringLiteral("Oat drink"));
    QCOMPARE(after.value(u"recipe").toArray().first().toObject().value(u"quantity").toInt(), 3);
    QCOMPARE(edited.value(u"heard").toArray(), (QJsonArray{1, 1, 1, 0}));

    const QJsonObject badAvailability = step.value(QStringLiteral("availability invalid"));
    QCOMPARE(badAvailability.value(u"none").toString(), QStringLiteral("INVALID_DATA/product_id"));
    QCOMPARE(badAvailability.value(u"both").toString(),
             QStringLiteral("INVALID_DATA/customization_id"));
    QCOMPARE(badAvailability.value(u"noReason").toString(), QStringLiteral("INVALID_DATA/reason"));
    QCOMPARE(badAvailability.value(u"noAvailable").toString(),
             QStringLiteral("INVALID_DATA/available"));
    QCOMPARE(badAvailability.value(u"badUntil").toString(), QStringLiteral("INVALID_DATA/until"));
    QCOMPARE(badAvailability.value(u"pastUntil").toString(), QStringLiteral("INVALID_DATA/until"));
    QCOMPARE(badAvailability.value(u"unknown").toString(), QStringLiteral("NOT_FOUND/product_id"));
    QCOMPARE(badAvailability.value(u"otherCafe").toString(),
             QStringLiteral("NOT_FOUND/product_id"));

    // An employee 86s a product for an hour: everyone of the cafe hears who, why and until when;
    // the snapshot says so; orders with it (or an off-sale customization) are refused.
    const QJsonObject off = step.value(QStringLiteral("off sale"));
    QVERIFY2(off.value(u"first").toObject().value(u"ok").toBool(), qPrintable(dump(off)));
    QCOMPARE(off.value(u"replay"), off.value(u"first"));
    const QString until = HubTime::isoUtc(m_fixture->clock.nowMs() - advancedBy + 3600 * 1000);
    const QJsonObject heard = off.value(u"heard").toObject();
    for (const char *who : {"manager", "employee", "employee2"}) {
        const QJsonArray events = heard.value(QLatin1String(who)).toArray();
        QCOMPARE(events.size(), 2); // the product, then the customization
        const QJsonObject e = events.first().toObject();
        QCOMPARE(e.value(u"available").toBool(), false);
        QCOMPARE(e.value(u"reason").toString(), QStringLiteral("Espresso machine broken"));
        QCOMPARE(e.value(u"until").toString(), until);
        QVERIFY(e.value(u"customization_id").isNull());
        QCOMPARE(e.value(u"by").toObject().value(u"name").toString(),
                 QStringLiteral("Jane Employee"));
        QVERIFY(!e.value(u"at").toString().isEmpty());
        QVERIFY(!events.at(1).toObject().value(u"customization_id").toString().isEmpty());
    }
    QCOMPARE(heard.value(u"outsider").toArray().size(), 0);
    const QJsonObject listed = off.value(u"listed").toObject();
    QCOMPARE(listed.value(u"available").toBool(), false);
    QCOMPARE(listed.value(u"unavailable_reason").toString(), QStringLiteral("off_sale"));
    const QJsonObject offSale = listed.value(u"off_sale").toObject();
    QCOMPARE(offSale.value(u"reason").toString(), QStringLiteral("Espresso machine broken"));
    QCOMPARE(offSale.value(u"until").toString(), until);
    QCOMPARE(offSale.value(u"by").toObject().value(u"id").toString(),
             m_fixture->employee(a).userId);
    const QJsonObject listedCustom = off.value(u"listedCustom").toObject();
    QCOMPARE(listedCustom.value(u"available").toBool(), false);
    QCOMPARE(listedCustom.value(u"off_sale").toObject().value(u"reason").toString(),
             QStringLiteral("Out of syrup"));
    QVERIFY(listedCustom.value(u"off_sale").toObject().value(u"until").isNull());
    QCOMPARE(errorOf(off.value(u"orderProduct")), QStringLiteral("CONFLICT/items[0].product_id"));
    QVERIFY(off.value(u"orderProduct")
                .toObject()
                .value(u"error")
                .toObject()
                .value(u"message")
                .toString()
                .contains(u"Espresso machine broken"));
    QCOMPARE(errorOf(off.value(u"orderCustom")),
             QStringLiteral("CONFLICT/items[0].customizations[0]"));
    QCOMPARE(off.value(u"orderOther").toString(), QStringLiteral("ok"));

    // The hub's clock passed `until`: back on sale by itself (by nobody), at every console.
    QCOMPARE(advancedBy, 3600 * 1000 + 1000);
    const QJsonObject back = step.value(QStringLiteral("back on sale"));
    const QJsonObject event = back.value(u"event").toObject();
    QVERIFY2(event.value(u"available").toBool(), qPrintable(dump(back)));
    QVERIFY(event.value(u"by").isNull());
    QVERIFY(event.value(u"reason").isNull());
    QCOMPARE(back.value(u"listed").toObject().value(u"available").toBool(), true);
    QVERIFY(back.value(u"listed").toObject().value(u"off_sale").isNull());
    QCOMPARE(back.value(u"orderAfter").toString(), QStringLiteral("ok"));
    // Put back by hand: once with an event, the second time nothing changes.
    QCOMPARE(back.value(u"handBack").toObject().value(u"data").toObject().value(u"changed"),
             QJsonValue(true));
    QCOMPARE(back.value(u"handBackAgain").toObject().value(u"data").toObject().value(u"changed"),
             QJsonValue(false));
    QCOMPARE(back.value(u"heard").toArray(), (QJsonArray{2, 2, 2, 0}));

    // Retired: gone from the menu (kept with include_retired), orders refused; restored.
    const QJsonObject retire = step.value(QStringLiteral("retire"));
    QCOMPARE(retire.value(u"retireDenied").toString(), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(
        retire.value(u"retired").toObject().value(u"data").toObject().value(u"already_retired"),
        QJsonValue(false));
    QCOMPARE(retire.value(u"retiredAgain")
                 .toObject()
                 .value(u"data")
                 .toObject()
                 .value(u"already_retired"),
             QJsonValue(true));
    QCOMPARE(retire.value(u"visible").toBool(), false);
    QCOMPARE(retire.value(u"withRetired").toObject().value(u"retired").toBool(), true);
    QCOMPARE(retire.value(u"orderRetired").toString(),
             QStringLiteral("NOT_FOUND/items[0].product_id"));
    QCOMPARE(retire.value(u"restored")
                 .toObject()
                 .value(u"data")
                 .toObject()
                 .value(u"product")
                 .toObject()
                 .value(u"retired"),
             QJsonValue(false));
    const QJsonArray retireHeard = retire.value(u"heard").toArray();
    for (int i = 0; i < 3; ++i) {
        const QJsonArray events = retireHeard.at(i).toArray();
        QCOMPARE(events.size(), 2); // retired (once), restored
        QCOMPARE(events.first().toObject().value(u"removed").toArray(),
                 QJsonArray{product.value(u"id")});
        QCOMPARE(events.at(1).toObject().value(u"products").toArray().size(), 1);
    }
    QCOMPARE(retireHeard.at(3).toArray().size(), 0);

    // import_menu: managers only, fields named, merged by name, replace retires the rest.
    const QJsonObject imported = step.value(QStringLiteral("import"));
    const QJsonObject bad = imported.value(u"importInvalid").toObject();
    QCOMPARE(bad.value(u"employee").toString(), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(bad.value(u"mode").toString(), QStringLiteral("INVALID_DATA/mode"));
    QCOMPARE(bad.value(u"empty").toString(), QStringLiteral("INVALID_DATA/products"));
    QCOMPARE(bad.value(u"price").toString(), QStringLiteral("INVALID_DATA/products[1].price"));
    QCOMPARE(bad.value(u"sku").toString(), QStringLiteral("NOT_FOUND/products[0].recipe[0].sku"));
    QCOMPARE(bad.value(u"twice").toString(), QStringLiteral("INVALID_DATA/products[1].name"));
    const QJsonObject merged = imported.value(u"merged").toObject().value(u"data").toObject();
    QCOMPARE(merged.value(u"created").toInt(), 1);
    QCOMPARE(merged.value(u"updated").toInt(), 0);
    QCOMPARE(imported.value(u"mergedReplay"), imported.value(u"merged"));
    QCOMPARE(imported.value(u"mergedHeard").toArray(), (QJsonArray{1, 1, 1, 0}));
    const QJsonObject replaced = imported.value(u"replaced").toObject().value(u"data").toObject();
    QCOMPARE(replaced.value(u"removed").toArray(), QJsonArray{imported.value(u"droppedId")});
    QCOMPARE(replaced.value(u"created").toInt(), 0);
    QCOMPARE(imported.value(u"after").toInt(), imported.value(u"before").toInt() - 1);
    QVERIFY(imported.value(u"sameIds").toBool());
    const QJsonArray removedHeard = imported.value(u"removedHeard").toArray();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(removedHeard.at(i).toArray(),
                 QJsonArray{QJsonArray{imported.value(u"droppedId")}});
    QCOMPARE(removedHeard.at(3).toArray(), QJsonArray());
}

void TestHubMenu::eventsHaveTheirDocumentedShape()
{
    // The events menuOverTheWire made, as stored and sent, against the examples of
    // docs/events.md (tests/fixtures/hub-events): the first of each kind fully populated.
    const HubEventList events = m_server->service()->eventsSince(QStringLiteral("cafeA"), 0);
    const HubEvent *created = nullptr, *retired = nullptr, *offSale = nullptr;
    for (const HubEvent &e : events) {
        const QJsonObject data = e.data();
        if (e.name == u"menu:updated" && !created && !data.contains(u"removed"))
            created = &e;
        if (e.name == u"menu:updated" && !retired && data.contains(u"removed"))
            retired = &e;
        if (e.name == u"menu:availability_changed" && !offSale)
            offSale = &e;
    }
    QVERIFY(created && retired && offSale);
    QJsonObject updated = fixture(QStringLiteral("menu:updated"));
    QVERIFY(!updated.isEmpty());
    QString diff = shapeDiff(updated, retired->envelope, QStringLiteral("$"), {}, true);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // `removed` is there only when products were retired.
    QJsonObject data = updated.value(u"data").toObject();
    data.remove(QStringLiteral("removed"));
    updated.insert(QStringLiteral("data"), data);
    diff = shapeDiff(updated, created->envelope, QStringLiteral("$"), {}, true);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = shapeDiff(fixture(QStringLiteral("menu:availability_changed")), offSale->envelope,
                     QStringLiteral("$"));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    for (const HubEvent *e : {created, retired, offSale}) {
        diff = valueRules(e->envelope, QStringLiteral("$"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestHubMenu::backOnSaleAfterARestart()
{
    // Taken off sale for half an hour, then the hub stops; started again, its timer is re-armed
    // and the product comes back on time.
    const QString b = QStringLiteral("cafeB");
    const HubActor manager = m_fixture->manager(b);
    const auto run = [&](const QString &command, const QJsonObject &payload) {
        return m_server->service()->execute(manager, QStringLiteral("/orders"), command, payload);
    };
    const QJsonObject product = run(QStringLiteral("list_menu"), {})
                                    .data()
                                    .value(u"products")
                                    .toArray()
                                    .first()
                                    .toObject();
    const QString id = product.value(u"id").toString();
    const CommandResult off
        = run(QStringLiteral("set_availability"),
              {{"product_id", id},
               {"available", false},
               {"reason", "Grinder being cleaned"},
               {"until", HubTime::isoUtc(m_fixture->clock.nowMs() + 30 * 60 * 1000)}});
    QVERIFY2(off.ok(), qPrintable(dump(off.ack)));
    m_server.reset();
    startServer();
    const auto offSale = [&] {
        for (const QJsonValue &p :
             run(QStringLiteral("list_menu"), {}).data().value(u"products").toArray()) {
            if (p.toObject().value(u"id").toString() == id)
                return p.toObject().value(u"off_sale");
        }
        return QJsonValue(QStringLiteral("missing"));
    };
    QCOMPARE(offSale().toObject().value(u"reason").toString(),
             QStringLiteral("Grinder being cleaned"));
    m_fixture->clock.advance(29 * 60 * 1000);
    QVERIFY(offSale().isObject());
    m_fixture->clock.advance(60 * 1000 + 1);
    QVERIFY(offSale().isNull());
    // The announcement is stored like every event (consoles that reconnect replay it).
    const HubEventList events = m_server->service()->eventsSince(b, 0);
    QVERIFY(!events.isEmpty());
    const HubEvent &last = events.last();
    QCOMPARE(last.name, QStringLiteral("menu:availability_changed"));
    QCOMPARE(last.data().value(u"product_id").toString(), id);
    QCOMPARE(last.data().value(u"available").toBool(), true);
    QVERIFY(last.data().value(u"by").isNull());
}

QTEST_GUILESS_MAIN(TestHubMenu)
#include "tst_hubmenu.moc"
