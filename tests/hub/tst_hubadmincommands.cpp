// The admin command line (AdminCommandLine): cafe add/list, menu import, staff add/list and
// disable/enable/set-role/set-pin/revoke, token, backup (owner-only modes); their output,
// one-line errors and exit codes.
#include "admincommandline.h"
#include "hubsecret.h"
#include "hubtestfixture.h"
#include "menudefinition.h"
#include "menufile.h"
#include "startermenu.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>

using namespace TableTap;
using namespace TableTap::Test;

struct Run
{
    int code = -1;
    QString out, err;
};

static Run admin(const QStringList &args, HubClock *clock = nullptr,
                 std::optional<QString> secret = std::nullopt)
{
    Run r;
    QTextStream o(&r.out), e(&r.err);
    AdminCommandLine commands(o, e, clock);
    commands.setSecretReader([secret](const QString &, QString *error) {
        if (!secret)
            *error = QStringLiteral("no PIN on standard input");
        return secret;
    });
    r.code = commands.run(args);
    return r;
}

static mode_t modeOf(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

class TestAdminCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cafeAddAndList();
    void cafeAddErrors();
    void menuImport();
    void menuValidation_data();
    void menuValidation();
    void menuFiles();
    void staffAddAndList();
    void staffErrors();
    void staffLifecycle();
    void token();
    void boardToken();
    void durations_data();
    void durations();
    void backup();
    void usage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
};

void TestAdminCommandLine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_data = m_dir->path() + QStringLiteral("/data");
}

void TestAdminCommandLine::cafeAddAndList()
{
    Run r = admin({"cafe", "add", "--data", m_data, "--id", "downtown", "--name", "Downtown Cafe"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    QCOMPARE(
        r.out.trimmed(),
        QStringLiteral(
            "added cafe downtown (Downtown Cafe) with 16 products, 15 ingredients, 2 counters"));
    QVERIFY(QFile::exists(m_data + QStringLiteral("/hub.db")));
    QVERIFY(QFile::exists(m_data + QStringLiteral("/cafes/downtown.db")));
    r = admin({"cafe", "add", "--data", m_data, "--id", "airport", "--name", "Airport",
               "--counters", "Bar, Window, Patio"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("3 counters")));
    r = admin({"cafe", "list", "--data", m_data});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("airport\tAirport\t")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("downtown\tDowntown Cafe\t")));
    // The hub serves both.
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options);
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));
    QCOMPARE(hub.cafeIds(), (QStringList{"airport", "downtown"}));
    const HubActor a{QStringLiteral("x"), QStringLiteral("X"), HubRole::Manager,
                     QStringLiteral("airport")};
    const QJsonArray counters
        = hub.execute(a, QStringLiteral("/system"), QStringLiteral("list_counters"), QJsonObject{})
              .data()
              .value(u"counters")
              .toArray();
    QCOMPARE(counters.size(), 3);
    QCOMPARE(counters.at(2).toObject().value(u"counter_name").toString(), QStringLiteral("Patio"));
    // A cafe added while the hub runs is served on first use.
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "late", "--name", "Late"}).code, 0);
    QVERIFY(hub.cafe(QStringLiteral("late")));
}

void TestAdminCommandLine::cafeAddErrors()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "a", "--name", "A"}).code, 0);
    Run r = admin({"cafe", "add", "--data", m_data, "--id", "a", "--name", "Again"});
    QCOMPARE(r.code, int(AdminCommandLine::Conflict));
    QCOMPARE(r.err.trimmed(), QStringLiteral("tabletap-hub: cafe a already exists"));
    QCOMPARE(r.err.count(u'\n'), 1);
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "../evil", "--name", "X"}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "b"}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "b", "--name", "B", "--bogus"}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "b", "--name", "B", "--menu",
                    "/nonexistent.json"})
                 .code,
             int(AdminCommandLine::StorageFailure));
    QCOMPARE(
        admin({"cafe", "add", "--data", m_data, "--id", "b", "--name", "B", "--counters", "A,A"})
            .code,
        int(AdminCommandLine::UsageError));
    QVERIFY(!QFile::exists(m_data + QStringLiteral("/cafes/b.db")));
    QCOMPARE(admin({"cafe", "remove", "--data", m_data}).code, int(AdminCommandLine::UsageError));
}

static QString writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

void TestAdminCommandLine::menuImport()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options);
    QString error;
    QVERIFY(hub.open(&error));
    const HubActor m{QStringLiteral("m"), QStringLiteral("M"), HubRole::Manager,
                     QStringLiteral("c")};
    // Take some beans first: an import keeps the stock of known ingredients.
    QVERIFY(hub.execute(m, QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                        QJsonObject{{"sku", "ESP001"}, {"change_type", "waste"}, {"quantity", 100}})
                .ok());
    const QString oldLatte
        = hub.cafe(QStringLiteral("c"))
              ->connection()
              .scalar(QStringLiteral("SELECT id FROM products WHERE name = 'Latte'"))
              .toString();
    const QString file = writeFile(m_dir->filePath(QStringLiteral("menu.json")), R"({
      "format": "tabletap-menu", "version": 1,
      "ingredients": [
        {"sku": "ESP001", "name": "House Beans", "unit": "g", "stock": 9999, "reorder_level": 500, "max_stock": 8000},
        {"sku": "CHAI01", "name": "Chai Concentrate", "unit": "ml", "stock": 3000, "reorder_level": 500, "max_stock": 6000}
      ],
      "products": [
        {"name": "Latte", "category": "coffee", "price": 4.80, "recipe": [{"sku": "ESP001", "quantity": 18}]},
        {"name": "Chai Latte", "category": "tea", "price": 4.20, "recipe": [{"sku": "CHAI01", "quantity": 120}],
         "customizations": [{"name": "Extra spicy", "price": 0.30}]}
      ]})");
    const Run r = admin({"menu", "import", "--data", m_data, "--cafe", "c", file});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("imported 2 products and 2 ingredients into cafe c"));
    // The running hub sees the new menu at once (the database is the truth).
    const QJsonArray products
        = hub.execute(m, QStringLiteral("/orders"), QStringLiteral("list_menu"), QJsonObject{})
              .data()
              .value(u"products")
              .toArray();
    QCOMPARE(products.size(), 2);
    QCOMPARE(products.at(0).toObject().value(u"id").toString(), oldLatte); // same product, same id
    QCOMPARE(products.at(0).toObject().value(u"price").toDouble(), 4.8);
    QCOMPARE(products.at(1).toObject().value(u"customizations").toArray().size(), 1);
    StoreConnection &db = hub.cafe(QStringLiteral("c"))->connection();
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT stock FROM inventory_items WHERE sku = 'ESP001'")).toInt(),
        4900);
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM inventory_items WHERE sku = 'ESP001'"))
                 .toString(),
             QStringLiteral("House Beans"));
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT stock FROM inventory_items WHERE sku = 'CHAI01'")).toInt(),
        3000);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE retired = 1")).toInt(),
             15);
    // Retired products cannot be ordered.
    const QString mocha
        = db.scalar(QStringLiteral("SELECT id FROM products WHERE name = 'Mocha'")).toString();
    QCOMPARE(hub.execute(m, QStringLiteral("/orders"), QStringLiteral("create_order"),
                         QJsonObject{{"customer_name", "A"},
                                     {"items", QJsonArray{QJsonObject{{"product_id", mocha},
                                                                      {"quantity", 1}}}}})
                 .errorType(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(admin({"menu", "import", "--data", m_data, "--cafe", "nope", file}).code,
             int(AdminCommandLine::NotFound));
    QCOMPARE(admin({"menu", "import", "--data", m_data, "--cafe", "c"}).code,
             int(AdminCommandLine::UsageError));
    // The starter menu round-trips through the file format.
    const QJsonObject starter = StarterMenu::json();
    QCOMPARE(MenuDefinition::parse(MenuDefinition::parse(starter).toJson()).toJson(),
             MenuDefinition::parse(starter).toJson());
}

void TestAdminCommandLine::menuValidation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray ing
        = R"("ingredients": [{"sku": "A", "name": "A", "unit": "g", "stock": 1, "reorder_level": 1, "max_stock": 5}])";
    QTest::newRow("not json") << QByteArray("{oops") << "is not a JSON object";
    QTest::newRow("no products") << QByteArray("{" + ing + "}") << "products is required";
    QTest::newRow("unknown sku") << QByteArray(
        "{" + ing
        + R"(, "products": [{"name": "P", "price": 1, "recipe": [{"sku": "B", "quantity": 1}]}]})")
                                 << "products[0].recipe[0].sku: unknown ingredient sku B";
    QTest::newRow("price 3 decimals")
        << QByteArray("{" + ing + R"(, "products": [{"name": "P", "price": 1.005}]})")
        << "products[0].price must be an amount";
    QTest::newRow("fractional recipe") << QByteArray(
        "{" + ing
        + R"(, "products": [{"name": "P", "price": 1, "recipe": [{"sku": "A", "quantity": 0.5}]}]})")
                                       << "products[0].recipe[0].quantity must be an integer";
    QTest::newRow("duplicate product") << QByteArray(
        "{" + ing + R"(, "products": [{"name": "P", "price": 1}, {"name": "P", "price": 2}]})")
                                       << "products[1].name: product P listed twice";
    QTest::newRow("reorder above max") << QByteArray(
        R"({"ingredients": [{"sku": "A", "name": "A", "unit": "g", "stock": 1, "reorder_level": 9, "max_stock": 5}], "products": [{"name": "P", "price": 1}]})")
                                       << "ingredients[0].reorder_level is above max_stock";
    QTest::newRow("wrong format") << QByteArray(
        R"({"format": "csv", "ingredients": [], "products": [{"name": "P", "price": 1}]})")
                                  << "format must be";
}

void TestAdminCommandLine::menuValidation()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    const QString file = writeFile(m_dir->filePath(QStringLiteral("bad.json")), json);
    const Run r = admin({"menu", "import", "--data", m_data, "--cafe", "c", file});
    QCOMPARE(r.code, int(AdminCommandLine::InvalidData));
    QVERIFY2(r.err.contains(error), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
    // Nothing changed; and cafe add refuses the same file.
    SqliteConnection db;
    QString e;
    db.open(m_data + QStringLiteral("/cafes/c.db"), &e);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE retired = 0")).toInt(),
             16);
    QCOMPARE(
        admin({"cafe", "add", "--data", m_data, "--id", "d", "--name", "D", "--menu", file}).code,
        int(AdminCommandLine::InvalidData));
}

void TestAdminCommandLine::menuFiles()
{
    // menu export / import --format: the products through MenuFile and the cafe's own
    // list_menu / import_menu.
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    const QString csv = m_dir->filePath(QStringLiteral("menu.csv"));
    const QString json = m_dir->filePath(QStringLiteral("menu.json"));
    Run r = admin({"menu", "export", "--data", m_data, "--cafe", "c", "--format", "csv", csv});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("exported 16 products of cafe c to ") + csv);
    QCOMPARE(
        admin({"menu", "export", "--data", m_data, "--cafe", "c", "--format", "json", json}).code,
        0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    QVERIFY(text.startsWith("type,product,customization,category,price,sku,quantity\r\n"));
    QVERIFY(text.contains("\r\nproduct,Latte,,coffee,"));
    // Both files say the same menu.
    QFile j(json);
    QVERIFY(j.open(QIODevice::ReadOnly));
    const MenuFile::Parsed fromJson = MenuFile::decode(j.readAll(), MenuFile::Format::Json);
    const MenuFile::Parsed fromCsv = MenuFile::decode(text, MenuFile::Format::Csv);
    QVERIFY(fromJson.ok() && fromCsv.ok());
    QCOMPARE(fromCsv.products.size(), 16);
    for (qsizetype i = 0; i < fromCsv.products.size(); ++i) {
        MenuFile::Product p = fromJson.products.at(i);
        p.position.reset(); // CSV: the row order is the position
        QCOMPARE(p, fromCsv.products.at(i));
    }

    // A changed price and a new product come back in; --replace retires the rest.
    text.replace("product,Latte,,coffee,4.50,,", "product,Latte,,coffee,4.95,,");
    text += "product,Cardamom Bun,,coffee,4.10,,\r\ningredient,Cardamom Bun,,,,ESP001,18\r\n";
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    r = admin({"menu", "import", "--data", m_data, "--cafe", "c", "--format", "csv", csv});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(),
             QStringLiteral("imported 17 products into cafe c (1 new, 16 updated, 0 retired)"));
    const QString two
        = writeFile(m_dir->filePath(QStringLiteral("two.csv")),
                    "type,product,customization,category,price,sku,quantity\n"
                    "product,Latte,,coffee,4.95,,\nproduct,Cardamom Bun,,coffee,4.10,,\n");
    r = admin(
        {"menu", "import", "--data", m_data, "--cafe", "c", "--format", "csv", "--replace", two});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(),
             QStringLiteral("imported 2 products into cafe c (0 new, 2 updated, 15 retired)"));
    QJsonArray products;
    {
        SqliteStorage storage(m_data);
        HubAdminService api(storage, [](QString *) { return QByteArray(); });
        QVERIFY(api.menuProducts(QStringLiteral("c"), &products).ok());
    }
    QCOMPARE(products.size(), 2);
    QCOMPARE(products.at(0).toObject().value(u"price").toDouble(), 4.95);
    QCOMPARE(products.at(1).toObject().value(u"name").toString(), QStringLiteral("Cardamom Bun"));
    // A product is what the file says: without ingredient rows it has no recipe now.
    QCOMPARE(products.at(1).toObject().value(u"recipe").toArray().size(), 0);

    // Refusals: the row and column of a bad file, an unknown sku, usage.
    const QString bad = writeFile(m_dir->filePath(QStringLiteral("bad.csv")),
                                  "type,product,customization,category,price,sku,quantity\n"
                                  "product,Tea,,tea,two,,\n");
    r = admin({"menu", "import", "--data", m_data, "--cafe", "c", "--format", "csv", bad});
    QCOMPARE(r.code, int(AdminCommandLine::InvalidData));
    QVERIFY2(r.err.contains(u"row 2, column price"), qPrintable(r.err));
    const QString sku = writeFile(m_dir->filePath(QStringLiteral("sku.csv")),
                                  "type,product,customization,category,price,sku,quantity\n"
                                  "product,Tea,,tea,2,,\ningredient,Tea,,,,NOPE01,1\n");
    r = admin({"menu", "import", "--data", m_data, "--cafe", "c", "--format", "csv", sku});
    QCOMPARE(r.code, int(AdminCommandLine::NotFound));
    QVERIFY2(r.err.contains(u"NOPE01"), qPrintable(r.err));
    QCOMPARE(
        admin({"menu", "export", "--data", m_data, "--cafe", "c", "--format", "xml", csv}).code,
        int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"menu", "export", "--data", m_data, "--cafe", "c", csv}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"menu", "import", "--data", m_data, "--cafe", "c", "--replace", json}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(
        admin({"menu", "export", "--data", m_data, "--cafe", "nope", "--format", "csv", csv}).code,
        int(AdminCommandLine::NotFound));
}

void TestAdminCommandLine::staffAddAndList()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    Run r = admin({"staff", "add", "--data", m_data, "--cafe", "c", "--code", "EMP001", "--name",
                   "John Doe", "--role", "employee", "--pin", "4821", "--hourly-rate", "15.5",
                   "--drink-allowance", "10"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("added employee EMP001 (John Doe) id ")),
             qPrintable(r.out));
    QCOMPARE(admin({"staff", "add", "--data", m_data, "--cafe", "c", "--code", "MGR001", "--name",
                    "Sarah", "--role", "manager", "--pin", "777777", "--hourly-rate", "25"})
                 .code,
             0);
    r = admin({"staff", "list", "--data", m_data, "--cafe", "c"});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("EMP001\tJohn Doe\temployee\t15.50\t10\t")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("MGR001\tSarah\tmanager\t25.00\tdefault\t")));
    QVERIFY(!r.out.contains(QStringLiteral("4821")));
    // The PIN works for sign-in; the hash is stored, not the PIN.
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options);
    QString error;
    QVERIFY(hub.open(&error));
    const SignInResult s = hub.signInService().signIn(QStringLiteral("c"), QStringLiteral("EMP001"),
                                                      QStringLiteral("4821"), {});
    QVERIFY2(s.ok(), qPrintable(s.message));
    QCOMPARE(s.actor.name, QStringLiteral("John Doe"));
    QVERIFY(hub.cafe(QStringLiteral("c"))
                ->connection()
                .scalar(QStringLiteral("SELECT pin_hash FROM staff WHERE code = 'EMP001'"))
                .toString()
                .startsWith(QStringLiteral("pbkdf2-sha256$")));
    QCOMPARE(hub.registry().cafeOfUser(s.actor.userId), QStringLiteral("c"));
}

void TestAdminCommandLine::staffErrors()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    const QStringList base{"staff", "add",    "--data", m_data,   "--cafe",
                           "c",     "--code", "E1",     "--name", "E"};
    QCOMPARE(admin(base + QStringList{"--role", "employee", "--pin", "1234", "--hourly-rate", "10"})
                 .code,
             0);
    QCOMPARE(admin(base + QStringList{"--role", "employee", "--pin", "1234", "--hourly-rate", "10"})
                 .code,
             int(AdminCommandLine::Conflict));
    const QStringList other{"staff", "add",    "--data", m_data,   "--cafe",
                            "c",     "--code", "E2",     "--name", "E"};
    QCOMPARE(
        admin(other + QStringList{"--role", "boss", "--pin", "1234", "--hourly-rate", "10"}).code,
        int(AdminCommandLine::UsageError));
    QCOMPARE(
        admin(other + QStringList{"--role", "employee", "--pin", "12", "--hourly-rate", "10"}).code,
        int(AdminCommandLine::UsageError));
    QCOMPARE(
        admin(other + QStringList{"--role", "employee", "--pin", "1234", "--hourly-rate", "-3"})
            .code,
        int(AdminCommandLine::UsageError));
    QCOMPARE(
        admin(other + QStringList{"--role", "employee", "--pin", "1234", "--hourly-rate", "10.123"})
            .code,
        int(AdminCommandLine::UsageError));
    QCOMPARE(admin(other + QStringList{"--role", "employee", "--pin", "1234"}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"staff", "add", "--data", m_data, "--cafe", "zz", "--code", "E3", "--name", "E",
                    "--role", "employee", "--pin", "1234", "--hourly-rate", "10"})
                 .code,
             int(AdminCommandLine::NotFound));
    QCOMPARE(admin({"staff", "list", "--data", m_data, "--cafe", "zz"}).code,
             int(AdminCommandLine::NotFound));
}

void TestAdminCommandLine::staffLifecycle()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    for (const QString &code : {QStringLiteral("E1"), QStringLiteral("M1")})
        QCOMPARE(
            admin({"staff", "add", "--data", m_data, "--cafe", "c", "--code", code, "--name", "Pat",
                   "--role",
                   code.startsWith(u'E') ? QStringLiteral("employee") : QStringLiteral("manager"),
                   "--pin", "1234", "--hourly-rate", "10"})
                .code,
            0);
    ManualClock clock(kStartMs);
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options, &clock);
    QString error;
    QVERIFY(hub.open(&error));
    SignInService &signIn = hub.signInService();
    const SignInResult first = signIn.signIn(QStringLiteral("c"), QStringLiteral("E1"),
                                             QStringLiteral("1234"), QStringLiteral("10.0.0.1"));
    QVERIFY(first.ok());
    const QStringList e1{"--data", m_data, "--cafe", "c", "--code", "E1"};

    // disable: sign-in refused, the access and refresh tokens refused, listed as disabled.
    Run r = admin(QStringList{"staff", "disable"} + e1, &clock);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("disabled E1 (Pat)")), qPrintable(r.out));
    QCOMPARE(hub.verifyAccessToken(first.accessToken).error, JsonWebToken::Error::StaffDisabled);
    QVERIFY(!signIn.refresh(first.refreshToken, QStringLiteral("10.0.0.2")).ok());
    QCOMPARE(signIn
                 .signIn(QStringLiteral("c"), QStringLiteral("E1"), QStringLiteral("1234"),
                         QStringLiteral("10.0.0.3"))
                 .status,
             SignInResult::Status::InvalidCredentials);
    r = admin({"staff", "list", "--data", m_data, "--cafe", "c"});
    QVERIFY2(r.out.contains(QStringLiteral("E1\tPat\temployee\t10.00\tdefault\t"))
                 && r.out.section(u'\n', 0, 0).endsWith(QStringLiteral("\tdisabled")),
             qPrintable(r.out));
    QCOMPARE(admin(QStringList{"staff", "disable"} + e1).code, int(AdminCommandLine::Conflict));

    // enable: signs in again; the tokens from before stay revoked.
    QCOMPARE(admin(QStringList{"staff", "enable"} + e1, &clock).code, 0);
    QCOMPARE(admin(QStringList{"staff", "enable"} + e1).code, int(AdminCommandLine::Conflict));
    QCOMPARE(hub.verifyAccessToken(first.accessToken).error, JsonWebToken::Error::Revoked);
    QVERIFY(!signIn.refresh(first.refreshToken, QStringLiteral("10.0.0.4")).ok());
    const SignInResult second = signIn.signIn(QStringLiteral("c"), QStringLiteral("E1"),
                                              QStringLiteral("1234"), QStringLiteral("10.0.0.5"));
    QVERIFY(second.ok());
    QVERIFY(hub.verifyAccessToken(second.accessToken).ok());

    // set-role: the old access token is refused (refresh it), the refresh token gives the role.
    r = admin(QStringList{"staff", "set-role"} + e1 + QStringList{"--role", "manager"}, &clock);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("E1 (Pat) is now manager (was employee)")),
             qPrintable(r.out));
    QCOMPARE(hub.verifyAccessToken(second.accessToken).error, JsonWebToken::Error::RoleChanged);
    const SignInResult promoted = signIn.refresh(second.refreshToken, QStringLiteral("10.0.0.6"));
    QVERIFY(promoted.ok());
    QCOMPARE(promoted.actor.role, HubRole::Manager);
    QVERIFY(hub.verifyAccessToken(promoted.accessToken).ok());
    QCOMPARE(admin(QStringList{"staff", "set-role"} + e1 + QStringList{"--role", "manager"}).code,
             int(AdminCommandLine::Conflict));
    QCOMPARE(admin(QStringList{"staff", "set-role"} + e1 + QStringList{"--role", "boss"}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin(QStringList{"staff", "set-role"} + e1).code, int(AdminCommandLine::UsageError));

    // set-pin: never from the command line; from the reader; the old PIN and tokens stop working.
    r = admin(QStringList{"staff", "set-pin"} + e1 + QStringList{"--pin", "9999"}, &clock,
              QStringLiteral("5678"));
    QCOMPARE(r.code, int(AdminCommandLine::UsageError));
    QVERIFY2(r.err.contains(QStringLiteral("never from the command line")), qPrintable(r.err));
    QCOMPARE(admin(QStringList{"staff", "set-pin"} + e1, &clock).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin(QStringList{"staff", "set-pin"} + e1, &clock, QStringLiteral("12")).code,
             int(AdminCommandLine::UsageError));
    QVERIFY(hub.verifyAccessToken(promoted.accessToken).ok()); // nothing changed so far
    r = admin(QStringList{"staff", "set-pin"} + e1, &clock, QStringLiteral("5678"));
    QCOMPARE(r.code, 0);
    QVERIFY(!r.out.contains(QStringLiteral("5678")));
    QCOMPARE(hub.verifyAccessToken(promoted.accessToken).error, JsonWebToken::Error::Revoked);
    QVERIFY(!signIn
                 .signIn(QStringLiteral("c"), QStringLiteral("E1"), QStringLiteral("1234"),
                         QStringLiteral("10.0.0.7"))
                 .ok());
    const SignInResult third = signIn.signIn(QStringLiteral("c"), QStringLiteral("E1"),
                                             QStringLiteral("5678"), QStringLiteral("10.0.0.8"));
    QVERIFY(third.ok());

    // revoke: every token, access and refresh, and a device token minted for the person.
    r = admin({"token", "--data", m_data, "--cafe", "c", "--user", third.actor.userId, "--name",
               "Pat", "--role", "manager"},
              &clock);
    QCOMPARE(r.code, 0);
    const QString device = r.out.trimmed();
    QVERIFY(hub.verifyAccessToken(device).ok());
    QCOMPARE(admin(QStringList{"staff", "revoke"} + e1, &clock).code, 0);
    QCOMPARE(hub.verifyAccessToken(third.accessToken).error, JsonWebToken::Error::Revoked);
    QCOMPARE(hub.verifyAccessToken(device).error, JsonWebToken::Error::Revoked);
    QVERIFY(!signIn.refresh(third.refreshToken, QStringLiteral("10.0.0.9")).ok());
    QVERIFY(signIn
                .signIn(QStringLiteral("c"), QStringLiteral("E1"), QStringLiteral("5678"),
                        QStringLiteral("10.0.0.10"))
                .ok());
    // A token for a staff member must carry their role, and none for a disabled one.
    QCOMPARE(admin({"token", "--data", m_data, "--cafe", "c", "--user", third.actor.userId,
                    "--name", "Pat", "--role", "admin"})
                 .code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin(QStringList{"staff", "disable"} + e1, &clock).code, 0);
    QCOMPARE(admin({"token", "--data", m_data, "--cafe", "c", "--user", third.actor.userId,
                    "--name", "Pat", "--role", "manager"})
                 .code,
             int(AdminCommandLine::Conflict));

    // Not found, usage.
    QCOMPARE(admin({"staff", "revoke", "--data", m_data, "--cafe", "c", "--code", "NOBODY"}).code,
             int(AdminCommandLine::NotFound));
    QCOMPARE(admin({"staff", "revoke", "--data", m_data, "--cafe", "zz", "--code", "E1"}).code,
             int(AdminCommandLine::NotFound));
    QCOMPARE(admin({"staff", "revoke", "--data", m_data, "--cafe", "c"}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"staff", "disable", "--data", m_data, "--cafe", "c", "--code", "M1", "--role",
                    "employee"})
                 .code,
             int(AdminCommandLine::UsageError));
}

void TestAdminCommandLine::token()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "d", "--name", "D"}).code, 0);
    ManualClock clock(kStartMs);
    Run r = admin({"token", "--data", m_data, "--cafe", "c", "--user", "kiosk-1", "--name",
                   "Front kiosk", "--role", "employee", "--ttl", "30m"},
                  &clock);
    QCOMPARE(r.code, 0);
    const QString token = r.out.trimmed();
    QCOMPARE(token.count(u'.'), 2);
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options, &clock);
    QString error;
    QVERIFY(hub.open(&error));
    const auto v = hub.verifyAccessToken(token);
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.claims.userId, QStringLiteral("kiosk-1"));
    QCOMPARE(v.claims.name, QStringLiteral("Front kiosk"));
    QCOMPARE(v.claims.cafeId, QStringLiteral("c"));
    QCOMPARE(v.claims.expiresAt - v.claims.issuedAt, 1800);
    clock.advance(1800 * 1000);
    QCOMPARE(hub.verifyAccessToken(token).error, JsonWebToken::Error::Expired);
    // Default 12 h; the same device id in another cafe is refused.
    r = admin({"token", "--data", m_data, "--cafe", "c", "--user", "kiosk-1", "--name", "K",
               "--role", "manager"},
              &clock);
    QCOMPARE(r.code, 0);
    QCOMPARE(hub.verifyAccessToken(r.out.trimmed()).claims.expiresAt - clock.nowMs() / 1000,
             12 * 3600);
    QCOMPARE(admin({"token", "--data", m_data, "--cafe", "d", "--user", "kiosk-1", "--name", "K",
                    "--role", "employee"})
                 .code,
             int(AdminCommandLine::Conflict));
    QCOMPARE(admin({"token", "--data", m_data, "--cafe", "x", "--user", "k2", "--name", "K",
                    "--role", "employee"})
                 .code,
             int(AdminCommandLine::NotFound));
    QCOMPARE(admin({"token", "--data", m_data, "--cafe", "c", "--user", "k2", "--name", "K",
                    "--role", "employee", "--ttl", "soon"})
                 .code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"token", "--data", m_data, "--cafe", "c", "--user", "k 2", "--name", "K",
                    "--role", "employee"})
                 .code,
             int(AdminCommandLine::UsageError));
}

void TestAdminCommandLine::boardToken()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "d", "--name", "D"}).code, 0);
    ManualClock clock(kStartMs);
    Run r = admin({"board-token", "--data", m_data, "--cafe", "c", "--name", "Front TV"}, &clock);
    QCOMPARE(r.code, 0);
    const QString token = r.out.trimmed();
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options, &clock);
    QString error;
    QVERIFY(hub.open(&error));
    // A board's token, 90 days by default, and no access token.
    const auto v = hub.verifyBoardToken(token, {}, {});
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.claims.tokenType, QStringLiteral("board"));
    QCOMPARE(v.claims.cafeId, QStringLiteral("c"));
    QCOMPARE(v.claims.name, QStringLiteral("Front TV"));
    QCOMPARE(v.claims.expiresAt - v.claims.issuedAt, 90 * 86400);
    QCOMPARE(hub.verifyAccessToken(token).error, JsonWebToken::Error::WrongTokenType);
    // Boards of two cafes claim no user id, so both work; --ttl as for `token`.
    r = admin({"board-token", "--data", m_data, "--cafe", "d", "--ttl", "2h"}, &clock);
    QCOMPARE(r.code, 0);
    QCOMPARE(hub.verifyBoardToken(r.out.trimmed(), {}, {}).claims.expiresAt
                 - hub.verifyBoardToken(r.out.trimmed(), {}, {}).claims.issuedAt,
             7200);
    clock.advance(7200 * 1000);
    QCOMPARE(hub.verifyBoardToken(r.out.trimmed(), {}, {}).error, JsonWebToken::Error::Expired);
    QCOMPARE(admin({"board-token", "--data", m_data, "--cafe", "x"}).code,
             int(AdminCommandLine::NotFound));
    QCOMPARE(admin({"board-token", "--data", m_data, "--cafe", "c", "--ttl", "soon"}).code,
             int(AdminCommandLine::UsageError));
    QCOMPARE(admin({"board-token", "--data", m_data}).code, int(AdminCommandLine::UsageError));
}

void TestAdminCommandLine::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("12h") << "12h" << qint64(43200);
    QTest::newRow("30m") << "30m" << qint64(1800);
    QTest::newRow("7d") << "7d" << qint64(604800);
    QTest::newRow("45s") << "45s" << qint64(45);
    QTest::newRow("90") << "90" << qint64(90);
    QTest::newRow("0h") << "0h" << qint64(-1);
    QTest::newRow("-5m") << "-5m" << qint64(-1);
    QTest::newRow("1.5h") << "1.5h" << qint64(-1);
    QTest::newRow("4000d") << "4000d" << qint64(-1);
    QTest::newRow("1w") << "1w" << qint64(-1);
}

void TestAdminCommandLine::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QCOMPARE(AdminCommandLine::parseDuration(text), seconds);
}

void TestAdminCommandLine::backup()
{
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "c", "--name", "C"}).code, 0);
    QCOMPARE(admin({"cafe", "add", "--data", m_data, "--id", "d", "--name", "D"}).code, 0);
    // A running hub with an order and a connection holding the WAL open.
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options);
    QString error;
    QVERIFY(hub.open(&error));
    const HubActor m{QStringLiteral("m"), QStringLiteral("M"), HubRole::Manager,
                     QStringLiteral("c")};
    const QString espresso
        = hub.cafe(QStringLiteral("c"))
              ->connection()
              .scalar(QStringLiteral("SELECT id FROM products WHERE name = 'Espresso'"))
              .toString();
    QVERIFY(hub.execute(m, QStringLiteral("/orders"), QStringLiteral("create_order"),
                        QJsonObject{{"customer_name", "A"},
                                    {"items", QJsonArray{QJsonObject{{"product_id", espresso},
                                                                     {"quantity", 1}}}}})
                .ok());
    const QString out = m_dir->filePath(QStringLiteral("backup"));
    Run r = admin({"backup", "--data", m_data, "--out", out});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("backed up 2 cafes to ") + out);
    QVERIFY(QFile::exists(out + QStringLiteral("/hub.db")));
    // Owner only, all of it: the folders 0700, every file 0600 (whatever the umask).
    QCOMPARE(modeOf(out), mode_t(0700));
    QCOMPARE(modeOf(out + QStringLiteral("/cafes")), mode_t(0700));
    for (const char *file : {"/hub.secret", "/hub.db", "/cafes/c.db", "/cafes/d.db"})
        QVERIFY2(modeOf(out + QLatin1String(file)) == 0600, file);
    {
        // The copy is a complete hub data folder: it opens and has the order.
        HubOptions restored;
        restored.dataDir = out;
        HubDomain copy(restored);
        QVERIFY2(copy.open(&error), qPrintable(error));
        QCOMPARE(copy.cafe(QStringLiteral("c"))
                     ->connection()
                     .scalar(QStringLiteral("SELECT COUNT(*) FROM orders"))
                     .toInt(),
                 1);
        QCOMPARE(copy.cafe(QStringLiteral("c"))
                     ->connection()
                     .scalar(QStringLiteral("PRAGMA integrity_check"))
                     .toString(),
                 QStringLiteral("ok"));
        QCOMPARE(copy.cafeIds(), (QStringList{"c", "d"}));
    }
    QCOMPARE(admin({"backup", "--data", m_data, "--out", out}).code,
             int(AdminCommandLine::Conflict));
    // One cafe into one file.
    const QString one = m_dir->filePath(QStringLiteral("c.db"));
    r = admin({"backup", "--data", m_data, "--out", one, "--cafe", "c"});
    QCOMPARE(r.code, 0);
    QCOMPARE(modeOf(one), mode_t(0600));
    // A symbolic link at the target is never written through, dangling or not.
    const QString aim = m_dir->filePath(QStringLiteral("elsewhere.db"));
    const QString link = m_dir->filePath(QStringLiteral("link.db"));
    QVERIFY(QFile::link(aim, link));
    QCOMPARE(admin({"backup", "--data", m_data, "--out", link, "--cafe", "c"}).code,
             int(AdminCommandLine::Conflict));
    QVERIFY(!QFile::exists(aim));
    const QString linkFolder = m_dir->filePath(QStringLiteral("link-folder"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("nowhere")), linkFolder));
    QCOMPARE(admin({"backup", "--data", m_data, "--out", linkFolder}).code,
             int(AdminCommandLine::Conflict));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("nowhere"))));
    SqliteConnection db;
    QVERIFY(db.open(one, &error));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(), 1);
    QCOMPARE(admin({"backup", "--data", m_data, "--out", one, "--cafe", "c"}).code,
             int(AdminCommandLine::Conflict));
    QCOMPARE(admin({"backup", "--data", m_data, "--out", m_dir->filePath(QStringLiteral("x.db")),
                    "--cafe", "q"})
                 .code,
             int(AdminCommandLine::NotFound));
    QCOMPARE(admin({"backup", "--data", m_data}).code, int(AdminCommandLine::UsageError));
}

void TestAdminCommandLine::usage()
{
    const Run r = admin({});
    QCOMPARE(r.code, int(AdminCommandLine::UsageError));
    QVERIFY(r.err.startsWith(QStringLiteral("tabletap-hub: ")));
    QVERIFY(AdminCommandLine::usage().contains(QStringLiteral("Exit codes")));
    QCOMPARE(AdminCommandLine::commands(), (QStringList{"cafe", "menu", "staff", "chain", "token",
                                                        "board-token", "backup", "report"}));
    QVERIFY(AdminCommandLine::usage().contains(QStringLiteral("report day|service|staff")));
    QVERIFY(AdminCommandLine::needsGui({"report", "day", "--format", "pdf"}));
    QVERIFY(AdminCommandLine::needsGui({"report", "day", "--format=PDF"}));
    QVERIFY(!AdminCommandLine::needsGui({"report", "day", "--format", "csv"}));
    QVERIFY(!AdminCommandLine::needsGui({"backup", "--format", "pdf"}));
    // In a program without Qt Gui (this test), pdf is refused, never drawn without fonts; the
    // other formats work (the figures: tst_reports, the files: tst_reportfiles).
    const QString out = m_dir->path() + QStringLiteral("/report.pdf");
    const int added
        = admin({"cafe", "add", "--data", m_data, "--id", "reports", "--name", "Reports"}).code;
    QVERIFY(added == AdminCommandLine::Ok || added == AdminCommandLine::Conflict);
    const Run pdf = admin({"report", "day", "--data", m_data, "--cafe", "reports", "--date",
                           "2024-01-01", "--format", "pdf", "--out", out});
    QCOMPARE(pdf.code, int(AdminCommandLine::UsageError));
    QVERIFY(pdf.err.contains(u"QGuiApplication"));
    QVERIFY(!QFile::exists(out));
    const QString json = m_dir->path() + QStringLiteral("/report.json");
    const Run ok = admin({"report", "staff", "--data", m_data, "--cafe", "reports", "--date",
                          "2024-01-01", "--format", "json", "--out", json});
    QCOMPARE(ok.code, int(AdminCommandLine::Ok));
    QVERIFY(ok.out.startsWith(u"wrote the staff report of cafe reports for 2024-01-01 to "));
    QVERIFY(QFile::exists(json));
}

QTEST_GUILESS_MAIN(TestAdminCommandLine)
#include "tst_hubadmincommands.moc"
