// ClientPollingTransport against a scripted HTTP server on 127.0.0.1: the handshake GET, polls
// with the sid, the cache buster, one POST in flight with bodies under maxPayload, pause() for
// the upgrade, the close packet, errors; and SioManager destroyed with requests in flight.
#include "clientpollingtransport.h"
#include "enginecodec.h"
#include "scriptedhttpserver.h"
#include "siomanager.h"
#include "siosocket.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {

const QByteArray openPacket
    = R"(0{"sid":"abc","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":100})";

} // namespace

class tst_ClientPollingTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeThenPollsWithSid();
    void splitsPayloadsAndKeepsOnePostInFlight();
    void binaryGoesAsBase64();
    void pauseWaitsForRequestsInFlight();
    void closeSendsTheClosePacket();
    void httpErrorClosesTheTransport();
    void closePacketFromTheServer();
    void splitPayloadsBoundaries();
    void destroyedWithRequestsInFlight();
    void managerDestroyedWhilePolling();

private:
    ClientTransportConfig config(const ScriptedHttpServer &http)
    {
        ClientTransportConfig c;
        c.endpoint = http.url();
        c.network = &m_network;
        return c;
    }
    // Opens a transport through the handshake; leaves the second GET pending.
    void handshake(ScriptedHttpServer &http, ClientPollingTransport &t)
    {
        t.open();
        QTRY_COMPARE(http.requests.size(), size_t(1));
        ScriptedHttpServer::respond(http.requests.at(0), 200, openPacket);
        QTRY_COMPARE(http.pending("GET").size(), 1);
        QCOMPARE(http.requests.size(), size_t(2));
    }

    QNetworkAccessManager m_network;
};

void tst_ClientPollingTransport::handshakeThenPollsWithSid()
{
    ScriptedHttpServer http;
    ClientTransportConfig c = config(http);
    c.query = {{QStringLiteral("cafe_id"), QStringLiteral("c 1+2")}};
    c.headers = {{"X-Test", "yes"}};
    ClientPollingTransport t(c);
    QSignalSpy opened(&t, &EngineTransport::opened);
    QSignalSpy packets(&t, &EngineTransport::packetReceived);
    t.open();
    QTRY_COMPARE(http.requests.size(), size_t(1));
    const auto first = http.requests.at(0);
    QCOMPARE(first->method, QByteArray("GET"));
    QCOMPARE(first->url.path(), QStringLiteral("/socket.io/"));
    QCOMPARE(first->query(QStringLiteral("EIO")), QStringLiteral("4"));
    QCOMPARE(first->query(QStringLiteral("transport")), QStringLiteral("polling"));
    QVERIFY(!first->hasQuery(QStringLiteral("sid")));
    QVERIFY(first->hasQuery(QStringLiteral("t")));
    // '+' must reach the server as a plus, not a space.
    QVERIFY(first->url.query(QUrl::FullyEncoded).contains(QStringLiteral("cafe_id=c%201%2B2")));
    QCOMPARE(first->headers.value("x-test"), QByteArray("yes"));
    QVERIFY(!t.isWritable());

    ScriptedHttpServer::respond(first, 200, openPacket);
    QTRY_COMPARE(packets.count(), 1);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(packets.at(0).at(0).value<EnginePacket>().type, EnginePacket::Type::Open);
    QCOMPARE(t.sid(), QStringLiteral("abc"));
    QCOMPARE(t.maxPayload(), 100);
    QVERIFY(t.isWritable());
    QTRY_COMPARE(http.requests.size(), size_t(2));
    const auto second = http.requests.at(1);
    QCOMPARE(second->method, QByteArray("GET"));
    QCOMPARE(second->query(QStringLiteral("sid")), QStringLiteral("abc"));
    QVERIFY(second->query(QStringLiteral("t")) != first->query(QStringLiteral("t")));
    QCOMPARE(second->query(QStringLiteral("cafe_id")), QStringLiteral("c 1+2"));

    // A poll answer with several packets delivers each, then polls again (one GET at a time).
    ScriptedHttpServer::respond(second, 200, QByteArray("2\x1e") + "4hello");
    QTRY_COMPARE(packets.count(), 3);
    QCOMPARE(packets.at(1).at(0).value<EnginePacket>().type, EnginePacket::Type::Ping);
    QCOMPARE(packets.at(2).at(0).value<EnginePacket>(), EnginePacket::message("hello"));
    QTRY_COMPARE(http.requests.size(), size_t(3));
    QTest::qWait(50);
    QCOMPARE(http.pending("GET").size(), 1);
}

void tst_ClientPollingTransport::splitsPayloadsAndKeepsOnePostInFlight()
{
    ScriptedHttpServer http;
    ClientPollingTransport t(config(http));
    handshake(http, t);
    QSignalSpy writable(&t, &EngineTransport::writable);
    QList<EnginePacket> sent;
    for (int i = 0; i < 5; ++i)
        sent.append(EnginePacket::message(QByteArray(39, char('a' + i)) + QByteArray::number(i)));
    t.send(sent);
    QVERIFY(!t.isWritable());
    QVERIFY(t.pendingBytes() > 0);

    QByteArray joined;
    for (int round = 0; round < 3; ++round) {
        QTRY_COMPARE(http.pending("POST").size(), 1);
        QTest::qWait(30);
        QCOMPARE(http.pending("POST").size(), 1); // never two at once
        const auto post = http.pending("POST").first();
        QCOMPARE(post->headers.value("content-type"), QByteArray("text/plain;charset=UTF-8"));
        QCOMPARE(post->query(QStringLiteral("sid")), QStringLiteral("abc"));
        QVERIFY2(post->body.size() <= 100, post->body.constData());
        if (!joined.isEmpty())
            joined.append('\x1e');
        joined.append(post->body);
        QCOMPARE(writable.count(), 0);
        ScriptedHttpServer::respond(post, 200, "ok");
    }
    QTRY_COMPARE(writable.count(), 1);
    QVERIFY(t.isWritable());
    QCOMPARE(http.count("POST"), 3);
    const auto decoded = EngineCodec::decodePayload(joined);
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded, sent);
}

void tst_ClientPollingTransport::binaryGoesAsBase64()
{
    ScriptedHttpServer http;
    ClientPollingTransport t(config(http));
    handshake(http, t);
    t.send(
        {EnginePacket::binaryMessage(QByteArray("\x01\x02\x03", 3)), EnginePacket::message("x")});
    QTRY_COMPARE(http.pending("POST").size(), 1);
    QCOMPARE(http.pending("POST").first()->body, QByteArray("bAQID\x1e"
                                                            "4x"));
}

void tst_ClientPollingTransport::pauseWaitsForRequestsInFlight()
{
    ScriptedHttpServer http;
    ClientPollingTransport t(config(http));
    handshake(http, t);
    t.send({EnginePacket::message("during upgrade")});
    QTRY_COMPARE(http.pending("POST").size(), 1);
    QSignalSpy paused(&t, &EngineTransport::paused);
    t.pause();
    QTest::qWait(30);
    QCOMPARE(paused.count(), 0);
    ScriptedHttpServer::respond(http.pending("POST").first(), 200, "ok");
    QTest::qWait(50);
    QCOMPARE(paused.count(), 0); // the GET is still out
    const int before = int(http.requests.size());
    ScriptedHttpServer::respond(http.pending("GET").first(), 200, "6");
    QTRY_COMPARE(paused.count(), 1);
    QTest::qWait(50);
    QCOMPARE(int(http.requests.size()), before); // paused: no new poll
    QVERIFY(!t.isWritable());
}

void tst_ClientPollingTransport::closeSendsTheClosePacket()
{
    ScriptedHttpServer http;
    auto *t = new ClientPollingTransport(config(http));
    handshake(http, *t);
    t->send({EnginePacket::message("last words")});
    QTRY_COMPARE(http.pending("POST").size(), 1);
    t->close();
    // The session deletes its transport right after closing it; the goodbye still goes out,
    // after the POST in flight.
    delete t;
    QTest::qWait(30);
    QCOMPARE(http.count("POST"), 1);
    ScriptedHttpServer::respond(http.pending("POST").first(), 200, "ok");
    QTRY_COMPARE(http.count("POST"), 2);
    QCOMPARE(http.pending("POST").first()->body, QByteArray("1"));
    QCOMPARE(http.pending("POST").first()->query(QStringLiteral("sid")), QStringLiteral("abc"));
    ScriptedHttpServer::respond(http.pending("POST").first(), 200, "ok");
    // The poll left behind is answered the way the reference server does, harmlessly.
    ScriptedHttpServer::respond(http.pending("GET").first(), 200, "6");
    QTest::qWait(30);
}

void tst_ClientPollingTransport::httpErrorClosesTheTransport()
{
    ScriptedHttpServer http;
    ClientPollingTransport t(config(http));
    handshake(http, t);
    QSignalSpy closed(&t, &EngineTransport::closed);
    ScriptedHttpServer::respond(http.pending("GET").first(), 400,
                                R"({"code":1,"message":"Session ID unknown"})", "application/json");
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("transport error"));
    QVERIFY(closed.at(0).at(1).toString().contains(QStringLiteral("Session ID unknown")));
    QVERIFY(!t.isWritable());

    // Refused connections are errors too.
    ClientTransportConfig c = config(http);
    c.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1/socket.io/"));
    ClientPollingTransport refused(c);
    QSignalSpy refusedClosed(&refused, &EngineTransport::closed);
    refused.open();
    QTRY_COMPARE(refusedClosed.count(), 1);
    QCOMPARE(refusedClosed.at(0).at(0).toString(), QStringLiteral("transport error"));
    QVERIFY(refusedClosed.at(0).at(1).toString().startsWith(QStringLiteral("xhr poll error")));
}

void tst_ClientPollingTransport::closePacketFromTheServer()
{
    ScriptedHttpServer http;
    ClientPollingTransport t(config(http));
    handshake(http, t);
    QSignalSpy closed(&t, &EngineTransport::closed);
    QSignalSpy packets(&t, &EngineTransport::packetReceived);
    ScriptedHttpServer::respond(http.pending("GET").first(), 200,
                                "4bye\x1e"
                                "1");
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("transport close"));
    QCOMPARE(packets.count(), 1); // "bye", and nothing after the close
    QTest::qWait(30);
    QCOMPARE(http.pending("GET").size(), 0);
}

void tst_ClientPollingTransport::splitPayloadsBoundaries()
{
    const QList<EnginePacket> three{EnginePacket::message("aaaa"), EnginePacket::message("bbbb"),
                                    EnginePacket::message("cccc")};
    // Each packet takes 5 bytes, each separator 1.
    QCOMPARE(ClientPollingTransport::splitPayloads(three, 17).size(), 1);
    QCOMPARE(ClientPollingTransport::splitPayloads(three, 16).size(), 2);
    QCOMPARE(ClientPollingTransport::splitPayloads(three, 11), QList<QByteArray>({"4aaaa\x1e"
                                                                                  "4bbbb",
                                                                                  "4cccc"}));
    QCOMPARE(ClientPollingTransport::splitPayloads(three, 10).size(), 3);
    // A packet larger than the limit still goes, alone.
    QCOMPARE(ClientPollingTransport::splitPayloads(three, 2).size(), 3);
    QCOMPARE(ClientPollingTransport::splitPayloads(three, 0).size(), 1); // no limit known
}

void tst_ClientPollingTransport::destroyedWithRequestsInFlight()
{
    ScriptedHttpServer http;
    auto *t = new ClientPollingTransport(config(http));
    handshake(http, *t);
    t->send({EnginePacket::message("x")});
    QTRY_COMPARE(http.pending("POST").size(), 1);
    QVERIFY(t->isPollInFlight());
    QVERIFY(t->isPostInFlight());
    delete t; // abandons both requests without waiting
    ScriptedHttpServer::respond(http.pending("GET").first(), 200, "6");
    QTest::qWait(30);
    QCOMPARE(http.count("POST"), 1);
}

void tst_ClientPollingTransport::managerDestroyedWhilePolling()
{
    // Handshake held by the server: destroy while the first GET is out.
    {
        ScriptedHttpServer http;
        SioClientOptions o;
        o.transports = {QStringLiteral("polling")};
        QPointer<SioManager> m = new SioManager(http.url(QStringLiteral("/")), o);
        m->socket(QStringLiteral("/orders"));
        QTRY_COMPARE(http.requests.size(), size_t(1));
        QCOMPARE(http.requests.at(0)->url.path(), QStringLiteral("/socket.io/"));
        delete m.data();
        QTest::qWait(30);
    }
    // Open, with a poll and a POST (the CONNECT) out, destroyed from a signal handler.
    {
        ScriptedHttpServer http;
        http.onRequest = [](const std::shared_ptr<HttpRequest> &r) {
            if (!r->hasQuery(QStringLiteral("sid")))
                ScriptedHttpServer::respond(r, 200, openPacket);
        };
        SioClientOptions o;
        o.transports = {QStringLiteral("polling")};
        QPointer<SioManager> m = new SioManager(http.url(QStringLiteral("/")), o);
        QPointer<SioSocket> s = m->socket(QStringLiteral("/orders"));
        QTRY_COMPARE(http.pending("POST").size(), 1);
        QCOMPARE(http.pending("POST").first()->body, QByteArray("40/orders,"));
        QCOMPARE(http.pending("GET").size(), 1);
        QCOMPARE(m->transportName(), QStringLiteral("polling"));
        connect(s, &SioSocket::eventReceived, s, [&] { delete m.data(); });
        ScriptedHttpServer::respond(http.pending("POST").first(), 200, "ok");
        ScriptedHttpServer::respond(http.pending("GET").first(), 200,
                                    "40/orders,{\"sid\":\"s1\"}\x1e"
                                    R"(42/orders,["hi"])"
                                    "\x1e"
                                    R"(42/orders,["again"])");
        QTRY_VERIFY(!m);
        QTRY_VERIFY(!s);
        QTest::qWait(30);
    }
}

QTEST_GUILESS_MAIN(tst_ClientPollingTransport)
#include "tst_clientpollingtransport.moc"
