// The admin API (HubAdminService) called directly, as the simulator and the console's own hub call
// it: cafes with and without a menu, menu import, staff, their refusals (conflict, not found,
// invalid input naming its field), tokens the hub then accepts, backups the hub can serve, and the
// simulated time a demo hub's simulator moves (refused on a hub on real time).
#include "hubadminservice.h"
#include "hubdomain.h"
#include "hubsecret.h"
#include "manualclock.h"
#include "simulatedclock.h"
#include "sqlitestorage.h"
#include "startermenu.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace TableTap;
using Status = AdminResult::Status;

namespace {
// 2024-01-01T08:00:00Z.
constexpr qint64 kStartMs = 1704096000000LL;

QJsonObject smallMenu()
{
    return QJsonObject{
        {"ingredients", QJsonArray{QJsonObject{{"sku", "BEAN"},
                                               {"name", "Beans"},
                                               {"unit", "g"},
                                               {"stock", 1000},
                                               {"reorder_level", 100},
                                               {"max_stock", 2000}}}},
        {"products", QJsonArray{QJsonObject{
                         {"name", "Espresso"},
                         {"category", "coffee"},
                         {"price", 2.5},
                         {"recipe", QJsonArray{QJsonObject{{"sku", "BEAN"}, {"quantity", 18}}}}}}}};
}
} // namespace

class TestHubAdmin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void cafesStartEmpty();
    void addCafeWithStarterMenu();
    void addCafeWithMenuAndCounters();
    void addCafeRefusals_data();
    void addCafeRefusals();
    void importMenu();
    void addStaffAndList();
    void addStaffRefusals_data();
    void addStaffRefusals();
    void changeStaff();
    void mintTokenThenVerify();
    void mintTokenRefusals();
    void backupServes();
    void simulatedTime();

private:
    NewStaff staffMember(const QString &code, Contract::Role role = Contract::Role::Employee) const
    {
        NewStaff s;
        s.code = code;
        s.name = QStringLiteral("Person ") + code;
        s.role = role;
        s.pin = QStringLiteral("1234");
        s.hourlyRateCents = 1550;
        return s;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteStorage> m_storage;
    std::unique_ptr<HubAdminService> m_admin;
};

void TestHubAdmin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_data = m_dir->filePath(QStringLiteral("data"));
    m_clock = std::make_unique<ManualClock>(kStartMs);
    m_storage = std::make_unique<SqliteStorage>(m_data);
    const QString data = m_data;
    m_admin = std::make_unique<HubAdminService>(
        *m_storage, [data](QString *error) { return HubSecret::loadOrCreate(data, error); },
        m_clock.get());
}

void TestHubAdmin::cleanup()
{
    m_admin.reset();
    m_storage.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestHubAdmin::cafesStartEmpty()
{
    QList<CafeInfo> cafes{CafeInfo{QStringLiteral("stale"), {}, 0}};
    const AdminResult r = m_admin->cafes(&cafes);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(cafes.isEmpty());
    QCOMPARE(m_admin->hubTimeMs(), kStartMs);
}

void TestHubAdmin::addCafeWithStarterMenu()
{
    MenuCounts added;
    const AdminResult r
        = m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("  Corner  ")}, &added);
    QVERIFY2(r.ok(), qPrintable(r.message));
    const QJsonObject starter = StarterMenu::json();
    QCOMPARE(added.products, int(starter.value(u"products").toArray().size()));
    QCOMPARE(added.ingredients, int(starter.value(u"ingredients").toArray().size()));
    QCOMPARE(added.counters, 2);
    QList<CafeInfo> cafes;
    QVERIFY(m_admin->cafes(&cafes).ok());
    QCOMPARE(cafes.size(), 1);
    QCOMPARE(cafes.at(0).id, QStringLiteral("c1"));
    QCOMPARE(cafes.at(0).name, QStringLiteral("Corner")); // trimmed
    QCOMPARE(cafes.at(0).createdAt, kStartMs);
    QVERIFY(m_storage->cafeExists(QStringLiteral("c1")));

    // A hub on the folder serves it with the menu and both counters.
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options, m_clock.get());
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));
    QCOMPARE(hub.cafeIds(), QStringList{QStringLiteral("c1")});
    StoreConnection &db = hub.cafe(QStringLiteral("c1"))->connection();
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM counters")).toInt(), 2);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM products")).toInt(), added.products);
}

void TestHubAdmin::addCafeWithMenuAndCounters()
{
    NewCafe cafe{
        QStringLiteral("c2"), QStringLiteral("Two"), smallMenu(),
        QStringList{QStringLiteral(" Bar "), QStringLiteral("Window"), QStringLiteral("Terrace")}};
    MenuCounts added;
    const AdminResult r = m_admin->addCafe(cafe, &added);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(added.products, 1);
    QCOMPARE(added.ingredients, 1);
    QCOMPARE(added.counters, 3);
    QString error;
    const std::unique_ptr<StoreConnection> db = m_storage->cafe(QStringLiteral("c2"), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->scalar(QStringLiteral("SELECT name FROM counters ORDER BY position")).toString(),
             QStringLiteral("Bar"));
    QCOMPARE(db->scalar(QStringLiteral("SELECT name FROM products")).toString(),
             QStringLiteral("Espresso"));
}

void TestHubAdmin::addCafeRefusals_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("counters");
    QTest::addColumn<bool>("badMenu");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const int usage = int(Status::UsageError);
    QTest::newRow("id with a slash") << "../evil"
                                     << "X" << QVariant() << false << usage << "id";
    QTest::newRow("id too long") << QString(65, u'a') << "X" << QVariant() << false << usage
                                 << "id";
    QTest::newRow("blank name") << "ok"
                                << "   " << QVariant() << false << usage << "name";
    QTest::newRow("name too long")
        << "ok" << QString(121, u'n') << QVariant() << false << usage << "name";
    QTest::newRow("counters twice")
        << "ok"
        << "X" << QVariant(QStringList{"A", " A"}) << false << usage << "counters";
    QTest::newRow("empty counter")
        << "ok"
        << "X" << QVariant(QStringList{"A", ""}) << false << usage << "counters";
    QTest::newRow("menu without products")
        << "ok"
        << "X" << QVariant() << true << int(Status::InvalidData) << "menu";
}

void TestHubAdmin::addCafeRefusals()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QVariant, counters);
    QFETCH(bool, badMenu);
    QFETCH(int, status);
    QFETCH(QString, field);
    NewCafe cafe{id, name, {}, {}};
    if (counters.isValid())
        cafe.counters = counters.toStringList();
    if (badMenu)
        cafe.menu = QJsonObject{{"products", QJsonArray{QJsonObject{{"name", "No price"}}}}};
    const AdminResult r = m_admin->addCafe(cafe);
    QCOMPARE(int(r.status), status);
    QCOMPARE(r.field, field);
    QVERIFY(!r.message.isEmpty());
    QList<CafeInfo> cafes;
    QVERIFY(m_admin->cafes(&cafes).ok());
    QVERIFY(cafes.isEmpty());
    QVERIFY(!m_storage->cafeExists(QStringLiteral("ok")));

    // A second cafe of the same id is a conflict, and leaves the first as it was.
    QVERIFY(m_admin->addCafe({QStringLiteral("same"), QStringLiteral("First")}).ok());
    const AdminResult again = m_admin->addCafe({QStringLiteral("same"), QStringLiteral("Second")});
    QCOMPARE(again.status, Status::Conflict);
    QCOMPARE(again.message, QStringLiteral("cafe same already exists"));
    QVERIFY(m_admin->cafes(&cafes).ok());
    QCOMPARE(cafes.size(), 1);
    QCOMPARE(cafes.at(0).name, QStringLiteral("First"));
}

void TestHubAdmin::importMenu()
{
    QVERIFY(m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("One")}).ok());
    MenuCounts imported;
    AdminResult r = m_admin->importMenu(QStringLiteral("c1"), smallMenu(), &imported);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(imported.products, 1);
    QCOMPARE(imported.ingredients, 1);
    QString error;
    std::unique_ptr<StoreConnection> db = m_storage->cafe(QStringLiteral("c1"), &error);
    QVERIFY2(db, qPrintable(error));
    // Products missing from the new menu are retired, not deleted.
    QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE retired = 0")).toInt(),
             1);
    db.reset();

    r = m_admin->importMenu(QStringLiteral("nope"), smallMenu());
    QCOMPARE(r.status, Status::NotFound);
    QCOMPARE(r.message, QStringLiteral("no cafe nope"));
    r = m_admin->importMenu(QStringLiteral("c1"), QJsonObject{{"products", 3}});
    QCOMPARE(r.status, Status::InvalidData);
    QCOMPARE(r.field, QStringLiteral("menu"));
}

void TestHubAdmin::addStaffAndList()
{
    QVERIFY(m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("One")}).ok());
    StaffInfo added;
    NewStaff anna = staffMember(QStringLiteral("ANNA"), Contract::Role::Manager);
    anna.name = QStringLiteral("  Anna  ");
    anna.drinkAllowance = 3;
    AdminResult r = m_admin->addStaff(QStringLiteral("c1"), anna, &added);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(!added.id.isEmpty());
    QCOMPARE(added.code, QStringLiteral("ANNA"));
    QCOMPARE(added.name, QStringLiteral("Anna"));
    QCOMPARE(added.role, Contract::Role::Manager);
    QCOMPARE(added.hourlyRateCents, 1550);
    QCOMPARE(added.drinkAllowance, std::optional<int>(3));
    QVERIFY(added.active);
    QVERIFY(m_admin->addStaff(QStringLiteral("c1"), staffMember(QStringLiteral("BEN"))).ok());

    QList<StaffInfo> staff;
    QVERIFY(m_admin->staff(QStringLiteral("c1"), &staff).ok());
    QCOMPARE(staff.size(), 2);
    QCOMPARE(staff.at(0).code, QStringLiteral("ANNA"));
    QCOMPARE(staff.at(0).id, added.id);
    QCOMPARE(staff.at(1).code, QStringLiteral("BEN"));
    QCOMPARE(staff.at(1).drinkAllowance, std::nullopt);

    // Found by code in any case; the PIN is stored as a hash the hub signs in with.
    StaffInfo found;
    QVERIFY(m_admin->staffMember(QStringLiteral("c1"), QStringLiteral("anna"), &found).ok());
    QCOMPARE(found.id, added.id);
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options, m_clock.get());
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));
    QCOMPARE(hub.registry().cafeOfUser(added.id), QStringLiteral("c1"));

    r = m_admin->staff(QStringLiteral("nope"), &staff);
    QCOMPARE(r.status, Status::NotFound);
    r = m_admin->staffMember(QStringLiteral("c1"), QStringLiteral("NOBODY"), &found);
    QCOMPARE(r.status, Status::NotFound);
    QCOMPARE(r.message, QStringLiteral("no staff member NOBODY in cafe c1"));
}

void TestHubAdmin::addStaffRefusals_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<qint64>("rate");
    QTest::addColumn<int>("allowance");
    QTest::addColumn<QString>("field");
    QTest::newRow("code with a space") << "A B"
                                       << "N"
                                       << "1234" << 100LL << 0 << "code";
    QTest::newRow("code too long") << QString(33, u'C') << "N"
                                   << "1234" << 100LL << 0 << "code";
    QTest::newRow("blank name") << "C1"
                                << " "
                                << "1234" << 100LL << 0 << "name";
    QTest::newRow("short pin") << "C1"
                               << "N"
                               << "123" << 100LL << 0 << "pin";
    QTest::newRow("letters in pin") << "C1"
                                    << "N"
                                    << "12a4" << 100LL << 0 << "pin";
    QTest::newRow("negative rate") << "C1"
                                   << "N"
                                   << "1234" << -1LL << 0 << "hourly_rate";
    QTest::newRow("rate too high") << "C1"
                                   << "N"
                                   << "1234" << 100001LL << 0 << "hourly_rate";
    QTest::newRow("allowance too high") << "C1"
                                        << "N"
                                        << "1234" << 100LL << 1001 << "drink_allowance";
    QTest::newRow("negative allowance") << "C1"
                                        << "N"
                                        << "1234" << 100LL << -1 << "drink_allowance";
}

void TestHubAdmin::addStaffRefusals()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, pin);
    QFETCH(qint64, rate);
    QFETCH(int, allowance);
    QFETCH(QString, field);
    QVERIFY(m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("One")}).ok());
    NewStaff s{code, name, Contract::Role::Employee, pin, rate, {}};
    if (allowance != 0)
        s.drinkAllowance = allowance;
    const AdminResult r = m_admin->addStaff(QStringLiteral("c1"), s);
    QCOMPARE(r.status, Status::UsageError);
    QCOMPARE(r.field, field);
    QList<StaffInfo> staff;
    QVERIFY(m_admin->staff(QStringLiteral("c1"), &staff).ok());
    QVERIFY(staff.isEmpty());

    // The same code twice (in another case too) is a conflict; another cafe is not found.
    QVERIFY(m_admin->addStaff(QStringLiteral("c1"), staffMember(QStringLiteral("DUP"))).ok());
    AdminResult again = m_admin->addStaff(QStringLiteral("c1"), staffMember(QStringLiteral("DUP")));
    QCOMPARE(again.status, Status::Conflict);
    QCOMPARE(again.message, QStringLiteral("employee code DUP already exists in cafe c1"));
    again = m_admin->addStaff(QStringLiteral("c9"), staffMember(QStringLiteral("NEW")));
    QCOMPARE(again.status, Status::NotFound);
}

void TestHubAdmin::changeStaff()
{
    QVERIFY(m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("One")}).ok());
    QVERIFY(m_admin->addStaff(QStringLiteral("c1"), staffMember(QStringLiteral("E1"))).ok());
    StaffInfo changed;
    AdminResult r = m_admin->changeStaff(QStringLiteral("c1"), QStringLiteral("E1"),
                                         {StaffEdit::Action::Disable, {}, {}}, &changed);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(!changed.active);
    r = m_admin->changeStaff(QStringLiteral("c1"), QStringLiteral("E1"),
                             {StaffEdit::Action::Disable, {}, {}});
    QCOMPARE(r.status, Status::Conflict); // already so
    r = m_admin->changeStaff(QStringLiteral("c1"), QStringLiteral("E1"),
                             {StaffEdit::Action::Enable, {}, {}}, &changed);
    QVERIFY(r.ok() && changed.active);
    r = m_admin->changeStaff(QStringLiteral("c1"), QStringLiteral("e1"),
                             {StaffEdit::Action::SetRole, Contract::Role::Manager, {}}, &changed);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(changed.role, Contract::Role::Manager);
    r = m_admin->changeStaff(QStringLiteral("c1"), QStringLiteral("E1"),
                             {StaffEdit::Action::SetPin, {}, QStringLiteral("12")});
    QCOMPARE(r.status, Status::UsageError);
    QCOMPARE(r.message, QStringLiteral("the PIN must be 4 to 12 digits"));
    r = m_admin->changeStaff(QStringLiteral("c1"), QStringLiteral("NOBODY"),
                             {StaffEdit::Action::Revoke, {}, {}});
    QCOMPARE(r.status, Status::NotFound);
}

void TestHubAdmin::mintTokenThenVerify()
{
    QVERIFY(m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("One")}).ok());
    StaffInfo manager;
    QVERIFY(m_admin
                ->addStaff(QStringLiteral("c1"),
                           staffMember(QStringLiteral("M1"), Contract::Role::Manager), &manager)
                .ok());
    HubOptions options;
    options.dataDir = m_data;
    HubDomain hub(options, m_clock.get());
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));

    // A staff member's token, with the hub's access lifetime; the hub takes it.
    QString token;
    AdminResult r = m_admin->mintToken(
        {QStringLiteral("c1"), manager.id, manager.name, Contract::Role::Manager, 0}, &token);
    QVERIFY2(r.ok(), qPrintable(r.message));
    JsonWebToken::Verified v = hub.verifyAccessToken(token);
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.claims.userId, manager.id);
    QCOMPARE(v.claims.role, Contract::Role::Manager);
    QCOMPARE(v.claims.cafeId, QStringLiteral("c1"));
    QCOMPARE(v.claims.issuedAt, kStartMs / 1000);
    QCOMPARE(v.claims.expiresAt - v.claims.issuedAt, options.accessTokenTtlSeconds);

    // A device id with its own lifetime, claimed for the cafe.
    r = m_admin->mintToken({QStringLiteral("c1"), QStringLiteral("kds-1"),
                            QStringLiteral("Kitchen"), Contract::Role::Employee, 60},
                           &token);
    QVERIFY2(r.ok(), qPrintable(r.message));
    v = hub.verifyAccessToken(token);
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.claims.expiresAt - v.claims.issuedAt, 60);
    QCOMPARE(hub.registry().cafeOfUser(QStringLiteral("kds-1")), QStringLiteral("c1"));
    m_clock->advance(61 * 1000);
    QVERIFY(!hub.verifyAccessToken(token).ok());
}

void TestHubAdmin::mintTokenRefusals()
{
    QVERIFY(m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("One")}).ok());
    QVERIFY(m_admin->addCafe({QStringLiteral("c2"), QStringLiteral("Two")}).ok());
    StaffInfo e1;
    QVERIFY(m_admin->addStaff(QStringLiteral("c1"), staffMember(QStringLiteral("E1")), &e1).ok());
    QString token;
    AdminResult r = m_admin->mintToken(
        {QStringLiteral("c1"), QStringLiteral("a b"), {}, Contract::Role::Employee, 0}, &token);
    QCOMPARE(r.status, Status::UsageError);
    QCOMPARE(r.field, QStringLiteral("user"));
    r = m_admin->mintToken(
        {QStringLiteral("c1"), QStringLiteral("dev"), {}, Contract::Role::Employee, -1}, &token);
    QCOMPARE(r.field, QStringLiteral("ttl"));
    r = m_admin->mintToken(
        {QStringLiteral("c9"), QStringLiteral("dev"), {}, Contract::Role::Employee, 0}, &token);
    QCOMPARE(r.status, Status::NotFound);
    // The staff member's role, and only while they are active.
    r = m_admin->mintToken({QStringLiteral("c1"), e1.id, e1.name, Contract::Role::Admin, 0},
                           &token);
    QCOMPARE(r.status, Status::UsageError);
    QCOMPARE(r.field, QStringLiteral("role"));
    QCOMPARE(r.message, QStringLiteral("must be employee, the role of staff member E1"));
    QVERIFY(m_admin
                ->changeStaff(QStringLiteral("c1"), QStringLiteral("E1"),
                              {StaffEdit::Action::Disable, {}, {}})
                .ok());
    r = m_admin->mintToken({QStringLiteral("c1"), e1.id, e1.name, Contract::Role::Employee, 0},
                           &token);
    QCOMPARE(r.status, Status::Conflict);
    // A user id belongs to one cafe.
    r = m_admin->mintToken({QStringLiteral("c2"), e1.id, e1.name, Contract::Role::Employee, 0},
                           &token);
    QCOMPARE(r.status, Status::Conflict);
    QCOMPARE(r.message, QStringLiteral("user id %1 belongs to another cafe").arg(e1.id));
}

void TestHubAdmin::backupServes()
{
    QVERIFY(m_admin->addCafe({QStringLiteral("c1"), QStringLiteral("One")}).ok());
    QVERIFY(m_admin->addCafe({QStringLiteral("c2"), QStringLiteral("Two")}).ok());
    StaffInfo e1;
    QVERIFY(m_admin->addStaff(QStringLiteral("c1"), staffMember(QStringLiteral("E1")), &e1).ok());
    QString token;
    QVERIFY(
        m_admin
            ->mintToken({QStringLiteral("c1"), e1.id, e1.name, Contract::Role::Employee, 0}, &token)
            .ok());

    const QString whole = m_dir->filePath(QStringLiteral("whole"));
    int cafes = 0;
    AdminResult r = m_admin->backup(whole, {}, &cafes);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(cafes, 2);
    QCOMPARE(m_admin->backup(whole).status, Status::Conflict); // not empty any more

    const QString one = m_dir->filePath(QStringLiteral("c1.db"));
    r = m_admin->backup(one, QStringLiteral("c1"), &cafes);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(cafes, 1);
    QVERIFY(QFileInfo(one).isFile());
    QCOMPARE(m_admin->backup(one, QStringLiteral("c1")).status, Status::Conflict);
    QCOMPARE(m_admin->backup(m_dir->filePath(QStringLiteral("x.db")), QStringLiteral("c9")).status,
             Status::NotFound);

    // The copy is a data folder a hub serves as is, the same secret included.
    HubOptions options;
    options.dataDir = whole;
    HubDomain hub(options, m_clock.get());
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));
    QCOMPARE(hub.cafeIds(), (QStringList{QStringLiteral("c1"), QStringLiteral("c2")}));
    const JsonWebToken::Verified v = hub.verifyAccessToken(token);
    QVERIFY2(v.ok(), qPrintable(v.message));
}

void TestHubAdmin::simulatedTime()
{
    // The real-time hub of init(): its clock is told, never moved.
    HubClockInfo info = m_admin->clockInfo();
    QVERIFY(!info.simulated);
    QCOMPARE(info.nowMs, kStartMs);
    QCOMPARE(m_admin->setSimulatedTime(kStartMs - 1000).status, Status::UsageError);
    QCOMPARE(m_admin->advanceSimulatedTime(1000).status, Status::UsageError);
    QCOMPARE(m_admin->runSimulatedTime().status, Status::UsageError);
    QCOMPARE(m_admin->hubTimeMs(), kStartMs);

    // A demo hub's: held, set, moved on (its timers run as time passes), then running.
    SimulatedClock clock(kStartMs, 60);
    const QString data = m_data;
    HubAdminService admin(
        *m_storage, [data](QString *error) { return HubSecret::loadOrCreate(data, error); },
        &clock);
    info = admin.clockInfo();
    QVERIFY(info.simulated);
    QVERIFY(!info.running);
    QCOMPARE(info.speed, 60.0);
    QCOMPARE(info.nowMs, kStartMs);
    QVERIFY(admin.setSimulatedTime(kStartMs - 3600000).ok());
    QCOMPARE(admin.hubTimeMs(), kStartMs - 3600000);
    bool ran = false;
    clock.callAt(kStartMs - 3000000, nullptr, [&] { ran = true; });
    QCOMPARE(admin.advanceSimulatedTime(-1).status, Status::UsageError);
    QVERIFY(admin.advanceSimulatedTime(3600000).ok());
    QVERIFY(ran);
    QCOMPARE(admin.hubTimeMs(), kStartMs);
    QVERIFY(admin.runSimulatedTime().ok());
    QVERIFY(admin.clockInfo().running);
    QCOMPARE(admin.setSimulatedTime(0).status, Status::Conflict);
    QVERIFY(admin.hubTimeMs() >= kStartMs);
}

QTEST_GUILESS_MAIN(TestHubAdmin)
#include "tst_hubadmin.moc"
