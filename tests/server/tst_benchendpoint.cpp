// The bench contract (docs/performance.md) as BenchEndpoint serves it: token check with
// the exact refusal, echo with ack, bench:start's timed broadcast (integer monotonic `t`, seq,
// pad, final ack) to the right room only, and publish relayed to others.
#include "benchendpoint.h"
#include "engineserver.h"
#include "sioserver.h"
#include "testpeers.h"
#include "webserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace TableTap;
using namespace TestPeers;

class tst_BenchEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wrongTokenRefused();
    void echoAck();
    void benchStartBroadcastsToRoom();
    void publishRelaysToOthers();

private:
    QByteArray join(WsPeer &peer, const QByteArray &auth)
    {
        if (!peer.open(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                           .arg(m_web->serverPort()))
            || !peer.nextText().startsWith('0'))
            return {};
        peer.sendText("40/orders," + auth);
        return peer.nextNonPing();
    }
    std::unique_ptr<WebServer> m_web;
    std::unique_ptr<EngineServer> m_engine;
    std::unique_ptr<SioServer> m_io;
    std::unique_ptr<BenchEndpoint> m_bench;
};

void tst_BenchEndpoint::initTestCase()
{
    m_web = std::make_unique<WebServer>();
    m_engine = std::make_unique<EngineServer>();
    m_io = std::make_unique<SioServer>(m_engine.get());
    m_bench = std::make_unique<BenchEndpoint>(m_io.get());
    m_web->mount(m_engine.get());
    QVERIFY(m_web->listen());
}

void tst_BenchEndpoint::wrongTokenRefused()
{
    WsPeer peer;
    const QByteArray refused = join(peer, R"({"token":"nope"})");
    QVERIFY2(refused.startsWith("44/orders,"), refused);
    const QJsonObject o = QJsonDocument::fromJson(refused.mid(10)).object();
    QCOMPARE(o.value("message").toString(), "unauthorized");
    QCOMPARE(o.value("data").toObject().value("reason").toString(), "bad token");
}

void tst_BenchEndpoint::echoAck()
{
    WsPeer peer;
    QVERIFY(join(peer, R"({"token":"bench-token"})").startsWith("40/orders,{\"sid\""));
    peer.sendText(R"(42/orders,5["echo",{"t":123}])");
    QCOMPARE(peer.nextNonPing(), QByteArray(R"(43/orders,5[{"t":123}])"));
}

void tst_BenchEndpoint::benchStartBroadcastsToRoom()
{
    WsPeer admin, listener, other;
    QVERIFY(join(admin, R"({"token":"bench-token","room":"admin"})").startsWith("40/orders,"));
    QVERIFY(join(listener, R"({"token":"bench-token"})").startsWith("40/orders,"));
    QVERIFY(join(other, R"({"token":"bench-token","room":"elsewhere"})").startsWith("40/orders,"));
    const qint64 before = BenchEndpoint::monotonicMicros();
    admin.sendText(R"(42/orders,1["bench:start",{"rate":50,"seconds":0.2,"size":10}])");
    QList<QJsonObject> ticks;
    for (int i = 0; i < 10; ++i) {
        const QByteArray f = listener.nextNonPing(3000);
        QVERIFY2(f.startsWith(R"(42/orders,["tick",)"), f);
        // "t" must be written as an integer.
        const qsizetype at = f.indexOf("\"t\":") + 4;
        QByteArray t = f.mid(at);
        t.truncate(t.indexOf(t.indexOf(',') >= 0 ? ',' : '}'));
        QVERIFY2(!t.isEmpty() && !t.contains('.') && !t.contains('e'), f);
        ticks << QJsonDocument::fromJson(f.mid(10)).array().at(1).toObject();
    }
    const QByteArray done = admin.nextNonPing(3000);
    QVERIFY2(done.startsWith(R"(43/orders,1[{)"), done);
    const QJsonObject ack = QJsonDocument::fromJson(done.mid(11)).array().at(0).toObject();
    QCOMPARE(ack.value("sent").toInt(), 10);
    QVERIFY(ack.value("seconds").toDouble() > 0.1);
    for (int i = 0; i < ticks.size(); ++i) {
        QCOMPARE(ticks.at(i).value("seq").toInt(), i);
        QCOMPARE(ticks.at(i).value("pad").toString(), QString(10, 'x'));
        QVERIFY(qint64(ticks.at(i).value("t").toDouble()) >= before);
    }
    QVERIFY(ticks.last().value("t").toDouble() > ticks.first().value("t").toDouble());
    QCOMPARE(other.pending(), 0); // not in room "all"
}

void tst_BenchEndpoint::publishRelaysToOthers()
{
    WsPeer a, b;
    QVERIFY(join(a, R"({"token":"bench-token"})").startsWith("40/orders,"));
    QVERIFY(join(b, R"({"token":"bench-token"})").startsWith("40/orders,"));
    a.sendText(R"(42/orders,["publish",{"x":1}])");
    QCOMPARE(b.nextNonPing(), QByteArray(R"(42/orders,["tick",{"x":1}])"));
    QVERIFY(!a.next(200)); // the publisher does not get its own tick
}

QTEST_GUILESS_MAIN(tst_BenchEndpoint)
#include "tst_benchendpoint.moc"
