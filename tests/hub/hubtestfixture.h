// Shared set-up of the hub tests: a temporary data folder with real SQLite databases, a
// ManualClock, cafes created through the admin API (starter menu), and staff of each role
// (inserted directly with one PIN hash per process: PBKDF2 is slow on purpose).
// With TABLETAP_TEST_DATABASE=postgresql (the *_pg CTest variants) the cafes live in a fresh
// database of a real PostgreSQL server instead (PostgresServer::shared, one per test process).
#pragma once

#include "../support/postgresserver.h"
#include "commandresult.h"
#include "hubactor.h"
#include "hubadminservice.h"
#include "hubdomain.h"
#include "hubsecret.h"
#include "manualclock.h"
#include "pinhasher.h"
#include "sqliteconnection.h"
#include "sqlitestorage.h"
#include "staffdirectory.h"
#include "storagefactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace TableTap::Test {

// 2024-01-01T08:00:00Z, a Monday.
inline constexpr qint64 kStartMs = 1704096000000LL;

// The *_pg variants: the domain suite on PostgreSQL.
inline bool testOnPostgres()
{
    return qEnvironmentVariable("TABLETAP_TEST_DATABASE") == u"postgresql";
}

// A fresh database on the shared test server (postgresql://…), or empty after a failed QVERIFY.
inline QString freshPostgresDatabase()
{
    QString error;
    PostgresServer *pg = PostgresServer::shared(&error);
    if (!pg) {
        QTest::qFail(qPrintable(QStringLiteral("PostgreSQL: ") + error), __FILE__, __LINE__);
        return {};
    }
    const QString name = pg->createFreshDatabase(QStringLiteral("hub"), &error);
    if (name.isEmpty()) {
        QTest::qFail(qPrintable(QStringLiteral("PostgreSQL: ") + error), __FILE__, __LINE__);
        return {};
    }
    return pg->url(name);
}

inline QString pinHashFor1234()
{
    // PBKDF2 at full strength is slow on purpose; hash the shared test PIN once per process.
    static const QString hash = PinHasher::hash(QStringLiteral("1234"));
    return hash;
}

class HubFixture
{
public:
    explicit HubFixture(const QStringList &cafes = {QStringLiteral("cafe1")},
                        HubOptions options = {})
        : clock(kStartMs)
    {
        QVERIFY(dir.isValid());
        dataDir = dir.path() + QStringLiteral("/data");
        if (testOnPostgres()) {
            databaseUrl = freshPostgresDatabase();
            QVERIFY(!databaseUrl.isEmpty());
        }
        {
            const std::unique_ptr<StorageBackend> storage = makeStorage();
            StorageBackend *store = storage.get();
            HubAdminService admin(
                *storage, [store](QString *error) { return store->tokenSecret(error); }, &clock);
            for (const QString &cafe : cafes) {
                const AdminResult r = admin.addCafe(
                    {cafe, QStringLiteral("Cafe ") + cafe, std::nullopt, std::nullopt});
                if (!r.ok())
                    qWarning() << "cafe add failed" << r.message;
            }
        }
        options.dataDir = dataDir;
        options.databaseUrl = databaseUrl;
        options.cardProcessingDelayMs = 1500;
        hubOptions = options;
        for (const QString &cafe : cafes) {
            addStaff(cafe, QStringLiteral("EMP001"), QStringLiteral("Jane Employee"),
                     HubRole::Employee, 1500);
            addStaff(cafe, QStringLiteral("EMP002"), QStringLiteral("Bob Employee"),
                     HubRole::Employee, 1600);
            addStaff(cafe, QStringLiteral("MGR001"), QStringLiteral("Manager Sarah"),
                     HubRole::Manager, 2500);
            addStaff(cafe, QStringLiteral("ADM001"), QStringLiteral("Admin User"), HubRole::Admin,
                     3000);
        }
        open();
    }

    void open()
    {
        hub = std::make_unique<HubDomain>(hubOptions, &clock);
        QString error;
        if (!hub->open(&error))
            qWarning() << "hub open failed" << error;
    }

    void reopen()
    {
        hub.reset();
        open();
    }

    HubActor addStaff(const QString &cafe, const QString &code, const QString &name, HubRole role,
                      qint64 rateCents, std::optional<int> allowance = std::nullopt)
    {
        const std::unique_ptr<StorageBackend> storage = makeStorage();
        QString error;
        const std::unique_ptr<StoreConnection> db = storage->cafe(cafe, &error);
        if (!db) {
            qWarning() << "cafe open failed" << error;
            return {};
        }
        StaffRecord r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.code = code;
        r.name = name;
        r.role = role;
        r.pinHash = pinHashFor1234();
        r.hourlyRateCents = rateCents;
        r.drinkAllowance = allowance;
        r.createdAt = kStartMs;
        StaffDirectory(*db).add(r);
        HubRegistry registry;
        if (!storage->open(&error) || !registry.open(*storage, &error))
            qWarning() << "registry open failed" << error;
        registry.claimUser(r.id, cafe);
        const HubActor actor{r.id, name, role, cafe};
        actors[cafe + u'/' + code] = actor;
        return actor;
    }

    // Gives a staff member's PIN (still 1234) a hash with more PBKDF2 rounds, so each check of it
    // takes a while: for tests that need checks still running while something else happens (a
    // check at the default strength takes about 12 ms with libcrypto).
    void slowPinChecks(const QString &cafe, const QString &code, int iterations = 3000000)
    {
        const std::unique_ptr<StorageBackend> storage = makeStorage();
        QString error;
        const std::unique_ptr<StoreConnection> db = storage->cafe(cafe, &error);
        if (!db) {
            qWarning() << "cafe open failed" << error;
            return;
        }
        db->exec(QStringLiteral("UPDATE staff SET pin_hash = ? WHERE code = ?"),
                 {PinHasher::hash(QStringLiteral("1234"), iterations), code});
    }

    // The store the hub uses: the data folder's SQLite files, or the test's PostgreSQL database.
    std::unique_ptr<StorageBackend> makeStorage() const
    {
        HubOptions o;
        o.dataDir = dataDir;
        o.databaseUrl = databaseUrl;
        return TableTap::makeStorage(o);
    }

    HubActor actor(const QString &code, const QString &cafe = QStringLiteral("cafe1")) const
    {
        return actors.value(cafe + u'/' + code);
    }
    HubActor employee(const QString &cafe = QStringLiteral("cafe1")) const
    {
        return actor(QStringLiteral("EMP001"), cafe);
    }
    HubActor employee2(const QString &cafe = QStringLiteral("cafe1")) const
    {
        return actor(QStringLiteral("EMP002"), cafe);
    }
    HubActor manager(const QString &cafe = QStringLiteral("cafe1")) const
    {
        return actor(QStringLiteral("MGR001"), cafe);
    }
    HubActor admin(const QString &cafe = QStringLiteral("cafe1")) const
    {
        return actor(QStringLiteral("ADM001"), cafe);
    }

    CommandResult run(const HubActor &who, const QString &nsp, const QString &command,
                      const QJsonObject &payload = {})
    {
        return hub->execute(who, nsp, command, payload);
    }

    // The id of a menu product / inventory item by name / sku.
    QString productId(const QString &name, const QString &cafe = QStringLiteral("cafe1"))
    {
        return scalar(cafe, QStringLiteral("SELECT id FROM products WHERE name = ?"), name)
            .toString();
    }
    QString itemId(const QString &sku, const QString &cafe = QStringLiteral("cafe1"))
    {
        return scalar(cafe, QStringLiteral("SELECT id FROM inventory_items WHERE sku = ?"), sku)
            .toString();
    }
    qint64 stock(const QString &sku, const QString &cafe = QStringLiteral("cafe1"))
    {
        return scalar(cafe, QStringLiteral("SELECT stock FROM inventory_items WHERE sku = ?"), sku)
            .toLongLong();
    }
    QVariant scalar(const QString &cafe, const QString &sql, const QVariant &bind = {})
    {
        return hub->cafe(cafe)->connection().scalar(sql, bind.isValid() ? QVariantList{bind}
                                                                        : QVariantList{});
    }

    // A one-line order for `who`: quantity x product, optional customizations.
    CommandResult order(const HubActor &who, const QString &product, int quantity = 1,
                        const QStringList &customizations = {}, const QJsonObject &extra = {})
    {
        QJsonObject item{{QStringLiteral("product_id"), productId(product, who.cafeId)},
                         {QStringLiteral("quantity"), quantity}};
        if (!customizations.isEmpty())
            item.insert(QStringLiteral("customizations"),
                        QJsonArray::fromStringList(customizations));
        QJsonObject payload{{QStringLiteral("customer_name"), QStringLiteral("John Doe")},
                            {QStringLiteral("items"), QJsonArray{item}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            payload.insert(it.key(), it.value());
        return run(who, QStringLiteral("/orders"), QStringLiteral("create_order"), payload);
    }

    static const HubEvent *find(const CommandResult &r, const QString &name)
    {
        for (const HubEvent &e : r.events) {
            if (e.name == name)
                return &e;
        }
        return nullptr;
    }
    static QStringList names(const HubEventList &events)
    {
        QStringList n;
        for (const HubEvent &e : events)
            n.append(e.name);
        return n;
    }

    QTemporaryDir dir;
    QString dataDir;
    QString databaseUrl; // empty: SQLite in dataDir
    ManualClock clock;
    HubOptions hubOptions;
    std::unique_ptr<HubDomain> hub;
    QHash<QString, HubActor> actors;
};

inline QString dump(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace TableTap::Test
