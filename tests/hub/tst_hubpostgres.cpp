// The hub's state in PostgreSQL, where it differs from one SQLite folder: two hub nodes (two
// HubDomains with their own connections, the second on a thread of its own as another process
// would be) writing the same cafe at once lose no update and keep request_id idempotent across
// each other; a transaction another connection holds is waited out and re-run (retries
// counted); data_version moves with other connections' commits only; the token secret is the
// same on every node; `tabletap-hub` serves and administers a PostgreSQL database, and refuses an
// unreachable one with one clear line; a hub killed (SIGKILL) while it writes group-commit
// batches loses nothing it acked. A real PostgreSQL 15 (tests/support/postgresserver.h).
#include "hubprocess.h"
#include "hubschema.h"
#include "hubtestfixture.h"
#include "postgresconnection.h"
#include "postgresstorage.h"
#include "storageerror.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <csignal>
#include <unistd.h>

using namespace TableTap;
using namespace TableTap::Test;

class TestHubPostgres : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void twoNodesWriteOneCafe();
    void requestIdAcrossNodes();
    void waitsOutAnotherTransaction();
    void survivesALostConnection();
    void dataVersionSeesOtherConnections();
    void secretAndStaffAcrossNodes();
    void schemasAndRefusals();
    void serveAndAdminCommandLine();
    void unreachableDatabase();
    void createOrderTimings();
    void killedDuringBatchesLosesNothingAcked();
};

namespace {
// The stock an Espresso takes of ESP001 (read from the recipe, not assumed).
qint64 espressoBeans(HubFixture &f)
{
    return f
        .scalar(QStringLiteral("cafe1"),
                QStringLiteral("SELECT r.quantity FROM recipe_lines r JOIN products p ON "
                               "p.id = r.product_id JOIN inventory_items i ON i.id = "
                               "r.item_id WHERE p.name = 'Espresso' AND i.sku = 'ESP001'"))
        .toLongLong();
}

QJsonObject espressoOrder(HubFixture &f, const QString &requestId = {})
{
    QJsonObject payload{
        {"customer_name", "Node test"},
        {"items", QJsonArray{QJsonObject{{"product_id", f.productId(QStringLiteral("Espresso"))},
                                         {"quantity", 1}}}}};
    if (!requestId.isEmpty())
        payload.insert(QStringLiteral("request_id"), requestId);
    return payload;
}

bool isRetryAnswer(const CommandResult &r)
{
    return !r.ok() && r.errorType() == u"CONFLICT"
           && r.ack.value(u"error").toObject().value(u"message").toString().contains(u"retry");
}

// Node B: its own HubDomain, connections and clock (at A's time), living on its own thread.
class OtherNode
{
public:
    OtherNode(HubOptions options, const QString &dataDir)
    {
        options.dataDir = dataDir;
        options.staffCheckIntervalMs = 0; // no timers on this thread's loop
        options.commandsPerSecond = 0;
        m_options = options;
    }
    // Runs fn(hub) on a thread of its own with a freshly opened node; join() waits for it and
    // error() says whether the node could not open.
    template<class Fn>
    void run(qint64 nowMs, Fn fn)
    {
        QThread *thread = QThread::create([this, nowMs, fn = std::move(fn)]() mutable {
            ManualClock clock(nowMs);
            HubDomain hub(m_options, &clock);
            QString error;
            if (!hub.open(&error)) {
                m_error = error; // read after join()
                return;
            }
            fn(hub);
        });
        thread->start();
        m_threads.append(thread);
    }
    QString error() const { return m_error; }
    void join()
    {
        for (QThread *t : std::as_const(m_threads)) {
            t->wait(300000);
            delete t;
        }
        m_threads.clear();
    }
    ~OtherNode() { join(); }

private:
    HubOptions m_options;
    QList<QThread *> m_threads;
    QString m_error;
};

quint64 retriesOf(HubDomain &hub)
{
    return hub.cafe(QStringLiteral("cafe1"))->storageRetries();
}

QString httpGet(quint16 port, const QString &path)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(QStringLiteral("GET %1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .arg(path)
                .toLatin1());
    QByteArray all;
    while (s.waitForReadyRead(5000))
        all += s.readAll();
    return QString::fromUtf8(all);
}

int runHub(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(TT_HUB_BINARY), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return -2;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
} // namespace

void TestHubPostgres::initTestCase()
{
    // This test is PostgreSQL's whatever the environment says; no skipping when it is missing.
    qputenv("TABLETAP_TEST_DATABASE", "postgresql");
    QString error;
    QVERIFY2(PostgresServer::shared(&error), qPrintable(error));
}

void TestHubPostgres::twoNodesWriteOneCafe()
{
    HubOptions options;
    options.commandsPerSecond = 0;
    HubFixture f({QStringLiteral("cafe1")}, options);
    const qint64 beans = espressoBeans(f);
    QVERIFY(beans > 0);
    const qint64 stockBefore = f.stock(QStringLiteral("ESP001"));
    const QString espId = f.itemId(QStringLiteral("ESP001"));
    QVERIFY(!espId.isEmpty());
    const HubActor employee = f.employee();
    const HubActor manager = f.manager();
    const QJsonObject order = espressoOrder(f);
    constexpr int kPerNode = 40;

    // Node B orders and restocks on its thread while node A does the same here.
    std::atomic<int> bOk{0}, bRestocks{0}, bClientRetries{0};
    std::atomic<quint64> bRetries{0};
    QSemaphore bOpened;
    QTemporaryDir otherData;
    OtherNode b(f.hubOptions, otherData.path()); // joined before the counters above go
    b.run(f.clock.nowMs(), [&](HubDomain &hub) {
        bOpened.release();
        for (int i = 0; i < kPerNode; ++i) {
            // A client retries what the hub could not store, with the same request_id.
            QJsonObject payload = order;
            payload.insert(QStringLiteral("request_id"), QStringLiteral("b-%1").arg(i));
            for (int attempt = 0; attempt < 10; ++attempt) {
                const CommandResult r = hub.execute(employee, QStringLiteral("/orders"),
                                                    QStringLiteral("create_order"), payload);
                if (r.ok()) {
                    ++bOk;
                    break;
                }
                if (!isRetryAnswer(r))
                    break;
                ++bClientRetries;
            }
            if (i % 4 == 0) {
                const CommandResult r = hub.execute(
                    manager, QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                    QJsonObject{{"sku", "ESP001"},
                                {"change_type", "purchase"},
                                {"quantity", 7},
                                {"request_id", QStringLiteral("b-restock-%1").arg(i)}});
                if (r.ok())
                    ++bRestocks;
            }
        }
        bRetries = retriesOf(hub);
    });
    if (!bOpened.tryAcquire(1, 60000)) {
        b.join();
        QFAIL(qPrintable(QStringLiteral("node B did not open: ") + b.error()));
    }
    int aOk = 0, aRestocks = 0, aClientRetries = 0;
    for (int i = 0; i < kPerNode; ++i) {
        QJsonObject payload = order;
        payload.insert(QStringLiteral("request_id"), QStringLiteral("a-%1").arg(i));
        for (int attempt = 0; attempt < 10; ++attempt) {
            const CommandResult r = f.run(employee, QStringLiteral("/orders"),
                                          QStringLiteral("create_order"), payload);
            if (r.ok()) {
                ++aOk;
                break;
            }
            QVERIFY2(isRetryAnswer(r), qPrintable(dump(r.ack)));
            ++aClientRetries;
        }
        if (i % 4 == 0) {
            const CommandResult r
                = f.run(manager, QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                        QJsonObject{{"sku", "ESP001"},
                                    {"change_type", "purchase"},
                                    {"quantity", 7},
                                    {"request_id", QStringLiteral("a-restock-%1").arg(i)}});
            QVERIFY2(r.ok() || isRetryAnswer(r), qPrintable(dump(r.ack)));
            if (r.ok())
                ++aRestocks;
        }
    }
    b.join();
    QVERIFY2(b.error().isEmpty(), qPrintable(b.error()));

    const quint64 aRetries = retriesOf(*f.hub);
    qInfo("two nodes, %d orders each: node A %llu storage retries, node B %llu; clients "
          "re-sent %d and %d",
          kPerNode, aRetries, quint64(bRetries), aClientRetries, int(bClientRetries));
    // Every order made it (the hub's retries, then the client's) and none twice.
    QCOMPARE(aOk, kPerNode);
    QCOMPARE(bOk.load(), kPerNode);
    QCOMPARE(f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders"))
                 .toLongLong(),
             qint64(2 * kPerNode));
    // The daily sequence is 1..n without a gap or a double.
    QCOMPARE(f.scalar(QStringLiteral("cafe1"),
                      QStringLiteral("SELECT COUNT(DISTINCT daily_seq) FROM orders"))
                 .toLongLong(),
             qint64(2 * kPerNode));
    QCOMPARE(f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT MAX(daily_seq) FROM orders"))
                 .toLongLong(),
             qint64(2 * kPerNode));
    // No lost update of the stock: every sale and every restock is in it.
    const int restocks = aRestocks + bRestocks.load();
    QCOMPARE(restocks, 2 * (kPerNode / 4));
    QCOMPARE(f.stock(QStringLiteral("ESP001")), stockBefore - 2 * kPerNode * beans + 7 * restocks);
    // The movements tell the same story, one row per change.
    QCOMPARE(f.scalar(QStringLiteral("cafe1"),
                      QStringLiteral("SELECT COALESCE(SUM(change_amount), 0) FROM "
                                     "stock_movements WHERE item_id = ?"),
                      espId)
                 .toLongLong(),
             f.stock(QStringLiteral("ESP001")) - stockBefore);
    // Events: one sequence, no gaps, as many order:created as orders.
    const HubEventList events = f.hub->eventsSince(QStringLiteral("cafe1"), 0, 100000);
    int created = 0;
    for (qsizetype i = 1; i < events.size(); ++i)
        QVERIFY(events.at(i).sequence > events.at(i - 1).sequence);
    for (const HubEvent &e : events)
        created += e.name == u"order:created" ? 1 : 0;
    QCOMPARE(created, 2 * kPerNode);
}

void TestHubPostgres::requestIdAcrossNodes()
{
    HubOptions options;
    options.commandsPerSecond = 0;
    HubFixture f({QStringLiteral("cafe1")}, options);
    // Sequential: node A answers, then node B gets the same request and replays A's answer.
    const CommandResult first
        = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"),
                espressoOrder(f, QStringLiteral("same-1")));
    QVERIFY2(first.ok(), qPrintable(dump(first.ack)));
    CommandResult second;
    const QJsonObject same1 = espressoOrder(f, QStringLiteral("same-1"));
    constexpr int kShared = 10;
    QList<CommandResult> fromB(kShared);
    const QJsonObject order = espressoOrder(f);
    const HubActor employee = f.employee();
    QTemporaryDir otherData;
    OtherNode b(f.hubOptions, otherData.path());
    b.run(f.clock.nowMs(), [&](HubDomain &hub) {
        second = hub.execute(employee, QStringLiteral("/orders"), QStringLiteral("create_order"),
                             same1);
    });
    b.join();
    QVERIFY2(second.ok(), qPrintable(dump(second.ack)));
    QVERIFY(second.replayed);
    QCOMPARE(second.ack, first.ack);

    // At once: both nodes get the same ten request ids; each is applied once, both answers agree.
    b.run(f.clock.nowMs(), [&](HubDomain &hub) {
        for (int i = 0; i < kShared; ++i) {
            QJsonObject p = order;
            p.insert(QStringLiteral("request_id"), QStringLiteral("shared-%1").arg(i));
            for (int attempt = 0; attempt < 10; ++attempt) {
                fromB[i] = hub.execute(employee, QStringLiteral("/orders"),
                                       QStringLiteral("create_order"), p);
                if (!isRetryAnswer(fromB[i]))
                    break;
            }
        }
    });
    QList<CommandResult> fromA(kShared);
    for (int i = 0; i < kShared; ++i) {
        QJsonObject p = order;
        p.insert(QStringLiteral("request_id"), QStringLiteral("shared-%1").arg(i));
        for (int attempt = 0; attempt < 10; ++attempt) {
            fromA[i]
                = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"), p);
            if (!isRetryAnswer(fromA[i]))
                break;
        }
    }
    b.join();
    for (int i = 0; i < kShared; ++i) {
        QVERIFY2(fromA.at(i).ok(), qPrintable(dump(fromA.at(i).ack)));
        QVERIFY2(fromB.at(i).ok(), qPrintable(dump(fromB.at(i).ack)));
        QCOMPARE(fromA.at(i).ack, fromB.at(i).ack);
        QVERIFY(fromA.at(i).replayed != fromB.at(i).replayed);
    }
    QCOMPARE(f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders"))
                 .toLongLong(),
             qint64(1 + kShared));
}

void TestHubPostgres::waitsOutAnotherTransaction()
{
    HubOptions options;
    options.storageBusyTimeoutMs = 100;
    HubFixture f({QStringLiteral("cafe1")}, options);
    PostgresTarget target;
    QVERIFY(PostgresTarget::parse(f.databaseUrl, &target, nullptr));

    // Connection-level: a writer that begins while another holds the cafe waits for it, then
    // sees what it committed; one that may wait less than that is refused as Retryable.
    for (const bool patient : {true, false}) {
        PostgresConnection first;
        QString error;
        QVERIFY2(first.open(target, PostgresStorage::schemaFor(QStringLiteral("cafe1")), &error),
                 qPrintable(error));
        first.begin();
        first.exec(QStringLiteral("UPDATE settings SET value = ? WHERE key = 'currency'"),
                   {patient ? QStringLiteral("CHF") : QStringLiteral("GBP")});
        std::atomic<int> kind{-1};
        QString seen;
        QSemaphore started;
        QThread *t = QThread::create([&] {
            PostgresConnection second;
            QString e;
            if (!second.open(target, PostgresStorage::schemaFor(QStringLiteral("cafe1")), &e)) {
                started.release();
                return;
            }
            second.setBusyTimeout(patient ? 10000 : 100);
            started.release();
            try {
                second.begin(); // waits for `first`
                seen = second
                           .scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                                  "'currency'"))
                           .toString();
                second.commit();
                kind = 2;
            } catch (const StorageError &e) {
                kind = int(e.kind());
            }
        });
        t->start();
        QVERIFY(started.tryAcquire(1, 30000));
        QThread::msleep(400);
        first.commit();
        QVERIFY(t->wait(30000));
        delete t;
        if (patient) {
            QCOMPARE(kind.load(), 2);
            QCOMPARE(seen, QStringLiteral("CHF"));
        } else {
            QCOMPARE(kind.load(), int(StorageError::Kind::Retryable));
        }
    }

    // Domain-level: node A's command meets a transaction held elsewhere, waits it out by
    // running again, and is acked once, after its own commit.
    const quint64 before = retriesOf(*f.hub);
    QSemaphore holding;
    QThread *holder = QThread::create([&] {
        PostgresConnection other;
        QString e;
        if (!other.open(target, PostgresStorage::schemaFor(QStringLiteral("cafe1")), &e))
            return;
        other.begin();
        holding.release();
        QThread::msleep(250);
        other.commit();
    });
    holder->start();
    QVERIFY(holding.tryAcquire(1, 30000));
    const CommandResult r = f.order(f.employee(), QStringLiteral("Espresso"));
    QVERIFY(holder->wait(30000));
    delete holder;
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    QVERIFY(retriesOf(*f.hub) > before);
    qInfo("a command behind a 250 ms transaction: %llu retries", retriesOf(*f.hub) - before);
    QCOMPARE(f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders"))
                 .toLongLong(),
             qint64(1));
}

void TestHubPostgres::survivesALostConnection()
{
    HubFixture f;
    const QJsonObject order = espressoOrder(f);
    QVERIFY(
        f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"), order).ok());
    // The server ends every backend of the hub's database (as a restart would).
    QString error;
    PostgresServer *pg = PostgresServer::shared(&error);
    QVERIFY2(pg, qPrintable(error));
    const QString database = QUrl(f.databaseUrl).path().mid(1);
    QCOMPARE(pg->exec(database, QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                               "pg_stat_activity WHERE datname = "
                                               "current_database() AND pid <> pg_backend_pid()")),
             QString());
    // The next command finds its connection gone, connects again and is applied once.
    const quint64 before = retriesOf(*f.hub);
    const CommandResult r
        = f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"), order);
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    // Whoever met the loss first (the staff check before the command, or the command itself,
    // which then ran again) left the connection to be made again, once.
    auto *cafeConnection
        = dynamic_cast<PostgresConnection *>(&f.hub->cafe(QStringLiteral("cafe1"))->connection());
    QVERIFY(cafeConnection);
    QCOMPARE(cafeConnection->reconnects(), 1);
    QVERIFY(retriesOf(*f.hub) <= before + 1);
    QCOMPARE(f.scalar(QStringLiteral("cafe1"), QStringLiteral("SELECT COUNT(*) FROM orders"))
                 .toLongLong(),
             qint64(2));
    // /healthz's probes: the registry connects again on its next statement too.
    (void)f.hub->checkStorage(0);
    const HubDomain::StorageCheck check = f.hub->checkStorage(0);
    QVERIFY2(check.store.problems.isEmpty(), qPrintable(check.store.problems.join(u'\n')));
}

void TestHubPostgres::dataVersionSeesOtherConnections()
{
    HubFixture f;
    PostgresTarget target;
    QVERIFY(PostgresTarget::parse(f.databaseUrl, &target, nullptr));
    const QString schema = PostgresStorage::schemaFor(QStringLiteral("cafe1"));
    PostgresConnection a, b;
    QString error;
    QVERIFY2(a.open(target, schema, &error), qPrintable(error));
    QVERIFY2(b.open(target, schema, &error), qPrintable(error));
    const qint64 v0 = a.dataVersion();
    QCOMPARE(a.dataVersion(), v0);
    // Our own commits do not count.
    a.begin();
    a.exec(QStringLiteral("UPDATE settings SET value = value WHERE key = 'currency'"));
    a.commit();
    QCOMPARE(a.dataVersion(), v0);
    // Another connection's do, a transaction or a lone write.
    b.begin();
    b.exec(QStringLiteral("UPDATE settings SET value = value WHERE key = 'currency'"));
    b.commit();
    const qint64 v1 = a.dataVersion();
    QVERIFY(v1 != v0);
    QCOMPARE(a.dataVersion(), v1);
    b.exec(QStringLiteral("UPDATE settings SET value = value WHERE key = 'currency'"));
    QVERIFY(a.dataVersion() != v1);
    // And one that came between two of ours is not hidden by our next commit.
    const qint64 v2 = a.dataVersion();
    b.exec(QStringLiteral("UPDATE settings SET value = value WHERE key = 'currency'"));
    a.begin();
    a.commit();
    QVERIFY(a.dataVersion() != v2);
}

void TestHubPostgres::secretAndStaffAcrossNodes()
{
    HubFixture f;
    // The token secret is the registry's: node B verifies what node A signed.
    HubOptions bOptions = f.hubOptions;
    QTemporaryDir otherData;
    bOptions.dataDir = otherData.path();
    HubDomain b(bOptions, &f.clock);
    QString error;
    QVERIFY2(b.open(&error), qPrintable(error));
    const QByteArray token = f.hub->mintToken(f.employee2(), QStringLiteral("access"), 3600);
    QVERIFY(b.verifyAccessToken(QString::fromLatin1(token)).ok());
    QVERIFY(!QFile::exists(otherData.path() + QStringLiteral("/hub.secret")));
    // A manager disables the employee through node B; node A refuses the token at once.
    const CommandResult r
        = b.execute(f.manager(), QStringLiteral("/employees"), QStringLiteral("disable_staff"),
                    QJsonObject{{"user_id", f.employee2().userId}, {"reason", "left"}});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    const auto staff = f.hub->cafe(QStringLiteral("cafe1"))->staffMember(f.employee2().userId);
    QVERIFY(staff);
    QVERIFY(!staff->active);
    QCOMPARE(f.hub->verifyAccessToken(QString::fromLatin1(token)).error,
             JsonWebToken::Error::StaffDisabled);
}

void TestHubPostgres::schemasAndRefusals()
{
    HubFixture f({QStringLiteral("cafe1"), QStringLiteral("Cafe-Two")});
    const std::unique_ptr<StorageBackend> storage = f.makeStorage();
    QString error;
    QVERIFY2(storage->open(&error), qPrintable(error));
    // One schema per cafe, case and '-' kept; a long id fits PostgreSQL's 63 bytes, distinctly.
    QCOMPARE(PostgresStorage::schemaFor(QStringLiteral("Cafe-Two")),
             QStringLiteral("cafe_Cafe-Two"));
    const QString longA = QString(64, u'a');
    const QString longB = QString(63, u'a') + u'b';
    QVERIFY(PostgresStorage::schemaFor(longA).size() <= 63);
    QVERIFY(PostgresStorage::schemaFor(longA) != PostgresStorage::schemaFor(longB));
    QVERIFY(storage->cafeExists(QStringLiteral("Cafe-Two")));
    QVERIFY(!storage->cafeExists(QStringLiteral("cafe-two")));
    // A cafe's connection reaches its own tables only.
    std::unique_ptr<StoreConnection> one = storage->cafe(QStringLiteral("cafe1"), &error);
    QVERIFY2(one, qPrintable(error));
    QCOMPARE(one->scalar(QStringLiteral("SELECT value FROM cafe_meta WHERE key = 'id'")).toString(),
             QStringLiteral("cafe1"));
    QCOMPARE(one->schemaVersion(), HubSchema::cafeSteps().last().version);
    // Values travel as escaped literals: quotes, backslashes, placeholders and SQL in a value
    // come back as they went; a NUL is refused rather than cut short.
    const QString awkward = QStringLiteral("O'Brien \\ '' ? -- ; DROP TABLE orders; \"x\" \u00e9");
    QCOMPARE(
        one->scalar(QStringLiteral("SELECT ? || '' -- a comment with a ?\n"), {awkward}).toString(),
        awkward);
    QCOMPARE(one->scalar(QStringLiteral("SELECT '?' || ?"), {qlonglong(42)}).toString(),
             QStringLiteral("?42"));
    QVERIFY_THROWS_EXCEPTION(
        StorageError,
        one->exec(QStringLiteral("SELECT ?"), {QString(QStringLiteral("a") + QChar(u'\0'))}));
    QVERIFY_THROWS_EXCEPTION(StorageError, one->exec(QStringLiteral("SELECT ?, ?"), {1}));
    // Opening again migrates nothing and keeps the data (the advisory lock taken and let go).
    std::unique_ptr<StoreConnection> again = storage->cafe(QStringLiteral("cafe1"), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(!storage->createCafe(QStringLiteral("cafe1"), &error));
    QVERIFY(error.contains(QStringLiteral("already exists")));
    QVERIFY(!storage->cafe(QStringLiteral("nope"), &error));
    // Health is a SELECT 1; backup points at pg_dump.
    QVERIFY(storage->health(0).problems.isEmpty());
    int cafes = -1;
    const AdminResult backup = storage->backup(f.dir.path() + QStringLiteral("/b"), {}, &cafes);
    QVERIFY(!backup.ok());
    QVERIFY2(backup.message.contains(QStringLiteral("pg_dump")), qPrintable(backup.message));
    // The hub's /healthz probe of every connection.
    const HubDomain::StorageCheck check = f.hub->checkStorage(0);
    QVERIFY2(check.store.problems.isEmpty(), qPrintable(check.store.problems.join(u'\n')));
    QCOMPARE(check.cafes, 2);
    QCOMPARE(check.databases, 3);
}

void TestHubPostgres::serveAndAdminCommandLine()
{
    const QString url = freshPostgresDatabase();
    QVERIFY(!url.isEmpty());
    QString out, err;
    QCOMPARE(
        runHub({"cafe", "add", "--database", url, "--id", "north", "--name", "North"}, &out, &err),
        0);
    QCOMPARE(runHub({"staff", "list", "--database", url, "--cafe", "north"}, &out, &err), 0);
    QCOMPARE(runHub({"cafe", "list", "--database", url}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("north")), qPrintable(out + err));
    // Backup is refused with the way to do it.
    QCOMPARE(runHub({"backup", "--database", url, "--out", "/tmp/never"}, &out, &err), 2);
    QVERIFY2(err.contains(QStringLiteral("pg_dump")), qPrintable(err));

    // Two serve processes, two data folders, one database: both serve the cafe.
    QTemporaryDir a, b;
    HubProcess nodeA(
        {"serve", "--data", a.path(), "--database", url, "--bind", "127.0.0.1", "--port", "0"});
    HubProcess nodeB(
        {"serve", "--data", b.path(), "--database", url, "--bind", "127.0.0.1", "--port", "0"});
    const quint16 portA = nodeA.waitListening();
    const quint16 portB = nodeB.waitListening();
    QVERIFY2(portA, qPrintable(nodeA.err()));
    QVERIFY2(portB, qPrintable(nodeB.err()));
    QVERIFY2(nodeA.out().contains(QStringLiteral("database postgresql://postgres@127.0.0.1")),
             qPrintable(nodeA.out()));
    for (const quint16 port : {portA, portB}) {
        const QString health = httpGet(port, QStringLiteral("/healthz"));
        QVERIFY2(health.startsWith(QStringLiteral("HTTP/1.1 200")), qPrintable(health));
    }
    QVERIFY(!QFile::exists(a.path() + QStringLiteral("/hub.db")));
    nodeA.signal(SIGTERM);
    nodeB.signal(SIGTERM);
    QCOMPARE(nodeA.waitExit(), 0);
    QCOMPARE(nodeB.waitExit(), 0);
}

void TestHubPostgres::unreachableDatabase()
{
    // A port nobody listens on: one line, a non-zero exit, no crash.
    const quint16 port = PostgresServer::freePort();
    QVERIFY(port);
    const QString url = QStringLiteral("postgresql://postgres@127.0.0.1:%1/none").arg(port);
    QTemporaryDir data;
    QString out, err;
    const int serve = runHub(
        {"serve", "--data", data.path(), "--database", url, "--bind", "127.0.0.1", "--port", "0"},
        &out, &err);
    QVERIFY2(serve != 0 && serve > 0, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("cannot connect to postgresql://postgres@127.0.0.1")),
             qPrintable(err));
    QCOMPARE(err.trimmed().count(u'\n'), 0);
    QCOMPARE(runHub({"cafe", "list", "--database", url}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("cannot connect")), qPrintable(err));
    QCOMPARE(err.trimmed().count(u'\n'), 0);
    // A malformed URL is a usage error, in serve and in the admin commands.
    QCOMPARE(runHub({"serve", "--data", data.path(), "--database", "mysql://x/y"}, &out, &err), 2);
    QVERIFY2(err.contains(QStringLiteral("postgresql://")), qPrintable(err));
    QCOMPARE(runHub({"cafe", "list", "--database", "postgresql://127.0.0.1/db?sslmode=require"},
                    &out, &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("not supported")), qPrintable(err));
}

void TestHubPostgres::createOrderTimings()
{
    // A figure for the record, asserted on nothing but success: create_order in process, one
    // command and one commit each, on SQLite (synchronous FULL) and on the local PostgreSQL.
    constexpr int kOrders = 200;
    const auto restore = qScopeGuard([] { qputenv("TABLETAP_TEST_DATABASE", "postgresql"); });
    for (const bool pg : {false, true}) {
        qputenv("TABLETAP_TEST_DATABASE", pg ? "postgresql" : "sqlite");
        HubOptions options;
        options.commandsPerSecond = 0;
        HubFixture f({QStringLiteral("cafe1")}, options);
        QCOMPARE(f.databaseUrl.isEmpty(), !pg);
        const QJsonObject order = espressoOrder(f);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kOrders; ++i)
            QVERIFY(f.run(f.employee(), QStringLiteral("/orders"), QStringLiteral("create_order"),
                          order)
                        .ok());
        qInfo("create_order in process on %s: %.2f ms a command (%d orders)",
              pg ? "PostgreSQL" : "SQLite", double(timer.nsecsElapsed()) / 1e6 / kOrders, kOrders);
    }
}

// The child of killedDuringBatchesLosesNothingAcked: a hub on TT_HUB_CHILD_DATABASE submitting
// rounds of 8 orders in one event-loop pass (one batch, one transaction; the middle one
// refused), printing "acked <n> <order id>" from each callback, after the batch's COMMIT.
static int childMain()
{
    HubOptions options;
    options.dataDir = qEnvironmentVariable("TT_HUB_CHILD_DATA"); // the parent's, removed by it
    options.databaseUrl = qEnvironmentVariable("TT_HUB_CHILD_DATABASE");
    options.commandsPerSecond = 0;
    HubDomain hub(options);
    QString error;
    if (!hub.open(&error))
        return 3;
    const HubActor actor{QStringLiteral("child"), QStringLiteral("Child"), HubRole::Manager,
                         QStringLiteral("k")};
    StoreConnection &db = hub.cafe(QStringLiteral("k"))->connection();
    const QString espresso
        = db.scalar(QStringLiteral("SELECT id FROM products WHERE name = 'Espresso'")).toString();
    db.exec(QStringLiteral("UPDATE inventory_items SET stock = 1000000"));
    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    const pid_t parent = ::getppid();
    constexpr int kBatch = 8;
    bool failed = false;
    for (int n = 0; n < 20000 && !failed && timer.elapsed() < 60000 && ::getppid() == parent;) {
        int pending = 0;
        for (int k = 0; k < kBatch; ++k, ++n) {
            const bool bad = k == kBatch / 2;
            ++pending;
            hub.submit(
                actor, QStringLiteral("/orders"), QStringLiteral("create_order"),
                QJsonObject{{"customer_name", "K"},
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
    while (!failed && timer.elapsed() < 60000 && ::getppid() == parent)
        QThread::msleep(50);
    return failed ? 4 : 0;
}

// kill -9 of a hub writing group-commit batches to PostgreSQL: every acked order is stored,
// whole, numbered in the order it was acked; at most the batch in flight is stored unacked, and
// never its refused command.
void TestHubPostgres::killedDuringBatchesLosesNothingAcked()
{
    const QString url = freshPostgresDatabase();
    QVERIFY(!url.isEmpty());
    QString out, err;
    QCOMPARE(runHub({"cafe", "add", "--database", url, "--id", "k", "--name", "Kill"}, &out, &err),
             0);
    QTemporaryDir childData;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TT_HUB_CHILD_DATABASE"), url);
    env.insert(QStringLiteral("TT_HUB_CHILD_DATA"), childData.path());
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted(10000));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (output.count('\n') < 200 && timer.elapsed() < 120000
           && child.state() == QProcess::Running) {
        child.waitForReadyRead(200);
        output += child.readAllStandardOutput();
    }
    QCOMPARE(child.state(), QProcess::Running);
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10000));
    output += child.readAllStandardOutput();
    QMap<int, QString> acked;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts.at(0) == "acked")
            acked.insert(parts.at(1).toInt(), QString::fromLatin1(parts.at(2)));
    }
    QVERIFY2(acked.size() >= 200, qPrintable(QString::number(acked.size())));

    QTemporaryDir dir;
    HubOptions options;
    options.dataDir = dir.path();
    options.databaseUrl = url;
    HubDomain hub(options);
    QString error;
    QVERIFY2(hub.open(&error), qPrintable(error));
    StoreConnection &db = hub.cafe(QStringLiteral("k"))->connection();
    QString previous;
    for (auto it = acked.constBegin(); it != acked.constEnd(); ++it) {
        const QString number
            = db.scalar(QStringLiteral("SELECT order_number FROM orders WHERE id = ?"),
                        {it.value()})
                  .toString();
        QVERIFY2(!number.isEmpty(), qPrintable(it.value()));
        QVERIFY2(number > previous, qPrintable(number + u" after " + previous));
        previous = number;
    }
    const int orders = db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt();
    qInfo("killed with %d orders acked, %d stored", int(acked.size()), orders);
    QVERIFY(orders >= acked.size());
    QVERIFY2(orders <= acked.size() + 7,
             qPrintable(QStringLiteral("%1 stored, %2 acked").arg(orders).arg(acked.size())));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM order_items")).toInt(), orders);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM order_status_history")).toInt(),
             orders);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM processed_requests")).toInt(), orders);
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT stock FROM inventory_items WHERE sku = 'CUP001'")).toInt(),
        1000000 - orders);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("TT_HUB_CHILD_DATABASE"))
        return childMain();
    TestHubPostgres t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_hubpostgres.moc"
