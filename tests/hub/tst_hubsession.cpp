// The console's client against the real hub, end to end: a HubSession (core/session) signs in
// with an employee code and PIN over HTTP, loads every snapshot into its models, sees the events
// of its own and others' commands (a recall included), refreshes an expired token when the hub
// refuses it, and a command sent while the hub is down waits in the outbox and is applied
// exactly once after the hub comes back on the same port (request ids); so is a command whose
// ack was lost because the hub stopped right after storing it. A role a manager changes is
// taken by the connected console at once, and by one that was offline when it reconnects.
#include "cafedomain.h"
#include "eventmapper.h"
#include "eventsource.h"
#include "hubdomain.h"
#include "hubserver.h"
#include "hubsession.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"
#include "storeconnection.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

// A TCP relay between the console and the hub, so a test can cut the line at an exact moment
// (an ack written by the hub but not yet delivered) while the hub keeps running.
class TcpRelay : public QObject
{
public:
    explicit TcpRelay(quint16 target)
        : m_target(target)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection()) {
                auto *out = new QTcpSocket(this);
                in->setParent(this);
                m_pairs.append(std::make_pair(in, out));
                const auto pipe = [](QTcpSocket *from, QTcpSocket *to) {
                    connect(from, &QTcpSocket::readyRead, to,
                            [from, to] { to->write(from->readAll()); });
                    connect(from, &QTcpSocket::disconnected, to,
                            [to] { to->disconnectFromHost(); });
                };
                pipe(in, out);
                pipe(out, in);
                out->connectToHost(QHostAddress::LocalHost, m_target);
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    // Drops every relayed connection at once; bytes not yet relayed are lost.
    int cut()
    {
        const int n = int(m_pairs.size());
        for (const auto &[in, out] : std::as_const(m_pairs)) {
            in->disconnect(this);
            out->disconnect(this);
            in->abort();
            out->abort();
            in->deleteLater();
            out->deleteLater();
        }
        m_pairs.clear();
        return n;
    }

private:
    QTcpServer m_server;
    quint16 m_target;
    QList<std::pair<QTcpSocket *, QTcpSocket *>> m_pairs;
};

// The ids of the orders in the session's queue model placed for a customer.
QStringList ordersFor(const ConsoleSession &session, const QString &customer)
{
    QStringList ids;
    for (const Order &o : session.orders()->rows())
        if (o.customerName == customer)
            ids.append(o.id);
    return ids;
}

} // namespace

class TestHubSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void signInSnapshotsAndEvents();
    void commandWhileHubIsDownAppliedOnce();
    void lostAckAppliedOnce();
    void snapshotsLostInFlightAskedAgainAfterRecovery();
    void newRoleFollowedLiveAndAfterReconnect();
    void dayFiguresAfterLateStartAndHubRestart();
    void everyMoveReachesAllCounters();
    void twoConsolesAgreeOnItemTicks();
    void outboxSurvivesARestartAppliedOnce();
    void alertAcknowledgedAtEveryConsole();

private:
    void startHub(quint16 port = 0, int accessTokenTtlSeconds = 3);
    // Writes `count` orders of the business day into the cafe's database, one every 30 s from
    // `fromMs`: completed and paid, every 20th cancelled with its payment refunded, the last 5
    // still preparing. Returns false if a row was refused.
    bool seedDay(qint64 fromMs, int firstSeq, int count);
    // The day's figures straight from the rows, in the console's 15-minute buckets, compared
    // with what the session's dashboard shows; empty when they agree.
    QString compareDay(const ConsoleSession &session);
    // The hub's clock (null: the system's).
    HubClock *m_clock = nullptr;
    bool waitLive(ConsoleSession &session, int timeoutMs = 20000);
    // Cuts the relay's line the moment the hub emits its first order:created (the order stored
    // and acknowledged, the ack not yet delivered); *cut becomes the number of lines cut.
    void cutOnFirstOrder(TcpRelay &relay, int *cut);
    int ordersNamed(const QString &customer);
    QString placeLatte(ConsoleSession &session, const QString &customer);

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<HubServer> m_server;
    quint16 m_port = 0;
};

void TestHubSession::init()
{
    // The fixture's own service stays open for lookups (product ids).
    m_fixture = std::make_unique<HubFixture>();
}

void TestHubSession::cleanup()
{
    m_server.reset();
    m_clock = nullptr;
    m_fixture.reset();
}

void TestHubSession::startHub(quint16 port, int accessTokenTtlSeconds)
{
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = port;
    options.hub.cardProcessingDelayMs = 200;
    // Short-lived access tokens by default, so a restart outlives them and the session has to
    // refresh.
    options.hub.accessTokenTtlSeconds = accessTokenTtlSeconds;
    options.clock = m_clock;
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    m_port = m_server->start();
    QVERIFY2(m_port, qPrintable(m_server->errorString()));
}

void TestHubSession::cutOnFirstOrder(TcpRelay &relay, int *cut)
{
    connect(m_server.get(), &HubServer::eventsEmitted, this,
            [&relay, cut](const HubEventList &events) {
                for (const HubEvent &e : events)
                    if (e.name == u"order:created" && *cut == 0)
                        *cut = relay.cut();
            });
}

bool TestHubSession::waitLive(ConsoleSession &session, int timeoutMs)
{
    return QTest::qWaitFor(
        [&session] {
            if (session.liveness() != ConsoleSession::Liveness::Live)
                return false;
            for (const QString &nsp : ConsoleSession::namespaces())
                if (!session.isNamespaceConnected(nsp))
                    return false;
            return true;
        },
        timeoutMs);
}

int TestHubSession::ordersNamed(const QString &customer)
{
    HubActor manager = m_fixture->manager();
    HubWireClient c(
        m_server->url(),
        QString::fromLatin1(m_server->service()->mintToken(manager, QStringLiteral("access"), 60)),
        manager.cafeId, QStringLiteral("manager"), {QStringLiteral("/orders")});
    if (!c.waitConnected())
        return -1;
    const QJsonObject data = c.call(QStringLiteral("/orders"), QStringLiteral("list_orders"))
                                 .value(u"data")
                                 .toObject();
    int n = 0;
    for (const char *key : {"open_orders", "recent_orders"})
        for (const QJsonValue &v : data.value(QLatin1String(key)).toArray())
            n += v.toObject().value(u"customer_name").toString() == customer ? 1 : 0;
    return n;
}

// A latte for customer through the session's outbox: the id of the order once it is acked and
// in the queue model, empty if either did not happen.
QString TestHubSession::placeLatte(ConsoleSession &session, const QString &customer)
{
    const QString requestId = session.sendCommand(
        QStringLiteral("/orders"), QStringLiteral("create_order"),
        {{"customer_name", customer},
         {"items",
          QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Latte")}, {"quantity", 1}}}}},
        QStringLiteral("new order"));
    const bool done = QTest::qWaitFor(
        [&] {
            return session.outbox()->entry(requestId)->state == OutboxEntry::State::Done
                   && ordersFor(session, customer).size() == 1;
        },
        10000);
    return done ? ordersFor(session, customer).constFirst() : QString();
}

void TestHubSession::signInSnapshotsAndEvents()
{
    startHub();
    // Something to find in the snapshot: an order placed at the till before the console opens.
    HubActor till = m_fixture->employee2();
    HubWireClient device(
        m_server->url(),
        QString::fromLatin1(m_server->service()->mintToken(till, QStringLiteral("access"), 60)),
        till.cafeId, QStringLiteral("employee"), {QStringLiteral("/orders")});
    QVERIFY(device.waitConnected());
    const QJsonObject placed = device.call(
        QStringLiteral("/orders"), QStringLiteral("create_order"),
        {{"customer_name", "Early Bird"},
         {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Latte")},
                                          {"quantity", 1}}}}});
    QVERIFY(placed.value(u"ok").toBool());
    const QString earlyId
        = placed.value(u"data").toObject().value(u"order").toObject().value(u"id").toString();

    HubSession session;
    QSignalSpy failed(&session, &ConsoleSession::signInFailed);
    // A wrong PIN is reported, not connected.
    session.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                   QStringLiteral("0000"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(u"PIN"));
    // One cafe on this hub: the code and PIN are enough.
    session.signIn(m_server->url(), QString(), QStringLiteral("EMP001"), QStringLiteral("1234"));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    QCOMPARE(session.identity().userId, m_fixture->employee().userId);
    QCOMPARE(session.identity().cafeId, QStringLiteral("cafe1"));
    // The live path: every event arrives read with LiteJson (no Qt tree), and maps to the same
    // CafeEvent as the Qt tree of the same values would.
    int treeEvents = 0;
    QList<Decoded<CafeEvent>> fromTree;
    QList<CafeEvent> applied;
    connect(session.source(), &EventSource::eventReceived, &session, [&] { ++treeEvents; });
    connect(session.source(), &EventSource::liteEventReceived, &session,
            [&](const QString &nsp, const QString &name, const LiteJsonArg &arg) {
                QVERIFY(arg.doc);
                QVERIFY(arg.value.isObject());
                fromTree.append(EventMapper::mapEvent(nsp, name, arg.value.toJsonValue()));
            });
    connect(&session, &ConsoleSession::eventApplied, &session,
            [&](const CafeEvent &e) { applied.append(e); });

    // Snapshots: menu, the open order, counters, stock, staff, settings.
    QVERIFY(QTest::qWaitFor([&] { return session.orders()->order(earlyId) != nullptr; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return session.menu().size() == 16; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return session.counters()->rowCount() == 2; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return session.inventory()->rowCount() == 15; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return session.timesheets()->rowCount() >= 1; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return !session.settings().isEmpty(); }, 10000));
    QCOMPARE(session.settings().value(QStringLiteral("recall_window_seconds")).toInt(), 60);

    // Its own command: acked (outbox done) and its event lands in the queue model.
    QSignalSpy finished(&session, &ConsoleSession::commandFinished);
    const QString requestId = session.sendCommand(
        QStringLiteral("/orders"), QStringLiteral("create_order"),
        {{"customer_name", "Console Carla"},
         {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Espresso")},
                                          {"quantity", 2}}}}},
        QStringLiteral("new order"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toString(), requestId);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(QTest::qWaitFor(
        [&] { return ordersFor(session, QStringLiteral("Console Carla")).size() == 1; }, 10000));
    const QString carlaId = ordersFor(session, QStringLiteral("Console Carla")).constFirst();

    // Someone else's command reaches it as an event.
    const QJsonObject moved
        = device.call(QStringLiteral("/orders"), QStringLiteral("update_order_status"),
                      {{"order_id", earlyId}, {"status", "preparing"}});
    QVERIFY(moved.value(u"ok").toBool());
    QVERIFY(QTest::qWaitFor(
        [&] { return session.orders()->order(earlyId)->status == OrderStatus::Preparing; }, 10000));
    QCOMPARE(treeEvents, 0);
    QVERIFY(applied.size() >= 2); // Carla's order:created, the early order's status change
    {
        QList<CafeEvent> expected;
        for (const auto &m : std::as_const(fromTree))
            if (m.ok())
                expected.append(*m);
        QCOMPARE(applied.size(), expected.size());
        for (qsizetype i = 0; i < applied.size(); ++i) {
            QCOMPARE(applied.at(i).name, expected.at(i).name);
            QCOMPARE(applied.at(i).nsp, expected.at(i).nsp);
            QCOMPARE(applied.at(i).meta.eventId, expected.at(i).meta.eventId);
            QCOMPARE(applied.at(i).meta.timestamp, expected.at(i).meta.timestamp);
            QCOMPARE(applied.at(i).payload.index(), expected.at(i).payload.index());
            QCOMPARE(applied.at(i).summary, expected.at(i).summary);
        }
    }

    // One click forward and the recall back: the hub takes both.
    finished.clear();
    session.advanceOrder(carlaId);
    QVERIFY(QTest::qWaitFor(
        [&] { return session.orders()->order(carlaId)->status == OrderStatus::Preparing; }, 10000));
    QVERIFY(session.canRecall(carlaId));
    const QString recallId = session.recallOrder(carlaId);
    QVERIFY(!recallId.isEmpty());
    QVERIFY(QTest::qWaitFor(
        [&] { return session.outbox()->entry(recallId)->state == OutboxEntry::State::Done; },
        10000));
    QVERIFY(QTest::qWaitFor(
        [&] { return session.orders()->order(carlaId)->status == OrderStatus::Pending; }, 10000));
    // Clocking in shows in the timesheets; a QR payment is confirmed by the waiting transaction.
    session.clockIn(QStringLiteral("Morning"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const StaffShift *me = session.timesheets()->shift(m_fixture->employee().userId);
            return me && me->clockedIn;
        },
        10000));
    QSignalSpy qr(&session, &ConsoleSession::qrGenerated);
    session.startPayment(carlaId, QStringLiteral("qr"));
    QVERIFY(qr.wait(10000));
    QCOMPARE(qr.first().first().toString(), carlaId);
    QVERIFY(session.confirmPayment(carlaId).isEmpty()); // looked up first, sent afterwards
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const PaymentRecord &p : session.payments()->rows())
                if (p.orderId == carlaId && p.status == u"completed")
                    return true;
            return false;
        },
        10000));
    // A refused command says why.
    const QString refused = session.cancelOrder(carlaId, QStringLiteral("not mine to cancel"));
    QVERIFY(QTest::qWaitFor(
        [&] { return session.outbox()->entry(refused)->state == OutboxEntry::State::Refused; },
        10000));
    QCOMPARE(session.outbox()->entry(refused)->errorType, QStringLiteral("PERMISSION_DENIED"));
}

void TestHubSession::commandWhileHubIsDownAppliedOnce()
{
    startHub();
    HubSession session;
    session.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                   QStringLiteral("1234"));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    QVERIFY(QTest::qWaitFor([&] { return session.menu().size() == 16; }, 10000));
    const quint16 port = m_port;

    // The hub goes away; the console notices and keeps working offline.
    m_server.reset();
    QVERIFY(QTest::qWaitFor([&] { return session.liveness() != ConsoleSession::Liveness::Live; },
                            10000));
    const QString requestId = session.sendCommand(
        QStringLiteral("/orders"), QStringLiteral("create_order"),
        {{"customer_name", "Offline Olive"},
         {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Americano")},
                                          {"quantity", 1}}}}},
        QStringLiteral("new order while offline"));
    QTest::qWait(500);
    QCOMPARE(session.outbox()->entry(requestId)->state, OutboxEntry::State::Pending);

    // Back on the same port after the access token expired: the session is refused, refreshes
    // its token over HTTP, reconnects, and the outbox goes out once.
    QTest::qWait(3500);
    startHub(port);
    QVERIFY2(waitLive(session, 30000), qPrintable(session.livenessText()));
    QVERIFY(QTest::qWaitFor(
        [&] { return session.outbox()->entry(requestId)->state == OutboxEntry::State::Done; },
        15000));
    QCOMPARE(ordersNamed(QStringLiteral("Offline Olive")), 1);
    QVERIFY(QTest::qWaitFor(
        [&] { return ordersFor(session, QStringLiteral("Offline Olive")).size() == 1; }, 10000));
    QVERIFY(session.outbox()->entry(requestId)->attempts >= 1);
}

void TestHubSession::lostAckAppliedOnce()
{
    startHub();
    TcpRelay relay(m_port);
    HubSession session;
    session.setCommandTimeout(3000);
    session.signIn(relay.url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                   QStringLiteral("1234"));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    // The line is cut the moment the order is stored and acknowledged (its event is the sign):
    // the ack was written by the hub but never reaches the console.
    int cut = 0;
    cutOnFirstOrder(relay, &cut);
    const QString requestId = session.sendCommand(
        QStringLiteral("/orders"), QStringLiteral("create_order"),
        {{"customer_name", "Lost Ack"},
         {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Espresso")},
                                          {"quantity", 1}}}}},
        QStringLiteral("new order"));
    QVERIFY(QTest::qWaitFor([&cut] { return cut > 0; }, 10000));
    QTest::qWait(200);
    QVERIFY(session.outbox()->entry(requestId)->state != OutboxEntry::State::Done);
    // The console reconnects through the relay and sends it again with the same request id: the
    // hub answers with the stored result and applies nothing twice.
    QVERIFY2(waitLive(session, 30000), qPrintable(session.livenessText()));
    QVERIFY(QTest::qWaitFor(
        [&] { return session.outbox()->entry(requestId)->state == OutboxEntry::State::Done; },
        15000));
    QCOMPARE(session.outbox()->entry(requestId)->attempts, 2);
    QCOMPARE(ordersNamed(QStringLiteral("Lost Ack")), 1);
    // The models are complete again (the first snapshots were in flight when the line dropped).
    QVERIFY(QTest::qWaitFor([&] { return session.menu().size() == 16; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return session.inventory()->rowCount() == 15; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return session.counters()->rowCount() == 2; }, 10000));
    QVERIFY(QTest::qWaitFor(
        [&] { return ordersFor(session, QStringLiteral("Lost Ack")).size() == 1; }, 10000));
}

void TestHubSession::snapshotsLostInFlightAskedAgainAfterRecovery()
{
    // The hub recovers a session only for a token still valid: one that expired on the way
    // (a loaded machine takes seconds to get here) is refreshed and connects afresh instead.
    startHub(0, 600);
    TcpRelay relay(m_port);
    HubSession session;
    session.signIn(relay.url(), QStringLiteral("cafe1"), QStringLiteral("MGR001"),
                   QStringLiteral("1234"));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    QVERIFY(QTest::qWaitFor([&] { return session.counters()->rowCount() == 2; }, 10000));
    // An event in every namespace first, so each socket has an offset and the hub can recover
    // the session after a drop (socket.io recovers only a session that has one).
    const QString orderId = placeLatte(session, QStringLiteral("Warm Up"));
    QVERIFY(!orderId.isEmpty());
    const QStringList warmUps{
        session.startPayment(orderId, QStringLiteral("cash")),
        session.clockIn(QStringLiteral("Morning")),
        session.setCounterStatus(QStringLiteral("Counter 2"), false, QStringLiteral("Cleaning"))};
    for (const QString &id : warmUps)
        QVERIFY(QTest::qWaitFor(
            [&] { return session.outbox()->entry(id)->state == OutboxEntry::State::Done; }, 10000));
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     for (const QString &nsp : ConsoleSession::namespaces())
                         if (!session.lastEventAt(nsp).isValid())
                             return false;
                     return true;
                 },
                 10000),
             qPrintable(QStringLiteral("no event yet in /employees: %1, /system: %2, /payments: %3")
                            .arg(session.lastEventAt("/employees").isValid())
                            .arg(session.lastEventAt("/system").isValid())
                            .arg(session.lastEventAt("/payments").isValid())));
    // A resync is in flight with a command when the line drops, right after the hub answered.
    QSignalSpy resynced(&session, &ConsoleSession::resynced);
    int cut = 0;
    cutOnFirstOrder(relay, &cut);
    session.resync();
    session.sendCommand(
        QStringLiteral("/orders"), QStringLiteral("create_order"),
        {{"customer_name", "During Resync"},
         {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Espresso")},
                                          {"quantity", 1}}}}},
        QStringLiteral("new order"));
    QVERIFY(QTest::qWaitFor([&cut] { return cut > 0; }, 10000));
    QVERIFY2(waitLive(session, 30000), qPrintable(session.livenessText()));
    // The hub recovered the sockets (missed events replayed, no snapshot needed for them) ...
    QVERIFY(QTest::qWaitFor(
        [&] {
            EventLogModel *log = session.eventLog();
            for (int row = 0; row < log->rowCount(); ++row)
                if (log->data(log->index(row, EventLogModel::SummaryColumn))
                        .toString()
                        .startsWith(u"recovered"))
                    return true;
            return false;
        },
        10000));
    // ... and the snapshots whose answers were lost are asked again: every namespace resyncs.
    QVERIFY(QTest::qWaitFor(
        [&] {
            QSet<QString> done;
            for (const QList<QVariant> &args : std::as_const(resynced))
                done.insert(args.first().toString());
            return done.size() == ConsoleSession::namespaces().size();
        },
        15000));
    QCOMPARE(ordersNamed(QStringLiteral("During Resync")), 1);
}

bool TestHubSession::seedDay(qint64 fromMs, int firstSeq, int count)
{
    StoreConnection &db = m_fixture->hub->cafe(QStringLiteral("cafe1"))->connection();
    const QString date = QStringLiteral("2024-01-01");
    for (int i = 0; i < count; ++i) {
        const int seq = firstSeq + i;
        const qint64 created = fromMs + qint64(i) * 30000;
        const QString id = QStringLiteral("seed-%1").arg(seq);
        const bool open = i >= count - 5;
        const bool cancelled = !open && seq % 20 == 0;
        // Prep times from 1:10 to 9:50, so the per-order rounding matters.
        const qint64 ready = created + 70000 + (seq % 27) * 20000;
        const qint64 total = 350 + (seq % 9) * 125;
        const qint64 paidAt = created + 40000;
        const qint64 closedAt = cancelled ? created + 180000 : ready + 60000;
        const QVariant none;
        QSqlQuery q = db.exec(
            QStringLiteral(
                "INSERT INTO orders (id, order_number, business_date, daily_seq, customer_name, "
                "status, counter, subtotal_cents, tax_cents, tip_cents, total_cents, "
                "tax_rate_ppm, estimated_ready_at, created_at, created_by_id, created_by_name, "
                "created_by_role, preparing_at, ready_at, completed_at, cancelled_at, "
                "cancel_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'Counter 1', ?, 0, 0, ?, "
                "0, ?, ?, 'seed', 'Seed Till', 'employee', ?, ?, ?, ?, ?, ?)"),
            {id, QStringLiteral("ORD20240101%1").arg(seq, 4, 10, QLatin1Char('0')), date, seq,
             QStringLiteral("Seed %1").arg(seq),
             open ? QStringLiteral("preparing")
                  : (cancelled ? QStringLiteral("cancelled") : QStringLiteral("completed")),
             total, total, created + 600000, created, created + 30000,
             open || cancelled ? none : QVariant(ready),
             open || cancelled ? none : QVariant(closedAt), cancelled ? QVariant(closedAt) : none,
             cancelled ? QVariant(QStringLiteral("seeded")) : none, open ? created : closedAt});
        if (q.lastError().isValid()) {
            qWarning() << q.lastError().text();
            return false;
        }
        if (open)
            continue;
        QSqlQuery pay = db.exec(
            QStringLiteral("INSERT INTO payments (transaction_id, order_id, method, amount_cents, "
                           "provider, status, created_at, completed_at, created_by_id, "
                           "refunded_at) VALUES (?, ?, 'cash', ?, 'cash', ?, ?, ?, 'seed', ?)"),
            {QStringLiteral("txn-seed-%1").arg(seq), id, total,
             cancelled ? QStringLiteral("refunded") : QStringLiteral("completed"), created, paidAt,
             cancelled ? QVariant(closedAt) : none});
        if (pay.lastError().isValid()) {
            qWarning() << pay.lastError().text();
            return false;
        }
    }
    return true;
}

QString TestHubSession::compareDay(const ConsoleSession &session)
{
    // Summed here from the rows one by one, not with the hub's queries.
    constexpr qint64 span = 15 * 60 * 1000;
    struct Expected
    {
        int orders = 0;
        qint64 revenue = 0;
        int prepCount = 0;
        qint64 prepMinutes = 0;
    };
    QMap<qint64, Expected> buckets;
    int finished = 0, cancelled = 0, total = 0;
    StoreConnection &db = m_fixture->hub->cafe(QStringLiteral("cafe1"))->connection();
    QSqlQuery orders = db.exec(QStringLiteral(
        "SELECT created_at, ready_at, status FROM orders WHERE business_date = '2024-01-01'"));
    while (orders.next()) {
        const qint64 created = orders.value(0).toLongLong();
        ++total;
        buckets[created - created % span].orders += 1;
        if (!orders.value(1).isNull()) {
            const qint64 ready = orders.value(1).toLongLong();
            Expected &e = buckets[ready - ready % span];
            e.prepCount += 1;
            e.prepMinutes += qRound64((ready - created) / 60000.0);
        }
        finished += orders.value(2).toString() == u"completed" ? 1 : 0;
        cancelled += orders.value(2).toString() == u"cancelled" ? 1 : 0;
    }
    QSqlQuery payments = db.exec(QStringLiteral(
        "SELECT amount_cents, completed_at, refunded_at FROM payments WHERE completed_at IS NOT "
        "NULL"));
    while (payments.next()) {
        const qint64 at = payments.value(1).toLongLong();
        buckets[at - at % span].revenue += payments.value(0).toLongLong();
        if (!payments.value(2).isNull()) {
            const qint64 back = payments.value(2).toLongLong();
            buckets[back - back % span].revenue -= payments.value(0).toLongLong();
        }
    }
    const DashboardModel *dash = session.dashboard();
    if (dash->totalOrders() != total)
        return QStringLiteral("orders today: %1 shown, %2 in the rows")
            .arg(dash->totalOrders())
            .arg(total);
    if (dash->finishedToday() != finished || dash->cancelledToday() != cancelled)
        return QStringLiteral("finished/cancelled: %1/%2 shown, %3/%4 in the rows")
            .arg(dash->finishedToday())
            .arg(dash->cancelledToday())
            .arg(finished)
            .arg(cancelled);
    int shown = 0;
    for (int r = 0; r < dash->rowCount(); ++r) {
        const auto value = [&](int column) {
            return dash->index(r, column).data(DashboardModel::ValueRole).toDouble();
        };
        const qint64 start = qint64(value(DashboardModel::StartColumn));
        const Expected e = buckets.value(start);
        const int orderCount = qRound(value(DashboardModel::OrdersColumn));
        const qint64 revenue = qRound64(value(DashboardModel::RevenueColumn) * 100);
        const double avg = value(DashboardModel::AvgPrepColumn);
        const double expectedAvg = e.prepCount ? double(e.prepMinutes) / e.prepCount : 0.0;
        if (orderCount != e.orders || revenue != e.revenue || qAbs(avg - expectedAvg) > 1e-9)
            return QStringLiteral("bucket %1: %2 orders, %3 cents, %4 min shown; %5, %6, %7 in "
                                  "the rows")
                .arg(QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODate))
                .arg(orderCount)
                .arg(revenue)
                .arg(avg)
                .arg(e.orders)
                .arg(e.revenue)
                .arg(expectedAvg);
        shown += buckets.contains(start) ? 1 : 0;
    }
    if (shown != buckets.size())
        return QStringLiteral("%1 buckets with figures shown, %2 in the rows")
            .arg(shown)
            .arg(buckets.size());
    return {};
}

void TestHubSession::dayFiguresAfterLateStartAndHubRestart()
{
    // A 600-order day (far more than list_orders' recent orders) written before the console
    // starts at 14:00: its dashboard and day counts must be the rows' own figures, again after
    // the hub restarts with more orders written meanwhile, and with live orders on top.
    const qint64 nine = kStartMs + 3600 * 1000; // 09:00Z on the fixture's day
    const qint64 two = kStartMs + 6 * 3600 * 1000;
    m_fixture->clock.setNow(two);
    m_clock = &m_fixture->clock;
    QVERIFY(seedDay(nine, 1, 600));
    startHub();
    HubSession session;
    session.clock()->setSource([clock = &m_fixture->clock] { return clock->nowMs(); });
    session.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                   QStringLiteral("1234"));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    QVERIFY(QTest::qWaitFor([&] { return session.dashboard()->totalOrders() > 0; }, 10000));
    QTRY_COMPARE_WITH_TIMEOUT(compareDay(session), QString(), 10000);
    QCOMPARE(session.dashboard()->totalOrders(), 600);

    // The hub goes away; 30 more orders are written meanwhile, and the hub comes back on the
    // same port: the reconnected console shows the day as it now is.
    const quint16 port = m_port;
    m_server.reset();
    QVERIFY(QTest::qWaitFor([&] { return session.liveness() != ConsoleSession::Liveness::Live; },
                            10000));
    m_fixture->clock.setNow(two + 20 * 60 * 1000);
    QVERIFY(seedDay(two, 601, 30));
    QTest::qWait(3500);
    startHub(port);
    QVERIFY2(waitLive(session, 30000), qPrintable(session.livenessText()));
    QTRY_COMPARE_WITH_TIMEOUT(compareDay(session), QString(), 15000);
    QCOMPARE(session.dashboard()->totalOrders(), 630);

    // Live events count on top of the figures, once.
    QVERIFY(!placeLatte(session, QStringLiteral("Live Lena")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(session.dashboard()->totalOrders(), 631, 10000);
    QCOMPARE(compareDay(session), QString());
}

void TestHubSession::everyMoveReachesAllCounters()
{
    // An employee's console on "All counters" (the default) sees a manager's move and a counter
    // closing: the order's counter and the loads change without a reload. The hub sends
    // order:assigned_counter to the two counters' rooms and the managers only.
    startHub();
    HubSession session;
    session.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                   QStringLiteral("1234"));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    QVERIFY(QTest::qWaitFor([&] { return session.counters()->rowCount() == 2; }, 10000));
    QVERIFY(session.followedCounter().isEmpty());
    HubActor manager = m_fixture->manager();
    HubWireClient boss(
        m_server->url(),
        QString::fromLatin1(m_server->service()->mintToken(manager, QStringLiteral("access"), 60)),
        manager.cafeId, QStringLiteral("manager"),
        {QStringLiteral("/orders"), QStringLiteral("/system")});
    QVERIFY(boss.waitConnected());
    const QString id = placeLatte(session, QStringLiteral("Moved Mo"));
    QVERIFY(!id.isEmpty());
    const QString first = session.orders()->order(id)->counter;
    const QString other
        = first == u"Counter 1" ? QStringLiteral("Counter 2") : QStringLiteral("Counter 1");
    const auto load = [&](const QString &counter) {
        const CounterInfo *c = session.counters()->find(counter);
        return c ? c->openOrders() : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(load(first), 1, 10000);
    QVERIFY(boss.call(QStringLiteral("/orders"), QStringLiteral("assign_counter"),
                      {{"order_id", id}, {"counter", other}, {"reason", "queue too long"}})
                .value(u"ok")
                .toBool());
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->counter, other, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(load(other), 1, 10000);
    QCOMPARE(load(first), 0);
    // The counter closes: its orders go to the other one, and the console sees it.
    QVERIFY(boss.call(QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                      {{"counter", other}, {"status", "inactive"}, {"reason", "machine broke"}})
                .value(u"ok")
                .toBool());
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->counter, first, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!session.counters()->find(other)->isActive(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(load(first), 1, 10000);
    QCOMPARE(load(other), 0);
    // Following one counter: a move away from it still arrives (its room), one between two
    // other counters need not.
    QVERIFY(boss.call(QStringLiteral("/system"), QStringLiteral("set_counter_status"),
                      {{"counter", other}, {"status", "active"}})
                .value(u"ok")
                .toBool());
    session.followCounter(first);
    QVERIFY(boss.call(QStringLiteral("/orders"), QStringLiteral("assign_counter"),
                      {{"order_id", id}, {"counter", other}, {"reason", "back again"}})
                .value(u"ok")
                .toBool());
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->counter, other, 10000);
}

static QString dump(const QSignalSpy &refused)
{
    return refused.isEmpty() ? QString() : QStringLiteral(": ") + refused.last().at(0).toString();
}

void TestHubSession::twoConsolesAgreeOnItemTicks()
{
    // Two screens on one counter: an item ticked at one shows ticked at the other (the hub
    // keeps the ticks), the last tick makes the order ready at both, and a console connecting
    // afterwards reads the ticks from list_orders.
    startHub();
    HubSession a;
    HubSession b;
    QSignalSpy refusedA(&a, &ConsoleSession::signInFailed);
    QSignalSpy refusedB(&b, &ConsoleSession::signInFailed);
    a.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
             QStringLiteral("1234"));
    QVERIFY2(waitLive(a), qPrintable(a.livenessText() + dump(refusedA)));
    b.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("MGR001"),
             QStringLiteral("1234"));
    QVERIFY2(waitLive(b), qPrintable(b.livenessText() + dump(refusedB)));
    const QString requestId = a.sendCommand(
        Contract::Command::CreateOrder,
        {{"customer_name", "Tick Tock"},
         {"items",
          QJsonArray{
              QJsonObject{{"product_id", m_fixture->productId("Latte")}, {"quantity", 1}},
              QJsonObject{{"product_id", m_fixture->productId("Croissant")}, {"quantity", 1}}}}},
        QStringLiteral("new order"));
    QTRY_VERIFY_WITH_TIMEOUT(ordersFor(a, QStringLiteral("Tick Tock")).size() == 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ordersFor(b, QStringLiteral("Tick Tock")).size() == 1, 10000);
    QCOMPARE(a.outbox()->entry(requestId)->state, OutboxEntry::State::Done);
    const QString id = ordersFor(a, QStringLiteral("Tick Tock")).constFirst();
    const QString latte = a.orders()->order(id)->items.at(0).id;
    const QString croissant = a.orders()->order(id)->items.at(1).id;
    const auto made = [id](const HubSession &s, int item) {
        const Order *o = s.orders()->order(id);
        return o && o->items.size() == 2 && o->items.at(item).made;
    };

    // A tick at A shows at B, and A's own queue follows the hub's event too.
    QSignalSpy bChanged(b.orders(), &QAbstractItemModel::dataChanged);
    const QString tick = a.checkItem(id, latte, true);
    QVERIFY(!tick.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(made(b, 0), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(made(a, 0), 10000);
    QVERIFY(!made(b, 1));
    QVERIFY(!bChanged.isEmpty());
    QCOMPARE(b.orders()->order(id)->status, OrderStatus::Preparing);
    QTRY_COMPARE_WITH_TIMEOUT(a.outbox()->entry(tick)->state, OutboxEntry::State::Done, 10000);

    // The last tick, from B: ready at both, through order:status_changed and order:ready.
    QSignalSpy ready(&a, &ConsoleSession::orderReady);
    b.checkItem(id, croissant, true);
    QTRY_COMPARE_WITH_TIMEOUT(a.orders()->order(id)->status, OrderStatus::Ready, 10000);
    QVERIFY(made(a, 1));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    QCOMPARE(b.orders()->order(id)->status, OrderStatus::Ready);

    // A third console, started now, reads the ticks from the snapshot.
    HubSession c;
    c.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
             QStringLiteral("1234"));
    QVERIFY2(waitLive(c), qPrintable(c.livenessText()));
    QTRY_VERIFY_WITH_TIMEOUT(made(c, 0) && made(c, 1), 10000);
}

QTEST_GUILESS_MAIN(TestHubSession)
#include "tst_hubsession.moc"

void TestHubSession::newRoleFollowedLiveAndAfterReconnect()
{
    startHub();
    HubSession session;
    session.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                   QStringLiteral("1234"));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    QCOMPARE(session.identity().role, QStringLiteral("employee"));
    const QString orderId = placeLatte(session, QStringLiteral("Role Play"));
    QVERIFY(!orderId.isEmpty());

    // A manager promotes EMP001 while the console is connected: staff:updated reaches it, it
    // takes a token with the new role and connects again with it; a manager's command goes
    // through.
    const HubActor manager = m_fixture->manager();
    QVERIFY(m_fixture
                ->run(manager, QStringLiteral("/employees"), QStringLiteral("set_staff_role"),
                      {{"employee_id", "EMP001"}, {"role", "manager"}})
                .ok());
    QVERIFY(QTest::qWaitFor([&] { return session.identity().role == u"manager"; }, 15000));
    QVERIFY2(waitLive(session), qPrintable(session.livenessText()));
    const QString cancel = session.cancelOrder(orderId, QStringLiteral("customer left"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const OutboxEntry *e = session.outbox()->entry(cancel);
            return e && e->state != OutboxEntry::State::Pending
                   && e->state != OutboxEntry::State::Sent;
        },
        10000));
    QCOMPARE(session.outbox()->entry(cancel)->state, OutboxEntry::State::Done);

    // The hub is down when the role changes back: on its return the old token is refused for
    // its role, the refresh gives the new one, and the console connects with it instead of
    // asking for a role it no longer has.
    const quint16 port = m_port;
    m_server.reset();
    QVERIFY(QTest::qWaitFor([&] { return session.liveness() != ConsoleSession::Liveness::Live; },
                            10000));
    QVERIFY(m_fixture
                ->run(manager, QStringLiteral("/employees"), QStringLiteral("set_staff_role"),
                      {{"employee_id", "EMP001"}, {"role", "employee"}})
                .ok());
    startHub(port);
    QVERIFY2(waitLive(session, 30000), qPrintable(session.livenessText()));
    QCOMPARE(session.identity().role, QStringLiteral("employee"));
}

void TestHubSession::outboxSurvivesARestartAppliedOnce()
{
    // A console is closed (or crashes) with two actions waiting: one the hub applied but whose
    // ack was lost on the line, one taken offline and never sent. A new console signing in to the
    // same hub, cafe and person sends both with their original request ids; the hub applies each
    // exactly once. Another person signing in on the same computer gets none of them.
    startHub(0, 600);
    TcpRelay relay(m_port);
    QTemporaryDir data;
    QVERIFY(data.isValid());
    auto first = std::make_unique<HubSession>();
    first->setOutboxDirectory(data.path());
    first->signIn(relay.url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                  QStringLiteral("1234"));
    QVERIFY2(waitLive(*first), qPrintable(first->livenessText()));
    QVERIFY(first->outboxPersistent());
    int cut = 0;
    cutOnFirstOrder(relay, &cut);
    const auto order = [this](const QString &customer) {
        return QJsonObject{
            {"customer_name", customer},
            {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Espresso")},
                                             {"quantity", 1}}}}};
    };
    const QString lostAck
        = first->sendCommand(QStringLiteral("/orders"), QStringLiteral("create_order"),
                             order(QStringLiteral("Lost Ack")), "new order");
    QVERIFY(QTest::qWaitFor([&cut] { return cut > 0; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return !first->isNamespaceConnected("/orders"); }, 10000));
    const QString offline
        = first->sendCommand(QStringLiteral("/orders"), QStringLiteral("create_order"),
                             order(QStringLiteral("Offline Olive")), "new order");
    QCOMPARE(first->outbox()->entry(offline)->state, OutboxEntry::State::Pending);
    QVERIFY(first->outbox()->entry(lostAck)->state != OutboxEntry::State::Done);
    QCOMPARE(first->waitingActions(), 2);
    first.reset(); // closed or crashed: nothing more is written
    QCOMPARE(ordersNamed(QStringLiteral("Lost Ack")), 1);
    QCOMPARE(ordersNamed(QStringLiteral("Offline Olive")), 0);

    // Another person on this computer: none of Jane's actions.
    {
        HubSession other;
        other.setOutboxDirectory(data.path());
        other.signIn(relay.url(), QStringLiteral("cafe1"), QStringLiteral("EMP002"),
                     QStringLiteral("1234"));
        QVERIFY2(waitLive(other), qPrintable(other.livenessText()));
        QCOMPARE(other.outbox()->rowCount(), 0);
        QCOMPARE(other.waitingActions(), 0);
    }

    HubSession second;
    second.setOutboxDirectory(data.path());
    second.signIn(relay.url(), QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                  QStringLiteral("1234"));
    QVERIFY2(waitLive(second), qPrintable(second.livenessText()));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const OutboxEntry *a = second.outbox()->entry(lostAck);
            const OutboxEntry *b = second.outbox()->entry(offline);
            return a && b && a->state == OutboxEntry::State::Done
                   && b->state == OutboxEntry::State::Done;
        },
        15000));
    QCOMPARE(second.outbox()->entry(lostAck)->payload.value(u"request_id").toString(), lostAck);
    QCOMPARE(second.outbox()->entry(lostAck)->attempts, 2);
    QCOMPARE(ordersNamed(QStringLiteral("Lost Ack")), 1);
    QCOMPARE(ordersNamed(QStringLiteral("Offline Olive")), 1);
    // The hub's own record: one stored request each, under Jane.
    {
        StoreConnection &db = m_fixture->hub->cafe(QStringLiteral("cafe1"))->connection();
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT COUNT(*) FROM processed_requests WHERE actor_id = ? AND "
                           "request_id IN (?, ?)"),
            {m_fixture->employee().userId, lostAck, offline});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }
    // Nothing waits any more: the saved outbox is gone.
    QCOMPARE(second.waitingActions(), 0);
    QCOMPARE(QDir(data.path() + QStringLiteral("/outbox")).entryList(QDir::Files).size(), 0);
}

void TestHubSession::alertAcknowledgedAtEveryConsole()
{
    // Two consoles ring for a critical stock alert; one acknowledges it and both stop (the other
    // through inventory:alert_acknowledged); a console started afterwards does not ring at all;
    // a new alert after a restock rings everywhere again.
    startHub(0, 600);
    // One sign-in per address at a time (the hub's PIN check): one after the other.
    HubSession first;
    HubSession second;
    first.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("MGR001"),
                 QStringLiteral("1234"));
    QVERIFY2(waitLive(first), qPrintable(first.livenessText()));
    second.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("ADM001"),
                  QStringLiteral("1234"));
    QVERIFY2(waitLive(second), qPrintable(second.livenessText()));
    QVERIFY(QTest::qWaitFor([&] { return first.inventory()->rowCount() == 15; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return second.inventory()->rowCount() == 15; }, 10000));
    // An item whose one last unit is a critical level (at most a tenth of its reorder level).
    QString itemId;
    double stock = 0;
    for (const StockItem &s : first.inventory()->rows())
        if (s.reorderLevel >= 10 && s.stock > s.reorderLevel) {
            itemId = s.id;
            stock = s.stock;
            break;
        }
    QVERIFY(!itemId.isEmpty());
    const auto takeDownToOne = [&](double have) {
        return first.adjustStock(itemId, QStringLiteral("waste"), have - 1, QString());
    };
    takeDownToOne(stock);
    for (HubSession *s : {&first, &second})
        QVERIFY(QTest::qWaitFor([s] { return s->alerts()->isRinging(); }, 10000));

    // Acknowledged at the first console: it stops at once, the second when the hub says so.
    const QString requestId = first.acknowledgeAlert(itemId);
    QVERIFY(!requestId.isEmpty());
    QVERIFY(!first.alerts()->isRinging());
    QVERIFY(QTest::qWaitFor([&] { return !second.alerts()->isRinging(); }, 10000));
    QCOMPARE(second.alerts()->find(itemId)->acknowledgedBy, QStringLiteral("Manager Sarah"));
    QVERIFY(QTest::qWaitFor(
        [&] { return first.outbox()->entry(requestId)->state == OutboxEntry::State::Done; },
        10000));
    const QString alertId = second.alerts()->alertId(itemId); // named by the event
    QVERIFY(!alertId.isEmpty());
    {
        StoreConnection &db = m_fixture->hub->cafe(QStringLiteral("cafe1"))->connection();
        QSqlQuery q = db.exec(QStringLiteral("SELECT acknowledged_by_id, acknowledged_by_name, "
                                             "item_id FROM stock_alerts WHERE id = ?"),
                              {alertId});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), m_fixture->manager().userId);
        QCOMPARE(q.value(1).toString(), QStringLiteral("Manager Sarah"));
        QCOMPARE(q.value(2).toString(), itemId);
    }

    // A console started later: the alert is there, acknowledged, silent.
    {
        HubSession later;
        later.signIn(m_server->url(), QStringLiteral("cafe1"), QStringLiteral("MGR001"),
                     QStringLiteral("1234"));
        QVERIFY2(waitLive(later), qPrintable(later.livenessText()));
        QVERIFY(QTest::qWaitFor([&] { return later.alerts()->find(itemId) != nullptr; }, 10000));
        const StockAlert *a = later.alerts()->find(itemId);
        QVERIFY(a->acknowledged);
        QCOMPARE(a->alertId, alertId);
        QCOMPARE(a->priority, QStringLiteral("critical"));
        QVERIFY(!later.alerts()->isRinging());
    }

    // Restocked past the reorder level and down to one again: a new alert rings at both.
    const double reorder = first.inventory()->item(itemId)->reorderLevel;
    first.adjustStock(itemId, QStringLiteral("purchase"), reorder * 2, QString());
    QVERIFY(
        QTest::qWaitFor([&] { return first.inventory()->item(itemId)->stock > reorder; }, 10000));
    takeDownToOne(first.inventory()->item(itemId)->stock);
    for (HubSession *s : {&first, &second})
        QVERIFY(QTest::qWaitFor([s] { return s->alerts()->isRinging(); }, 10000));
    QVERIFY(first.alerts()->alertId(itemId) != alertId);
    second.acknowledgeAllAlerts();
    QVERIFY(QTest::qWaitFor([&] { return !first.alerts()->isRinging(); }, 10000));
    QCOMPARE(first.alerts()->find(itemId)->acknowledgedBy, QStringLiteral("Admin User"));
}
