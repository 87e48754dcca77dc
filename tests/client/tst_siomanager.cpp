// SioManager + SioSocket state machine against an in-memory Socket.IO server (EngineSession in
// the Server role on LoopbackTransport pairs): namespaces, buffering, acks, errors,
// reconnection, recovery, upgrade, and destruction in every state.
#include "fakesioserver.h"
#include "siomanager.h"
#include "siosocket.h"

#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {

SioClientOptions testOptions(FakeSioServer &server)
{
    SioClientOptions o;
    o.transports = {QStringLiteral("websocket")};
    o.upgrade = false;
    o.reconnectionDelay = 10;
    o.reconnectionDelayMax = 40;
    o.randomizationFactor = 0;
    o.timeout = 2000;
    o.transportFactory = server.factory();
    return o;
}

const QUrl url(QStringLiteral("http://fake.invalid"));

SioPacket packet(SioPacket::Type type, const QString &nsp,
                 const QJsonValue &data = QJsonValue(QJsonValue::Undefined), qint64 id = -1)
{
    SioPacket p;
    p.type = type;
    p.nsp = nsp;
    p.data = data;
    p.id = id;
    return p;
}

} // namespace

class tst_SioManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectsEachNamespaceOnOneConnection();
    void mainNamespaceOnlyWhenAsked();
    void invalidNamespace();
    void middlewareRefusalWithData();
    void authRefreshReconnects();
    void authRefreshIsBounded();
    void authCallbackEvaluatedAtEveryConnect();
    void bufferedEmitsSentOnce();
    void volatileEmitsDropped();
    void reservedAndMalformedEmitsRefused();
    void ackIdsPerSocketAndTimeout();
    void ackTimeoutWhileBufferedDropsThePacket();
    void pendingAckFailsOnDisconnect();
    void serverAsksForAck();
    void binaryBothWays();
    void backoffSequence();
    void backoffResetsAfterSuccess();
    void noReconnectAfterServerDisconnect();
    void clientDisconnectDoesNotReconnect();
    void reconnectsAfterTransportClose();
    void reconnectsAfterPingTimeout();
    void reconnectsAfterParseError();
    void connectTimeout();
    void recoveryAndEarlyEvents();
    void upgradeToWebsocket();
    void stateForTheUi();
    void destroyInEveryState_data();
    void destroyInEveryState();
    void destroySocketInsideItsHandlers();
};

void tst_SioManager::connectsEachNamespaceOnOneConnection()
{
    FakeSioServer server;
    SioClientOptions o = testOptions(server);
    o.auth = QJsonObject{{QStringLiteral("token"), QStringLiteral("abc")}};
    SioManager m(url, o);
    SioSocket *orders = m.socket(QStringLiteral("/orders"));
    SioSocket *admin = m.socket(QStringLiteral("admin")); // the slash is added
    QCOMPARE(admin->nsp(), QStringLiteral("/admin"));
    QCOMPARE(m.socket(QStringLiteral("/orders")), orders);
    admin->setAuth({}); // no payload at all: the reference wire form "0/admin,"
    QSignalSpy ordersUp(orders, &SioSocket::connected);
    QSignalSpy adminUp(admin, &SioSocket::connected);
    QTRY_COMPARE(ordersUp.count(), 1);
    QTRY_COMPARE(adminUp.count(), 1);
    QCOMPARE(server.connectionCount(), 1);
    FakeConn *c = server.last();
    QVERIFY(c->texts.contains(QByteArray("0/orders,{\"token\":\"abc\"}")));
    QVERIFY(c->texts.contains(QByteArray("0/admin,")));
    QCOMPARE(orders->id(), QStringLiteral("sock-0-/orders"));
    QCOMPARE(admin->id(), QStringLiteral("sock-0-/admin"));
    QCOMPARE(orders->state(), SioManager::State::Connected);
    QCOMPARE(m.state(), SioManager::State::Connected);
    QCOMPARE(m.engineId(), QStringLiteral("E0"));

    // Events are routed by namespace.
    QSignalSpy ordersEvents(orders, &SioSocket::eventReceived);
    QSignalSpy adminEvents(admin, &SioSocket::eventReceived);
    server.sendEvent(c, QStringLiteral("/admin"), {QStringLiteral("hello"), 1});
    QTRY_COMPARE(adminEvents.count(), 1);
    const auto e = adminEvents.at(0).at(0).value<SioEvent>();
    QCOMPARE(e.name, QStringLiteral("hello"));
    QCOMPARE(e.args, QJsonArray{1});
    QCOMPARE(e.nsp, QStringLiteral("/admin"));
    QVERIFY(!e.wantsAck());
    QCOMPARE(ordersEvents.count(), 0);
}

void tst_SioManager::mainNamespaceOnlyWhenAsked()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *orders = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(orders, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QCOMPARE(server.last()->count(SioPacket::Type::Connect, QStringLiteral("/")), 0);

    SioSocket *main = m.socket();
    QSignalSpy mainUp(main, &SioSocket::connected);
    QTRY_COMPARE(mainUp.count(), 1);
    QVERIFY(server.last()->texts.contains(QByteArray("0")));
    QCOMPARE(server.connectionCount(), 1);
}

void tst_SioManager::invalidNamespace()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/nowhere"));
    QSignalSpy errors(s, &SioSocket::connectError);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("Invalid namespace"));
    QVERIFY(errors.at(0).at(1).value<QJsonValue>().isUndefined());
    QVERIFY(!s->isActive());
    QTest::qWait(100);
    QCOMPARE(server.last()->count(SioPacket::Type::Connect), 1);
    QCOMPARE(scheduled.count(), 0);
    // Nothing else wanted the connection, so it was closed.
    QCOMPARE(m.state(), SioManager::State::Disconnected);
}

void tst_SioManager::middlewareRefusalWithData()
{
    FakeSioServer server;
    server.refuse = [](const QString &nsp, const QJsonValue &) -> QJsonValue {
        if (nsp != QLatin1String("/orders"))
            return QJsonValue(QJsonValue::Undefined);
        return QJsonObject{{QStringLiteral("message"), QStringLiteral("not allowed")},
                           {QStringLiteral("data"), QJsonObject{{QStringLiteral("code"), 42}}}};
    };
    SioManager m(url, testOptions(server));
    SioSocket *orders = m.socket(QStringLiteral("/orders"));
    SioSocket *admin = m.socket(QStringLiteral("/admin"));
    QSignalSpy errors(orders, &SioSocket::connectError);
    QSignalSpy adminUp(admin, &SioSocket::connected);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("not allowed"));
    QCOMPARE(errors.at(0).at(1).value<QJsonValue>(),
             QJsonValue(QJsonObject{{QStringLiteral("code"), 42}}));
    QTRY_COMPARE(adminUp.count(), 1);
    QTest::qWait(100);
    // No automatic retry, and the other namespace keeps the connection.
    QCOMPARE(server.last()->count(SioPacket::Type::Connect, QStringLiteral("/orders")), 1);
    QCOMPARE(scheduled.count(), 0);
    QCOMPARE(orders->state(), SioManager::State::Disconnected);
    QVERIFY(admin->isConnected());
    QCOMPARE(server.connectionCount(), 1);
}

void tst_SioManager::authRefreshReconnects()
{
    FakeSioServer server;
    server.refuse = [](const QString &, const QJsonValue &auth) -> QJsonValue {
        if (auth.toObject().value(QLatin1String("token")) == QLatin1String("fresh"))
            return QJsonValue(QJsonValue::Undefined);
        return QJsonObject{{QStringLiteral("message"), QStringLiteral("Authentication error")},
                           {QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("reason"), QStringLiteral("expired")}}}};
    };
    SioClientOptions o = testOptions(server);
    o.auth = QJsonObject{{QStringLiteral("token"), QStringLiteral("stale")}};
    int refreshes = 0;
    // The hook answers later, as a real token refresh over the network would.
    o.authRefresh = [&refreshes](SioSocket *socket, std::function<void(bool)> done) {
        ++refreshes;
        QTimer::singleShot(20, socket, [socket, done] {
            socket->setAuth(QJsonObject{{QStringLiteral("token"), QStringLiteral("fresh")}});
            done(true);
        });
    };
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy errors(s, &SioSocket::connectError);
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("Authentication error"));
    QCOMPARE(refreshes, 1);
}

void tst_SioManager::authRefreshIsBounded()
{
    FakeSioServer server;
    server.refuse = [](const QString &, const QJsonValue &) -> QJsonValue {
        return QJsonObject{{QStringLiteral("message"), QStringLiteral("Authentication error")}};
    };
    SioClientOptions o = testOptions(server);
    o.authRefreshAttempts = 2;
    int refreshes = 0;
    o.authRefresh = [&refreshes](SioSocket *, std::function<void(bool)> done) {
        ++refreshes;
        done(true);
    };
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy errors(s, &SioSocket::connectError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("giving up")));
    QTRY_COMPARE(errors.count(), 3);
    QTest::qWait(100);
    QCOMPARE(errors.count(), 3);
    QCOMPARE(refreshes, 2);
    QVERIFY(!s->isActive());
}

void tst_SioManager::authCallbackEvaluatedAtEveryConnect()
{
    FakeSioServer server;
    SioClientOptions o = testOptions(server);
    int calls = 0;
    o.authCallback = [&calls] {
        return QJsonObject{{QStringLiteral("n"), ++calls}};
    };
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QVERIFY(server.last()->texts.contains(QByteArray("0/orders,{\"n\":1}")));
    server.drop(server.last());
    QTRY_COMPARE(up.count(), 2);
    QCOMPARE(server.connectionCount(), 2);
    QVERIFY(server.last()->texts.contains(QByteArray("0/orders,{\"n\":2}")));
}

void tst_SioManager::bufferedEmitsSentOnce()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QVERIFY(s->emitEvent(QStringLiteral("a"), {1}));
    QVERIFY(s->emitEvent(QStringLiteral("b"), {2}));
    QCOMPARE(s->bufferedEmits(), 2);
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QTRY_COMPARE(up.count(), 1);
    FakeConn *first = server.last();
    QTRY_COMPARE(first->events(QStringLiteral("/orders")),
                 QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    // After the CONNECT, never before it.
    QCOMPARE(first->packets.first().type, SioPacket::Type::Connect);
    QCOMPARE(s->bufferedEmits(), 0);

    server.drop(first);
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("transport close"));
    QVERIFY(s->emitEvent(QStringLiteral("c"), {3}));
    QCOMPARE(s->bufferedEmits(), 1);
    QTRY_COMPARE(up.count(), 2);
    FakeConn *second = server.last();
    QVERIFY(second != first);
    QTRY_COMPARE(second->events(QStringLiteral("/orders")), QStringList{QStringLiteral("c")});
    QTest::qWait(50);
    QCOMPARE(second->events(QStringLiteral("/orders")), QStringList{QStringLiteral("c")});
    QCOMPARE(first->events(QStringLiteral("/orders")),
             QStringList({QStringLiteral("a"), QStringLiteral("b")}));
}

void tst_SioManager::volatileEmitsDropped()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QVERIFY(!s->emitVolatile(QStringLiteral("early")));
    QCOMPARE(s->bufferedEmits(), 0);
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QVERIFY(s->emitVolatile(QStringLiteral("live")));
    QTRY_COMPARE(server.last()->events(QStringLiteral("/orders")),
                 QStringList{QStringLiteral("live")});
    // A transport that cannot write right now drops it too.
    server.last()->clientSide->setBlocked(true);
    QVERIFY(!s->emitVolatile(QStringLiteral("blocked")));
    server.last()->clientSide->setBlocked(false);
    QTest::qWait(50);
    QCOMPARE(server.last()->events(QStringLiteral("/orders")), QStringList{QStringLiteral("live")});
}

void tst_SioManager::reservedAndMalformedEmitsRefused()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
    QVERIFY(!s->emitEvent(QStringLiteral("connect")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("placeholders")));
    QVERIFY(!s->emitEvent(QStringLiteral("bin"), {SioCodec::placeholder(1)}, {"only one"}));
    QCOMPARE(s->bufferedEmits(), 0);
}

void tst_SioManager::ackIdsPerSocketAndTimeout()
{
    FakeSioServer server;
    server.autoAck = false;
    SioManager m(url, testOptions(server));
    SioSocket *orders = m.socket(QStringLiteral("/orders"));
    SioSocket *admin = m.socket(QStringLiteral("/admin"));
    QSignalSpy up(orders, &SioSocket::connected);
    QSignalSpy adminUp(admin, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QTRY_COMPARE(adminUp.count(), 1);

    QObject context;
    QList<SioAckResult> slow, fast, other;
    const qint64 id0 = orders->emitWithAck(
        QStringLiteral("slow"), {}, &context, [&](const SioAckResult &r) { slow.append(r); }, 50);
    const qint64 id1 = orders->emitWithAck(QStringLiteral("fast"), {1}, &context,
                                           [&](const SioAckResult &r) { fast.append(r); });
    const qint64 id2 = admin->emitWithAck(QStringLiteral("x"), {}, &context,
                                          [&](const SioAckResult &r) { other.append(r); });
    QCOMPARE(id0, 0);
    QCOMPARE(id1, 1);
    QCOMPARE(id2, 0); // ids are per socket
    FakeConn *c = server.last();
    QTRY_COMPARE(c->count(SioPacket::Type::Event, QStringLiteral("/orders")), 2);
    QVERIFY(c->texts.contains(QByteArray("2/orders,0[\"slow\"]")));
    QVERIFY(c->texts.contains(QByteArray("2/orders,1[\"fast\",1]")));

    server.send(c, packet(SioPacket::Type::Ack, QStringLiteral("/orders"),
                          QJsonArray{QStringLiteral("done"), 7}, 1));
    QTRY_COMPARE(fast.size(), 1);
    QVERIFY(fast.at(0).ok());
    QCOMPARE(fast.at(0).args, QJsonArray({QStringLiteral("done"), 7}));

    QTRY_COMPARE(slow.size(), 1);
    QCOMPARE(slow.at(0).error, QStringLiteral("operation has timed out"));
    // A late ack is ignored: the callback runs once.
    server.send(c, packet(SioPacket::Type::Ack, QStringLiteral("/orders"), QJsonArray{}, 0));
    server.send(c, packet(SioPacket::Type::Ack, QStringLiteral("/orders"), QJsonArray{}, 1));
    QTest::qWait(50);
    QCOMPARE(slow.size(), 1);
    QCOMPARE(fast.size(), 1);
    QCOMPARE(orders->pendingAcks(), 0);
    QCOMPARE(admin->pendingAcks(), 1);

    // The socket-wide default applies when the emit does not say.
    orders->setAckTimeout(30);
    QList<SioAckResult> byDefault;
    orders->emitWithAck(QStringLiteral("d"), {}, &context,
                        [&](const SioAckResult &r) { byDefault.append(r); });
    QTRY_COMPARE(byDefault.size(), 1);
    QCOMPARE(byDefault.at(0).error, QStringLiteral("operation has timed out"));

    // A callback whose context is gone is not called.
    bool called = false;
    auto *gone = new QObject;
    orders->emitWithAck(
        QStringLiteral("e"), {}, gone, [&](const SioAckResult &) { called = true; }, 20);
    delete gone;
    QTest::qWait(60);
    QVERIFY(!called);
}

void tst_SioManager::ackTimeoutWhileBufferedDropsThePacket()
{
    FakeSioServer server;
    SioClientOptions o = testOptions(server);
    o.autoConnect = false;
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QList<SioAckResult> results;
    s->emitWithAck(
        QStringLiteral("late"), {}, &m, [&](const SioAckResult &r) { results.append(r); }, 20);
    s->emitEvent(QStringLiteral("kept"));
    QCOMPARE(s->bufferedEmits(), 2);
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(s->bufferedEmits(), 1);
    s->open();
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QTRY_COMPARE(server.last()->events(QStringLiteral("/orders")),
                 QStringList{QStringLiteral("kept")});
}

void tst_SioManager::pendingAckFailsOnDisconnect()
{
    FakeSioServer server;
    server.autoAck = false;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QList<SioAckResult> results;
    s->emitWithAck(QStringLiteral("q"), {}, &m, [&](const SioAckResult &r) { results.append(r); });
    QTRY_COMPARE(server.last()->count(SioPacket::Type::Event), 1);
    server.drop(server.last());
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.at(0).error, QStringLiteral("socket has been disconnected"));
}

void tst_SioManager::serverAsksForAck()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QList<SioEvent> seen;
    s->on(QStringLiteral("question"), &m, [&](const SioEvent &e) {
        seen.append(e);
        QVERIFY(s->sendAck(e.ackId, {QStringLiteral("answer"), 42}));
        QVERIFY(!s->sendAck(e.ackId, {QStringLiteral("twice")}));
    });
    server.sendEvent(server.last(), QStringLiteral("/orders"), {QStringLiteral("question"), 1}, 7);
    QTRY_COMPARE(seen.size(), 1);
    QVERIFY(seen.at(0).wantsAck());
    QCOMPARE(seen.at(0).ackId, 7);
    QTRY_VERIFY(server.last()->texts.contains(QByteArray("3/orders,7[\"answer\",42]")));
    QCOMPARE(server.last()->count(SioPacket::Type::Ack), 1);
    QVERIFY(!s->sendAck(99));
    // off() removes the handler.
    s->off(QStringLiteral("question"));
    server.sendEvent(server.last(), QStringLiteral("/orders"), {QStringLiteral("question")}, 8);
    QTest::qWait(50);
    QCOMPARE(seen.size(), 1);
}

void tst_SioManager::binaryBothWays()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    const QByteArray blob("\x00\x01\xff binary", 10);
    QList<SioAckResult> acks;
    s->emitWithAck(QStringLiteral("upload"),
                   {QJsonObject{{QStringLiteral("file"), SioCodec::placeholder(0)}}}, &m,
                   [&](const SioAckResult &r) { acks.append(r); }, -1, {blob});
    FakeConn *c = server.last();
    QTRY_COMPARE(c->count(SioPacket::Type::BinaryEvent), 1);
    QVERIFY(c->texts.contains(QByteArray("51-/orders,0[\"upload\",{\"file\":{\"_placeholder\":true,"
                                         "\"num\":0}}]")));
    const SioPacket &got = c->packets.last();
    QCOMPARE(got.attachments, QList<QByteArray>{blob});
    // The fake server echoes the attachments back in the ack (BINARY_ACK).
    QTRY_COMPARE(acks.size(), 1);
    QCOMPARE(acks.at(0).attachments, QList<QByteArray>{blob});

    QSignalSpy events(s, &SioSocket::eventReceived);
    server.sendEvent(c, QStringLiteral("/orders"),
                     {QStringLiteral("image"), SioCodec::placeholder(0), SioCodec::placeholder(1)},
                     -1, {QByteArray("one"), QByteArray("two")});
    QTRY_COMPARE(events.count(), 1);
    const auto e = events.at(0).at(0).value<SioEvent>();
    QCOMPARE(e.args.at(1), QJsonValue(SioCodec::placeholder(1)));
    QCOMPARE(e.attachments, QList<QByteArray>({QByteArray("one"), QByteArray("two")}));
}

void tst_SioManager::backoffSequence()
{
    FakeSioServer server;
    server.mode = FakeSioServer::Mode::Refuse;
    SioClientOptions o = testOptions(server);
    o.randomizationFactor = 0.5;
    o.reconnectionAttempts = 5;
    const QList<double> randoms{0.25, 0.35, 0.25, 0.35, 0.25};
    int next = 0;
    o.randomSource = [&] {
        return randoms.at(next++ % randoms.size());
    };
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QSignalSpy attempts(&m, &SioManager::reconnectAttempt);
    QSignalSpy reconnectErrors(&m, &SioManager::reconnectError);
    QSignalSpy failed(&m, &SioManager::reconnectFailed);
    QSignalSpy errors(s, &SioSocket::connectError);
    QTRY_COMPARE(failed.count(), 1);
    QList<int> delays;
    QList<int> numbers;
    for (const auto &args : scheduled) {
        numbers.append(args.at(0).toInt());
        delays.append(args.at(1).toInt());
    }
    // min(10 * 2^n -+ floor(r * 0.5 * 10 * 2^n), 40); even floor(r*10) subtracts.
    QCOMPARE(delays, QList<int>({9, 23, 35, 40, 40}));
    QCOMPARE(numbers, QList<int>({1, 2, 3, 4, 5}));
    QCOMPARE(attempts.count(), 5);
    QCOMPARE(reconnectErrors.count(), 5);
    QCOMPARE(errors.count(), 6); // the first open and five attempts
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("connection refused"));
    QCOMPARE(server.requests.size(), 6);
    QCOMPARE(m.state(), SioManager::State::Disconnected);
    QCOMPARE(s->state(), SioManager::State::Disconnected);
}

void tst_SioManager::backoffResetsAfterSuccess()
{
    FakeSioServer server;
    server.mode = FakeSioServer::Mode::Refuse;
    SioClientOptions o = testOptions(server);
    o.randomizationFactor = 0.5;
    o.randomSource = [] {
        return 0.25;
    };
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QSignalSpy reconnected(&m, &SioManager::reconnected);
    QSignalSpy up(s, &SioSocket::connected);
    // The server comes back while the second attempt is pending.
    connect(&m, &SioManager::reconnectScheduled, &m, [&server](int attempt) {
        if (attempt == 2)
            server.mode = FakeSioServer::Mode::Up;
    });
    QTRY_COMPARE(scheduled.count(), 2);
    QTRY_COMPARE(reconnected.count(), 1);
    QCOMPARE(reconnected.at(0).at(0).toInt(), 2);
    QTRY_COMPARE(up.count(), 1);
    QCOMPARE(m.backoff().attempts(), 0);

    server.drop(server.last());
    QTRY_COMPARE(scheduled.count(), 3);
    QCOMPARE(scheduled.at(2).at(0).toInt(), 1);
    QCOMPARE(scheduled.at(2).at(1).toInt(), 9); // back at the first step
    QTRY_COMPARE(up.count(), 2);
}

void tst_SioManager::noReconnectAfterServerDisconnect()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *orders = m.socket(QStringLiteral("/orders"));
    SioSocket *admin = m.socket(QStringLiteral("/admin"));
    QSignalSpy up(orders, &SioSocket::connected);
    QSignalSpy adminUp(admin, &SioSocket::connected);
    QSignalSpy down(orders, &SioSocket::disconnected);
    QSignalSpy adminDown(admin, &SioSocket::disconnected);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QSignalSpy closed(&m, &SioManager::closed);
    QTRY_COMPARE(up.count(), 1);
    QTRY_COMPARE(adminUp.count(), 1);
    FakeConn *c = server.last();
    server.send(c, packet(SioPacket::Type::Disconnect, QStringLiteral("/orders")));
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("io server disconnect"));
    QTest::qWait(100);
    QCOMPARE(c->count(SioPacket::Type::Connect, QStringLiteral("/orders")), 1);
    QCOMPARE(orders->state(), SioManager::State::Disconnected);
    QVERIFY(admin->isConnected());
    QCOMPARE(m.state(), SioManager::State::Connected);

    server.send(c, packet(SioPacket::Type::Disconnect, QStringLiteral("/admin")));
    QTRY_COMPARE(adminDown.count(), 1);
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("forced close"));
    QTest::qWait(100);
    QCOMPARE(scheduled.count(), 0);
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(m.state(), SioManager::State::Disconnected);
}

void tst_SioManager::clientDisconnectDoesNotReconnect()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QTRY_COMPARE(up.count(), 1);
    FakeConn *c = server.last();
    s->close();
    QCOMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("io client disconnect"));
    QTRY_VERIFY(c->texts.contains(QByteArray("1/orders,")));
    QTRY_COMPARE(c->session->state(), EngineSession::State::Closed);
    QTest::qWait(100);
    QCOMPARE(scheduled.count(), 0);
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(m.state(), SioManager::State::Disconnected);

    // Connecting again later is the caller's choice.
    s->open();
    QTRY_COMPARE(up.count(), 2);
    QCOMPARE(server.connectionCount(), 2);
}

void tst_SioManager::reconnectsAfterTransportClose()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QSignalSpy reconnected(&m, &SioManager::reconnected);
    QTRY_COMPARE(up.count(), 1);
    server.drop(server.last());
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("transport close"));
    QTRY_COMPARE(reconnected.count(), 1);
    QCOMPARE(reconnected.at(0).at(0).toInt(), 1);
    QTRY_COMPARE(up.count(), 2);
    QCOMPARE(server.connectionCount(), 2);
}

void tst_SioManager::reconnectsAfterPingTimeout()
{
    FakeSioServer server;
    server.handshake.pingInterval = 80;
    server.handshake.pingTimeout = 300;
    SioClientOptions o = testOptions(server);
    o.transports = {QStringLiteral("polling")}; // a polling link can die silently
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QSignalSpy pings(&m, &SioManager::ping);
    QTRY_COMPARE(up.count(), 1);
    QTRY_VERIFY(pings.count() >= 2); // heartbeats keep it alive meanwhile
    QCOMPARE(down.count(), 0);
    server.silence(server.last());
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("ping timeout"));
    QTRY_COMPARE(up.count(), 2);
}

void tst_SioManager::reconnectsAfterParseError()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QTRY_COMPARE(up.count(), 1);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("bad Socket.IO packet")));
    server.sendText(server.last(), "2/orders,[broken");
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("parse error"));
    QTRY_COMPARE(up.count(), 2);
}

void tst_SioManager::connectTimeout()
{
    FakeSioServer server;
    server.mode = FakeSioServer::Mode::Hang;
    SioClientOptions o = testOptions(server);
    o.timeout = 50;
    o.reconnectionDelay = 1000;
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy errors(s, &SioSocket::connectError);
    QSignalSpy managerErrors(&m, &SioManager::error);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("timeout"));
    QCOMPARE(managerErrors.count(), 1);
    QTRY_COMPARE(scheduled.count(), 1);
    QCOMPARE(m.state(), SioManager::State::Reconnecting);
    QCOMPARE(s->state(), SioManager::State::Reconnecting);
}

void tst_SioManager::recoveryAndEarlyEvents()
{
    FakeSioServer server;
    server.recovery = true;
    QJsonObject secondConnect;
    bool newPid = false;
    server.handler = [&](FakeConn *c, const SioPacket &p) {
        if (p.type != SioPacket::Type::Connect || c->index == 0)
            return false;
        secondConnect = p.data.toObject();
        // Missed events first, then the CONNECT reply: the reference server's order.
        server.sendEvent(c, QStringLiteral("/orders"),
                         {QStringLiteral("e3"), 3, QStringLiteral("off-3")});
        server.sendEvent(c, QStringLiteral("/orders"),
                         {QStringLiteral("e4"), 4, QStringLiteral("off-4")});
        server.acceptConnect(c, p.nsp, newPid ? QStringLiteral("other") : QStringLiteral("pid-1"));
        return true;
    };
    SioClientOptions o = testOptions(server);
    o.auth = QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}};
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QStringList order;
    connect(s, &SioSocket::connected, &m, [&] { order.append(QStringLiteral("connected")); });
    connect(s, &SioSocket::eventReceived, &m, [&](const SioEvent &e) { order.append(e.name); });
    QTRY_COMPARE(order, QStringList{QStringLiteral("connected")});
    QCOMPARE(s->pid(), QStringLiteral("pid-1"));
    QVERIFY(!s->recovered());
    FakeConn *c = server.last();
    server.sendEvent(c, QStringLiteral("/orders"),
                     {QStringLiteral("e1"), 1, QStringLiteral("off-1")});
    server.sendEvent(c, QStringLiteral("/orders"),
                     {QStringLiteral("e2"), 2, QStringLiteral("off-2")});
    // Events with an ack carry no offset.
    server.sendEvent(c, QStringLiteral("/orders"), {QStringLiteral("asks"), QStringLiteral("x")},
                     3);
    QTRY_COMPARE(order.size(), 4);
    QCOMPARE(s->lastOffset(), QStringLiteral("off-2"));

    order.clear();
    server.drop(c);
    QTRY_COMPARE(order, QStringList({QStringLiteral("connected"), QStringLiteral("e3"),
                                     QStringLiteral("e4")}));
    QCOMPARE(secondConnect.value(QLatin1String("pid")).toString(), QStringLiteral("pid-1"));
    QCOMPARE(secondConnect.value(QLatin1String("offset")).toString(), QStringLiteral("off-2"));
    QCOMPARE(secondConnect.value(QLatin1String("token")).toString(), QStringLiteral("t"));
    QVERIFY(s->recovered());
    QCOMPARE(s->lastOffset(), QStringLiteral("off-4"));

    // A server that could not recover answers with a new pid.
    newPid = true;
    order.clear();
    server.drop(server.last());
    QTRY_COMPARE(order.size(), 3);
    QVERIFY(!s->recovered());
    QCOMPARE(secondConnect.value(QLatin1String("offset")).toString(), QStringLiteral("off-4"));
}

void tst_SioManager::upgradeToWebsocket()
{
    FakeSioServer server;
    server.handshake.upgrades = {QStringLiteral("websocket")};
    SioClientOptions o = testOptions(server);
    o.transports = {QStringLiteral("polling"), QStringLiteral("websocket")};
    o.upgrade = true;
    SioManager m(url, o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy transports(&m, &SioManager::transportChanged);
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QTRY_COMPARE(m.transportName(), QStringLiteral("websocket"));
    QCOMPARE(transports.count(), 2);
    QCOMPARE(transports.at(0).at(0).toString(), QStringLiteral("polling"));
    QCOMPARE(transports.at(1).at(0).toString(), QStringLiteral("websocket"));
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.requests.at(1).name, QStringLiteral("websocket"));
    QCOMPARE(server.requests.at(1).sid, QStringLiteral("E0"));
    FakeConn *c = server.last();
    QTRY_COMPARE(c->session->transportName(), QStringLiteral("websocket"));
    s->emitEvent(QStringLiteral("after"));
    QTRY_COMPARE(c->events(QStringLiteral("/orders")), QStringList{QStringLiteral("after")});

    // Without upgrade, polling stays.
    FakeSioServer server2;
    server2.handshake.upgrades = {QStringLiteral("websocket")};
    SioClientOptions o2 = testOptions(server2);
    o2.transports = {QStringLiteral("polling"), QStringLiteral("websocket")};
    o2.upgrade = false;
    SioManager m2(url, o2);
    QSignalSpy up2(m2.socket(QStringLiteral("/orders")), &SioSocket::connected);
    QTRY_COMPARE(up2.count(), 1);
    QTest::qWait(50);
    QCOMPARE(m2.transportName(), QStringLiteral("polling"));
    QCOMPARE(server2.requests.size(), 1);
}

void tst_SioManager::stateForTheUi()
{
    FakeSioServer server;
    server.handshake.pingInterval = 40;
    server.handshake.pingTimeout = 1000;
    SioManager m(url, testOptions(server));
    QCOMPARE(m.state(), SioManager::State::Disconnected);
    QVERIFY(m.transportName().isEmpty());
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy states(&m, &SioManager::stateChanged);
    QSignalSpy socketStates(s, &SioSocket::stateChanged);
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QCOMPARE(m.transportName(), QStringLiteral("websocket"));
    const QDateTime firstPing = m.lastPing();
    QVERIFY(firstPing.isValid());
    QTRY_VERIFY(m.lastPing() > firstPing);
    server.drop(server.last());
    QTRY_COMPARE(up.count(), 2);
    const auto values = [](const QSignalSpy &spy) {
        QList<SioManager::State> out;
        for (const auto &args : spy)
            out.append(args.at(0).value<SioManager::State>());
        return out;
    };
    using S = SioManager::State;
    QCOMPARE(values(states),
             QList<S>({S::Connecting, S::Connected, S::Reconnecting, S::Connected}));
    QCOMPARE(values(socketStates),
             QList<S>({S::Connecting, S::Connected, S::Reconnecting, S::Connected}));
    m.close();
    QCOMPARE(m.state(), S::Disconnected);
    QCOMPARE(s->state(), S::Disconnected);
    QVERIFY(m.transportName().isEmpty());
}

void tst_SioManager::destroyInEveryState_data()
{
    QTest::addColumn<QString>("where");
    for (const char *w :
         {"connecting", "connected", "reconnect-pending", "upgrading", "buffered-and-acks",
          "in-connected", "in-disconnected", "in-event", "in-connect-error", "in-scheduled",
          "in-ack", "in-ack-timeout", "in-state-changed", "in-manager-error", "in-closed"})
        QTest::newRow(w) << QString::fromLatin1(w);
}

void tst_SioManager::destroyInEveryState()
{
    QFETCH(QString, where);
    FakeSioServer server;
    SioClientOptions o = testOptions(server);
    if (where == QLatin1String("connecting"))
        server.mode = FakeSioServer::Mode::Hang;
    if (where == QLatin1String("reconnect-pending") || where == QLatin1String("in-scheduled")
        || where == QLatin1String("in-manager-error")) {
        server.mode = FakeSioServer::Mode::Refuse;
        o.reconnectionDelay = 10000;
        o.reconnectionDelayMax = 10000;
    }
    if (where == QLatin1String("upgrading")) {
        server.handshake.upgrades = {QStringLiteral("websocket")};
        o.transports = {QStringLiteral("polling"), QStringLiteral("websocket")};
        o.upgrade = true;
        // The probe never gets an answer: the upgrade stays in flight.
        auto base = server.factory();
        o.transportFactory = [base](const SioTransportRequest &r) -> EngineTransport * {
            if (r.sid.isEmpty())
                return base(r);
            auto *t = new LoopbackTransport(r.name);
            t->open();
            return t;
        };
    }
    if (where == QLatin1String("in-connect-error"))
        server.refuse = [](const QString &, const QJsonValue &) -> QJsonValue {
            return QJsonObject{{QStringLiteral("message"), QStringLiteral("no")}};
        };
    if (where == QLatin1String("in-ack") || where == QLatin1String("buffered-and-acks"))
        server.autoAck = where == QLatin1String("in-ack");

    QPointer<SioManager> m = new SioManager(url, o);
    QPointer<SioSocket> s = m->socket(QStringLiteral("/orders"));
    QPointer<SioSocket> other = m->socket(QStringLiteral("/admin"));
    bool deleted = false;
    auto kill = [&] {
        if (m && !deleted) {
            deleted = true;
            delete m.data();
        }
    };
    if (where == QLatin1String("in-connected"))
        connect(s, &SioSocket::connected, kill);
    if (where == QLatin1String("in-disconnected"))
        connect(s, &SioSocket::disconnected, kill);
    if (where == QLatin1String("in-event"))
        connect(s, &SioSocket::eventReceived, kill);
    if (where == QLatin1String("in-connect-error"))
        connect(s, &SioSocket::connectError, kill);
    if (where == QLatin1String("in-scheduled"))
        connect(m, &SioManager::reconnectScheduled, kill);
    if (where == QLatin1String("in-manager-error"))
        connect(m, &SioManager::error, kill);
    if (where == QLatin1String("in-closed"))
        connect(m, &SioManager::closed, kill);
    if (where == QLatin1String("in-state-changed"))
        connect(m, &SioManager::stateChanged, [&](SioManager::State st) {
            if (st == SioManager::State::Connected)
                kill();
        });

    if (where == QLatin1String("connecting")) {
        QTRY_COMPARE(m->state(), SioManager::State::Connecting);
        QTest::qWait(20);
        kill();
    } else if (where == QLatin1String("connected")) {
        QTRY_VERIFY(s->isConnected());
        kill();
    } else if (where == QLatin1String("reconnect-pending")) {
        QTRY_COMPARE(m->state(), SioManager::State::Reconnecting);
        kill();
    } else if (where == QLatin1String("upgrading")) {
        QTRY_VERIFY(m->session() && m->session()->probeTransport());
        kill();
    } else if (where == QLatin1String("buffered-and-acks")) {
        QTRY_VERIFY(s->isConnected());
        s->emitWithAck(
            QStringLiteral("pending"), {}, nullptr, [](const SioAckResult &) {}, 10);
        s->emitWithAck(QStringLiteral("pending"), {}, nullptr, [](const SioAckResult &) {});
        server.silence(server.last());
        kill();
    } else if (where == QLatin1String("in-disconnected") || where == QLatin1String("in-closed")) {
        QTRY_VERIFY(s->isConnected());
        server.drop(server.last());
    } else if (where == QLatin1String("in-event")) {
        QTRY_VERIFY(s->isConnected());
        server.sendEvent(server.last(), QStringLiteral("/orders"), {QStringLiteral("x")});
        server.sendEvent(server.last(), QStringLiteral("/orders"), {QStringLiteral("y")});
    } else if (where == QLatin1String("in-ack")) {
        QTRY_VERIFY(s->isConnected());
        s->emitWithAck(QStringLiteral("q"), {}, nullptr, [&](const SioAckResult &) { kill(); });
        s->emitWithAck(QStringLiteral("q"), {}, nullptr, [&](const SioAckResult &) { kill(); });
    } else if (where == QLatin1String("in-ack-timeout")) {
        QTRY_VERIFY(s->isConnected());
        s->emitWithAck(
            QStringLiteral("q"), {}, nullptr, [&](const SioAckResult &) { kill(); }, 0);
        s->emitWithAck(
            QStringLiteral("q"), {}, nullptr, [&](const SioAckResult &) { kill(); }, 0);
    }
    QTRY_VERIFY(deleted);
    QVERIFY(!m);
    // Whatever was deferred goes away with the next turns of the event loop.
    QTRY_VERIFY(!s);
    QTRY_VERIFY(!other);
    QTest::qWait(20);
}

void tst_SioManager::destroySocketInsideItsHandlers()
{
    FakeSioServer server;
    SioManager m(url, testOptions(server));
    QPointer<SioSocket> orders = m.socket(QStringLiteral("/orders"));
    QPointer<SioSocket> admin = m.socket(QStringLiteral("/admin"));
    connect(orders, &SioSocket::eventReceived, orders, [&] { delete orders.data(); });
    QSignalSpy adminUp(admin, &SioSocket::connected);
    QTRY_COMPARE(adminUp.count(), 1);
    QTRY_VERIFY(orders->isConnected());
    FakeConn *c = server.last();
    server.sendEvent(c, QStringLiteral("/orders"), {QStringLiteral("x")});
    server.sendEvent(c, QStringLiteral("/orders"), {QStringLiteral("y")});
    QTRY_VERIFY(!orders);
    // The destroyed socket said goodbye; the other namespace and the connection live on.
    QTRY_VERIFY(c->texts.contains(QByteArray("1/orders,")));
    QVERIFY(admin->isConnected());
    QCOMPARE(m.state(), SioManager::State::Connected);
    QCOMPARE(m.sockets().size(), 1);

    // A new socket for the namespace is a fresh one.
    SioSocket *again = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(again, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);

    // The last socket destroyed inside its connected handler closes the connection.
    FakeSioServer server2;
    SioManager m2(url, testOptions(server2));
    QPointer<SioSocket> only = m2.socket(QStringLiteral("/orders"));
    connect(only, &SioSocket::connected, only, [&] { delete only.data(); });
    QTRY_VERIFY(!only);
    QTRY_COMPARE(m2.state(), SioManager::State::Disconnected);

    // The last socket destroyed when the connection drops: nothing is left to reconnect for.
    FakeSioServer server3;
    SioManager m3(url, testOptions(server3));
    QSignalSpy scheduled(&m3, &SioManager::reconnectScheduled);
    QPointer<SioSocket> last = m3.socket(QStringLiteral("/orders"));
    connect(last, &SioSocket::disconnected, last, [&] { delete last.data(); });
    QTRY_VERIFY(last && last->isConnected());
    server3.drop(server3.last());
    QTRY_VERIFY(!last);
    QTest::qWait(100);
    QCOMPARE(scheduled.count(), 0);
    QCOMPARE(server3.connectionCount(), 1);
    QCOMPARE(m3.state(), SioManager::State::Disconnected);
}

QTEST_GUILESS_MAIN(tst_SioManager)
#include "tst_siomanager.moc"
