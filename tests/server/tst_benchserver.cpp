// The tt-bench-server program as a process: its ready line (with "impl"), the bench contract on
// /orders (echo acked with the token, any other token refused, --bench-token honoured), loopback
// unless --bind says otherwise, both event loops, a busy port, and its usage errors (exit 2, one
// line), and with --cluster two of them joined by a real redis-server: a broadcast started on
// one node reaches the other's clients. The handlers themselves are tst_benchendpoint's.
#include "redisserver.h"
#include "testpeers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace TestPeers;
using TableTap::RedisServer;

namespace {

struct Run
{
    int exitCode = -1;
    QString out, err;
};

Run runBenchServer(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(TT_BENCH_SERVER), args);
    Run r;
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A serving tt-bench-server child, killed on destruction (it has no clean stop: the benchmark
// ends it with a signal).
class BenchServer
{
public:
    explicit BenchServer(const QStringList &args)
    {
        m_process.start(QStringLiteral(TT_BENCH_SERVER), args);
        (void)QTest::qWaitFor(
            [this] {
                m_out += QString::fromUtf8(m_process.readAllStandardOutput());
                return m_out.contains(u'\n') || m_process.state() == QProcess::NotRunning;
            },
            15000);
        m_ready = QJsonDocument::fromJson(m_out.section(u'\n', 0, 0).toUtf8()).object();
    }
    ~BenchServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    const QJsonObject &ready() const { return m_ready; }
    quint16 port() const { return quint16(m_ready.value(u"port").toInt()); }
    qint64 pid() const { return m_process.processId(); }
    QString err() { return QString::fromUtf8(m_process.readAllStandardError()); }

    // Opens a websocket to /socket.io/ and connects to /orders with auth; the server's answer.
    QByteArray join(WsPeer &peer, const QByteArray &auth) const
    {
        if (!peer.open(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                           .arg(port()))
            || !peer.nextText().startsWith('0'))
            return "<no websocket>";
        peer.sendText("40/orders," + auth);
        return peer.nextNonPing();
    }

private:
    QProcess m_process;
    QString m_out;
    QJsonObject m_ready;
};

// The local addresses (hex, as the kernel writes them) of the TCP sockets listening on port.
QStringList listeningAddresses(quint16 port)
{
    QStringList found;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &line : lines.mid(1)) {
            // "  0: 0100007F:1F90 00000000:0000 0A ..." (0A is LISTEN)
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4 || fields.at(3) != "0A")
                continue;
            const QList<QByteArray> local = fields.at(1).split(':');
            if (local.size() == 2 && local.at(1).toUInt(nullptr, 16) == port)
                found << QString::fromLatin1(local.at(0));
        }
    }
    return found;
}

} // namespace

class tst_BenchServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readyLineAndContract_data();
    void readyLineAndContract();
    void benchTokenOption();
    void busyPortExitsOne();
    void clusterReachesTheOtherNode();
    void unreachableRedisSaysSo();
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion();
};

void tst_BenchServer::readyLineAndContract_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("epoll (default)") << QStringList{"--port", "0"};
    QTest::newRow("poll") << QStringList{"--port", "0", "--event-loop", "poll"};
}

void tst_BenchServer::readyLineAndContract()
{
    QFETCH(QStringList, args);
    BenchServer server(args);
    const QJsonObject &ready = server.ready();
    QVERIFY2(ready.value(u"ready").toBool(), qPrintable(server.err()));
    QCOMPARE(ready.value(u"impl").toString(), QStringLiteral("tt-bench-server"));
    QCOMPARE(qint64(ready.value(u"pid").toInteger()), server.pid());
    QVERIFY(server.port() > 0);

    // No --bind: loopback only.
    QCOMPARE(listeningAddresses(server.port()), QStringList{QStringLiteral("0100007F")});

    // The contract: /orders with the bench token, echo answered with an ack of the same data.
    WsPeer peer;
    const QByteArray connected = server.join(peer, R"({"token":"bench-token","room":"r"})");
    QVERIFY2(connected.startsWith("40/orders,{\"sid\""), connected);
    peer.sendText(R"(42/orders,7["echo",{"hi":[1,2]}])");
    QCOMPARE(peer.nextNonPing(), QByteArray(R"(43/orders,7[{"hi":[1,2]}])"));

    // Any other token is refused with the reference's error.
    WsPeer stranger;
    const QByteArray refused = server.join(stranger, R"({"token":"guess","room":"r"})");
    QVERIFY2(refused.startsWith("44/orders,"), refused);
    QCOMPARE(QJsonDocument::fromJson(refused.mid(10)).object().value(u"message").toString(),
             QStringLiteral("unauthorized"));
}

void tst_BenchServer::benchTokenOption()
{
    BenchServer server({"--port", "0", "--bench-token", "s3cret", "--bind", "127.0.0.1"});
    QVERIFY2(server.port() > 0, qPrintable(server.err()));
    WsPeer stock, own;
    QVERIFY(server.join(stock, R"({"token":"bench-token"})").startsWith("44/orders,"));
    QVERIFY(server.join(own, R"({"token":"s3cret"})").startsWith("40/orders,"));
    own.sendText(R"(42/orders,1["echo","x"])");
    QCOMPARE(own.nextNonPing(), QByteArray(R"(43/orders,1["x"])"));
}

void tst_BenchServer::busyPortExitsOne()
{
    BenchServer first({"--port", "0"});
    QVERIFY(first.port() > 0);
    const Run second = runBenchServer({"--port", QString::number(first.port())});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(
        second.err.startsWith(
            QStringLiteral("tt-bench-server: cannot listen on 127.0.0.1:%1").arg(first.port())),
        qPrintable(second.err));
    QVERIFY(second.out.isEmpty());
}

void tst_BenchServer::clusterReachesTheOtherNode()
{
    QVERIFY2(RedisServer::available(), "redis-server is not installed (scripts/deps.sh --test)");
    RedisServer redis;
    const QString started = redis.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString url = QStringLiteral("redis://127.0.0.1:%1").arg(redis.port());
    BenchServer a({"--port", "0", "--cluster", url, "--node", "node-A"});
    BenchServer b({"--port", "0", "--cluster", url});
    QVERIFY2(a.port() > 0, qPrintable(a.err()));
    QVERIFY2(b.port() > 0, qPrintable(b.err()));
    QCOMPARE(a.ready().value(u"node").toString(), QStringLiteral("node-A"));
    QCOMPARE(b.ready().value(u"node").toString(), QStringLiteral("bench"));
    for (const BenchServer *n : {&a, &b}) {
        const QJsonObject cluster = n->ready().value(u"cluster").toObject();
        QCOMPARE(cluster.value(u"url").toString(), url);
        QVERIFY(cluster.value(u"connected").toBool());
    }

    // A client of node B in room "all"; the sender on node A, in "admin" as the benchmark's.
    WsPeer listener, sender;
    QVERIFY(b.join(listener, R"({"token":"bench-token","room":"all"})").startsWith("40/orders,"));
    QVERIFY(a.join(sender, R"({"token":"bench-token","room":"admin"})").startsWith("40/orders,"));
    sender.sendText(R"(42/orders,5["bench:start",{"rate":20,"seconds":1,"size":3,"event":"c1"}])");
    const QByteArray ack = sender.nextNonPing(10000);
    QVERIFY2(ack.startsWith("43/orders,5[{"), ack);
    QCOMPARE(QJsonDocument::fromJson(ack.mid(11)).array().first().toObject().value(u"sent").toInt(),
             20);
    // Every one of the 20 arrives at node B's client, in order, with the sender's clock.
    for (int seq = 0; seq < 20; ++seq) {
        const QByteArray event = listener.nextNonPing(5000);
        QVERIFY2(event.startsWith(R"(42/orders,["c1",)"), event);
        const QJsonObject payload = QJsonDocument::fromJson(event.mid(10)).array().at(1).toObject();
        QCOMPARE(payload.value(u"seq").toInt(), seq);
        QVERIFY(payload.value(u"t").toInteger() > 0);
        QCOMPARE(payload.value(u"pad").toString(), QStringLiteral("xxx"));
    }
    // The sender, in "admin", got none of them.
    QCOMPARE(sender.nextNonPing(300), QByteArray("<none>"));
}

void tst_BenchServer::unreachableRedisSaysSo()
{
    // A port nothing listens on (taken and given back): the node serves alone after its
    // bounded wait and its ready line says it is not connected, which tt_siobench refuses.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString url = QStringLiteral("redis://127.0.0.1:%1").arg(port);
    BenchServer node({"--port", "0", "--cluster", url});
    QVERIFY2(node.port() > 0, qPrintable(node.err()));
    const QJsonObject cluster = node.ready().value(u"cluster").toObject();
    QCOMPARE(cluster.value(u"url").toString(), url);
    QCOMPARE(cluster.value(u"connected").toBool(true), false);
}

void tst_BenchServer::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{"--bogus"} << "Unknown option 'bogus'";
    QTest::newRow("hub's serve") << QStringList{"serve", "--bench"} << "Unknown option 'bench'";
    QTest::newRow("argument") << QStringList{"serve"} << "unexpected argument \"serve\"";
    QTest::newRow("port") << QStringList{"--port", "70000"} << "--port needs a number";
    QTest::newRow("port word") << QStringList{"--port", "any"} << "--port needs a number";
    QTest::newRow("bind") << QStringList{"--bind", "localhost"} << "--bind needs an IP address";
    QTest::newRow("tls half") << QStringList{"--tls-cert", "a.pem"} << "go together";
    QTest::newRow("event loop") << QStringList{"--event-loop", "select"} << "--event-loop needs";
    QTest::newRow("missing value") << QStringList{"--port"} << "Missing value after '--port'";
    QTest::newRow("cluster scheme")
        << QStringList{"--cluster", "http://127.0.0.1:6379"} << "--cluster needs redis://";
    QTest::newRow("cluster host") << QStringList{"--cluster", "redis://"} << "--cluster needs";
    QTest::newRow("node name") << QStringList{"--cluster", "redis://127.0.0.1:1", "--node", "a b"}
                               << "--node needs 1 to 63";
}

void tst_BenchServer::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runBenchServer(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count(u'\n'), 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("tt-bench-server: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void tst_BenchServer::helpAndVersion()
{
    const Run help = runBenchServer({"--help"});
    QCOMPARE(help.exitCode, 0);
    for (const char *needle : {"--port P", "--bind ADDRESS", "--bench-token T", "--tls-cert FILE",
                               "--tls-key FILE", "--event-loop epoll|poll", "--cluster URL",
                               "--node NAME", "\"impl\":\"tt-bench-server\"", "Exit codes:"})
        QVERIFY2(help.out.contains(QLatin1String(needle)), needle);
    const Run version = runBenchServer({"--version"});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("tt-bench-server " TT_VERSION "\n"));
}

QTEST_GUILESS_MAIN(tst_BenchServer)
#include "tst_benchserver.moc"
