// HubServer as one node of several (HubServer::Options::clusterUrl), in process on a real
// redis-server: an order created on node B reaches a console on node A; /healthz and /metrics
// name the node and show the cluster (servers, counters); Redis killed under running nodes: each
// keeps serving its own clients, /healthz says "degraded" (200), what B publishes meanwhile is
// counted undelivered and never reaches A; Redis back: both nodes return (reconnects) and events
// cross again; a Redis that is down when the node starts: the node starts, serves, and joins
// when Redis comes. The two nodes share one data folder's copy (the same cafe and token secret)
// on SQLite: what crosses here is the events, not the state (tst_scaleout has both on
// PostgreSQL). Except in clientsResyncAfterOutage: two more nodes on one PostgreSQL database
// and a Redis of their own, where a client that stayed connected through an outage is closed
// when Redis returns and reloads a snapshot that holds what the other node did meanwhile; then
// only the other node loses Redis (a relay cut), and its request on return closes the client
// of the node that never left.
#include "hubactor.h"
#include "hubdomain.h"
#include "huboperations.h"
#include "hubserver.h"
#include "hubwireclient.h"
#include "postgresserver.h"
#include "redisserver.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

const QString kCafe = QStringLiteral("c1");
const QString kOrders = QStringLiteral("/orders");

bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

QJsonObject orderFor(const QString &product, const QString &customer)
{
    return QJsonObject{
        {QStringLiteral("customer_name"), customer},
        {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("product_id"), product},
                                                         {QStringLiteral("quantity"), 1}}}}};
}

QString espresso(HubWireClient &client)
{
    const QJsonObject menu = client.call(kOrders, QStringLiteral("list_menu"));
    for (const QJsonValue &p : menu.value(u"data").toObject().value(u"products").toArray()) {
        if (p.toObject().value(u"name").toString() == u"Espresso")
            return p.toObject().value(u"id").toString();
    }
    return {};
}

// The id of an acknowledged create_order, empty when it was refused or not answered.
QString create(HubWireClient &client, const QString &product, const QString &customer)
{
    const QJsonObject ack
        = client.call(kOrders, QStringLiteral("create_order"), orderFor(product, customer));
    return ack.value(u"data").toObject().value(u"order").toObject().value(u"id").toString();
}

bool heard(const HubWireClient &client, const QString &orderId)
{
    for (const HubWireClient::Received &r : client.of(QStringLiteral("order:created"))) {
        if (r.envelope.value(u"data").toObject().value(u"order").toObject().value(u"id").toString()
            == orderId)
            return true;
    }
    return false;
}

double metric(HubServer *hub, const QByteArray &series)
{
    for (const QByteArray &line : HubOperations::metrics(hub).split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

// A TCP relay between a node and Redis on 127.0.0.1: cut() drops every relayed connection and
// refuses new ones (that node alone loses Redis), resume() listens again on the same port.
class RedisRelay
{
public:
    explicit RedisRelay(quint16 redisPort)
        : m_redisPort(redisPort)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection()) {
                auto *out = new QTcpSocket(in);
                const auto pipe = [](QTcpSocket *from, QTcpSocket *to) {
                    QObject::connect(from, &QTcpSocket::readyRead, to,
                                     [from, to] { to->write(from->readAll()); });
                };
                pipe(in, out);
                pipe(out, in);
                QObject::connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::abort);
                QObject::connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
                out->connectToHost(QHostAddress::LocalHost, m_redisPort);
                m_pairs.append(in);
            }
        });
    }
    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_port ? m_port : m_server.serverPort(); }
    void cut()
    {
        m_port = m_server.serverPort();
        m_server.close();
        for (const QPointer<QTcpSocket> &in : std::exchange(m_pairs, {}))
            if (in)
                in->abort();
    }
    bool resume() { return listen(std::exchange(m_port, 0)); }

private:
    quint16 m_redisPort;
    quint16 m_port = 0;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_pairs;
};

} // namespace

class TestHubCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eventsCrossNodes();
    void healthAndMetricsNameTheNode();
    void redisOutageAndReturn();
    void redisDownAtStart();
    void clientsResyncAfterOutage();

private:
    std::unique_ptr<HubServer> startNode(const QString &dataDir, const QString &node,
                                         quint16 redisPort, const QString &databaseUrl = {});
    QString tokenFor(HubServer *hub);

    QTemporaryDir m_dir;
    RedisServer m_redis;
    std::unique_ptr<HubServer> m_a, m_b;
    std::unique_ptr<HubWireClient> m_onA, m_onB;
    QString m_product;
};

std::unique_ptr<HubServer> TestHubCluster::startNode(const QString &dataDir, const QString &node,
                                                     quint16 redisPort, const QString &databaseUrl)
{
    HubServer::Options o;
    o.hub.databaseUrl = databaseUrl;
    o.bindAddress = QHostAddress::LocalHost;
    o.port = 0;
    o.clusterUrl = QStringLiteral("redis://127.0.0.1:%1").arg(redisPort);
    o.node = node;
    auto hub = std::make_unique<HubServer>(dataDir, o);
    if (!hub->start())
        qWarning() << "node" << node << "did not start:" << hub->errorString();
    return hub;
}

QString TestHubCluster::tokenFor(HubServer *hub)
{
    return QString::fromUtf8(hub->service()->mintToken(
        HubActor{QStringLiteral("till-1"), QStringLiteral("Till"), HubRole::Manager, kCafe},
        QStringLiteral("access"), 3600));
}

void TestHubCluster::initTestCase()
{
    QVERIFY2(RedisServer::available(), "redis-server is missing (scripts/deps.sh --test)");
    const QString started = m_redis.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_dir.isValid());

    // One cafe and one secret, made once and copied: both nodes accept the same tokens.
    const QString dirA = m_dir.filePath(QStringLiteral("a"));
    const QString dirB = m_dir.filePath(QStringLiteral("b"));
    {
        HubServer maker(dirA);
        QString error;
        QVERIFY2(maker.service()->open(&error), qPrintable(error));
        QVERIFY(maker.admin().addCafe({kCafe, QStringLiteral("Corner"), {}, {}}).ok());
    }
    QVERIFY(copyFolder(dirA, dirB));

    m_a = startNode(dirA, QStringLiteral("hub-a"), m_redis.port());
    m_b = startNode(dirB, QStringLiteral("hub-b"), m_redis.port());
    QVERIFY(m_a->isRunning() && m_b->isRunning());
    QVERIFY(QTest::qWaitFor(
        [this] { return m_a->clusterState().connected && m_b->clusterState().connected; }, 10000));

    m_onA = std::make_unique<HubWireClient>(m_a->url(), tokenFor(m_a.get()), kCafe,
                                            QStringLiteral("manager"), QStringList{kOrders});
    m_onB = std::make_unique<HubWireClient>(m_b->url(), tokenFor(m_b.get()), kCafe,
                                            QStringLiteral("manager"), QStringList{kOrders});
    QVERIFY(m_onA->waitConnected());
    QVERIFY(m_onB->waitConnected());
    m_product = espresso(*m_onB);
    QVERIFY(!m_product.isEmpty());
}

void TestHubCluster::eventsCrossNodes()
{
    // Through B, heard on A (and on B, as always).
    const QString id = create(*m_onB, m_product, QStringLiteral("Crossing"));
    QVERIFY(!id.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return heard(*m_onA, id) && heard(*m_onB, id); }, 5000));
    // And the other way.
    const QString back = create(*m_onA, m_product, QStringLiteral("Back"));
    QVERIFY(!back.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return heard(*m_onB, back); }, 5000));
    // Each once: the publishing node ignores its own message.
    QTest::qWait(200);
    int seen = 0;
    for (const HubWireClient::Received &r : m_onA->of(QStringLiteral("order:created")))
        seen += r.envelope.value(u"data").toObject().value(u"order").toObject().value(u"id") == id;
    QCOMPARE(seen, 1);
}

void TestHubCluster::healthAndMetricsNameTheNode()
{
    // The server count is asked of Redis once a second.
    QVERIFY(QTest::qWaitFor([this] { return m_a->clusterState().servers == 2; }, 5000));
    const HubOperations::Health h = HubOperations::health(m_a.get());
    QVERIFY(h.ok);
    QCOMPARE(h.body.value(u"status").toString(), QStringLiteral("ok"));
    QCOMPARE(h.body.value(u"node").toString(), QStringLiteral("hub-a"));
    const QJsonObject cluster = h.body.value(u"cluster").toObject();
    QCOMPARE(cluster.value(u"url").toString(),
             QStringLiteral("redis://127.0.0.1:%1").arg(m_redis.port()));
    QCOMPARE(cluster.value(u"redis_connected").toBool(), true);
    QCOMPARE(cluster.value(u"servers").toInt(), 2);
    QVERIFY(cluster.value(u"published").toDouble() >= 1);
    QVERIFY(cluster.value(u"received").toDouble() >= 1);
    QCOMPARE(cluster.value(u"malformed").toDouble(), 0.0);

    QCOMPARE(metric(m_b.get(), "tabletap_node_info{node=\"hub-b\"}"), 1.0);
    QCOMPARE(metric(m_b.get(), "tabletap_cluster_redis_connected{node=\"hub-b\"}"), 1.0);
    QVERIFY(QTest::qWaitFor([this] { return m_b->clusterState().servers == 2; }, 5000));
    QCOMPARE(metric(m_b.get(), "tabletap_cluster_servers{node=\"hub-b\"}"), 2.0);
    QVERIFY(metric(m_b.get(), "tabletap_cluster_messages_published_total{node=\"hub-b\"}") >= 1);
    QVERIFY(metric(m_b.get(), "tabletap_cluster_messages_received_total{node=\"hub-b\"}") >= 1);
    QCOMPARE(metric(m_b.get(), "tabletap_cluster_messages_undelivered_total{node=\"hub-b\"}"), 0.0);
    QCOMPARE(metric(m_b.get(), "tabletap_cluster_reconnects_total{node=\"hub-b\"}"), 0.0);
}

void TestHubCluster::redisOutageAndReturn()
{
    m_redis.kill();
    QVERIFY(QTest::qWaitFor(
        [this] { return !m_a->clusterState().connected && !m_b->clusterState().connected; }, 5000));
    // Degraded, not failing: the node still serves its own clients.
    const HubOperations::Health h = HubOperations::health(m_a.get());
    QVERIFY(h.ok);
    QCOMPARE(h.body.value(u"status").toString(), QStringLiteral("degraded"));
    QCOMPARE(h.body.value(u"cluster").toObject().value(u"redis_connected").toBool(), false);
    QCOMPARE(h.body.value(u"cluster").toObject().value(u"servers").toInt(), 1);
    QVERIFY(!h.body.value(u"warnings").toArray().isEmpty());

    const double undeliveredBefore = m_b->clusterState().undelivered;
    const QString lost = create(*m_onB, m_product, QStringLiteral("While Redis is away"));
    QVERIFY(!lost.isEmpty());                                            // stored and acked on B
    QVERIFY(QTest::qWaitFor([&] { return heard(*m_onB, lost); }, 5000)); // B's own clients hear it
    QVERIFY(m_b->clusterState().undelivered > undeliveredBefore);        // counted as lost
    const QString local = create(*m_onA, m_product, QStringLiteral("A alone"));
    QVERIFY(QTest::qWaitFor([&] { return heard(*m_onA, local); }, 5000));

    const QString restarted = m_redis.start();
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    QVERIFY(QTest::qWaitFor(
        [this] { return m_a->clusterState().connected && m_b->clusterState().connected; }, 10000));
    QCOMPARE(m_a->clusterState().reconnects, 1);
    QCOMPARE(m_b->clusterState().reconnects, 1);
    QCOMPARE(HubOperations::health(m_a.get()).body.value(u"status").toString(),
             QStringLiteral("ok"));
    // Both nodes were away: each closes its client's connection (one each) and the clients
    // come back by themselves.
    QVERIFY(QTest::qWaitFor(
        [this] { return m_a->clusterState().resyncs >= 1 && m_b->clusterState().resyncs >= 1; },
        10000));
    QVERIFY(m_onA->waitConnected());
    QVERIFY(m_onB->waitConnected());
    QVERIFY(metric(m_a.get(), "tabletap_cluster_resyncs_total{node=\"hub-a\"}") >= 1);
    // PUB/SUB keeps nothing: what B said meanwhile never reaches A; what it says now does. A
    // node's request to resynchronise may still close A's client once more (when it arrives
    // after A's own resynchronisation): an event it misses then is not what is checked here,
    // so a few orders are tried.
    bool crossed = false;
    for (int attempt = 0; attempt < 5 && !crossed; ++attempt) {
        QVERIFY(m_onA->waitConnected());
        QVERIFY(m_onB->waitConnected());
        const QString after = create(*m_onB, m_product, QStringLiteral("Redis is back"));
        crossed = QTest::qWaitFor([&] { return heard(*m_onA, after); }, 5000);
    }
    QVERIFY(crossed);
    QVERIFY(!heard(*m_onA, lost));
}

void TestHubCluster::redisDownAtStart()
{
    // A node whose Redis is not there yet: it starts, serves, and joins when Redis comes.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("c"));
    QVERIFY(copyFolder(m_dir.filePath(QStringLiteral("b")), data));
    // Said once in the log, a second after start.
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("node hub-c cannot reach Redis at "
                                                           "redis://127.0.0.1:\\d+ yet")));
    std::unique_ptr<HubServer> c = startNode(data, QStringLiteral("hub-c"), port);
    QVERIFY(c->isRunning());
    QTest::qWait(1200);
    HubWireClient client(c->url(), tokenFor(c.get()), kCafe, QStringLiteral("manager"),
                         QStringList{kOrders});
    QVERIFY(client.waitConnected());
    const QString id = create(client, m_product, QStringLiteral("Before Redis"));
    QVERIFY(QTest::qWaitFor([&] { return heard(client, id); }, 5000));
    QCOMPARE(HubOperations::health(c.get()).body.value(u"status").toString(),
             QStringLiteral("degraded"));
    QCOMPARE(metric(c.get(), "tabletap_cluster_redis_connected{node=\"hub-c\"}"), 0.0);

    // RedisServer picks its own port; this one must come up on the port the node was given.
    QProcess redis;
    redis.start(QStringLiteral("redis-server"),
                {QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"),
                 QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                 QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                 dir.path()});
    QVERIFY(redis.waitForStarted(10000));
    QVERIFY(QTest::qWaitFor([&] { return c->clusterState().connected; }, 10000));
    QCOMPARE(HubOperations::health(c.get()).body.value(u"status").toString(), QStringLiteral("ok"));
    c->stop();
    redis.kill();
    redis.waitForFinished(5000);
}

void TestHubCluster::clientsResyncAfterOutage()
{
    // Two nodes on one database (the state is shared, as in production) and their own Redis.
    QString error;
    PostgresServer *pg = PostgresServer::shared(&error);
    QVERIFY2(pg, qPrintable(error));
    const QString database = pg->createFreshDatabase(QStringLiteral("hubresync"), &error);
    QVERIFY2(!database.isEmpty(), qPrintable(error));
    const QString databaseUrl = pg->url(database);
    RedisServer redis;
    const QString started = redis.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dirD = dir.filePath(QStringLiteral("d"));
    const QString dirE = dir.filePath(QStringLiteral("e"));
    {
        HubServer::Options o;
        o.hub.databaseUrl = databaseUrl;
        HubServer maker(dirD, o);
        QVERIFY2(maker.service()->open(&error), qPrintable(error));
        QVERIFY(maker.admin().addCafe({kCafe, QStringLiteral("Corner"), {}, {}}).ok());
    }
    std::unique_ptr<HubServer> d
        = startNode(dirD, QStringLiteral("hub-d"), redis.port(), databaseUrl);
    // E reaches Redis through a relay: cut, E alone loses Redis.
    RedisRelay relay(redis.port());
    QVERIFY(relay.listen());
    std::unique_ptr<HubServer> e
        = startNode(dirE, QStringLiteral("hub-e"), relay.port(), databaseUrl);
    QVERIFY(d->isRunning() && e->isRunning());
    QVERIFY(QTest::qWaitFor(
        [&] { return d->clusterState().connected && e->clusterState().connected; }, 10000));

    HubWireClient onD(d->url(), tokenFor(d.get()), kCafe, QStringLiteral("manager"),
                      QStringList{kOrders});
    HubWireClient onE(e->url(), tokenFor(e.get()), kCafe, QStringLiteral("manager"),
                      QStringList{kOrders});
    QVERIFY(onD.waitConnected());
    QVERIFY(onE.waitConnected());
    SioSocket *orders = onD.socket(kOrders);
    int disconnects = 0;
    int connects = 0;
    QObject context;
    QObject::connect(orders, &SioSocket::disconnected, &context,
                     [&](const QString &, const QString &) { ++disconnects; });
    QObject::connect(orders, &SioSocket::connected, &context, [&] { ++connects; });
    const QString product = espresso(onE);
    QVERIFY(!product.isEmpty());
    const QString sessionBefore = orders->id();

    redis.kill();
    QVERIFY(QTest::qWaitFor(
        [&] { return !d->clusterState().connected && !e->clusterState().connected; }, 5000));
    // Through E while Redis is away: stored, but the event never reaches D's client.
    const QString missed = create(onE, product, QStringLiteral("Missed on D"));
    QVERIFY(!missed.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return heard(onE, missed); }, 5000));
    QTest::qWait(300);
    QVERIFY(!heard(onD, missed));
    QCOMPARE(disconnects, 0); // D's client stayed connected through the outage

    const QString restarted = redis.start();
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    QVERIFY(QTest::qWaitFor(
        [&] { return d->clusterState().connected && e->clusterState().connected; }, 10000));
    // Within a few seconds of Redis returning, D closes its client's connection; the client
    // comes back by itself as a new session (not a recovered one).
    QVERIFY(QTest::qWaitFor([&] { return disconnects >= 1 && orders->isConnected(); }, 10000));
    QVERIFY(connects >= 1);
    QVERIFY(!orders->recovered());
    QVERIFY(orders->id() != sessionBefore);
    QVERIFY(d->clusterState().resyncs >= 1);
    QVERIFY(metric(d.get(), "tabletap_cluster_resyncs_total{node=\"hub-d\"}") >= 1);
    QVERIFY(HubOperations::health(d.get())
                .body.value(u"cluster")
                .toObject()
                .value(u"resyncs")
                .toDouble()
            >= 1);
    // Its snapshot holds the order E created while Redis was away.
    bool inSnapshot = false;
    const QJsonObject list = onD.call(kOrders, QStringLiteral("list_orders"));
    // list_orders answers {open_orders, recent_orders, day}: the new order is open.
    for (const QJsonValue &o : list.value(u"data").toObject().value(u"open_orders").toArray())
        inSnapshot = inSnapshot || o.toObject().value(u"id").toString() == missed;
    QVERIFY2(inSnapshot, QJsonDocument(list).toJson(QJsonDocument::Compact).constData());

    // Only E loses Redis; D's link stays up. What E stores meanwhile is counted undelivered, and
    // when E returns it asks the other nodes to resynchronise: D closes its client again.
    QTest::qWait(2500); // past the spread window of the resynchronisations above
    QVERIFY(onD.waitConnected());
    QVERIFY(QTest::qWaitFor([&] { return d->clusterState().connected; }, 10000));
    const int reconnectsOfD = d->clusterState().reconnects;
    const quint64 resyncsOfD = d->clusterState().resyncs;
    const int disconnectsBefore = disconnects;
    relay.cut();
    QVERIFY(QTest::qWaitFor([&] { return !e->clusterState().connected; }, 5000));
    QVERIFY(d->clusterState().connected);
    const QString missedAgain = create(onE, product, QStringLiteral("Missed on D again"));
    QVERIFY(!missedAgain.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return heard(onE, missedAgain); }, 5000));
    QVERIFY(relay.resume());
    QVERIFY(QTest::qWaitFor([&] { return e->clusterState().connected; }, 10000));
    QVERIFY(QTest::qWaitFor(
        [&] { return disconnects > disconnectsBefore && orders->isConnected(); }, 10000));
    QVERIFY(!orders->recovered());
    QCOMPARE(d->clusterState().reconnects, reconnectsOfD); // D never left Redis
    QVERIFY(d->clusterState().resyncs > resyncsOfD);
    bool inSecondSnapshot = false;
    const QJsonObject again = onD.call(kOrders, QStringLiteral("list_orders"));
    for (const QJsonValue &o : again.value(u"data").toObject().value(u"open_orders").toArray())
        inSecondSnapshot = inSecondSnapshot || o.toObject().value(u"id").toString() == missedAgain;
    QVERIFY2(inSecondSnapshot, QJsonDocument(again).toJson(QJsonDocument::Compact).constData());
    d->stop();
    e->stop();
}

QTEST_GUILESS_MAIN(TestHubCluster)
#include "tst_hubcluster.moc"
