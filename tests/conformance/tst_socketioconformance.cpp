// Socket.IO v5 conformance of our server against tt-conformance-server (namespaces "/" and
// "/custom"): connect and auth, namespaces, disconnect, events, acks, binary, and the invalid
// packets that close a connection, all checked as exact wire strings over a raw websocket.
#include "fixtureprocess.h"
#include "testpeers.h"

#include <QElapsedTimer>

using namespace TestPeers;

class tst_SocketIOConformance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connectMainNamespace();
    void connectCustomNamespace();
    void connectWithAuth();
    void unknownNamespaceKeepsConnection();
    void noHandshakeClosesAfterConnectTimeout();
    void disconnectThenPacketCloses();
    void plainEvent();
    void binaryEvent();
    void eventWithAck();
    void binaryEventWithAck();
    void invalidPacketsClose_data();
    void invalidPacketsClose();
    void connectOverPolling();

private:
    // An open Engine.IO websocket; the open packet already read.
    bool openEngine(WsPeer &ws)
    {
        if (!ws.open(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                         .arg(m_fixture.port())))
            return false;
        return ws.nextText().startsWith('0');
    }
    FixtureProcess m_fixture;
};

void tst_SocketIOConformance::initTestCase()
{
    // Long heartbeat so raw peers need not answer pings; connectTimeout 1000 as in the suite.
    QVERIFY(m_fixture.start(
        {"--ping-interval", "5000", "--ping-timeout", "2000", "--connect-timeout", "1000"}));
}

void tst_SocketIOConformance::connectMainNamespace()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40");
    const QByteArray reply = ws.nextNonPing();
    QVERIFY2(reply.startsWith(R"(40{"sid":")") && reply.endsWith("\"}"), reply);
    QCOMPARE(reply.size(), 2 + 8 + 20 + 2); // 40{"sid":"<20>"}
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(42["auth",{}])"));
}

void tst_SocketIOConformance::connectCustomNamespace()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40/custom,");
    const QByteArray reply = ws.nextNonPing();
    QVERIFY2(reply.startsWith(R"(40/custom,{"sid":")"), reply);
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(42/custom,["auth",{}])"));
}

void tst_SocketIOConformance::connectWithAuth()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText(R"(40{"token":"123"})");
    QVERIFY(ws.nextNonPing().startsWith("40{"));
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(42["auth",{"token":"123"}])"));
    ws.sendText(R"(40/custom,{"token":"abc"})");
    QVERIFY(ws.nextNonPing().startsWith("40/custom,{"));
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(42/custom,["auth",{"token":"abc"}])"));
}

void tst_SocketIOConformance::unknownNamespaceKeepsConnection()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40/random");
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(44/random,{"message":"Invalid namespace"})"));
    ws.sendText("40");
    QVERIFY(ws.nextNonPing().startsWith("40{"));
    QVERIFY(!ws.isClosed());
}

void tst_SocketIOConformance::noHandshakeClosesAfterConnectTimeout()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(ws.waitForClose(4000));
    QVERIFY2(clock.elapsed() >= 800, QByteArray::number(clock.elapsed()));
}

void tst_SocketIOConformance::disconnectThenPacketCloses()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40/custom,");
    QVERIFY(ws.nextNonPing().startsWith("40/custom,"));
    ws.sendText("40");
    ws.nextNonPing(); // sid
    ws.nextNonPing(); // auth
    ws.nextNonPing(); // custom auth
    ws.sendText("41/custom,");
    // Still connected to "/":
    ws.sendText(R"(42["message","x"])");
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(42["message-back","x"])"));
    // An event for the namespace just left is a protocol violation.
    ws.sendText(R"(42/custom,["message","x"])");
    QVERIFY(ws.waitForClose());
}

void tst_SocketIOConformance::plainEvent()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40");
    ws.nextNonPing();
    ws.nextNonPing();
    ws.sendText(R"(42["message",1,"2",{"3":[true]}])");
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(42["message-back",1,"2",{"3":[true]}])"));
}

void tst_SocketIOConformance::binaryEvent()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40");
    ws.nextNonPing();
    ws.nextNonPing();
    ws.sendText(R"(451-["message",{"_placeholder":true,"num":0}])");
    ws.sendBinary(QByteArray("\x01\x02\x03", 3));
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(451-["message-back",{"_placeholder":true,"num":0}])"));
    auto bin = ws.next();
    QVERIFY(bin && bin->binary);
    QCOMPARE(bin->data, QByteArray("\x01\x02\x03", 3));
}

void tst_SocketIOConformance::eventWithAck()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40");
    ws.nextNonPing();
    ws.nextNonPing();
    ws.sendText(R"(42456["message-with-ack",1,"2",{"3":[false]}])");
    QCOMPARE(ws.nextNonPing(), QByteArray(R"(43456[1,"2",{"3":[false]}])"));
}

void tst_SocketIOConformance::binaryEventWithAck()
{
    WsPeer ws;
    QVERIFY(openEngine(ws));
    ws.sendText("40/custom,");
    ws.nextNonPing();
    ws.nextNonPing();
    ws.sendText(
        R"(452-/custom,789["message-with-ack",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
    ws.sendBinary(QByteArray("\x01\x02", 2));
    ws.sendBinary(QByteArray("\x03", 1));
    QCOMPARE(
        ws.nextNonPing(),
        QByteArray(
            R"(462-/custom,789[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])"));
    auto b0 = ws.next();
    auto b1 = ws.next();
    QVERIFY(b0 && b0->binary && b1 && b1->binary);
    QCOMPARE(b0->data, QByteArray("\x01\x02", 2));
    QCOMPARE(b1->data, QByteArray("\x03", 1));
}

void tst_SocketIOConformance::invalidPacketsClose_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<bool>("connectFirst");
    QTest::newRow("unknown packet type") << QByteArray("4abc") << false;
    QTest::newRow("event before connect") << QByteArray(R"(42["message"])") << false;
    QTest::newRow("payload not an array") << QByteArray("42{}") << true;
    QTest::newRow("empty array") << QByteArray("42[]") << true;
    QTest::newRow("null event name") << QByteArray("42[null]") << true;
    QTest::newRow("invalid ack id") << QByteArray(R"(42abc["message-with-ack",1])") << true;
    QTest::newRow("reserved name") << QByteArray(R"(42["disconnect"])") << true;
    QTest::newRow("reserved connect_error") << QByteArray(R"(42["connect_error"])") << true;
    QTest::newRow("repeated connect") << QByteArray("40") << true;
    QTest::newRow("connect_error from client") << QByteArray(R"(44{"message":"x"})") << true;
    QTest::newRow("binary without attachments announced")
        << QByteArray(R"(45-["message"])") << true;
    QTest::newRow("too many attachments") << QByteArray(R"(4511-["message"])") << true;
    QTest::newRow("truncated JSON") << QByteArray(R"(42["message",{"a":)") << true;
    QByteArray deep = "42[\"message\",";
    deep += QByteArray(5000, '[') + QByteArray(5000, ']') + "]";
    QTest::newRow("deeply nested JSON") << deep << true;
}

void tst_SocketIOConformance::invalidPacketsClose()
{
    QFETCH(QByteArray, packet);
    QFETCH(bool, connectFirst);
    WsPeer ws;
    QVERIFY(openEngine(ws));
    if (connectFirst) {
        ws.sendText("40");
        QVERIFY(ws.nextNonPing().startsWith("40{"));
        QCOMPARE(ws.nextNonPing(), QByteArray(R"(42["auth",{}])"));
    }
    ws.sendText(packet);
    QVERIFY(ws.waitForClose(3000));
    // The fixture is still serving.
    WsPeer again;
    QVERIFY(openEngine(again));
    again.sendText("40");
    QVERIFY(again.nextNonPing().startsWith("40{"));
}

void tst_SocketIOConformance::connectOverPolling()
{
    HttpPeer peer(m_fixture.port());
    const QByteArray base = "/socket.io/?EIO=4&transport=polling";
    const QByteArray sid = sidFromOpen(peer.request("GET", base).body);
    QVERIFY(!sid.isEmpty());
    HttpPeer poster(m_fixture.port());
    QCOMPARE(poster.request("POST", base + "&sid=" + sid, "40/custom,").body, QByteArray("ok"));
    const QByteArray body = peer.request("GET", base + "&sid=" + sid).body;
    const QList<QByteArray> packets = body.split('\x1e');
    QCOMPARE(packets.size(), 2);
    QVERIFY2(packets.at(0).startsWith(R"(40/custom,{"sid":")"), body);
    QCOMPARE(packets.at(1), QByteArray(R"(42/custom,["auth",{}])"));
    // Binary over polling travels as base64.
    QCOMPARE(poster
                 .request("POST", base + "&sid=" + sid,
                          "451-/custom,[\"message\",{\"_placeholder\":true,\"num\":0}]\x1e"
                          "bAQID")
                 .body,
             QByteArray("ok"));
    QCOMPARE(peer.request("GET", base + "&sid=" + sid).body,
             QByteArray("451-/custom,[\"message-back\",{\"_placeholder\":true,\"num\":0}]\x1e"
                        "bAQID"));
    // A second namespace on the same connection.
    QCOMPARE(poster.request("POST", base + "&sid=" + sid, "40").body, QByteArray("ok"));
    const QList<QByteArray> joined = peer.request("GET", base + "&sid=" + sid).body.split('\x1e');
    QCOMPARE(joined.size(), 2);
    QVERIFY(joined.at(0).startsWith("40{\"sid\""));
    QCOMPARE(joined.at(1), QByteArray(R"(42["auth",{}])"));
    QCOMPARE(poster.request("POST", base + "&sid=" + sid, R"(42["message","plain"])").body,
             QByteArray("ok"));
    QCOMPARE(peer.request("GET", base + "&sid=" + sid).body,
             QByteArray(R"(42["message-back","plain"])"));
}

QTEST_GUILESS_MAIN(tst_SocketIOConformance)
#include "tst_socketioconformance.moc"
