// The simulator against a real hub (HubServer in process, 127.0.0.1, port 0): a compressed cafe
// day from before opening until the night (speed 720: 13.5 simulated hours in about 70 s) runs
// with no unexpected refusal, and the cafe's state is consistent during and after it (stock
// never negative, every sale paid and every payment accounted, order numbers unique and
// sequential per day, counter loads as the open orders say, timesheets closed). The same seed
// gives the same customers; another seed does not. On a SimulatedClock (the console's demo) the
// simulator moves the hub's simulated time through the admin API, and a day started at noon begins
// with the morning so far in the hub's state, written through the devices' commands with the
// clock held: orders, payments, stock movements and clock-ins stamped before noon, consistent,
// the same for the same seed.
#include "hubdomain.h"
#include "hubserver.h"
#include "hubwireclient.h"
#include "simulatedclock.h"
#include "simulatorswitch.h"
#include "sqliteconnection.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <limits>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

// The hub's options and the simulator's; simulate: the simulator starts with the hub.
struct SimOptions
{
    HubServer::Options hub;
    CafeSimulator::Options simulation;
    bool simulate = true;
    HubClock *clock = nullptr; // the hub's (a SimulatedClock: the console's demo)
};

SimOptions simOptions(quint32 seed, double speed, const QTime &start)
{
    SimOptions o;
    o.hub.bindAddress = QHostAddress::LocalHost;
    o.hub.port = 0;
    o.simulation.speed = speed;
    o.simulation.seed = seed;
    o.simulation.startTime = start;
    return o;
}

// A hub with the simulator beside it, wired as `tabletap-hub serve --simulate` and the console's
// demo wire them: the switch stops on aboutToStop() and feeds the gauge's probe.
class SimHub
{
public:
    SimHub(const QString &dataDir, const SimOptions &o)
        : m_simulate(o.simulate)
        , m_server(dataDir, serverOptions(o))
        , m_switch(&m_server.admin(), o.simulation)
    {
        QObject::connect(&m_server, &HubServer::aboutToStop, &m_switch, &SimulatorSwitch::stop);
        m_server.setSimulatorProbe([this] { return m_switch.isRunning(); });
    }
    ~SimHub()
    {
        m_server.stop();
        m_server.setSimulatorProbe({});
    }

    bool start()
    {
        if (!m_server.start()) {
            m_error = m_server.errorString();
            return false;
        }
        if (m_simulate && !setSimulatorRunning(true)) {
            m_server.stop();
            return false;
        }
        return true;
    }
    void stop() { m_server.stop(); }
    bool setSimulatorRunning(bool running)
    {
        if (!running) {
            m_switch.stop();
            return true;
        }
        return m_switch.start(m_server.url(), &m_error);
    }
    bool isSimulatorRunning() const { return m_server.isSimulatorRunning(); }
    CafeSimulator *simulator() const { return m_switch.simulator(); }
    SimulatorSwitch *simulatorSwitch() { return &m_switch; }
    HubServer &server() { return m_server; }
    QUrl url() const { return m_server.url(); }
    QString errorString() const { return m_error; }

private:
    static HubServer::Options serverOptions(const SimOptions &o)
    {
        HubServer::Options h = o.hub;
        h.clock = o.clock;
        if (o.simulate)
            h.hub = h.hub.forSimulation(o.clock ? 1.0 : o.simulation.speed, o.simulation.seed);
        return h;
    }

    bool m_simulate;
    HubServer m_server;
    SimulatorSwitch m_switch; // after the server: goes first
    QString m_error;
};

QString describe(const CafeSimulator::Stats &s)
{
    return QStringLiteral("customers %1 (walked out %2), orders %3 (proxy %4), completed %5, "
                          "cancelled %6, recalls %7; payments %8 (card %9, cash %10, qr %11), "
                          "card declines %12, QR abandoned %13; low stock %14, out of stock %15, "
                          "restocks %16, waste %17; counter changes %18; clock in/out %19/%20, "
                          "drinks %21; commands %22 (ok %23), expected refusals %24, errors %25")
        .arg(s.customers)
        .arg(s.walkouts)
        .arg(s.ordersCreated)
        .arg(s.proxyOrders)
        .arg(s.ordersCompleted)
        .arg(s.ordersCancelled)
        .arg(s.recalls)
        .arg(s.paymentsCompleted)
        .arg(s.cardPayments)
        .arg(s.cashPayments)
        .arg(s.qrPayments)
        .arg(s.cardDeclines)
        .arg(s.qrAbandoned)
        .arg(s.lowStockAlerts)
        .arg(s.outOfStockAlerts)
        .arg(s.restocks)
        .arg(s.wasteAdjustments)
        .arg(s.counterChanges)
        .arg(s.clockIns)
        .arg(s.clockOuts)
        .arg(s.drinks)
        .arg(s.commandsSent)
        .arg(s.commandsOk)
        .arg(s.expectedRefusals)
        .arg(s.errors);
}

qint64 todayAt(const QTime &t)
{
    return QDateTime(QDate::currentDate(), t).toMSecsSinceEpoch();
}

// A manager's console on the demo cafe's /orders and /system.
std::unique_ptr<HubWireClient> managerConsole(SimHub &server)
{
    const HubActor manager{QStringLiteral("test-manager"), QStringLiteral("Test Manager"),
                           HubRole::Manager, QStringLiteral("demo")};
    return std::make_unique<HubWireClient>(
        server.url(),
        QString::fromLatin1(
            server.server().service()->mintToken(manager, QStringLiteral("access"), 3600)),
        QStringLiteral("demo"), QStringLiteral("manager"),
        QStringList{QStringLiteral("/orders"), QStringLiteral("/system")});
}

// The orders of a simulated run created before beforeMs, at most limit (-1: all), in order:
// customer and items, with their time of day when withTime.
QStringList ordersOf(const QString &dataDir, qint64 beforeMs, int limit, bool withTime)
{
    SqliteConnection db;
    QString error;
    if (!db.open(dataDir + QStringLiteral("/cafes/demo.db"), &error))
        return {error};
    QStringList out;
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT o.created_at, o.customer_name, (SELECT GROUP_CONCAT(product_name "
                       "|| ' x' || quantity, ', ') FROM order_items i WHERE i.order_id = o.id) "
                       "FROM orders o WHERE o.created_at < ? ORDER BY o.created_at, o.daily_seq "
                       "LIMIT ?"),
        {beforeMs, limit});
    while (q.next())
        out.append(
            (withTime
                 ? QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong()).toString(u"HH:mm:ss ")
                 : QString())
            + q.value(1).toString() + QStringLiteral(": ") + q.value(2).toString());
    return out;
}

} // namespace

class TestHubSimulator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compressedDayStaysConsistent();
    void sameSeedSameCustomers();
    void panelStopsAndStartsIt();
    void simulatedClockHeldAndRunning();
    void noonStartHasTheMorning();
    void morningIsTheSameForTheSameSeed();
};

void TestHubSimulator::compressedDayStaysConsistent()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    SimHub server(data, simOptions(42, 720, QTime(6, 30)));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    CafeSimulator *sim = server.simulator();
    QVERIFY(sim);
    QCOMPARE(sim->cafeId(), QStringLiteral("demo"));
    QSignalSpy days(sim, &CafeSimulator::dayStarted);
    QVERIFY(QTest::qWaitFor([sim] { return sim->isReady(); }, 20000));

    // A manager's console watches the day: counter loads against open orders, at a few points.
    const auto consoleOwner = managerConsole(server);
    HubWireClient &console = *consoleOwner;
    QVERIFY(console.waitConnected());
    int checkpoints = 0, loadChecks = 0;
    QStringList loadProblems;
    const auto checkLoads = [&] {
        // Two snapshots asked together (one frame after the other on one connection, so the
        // hub answers both from one batch); a pair that still straddles a change is tried again.
        for (int attempt = 0; attempt < 20; ++attempt) {
            std::optional<SioAckResult> countersAck, ordersAck;
            QObject ctx;
            console.socket(QStringLiteral("/system"))
                ->emitWithAck(
                    QStringLiteral("list_counters"), {QJsonObject{}}, &ctx,
                    [&](const SioAckResult &r) { countersAck = r; }, 10000);
            console.socket(QStringLiteral("/orders"))
                ->emitWithAck(
                    QStringLiteral("list_orders"), {QJsonObject{{"recent_limit", 0}}}, &ctx,
                    [&](const SioAckResult &r) { ordersAck = r; }, 10000);
            (void)QTest::qWaitFor([&] { return countersAck && ordersAck; }, 12000);
            if (!countersAck || !ordersAck) {
                loadProblems.append(QStringLiteral("no answer to the snapshots"));
                return;
            }
            const QJsonObject counters = countersAck->args.at(0).toObject();
            const QJsonObject orders = ordersAck->args.at(0).toObject();
            QHash<QString, int> open, loaded;
            for (const QJsonValue &v :
                 orders.value(u"data").toObject().value(u"open_orders").toArray()) {
                const QJsonObject o = v.toObject();
                ++open[o.value(u"assigned_counter").toString()];
                if (o.value(u"status").toString() != u"ready")
                    ++loaded[o.value(u"assigned_counter").toString()];
            }
            QStringList problems;
            for (const QJsonValue &v :
                 counters.value(u"data").toObject().value(u"counters").toArray()) {
                const QJsonObject c = v.toObject();
                const QString name = c.value(u"counter_name").toString();
                if (c.value(u"load").toInt() != loaded.value(name))
                    problems.append(QStringLiteral("%1 load %2, open orders say %3")
                                        .arg(name)
                                        .arg(c.value(u"load").toInt())
                                        .arg(loaded.value(name)));
                if (c.value(u"open_orders_count").toInt() != open.value(name))
                    problems.append(QStringLiteral("%1 open %2 != %3")
                                        .arg(name)
                                        .arg(c.value(u"open_orders_count").toInt())
                                        .arg(open.value(name)));
                // Closing a counter moves its orders away, so an inactive one holds none.
                if (c.value(u"status").toString() == u"inactive" && open.value(name) > 0)
                    problems.append(name + QStringLiteral(" is inactive with open orders"));
            }
            ++loadChecks;
            if (problems.isEmpty())
                return;
            if (attempt == 19)
                loadProblems += problems;
            QTest::qWait(20);
        }
    };
    const QList<QTime> watchAt{QTime(8, 30), QTime(12, 30), QTime(14, 45), QTime(17, 0)};
    for (const QTime &t : watchAt) {
        QVERIFY(QTest::qWaitFor([&] { return sim->simulatedTime().time() >= t; }, 120000));
        checkLoads();
        ++checkpoints;
    }

    // The day ends when the cafe is closed and quiet; the night is skipped to day 2.
    QVERIFY2(QTest::qWaitFor([&] { return days.size() >= 2; }, 120000),
             qPrintable(describe(sim->stats())));
    const CafeSimulator::Stats stats = sim->stats();
    server.setSimulatorRunning(false);
    checkLoads();
    const QJsonObject counters
        = console.call(QStringLiteral("/system"), QStringLiteral("list_counters"));
    server.stop();
    qInfo().noquote() << "simulated day (speed 720, seed 42):" << describe(stats);
    QVERIFY2(stats.errors == 0, qPrintable(stats.lastErrors.join(u'\n')));
    QVERIFY2(loadProblems.isEmpty(), qPrintable(loadProblems.join(u'\n')));
    QCOMPARE(checkpoints, 4);
    // A realistic day happened: rushes, every payment kind, declines, stock low and restocked,
    // a counter down and back, every shift clocked in and out.
    QVERIFY(stats.customers >= 200);
    QVERIFY(stats.ordersCompleted >= 150);
    QVERIFY(stats.cardPayments > 0 && stats.cashPayments > 0 && stats.qrPayments > 0);
    QVERIFY(stats.cardDeclines > 0);
    QVERIFY(stats.lowStockAlerts > 0);
    QVERIFY(stats.restocks > 0);
    QCOMPARE(stats.counterChanges, 2);
    QCOMPARE(stats.clockIns, 5);
    QCOMPARE(stats.clockOuts, 5);
    QCOMPARE(stats.ordersCompleted + stats.ordersCancelled, stats.ordersCreated);
    for (const QJsonValue &v : counters.value(u"data").toObject().value(u"counters").toArray()) {
        QCOMPARE(v.toObject().value(u"status").toString(), QStringLiteral("active"));
        QCOMPARE(v.toObject().value(u"load").toInt(), 0);
    }

    // The cafe's database after the day.
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(data + QStringLiteral("/cafes/demo.db"), &error));
    const auto count = [&db](const char *sql) {
        return db.scalar(QString::fromLatin1(sql)).toInt();
    };
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    // Stock: never below zero, every movement chained to the one before, the item's stock the
    // last movement's result.
    QCOMPARE(
        count("SELECT COUNT(*) FROM stock_movements WHERE new_stock < 0 OR previous_stock < 0"), 0);
    QCOMPARE(count("SELECT COUNT(*) FROM inventory_items WHERE stock < 0"), 0);
    QCOMPARE(count("SELECT COUNT(*) FROM stock_movements m WHERE m.previous_stock != (SELECT "
                   "p.new_stock FROM stock_movements p WHERE p.item_id = m.item_id AND p.id < "
                   "m.id ORDER BY p.id DESC LIMIT 1)"),
             0);
    QCOMPARE(count("SELECT COUNT(*) FROM inventory_items i WHERE EXISTS (SELECT 1 FROM "
                   "stock_movements m WHERE m.item_id = i.id) AND i.stock != (SELECT m.new_stock "
                   "FROM stock_movements m WHERE m.item_id = i.id ORDER BY m.id DESC LIMIT 1)"),
             0);
    // Money: every completed order has exactly one completed payment of its total; no order has
    // two; a cancelled order's payment was refunded; nothing is left processing.
    QCOMPARE(count("SELECT COUNT(*) FROM orders o WHERE o.status = 'completed' AND (SELECT "
                   "COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'completed' "
                   "AND p.amount_cents = o.total_cents) != 1"),
             0);
    QCOMPARE(count("SELECT COUNT(*) FROM (SELECT order_id FROM payments WHERE status IN "
                   "('completed','refunded') GROUP BY order_id HAVING COUNT(*) > 1)"),
             0);
    QCOMPARE(count("SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE "
                   "o.status = 'cancelled' AND p.status = 'completed'"),
             0);
    QCOMPARE(count("SELECT COUNT(*) FROM payments WHERE status = 'processing'"), 0);
    QCOMPARE(count("SELECT COUNT(*) FROM orders WHERE status IN ('pending','preparing','ready')"),
             0);
    QCOMPARE(count("SELECT COUNT(*) FROM orders"), stats.ordersCreated);
    // Order numbers: unique (the schema), and 1, 2, 3 ... without gaps within each day, each
    // ORD + date + sequence.
    QSqlQuery days2 = db.exec(QStringLiteral(
        "SELECT business_date, COUNT(*), MIN(daily_seq), MAX(daily_seq) FROM orders GROUP BY "
        "business_date"));
    while (days2.next()) {
        QCOMPARE(days2.value(2).toInt(), 1);
        QCOMPARE(days2.value(3).toInt(), days2.value(1).toInt());
    }
    static const QRegularExpression number(QStringLiteral("^ORD(\\d{8})(\\d{3,})$"));
    QSqlQuery numbers
        = db.exec(QStringLiteral("SELECT order_number, business_date, daily_seq FROM orders"));
    while (numbers.next()) {
        const auto m = number.match(numbers.value(0).toString());
        QVERIFY(m.hasMatch());
        QCOMPARE(m.captured(1), numbers.value(1).toString().remove(u'-'));
        QCOMPARE(m.captured(2).toInt(), numbers.value(2).toInt());
    }
    // Timesheets: nobody is left clocked in at night; each closed one adds up.
    QCOMPARE(count("SELECT COUNT(*) FROM timesheets WHERE clock_out IS NULL"), 0);
    QCOMPARE(count("SELECT COUNT(*) FROM timesheets WHERE clock_out < clock_in OR "
                   "total_pay_cents != (total_centihours * hourly_rate_cents + 50) / 100"),
             0);
    QCOMPARE(count("SELECT COUNT(*) FROM timesheets"), 5);
    // Events: one gap-free sequence.
    QCOMPARE(count("SELECT MAX(seq) - MIN(seq) + 1 - COUNT(*) FROM events"), 0);
    qInfo() << "consistency: load checks" << loadChecks << "at" << checkpoints
            << "checkpoints; orders" << count("SELECT COUNT(*) FROM orders") << "payments"
            << count("SELECT COUNT(*) FROM payments") << "stock movements"
            << count("SELECT COUNT(*) FROM stock_movements") << "events"
            << count("SELECT COUNT(*) FROM events");
}

void TestHubSimulator::sameSeedSameCustomers()
{
    QStringList runs[3];
    const quint32 seeds[3] = {7, 7, 8};
    for (int i = 0; i < 3; ++i) {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            SimHub server(data, simOptions(seeds[i], 600, QTime(8, 0)));
            QVERIFY2(server.start(), qPrintable(server.errorString()));
            CafeSimulator *sim = server.simulator();
            QVERIFY(QTest::qWaitFor([sim] { return sim->stats().ordersCreated >= 20; }, 60000));
            QCOMPARE(sim->stats().errors, 0);
        }
        runs[i] = ordersOf(data, std::numeric_limits<qint64>::max(), 20, false);
        QCOMPARE(runs[i].size(), 20);
    }
    QCOMPARE(runs[0], runs[1]);
    QVERIFY(runs[0] != runs[2]);
    qInfo() << "seed 7, first orders:" << runs[0].mid(0, 3);
}

void TestHubSimulator::panelStopsAndStartsIt()
{
    // The console's hub panel: the hub runs without the simulator, the switch turns it on and
    // off, the hub stops and starts again (another port), and the simulator picks up the day
    // where it was: the open orders of the first run are made, paid and collected.
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    SimOptions options = simOptions(3, 600, QTime(8, 0));
    options.simulate = false;
    SimHub server(data, options);
    QVERIFY(server.start());
    QVERIFY(!server.simulator());
    QSignalSpy switched(server.simulatorSwitch(), &SimulatorSwitch::runningChanged);
    QVERIFY2(server.setSimulatorRunning(true), qPrintable(server.errorString()));
    QVERIFY(server.isSimulatorRunning());
    QCOMPARE(switched.size(), 1);
    QVERIFY(
        QTest::qWaitFor([&] { return server.simulator()->stats().ordersCreated >= 15; }, 60000));
    QVERIFY(server.setSimulatorRunning(false));
    QVERIFY(!server.isSimulatorRunning());
    QCOMPARE(server.simulator()->stats().errors, 0);
    server.stop();

    SqliteConnection db;
    QString error;
    QVERIFY(db.open(data + QStringLiteral("/cafes/demo.db"), &error));
    const qint64 lastOfFirstRun
        = db.scalar(QStringLiteral("SELECT MAX(created_at) FROM orders")).toLongLong();
    const auto leftOver = [&db, lastOfFirstRun] {
        return db
            .scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE created_at <= ? AND "
                                   "status IN ('pending','preparing','ready')"),
                    {lastOfFirstRun})
            .toInt();
    };
    const int leftOpen = leftOver();
    QVERIFY(leftOpen > 0);
    QVERIFY(server.start());
    QVERIFY(server.setSimulatorRunning(true));
    CafeSimulator *second = server.simulator();
    QVERIFY(QTest::qWaitFor([second] { return second->isReady(); }, 20000));
    // Everything left open by the first run is finished by the second (new ones come and go).
    QVERIFY(QTest::qWaitFor([&] { return leftOver() == 0; }, 60000));
    QCOMPARE(second->stats().errors, 0);
    server.stop();
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders o WHERE o.status = 'completed' "
                                      "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id "
                                      "= o.id AND p.status = 'completed')"))
                 .toInt(),
             0);
    qInfo() << "panel switch: orders left open by the first run:" << leftOpen
            << "; all finished and paid by the second";
}

void TestHubSimulator::simulatedClockHeldAndRunning()
{
    const qint64 start = todayAt(QTime(12, 0));
    SimulatedClock clock(start, 60);
    QVERIFY(!clock.isRunning());
    QCOMPARE(clock.nowMs(), start);
    // Held: callbacks wait for advance(), which runs them in time order at their deadline.
    QList<std::pair<int, qint64>> ran;
    clock.callAt(start + 3000, nullptr, [&] { ran.append({3, clock.nowMs()}); });
    clock.callAt(start + 1000, nullptr, [&] {
        ran.append({1, clock.nowMs()});
        clock.callAt(clock.nowMs() + 500, nullptr, [&] { ran.append({2, clock.nowMs()}); });
    });
    {
        QObject gone;
        clock.callAt(start + 2000, &gone, [&] { ran.append({-1, clock.nowMs()}); });
    }
    QTest::qWait(20);
    QVERIFY(ran.isEmpty());
    clock.advance(2500);
    QCOMPARE(ran, (QList<std::pair<int, qint64>>{{1, start + 1000}, {2, start + 1500}}));
    QCOMPARE(clock.nowMs(), start + 2500);
    // The wall clock can be set while held (a day written from its morning), not while running;
    // callbacks stay due on the monotonic clock: the 3 s one 500 ms from here.
    clock.setWallClock(start - 3600000);
    QCOMPARE(clock.nowMs(), start - 3600000);
    clock.advance(400);
    QCOMPARE(clock.nowMs(), start - 3600000 + 400);
    QCOMPARE(ran.size(), 2);
    // Running: time moves forward on its own and the callback comes, not before its time.
    const qint64 before = clock.nowMs();
    clock.run();
    QVERIFY(clock.isRunning());
    QTRY_COMPARE(ran.size(), 3);
    QCOMPARE(ran.last().first, 3);
    QVERIFY(ran.last().second >= before + 100);
    clock.setWallClock(0);
    QVERIFY(clock.nowMs() >= before);
    // A skipped stretch while running: what falls due in it runs at once.
    bool skipped = false;
    const qint64 at = clock.nowMs() + 10 * 3600000LL;
    clock.callAt(at, nullptr, [&] { skipped = clock.nowMs() >= at; });
    clock.advance(10 * 3600000LL);
    QTRY_VERIFY(skipped);
    QVERIFY(clock.nowMs() >= at);
    QCOMPARE(clock.pendingCallbacks(), 0);
}

void TestHubSimulator::noonStartHasTheMorning()
{
    // The console's demo at --demo-start 12:00: the hub runs on the simulated clock and the
    // simulator first writes the morning through its devices' commands, the clock held.
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const qint64 noon = todayAt(QTime(12, 0));
    SimulatedClock clock(noon, 60);
    SimOptions options = simOptions(11, 60, QTime(12, 0));
    options.clock = &clock;
    SimHub server(data, options);
    QElapsedTimer took;
    took.start();
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    CafeSimulator *sim = server.simulator();
    QVERIFY(sim);
    QVERIFY(sim->onHubClock());
    // Held while the morning is written; it runs from noon once the day is live. (Waited for
    // in an event loop: the morning is many round trips, each a turn of the loop.)
    QVERIFY(!clock.isRunning());
    QSignalSpy ready(sim, &CafeSimulator::ready);
    QVERIFY(ready.wait(120000));
    const qint64 startMs = took.elapsed();
    QVERIFY(clock.isRunning());
    QVERIFY(clock.nowMs() >= noon);
    const CafeSimulator::Stats history = sim->stats();
    QVERIFY2(history.errors == 0, qPrintable(history.lastErrors.join(u'\n')));
    qInfo().noquote() << "noon start: the morning written in" << startMs
                      << "ms:" << describe(history);

    SqliteConnection db;
    QString error;
    QVERIFY(db.open(data + QStringLiteral("/cafes/demo.db"), &error));
    const auto count = [&db](const char *sql, const QVariantList &args = {}) {
        return db.scalar(QString::fromLatin1(sql), args).toInt();
    };
    const qint64 open = todayAt(QTime(7, 0));
    const qint64 dayStart = open - 3600000;
    // A morning with its rush: orders from opening on, all stamped in the simulated morning.
    const int morning = count("SELECT COUNT(*) FROM orders WHERE created_at < ?", {noon});
    QCOMPARE(morning, history.historyOrders);
    QVERIFY2(morning >= 80, qPrintable(QString::number(morning)));
    QCOMPARE(count("SELECT COUNT(*) FROM orders WHERE created_at < ?", {open}), 0);
    QVERIFY(count("SELECT COUNT(*) FROM orders WHERE created_at < ?", {todayAt(QTime(9, 0))})
            > count("SELECT COUNT(*) FROM orders WHERE created_at >= ? AND created_at < ?",
                    {todayAt(QTime(10, 0)), todayAt(QTime(11, 0))}));
    QCOMPARE(count("SELECT COUNT(*) FROM orders WHERE business_date != ? AND created_at < ?",
                   {QDate::currentDate().toString(Qt::ISODate), noon}),
             0);
    // Their progression: made, paid and collected in the morning, each with its payment.
    QVERIFY(
        count("SELECT COUNT(*) FROM orders WHERE status = 'completed' AND completed_at < ?", {noon})
        >= morning * 8 / 10);
    QCOMPARE(count("SELECT COUNT(*) FROM orders o WHERE o.status = 'completed' AND "
                   "o.completed_at < ? AND (SELECT COUNT(*) FROM payments p WHERE p.order_id = "
                   "o.id AND p.status = 'completed' AND p.amount_cents = o.total_cents) != 1",
                   {noon}),
             0);
    QCOMPARE(count("SELECT COUNT(*) FROM orders WHERE ready_at IS NOT NULL AND ready_at < "
                   "preparing_at"),
             0);
    for (const char *method : {"card", "cash", "qr"})
        QVERIFY2(count("SELECT COUNT(*) FROM payments WHERE method = ? AND status = "
                       "'completed' AND completed_at < ?",
                       {QString::fromLatin1(method), noon})
                     > 0,
                 method);
    // Stock sold and delivered, shifts begun: all before noon, nothing before the day began.
    QVERIFY(
        count("SELECT COUNT(*) FROM stock_movements WHERE change_type = 'sale' AND at < ?", {noon})
        > morning);
    QVERIFY(count("SELECT COUNT(*) FROM stock_movements WHERE change_type = 'purchase' AND at "
                  "< ?",
                  {open})
            > 0);
    QCOMPARE(count("SELECT COUNT(*) FROM timesheets WHERE clock_in < ?", {noon}), history.clockIns);
    QVERIFY(history.clockIns >= 3);
    QCOMPARE(count("SELECT COUNT(*) FROM timesheets WHERE clock_in < ?", {dayStart}), 0);
    QCOMPARE(count("SELECT COUNT(*) FROM stock_movements WHERE at < ?", {dayStart}), 0);
    QCOMPARE(count("SELECT MAX(seq) - MIN(seq) + 1 - COUNT(*) FROM events"), 0);

    // What a console loads: the morning's orders and payments, on the hub's simulated time.
    const auto consoleOwner = managerConsole(server);
    HubWireClient &console = *consoleOwner;
    QVERIFY(console.waitConnected());
    const QJsonObject orders
        = console.call(QStringLiteral("/orders"), QStringLiteral("list_orders"),
                       QJsonObject{{QStringLiteral("recent_limit"), 500}});
    const QJsonObject listed = orders.value(u"data").toObject();
    QVERIFY(listed.value(u"recent_orders").toArray().size()
                + listed.value(u"open_orders").toArray().size()
            >= morning);
    const QJsonObject settings
        = console.call(QStringLiteral("/system"), QStringLiteral("get_settings"));
    const QDateTime hubTime = QDateTime::fromString(
        settings.value(u"data").toObject().value(u"server_time").toString(), Qt::ISODate);
    QVERIFY(hubTime.toMSecsSinceEpoch() >= noon - 1000);
    QVERIFY(hubTime.toMSecsSinceEpoch() <= clock.nowMs() + 1000);
    server.stop();
    QCOMPARE(sim->stats().errors, 0);
}

void TestHubSimulator::morningIsTheSameForTheSameSeed()
{
    QStringList runs[3];
    const quint32 seeds[3] = {5, 5, 6};
    const qint64 start = todayAt(QTime(10, 30));
    for (int i = 0; i < 3; ++i) {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        SimulatedClock clock(start, 120);
        SimOptions options = simOptions(seeds[i], 120, QTime(10, 30));
        options.clock = &clock;
        {
            SimHub server(data, options);
            QVERIFY2(server.start(), qPrintable(server.errorString()));
            QSignalSpy ready(server.simulator(), &CafeSimulator::ready);
            QVERIFY(ready.wait(120000));
            QCOMPARE(server.simulator()->stats().errors, 0);
            server.stop();
        }
        runs[i] = ordersOf(data, start, -1, true);
        QVERIFY(runs[i].size() >= 40);
    }
    QCOMPARE(runs[0], runs[1]);
    QVERIFY(runs[0] != runs[2]);
    qInfo() << "seed 5, the morning:" << runs[0].size() << "orders, first" << runs[0].mid(0, 2);
}

QTEST_GUILESS_MAIN(TestHubSimulator)
#include "tst_hubsimulator.moc"
