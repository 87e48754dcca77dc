// Engine.IO v4 conformance of our server, checked on the wire against tt-conformance-server
// (pingInterval 300, pingTimeout 200): handshake fields, heartbeat timing, close, polling
// framing, the upgrade, and bad requests with the reference server's exact status and body.
#include "fixtureprocess.h"
#include "testpeers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace TestPeers;

class tst_EngineIOConformance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void handshakeOverPolling();
    void handshakeOverWebSocket();
    void badRequests_data();
    void badRequests();
    void badUpgrades_data();
    void badUpgrades();
    void heartbeatOverPolling();
    void pingTimeoutClosesSession();
    void clientCloseOverPolling();
    void messagesOverPolling();
    void messagesOverWebSocket();
    void upgradeFromPolling();
    void overlappingGetClosesSession();
    void binaryContentTypeClosesSession();
    void oversizedPostIs413();
    void oversizedWebSocketMessageIs1009();
    void corsPreflightAndErrors();

private:
    QByteArray base() const { return "/engine.io/?EIO=4&transport=polling"; }
    QString wsUrl(const QByteArray &query = {}) const
    {
        return QStringLiteral("ws://127.0.0.1:%1/engine.io/?EIO=4&transport=websocket%2")
            .arg(m_fixture.port())
            .arg(QString::fromLatin1(query));
    }
    QByteArray handshake(HttpPeer &peer)
    {
        const HttpReply r = peer.request("GET", base());
        return sidFromOpen(r.body);
    }
    FixtureProcess m_fixture;
    FixtureProcess m_small; // --max-payload 100
};

void tst_EngineIOConformance::initTestCase()
{
    QVERIFY(m_fixture.start());
    QVERIFY(m_small.start({QStringLiteral("--max-payload"), QStringLiteral("100")}));
}

void tst_EngineIOConformance::handshakeOverPolling()
{
    HttpPeer peer(m_fixture.port());
    const HttpReply r = peer.request("GET", base());
    QVERIFY(r.ok);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("text/plain; charset=UTF-8"));
    QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
    QVERIFY(r.body.startsWith('0'));
    const QJsonObject open = QJsonDocument::fromJson(r.body.mid(1)).object();
    QCOMPARE(open.value("sid").toString().size(), 20);
    QCOMPARE(open.value("upgrades").toArray(), QJsonArray{"websocket"});
    QCOMPARE(open.value("pingInterval").toInt(), 300);
    QCOMPARE(open.value("pingTimeout").toInt(), 200);
    QCOMPARE(open.value("maxPayload").toInt(), 1000000);
    QCOMPARE(open.size(), 5);
}

void tst_EngineIOConformance::handshakeOverWebSocket()
{
    WsPeer ws;
    QVERIFY(ws.open(wsUrl()));
    const QByteArray open = ws.nextText();
    QVERIFY2(open.startsWith('0'), open);
    const QJsonObject o = QJsonDocument::fromJson(open.mid(1)).object();
    QCOMPARE(o.value("sid").toString().size(), 20);
    QCOMPARE(o.value("upgrades").toArray(), QJsonArray{}); // nothing above websocket
    QCOMPARE(o.value("pingInterval").toInt(), 300);
}

void tst_EngineIOConformance::badRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    const QByteArray c0 = R"({"code":0,"message":"Transport unknown"})";
    const QByteArray c1 = R"({"code":1,"message":"Session ID unknown"})";
    const QByteArray c2 = R"({"code":2,"message":"Bad handshake method"})";
    const QByteArray c3 = R"({"code":3,"message":"Bad request"})";
    const QByteArray c5 = R"({"code":5,"message":"Unsupported protocol version"})";
    QTest::newRow("no EIO") << QByteArray("GET") << QByteArray("/engine.io/?transport=polling")
                            << 400 << c5;
    QTest::newRow("EIO=abc") << QByteArray("GET")
                             << QByteArray("/engine.io/?EIO=abc&transport=polling") << 400 << c5;
    QTest::newRow("EIO=3") << QByteArray("GET") << QByteArray("/engine.io/?EIO=3&transport=polling")
                           << 400 << c5;
    QTest::newRow("no transport") << QByteArray("GET") << QByteArray("/engine.io/?EIO=4") << 400
                                  << c0;
    QTest::newRow("transport=abc")
        << QByteArray("GET") << QByteArray("/engine.io/?EIO=4&transport=abc") << 400 << c0;
    QTest::newRow("POST handshake")
        << QByteArray("POST") << QByteArray("/engine.io/?EIO=4&transport=polling") << 400 << c2;
    QTest::newRow("PUT handshake")
        << QByteArray("PUT") << QByteArray("/engine.io/?EIO=4&transport=polling") << 400 << c2;
    QTest::newRow("websocket without upgrade")
        << QByteArray("GET") << QByteArray("/engine.io/?EIO=4&transport=websocket") << 400 << c3;
    QTest::newRow("unknown sid") << QByteArray("GET")
                                 << QByteArray("/engine.io/?EIO=4&transport=polling&sid=abc") << 400
                                 << c1;
    QTest::newRow("unknown sid, EIO=3")
        << QByteArray("GET") << QByteArray("/engine.io/?EIO=3&transport=polling&sid=abc") << 400
        << c1;
}

void tst_EngineIOConformance::badRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    HttpPeer peer(m_fixture.port());
    const HttpReply r = peer.request(method, target);
    QVERIFY(r.ok);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(r.body, body);
}

void tst_EngineIOConformance::badUpgrades_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("EIO=3") << QByteArray("EIO=3&transport=websocket")
                           << QByteArray("Unsupported protocol version");
    QTest::newRow("no EIO") << QByteArray("transport=websocket")
                            << QByteArray("Unsupported protocol version");
    QTest::newRow("transport=abc")
        << QByteArray("EIO=4&transport=abc") << QByteArray("Transport unknown");
    QTest::newRow("unknown sid") << QByteArray("EIO=4&transport=websocket&sid=nope")
                                 << QByteArray("Session ID unknown");
}

void tst_EngineIOConformance::badUpgrades()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, message);
    HttpPeer peer(m_fixture.port());
    peer.write(
        "GET /engine.io/?" + query
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    const HttpReply r = peer.read();
    QVERIFY(r.ok);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.header("connection"), QByteArray("close"));
    QCOMPARE(r.header("content-type"), QByteArray("text/html"));
    QCOMPARE(r.body, message);
    QVERIFY(peer.waitForClose());
}

void tst_EngineIOConformance::heartbeatOverPolling()
{
    HttpPeer peer(m_fixture.port());
    const QByteArray sid = handshake(peer);
    QVERIFY(!sid.isEmpty());
    QElapsedTimer clock;
    clock.start();
    const HttpReply ping = peer.request("GET", base() + "&sid=" + sid);
    QCOMPARE(ping.body, QByteArray("2"));
    QVERIFY2(clock.elapsed() >= 250, QByteArray::number(clock.elapsed()));
    HttpPeer poster(m_fixture.port());
    const HttpReply ok = poster.request("POST", base() + "&sid=" + sid, "3");
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.body, QByteArray("ok"));
    QCOMPARE(ok.header("content-type"), QByteArray("text/html"));
    // Answered in time: the next ping comes one interval later, the session is alive.
    const HttpReply ping2 = peer.request("GET", base() + "&sid=" + sid);
    QCOMPARE(ping2.body, QByteArray("2"));
}

void tst_EngineIOConformance::pingTimeoutClosesSession()
{
    HttpPeer peer(m_fixture.port());
    const QByteArray sid = handshake(peer);
    const HttpReply ping = peer.request("GET", base() + "&sid=" + sid);
    QCOMPARE(ping.body, QByteArray("2"));
    QTest::qWait(400); // > pingTimeout without a pong
    const HttpReply after = peer.request("GET", base() + "&sid=" + sid);
    QCOMPARE(after.status, 400);
    QCOMPARE(after.body, QByteArray(R"({"code":1,"message":"Session ID unknown"})"));
}

void tst_EngineIOConformance::clientCloseOverPolling()
{
    HttpPeer getter(m_fixture.port());
    const QByteArray sid = handshake(getter);
    getter.write("GET " + base() + "&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::qWait(20);
    HttpPeer poster(m_fixture.port());
    QCOMPARE(poster.request("POST", base() + "&sid=" + sid, "1").body, QByteArray("ok"));
    const HttpReply pending = getter.read();
    QCOMPARE(pending.body, QByteArray("6")); // a client close is acknowledged with a noop
    QCOMPARE(getter.request("GET", base() + "&sid=" + sid).status, 400);
}

void tst_EngineIOConformance::messagesOverPolling()
{
    HttpPeer peer(m_fixture.port());
    const QByteArray sid = handshake(peer);
    HttpPeer poster(m_fixture.port());
    QCOMPARE(poster.request("POST", base() + "&sid=" + sid, "4hello€").body, QByteArray("ok"));
    QCOMPARE(peer.request("GET", base() + "&sid=" + sid).body, QByteArray("4hello€"));
    QCOMPARE(poster.request("POST", base() + "&sid=" + sid, "bAQIDBA==").body, QByteArray("ok"));
    QCOMPARE(peer.request("GET", base() + "&sid=" + sid).body, QByteArray("bAQIDBA=="));
    const QByteArray several = "4foo\x1e"
                               "4€\x1e"
                               "bAQIDBA==";
    QCOMPARE(poster.request("POST", base() + "&sid=" + sid, several).body, QByteArray("ok"));
    QCOMPARE(peer.request("GET", base() + "&sid=" + sid).body, several);
}

void tst_EngineIOConformance::messagesOverWebSocket()
{
    WsPeer ws;
    QVERIFY(ws.open(wsUrl()));
    QVERIFY(ws.nextText().startsWith('0'));
    ws.sendText("4hello€");
    QCOMPARE(ws.nextNonPing(), QByteArray("4hello€"));
    ws.sendBinary(QByteArray("\x01\x02\x03\x04", 4));
    for (int i = 0; i < 5; ++i) {
        auto f = ws.next();
        QVERIFY(f);
        if (!f->binary && f->data == "2") {
            ws.sendText("3");
            continue;
        }
        QVERIFY(f->binary);
        QCOMPARE(f->data, QByteArray("\x01\x02\x03\x04", 4));
        break;
    }
    // Heartbeat over websocket: pings keep coming while answered.
    QElapsedTimer clock;
    clock.start();
    int pings = 0;
    while (clock.elapsed() < 1000) {
        auto f = ws.next(500);
        if (f && f->data == "2") {
            ++pings;
            ws.sendText("3");
        }
    }
    QVERIFY(pings >= 2);
    QVERIFY(!ws.isClosed());
}

void tst_EngineIOConformance::upgradeFromPolling()
{
    HttpPeer getter(m_fixture.port());
    const QByteArray sid = handshake(getter);
    getter.write("GET " + base() + "&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n\r\n");
    WsPeer ws;
    QVERIFY(ws.open(wsUrl("&sid=" + sid)));
    ws.sendText("2probe");
    QCOMPARE(ws.nextText(), QByteArray("3probe"));
    QCOMPARE(getter.read().body, QByteArray("6")); // the held GET is released with a noop
    ws.sendText("5");
    ws.sendText("4hello");
    QCOMPARE(ws.nextNonPing(), QByteArray("4hello"));
    // After the upgrade: polling for the sid is refused, a second websocket closed.
    const HttpReply poll = getter.request("GET", base() + "&sid=" + sid);
    QCOMPARE(poll.status, 400);
    QCOMPARE(poll.body, QByteArray(R"({"code":3,"message":"Bad request"})"));
    WsPeer second;
    second.open(wsUrl("&sid=" + sid));
    QVERIFY(second.waitForClose());
    ws.sendText("4still");
    QCOMPARE(ws.nextNonPing(), QByteArray("4still"));
}

void tst_EngineIOConformance::overlappingGetClosesSession()
{
    HttpPeer first(m_fixture.port());
    const QByteArray sid = handshake(first);
    first.write("GET " + base() + "&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::qWait(20);
    HttpPeer second(m_fixture.port());
    const HttpReply refused = second.request("GET", base() + "&sid=" + sid);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.body, QByteArray());
    QCOMPARE(first.read().body, QByteArray("1")); // the server closed the session
    QCOMPARE(second.request("GET", base() + "&sid=" + sid).status, 400);
}

void tst_EngineIOConformance::binaryContentTypeClosesSession()
{
    HttpPeer peer(m_fixture.port());
    const QByteArray sid = handshake(peer);
    HttpPeer poster(m_fixture.port());
    const HttpReply r = poster.request("POST", base() + "&sid=" + sid, "4hi",
                                       "Content-Type: application/octet-stream\r\n");
    QCOMPARE(r.status, 400);
    QCOMPARE(peer.request("GET", base() + "&sid=" + sid).status, 400);
}

void tst_EngineIOConformance::oversizedPostIs413()
{
    HttpPeer peer(m_small.port());
    const QByteArray sid = handshake(peer);
    QVERIFY(!sid.isEmpty());
    HttpPeer poster(m_small.port());
    const HttpReply r = poster.request("POST", base() + "&sid=" + sid, "4" + QByteArray(200, 'x'));
    QVERIFY(r.ok);
    QCOMPARE(r.status, 413);
    QVERIFY(poster.waitForClose());
    QCOMPARE(peer.request("GET", base() + "&sid=" + sid).status, 400);
    // At the limit is fine.
    HttpPeer again(m_small.port());
    const QByteArray sid2 = handshake(again);
    HttpPeer poster2(m_small.port());
    QCOMPARE(poster2.request("POST", base() + "&sid=" + sid2, "4" + QByteArray(99, 'x')).body,
             QByteArray("ok"));
}

void tst_EngineIOConformance::oversizedWebSocketMessageIs1009()
{
    WsPeer ws;
    QVERIFY(ws.open(QStringLiteral("ws://127.0.0.1:%1/engine.io/?EIO=4&transport=websocket")
                        .arg(m_small.port())));
    QVERIFY(ws.nextText().startsWith('0'));
    ws.sendText("4" + QByteArray(300, 'x'));
    QVERIFY(ws.waitForClose());
    QCOMPARE(ws.closeCode(), 1009);
}

void tst_EngineIOConformance::corsPreflightAndErrors()
{
    HttpPeer peer(m_fixture.port());
    const HttpReply pre
        = peer.request("OPTIONS", base(), {},
                       "Origin: http://example.test\r\nAccess-Control-Request-Method: GET\r\n"
                       "Access-Control-Request-Headers: content-type\r\n");
    QCOMPARE(pre.status, 204);
    QCOMPARE(pre.header("access-control-allow-origin"), QByteArray("*"));
    QCOMPARE(pre.header("access-control-allow-methods"),
             QByteArray("GET,HEAD,PUT,PATCH,POST,DELETE"));
    QCOMPARE(pre.header("access-control-allow-headers"), QByteArray("content-type"));
    const HttpReply err = peer.request("GET", "/engine.io/?EIO=3&transport=polling", {},
                                       "Origin: http://example.test\r\n");
    QCOMPARE(err.status, 400);
    QCOMPARE(err.header("access-control-allow-origin"), QByteArray("*"));
}

QTEST_GUILESS_MAIN(tst_EngineIOConformance)
#include "tst_engineioconformance.moc"
