// HubServer as one node of several (HubServer::Options::clusterUrl), in process on a real
// redis-server: an order created on node B reaches a console on node A; /healthz and /metrics
// name the node and show the cluster (servers, counters); Redis killed under running nodes: each
// keeps serving its own clients, /healthz says "degraded" (200), what B publishes meanwhile is
// counted undelivered and never reaches A; Redis back: both nodes return (reconnects) and events
// cross again; a Redis that is down when the node starts: the node starts, serves, and joins
// when Redis comes. The two nodes share one data folder's copy (the same cafe and token secret)
// on SQLite: what crosses here is the events, not the state (tst_scaleout has both on
// PostgreSQL).
#include "hubactor.h"
#include "hubdomain.h"
#include "huboperations.h"
#include "hubserver.h"
#include "hubwireclient.h"
#include "redisserver.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
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

private:
    std::unique_ptr<HubServer> startNode(const QString &dataDir, const QString &node,
                                         quint16 redisPort);
    QString tokenFor(HubServer *hub);

    QTemporaryDir m_dir;
    RedisServer m_redis;
    std::unique_ptr<HubServer> m_a, m_b;
    std::unique_ptr<HubWireClient> m_onA, m_onB;
    QString m_product;
};

std::unique_ptr<HubServer> TestHubCluster::startNode(const QString &dataDir, const QString &node,
                                                     quint16 redisPort)
{
    HubServer::Options o;
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
    // PUB/SUB keeps nothing: what B said meanwhile never reaches A; what it says now does.
    const QString after = create(*m_onB, m_product, QStringLiteral("Redis is back"));
    QVERIFY(QTest::qWaitFor([&] { return heard(*m_onA, after); }, 5000));
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

QTEST_GUILESS_MAIN(TestHubCluster)
#include "tst_hubcluster.moc"
