// MenuFile, the menu's products as JSON and CSV: pinned CSV text, round trips through both
// formats, quoting of hostile names, and bad input answered with an error naming where (never
// a crash or a hang).
#include "menufile.h"

#include <QJsonDocument>
#include <QTest>

using namespace TableTap;

namespace {

MenuFile::Product latte()
{
    MenuFile::Product p;
    p.name = QStringLiteral("Latte");
    p.category = QStringLiteral("coffee");
    p.priceCents = 450;
    p.recipe = {{QStringLiteral("ESP001"), {}, 18}, {QStringLiteral("MLK001"), {}, 200}};
    p.customizations = {{{}, QStringLiteral("Oat milk"), 60, {{QStringLiteral("OAT001"), {}, 200}}},
                        {{}, QStringLiteral("Extra shot"), 75, {{QStringLiteral("ESP001"), {}, 9}}},
                        {{}, QStringLiteral("No foam"), 0, {}}};
    return p;
}

// Text a spreadsheet or a careless writer would mangle: separators, quotes, a formula, text
// beyond Latin-1. (Line breaks and control characters are refused in every name.)
MenuFile::Product hostile()
{
    MenuFile::Product p;
    p.name = QStringLiteral("Tea, \"green\" with mint");
    p.category = QStringLiteral("tea;herbal");
    p.priceCents = 0;
    p.recipe = {{QStringLiteral("T,1"), {}, 1}};
    p.customizations = {{{}, QStringLiteral("=HYPERLINK(\"x\")"), 100000, {}},
                        {{}, QStringLiteral("Hönig 🍯"), 5, {}}};
    return p;
}

} // namespace

class TestMenuFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvText();
    void roundTrip_data();
    void roundTrip();
    void readsListMenuAnswer();
    void jsonErrorsNameTheField_data();
    void jsonErrorsNameTheField();
    void hostileCsv_data();
    void hostileCsv();
    void cents_data();
    void cents();
};

void TestMenuFile::csvText()
{
    MenuFile::Product tea;
    tea.name = QStringLiteral("Tea, \"green\"");
    tea.category = QStringLiteral("tea");
    tea.priceCents = 205;
    tea.recipe = {{QStringLiteral("TEA001"), {}, 2}};
    QCOMPARE(MenuFile::toCsv({latte(), tea}),
             QByteArray("type,product,customization,category,price,sku,quantity\r\n"
                        "product,Latte,,coffee,4.50,,\r\n"
                        "ingredient,Latte,,,,ESP001,18\r\n"
                        "ingredient,Latte,,,,MLK001,200\r\n"
                        "customization,Latte,Oat milk,,0.60,,\r\n"
                        "ingredient,Latte,Oat milk,,,OAT001,200\r\n"
                        "customization,Latte,Extra shot,,0.75,,\r\n"
                        "ingredient,Latte,Extra shot,,,ESP001,9\r\n"
                        "customization,Latte,No foam,,0.00,,\r\n"
                        "product,\"Tea, \"\"green\"\"\",,tea,2.05,,\r\n"
                        "ingredient,\"Tea, \"\"green\"\"\",,,,TEA001,2\r\n"));
}

void TestMenuFile::roundTrip_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("json") << int(MenuFile::Format::Json);
    QTest::newRow("csv") << int(MenuFile::Format::Csv);
}

void TestMenuFile::roundTrip()
{
    QFETCH(int, format);
    const auto f = MenuFile::Format(format);
    const QList<MenuFile::Product> products{latte(), hostile()};
    const QByteArray bytes = MenuFile::encode(products, f);
    const MenuFile::Parsed parsed = MenuFile::decode(bytes, f);
    QVERIFY2(parsed.ok(), qPrintable(parsed.field + u' ' + parsed.message));
    QCOMPARE(parsed.products, products);
    // Written again, the same bytes.
    QCOMPARE(MenuFile::encode(parsed.products, f), bytes);
    // A CSV with LF line ends, a byte order mark and columns in another order reads the same.
    if (f == MenuFile::Format::Csv) {
        const QByteArray lf = "\xEF\xBB\xBFquantity,sku,price,category,customization,product,type\n"
                              "\"\",,4.50,coffee,,Latte,product\n"
                              "18,ESP001,,,,Latte,ingredient\n"
                              "\n"
                              ",,0.60,,Oat milk,Latte,customization\n";
        const MenuFile::Parsed other = MenuFile::fromCsv(lf);
        QVERIFY2(other.ok(), qPrintable(other.message));
        QCOMPARE(other.products.size(), 1);
        QCOMPARE(other.products.first().recipe.size(), 1);
        QCOMPARE(other.products.first().customizations.first().priceCents, 60);
    }
}

void TestMenuFile::readsListMenuAnswer()
{
    // What list_menu answers (extra keys, ids, inventory names) is a file the codec reads; the
    // recipe lines travel by sku.
    const QByteArray answer = R"({"currency":"USD","products":[{"id":"p1","name":"Mocha",
        "category":"coffee","price":4.75,"position":3,"available":false,"disabled":false,
        "off_sale":{"reason":"x","until":null,"by":null,"at":"2024-01-01T08:00:00Z"},
        "customizations":[{"id":"c1","name":"Whip","price":0.5,"available":true,"off_sale":null,
        "recipe":[]}],"recipe":[{"product_id":"item-1","sku":"CHO001","product_name":"Chocolate",
        "quantity":30,"unit":"g"}]}]})";
    const MenuFile::Parsed parsed = MenuFile::decode(answer, MenuFile::Format::Json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.message));
    const MenuFile::Product &p = parsed.products.first();
    QCOMPARE(p.name, QStringLiteral("Mocha"));
    QCOMPARE(p.priceCents, 475);
    QCOMPARE(p.position, std::optional<int>(3));
    QCOMPARE(p.recipe, (QList<MenuFile::Line>{{QStringLiteral("CHO001"), {}, 30}}));
    QCOMPARE(p.customizations.first().id, QStringLiteral("c1"));
    // A file keeps no cafe's ids.
    QVERIFY(!MenuFile::encode(parsed.products, MenuFile::Format::Json).contains("\"c1\""));
}

void TestMenuFile::jsonErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("not json") << QByteArray("{\"products\": [") << "file";
    QTest::newRow("no products") << QByteArray("{}") << "products";
    QTest::newRow("not an object") << QByteArray("[1]") << "products[0]";
    QTest::newRow("no name") << QByteArray(R"([{"price": 1}])") << "products[0].name";
    QTest::newRow("blank name") << QByteArray(R"([{"name": "  ", "price": 1}])")
                                << "products[0].name";
    QTest::newRow("control") << QByteArray(R"([{"name": "a\u0000b", "price": 1}])")
                             << "products[0].name";
    QTest::newRow("long name") << ("[{\"name\": \"" + QByteArray(121, 'x') + "\", \"price\": 1}]")
                               << "products[0].name";
    QTest::newRow("price string") << QByteArray(R"([{"name": "a", "price": "1"}])")
                                  << "products[0].price";
    QTest::newRow("price decimals")
        << QByteArray(R"([{"name": "a", "price": 1.001}])") << "products[0].price";
    QTest::newRow("price too high")
        << QByteArray(R"([{"name": "a", "price": 1000.01}])") << "products[0].price";
    QTest::newRow("negative") << QByteArray(R"([{"name": "a", "price": -1}])")
                              << "products[0].price";
    QTest::newRow("position") << QByteArray(R"([{"name": "a", "price": 1, "position": 1.5}])")
                              << "products[0].position";
    QTest::newRow("recipe not array")
        << QByteArray(R"([{"name": "a", "price": 1, "recipe": {}}])") << "products[0].recipe";
    QTest::newRow("line without item")
        << QByteArray(R"([{"name": "a", "price": 1, "recipe": [{"quantity": 1}]}])")
        << "products[0].recipe[0].item_id";
    QTest::newRow("quantity zero")
        << QByteArray(R"([{"name": "a", "price": 1, "recipe": [{"sku": "S", "quantity": 0}]}])")
        << "products[0].recipe[0].quantity";
    QTest::newRow("quantity huge")
        << QByteArray(R"([{"name": "a", "price": 1, "recipe": [{"sku": "S", "quantity": 1e300}]}])")
        << "products[0].recipe[0].quantity";
    QTest::newRow("ingredient twice")
        << QByteArray(R"([{"name": "a", "price": 1, "recipe": [{"sku": "S", "quantity": 1},
                      {"sku": "S", "quantity": 2}]}])")
        << "products[0].recipe";
    QTest::newRow("customization name")
        << QByteArray(R"([{"name": "a", "price": 1, "customizations": [{"name": 5}]}])")
        << "products[0].customizations[0].name";
    QTest::newRow("customization twice")
        << QByteArray(R"([{"name": "a", "price": 1, "customizations": [{"name": "x"},
                      {"name": "x"}]}])")
        << "products[0].customizations[1].name";
    QTest::newRow("product twice") << QByteArray(R"([{"name": "a", "price": 1},
                                   {"name": "a", "price": 2}])")
                                   << "products[1].name";
}

void TestMenuFile::jsonErrorsNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const MenuFile::Parsed parsed = MenuFile::decode(json, MenuFile::Format::Json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.field, field);
    QVERIFY(parsed.products.isEmpty());
}

void TestMenuFile::hostileCsv_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("where"); // the start of the error message
    const QByteArray header = "type,product,customization,category,price,sku,quantity\n";
    QTest::newRow("empty") << QByteArray() << "row 1";
    QTest::newRow("unknown column") << QByteArray("type,product,colour\n") << "row 1, column 3";
    QTest::newRow("missing column") << QByteArray("type,product\n") << "row 1";
    QTest::newRow("column twice") << QByteArray(
        "type,product,customization,category,price,sku,quantity,type\n")
                                  << "row 1, column 8";
    QTest::newRow("unclosed quote") << header + "product,\"Latte,,coffee,1.00,,\n"
                                    << "row 2, column 2";
    QTest::newRow("quote inside") << header + "product,La\"tte,,coffee,1.00,,\n"
                                  << "row 2, column 2";
    QTest::newRow("text after quote") << header + "product,\"Latte\"x,,coffee,1.00,,\n"
                                      << "row 2, column 2";
    QTest::newRow("short row") << header + "product,Latte,,coffee,1.00\n"
                               << "row 2";
    QTest::newRow("too many columns") << header + QByteArray(40, ',') + "\n"
                                      << "row 2";
    QTest::newRow("long field") << header + "product," + QByteArray(5000, 'x') + ",,,1,,\n"
                                << "row 2, column 2";
    QTest::newRow("bad type") << header + "drink,Latte,,coffee,1.00,,\n"
                              << "row 2, column type";
    QTest::newRow("bad price") << header + "product,Latte,,coffee,1.005,,\n"
                               << "row 2, column price";
    QTest::newRow("price words") << header + "product,Latte,,coffee,free,,\n"
                                 << "row 2, column price";
    QTest::newRow("no product row") << header + "ingredient,Latte,,,,ESP001,1\n"
                                    << "row 2, column product";
    QTest::newRow("product twice") << header + "product,Latte,,coffee,1,,\nproduct,Latte,,c,2,,\n"
                                   << "row 3, column product";
    QTest::newRow("quantity") << header
                                     + "product,Latte,,coffee,1,,\ningredient,Latte,,,,ESP001,-3\n"
                              << "row 3, column quantity";
    QTest::newRow("no customization row")
        << header + "product,Latte,,coffee,1,,\ningredient,Latte,Oat,,,OAT,1\n"
        << "row 3, column customization";
    QTest::newRow("sku in product row") << header + "product,Latte,,coffee,1,ESP,\n"
                                        << "row 2, column sku";
    // A quoted line break is CSV, but no name may have one; the row is where the record starts.
    QTest::newRow("quoted newline") << header + "product,\"Two\nlines\",,coffee,1,,\n"
                                    << "row 2, column product";
    QTest::newRow("row after quoted newline")
        << header + "product,x,,\"multi\nline\",1,,\nproduct,y,,c,nope,,\n"
        << "row 2, column category";
    QTest::newRow("control character") << header + "product,\"a\tb\",,coffee,1,,\n"
                                       << "row 2, column product";
    QTest::newRow("not utf-8") << header + "product,\xff\xfe,,coffee,1,,\n"
                               << "the file";
    QTest::newRow("too large") << QByteArray(MenuFile::kMaxFileBytes + 1, 'a') << "the file";
}

void TestMenuFile::hostileCsv()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, where);
    const MenuFile::Parsed parsed = MenuFile::fromCsv(csv);
    QVERIFY2(!parsed.ok(), "accepted");
    QVERIFY2(parsed.message.startsWith(where), qPrintable(parsed.message));
    QVERIFY(parsed.products.isEmpty());
}

void TestMenuFile::cents_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents"); // -1: refused
    QTest::newRow("whole") << "4" << qint64(400);
    QTest::newRow("one decimal") << "4.5" << qint64(450);
    QTest::newRow("two") << " 4.05 " << qint64(405);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("max") << "1000.00" << qint64(100000);
    QTest::newRow("over") << "1000.01" << qint64(-1);
    QTest::newRow("three decimals") << "1.001" << qint64(-1);
    QTest::newRow("negative") << "-1" << qint64(-1);
    QTest::newRow("comma") << "4,50" << qint64(-1);
    QTest::newRow("dot only") << "." << qint64(-1);
    QTest::newRow("trailing dot") << "4." << qint64(-1);
    QTest::newRow("leading dot") << ".5" << qint64(-1);
    QTest::newRow("exponent") << "1e3" << qint64(-1);
    QTest::newRow("long") << "99999999999999999999" << qint64(-1);
}

void TestMenuFile::cents()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    const std::optional<qint64> parsed = MenuFile::centsFromText(text, MenuFile::kMaxPriceCents);
    QCOMPARE(parsed.value_or(-1), cents);
    if (parsed)
        QCOMPARE(MenuFile::centsFromText(MenuFile::centsToText(*parsed), 100000), parsed);
}

QTEST_GUILESS_MAIN(TestMenuFile)
#include "tst_menufile.moc"
