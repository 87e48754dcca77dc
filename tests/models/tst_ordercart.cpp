// OrderCart: lines, merging, bounds, menu changes, and its totals against the hub's own
// create_order over a grid of tax rates, tips and carts (a real HubDomain on SQLite).
#include "ordercart.h"

#include "eventmapper.h"
#include "hubtestfixture.h"

#include <QTest>

using namespace TableTap;
using namespace TableTap::Test;

namespace {
MenuProduct product(const QString &id, Cents price, const QList<MenuCustomization> &options = {})
{
    MenuProduct p;
    p.id = id;
    p.name = id;
    p.category = QStringLiteral("coffee");
    p.price = price;
    p.options = options;
    for (const MenuCustomization &o : options)
        p.customizations << o.name;
    return p;
}

MenuCustomization option(const QString &id, Cents price)
{
    MenuCustomization o;
    o.id = id;
    o.name = id + QStringLiteral(" name");
    o.price = price;
    return o;
}

Cents cents(const QJsonValue &v)
{
    return centsFromNumber(v.toDouble());
}
} // namespace

class TestOrderCart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linesMergeAndBounds()
    {
        const MenuProduct latte
            = product(QStringLiteral("latte"), 450,
                      {option(QStringLiteral("shot"), 75), option(QStringLiteral("vanilla"), 50)});
        OrderCart cart;
        int line = -1;
        QCOMPARE(cart.add(latte, {}, &line), OrderCart::AddResult::Added);
        QCOMPARE(line, 0);
        QCOMPARE(cart.add(latte, {}, &line), OrderCart::AddResult::Merged);
        QCOMPARE(cart.quantityOf(0), 2);
        // The same customizations in another order are the same line, in the menu's order.
        QCOMPARE(cart.add(latte, {QStringLiteral("vanilla"), QStringLiteral("shot")}, &line),
                 OrderCart::AddResult::Added);
        QCOMPARE(cart.lines().at(1).optionIds,
                 (QStringList{QStringLiteral("shot"), QStringLiteral("vanilla")}));
        QCOMPARE(cart.add(latte, {QStringLiteral("shot"), QStringLiteral("vanilla")}, &line),
                 OrderCart::AddResult::Merged);
        QCOMPARE(line, 1);
        QCOMPARE(cart.lines().at(1).unitPrice(), Cents(575));
        QCOMPARE(cart.lines().at(1).total(), Cents(1150));
        QCOMPARE(cart.subtotal(), Cents(900 + 1150));
        QCOMPARE(cart.itemCount(), 4);
        // An unknown customization refuses the whole add.
        QCOMPARE(cart.add(latte, {QStringLiteral("oat")}), OrderCart::AddResult::NotOrderable);
        QCOMPARE(cart.lines().size(), 2);

        QVERIFY(!cart.setQuantity(0, 0));
        QVERIFY(!cart.setQuantity(0, OrderCart::MaxQuantity + 1));
        QVERIFY(cart.setQuantity(0, OrderCart::MaxQuantity));
        QCOMPARE(cart.add(latte, {}), OrderCart::AddResult::QuantityLimit);
        QVERIFY(!cart.changeQuantity(0, 1));
        QVERIFY(cart.changeQuantity(0, -98));
        QCOMPARE(cart.quantityOf(0), 1);
        QVERIFY(!cart.changeQuantity(0, -1));
        QVERIFY(!cart.setQuantity(5, 2));

        // Customizations on a line: on, off, and not one that cannot be sold.
        QVERIFY(cart.setOption(0, latte, QStringLiteral("vanilla"), true));
        QCOMPARE(cart.lines().at(0).optionNames, QStringList{QStringLiteral("vanilla name")});
        QCOMPARE(cart.lines().at(0).unitPrice(), Cents(500));
        MenuProduct shortLatte = latte;
        shortLatte.options[0].offSale = true;
        QVERIFY(!cart.setOption(0, shortLatte, QStringLiteral("shot"), true));
        QVERIFY(!cart.setOption(0, latte, QStringLiteral("oat"), true));
        QVERIFY(cart.setOption(0, latte, QStringLiteral("vanilla"), false));
        QCOMPARE(cart.lines().at(0).unitPrice(), Cents(450));

        cart.remove(0);
        QCOMPARE(cart.lines().size(), 1);
        cart.remove(7);
        QCOMPARE(cart.lines().size(), 1);

        OrderCart full;
        for (int i = 0; i < OrderCart::MaxLines; ++i)
            QCOMPARE(full.add(product(QString::number(i), 100)), OrderCart::AddResult::Added);
        QCOMPARE(full.add(product(QStringLiteral("one more"), 100)),
                 OrderCart::AddResult::TooManyLines);
    }

    void unavailableCannotBeAdded()
    {
        OrderCart cart;
        MenuProduct out = product(QStringLiteral("muffin"), 300);
        out.disabled = true;
        QCOMPARE(cart.add(out), OrderCart::AddResult::NotOrderable);
        MenuProduct short_ = product(QStringLiteral("wrap"), 600);
        short_.available = false;
        QCOMPARE(cart.add(short_), OrderCart::AddResult::NotOrderable);
        MenuProduct eightySixed = product(QStringLiteral("flat white"), 425);
        eightySixed.offSale = true;
        eightySixed.offSaleReason = QStringLiteral("Steam wand broken");
        QCOMPARE(cart.add(eightySixed), OrderCart::AddResult::NotOrderable);
        MenuProduct latte
            = product(QStringLiteral("latte"), 450, {option(QStringLiteral("oat"), 60)});
        latte.options[0].available = false;
        QCOMPARE(cart.add(latte, {QStringLiteral("oat")}), OrderCart::AddResult::NotOrderable);
        QVERIFY(cart.isEmpty());
    }

    void menuChangesFlagLines()
    {
        MenuProduct latte
            = product(QStringLiteral("latte"), 450, {option(QStringLiteral("shot"), 75)});
        const MenuProduct tea = product(QStringLiteral("tea"), 250);
        OrderCart cart;
        cart.add(latte, {QStringLiteral("shot")});
        cart.add(tea);
        QVERIFY(!cart.hasProblems());
        QVERIFY(!cart.refresh({latte, tea}));

        // A new price reaches the total (the hub charges the menu's price).
        latte.price = 480;
        QVERIFY(cart.refresh({latte, tea}));
        QCOMPARE(cart.subtotal(), Cents(480 + 75 + 250));

        latte.offSale = true;
        latte.offSaleReason = QStringLiteral("Machine descaling");
        QVERIFY(cart.refresh({latte, tea}));
        QCOMPARE(cart.lines().at(0).problem, CartLine::Problem::ProductUnavailable);
        QCOMPARE(cart.lines().at(0).problemReason, QStringLiteral("Machine descaling"));
        QVERIFY(cart.hasProblems());

        latte.offSale = false;
        latte.options[0].offSale = true;
        latte.options[0].offSaleReason = QStringLiteral("Grinder jammed");
        QVERIFY(cart.refresh({latte, tea}));
        QCOMPARE(cart.lines().at(0).problem, CartLine::Problem::OptionUnavailable);
        QCOMPARE(cart.lines().at(0).problemName, QStringLiteral("shot name"));
        // Taking the customization off the line clears the problem.
        QVERIFY(cart.setOption(0, latte, QStringLiteral("shot"), false));
        QVERIFY(!cart.hasProblems());

        // A product that left the menu blocks until its line is removed.
        QVERIFY(cart.refresh({latte}));
        QCOMPARE(cart.lines().at(1).problem, CartLine::Problem::ProductGone);
        cart.remove(1);
        QVERIFY(!cart.hasProblems());
    }

    void tipsAndPayload()
    {
        OrderCart cart;
        cart.add(product(QStringLiteral("espresso"), 250));
        cart.setTaxRatePpm(70000);
        QCOMPARE(cart.tax(), Cents(18)); // 0.175 rounds half up
        cart.setTipRate(150000);
        QCOMPARE(cart.tip(), Cents(38)); // 0.375
        QCOMPARE(cart.total(), Cents(306));
        QJsonObject payload;
        cart.addTipTo(payload);
        QCOMPARE(payload.value(u"tip_rate").toDouble(), 0.15);
        QVERIFY(!payload.contains(u"tip_amount"));
        cart.setTipAmount(200);
        payload = {};
        cart.addTipTo(payload);
        QCOMPARE(payload.value(u"tip_amount").toDouble(), 2.0);
        QVERIFY(!payload.contains(u"tip_rate"));
        cart.setTipAmount(OrderCart::MaxTip + 5);
        QCOMPARE(cart.tip(), OrderCart::MaxTip);
        cart.setNoTip();
        payload = {};
        cart.addTipTo(payload);
        QVERIFY(payload.isEmpty());
        QCOMPARE(cart.itemsJson(),
                 (QJsonArray{QJsonObject{{"product_id", "espresso"}, {"quantity", 1}}}));

        qint64 ppm = 0;
        QVERIFY(OrderCart::rateToPpm(QVariant(0.0825), 500000, &ppm));
        QCOMPARE(ppm, qint64(82500));
        QVERIFY(!OrderCart::rateToPpm(QVariant(0.6), 500000, &ppm));
        QVERIFY(!OrderCart::rateToPpm(QVariant(-0.1), 500000, &ppm));
        QVERIFY(!OrderCart::rateToPpm(QVariant(QStringLiteral("ten")), 500000, &ppm));
    }

    // The cart's totals are the hub's to the cent for every tax rate, tip and cart of the grid.
    void totalsMatchTheHub()
    {
        HubFixture f;
        // Enough of everything for the grid's orders.
        for (const char *sku : {"ESP001", "MILK001", "MILK002", "CUP001", "SYR001", "SYR002",
                                "PAS001", "PAS003", "TEA001"}) {
            QVERIFY(f.run(f.manager(), QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                          {{"sku", QLatin1String(sku)},
                           {"change_type", "purchase"},
                           {"quantity", 1000000}})
                        .ok());
        }
        const CommandResult menuAck
            = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("list_menu"));
        QVERIFY(menuAck.ok());
        const auto mapped
            = EventMapper::mapSnapshot(Contract::Command::ListMenu, menuAck.ack.value(u"data"));
        QVERIFY(mapped.ok());
        const QList<MenuProduct> menu = std::get<MenuSnapshot>(*mapped).products;
        auto find = [&](const QString &name) {
            for (const MenuProduct &p : menu)
                if (p.name == name)
                    return p;
            return MenuProduct{};
        };
        auto optionId = [&](const QString &productName, const QString &optionName) {
            for (const MenuCustomization &o : find(productName).options)
                if (o.name == optionName)
                    return o.id;
            return QString();
        };
        struct Pick
        {
            QString product;
            QStringList options;
            int quantity;
        };
        const QList<QList<Pick>> carts{
            {{QStringLiteral("Espresso"), {}, 1}},
            {{QStringLiteral("Latte"),
              {QStringLiteral("Extra shot"), QStringLiteral("Vanilla syrup")},
              3},
             {QStringLiteral("Croissant"), {}, 1}},
            {{QStringLiteral("Americano"), {QStringLiteral("Splash of milk")}, 7},
             {QStringLiteral("Cappuccino"), {QStringLiteral("Caramel syrup")}, 2},
             {QStringLiteral("Oat Milk Latte"), {QStringLiteral("Extra shot")}, 1},
             {QStringLiteral("Espresso"), {QStringLiteral("Extra shot")}, 13}}};
        const QList<double> taxes{0.0, 0.07, 0.0825, 0.1, 0.125, 0.19};
        enum Tip { NoTip, Rate10, Rate15, Rate18, Amount };
        int compared = 0;
        for (double tax : taxes) {
            QVERIFY(f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                          {{"tax_rate", tax}})
                        .ok());
            const CommandResult settings
                = f.run(f.employee(), QStringLiteral("/system"), QStringLiteral("get_settings"));
            qint64 taxPpm = -1;
            QVERIFY(OrderCart::rateToPpm(settings.ack.value(u"data")
                                             .toObject()
                                             .value(u"settings")
                                             .toObject()
                                             .value(u"tax_rate")
                                             .toVariant(),
                                         500000, &taxPpm));
            for (const QList<Pick> &picks : carts) {
                for (Tip tip : {NoTip, Rate10, Rate15, Rate18, Amount}) {
                    OrderCart cart;
                    cart.setTaxRatePpm(taxPpm);
                    for (const Pick &pick : picks) {
                        QStringList ids;
                        for (const QString &o : pick.options)
                            ids << optionId(pick.product, o);
                        int line = -1;
                        QVERIFY(cart.add(find(pick.product), ids, &line)
                                == OrderCart::AddResult::Added);
                        QVERIFY(cart.setQuantity(line, pick.quantity));
                    }
                    switch (tip) {
                    case NoTip:
                        cart.setNoTip();
                        break;
                    case Rate10:
                        cart.setTipRate(100000);
                        break;
                    case Rate15:
                        cart.setTipRate(150000);
                        break;
                    case Rate18:
                        cart.setTipRate(180000);
                        break;
                    case Amount:
                        cart.setTipAmount(137);
                        break;
                    }
                    QJsonObject payload{{"customer_name", "Grid"}, {"items", cart.itemsJson()}};
                    cart.addTipTo(payload);
                    const CommandResult r = f.run(f.employee(), QStringLiteral("/orders"),
                                                  QStringLiteral("create_order"), payload);
                    QVERIFY2(r.ok(), QJsonDocument(r.ack).toJson().constData());
                    const QJsonObject totals = r.ack.value(u"data")
                                                   .toObject()
                                                   .value(u"order")
                                                   .toObject()
                                                   .value(u"totals")
                                                   .toObject();
                    QCOMPARE(cents(totals.value(u"subtotal")), cart.subtotal());
                    QCOMPARE(cents(totals.value(u"tax_amount")), cart.tax());
                    QCOMPARE(cents(totals.value(u"tip_amount")), cart.tip());
                    QCOMPARE(cents(totals.value(u"total_amount")), cart.total());
                    ++compared;
                }
            }
        }
        QCOMPARE(compared, int(taxes.size() * carts.size() * 5));
    }
};

QTEST_GUILESS_MAIN(TestOrderCart)
#include "tst_ordercart.moc"
