// The console's client against the real hub, end to end: a HubSession (core/session) signs in
// with an employee code and PIN over HTTP, loads every snapshot into its models, sees the events
// of its own and others' commands (a recall included), refreshes an expired token when the hub
// refuses it, and a command sent while the hub is down waits in the outbox and is applied
// exactly once after the hub comes back on the same port (request ids); so is a command whose
// ack was lost because the hub stopped right after storing it. A role a manager changes is
// taken by the connected console at once, and by one that was offline when it reconnects.
#include "hubdomain.h"
#include "hubserver.h"
#include "hubsession.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

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

private:
    void startHub(quint16 port = 0, int accessTokenTtlSeconds = 3);
    bool waitLive(ConsoleSession &session, int timeoutMs = 20000);
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
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    m_port = m_server->start();
    QVERIFY2(m_port, qPrintable(m_server->errorString()));
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
    connect(m_server.get(), &HubServer::eventsEmitted, this,
            [&relay, &cut](const HubEventList &events) {
                for (const HubEvent &e : events)
                    if (e.name == u"order:created" && cut == 0)
                        cut = relay.cut();
            });
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
    connect(m_server.get(), &HubServer::eventsEmitted, this,
            [&relay, &cut](const HubEventList &events) {
                for (const HubEvent &e : events)
                    if (e.name == u"order:created" && cut == 0)
                        cut = relay.cut();
            });
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
