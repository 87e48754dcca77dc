// The Socket.IO server in process, driven by raw websocket peers so every check is a wire string:
// rooms (union, except, each socket once), middleware (refusal with data, async), acks both ways
// with timeouts, binary (attachments only from admitted clients), disconnect reasons, connection
// state recovery, back-pressure on a slow reader (websocket and polling), floods, the handshake
// seen by upper layers, operator stats, and the in-memory adapter's cluster operations on one
// node (server count, remote-style join/leave/disconnect, fetchSockets, allRooms, serverSideEmit,
// broadcasts with acks), and broadcasts gathered within one event-loop pass (order, membership).
#include "engineserver.h"
#include "enginesession.h"
#include "sioadapter.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "siorecoverylog.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "testpeers.h"
#include "webserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTimer>

#include <ctime>

using namespace TableTap;
using namespace TestPeers;

namespace {

struct Hub
{
    explicit Hub(SioServer::Options sio = {}, int pingInterval = 5000, int pingTimeout = 5000)
    {
        EngineServer::Options eio;
        eio.pingInterval = pingInterval;
        eio.pingTimeout = pingTimeout;
        web = std::make_unique<WebServer>();
        engine = std::make_unique<EngineServer>(eio);
        io = std::make_unique<SioServer>(engine.get(), sio);
        web->mount(engine.get());
        QObject::connect(io->of("/"), &SioNamespace::connection, io.get(),
                         [this](SioServerSocket *s) {
                             const QString name = s->handshake().auth.value("name").toString();
                             sockets.insert(name, s);
                         });
    }
    bool listen() { return web->listen(QHostAddress::LocalHost, 0); }
    QString url(const QString &query = {}) const
    {
        return QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket%2")
            .arg(web->serverPort())
            .arg(query);
    }
    // Opens a peer and joins "/" with auth {"name": name}; returns the CONNECT reply.
    QByteArray join(WsPeer &peer, const QString &name, const QByteArray &nsp = {})
    {
        if (!peer.open(url()) || !peer.nextText().startsWith('0'))
            return {};
        const QByteArray prefix = nsp.isEmpty() ? QByteArray() : nsp + ",";
        peer.sendText("40" + prefix + R"({"name":")" + name.toUtf8() + "\"}");
        return peer.nextNonPing();
    }
    std::unique_ptr<WebServer> web;
    std::unique_ptr<EngineServer> engine;
    std::unique_ptr<SioServer> io;
    QHash<QString, QPointer<SioServerSocket>> sockets;
};

// Reads frames until `marker` arrives; returns the text frames before it.
QList<QByteArray> until(WsPeer &peer, const QByteArray &marker)
{
    QList<QByteArray> seen;
    for (int i = 0; i < 100; ++i) {
        const QByteArray f = peer.nextNonPing(3000);
        if (f == "<none>" || f == marker)
            break;
        seen.append(f);
    }
    return seen;
}

// Sets this thread's fan-out slice for one test and puts the default back afterwards.
struct FanoutSlice
{
    FanoutSlice(int recipients, int micros)
        : m_recipients(SioAdapter::fanoutSliceRecipients())
        , m_micros(SioAdapter::fanoutSliceMicros())
    {
        SioAdapter::setFanoutSlice(recipients, micros);
    }
    ~FanoutSlice() { SioAdapter::setFanoutSlice(m_recipients, m_micros); }
    int m_recipients;
    int m_micros;
};

} // namespace

class tst_SioServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roomsUnionExceptEachOnce();
    void socketBroadcastExcludesSender();
    void gatheredBroadcastsKeepOrderAndMembership_data();
    void gatheredBroadcastsKeepOrderAndMembership();
    void slicedFanoutKeepsOrderAndMembership();
    void ackServedBetweenSlices();
    void reservedNamesRefused();
    void middlewareRefusalWithData();
    void asyncMiddleware();
    void middlewarePendingWhenClientLeaves();
    void serverAckAndTimeout();
    void binaryFromServer();
    void disconnectReasons();
    void pingTimeoutReason();
    void disconnectWithClose();
    void recoveryReplaysMissedEventsBeforeConnect();
    void recoveryRefusedForUnknownOffset();
    void recoveryThroughMiddlewareSendsNothingWhenRefused();
    void recoveryWindowIsOnTheMonotonicClock();
    void handshakeExposed();
    void slowReaderIsDropped();
    void pollingReaderThatStallsIsDropped();
    void attachmentsOnlyAfterJoining();
    void floodLeavesServerResponsive();
    void stats();
    void adapterOperationsOnOneNode();
};

void tst_SioServer::roomsUnionExceptEachOnce()
{
    Hub hub;
    QVERIFY(hub.listen());
    WsPeer a, b, c;
    QVERIFY(hub.join(a, "a").startsWith("40{"));
    QVERIFY(hub.join(b, "b").startsWith("40{"));
    QVERIFY(hub.join(c, "c").startsWith("40{"));
    QTRY_COMPARE(hub.sockets.size(), 3);
    hub.sockets["a"]->join(QStringList{"r1", "r2"});
    hub.sockets["b"]->join("r2");
    hub.sockets["c"]->join(QStringList{"r2", "r3"});
    SioNamespace *root = hub.io->of("/");
    QCOMPARE(root->to(QStringList{"r1", "r2"}).except("r3").emitEvent("x", {1}), 2);
    QCOMPARE(root->to("r2").except(hub.sockets["b"]->id()).emitEvent("y"), 2);
    QCOMPARE(root->to(hub.sockets["c"]->id()).emitEvent("z"), 1); // a socket's own room
    root->emitEvent("end");
    QCOMPARE(until(a, R"(42["end"])"), (QList<QByteArray>{R"(42["x",1])", R"(42["y"])"}));
    QCOMPARE(until(b, R"(42["end"])"), (QList<QByteArray>{R"(42["x",1])"}));
    QCOMPARE(until(c, R"(42["end"])"), (QList<QByteArray>{R"(42["y"])", R"(42["z"])"}));
    hub.sockets["c"]->leave("r2");
    QCOMPARE(root->to("r2").emitEvent("w"), 2);
    QCOMPARE(root->roomSizes().value("r2"), 2);
}

void tst_SioServer::socketBroadcastExcludesSender()
{
    Hub hub;
    QVERIFY(hub.listen());
    WsPeer a, b;
    hub.join(a, "a");
    hub.join(b, "b");
    QTRY_COMPARE(hub.sockets.size(), 2);
    QCOMPARE(hub.sockets["a"]->broadcast().emitEvent("hi"), 1);
    QCOMPARE(b.nextNonPing(), QByteArray(R"(42["hi"])"));
    hub.io->of("/")->emitEvent("end");
    QCOMPARE(a.nextNonPing(), QByteArray(R"(42["end"])"));
}

void tst_SioServer::gatheredBroadcastsKeepOrderAndMembership_data()
{
    QTest::addColumn<int>("slice");
    QTest::newRow("one pass") << 0;
    // Fan-outs of more than two recipients go out over several passes, and every change below
    // finds one unfinished.
    QTest::newRow("slices of 2") << 2;
}

void tst_SioServer::gatheredBroadcastsKeepOrderAndMembership()
{
    // Everything below runs in one event-loop pass, where broadcasts to one target are gathered
    // and delivered together: the wire must look as if each had gone out on its own.
    QFETCH(int, slice);
    const FanoutSlice sliced(slice, 0);
    Hub hub;
    QVERIFY(hub.listen());
    WsPeer a, b, c, d, e;
    QVERIFY(hub.join(a, "a").startsWith("40{"));
    QVERIFY(hub.join(b, "b").startsWith("40{"));
    QVERIFY(hub.join(c, "c").startsWith("40{"));
    QVERIFY(hub.join(d, "d").startsWith("40{"));
    QVERIFY(hub.join(e, "e").startsWith("40{"));
    QTRY_COMPARE(hub.sockets.size(), 5);
    hub.sockets["a"]->join("r");
    hub.sockets["c"]->join("r");
    hub.sockets["d"]->join("r");
    SioNamespace *root = hub.io->of("/");
    QCOMPARE(root->to("r").emitEvent("g1", {1}), 3);
    QCOMPARE(root->to("r").emitEvent("g2", {2}), 3);
    // A write to one recipient between them: after g1 and g2, before g3.
    QVERIFY(hub.sockets["a"]->emitEvent("direct"));
    QCOMPARE(root->to("r").emitEvent("g3"), 3);
    // Another target in between: its order against the gathered ones is kept too.
    QCOMPARE(root->to("r").except(hub.sockets["d"]->id()).emitEvent("notd"), 2);
    // A socket joining gets nothing gathered before it, everything after.
    hub.sockets["b"]->join("r");
    QCOMPARE(root->to("r").emitEvent("g4"), 4);
    QCOMPARE(root->to("r").emitEvent("g5"), 4);
    // A socket leaving gets what was gathered while it was a member, nothing after.
    hub.sockets["a"]->leave("r");
    QCOMPARE(root->to("r").emitEvent("g6"), 3);
    // A socket disconnected with gathered broadcasts pending: the others still get them.
    QCOMPARE(root->to("r").emitEvent("g7"), 3);
    hub.sockets["c"]->disconnect(true);
    QCOMPARE(root->to("r").emitEvent("g8"), 2);
    // A connection the server closes gets what was gathered for it before the close.
    hub.sockets["e"]->join("q");
    QCOMPARE(root->to("q").emitEvent("h1"), 1);
    QCOMPARE(root->to("q").emitEvent("h2"), 1);
    hub.sockets["e"]->client()->close();
    root->emitEvent("end");
    QCOMPARE(until(a, R"(42["end"])"),
             (QList<QByteArray>{R"(42["g1",1])", R"(42["g2",2])", R"(42["direct"])", R"(42["g3"])",
                                R"(42["notd"])", R"(42["g4"])", R"(42["g5"])"}));
    QCOMPARE(until(b, R"(42["end"])"),
             (QList<QByteArray>{R"(42["g4"])", R"(42["g5"])", R"(42["g6"])", R"(42["g7"])",
                                R"(42["g8"])"}));
    // Its DISCONNECT comes after what was gathered for it.
    QCOMPARE(until(c, "41"),
             (QList<QByteArray>{R"(42["g1",1])", R"(42["g2",2])", R"(42["g3"])", R"(42["notd"])",
                                R"(42["g4"])", R"(42["g5"])", R"(42["g6"])", R"(42["g7"])"}));
    const QList<QByteArray> toE = until(e, "<none>");
    QVERIFY2(toE.size() >= 2, toE.join(' ').constData());
    QCOMPARE(toE.mid(0, 2), (QList<QByteArray>{R"(42["h1"])", R"(42["h2"])"}));
    QVERIFY(!toE.contains(R"(42["end"])"));
    QCOMPARE(until(d, R"(42["end"])"),
             (QList<QByteArray>{R"(42["g1",1])", R"(42["g2",2])", R"(42["g3"])", R"(42["g4"])",
                                R"(42["g5"])", R"(42["g6"])", R"(42["g7"])", R"(42["g8"])"}));
}

void tst_SioServer::slicedFanoutKeepsOrderAndMembership()
{
    // Fan-outs written two recipients per event-loop pass; between passes the test writes to
    // clients still waiting, moves them between rooms and closes them.
    const FanoutSlice sliced(2, 0);
    Hub hub;
    QVERIFY(hub.listen());
    constexpr int kClients = 12;
    std::vector<std::unique_ptr<WsPeer>> peers;
    for (int i = 0; i < kClients; ++i) {
        peers.push_back(std::make_unique<WsPeer>());
        QVERIFY(hub.join(*peers.back(), QString("c%1").arg(i)).startsWith("40{"));
    }
    QTRY_COMPARE(hub.sockets.size(), kClients);
    for (int i = 0; i < 10; ++i)
        hub.sockets[QString("c%1").arg(i)]->join("r");
    SioNamespace *root = hub.io->of("/");
    QCOMPARE(root->to("r").emitEvent("b1"), 10);
    // One pass: the gathering is delivered, its first slice written, the rest left for later.
    QCoreApplication::processEvents();
    const int waiting = SioAdapter::pendingFanoutRecipients();
    QVERIFY2(waiting > 0 && waiting <= 8, QByteArray::number(waiting));
    // Meanwhile: a direct write to five members, two leave, an outsider joins, one is
    // disconnected by the server, and a second broadcast follows.
    for (int i = 0; i < 5; ++i)
        QVERIFY(hub.sockets[QString("c%1").arg(i)]->emitEvent("d"));
    hub.sockets["c5"]->leave("r");
    hub.sockets["c6"]->leave("r");
    hub.sockets["c10"]->join("r");
    hub.sockets["c7"]->disconnect(true);
    QCOMPARE(root->to("r").emitEvent("b2"), 8);
    root->emitEvent("end");
    const QList<QByteArray> b1d{R"(42["b1"])", R"(42["d"])", R"(42["b2"])"};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(until(*peers[size_t(i)], R"(42["end"])"), b1d);
    QCOMPARE(until(*peers[5], R"(42["end"])"), (QList<QByteArray>{R"(42["b1"])"}));
    QCOMPARE(until(*peers[6], R"(42["end"])"), (QList<QByteArray>{R"(42["b1"])"}));
    QCOMPARE(until(*peers[7], "41"), (QList<QByteArray>{R"(42["b1"])"}));
    QCOMPARE(until(*peers[8], R"(42["end"])"), (QList<QByteArray>{R"(42["b1"])", R"(42["b2"])"}));
    QCOMPARE(until(*peers[9], R"(42["end"])"), (QList<QByteArray>{R"(42["b1"])", R"(42["b2"])"}));
    QCOMPARE(until(*peers[10], R"(42["end"])"), (QList<QByteArray>{R"(42["b2"])"}));
    QCOMPARE(until(*peers[11], R"(42["end"])"), QList<QByteArray>{});
    QCOMPARE(SioAdapter::pendingFanoutRecipients(), 0);

    // A client whose connection ends mid-fan-out gets nothing more; the others get everything.
    QCOMPARE(root->emitEvent("b3"), kClients - 1);
    QCoreApplication::processEvents();
    const int before = SioAdapter::pendingFanoutRecipients();
    QVERIFY(before > 0);
    int victim = -1;
    for (int i = 0; i < kClients && victim < 0; ++i) {
        const QPointer<SioServerSocket> s = hub.sockets.value(QString("c%1").arg(i));
        if (s && s->client() && SioAdapter::isOwedFanout(s->client()))
            victim = i;
    }
    QVERIFY(victim >= 0);
    hub.sockets[QString("c%1").arg(victim)]->client()->session()->abort("transport close",
                                                                        "ended by the test");
    QCOMPARE(SioAdapter::pendingFanoutRecipients(), before - 1);
    for (int i = 0; i < kClients; ++i) {
        if (i != 7 && i != victim)
            QCOMPARE(peers[size_t(i)]->nextNonPing(), QByteArray(R"(42["b3"])"));
    }
    QCOMPARE(peers[size_t(victim)]->nextNonPing(1000), QByteArray("<none>"));
    QTRY_COMPARE(root->socketCount(), kClients - 2);
    QCOMPARE(SioAdapter::pendingFanoutRecipients(), 0);
}

void tst_SioServer::ackServedBetweenSlices()
{
    // An ack requested while a fan-out to thirty clients is written two per pass goes out
    // before the fan-out's later slices: on the wire it reaches its client before most of the
    // other clients have the broadcast, and after the broadcast on its own connection.
    const FanoutSlice sliced(2, 0);
    Hub hub;
    QVERIFY(hub.listen());
    constexpr int kClients = 30;
    std::vector<std::unique_ptr<WsPeer>> peers;
    QList<QPair<int, QByteArray>> arrivals; // every client's frames in the order they came in
    for (int i = 0; i < kClients; ++i) {
        peers.push_back(std::make_unique<WsPeer>());
        QVERIFY(hub.join(*peers.back(), QString("c%1").arg(i)).startsWith("40{"));
        QObject::connect(&peers.back()->socket(), &QWebSocket::textMessageReceived,
                         &peers.back()->socket(), [&arrivals, i](const QString &m) {
                             arrivals.append({i, m.toUtf8()});
                         });
    }
    QTRY_COMPARE(hub.sockets.size(), kClients);
    int pendingAtAck = -1;
    for (const QPointer<SioServerSocket> &s : std::as_const(hub.sockets)) {
        s->on("echo", [&pendingAtAck](const QJsonArray &args, const QList<QByteArray> &,
                                      const SioServerSocket::Ack &ack) {
            pendingAtAck = SioAdapter::pendingFanoutRecipients();
            ack(args, {});
        });
    }
    // The request is in the server's socket before the broadcast is made; it is read in the
    // pass that writes the fan-out's first slice.
    WsPeer &asker = *peers[17];
    asker.sendText(R"(427["echo","x"])");
    QVERIFY(asker.socket().flush());
    QCOMPARE(hub.io->of("/")->emitEvent("b"), kClients);
    QCOMPARE(asker.nextNonPing(), QByteArray(R"(42["b"])"));
    QCOMPARE(asker.nextNonPing(), QByteArray(R"(437["x"])"));
    QVERIFY2(pendingAtAck > 0, QByteArray::number(pendingAtAck));
    for (int i = 0; i < kClients; ++i) {
        if (i != 17)
            QCOMPARE(peers[size_t(i)]->nextNonPing(), QByteArray(R"(42["b"])"));
    }
    qsizetype ackAt = -1;
    int broadcastsAfterAck = 0;
    int broadcasts = 0;
    for (qsizetype k = 0; k < arrivals.size(); ++k) {
        if (arrivals[k].second == R"(437["x"])")
            ackAt = k;
        else if (arrivals[k].second == R"(42["b"])") {
            ++broadcasts;
            if (ackAt >= 0)
                ++broadcastsAfterAck;
        }
    }
    QCOMPARE(broadcasts, kClients);
    QVERIFY(ackAt >= 0);
    QVERIFY2(broadcastsAfterAck > 0, QByteArray::number(broadcastsAfterAck));
}

void tst_SioServer::reservedNamesRefused()
{
    Hub hub;
    QVERIFY(hub.listen());
    WsPeer a;
    hub.join(a, "a");
    QTRY_COMPARE(hub.sockets.size(), 1);
    QVERIFY(!hub.sockets["a"]->emitEvent("connect"));
    QVERIFY(!hub.sockets["a"]->emitEvent("disconnecting"));
    QCOMPARE(hub.io->of("/")->emitEvent("newListener"), 0);
    QVERIFY(hub.sockets["a"]->emitEvent("fine"));
    QCOMPARE(a.nextNonPing(), QByteArray(R"(42["fine"])"));
}

void tst_SioServer::middlewareRefusalWithData()
{
    Hub hub;
    hub.io->of("/orders")->use([](SioServerSocket *s, const SioNamespace::Next &next) {
        if (s->handshake().auth.value("token").toString() == "good")
            next();
        else
            next("Authentication error", QJsonObject{{"reason", "bad token"}});
    });
    QVERIFY(hub.listen());
    WsPeer peer;
    QVERIFY(peer.open(hub.url()));
    peer.nextText();
    peer.sendText(R"(40/orders,{"token":"bad"})");
    const QByteArray refused = peer.nextNonPing();
    QVERIFY2(refused.startsWith("44/orders,"), refused);
    const QJsonObject o = QJsonDocument::fromJson(refused.mid(10)).object();
    QCOMPARE(o.value("message").toString(), "Authentication error");
    QCOMPARE(o.value("data").toObject().value("reason").toString(), "bad token");
    // The connection stays usable: try again with a good token.
    peer.sendText(R"(40/orders,{"token":"good"})");
    QVERIFY(peer.nextNonPing().startsWith("40/orders,{\"sid\""));
    QCOMPARE(hub.io->of("/orders")->socketCount(), 1);
}

void tst_SioServer::asyncMiddleware()
{
    Hub hub;
    QStringList order;
    SioNamespace *nsp = hub.io->of("/slow");
    nsp->use([&order](SioServerSocket *, const SioNamespace::Next &next) {
        order << "first";
        QTimer::singleShot(100, [next] { next(); });
    });
    nsp->use([&order](SioServerSocket *, const SioNamespace::Next &next) {
        order << "second";
        next();
        next("ignored"); // a second call does nothing
    });
    QObject::connect(nsp, &SioNamespace::connection, nsp, [&order](SioServerSocket *s) {
        order << "connection";
        s->emitEvent("welcome");
    });
    QVERIFY(hub.listen());
    WsPeer peer;
    QVERIFY(peer.open(hub.url()));
    peer.nextText();
    peer.sendText("40/slow,");
    QVERIFY(peer.nextNonPing().startsWith("40/slow,{\"sid\""));
    QCOMPARE(peer.nextNonPing(), QByteArray(R"(42/slow,["welcome"])"));
    QCOMPARE(order, (QStringList{"first", "second", "connection"}));
}

void tst_SioServer::middlewarePendingWhenClientLeaves()
{
    Hub hub;
    SioNamespace::Next kept;
    bool haveNext = false;
    SioNamespace *nsp = hub.io->of("/held");
    nsp->use([&](SioServerSocket *, const SioNamespace::Next &next) {
        kept = next;
        haveNext = true;
    });
    int connections = 0;
    QObject::connect(nsp, &SioNamespace::connection, nsp,
                     [&](SioServerSocket *) { ++connections; });
    QVERIFY(hub.listen());
    {
        WsPeer peer;
        QVERIFY(peer.open(hub.url()));
        peer.nextText();
        peer.sendText("40/held,");
        QTRY_VERIFY(haveNext);
        peer.socket().abort();
    }
    QTRY_COMPARE(hub.io->clientCount(), 0);
    kept(); // too late: must be harmless
    QTest::qWait(20);
    QCOMPARE(connections, 0);
    QCOMPARE(nsp->socketCount(), 0);
}

void tst_SioServer::serverAckAndTimeout()
{
    Hub hub;
    QVERIFY(hub.listen());
    WsPeer a;
    hub.join(a, "a");
    QTRY_COMPARE(hub.sockets.size(), 1);
    SioServerSocket::AckReply reply;
    bool called = false;
    QVERIFY(hub.sockets["a"]->emitWithAck(
        "question", {42},
        [&](const SioServerSocket::AckReply &r) {
            reply = r;
            called = true;
        },
        2000));
    QCOMPARE(a.nextNonPing(), QByteArray(R"(420["question",42])"));
    a.sendText(R"(430["answer",{"x":1}])");
    QTRY_VERIFY(called);
    QVERIFY(reply.ok());
    QCOMPARE(reply.args, (QJsonArray{"answer", QJsonObject{{"x", 1}}}));

    called = false;
    QVERIFY(hub.sockets["a"]->emitWithAck(
        "ignored", {},
        [&](const SioServerSocket::AckReply &r) {
            reply = r;
            called = true;
        },
        100));
    QCOMPARE(a.nextNonPing(), QByteArray(R"(421["ignored"])"));
    QTRY_VERIFY_WITH_TIMEOUT(called, 2000);
    QCOMPARE(reply.error, QStringLiteral("operation has timed out"));
    // A late ack for a timed-out id matches nothing and does no harm.
    a.sendText(R"(431[])");
    hub.sockets["a"]->emitEvent("still");
    QCOMPARE(a.nextNonPing(), QByteArray(R"(42["still"])"));
}

void tst_SioServer::binaryFromServer()
{
    Hub hub;
    QVERIFY(hub.listen());
    WsPeer a;
    hub.join(a, "a");
    QTRY_COMPARE(hub.sockets.size(), 1);
    hub.sockets["a"]->emitEvent("file", {QJsonObject{{"_placeholder", true}, {"num", 0}}, "name"},
                                {QByteArray("\x00\xff", 2)});
    QCOMPARE(a.nextNonPing(), QByteArray(R"(451-["file",{"_placeholder":true,"num":0},"name"])"));
    auto bin = a.next();
    QVERIFY(bin && bin->binary);
    QCOMPARE(bin->data, QByteArray("\x00\xff", 2));
    // Binary from the client reaches the handler with its attachments.
    QList<QByteArray> got;
    hub.sockets["a"]->on("upload", [&](const QJsonArray &args, const QList<QByteArray> &att,
                                       const SioServerSocket::Ack &ack) {
        got = att;
        ack({"stored"}, {QByteArray("ok")});
        Q_UNUSED(args)
    });
    a.sendText(R"(452-7["upload",{"_placeholder":true,"num":1},{"_placeholder":true,"num":0}])");
    a.sendBinary("first");
    a.sendBinary("second");
    QCOMPARE(a.nextNonPing(), QByteArray(R"(461-7["stored"])"));
    auto ackBin = a.next();
    QVERIFY(ackBin && ackBin->binary && ackBin->data == "ok");
    QCOMPARE(got, (QList<QByteArray>{"first", "second"}));
}

void tst_SioServer::disconnectReasons()
{
    Hub hub;
    QVERIFY(hub.listen());
    QStringList reasons;
    QObject::connect(hub.io->of("/"), &SioNamespace::connection, hub.io.get(),
                     [&reasons](SioServerSocket *s) {
                         QObject::connect(s, &SioServerSocket::disconnected, s,
                                          [&reasons](const QString &r) { reasons << r; });
                     });
    WsPeer a;
    hub.join(a, "a");
    a.sendText("41");
    QTRY_COMPARE(reasons, QStringList{"client namespace disconnect"});
    hub.sockets.clear();
    a.sendText(R"(40{"name":"a2"})");
    QVERIFY(a.nextNonPing().startsWith("40{"));
    QTRY_VERIFY(hub.sockets.contains("a2"));
    hub.sockets["a2"]->disconnect();
    QCOMPARE(a.nextNonPing(), QByteArray("41"));
    QTRY_COMPARE(reasons.size(), 2);
    QCOMPARE(reasons.at(1), "server namespace disconnect");
    QVERIFY(!a.isClosed()); // only the namespace was left
    a.sendText(R"(40{"name":"a3"})");
    QVERIFY(a.nextNonPing().startsWith("40{"));
    a.socket().close();
    QTRY_COMPARE(reasons.size(), 3);
    QCOMPARE(reasons.at(2), "transport close");
}

void tst_SioServer::pingTimeoutReason()
{
    Hub hub({}, 100, 100);
    QVERIFY(hub.listen());
    QString reason;
    QObject::connect(hub.io->of("/"), &SioNamespace::connection, hub.io.get(),
                     [&reason](SioServerSocket *s) {
                         QObject::connect(s, &SioServerSocket::disconnected, s,
                                          [&reason](const QString &r) { reason = r; });
                     });
    WsPeer a;
    QVERIFY(a.open(hub.url()));
    a.nextText();
    a.sendText("40");
    // Never answer the pings.
    QTRY_COMPARE_WITH_TIMEOUT(reason, QStringLiteral("ping timeout"), 3000);
    QVERIFY(a.waitForClose());
}

void tst_SioServer::disconnectWithClose()
{
    Hub hub;
    hub.io->of("/other");
    QVERIFY(hub.listen());
    WsPeer a;
    hub.join(a, "a");
    a.sendText("40/other,");
    QVERIFY(a.nextNonPing().startsWith("40/other,"));
    QTRY_VERIFY(hub.sockets.contains("a"));
    hub.sockets["a"]->disconnect(true);
    QList<QByteArray> frames;
    for (int i = 0; i < 2; ++i)
        frames << a.nextNonPing();
    std::sort(frames.begin(), frames.end());
    QCOMPARE(frames, (QList<QByteArray>{"41", "41/other,"}));
    QVERIFY(a.waitForClose());
    QTRY_COMPARE(hub.io->clientCount(), 0);
}

void tst_SioServer::recoveryReplaysMissedEventsBeforeConnect()
{
    SioServer::Options o;
    o.connectionStateRecovery = true;
    Hub hub(o);
    QVERIFY(hub.listen());
    QByteArray pid, sid, offset;
    {
        WsPeer a;
        const QByteArray reply = hub.join(a, "a");
        const QJsonObject connect = QJsonDocument::fromJson(reply.mid(2)).object();
        pid = connect.value("pid").toString().toUtf8();
        sid = connect.value("sid").toString().toUtf8();
        QVERIFY(!pid.isEmpty() && !sid.isEmpty());
        QTRY_VERIFY(hub.sockets.contains("a"));
        hub.sockets["a"]->join("room");
        hub.sockets["a"]->data().insert("user", 7);
        hub.io->of("/")->to("room").emitEvent("before", {1});
        const QByteArray first = a.nextNonPing();
        // The offset is a trailing string argument.
        const QJsonArray args = QJsonDocument::fromJson(first.mid(2)).array();
        QCOMPARE(args.size(), 3);
        QCOMPARE(args.at(0).toString(), "before");
        offset = args.at(2).toString().toUtf8();
        QVERIFY(!offset.isEmpty());
        a.socket().abort(); // dropped, not a deliberate disconnect
    }
    QTRY_COMPARE(hub.io->of("/")->socketCount(), 0);
    hub.io->of("/")->to("room").emitEvent("missed1", {"x"});
    hub.io->of("/")->to("elsewhere").emitEvent("notMine");
    hub.io->of("/")->emitEvent("missed2");
    hub.sockets.clear();

    WsPeer b;
    QVERIFY(b.open(hub.url()));
    b.nextText();
    b.sendText(R"(40{"name":"a","pid":")" + pid + R"(","offset":")" + offset + "\"}");
    const QByteArray m1 = b.nextNonPing();
    const QByteArray m2 = b.nextNonPing();
    const QByteArray connect = b.nextNonPing();
    QVERIFY2(m1.startsWith(R"(42["missed1","x",")"), m1);
    QVERIFY2(m2.startsWith(R"(42["missed2",")"), m2);
    QVERIFY2(connect.startsWith("40{"), connect);
    const QJsonObject c = QJsonDocument::fromJson(connect.mid(2)).object();
    QCOMPARE(c.value("sid").toString().toUtf8(), sid);
    QCOMPARE(c.value("pid").toString().toUtf8(), pid);
    QTRY_VERIFY(hub.sockets.contains("a"));
    SioServerSocket *restored = hub.sockets["a"];
    QVERIFY(restored->isRecovered());
    QVERIFY(restored->isInRoom("room"));
    QCOMPARE(restored->data().value("user").toInt(), 7);
}

void tst_SioServer::recoveryRefusedForUnknownOffset()
{
    SioServer::Options o;
    o.connectionStateRecovery = true;
    Hub hub(o);
    QVERIFY(hub.listen());
    WsPeer b;
    QVERIFY(b.open(hub.url()));
    b.nextText();
    b.sendText(R"(40{"name":"n","pid":"nope","offset":"zz-1"})");
    const QByteArray connect = b.nextNonPing();
    QVERIFY(connect.startsWith("40{"));
    QTRY_VERIFY(hub.sockets.contains("n"));
    QVERIFY(!hub.sockets["n"]->isRecovered());
}

void tst_SioServer::recoveryThroughMiddlewareSendsNothingWhenRefused()
{
    SioServer::Options o;
    o.connectionStateRecovery = true;
    o.recoverySkipsMiddlewares = false;
    Hub hub(o);
    QVERIFY(hub.listen());
    int middlewareRuns = 0;
    hub.io->of("/")->use([&middlewareRuns](SioServerSocket *s, const SioNamespace::Next &next) {
        ++middlewareRuns;
        if (s->handshake().auth.value("deny").toBool())
            next(QStringLiteral("Authentication error"));
        else
            next();
    });
    // Drops a joined socket and lets one event be missed; gives its pid and offset.
    auto dropOne = [&hub](QByteArray *pid, QByteArray *offset) {
        WsPeer a;
        const QByteArray reply = hub.join(a, "a");
        *pid = QJsonDocument::fromJson(reply.mid(2)).object().value("pid").toString().toUtf8();
        QTRY_VERIFY(hub.sockets.contains("a") && hub.sockets["a"]);
        hub.sockets["a"]->join("room");
        hub.io->of("/")->to("room").emitEvent("before");
        const QJsonArray args = QJsonDocument::fromJson(a.nextNonPing().mid(2)).array();
        *offset = args.last().toString().toUtf8();
        a.socket().abort();
        QTRY_COMPARE(hub.io->of("/")->socketCount(), 0);
        hub.io->of("/")->to("room").emitEvent("missed");
        hub.sockets.clear();
    };
    QByteArray pid, offset;
    dropOne(&pid, &offset);
    {
        // Refused by the middleware: the CONNECT_ERROR and nothing of what it missed.
        WsPeer b;
        QVERIFY(b.open(hub.url()));
        b.nextText();
        b.sendText("40{\"name\":\"a\",\"deny\":true,\"pid\":\"" + pid + "\",\"offset\":\"" + offset
                   + "\"}");
        const QByteArray first = b.nextNonPing();
        QVERIFY2(first.startsWith("44{"), first);
        QCOMPARE(b.nextNonPing(500), QByteArray("<none>"));
        QCOMPARE(middlewareRuns, 2);
    }
    dropOne(&pid, &offset);
    {
        // Admitted: the missed event first, then CONNECT, as without a middleware.
        WsPeer b;
        QVERIFY(b.open(hub.url()));
        b.nextText();
        b.sendText("40{\"name\":\"a\",\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"}");
        const QByteArray missed = b.nextNonPing();
        QVERIFY2(missed.startsWith("42[\"missed\",\""), missed);
        QVERIFY(b.nextNonPing().startsWith("40{"));
        QTRY_VERIFY(hub.sockets.contains("a") && hub.sockets["a"]);
        QVERIFY(hub.sockets["a"]->isRecovered());
        QCOMPARE(middlewareRuns, 4);
    }
}

void tst_SioServer::recoveryWindowIsOnTheMonotonicClock()
{
    // The window is measured on CLOCK_MONOTONIC, which setting the wall clock does not move.
    timespec ts = {};
    QCOMPARE(::clock_gettime(CLOCK_MONOTONIC, &ts), 0);
    const qint64 monotonic = qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
    QVERIFY(qAbs(SioRecoveryLog::clockMs() - monotonic) < 1000);
    QVERIFY(qAbs(SioRecoveryLog::clockMs() - QDateTime::currentMSecsSinceEpoch())
            > 24LL * 3600 * 1000);
}

void tst_SioServer::handshakeExposed()
{
    Hub hub;
    QVERIFY(hub.listen());
    QWebSocket ws;
    QNetworkRequest request(QUrl(hub.url("&cafe_id=7&user_role=manager")));
    request.setRawHeader("X-Test", "yes");
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(request);
    QVERIFY(connected.wait(5000));
    ws.sendTextMessage(R"(40{"name":"h","token":"t"})");
    QTRY_VERIFY(hub.sockets.contains("h"));
    const SioServerSocket::Handshake &h = hub.sockets["h"]->handshake();
    QCOMPARE(h.query("cafe_id"), QByteArray("7"));
    QCOMPARE(h.query("user_role"), QByteArray("manager"));
    QCOMPARE(h.header("x-test"), QByteArray("yes"));
    QCOMPARE(h.auth.value("token").toString(), "t");
    QCOMPARE(h.peer.address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(h.peer.port != 0);
    QVERIFY(!h.peer.secure);
    QVERIFY(h.issued > 0);
}

void tst_SioServer::slowReaderIsDropped()
{
    SioServer::Options o;
    o.maxBufferedBytes = 1024 * 1024;
    Hub hub(o);
    QVERIFY(hub.listen());
    // A websocket client that completes the handshake, joins, then never reads again.
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, hub.web->serverPort());
    QVERIFY(slow.waitForConnected(5000));
    slow.write("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QByteArray response;
    for (int i = 0; i < 200 && !response.contains("\r\n\r\n"); ++i) {
        QTest::qWait(10);
        response += slow.readAll();
    }
    QVERIFY2(response.startsWith("HTTP/1.1 101"), response);
    slow.setReadBufferSize(1); // from now on the client reads (almost) nothing
    // Client frames must be masked: "40" with a zero mask.
    slow.write(QByteArray("\x81\x82\x00\x00\x00\x00"
                          "40",
                          8));
    QTRY_COMPARE(hub.io->of("/")->socketCount(), 1);
    WsPeer good;
    hub.join(good, "good");
    QTRY_COMPARE(hub.io->of("/")->socketCount(), 2);
    const QString big(64 * 1024, QLatin1Char('x'));
    int rounds = 0;
    while (hub.io->counters().droppedSlowClients == 0 && rounds < 2000) {
        hub.io->of("/")->to("slowroom").emitEvent("never");
        hub.io->of("/")->emitEvent("big", {big});
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();
        // The good client keeps up.
        while (good.pending() > 0)
            good.next(0);
        ++rounds;
    }
    QVERIFY2(hub.io->counters().droppedSlowClients == 1,
             QByteArray(QByteArray::number(rounds) + " rounds, dropped "
                        + QByteArray::number(hub.io->counters().droppedSlowClients)));
    QTRY_COMPARE(hub.io->of("/")->socketCount(), 1);
    hub.io->of("/")->emitEvent("after");
    bool sawAfter = false;
    for (int i = 0; i < 5000 && !sawAfter; ++i) {
        const QByteArray f = good.nextNonPing(3000);
        if (f == "<none>")
            break;
        sawAfter = f == R"(42["after"])";
    }
    QVERIFY(sawAfter);
}

void tst_SioServer::pollingReaderThatStallsIsDropped()
{
    SioServer::Options o;
    o.maxBufferedBytes = 256 * 1024;
    Hub hub(o);
    QVERIFY(hub.listen());
    const QByteArray path = "/socket.io/?EIO=4&transport=polling";
    HttpPeer control(hub.web->serverPort());
    const QByteArray sid = sidFromOpen(control.request("GET", path).body);
    QVERIFY(!sid.isEmpty());
    const QByteArray session = path + "&sid=" + sid;
    QCOMPARE(control.request("POST", session, R"(40{"name":"poller"})").body, QByteArray("ok"));
    QVERIFY(control.request("GET", session).body.startsWith("40{"));
    QTRY_VERIFY(hub.sockets.contains("poller"));
    // The next poll comes on a connection whose reader then stalls: the answer to it lies in
    // the server's socket, which is what the polling transport reports as pending.
    StalledPeer stalled(hub.web->serverPort());
    stalled.offer("GET " + session + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EngineSession *engineSession = hub.engine->session(QString::fromLatin1(sid));
    QVERIFY(engineSession);
    QTest::qWait(200); // the GET is held
    // The answer is written at once: the kernel takes up to its send buffer's size (tcp_wmem's
    // largest is 4 MiB on Debian) plus the peer's small receive buffer; the rest stays with us.
    hub.sockets["poller"]->emitEvent("big", {QString(8 * 1024 * 1024, QLatin1Char('x'))});
    QTRY_COMPARE(hub.io->counters().droppedSlowClients, quint64(1));
    QTRY_COMPARE(hub.io->clientCount(), 0);
}

void tst_SioServer::attachmentsOnlyAfterJoining()
{
    Hub hub;
    SioNamespace::Next held;
    hub.io->of("/slow")->use([&held](SioServerSocket *, const SioNamespace::Next &next) {
        held = next; // decided later, or never
    });
    QVERIFY(hub.listen());
    // Never joined: the packet announcing attachments ends the connection; none is awaited.
    WsPeer stranger;
    QVERIFY(stranger.open(hub.url()));
    QVERIFY(stranger.nextText().startsWith('0'));
    stranger.sendText(R"(4510-["up",{"_placeholder":true,"num":0}])");
    stranger.sendBinary(QByteArray(100000, 'a'));
    QVERIFY(stranger.waitForClose());
    // Still being admitted (its middleware has not answered): the same.
    WsPeer waiting;
    QVERIFY(waiting.open(hub.url()));
    QVERIFY(waiting.nextText().startsWith('0'));
    waiting.sendText("40/slow,{}");
    QTest::qWait(50);
    waiting.sendText(R"(451-/slow,["up",{"_placeholder":true,"num":0}])");
    QVERIFY(waiting.waitForClose());
    // Admitted: attachments arrive with their event.
    QList<QByteArray> got;
    QObject::connect(hub.io->of("/"), &SioNamespace::connection, hub.io.get(),
                     [&got](SioServerSocket *s) {
                         s->on("up", [&got](const QJsonArray &, const QList<QByteArray> &att,
                                            const SioServerSocket::Ack &) { got = att; });
                     });
    WsPeer member;
    QVERIFY(hub.join(member, "member").startsWith("40{"));
    member.sendText(R"(452-["up",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
    member.sendBinary("\x01\x02");
    member.sendBinary("\x03");
    QTRY_COMPARE(got.size(), 2);
    QCOMPARE(got.at(0), QByteArray("\x01\x02"));
    QVERIFY(!member.isClosed());
}

void tst_SioServer::floodLeavesServerResponsive()
{
    Hub hub;
    QVERIFY(hub.listen());
    int handled = 0;
    QObject::connect(hub.io->of("/"), &SioNamespace::connection, hub.io.get(),
                     [&handled](SioServerSocket *s) {
                         s->on("spam", [&handled](const QJsonArray &, const QList<QByteArray> &,
                                                  const SioServerSocket::Ack &) { ++handled; });
                         s->on("ping?", [](const QJsonArray &a, const QList<QByteArray> &,
                                           const SioServerSocket::Ack &ack) { ack(a, {}); });
                     });
    WsPeer flooder, polite;
    hub.join(flooder, "flood");
    hub.join(polite, "polite");
    for (int i = 0; i < 20000; ++i)
        flooder.sendText(R"(42["spam",)" + QByteArray::number(i) + "]");
    polite.sendText(R"(421["ping?","hello"])");
    QCOMPARE(polite.nextNonPing(10000), QByteArray(R"(431["hello"])"));
    QTRY_COMPARE_WITH_TIMEOUT(handled, 20000, 20000);
    QVERIFY(!flooder.isClosed());
}

void tst_SioServer::stats()
{
    Hub hub;
    hub.io->of("/orders");
    QVERIFY(hub.listen());
    WsPeer a, b;
    hub.join(a, "a");
    hub.join(b, "b", "/orders");
    QTRY_COMPARE(hub.sockets.size(), 1);
    hub.sockets["a"]->join("cafe:1");
    for (int i = 0; i < 5; ++i)
        a.sendText(R"(42["e"])");
    QTRY_COMPARE(hub.io->counters().eventsIn, quint64(5));
    const SioServer::Stats s = hub.io->stats();
    QCOMPARE(s.clients, 2);
    QCOMPARE(s.namespaces.size(), 2);
    QCOMPARE(s.namespaces.at(0).name, "/");
    QCOMPARE(s.namespaces.at(0).sockets, 1);
    QCOMPARE(s.namespaces.at(0).rooms.value("cafe:1"), 1);
    QCOMPARE(s.namespaces.at(1).name, "/orders");
    QCOMPARE(s.namespaces.at(1).sockets, 1);
    QVERIFY(s.counters.packetsIn >= 7);
    QVERIFY(s.counters.bytesOut > 0);
    QTRY_VERIFY_WITH_TIMEOUT(hub.io->stats().eventsInPerSecond > 0, 3000);
}

void tst_SioServer::adapterOperationsOnOneNode()
{
    Hub hub;
    QVERIFY(hub.listen());
    WsPeer a, b, c;
    QVERIFY(hub.join(a, "a").startsWith("40{"));
    QVERIFY(hub.join(b, "b").startsWith("40{"));
    QVERIFY(hub.join(c, "c").startsWith("40{"));
    QTRY_COMPARE(hub.sockets.size(), 3);
    SioNamespace *root = hub.io->of("/");
    QVERIFY(root->adapter());
    int count = -1;
    root->serverCount([&count](int n) { count = n; });
    QCOMPARE(count, 1);

    root->to(QStringList{hub.sockets["a"]->id(), hub.sockets["b"]->id()}).socketsJoin("r");
    QVERIFY(hub.sockets["a"]->isInRoom("r"));
    QVERIFY(hub.sockets["b"]->isInRoom("r"));
    QVERIFY(!hub.sockets["c"]->isInRoom("r"));
    hub.sockets["a"]->data()["k"] = 5;

    QList<SioSocketInfo> fetched;
    root->to("r").fetchSockets([&fetched](const QList<SioSocketInfo> &s) { fetched = s; });
    QCOMPARE(fetched.size(), 2);
    for (const SioSocketInfo &s : std::as_const(fetched)) {
        QVERIFY(s.local);
        QVERIFY(s.rooms.contains("r"));
        QVERIFY(s.rooms.contains(s.id));
        QVERIFY(s.handshake.value("url").toString().startsWith("/socket.io/?EIO=4"));
        QCOMPARE(s.handshake.value("address").toString(), "127.0.0.1");
        QVERIFY(s.handshake.value("auth").toObject().contains("name"));
        if (s.id == hub.sockets["a"]->id())
            QCOMPARE(s.data.toObject().value("k").toInt(), 5);
    }

    QSet<QString> rooms;
    root->allRooms([&rooms](const QSet<QString> &r) { rooms = r; });
    QVERIFY(rooms.contains("r"));
    QVERIFY(rooms.contains(hub.sockets["c"]->id())); // as socket.io lists them

    // Nobody else to ask: the ack comes at once, empty; nothing reaches this node's handler.
    bool handled = false;
    root->onServerSideEmit([&handled](const QString &, const QJsonArray &,
                                      const SioNamespace::ServerSideReply &) { handled = true; });
    QString sseError = "unset";
    QJsonArray responses{1};
    QVERIFY(root->serverSideEmit("x", {}, [&](const QString &e, const QJsonArray &r) {
        sseError = e;
        responses = r;
    }));
    QCOMPARE(sseError, QString());
    QVERIFY(responses.isEmpty());
    QVERIFY(!handled);

    // A broadcast with acks: one id, every client answers.
    QString error = "unset";
    QJsonArray answers;
    root->to("r").emitWithAck("q", {1}, 5000, [&](const QString &e, const QJsonArray &got) {
        error = e;
        answers = got;
    });
    for (WsPeer *p : {&a, &b}) {
        const QByteArray frame = p->nextNonPing();
        QVERIFY2(frame.startsWith("42") && frame.endsWith(R"(["q",1])"), frame.constData());
        const QByteArray id = frame.mid(2, frame.indexOf('[') - 2);
        p->sendText("43" + id + (p == &a ? R"(["A"])" : R"(["B",2])"));
    }
    QTRY_COMPARE(error, QString());
    QStringList names;
    for (const QJsonValue &v : std::as_const(answers))
        names << v.toString();
    names.sort();
    QCOMPARE(names, (QStringList{"A", "B"})); // the first argument of each answer
    // One that never answers: timed out, with what came.
    root->to(hub.sockets["c"]->id())
        .emitWithAck("q", {}, 100, [&](const QString &e, const QJsonArray &got) {
            error = e;
            answers = got;
        });
    QVERIFY(c.nextNonPing().startsWith("42"));
    QTRY_COMPARE(error, "operation has timed out");
    QVERIFY(answers.isEmpty());

    root->to("r").socketsLeave("r");
    QVERIFY(!root->roomSizes().contains("r"));
    root->to(hub.sockets["c"]->id()).disconnectSockets();
    QCOMPARE(c.nextNonPing(), QByteArray("41"));
    QTRY_VERIFY(!hub.sockets["c"]);
}

QTEST_GUILESS_MAIN(tst_SioServer)
#include "tst_sioserver.moc"
