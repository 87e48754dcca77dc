// Storage: versioned migrations (from empty, step by step, idempotent, refusing newer files,
// a failed step leaving the previous version), the durability pragmas, savepoints, group
// commit through submit(), durability across reopening, a database another writer holds
// (answered CONFLICT at once, retried once), and a child hub killed with SIGKILL
// while acknowledging orders: every acked order is there, nothing is half-applied.
#include "admincommandline.h"
#include "hubschema.h"
#include "hubtestfixture.h"
#include "schemamigrator.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace TableTap;
using namespace TableTap::Test;

static QStringList tables(StoreConnection &db)
{
    QStringList t;
    QSqlQuery q = db.exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"));
    while (q.next())
        t.append(q.value(0).toString());
    return t;
}

class TestHubStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void migrationsFromEmpty();
    void migrationsStepByStep();
    void newerSchemaRefused();
    void failedStepKeepsPreviousVersion();
    void durabilityPragmas();
    void savepointRollback();
    void committedCommandsSurviveReopen();
    void groupCommit();
    void groupCommitSkipsDeadContext();
    void busyDatabaseAnswersConflictAtOnce();
    void killedHubLosesNothingAcked_data();
    void killedHubLosesNothingAcked();
    void preparedStatementsInATransaction();
};

void TestHubStorage::migrationsFromEmpty()
{
    QTemporaryDir dir;
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("c.db")), &error));
    QCOMPARE(db.schemaVersion(), 0);
    QVERIFY2(SchemaMigrator::migrate(db, HubSchema::cafeSteps(), &error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), HubSchema::cafeSteps().last().version);
    const QStringList after = tables(db);
    for (const char *t : {"orders", "order_items", "payments", "inventory_items", "events",
                          "processed_requests", "timesheets"})
        QVERIFY2(after.contains(QLatin1String(t)), t);
    // Idempotent: running again changes nothing.
    QVERIFY(SchemaMigrator::migrate(db, HubSchema::cafeSteps(), &error));
    QCOMPARE(tables(db), after);
    QCOMPARE(db.schemaVersion(), HubSchema::cafeSteps().last().version);
    SqliteConnection reg;
    QVERIFY(reg.open(dir.filePath(QStringLiteral("hub.db")), &error));
    QVERIFY(SchemaMigrator::migrate(reg, HubSchema::registrySteps(), &error));
    QCOMPARE(tables(reg), (QStringList{"cafes", "chain_owners", "user_owners"}));
}

void TestHubStorage::migrationsStepByStep()
{
    QTemporaryDir dir;
    QString error;
    {
        SqliteConnection db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("c.db")), &error));
        QVERIFY(SchemaMigrator::migrate(db, HubSchema::cafeSteps(), &error, 1));
        QCOMPARE(db.schemaVersion(), 1);
        // An item low before alerts were stored, and one that is not.
        db.exec(QStringLiteral(
            "INSERT INTO inventory_items(id, sku, name, unit, stock, "
            "reorder_level, max_stock, last_restocked, alert_priority, created_at) VALUES "
            "('i1', 'S1', 'Milk', 'ml', 1, 20, 100, 0, 'critical', 0), "
            "('i2', 'S2', 'Beans', 'g', 90, 20, 100, 0, NULL, 0)"));
        QVERIFY(!tables(db).contains(QStringLiteral("events")));
        db.exec(
            QStringLiteral("INSERT INTO settings(key, value) VALUES ('prep_time_minutes', '[9]')"));
        db.exec(QStringLiteral("INSERT INTO staff(id, code, name, role, pin_hash, "
                               "hourly_rate_cents, created_at) VALUES ('s1', 'E1', 'E', "
                               "'employee', 'x', 100, 0)"));
    }
    SqliteConnection db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("c.db")), &error));
    QVERIFY(SchemaMigrator::migrate(db, HubSchema::cafeSteps(), &error));
    QCOMPARE(db.schemaVersion(), HubSchema::cafeSteps().last().version);
    // Step 4: order items know when they were made (item check-off).
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('order_items') "
                                      "WHERE name IN ('made_at', 'made_by_id')"))
                 .toInt(),
             2);
    // The standing alert became a stored one, not yet acknowledged (schema 5).
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_alerts")).toInt(), 1);
    QCOMPARE(db.scalar(QStringLiteral("SELECT item_id || '/' || priority FROM stock_alerts WHERE "
                                      "cleared_at IS NULL AND acknowledged_at IS NULL"))
                 .toString(),
             QStringLiteral("i1/critical"));
    // Staff from before revocation existed: generation 0 (their tokens carry none: also 0).
    const std::optional<StaffRecord> staff = StaffDirectory(db).byId(QStringLiteral("s1"));
    QVERIFY(staff);
    QCOMPARE(staff->tokenGeneration, 0);
    QVERIFY(staff->active);
    QCOMPARE(staff->updatedAt, 0);
    QVERIFY(tables(db).contains(QStringLiteral("events")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'prep_time_minutes'"))
                 .toString(),
             QStringLiteral("[9]"));
}

void TestHubStorage::newerSchemaRefused()
{
    QTemporaryDir dir;
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("c.db")), &error));
    db.setSchemaVersion(99);
    QVERIFY(!SchemaMigrator::migrate(db, HubSchema::cafeSteps(), &error));
    QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    QCOMPARE(db.schemaVersion(), 99);
}

void TestHubStorage::failedStepKeepsPreviousVersion()
{
    QTemporaryDir dir;
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("c.db")), &error));
    const QList<MigrationStep> steps{
        {1, {QStringLiteral("CREATE TABLE a (x INTEGER)")}},
        {2,
         {QStringLiteral("CREATE TABLE b (x INTEGER)"), QStringLiteral("CREATE TABLE broken (")}},
    };
    QVERIFY(!SchemaMigrator::migrate(db, steps, &error));
    QCOMPARE(db.schemaVersion(), 1);
    QCOMPARE(tables(db), QStringList{QStringLiteral("a")}); // step 2 left no trace
    QVERIFY(!db.inTransaction());
}

void TestHubStorage::durabilityPragmas()
{
    HubFixture f;
    StoreConnection &db = f.hub->cafe(QStringLiteral("cafe1"))->connection();
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(f.hub->registry().connection().scalar(QStringLiteral("PRAGMA synchronous")).toInt(),
             2);
    // Foreign keys are enforced.
    bool threw = false;
    try {
        db.exec(QStringLiteral(
            "INSERT INTO order_items(id, order_id, position, product_id, product_name, quantity, "
            "unit_price_cents, total_price_cents, customizations) VALUES ('i', 'no-order', 0, 'p', "
            "'P', 1, "
            "1, 1, '[]')"));
    } catch (const StorageError &) {
        threw = true;
    }
    QVERIFY(threw);
    // The secret is private to the hub's user.
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(f.dataDir + QStringLiteral("/hub.secret")).constData(), &st),
             0);
    QCOMPARE(st.st_mode & 0777, 0600u);
}

void TestHubStorage::savepointRollback()
{
    QTemporaryDir dir;
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("s.db")), &error));
    db.exec(QStringLiteral("CREATE TABLE t (x INTEGER)"));
    db.begin();
    db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
    db.savepoint(QStringLiteral("cmd"));
    db.exec(QStringLiteral("INSERT INTO t VALUES (2)"));
    db.rollbackToSavepoint(QStringLiteral("cmd"));
    db.savepoint(QStringLiteral("cmd"));
    db.exec(QStringLiteral("INSERT INTO t VALUES (3)"));
    db.releaseSavepoint(QStringLiteral("cmd"));
    db.commit();
    QCOMPARE(db.scalar(QStringLiteral("SELECT group_concat(x) FROM t")).toString(),
             QStringLiteral("1,3"));
}

void TestHubStorage::committedCommandsSurviveReopen()
{
    HubFixture f;
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(f.order(f.employee(), QStringLiteral("Latte"))
                       .data()
                       .value(u"order")
                       .toObject()
                       .value(u"id")
                       .toString());
    QVERIFY(f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in")).ok());
    const qint64 seq = f.hub->cafe(QStringLiteral("cafe1"))->lastSequence();
    const qint64 milk = f.stock(QStringLiteral("MILK001"));
    f.reopen();
    const QJsonArray open
        = f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("list_orders"))
              .data()
              .value(u"open_orders")
              .toArray();
    QCOMPARE(open.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(open.at(i).toObject().value(u"id").toString(), ids.at(i));
    QCOMPARE(f.stock(QStringLiteral("MILK001")), milk);
    QCOMPARE(
        f.run(f.employee(), QStringLiteral("/employees"), QStringLiteral("clock_in")).errorType(),
        QStringLiteral("CONFLICT"));
    QCOMPARE(f.hub->cafe(QStringLiteral("cafe1"))->lastSequence(), seq);
    // The sequence continues after a restart.
    const CommandResult next = f.order(f.employee(), QStringLiteral("Latte"));
    QCOMPARE(next.events.constFirst().sequence, seq + 1);
    QCOMPARE(next.data().value(u"order").toObject().value(u"order_number").toString(),
             QStringLiteral("ORD20240101006"));
    // A card payment in flight when the hub stopped still gets its answer after the restart.
    QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                  {{"order_id", ids.at(0)}, {"method", "card"}})
                .ok());
    f.reopen();
    QSignalSpy spy(f.hub.get(), &HubDomain::eventsReady);
    f.clock.advance(2000);
    QStringList names;
    for (const QList<QVariant> &emission : spy)
        names += HubFixture::names(emission.at(0).value<HubEventList>());
    QVERIFY2(names.contains(QStringLiteral("payment:completed")), qPrintable(names.join(u',')));
}

void TestHubStorage::groupCommit()
{
    HubFixture f;
    QList<QPair<int, CommandResult>> results;
    QObject context;
    const QString latte = f.productId(QStringLiteral("Latte"));
    auto orderPayload = [&](const QString &product) {
        return QJsonObject{
            {"customer_name", "A"},
            {"items", QJsonArray{QJsonObject{{"product_id", product}, {"quantity", 1}}}}};
    };
    f.hub->submit(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"),
                  orderPayload(latte), &context, [&](const CommandResult &r) {
                      results.append({1, r});
                  });
    f.hub->submit(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"),
                  orderPayload(QStringLiteral("nope")), &context, [&](const CommandResult &r) {
                      results.append({2, r});
                  });
    f.hub->submit(f.employee2(), QStringLiteral("/orders"), QStringLiteral("create_order"),
                  orderPayload(latte), &context, [&](const CommandResult &r) {
                      results.append({3, r});
                  });
    // Nothing runs before the event loop turns.
    QVERIFY(results.isEmpty());
    QCOMPARE(
        f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
        0);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 5000);
    QCOMPARE(results.at(0).first, 1);
    QCOMPARE(results.at(1).first, 2);
    QCOMPARE(results.at(2).first, 3);
    QVERIFY(results.at(0).second.ok());
    QCOMPARE(results.at(1).second.errorType(), QStringLiteral("NOT_FOUND"));
    QVERIFY(results.at(2).second.ok());
    // The second order of the batch saw the first one (sequential semantics inside the batch).
    QCOMPARE(
        results.at(2).second.data().value(u"order").toObject().value(u"order_number").toString(),
        QStringLiteral("ORD20240101002"));
    QCOMPARE(results.at(2)
                 .second.data()
                 .value(u"order")
                 .toObject()
                 .value(u"assigned_counter")
                 .toString(),
             QStringLiteral("Counter 2"));
    QCOMPARE(
        f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
        2);
    // execute() runs anything still queued first, so order is kept.
    f.hub->submit(f.manager(), QStringLiteral("/system"), QStringLiteral("update_settings"),
                  QJsonObject{{"prep_time_minutes", 5}}, nullptr, {});
    const CommandResult after
        = f.run(f.manager(), QStringLiteral("/system"), QStringLiteral("get_settings"));
    QCOMPARE(after.data().value(u"settings").toObject().value(u"prep_time_minutes").toInt(), 5);
}

void TestHubStorage::groupCommitSkipsDeadContext()
{
    HubFixture f;
    bool called = false;
    {
        QObject context;
        f.hub->submit(f.employee(), QStringLiteral("/system"), QStringLiteral("get_settings"), {},
                      &context, [&](const CommandResult &) { called = true; });
    }
    f.hub->flushQueue();
    QVERIFY(!called);
}

// The child: opens the hub in TT_HUB_CHILD_DATA and acknowledges orders as fast as it can,
// printing "acked <n> <order id>" after each ack, until it is killed (or 60 s pass).
static int childMain()
{
    HubOptions options;
    options.dataDir = qEnvironmentVariable("TT_HUB_CHILD_DATA");
    options.commandsPerSecond = 0;
    HubDomain hub(options);
    QString error;
    if (!hub.open(&error))
        return 3;
    const HubActor actor{QStringLiteral("child"), QStringLiteral("Child"), HubRole::Manager,
                         QStringLiteral("k")};
    const QString espresso
        = hub.cafe(QStringLiteral("k"))
              ->connection()
              .scalar(QStringLiteral("SELECT id FROM products WHERE name = 'Espresso'"))
              .toString();
    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    const pid_t parentAtStart = ::getppid();
    const int batch = qEnvironmentVariableIntValue("TT_HUB_CHILD_BATCH");
    if (batch > 0) {
        // Group commit: rounds of `batch` orders submitted in one event-loop pass, the middle
        // one refused (no such product), each acked line printed from its callback (after the
        // batch's commit). Enough stock that the child is still writing when it is killed.
        hub.cafe(QStringLiteral("k"))
            ->connection()
            .exec(QStringLiteral("UPDATE inventory_items SET stock = 1000000"));
        bool failed = false;
        for (int n = 0;
             n < 20000 && !failed && timer.elapsed() < 60000 && ::getppid() == parentAtStart;) {
            int pending = 0;
            for (int k = 0; k < batch; ++k, ++n) {
                const bool bad = k == batch / 2;
                ++pending;
                hub.submit(
                    actor, QStringLiteral("/orders"), QStringLiteral("create_order"),
                    QJsonObject{
                        {"customer_name", "K"},
                        {"request_id", QStringLiteral("k%1").arg(n)},
                        {"items", QJsonArray{QJsonObject{
                                      {"product_id", bad ? QStringLiteral("nope") : espresso},
                                      {"quantity", 1}}}}},
                    nullptr, [&out, &pending, &failed, n, bad](const CommandResult &r) {
                        --pending;
                        if (r.ok() == bad)
                            failed = true;
                        else if (!bad)
                            out << "acked " << n << ' '
                                << r.data().value(u"order").toObject().value(u"id").toString()
                                << Qt::endl;
                    });
            }
            while (pending > 0 && timer.elapsed() < 60000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
        }
        if (failed)
            return 4;
    }
    for (int n = 0;
         batch == 0 && n < 250 && timer.elapsed() < 60000 && ::getppid() == parentAtStart; ++n) {
        const CommandResult r = hub.execute(
            actor, QStringLiteral("/orders"), QStringLiteral("create_order"),
            QJsonObject{
                {"customer_name", "K"},
                {"request_id", QStringLiteral("k%1").arg(n)},
                {"items", QJsonArray{QJsonObject{{"product_id", espresso}, {"quantity", 1}}}}});
        if (!r.ok())
            return 4;
        out << "acked " << n << ' ' << r.data().value(u"order").toObject().value(u"id").toString()
            << Qt::endl;
    }
    // Wait to be killed, but never outlive the test: leave when the parent is gone.
    const pid_t parent = ::getppid();
    while (timer.elapsed() < 60000 && ::getppid() == parent)
        QThread::msleep(50);
    return 0;
}

void TestHubStorage::busyDatabaseAnswersConflictAtOnce()
{
    HubFixture f;
    StoreConnection &hubDb = f.hub->cafe(QStringLiteral("cafe1"))->connection();
    // The hub's thread waits briefly for another writer; the admin commands wait long.
    QCOMPARE(hubDb.scalar(QStringLiteral("PRAGMA busy_timeout")).toInt(),
             HubOptions().storageBusyTimeoutMs);
    QCOMPARE(f.hub->registry().connection().scalar(QStringLiteral("PRAGMA busy_timeout")).toInt(),
             HubOptions().storageBusyTimeoutMs);
    QVERIFY(HubOptions().storageBusyTimeoutMs <= 250);
    // Another process (here another connection) holds the write lock: an admin command, a
    // backup, someone's sqlite3 shell.
    SqliteConnection other;
    QString error;
    QVERIFY2(other.open(f.dataDir + QStringLiteral("/cafes/cafe1.db"), &error), qPrintable(error));
    QCOMPARE(other.scalar(QStringLiteral("PRAGMA busy_timeout")).toInt(),
             SqliteConnection::kToolBusyTimeoutMs);
    other.begin();
    const QJsonObject extra{{QStringLiteral("request_id"), QStringLiteral("busy-1")}};
    QElapsedTimer t;
    t.start();
    const CommandResult refused = f.order(f.employee(), QStringLiteral("Latte"), 1, {}, extra);
    const qint64 waited = t.elapsed();
    qInfo() << "a command against a locked database was answered after" << waited << "ms";
    QCOMPARE(refused.errorType(), QStringLiteral("CONFLICT"));
    // Not frozen: a bound far above the busy timeout and far below the old 5 s.
    QVERIFY2(waited < 2500, qPrintable(QString::number(waited)));
    // Every command runs in a write transaction: a read is told to retry just as quickly.
    t.restart();
    QCOMPARE(
        f.run(f.manager(), QStringLiteral("/orders"), QStringLiteral("list_orders")).errorType(),
        QStringLiteral("CONFLICT"));
    QVERIFY(t.elapsed() < 2500);
    // Nothing was stored, and the retry after the lock is gone applies once.
    other.rollback();
    QCOMPARE(
        f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
        0);
    const CommandResult stored = f.order(f.employee(), QStringLiteral("Latte"), 1, {}, extra);
    QVERIFY2(stored.ok(), qPrintable(dump(stored.ack)));
    const CommandResult again = f.order(f.employee(), QStringLiteral("Latte"), 1, {}, extra);
    QVERIFY(again.replayed);
    QCOMPARE(
        f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
        1);
}

void TestHubStorage::killedHubLosesNothingAcked_data()
{
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("ackedBeforeKill");
    QTest::addColumn<qint64>("stock"); // what the child starts with, espresso and cups
    QTest::newRow("one transaction per command") << 0 << 40 << qint64(-1);
    QTest::newRow("group commit, batches of 8 with a refusal in the middle")
        << 8 << 400 << qint64(1000000);
}

// kill -9 loses only what was not acknowledged: one command in flight, or with group commit the
// batch in flight (committed whole or not at all, its refused command in neither case).
void TestHubStorage::killedHubLosesNothingAcked()
{
    QFETCH(int, batch);
    QFETCH(int, ackedBeforeKill);
    QFETCH(qint64, stock);
    QTemporaryDir dir;
    const QString data = dir.path() + QStringLiteral("/data");
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(AdminCommandLine(o, e).run(
                     {"cafe", "add", "--data", data, "--id", "k", "--name", "Kill"}),
                 0);
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TT_HUB_CHILD_DATA"), data);
    env.insert(QStringLiteral("TT_HUB_CHILD_BATCH"), QString::number(batch));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted(10000));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (output.count('\n') < ackedBeforeKill && timer.elapsed() < 60000
           && child.state() == QProcess::Running) {
        child.waitForReadyRead(200);
        output += child.readAllStandardOutput();
    }
    ::kill(child.processId(), SIGKILL); // no chance to close anything
    QVERIFY(child.waitForFinished(10000));
    output += child.readAllStandardOutput();
    QMap<int, QString> acked;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts.at(0) == "acked")
            acked.insert(parts.at(1).toInt(), QString::fromLatin1(parts.at(2)));
    }
    QVERIFY2(acked.size() >= ackedBeforeKill, qPrintable(QString::number(acked.size())));

    HubOptions options;
    options.dataDir = data;
    HubDomain hub(options);
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));
    StoreConnection &db = hub.cafe(QStringLiteral("k"))->connection();
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    for (auto it = acked.constBegin(); it != acked.constEnd(); ++it)
        QVERIFY2(db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ?"), {it.value()})
                         .toInt()
                     == 1,
                 qPrintable(it.value()));
    // Nothing half-applied: every stored order has its item, its history, its stock movements and
    // its request record; the stock is exactly what the stored orders took.
    const int orders = db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt();
    qInfo("killed with %d orders acked, %d stored", int(acked.size()), orders);
    QVERIFY(orders >= acked.size());
    // At most what was in flight when killed (one command, or one batch less its refusal), whole.
    QVERIFY2(orders <= acked.size() + std::max(1, batch - 1),
             qPrintable(QStringLiteral("%1 stored, %2 acked").arg(orders).arg(acked.size())));
    // Acked in submission order, numbered in that order.
    QString previous;
    for (auto it = acked.constBegin(); it != acked.constEnd(); ++it) {
        const QString number
            = db.scalar(QStringLiteral("SELECT order_number FROM orders WHERE id = ?"),
                        {it.value()})
                  .toString();
        QVERIFY2(number > previous, qPrintable(number + u" after " + previous));
        previous = number;
    }
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM order_items")).toInt(), orders);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM order_status_history")).toInt(),
             orders);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM processed_requests")).toInt(), orders);
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT stock FROM inventory_items WHERE sku = 'ESP001'")).toInt(),
        (stock < 0 ? 5000 : stock) - 18 * orders);
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT stock FROM inventory_items WHERE sku = 'CUP001'")).toInt(),
        (stock < 0 ? 1000 : stock) - orders);
    // A retry of the last acked command is answered from its stored result.
    const HubActor actor{QStringLiteral("child"), QStringLiteral("Child"), HubRole::Manager,
                         QStringLiteral("k")};
    const CommandResult retry = hub.execute(
        actor, QStringLiteral("/orders"), QStringLiteral("create_order"),
        QJsonObject{{"customer_name", "K"},
                    {"request_id", QStringLiteral("k%1").arg(acked.lastKey())},
                    {"items", QJsonArray{QJsonObject{{"product_id", "x"}, {"quantity", 1}}}}});
    QVERIFY(retry.replayed);
    QCOMPARE(retry.data().value(u"order").toObject().value(u"id").toString(), acked.last());
}

// Inside a transaction SqliteConnection keeps its statements prepared and lends them out; a
// statement run again while an earlier run of the same text is still being read gets its own,
// so both read correctly, and after the commit no read is left open: another connection's
// write is seen and the next write transaction starts.
void TestHubStorage::preparedStatementsInATransaction()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.db"));
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(path, &error));
    db.exec(QStringLiteral("CREATE TABLE t (x INTEGER)"));
    const QString select = QStringLiteral("SELECT x FROM t WHERE x >= ? ORDER BY x");
    for (int round = 0; round < 3; ++round) {
        db.begin();
        db.savepoint(QStringLiteral("cmd"));
        for (int i = 1; i <= 3; ++i)
            db.exec(QStringLiteral("INSERT INTO t VALUES (?)"), {round * 10 + i});
        QSqlQuery outer = db.exec(select, {round * 10});
        QStringList seen;
        while (outer.next()) {
            // The same text, nested: must not disturb the outer result.
            QSqlQuery inner = db.exec(select, {outer.value(0).toInt()});
            int count = 0;
            while (inner.next())
                ++count;
            seen.append(QStringLiteral("%1:%2").arg(outer.value(0).toInt()).arg(count));
        }
        QCOMPARE(seen, (QStringList{QStringLiteral("%1:3").arg(round * 10 + 1),
                                    QStringLiteral("%1:2").arg(round * 10 + 2),
                                    QStringLiteral("%1:1").arg(round * 10 + 3)}));
        // A result only half read when the command ends (one row of three).
        QSqlQuery half = db.exec(select, {0});
        QVERIFY(half.next());
        db.releaseSavepoint(QStringLiteral("cmd"));
        db.savepoint(QStringLiteral("cmd"));
        db.exec(QStringLiteral("INSERT INTO t VALUES (?)"), {round * 10 + 9});
        db.rollbackToSavepoint(QStringLiteral("cmd"));
        db.commit();
        QVERIFY(db.preparedStatements() > 0);
        QVERIFY(db.preparedStatements() <= SqliteConnection::kMaxPreparedStatements);
        // Another writer between transactions: seen, and no stale read blocks our next write.
        SqliteConnection other;
        QVERIFY(other.open(path, &error));
        const qint64 version = db.dataVersion();
        other.exec(QStringLiteral("INSERT INTO t VALUES (?)"), {round * 10 + 5});
        other.close();
        QVERIFY(db.dataVersion() != version);
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM t")).toInt(), (round + 1) * 4);
    }
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM t WHERE x % 10 = 9")).toInt(), 0);
    db.close();
    QCOMPARE(db.preparedStatements(), 0);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("TT_HUB_CHILD_DATA"))
        return childMain();
    TestHubStorage t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_hubstorage.moc"
