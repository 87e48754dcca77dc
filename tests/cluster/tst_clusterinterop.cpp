// Our Socket.IO server on Redis (RedisAdapter) next to a stock Node socket.io 4.8.4 node with
// @socket.io/redis-adapter 8.3.0 (tests/interop/cluster-node.js), both on a real redis-server
// started for the test; the clients are stock socket.io-client 4.8.4 in the Node process,
// pointed at either node. Room broadcasts with except both ways, binary, broadcasts with acks,
// fetchSockets, serverSideEmit (with and without ack), remote join and disconnect, allRooms and
// the server count from each side; bad messages on the channels; Redis killed and restarted.
#include "engineserver.h"
#include "nodepeer.h"
#include "rediscluster.h"
#include "redisserver.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "webserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace TableTap;

class tst_ClusterInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void serverCount();
    void roomBroadcastsBothWays();
    void binaryBothWays();
    void broadcastWithAckBothWays();
    void fetchSocketsBothWays();
    void serverSideEmitBothWays();
    void remoteJoinAndAllRooms();
    void disconnectAcrossNodes();
    void badMessagesAreDropped();
    void redisRestart();
    void cleanupTestCase();

private:
    QJsonObject call(QJsonObject command);
    void addClient(const QString &name, bool ours, const QStringList &rooms);
    QList<QJsonObject> eventsOf(const QString &client, const QString &event) const;
    // Everyone gets "fence-N" from the given side: whatever was sent before it from that side
    // has arrived (Redis keeps one publisher's order).
    void fence(bool fromOurs);
    int ourServerCount();

    RedisServer m_redis;
    std::unique_ptr<NodePeer> m_node;
    std::unique_ptr<RedisCluster> m_cluster;
    std::unique_ptr<WebServer> m_web;
    std::unique_ptr<EngineServer> m_engine;
    std::unique_ptr<SioServer> m_io;
    SioNamespace *m_root = nullptr;
    QHash<QString, QPointer<SioServerSocket>> m_ours; // client name -> its socket here
    QHash<QString, QString> m_sids;                   // client name -> socket id
    QList<QJsonObject> m_serverSide;                  // serverSideEmit events that reached us
    QStringList m_clients;
    int m_nextId = 0;
    int m_fences = 0;
};

void tst_ClusterInterop::initTestCase()
{
    if (!RedisServer::available())
        QSKIP("redis-server is not installed");
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    if (!QFile::exists(NodePeer::dir() + "/node_modules/@socket.io/redis-adapter/package.json"))
        QSKIP("run `npm ci` in tests/interop first");
    const QString redisError = m_redis.start();
    QVERIFY2(redisError.isEmpty(), qPrintable(redisError));

    RedisCluster::Options options;
    options.port = m_redis.port();
    options.requestsTimeout = 3000;
    m_cluster = std::make_unique<RedisCluster>(options);
    m_web = std::make_unique<WebServer>();
    m_engine = std::make_unique<EngineServer>();
    SioServer::Options sio;
    sio.adapterFactory = m_cluster->adapterFactory();
    m_io = std::make_unique<SioServer>(m_engine.get(), sio);
    m_web->mount(m_engine.get());
    QVERIFY(m_web->listen(QHostAddress::LocalHost, 0));
    m_root = m_io->of("/");
    connect(m_root, &SioNamespace::connection, this, [this](SioServerSocket *s) {
        const QString name = s->handshake().auth.value("name").toString();
        m_ours.insert(name, s);
        m_sids.insert(name, s->id());
        s->data()["node"] = "tt";
        s->data()["name"] = name;
        for (const QJsonValue &room : s->handshake().auth.value("rooms").toArray())
            s->join(room.toString());
    });
    m_root->onServerSideEmit([this](const QString &event, const QJsonArray &args,
                                    const SioNamespace::ServerSideReply &reply) {
        m_serverSide.append({{"event", event}, {"args", args}});
        if (reply)
            reply(QJsonObject{{"from", "tt"}, {"got", args.isEmpty() ? QJsonValue() : args[0]}});
    });

    m_node = std::make_unique<NodePeer>(QJsonObject{{"redisPort", int(m_redis.port())}},
                                        QStringLiteral("cluster-node.js"));
    const QString nodeError = m_node->start();
    QVERIFY2(nodeError.isEmpty(), qPrintable(nodeError));
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster->isConnected(), 10000);
    // Both nodes subscribed to the request channel.
    QTRY_COMPARE_WITH_TIMEOUT(ourServerCount(), 2, 10000);

    addClient("t1", true, {"r1"});
    addClient("t2", true, {"r1", "vip"});
    addClient("t3", true, {});
    addClient("n1", false, {"r1"});
    addClient("n2", false, {"r1", "vip"});
}

int tst_ClusterInterop::ourServerCount()
{
    int count = -1;
    m_root->serverCount([&count](int n) { count = n; });
    QDeadlineTimer deadline(5000);
    while (count < 0 && !deadline.hasExpired())
        QTest::qWait(10);
    return count;
}

QJsonObject tst_ClusterInterop::call(QJsonObject command)
{
    const int id = ++m_nextId;
    command.insert("id", id);
    m_node->command(command);
    QJsonObject result;
    auto find = [&] {
        for (const QJsonObject &o : m_node->of("result"))
            if (o.value("id").toInt() == id) {
                result = o;
                return true;
            }
        return false;
    };
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(find(), 10000);
    }();
    return result;
}

void tst_ClusterInterop::addClient(const QString &name, bool ours, const QStringList &rooms)
{
    const QString url = ours ? QStringLiteral("http://127.0.0.1:%1").arg(m_web->serverPort())
                             : QStringLiteral("http://127.0.0.1:%1").arg(m_node->port());
    const QJsonObject r = call({{"cmd", "client"},
                                {"name", name},
                                {"url", url},
                                {"rooms", QJsonArray::fromStringList(rooms)}});
    QVERIFY2(r.value("error").isUndefined(), qPrintable(r.value("error").toString()));
    m_sids.insert(name, r.value("sid").toString());
    m_clients.append(name);
    if (ours)
        QTRY_VERIFY(m_ours.value(name));
}

QList<QJsonObject> tst_ClusterInterop::eventsOf(const QString &client, const QString &event) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : m_node->of("event"))
        if (o.value("client").toString() == client && o.value("event").toString() == event)
            out.append(o);
    return out;
}

void tst_ClusterInterop::fence(bool fromOurs)
{
    const QString event = QStringLiteral("fence-%1").arg(++m_fences);
    if (fromOurs)
        m_root->emitEvent(event);
    else
        call({{"cmd", "broadcast"}, {"event", event}});
    for (const QString &c : std::as_const(m_clients)) {
        if (m_ours.contains(c) && !m_ours.value(c))
            continue; // disconnected by a test
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(c, event).size(), 1, 10000);
    }
}

void tst_ClusterInterop::serverCount()
{
    QCOMPARE(ourServerCount(), 2);
    QCOMPARE(call({{"cmd", "serverCount"}}).value("count").toInt(), 2);
}

void tst_ClusterInterop::roomBroadcastsBothWays()
{
    // Node -> both nodes' clients in r1, except vip.
    call({{"cmd", "broadcast"},
          {"to", QJsonArray{"r1"}},
          {"except", QJsonArray{"vip"}},
          {"event", "from-node"},
          {"args", QJsonArray{"x", 1}}});
    fence(false);
    QCOMPARE(eventsOf("t1", "from-node").size(), 1);
    QCOMPARE(eventsOf("t1", "from-node").first().value("args").toArray(), (QJsonArray{"x", 1}));
    QCOMPARE(eventsOf("n1", "from-node").size(), 1);
    QCOMPARE(eventsOf("t2", "from-node").size(), 0);
    QCOMPARE(eventsOf("n2", "from-node").size(), 0);
    QCOMPARE(eventsOf("t3", "from-node").size(), 0);

    // Ours -> the same, the other way.
    QCOMPARE(m_root->to("r1").except("vip").emitEvent("from-tt", {"y", QJsonObject{{"k", 2}}}), 1);
    fence(true);
    QCOMPARE(eventsOf("n1", "from-tt").size(), 1);
    QCOMPARE(eventsOf("n1", "from-tt").first().value("args").toArray(),
             (QJsonArray{"y", QJsonObject{{"k", 2}}}));
    QCOMPARE(eventsOf("t1", "from-tt").size(), 1);
    QCOMPARE(eventsOf("t2", "from-tt").size(), 0);
    QCOMPARE(eventsOf("n2", "from-tt").size(), 0);
    QCOMPARE(eventsOf("t3", "from-tt").size(), 0);

    // Several rooms (the namespace channel), and a socket's own room across nodes.
    m_root->to(QStringList{"vip", m_sids.value("n1")}).emitEvent("rooms-tt");
    fence(true);
    for (const QString &c : QStringList{"t2", "n1", "n2"})
        QCOMPARE(eventsOf(c, "rooms-tt").size(), 1);
    for (const QString &c : QStringList{"t1", "t3"})
        QCOMPARE(eventsOf(c, "rooms-tt").size(), 0);
    // A room no node has: nobody.
    call({{"cmd", "broadcast"}, {"to", QJsonArray{"nobody"}}, {"event", "lost"}});
    fence(false);
    for (const QString &c : std::as_const(m_clients))
        QCOMPARE(eventsOf(c, "lost").size(), 0);
}

void tst_ClusterInterop::binaryBothWays()
{
    const QByteArray fromNode("\x00\xff\x10 node", 8);
    call({{"cmd", "broadcast"},
          {"to", QJsonArray{"r1"}},
          {"event", "bin-node"},
          {"args", QJsonArray{QJsonObject{{"_binary", QString::fromLatin1(fromNode.toBase64())}},
                              QJsonObject{{"nested", QJsonObject{{"_binary", "AQI="}}}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf("t1", "bin-node").size(), 1, 10000);
    const QJsonArray got = eventsOf("t1", "bin-node").first().value("args").toArray();
    QCOMPARE(QByteArray::fromBase64(got[0].toObject().value("_binary").toString().toLatin1()),
             fromNode);
    QCOMPARE(got[1].toObject().value("nested").toObject().value("_binary").toString(), "AQI=");

    const QByteArray fromUs("\x01\x02\xfe tt", 6);
    m_root->to("r1").emitEvent("bin-tt", {QJsonObject{{"_placeholder", true}, {"num", 0}}, "text"},
                               {fromUs});
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf("n1", "bin-tt").size(), 1, 10000);
    const QJsonArray back = eventsOf("n1", "bin-tt").first().value("args").toArray();
    QCOMPARE(QByteArray::fromBase64(back[0].toObject().value("_binary").toString().toLatin1()),
             fromUs);
    QCOMPARE(back[1].toString(), "text");
}

void tst_ClusterInterop::broadcastWithAckBothWays()
{
    // Node asks every client in r1, on both nodes, and waits for all their answers.
    const QJsonObject r = call({{"cmd", "emitWithAck"},
                                {"to", QJsonArray{"r1"}},
                                {"event", "q-node"},
                                {"args", QJsonArray{5}}});
    QVERIFY2(r.value("error").isUndefined(), qPrintable(r.value("error").toString()));
    QStringList answered;
    for (const QJsonValue &a : r.value("answers").toArray())
        answered << a.toObject().value("client").toString();
    answered.sort();
    QCOMPARE(answered, (QStringList{"n1", "n2", "t1", "t2"}));

    QString error = "unset";
    QJsonArray answers;
    m_root->to("vip").emitWithAck("q-tt", {6}, 5000, [&](const QString &e, const QJsonArray &a) {
        error = e;
        answers = a;
    });
    QTRY_VERIFY_WITH_TIMEOUT(error != "unset", 10000);
    QCOMPARE(error, QString());
    answered.clear();
    for (const QJsonValue &a : answers) {
        answered << a.toObject().value("client").toString();
        QCOMPARE(a.toObject().value("got").toDouble(), 6.0);
    }
    answered.sort();
    QCOMPARE(answered, (QStringList{"n2", "t2"}));
}

void tst_ClusterInterop::fetchSocketsBothWays()
{
    const QJsonObject r = call({{"cmd", "fetchSockets"}, {"to", QJsonArray{"vip"}}});
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &s : r.value("sockets").toArray())
        byId.insert(s.toObject().value("id").toString(), s.toObject());
    QCOMPARE(byId.size(), 2);
    const QJsonObject t2 = byId.value(m_sids.value("t2"));
    QCOMPARE(t2.value("data").toObject().value("node").toString(), "tt");
    QCOMPARE(t2.value("auth").toObject().value("name").toString(), "t2");
    QStringList rooms;
    for (const QJsonValue &room : t2.value("rooms").toArray())
        rooms << room.toString();
    rooms.sort();
    QStringList expected{"r1", "vip", m_sids.value("t2")};
    expected.sort();
    QCOMPARE(rooms, expected);
    QVERIFY(byId.contains(m_sids.value("n2")));

    QList<SioSocketInfo> sockets;
    bool done = false;
    m_root->to("r1").fetchSockets([&](const QList<SioSocketInfo> &s) {
        sockets = s;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QHash<QString, SioSocketInfo> ours;
    for (const SioSocketInfo &s : sockets)
        ours.insert(s.id, s);
    QCOMPARE(ours.size(), 4);
    const SioSocketInfo n1 = ours.value(m_sids.value("n1"));
    QVERIFY(!n1.local);
    QCOMPARE(n1.data.toObject().value("node").toString(), "node");
    QVERIFY(n1.rooms.contains("r1"));
    QCOMPARE(n1.handshake.value("auth").toObject().value("name").toString(), "n1");
    QVERIFY(ours.value(m_sids.value("t1")).local);
}

void tst_ClusterInterop::serverSideEmitBothWays()
{
    // Node -> us, with and without an ack.
    const QJsonObject r = call(
        {{"cmd", "serverSideEmit"}, {"event", "ping-tt"}, {"args", QJsonArray{7}}, {"ack", true}});
    QVERIFY2(r.value("error").isUndefined(), qPrintable(r.value("error").toString()));
    QCOMPARE(r.value("responses").toArray(), (QJsonArray{QJsonObject{{"from", "tt"}, {"got", 7}}}));
    call({{"cmd", "serverSideEmit"}, {"event", "ping-tt"}, {"args", QJsonArray{"no ack"}}});
    QTRY_COMPARE_WITH_TIMEOUT(m_serverSide.size(), 2, 10000);
    QCOMPARE(m_serverSide.last().value("args").toArray(), QJsonArray{"no ack"});

    // Us -> Node.
    QString error = "unset";
    QJsonArray responses;
    QVERIFY(m_root->serverSideEmit("ping-node", {8}, [&](const QString &e, const QJsonArray &a) {
        error = e;
        responses = a;
    }));
    QTRY_VERIFY_WITH_TIMEOUT(error != "unset", 10000);
    QCOMPARE(error, QString());
    QCOMPARE(responses, (QJsonArray{QJsonObject{{"from", "node"}, {"got", 8}}}));
    QVERIFY(m_root->serverSideEmit("ping-node", {"plain"}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_node->of("server-side").isEmpty()
                                 && m_node->of("server-side").last().value("args").toArray()
                                        == QJsonArray{"plain"},
                             10000);
    QVERIFY(!m_root->serverSideEmit("disconnect", {}));
}

void tst_ClusterInterop::remoteJoinAndAllRooms()
{
    // Node puts our t3 into "late"; we put Node's n1 into "later".
    call({{"cmd", "socketsJoin"}, {"to", QJsonArray{m_sids.value("t3")}}, {"room", "late"}});
    QTRY_VERIFY_WITH_TIMEOUT(m_ours.value("t3") && m_ours.value("t3")->isInRoom("late"), 10000);
    m_root->to(m_sids.value("n1")).socketsJoin("later");
    m_root->to("later").emitEvent("joined-remotely");
    // The join request and the broadcast are published in order: n1 is in the room in time.
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf("n1", "joined-remotely").size(), 1, 10000);

    QSet<QString> rooms;
    bool done = false;
    m_root->allRooms([&](const QSet<QString> &r) {
        rooms = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    for (const QString &room : QStringList{"r1", "vip", "late", "later"})
        QVERIFY2(rooms.contains(room), qPrintable(room));
    QVERIFY(rooms.contains(m_sids.value("n2")));
    QVERIFY(rooms.contains(m_sids.value("t3")));
    const QJsonArray nodeRooms = call({{"cmd", "allRooms"}}).value("rooms").toArray();
    QVERIFY(nodeRooms.contains("late"));
    QVERIFY(nodeRooms.contains(m_sids.value("t1")));
}

void tst_ClusterInterop::disconnectAcrossNodes()
{
    addClient("t4", true, {"kick"});
    addClient("n4", false, {"kick"});
    call({{"cmd", "disconnectSockets"}, {"to", QJsonArray{"kick"}}, {"close", true}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_ours.value("t4"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_node->of("disconnect").size(), 2, 10000);

    addClient("t5", true, {"kick2"});
    addClient("n5", false, {"kick2"});
    m_root->to("kick2").disconnectSockets(false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ours.value("t5"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_node->of("disconnect").size(), 4, 10000);
    QStringList reasons;
    for (const QJsonObject &d : m_node->of("disconnect"))
        reasons << d.value("client").toString() + "=" + d.value("reason").toString();
    QVERIFY2(reasons.contains("n5=io server disconnect"), qPrintable(reasons.join(' ')));
    QVERIFY2(reasons.contains("t5=io server disconnect"), qPrintable(reasons.join(' ')));
    for (const QString &c : QStringList{"t4", "n4", "t5", "n5"})
        m_clients.removeOne(c);
}

void tst_ClusterInterop::badMessagesAreDropped()
{
    const QString cli = QStandardPaths::findExecutable("redis-cli");
    if (cli.isEmpty())
        QSKIP("redis-cli is not installed");
    const quint64 before = m_cluster->counters().malformed;
    const QList<QByteArray> garbage{
        QByteArray("\xc1"),                    // never used in msgpack
        QByteArray("\x93\xa1x"),               // array of 3, truncated
        QByteArray("\xdd\xff\xff\xff\xff", 5), // array of 4 billion, nothing after
        QByteArray("\x92\xa6"
                   "abcdef\x01"), // [uid, 1]: not a packet
        QByteArray("{not json"),
    };
    // The broadcast channel of a room only we have: the Node adapter decodes broadcasts outside
    // its try/catch (a bad one would end the Node process), but skips rooms it does not have.
    const QString ourRoom = "socket.io#/#" + m_sids.value("t3") + "#";
    for (const QByteArray &g : garbage) {
        for (const QString &channel : QStringList{ourRoom, "socket.io-request#/#"}) {
            QProcess p;
            p.start(cli, {"-p", QString::number(m_redis.port()), "-x", "PUBLISH", channel});
            QVERIFY(p.waitForStarted(5000));
            p.write(g); // -x: the last argument from stdin, bytes as they are
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(5000));
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster->counters().malformed >= before + 8, 10000);
    // Still serving, both ways.
    fence(true);
    fence(false);
}

void tst_ClusterInterop::redisRestart()
{
    const quint64 undeliveredBefore = m_cluster->counters().undelivered;
    const int reconnectsBefore = m_cluster->counters().reconnects;
    m_redis.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!m_cluster->isConnected(), 10000);

    // Our own clients are still served while Redis is away; what should have gone to the other
    // node is counted.
    QCOMPARE(m_root->to("r1").emitEvent("while-away"), 2);
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf("t1", "while-away").size(), 1, 10000);
    QCOMPARE(eventsOf("t2", "while-away").size(), 1);
    QVERIFY(m_cluster->counters().undelivered > undeliveredBefore);
    int count = -1;
    m_root->serverCount([&](int n) { count = n; });
    QCOMPARE(count, 1); // only this node can be reached

    QTest::qWait(500);
    const QString error = m_redis.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QElapsedTimer back;
    back.start();
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster->isConnected(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster->counters().reconnects > reconnectsBefore, 10000);
    qInfo("subscribed again %lld ms after Redis came back", qint64(back.elapsed()));

    // Once Node's client is back too, broadcasts cross again both ways.
    QTRY_COMPARE_WITH_TIMEOUT(ourServerCount(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(call({{"cmd", "serverCount"}}).value("count").toInt(), 2, 15000);
    fence(false);
    fence(true);
}

void tst_ClusterInterop::cleanupTestCase()
{
    if (m_node)
        m_node->stop();
    m_io.reset();
    m_engine.reset();
    m_web.reset();
    m_cluster.reset();
}

QTEST_MAIN(tst_ClusterInterop)
#include "tst_clusterinterop.moc"
