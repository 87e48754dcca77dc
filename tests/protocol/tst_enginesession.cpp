// The Engine.IO session state machine, client and server roles, over in-memory transports.
#include "enginesession.h"
#include "enginetransport.h"
#include "loopbacktransport.h"

#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {

struct Pair
{
    EngineSession *client = nullptr;
    EngineSession *server = nullptr;
    LoopbackTransport *clientSide = nullptr;
    LoopbackTransport *serverSide = nullptr;
};

Pair makePair(QObject *owner, int pingInterval = 100, int pingTimeout = 100,
              const QString &transport = QStringLiteral("websocket"))
{
    Pair p;
    p.client = new EngineSession(EngineSession::Role::Client, owner);
    p.server = new EngineSession(EngineSession::Role::Server, owner);
    p.clientSide = new LoopbackTransport(transport);
    p.serverSide = new LoopbackTransport(transport);
    LoopbackTransport::connectPair(p.clientSide, p.serverSide);
    p.clientSide->open();
    p.serverSide->open();
    p.client->openClient(p.clientSide);
    EngineHandshake h;
    h.sid = QStringLiteral("sid1");
    h.upgrades = transport == QLatin1String("polling") ? QStringList{QStringLiteral("websocket")}
                                                       : QStringList{};
    h.pingInterval = pingInterval;
    h.pingTimeout = pingTimeout;
    h.maxPayload = 1000;
    p.server->openServer(h, p.serverSide);
    return p;
}

// An upgrade candidate: a connected websocket pair, both ends open (client end first).
std::pair<LoopbackTransport *, LoopbackTransport *> openWebSocketPair()
{
    auto *client = new LoopbackTransport(QStringLiteral("websocket"));
    auto *server = new LoopbackTransport(QStringLiteral("websocket"));
    LoopbackTransport::connectPair(client, server);
    server->open();
    client->open();
    return {client, server};
}

// What an EngineSession::Observer was told, in order.
struct RecordingObserver final : EngineSession::Observer
{
    QStringList calls;
    void sessionMessage(const EnginePacket &packet) override
    {
        calls << QStringLiteral("message:") + QString::fromUtf8(packet.data);
    }
    void sessionUpgraded() override { calls << QStringLiteral("upgraded"); }
    void sessionClosed(const QString &reason, const QString &) override
    {
        calls << QStringLiteral("closed:") + reason;
    }
};

} // namespace

class tst_EngineSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshake();
    void messagesBothWays();
    void bufferedBeforeOpen();
    void heartbeatKeepsAlive();
    void clientDetectsSilentServer();
    void serverDropsSilentClient();
    void clientPingIsAnError();
    void closeFlushesFirst();
    void peerCloseReported();
    void upgrade();
    void upgradeProbeRefused();
    void serverUpgradeTimeout();
    void repeatedProbeDiscardsTheCandidate();
    void badHandshakeIsParseError();
    void destroyInAnyState();
    void observerAndCloseHandlerCalledDirectly();
};

void tst_EngineSession::handshake()
{
    Pair p = makePair(this);
    QSignalSpy opened(p.client, &EngineSession::opened);
    QVERIFY(opened.wait(1000));
    QCOMPARE(p.client->state(), EngineSession::State::Open);
    QCOMPARE(p.client->sid(), QStringLiteral("sid1"));
    QCOMPARE(p.client->handshake().pingInterval, 100);
    QCOMPARE(p.client->handshake().maxPayload, 1000);
    QCOMPARE(p.serverSide->sentPackets().first().type, EnginePacket::Type::Open);
}

void tst_EngineSession::messagesBothWays()
{
    Pair p = makePair(this, 5000, 5000);
    QSignalSpy atServer(p.server, &EngineSession::messageReceived);
    QSignalSpy atClient(p.client, &EngineSession::messageReceived);
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    p.client->send(EnginePacket::message("hello"));
    p.client->send(EnginePacket::binaryMessage(QByteArray("\x00\x01", 2)));
    p.server->send(EnginePacket::message("world"));
    QTRY_COMPARE(atServer.size(), 2);
    QTRY_COMPARE(atClient.size(), 1);
    QCOMPARE(atServer[0][0].value<EnginePacket>().data, QByteArray("hello"));
    QVERIFY(atServer[1][0].value<EnginePacket>().binary);
    QCOMPARE(atClient[0][0].value<EnginePacket>().data, QByteArray("world"));
}

void tst_EngineSession::bufferedBeforeOpen()
{
    // A client message sent before the open packet goes out after it, not before.
    auto *client = new EngineSession(EngineSession::Role::Client, this);
    auto *server = new EngineSession(EngineSession::Role::Server, this);
    auto *c = new LoopbackTransport;
    auto *s = new LoopbackTransport;
    LoopbackTransport::connectPair(c, s);
    c->open();
    s->open();
    client->openClient(c);
    client->send(EnginePacket::message("early"));
    QVERIFY(c->sentPackets().isEmpty());
    QSignalSpy atServer(server, &EngineSession::messageReceived);
    EngineHandshake h;
    h.sid = "x";
    server->openServer(h, s);
    QTRY_COMPARE(atServer.size(), 1);
    QCOMPARE(atServer[0][0].value<EnginePacket>().data, QByteArray("early"));
}

void tst_EngineSession::heartbeatKeepsAlive()
{
    Pair p = makePair(this, 50, 50);
    QSignalSpy clientBeats(p.client, &EngineSession::heartbeat);
    QSignalSpy serverBeats(p.server, &EngineSession::heartbeat);
    QSignalSpy closed(p.client, &EngineSession::closed);
    QTRY_VERIFY_WITH_TIMEOUT(serverBeats.size() >= 4, 2000);
    QVERIFY(clientBeats.size() >= 4);
    QCOMPARE(closed.size(), 0);
    QCOMPARE(p.client->state(), EngineSession::State::Open);
}

void tst_EngineSession::clientDetectsSilentServer()
{
    Pair p = makePair(this, 50, 50);
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    // The server goes silent without closing anything: the client must notice by itself.
    p.server->blockSignals(true);
    delete p.server;
    QSignalSpy closed(p.client, &EngineSession::closed);
    QVERIFY(closed.wait(1000));
    QCOMPARE(closed[0][0].toString(), QStringLiteral("ping timeout"));
}

void tst_EngineSession::serverDropsSilentClient()
{
    Pair p = makePair(this, 50, 50);
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    // A client that stops answering pings (its link holds everything) is dropped. Both ways: the
    // client's own heartbeat gives up at the same moment, and its close must not be what the
    // server sees (under load that close came first and read "transport close").
    LoopbackTransport::partition(p.clientSide, p.serverSide);
    QSignalSpy closed(p.server, &EngineSession::closed);
    QVERIFY(closed.wait(1000));
    QCOMPARE(closed[0][0].toString(), QStringLiteral("ping timeout"));
}

void tst_EngineSession::clientPingIsAnError()
{
    Pair p = makePair(this, 5000, 5000);
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    QSignalSpy closed(p.server, &EngineSession::closed);
    p.clientSide->send({EnginePacket::text(EnginePacket::Type::Ping)});
    QVERIFY(closed.wait(1000));
    QCOMPARE(closed[0][0].toString(), QStringLiteral("transport error"));
}

void tst_EngineSession::closeFlushesFirst()
{
    Pair p = makePair(this, 5000, 5000);
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    QSignalSpy atServer(p.server, &EngineSession::messageReceived);
    QSignalSpy serverClosed(p.server, &EngineSession::closed);
    p.clientSide->setBlocked(true);
    p.client->send(EnginePacket::message("last words"));
    p.client->close();
    QCOMPARE(p.client->state(), EngineSession::State::Closing);
    p.clientSide->setBlocked(false);
    QTRY_COMPARE(atServer.size(), 1);
    QTRY_COMPARE(serverClosed.size(), 1);
    QCOMPARE(p.client->state(), EngineSession::State::Closed);
}

void tst_EngineSession::peerCloseReported()
{
    Pair p = makePair(this, 5000, 5000);
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    QSignalSpy closed(p.client, &EngineSession::closed);
    p.server->close();
    QVERIFY(closed.wait(1000));
    QCOMPARE(closed[0][0].toString(), QStringLiteral("transport close"));
}

void tst_EngineSession::upgrade()
{
    Pair p = makePair(this, 5000, 5000, QStringLiteral("polling"));
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    QCOMPARE(p.client->handshake().upgrades, QStringList{"websocket"});

    auto *cws = new LoopbackTransport(QStringLiteral("websocket"));
    auto *sws = new LoopbackTransport(QStringLiteral("websocket"));
    LoopbackTransport::connectPair(cws, sws);
    QSignalSpy clientUpgraded(p.client, &EngineSession::upgraded);
    QSignalSpy serverUpgraded(p.server, &EngineSession::upgraded);
    QVERIFY(p.server->probe(sws));
    QVERIFY(p.client->probe(cws));
    sws->open();
    cws->open();
    // Messages sent while upgrading are held and arrive once, on the new transport.
    p.client->send(EnginePacket::message("during"));
    QTRY_COMPARE(clientUpgraded.size(), 1);
    QTRY_COMPARE(serverUpgraded.size(), 1);
    QCOMPARE(p.client->transportName(), QStringLiteral("websocket"));
    QCOMPARE(p.server->transportName(), QStringLiteral("websocket"));
    QSignalSpy atServer(p.server, &EngineSession::messageReceived);
    p.client->send(EnginePacket::message("after"));
    QTRY_VERIFY(atServer.size() >= 1);
    QList<QByteArray> got;
    for (const auto &args : atServer)
        got << args[0].value<EnginePacket>().data;
    QVERIFY(got.contains("after"));
    const QList<EnginePacket> sentOnWs = cws->sentPackets();
    QCOMPARE(sentOnWs[0], EnginePacket::text(EnginePacket::Type::Ping, "probe"));
    QCOMPARE(sentOnWs[1].type, EnginePacket::Type::Upgrade);
}

void tst_EngineSession::upgradeProbeRefused()
{
    Pair p = makePair(this, 5000, 5000, QStringLiteral("websocket"));
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    // Upgrading websocket to websocket is refused, and the candidate is disposed of.
    QPointer<LoopbackTransport> candidate = new LoopbackTransport(QStringLiteral("websocket"));
    QVERIFY(!p.server->probe(candidate));
    QTRY_VERIFY(candidate.isNull());
}

void tst_EngineSession::serverUpgradeTimeout()
{
    Pair p = makePair(this, 5000, 5000, QStringLiteral("polling"));
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    p.server->setUpgradeTimeout(50);
    const auto [cws, sws] = openWebSocketPair();
    QSignalSpy failed(p.server, &EngineSession::upgradeFailed);
    QVERIFY(p.server->probe(sws));
    cws->send({EnginePacket::text(EnginePacket::Type::Ping,
                                  "probe")}); // probe, but never the upgrade packet
    QVERIFY(failed.wait(1000));
    QCOMPARE(failed[0][1].toString(), QStringLiteral("upgrade timeout"));
    QCOMPARE(p.server->state(), EngineSession::State::Open);
    QCOMPARE(p.server->transportName(), QStringLiteral("polling"));
}

void tst_EngineSession::repeatedProbeDiscardsTheCandidate()
{
    Pair p = makePair(this, 5000, 5000, QStringLiteral("polling"));
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    const auto [cws, sws] = openWebSocketPair();
    QSignalSpy failed(p.server, &EngineSession::upgradeFailed);
    QVERIFY(p.server->probe(sws));
    // One probe is answered; a peer that repeats it (and might never read the answers) loses
    // the candidate instead of getting a pong queued for each.
    QSignalSpy atClient(cws, &EngineTransport::packetReceived);
    cws->send({EnginePacket::text(EnginePacket::Type::Ping, "probe")});
    QTRY_COMPARE(atClient.size(), 1);
    QCOMPARE(atClient[0][0].value<EnginePacket>(),
             EnginePacket::text(EnginePacket::Type::Pong, "probe"));
    cws->send({EnginePacket::text(EnginePacket::Type::Ping, "probe")});
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed[0][1].toString(), QStringLiteral("unexpected packet during upgrade"));
    QCOMPARE(atClient.size(), 1);
    QCOMPARE(p.server->state(), EngineSession::State::Open);
    QCOMPARE(p.server->transportName(), QStringLiteral("polling"));
}

void tst_EngineSession::badHandshakeIsParseError()
{
    auto *client = new EngineSession(EngineSession::Role::Client, this);
    auto *c = new LoopbackTransport;
    auto *s = new LoopbackTransport;
    LoopbackTransport::connectPair(c, s);
    c->open();
    s->open();
    client->openClient(c);
    QSignalSpy closed(client, &EngineSession::closed);
    s->send({EnginePacket::text(EnginePacket::Type::Open, "{not json")});
    QVERIFY(closed.wait(1000));
    QCOMPARE(closed[0][0].toString(), QStringLiteral("parse error"));
}

void tst_EngineSession::destroyInAnyState()
{
    for (int step = 0; step < 4; ++step) {
        Pair p = makePair(this, 20, 20, QStringLiteral("polling"));
        if (step >= 1)
            QTest::qWait(5);
        if (step >= 2)
            p.client->send(EnginePacket::message("x"));
        if (step >= 3) {
            auto *cws = new LoopbackTransport(QStringLiteral("websocket"));
            auto *sws = new LoopbackTransport(QStringLiteral("websocket"));
            LoopbackTransport::connectPair(cws, sws);
            p.server->probe(sws);
            p.client->probe(cws);
            cws->open();
        }
        delete p.client;
        QTest::qWait(30);
        delete p.server;
        QTest::qWait(5);
    }
}

QTEST_MAIN(tst_EngineSession)
void tst_EngineSession::observerAndCloseHandlerCalledDirectly()
{
    // A server keeps one session per client and takes what it says by direct call: the
    // observer and the close handler see what the signals say, before them, and the signals
    // are still emitted for anyone else.
    Pair p = makePair(this, 5000, 5000);
    RecordingObserver observer;
    p.server->setObserver(&observer);
    static QStringList handled;
    handled.clear();
    p.server->setCloseHandler(
        [](QObject *context, EngineSession *session, const QString &reason) {
            handled
                << QStringLiteral("%1:%2:%3").arg(context->objectName(), session->sid(), reason);
        },
        this);
    setObjectName(QStringLiteral("owner"));
    QSignalSpy messages(p.server, &EngineSession::messageReceived);
    QSignalSpy closed(p.server, &EngineSession::closed);
    QVERIFY(QSignalSpy(p.client, &EngineSession::opened).wait(1000));
    p.client->send(EnginePacket::message("hello"));
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(observer.calls, QStringList{QStringLiteral("message:hello")});
    p.server->abort(QStringLiteral("transport error"));
    QCOMPARE(closed.size(), 1);
    QCOMPARE(observer.calls.last(), QStringLiteral("closed:transport error"));
    QCOMPARE(handled, QStringList{QStringLiteral("owner:sid1:transport error")});
    // Told once: the observer is dropped when the session closes.
    QCOMPARE(p.server->observer(), nullptr);
}

#include "tst_enginesession.moc"
