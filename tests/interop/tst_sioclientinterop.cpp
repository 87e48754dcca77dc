// SioManager / SioSocket against a stock Node socket.io 4.8.4 server (tests/interop/server.js):
// namespaces with auth and query on one connection, middleware refusals, events, acks and
// binary both ways, server disconnects, a server killed and restarted, a server that stops
// pinging, connection state recovery, each transport and the upgrade, and wss with a test CA.
#include "eventmapper.h"
#include "nodepeer.h"
#include "siocodec.h"
#include "siomanager.h"
#include "siosocket.h"
#include "testcerts.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {

SioClientOptions fastOptions()
{
    SioClientOptions o;
    o.reconnectionDelay = 50;
    o.reconnectionDelayMax = 200;
    o.timeout = 5000;
    return o;
}

QJsonObject cmd(const QString &name, QJsonObject fields = {})
{
    fields.insert(QStringLiteral("cmd"), name);
    return fields;
}

} // namespace

class tst_SioClientInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namespacesWithAuthAndQuery();
    void middlewareRefusal();
    void eventsAcksAndBinaryBothWays_data();
    void eventsAcksAndBinaryBothWays();
    void serverDisconnectDoesNotReconnect();
    void serverKilledAndRestarted();
    void serverStopsPinging();
    void connectionStateRecovery();
    void liteEventsAgreeWithTree();
    void transports_data();
    void transports();
    void pollingBodiesStayUnderMaxPayload();
    void wssWithCustomCa();
};

#define START(peer) \
    do { \
        const QString error = (peer).start(); \
        if (!error.isEmpty()) \
            QFAIL(qPrintable(error)); \
    } while (false)

void tst_SioClientInterop::namespacesWithAuthAndQuery()
{
    NodePeer node;
    START(node);
    SioClientOptions o = fastOptions();
    o.auth = QJsonObject{{QStringLiteral("token"), QStringLiteral("secret")}};
    o.query = {{QStringLiteral("cafe_id"), QStringLiteral("c1")},
               {QStringLiteral("user_role"), QStringLiteral("manager")}};
    SioManager m(node.url(), o);
    SioSocket *orders = m.socket(QStringLiteral("/orders"));
    SioSocket *admin = m.socket(QStringLiteral("/admin"));
    SioSocket *main = m.socket(QStringLiteral("/"));
    QSignalSpy ordersUp(orders, &SioSocket::connected);
    QSignalSpy adminUp(admin, &SioSocket::connected);
    QSignalSpy mainUp(main, &SioSocket::connected);
    QTRY_COMPARE(ordersUp.count(), 1);
    QTRY_COMPARE(adminUp.count(), 1);
    QTRY_COMPARE(mainUp.count(), 1);
    QTRY_COMPARE(node.of(QStringLiteral("connection")).size(), 3);
    QCOMPARE(node.of(QStringLiteral("engine")).size(), 1); // one connection for all three
    for (const QJsonObject &c : node.of(QStringLiteral("connection"))) {
        QCOMPARE(c.value(QLatin1String("auth")).toObject().value(QLatin1String("token")),
                 QJsonValue(QStringLiteral("secret")));
        const QJsonObject q = c.value(QLatin1String("query")).toObject();
        QCOMPARE(q.value(QLatin1String("cafe_id")).toString(), QStringLiteral("c1"));
        QCOMPARE(q.value(QLatin1String("user_role")).toString(), QStringLiteral("manager"));
        QCOMPARE(q.value(QLatin1String("EIO")).toString(), QStringLiteral("4"));
        const QString nsp = c.value(QLatin1String("nsp")).toString();
        QCOMPARE(c.value(QLatin1String("id")).toString(), m.socket(nsp)->id());
    }
}

void tst_SioClientInterop::middlewareRefusal()
{
    NodePeer node;
    START(node);
    SioClientOptions o = fastOptions();
    o.auth = QJsonObject{{QStringLiteral("token"), QStringLiteral("wrong")}};
    SioManager m(node.url(), o);
    SioSocket *admin = m.socket(QStringLiteral("/admin"));
    SioSocket *orders = m.socket(QStringLiteral("/orders"));
    SioSocket *nowhere = m.socket(QStringLiteral("/nowhere"));
    QSignalSpy refused(admin, &SioSocket::connectError);
    QSignalSpy invalid(nowhere, &SioSocket::connectError);
    QSignalSpy ordersUp(orders, &SioSocket::connected);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QTRY_COMPARE(refused.count(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("not authorized"));
    QCOMPARE(refused.at(0).at(1).value<QJsonValue>(),
             QJsonValue(QJsonObject{{QStringLiteral("code"), 401},
                                    {QStringLiteral("token"), QStringLiteral("wrong")}}));
    QTRY_COMPARE(invalid.count(), 1);
    QCOMPARE(invalid.at(0).at(0).toString(), QStringLiteral("Invalid namespace"));
    QTRY_COMPARE(ordersUp.count(), 1);
    QTest::qWait(300);
    QCOMPARE(refused.count(), 1); // no automatic retry
    QCOMPARE(scheduled.count(), 0);
    QVERIFY(!admin->isActive());
    QCOMPARE(node.of(QStringLiteral("engine")).size(), 1);

    // "Authentication error" runs the refresh hook, which fixes the token and reconnects.
    SioClientOptions o2 = fastOptions();
    o2.auth = QJsonObject{{QStringLiteral("token"), QStringLiteral("expired")}};
    int refreshes = 0;
    o2.authRefresh = [&refreshes](SioSocket *s, std::function<void(bool)> done) {
        ++refreshes;
        s->setAuth(QJsonObject{{QStringLiteral("token"), QStringLiteral("secret")}});
        done(true);
    };
    SioManager m2(node.url(), o2);
    SioSocket *admin2 = m2.socket(QStringLiteral("/admin"));
    QSignalSpy errors2(admin2, &SioSocket::connectError);
    QSignalSpy up2(admin2, &SioSocket::connected);
    QTRY_COMPARE(up2.count(), 1);
    QCOMPARE(errors2.count(), 1);
    QCOMPARE(errors2.at(0).at(0).toString(), QStringLiteral("Authentication error"));
    QCOMPARE(refreshes, 1);
}

void tst_SioClientInterop::eventsAcksAndBinaryBothWays_data()
{
    QTest::addColumn<QStringList>("transports");
    QTest::newRow("websocket") << QStringList{QStringLiteral("websocket")};
    QTest::newRow("polling") << QStringList{QStringLiteral("polling")};
}

void tst_SioClientInterop::eventsAcksAndBinaryBothWays()
{
    QFETCH(QStringList, transports);
    NodePeer node;
    START(node);
    SioClientOptions o = fastOptions();
    o.transports = transports;
    SioManager m(node.url(), o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QTRY_COMPARE(up.count(), 1);
    QCOMPARE(m.transportName(), transports.first());

    // Client -> server: an event, an event with an ack, binary with an ack (echoed back).
    QVERIFY(s->emitEvent(QStringLiteral("hello"),
                         {1, QJsonObject{{QStringLiteral("a"), QStringLiteral("b")}}}));
    QList<SioAckResult> acks;
    s->emitWithAck(QStringLiteral("echo"), {QStringLiteral("x"), 2}, &m,
                   [&](const SioAckResult &r) { acks.append(r); });
    const QByteArray blob("\x00\x01\x02\xfe\xff", 5);
    s->emitWithAck(
        QStringLiteral("upload"),
        {QStringLiteral("file"), QJsonObject{{QStringLiteral("data"), SioCodec::placeholder(0)}}},
        &m, [&](const SioAckResult &r) { acks.append(r); }, 5000, {blob});
    QTRY_COMPARE(acks.size(), 2);
    QVERIFY(acks.at(0).ok());
    QCOMPARE(acks.at(0).args, QJsonArray({QStringLiteral("x"), 2}));
    QVERIFY(acks.at(1).ok());
    QCOMPARE(acks.at(1).attachments, QList<QByteArray>({blob}));
    int num = -1;
    QVERIFY(SioCodec::isPlaceholder(acks.at(1).args.at(1).toObject().value(QLatin1String("data")),
                                    &num));
    QCOMPARE(num, 0);
    const auto hello = node.events(QStringLiteral("/orders"), QStringLiteral("hello"));
    QCOMPARE(hello.size(), 1);
    QCOMPARE(hello.at(0).value(QLatin1String("args")).toArray(),
             QJsonArray({1, QJsonObject{{QStringLiteral("a"), QStringLiteral("b")}}}));
    const auto upload = node.events(QStringLiteral("/orders"), QStringLiteral("upload"));
    QCOMPARE(upload.at(0).value(QLatin1String("args")).toArray().at(1),
             QJsonValue(QJsonObject{
                 {QStringLiteral("data"), QJsonObject{{QStringLiteral("_binary"),
                                                       QString::fromLatin1(blob.toBase64())}}}}));

    // An ack that never comes times out.
    s->emitWithAck(
        QStringLiteral("noack"), {}, &m, [&](const SioAckResult &r) { acks.append(r); }, 200);
    QTRY_COMPARE(acks.size(), 3);
    QCOMPARE(acks.at(2).error, QStringLiteral("operation has timed out"));

    // Server -> client: plain, binary, and asking for acks (answered plain and binary).
    QList<SioEvent> events;
    connect(s, &SioSocket::eventReceived, &m, [&](const SioEvent &e) {
        events.append(e);
        if (e.name == QLatin1String("question"))
            s->sendAck(e.ackId, {QStringLiteral("answer"), e.args.at(0)});
        if (e.name == QLatin1String("binary-question"))
            s->sendAck(e.ackId, {SioCodec::placeholder(0)}, {QByteArray("\xca\xfe", 2)});
    });
    node.command(
        cmd(QStringLiteral("emit"),
            {{QStringLiteral("nsp"), QStringLiteral("/orders")},
             {QStringLiteral("event"), QStringLiteral("news")},
             {QStringLiteral("args"), QJsonArray{QJsonObject{{QStringLiteral("n"), 1}}}}}));
    node.command(
        cmd(QStringLiteral("emit"),
            {{QStringLiteral("nsp"), QStringLiteral("/orders")},
             {QStringLiteral("event"), QStringLiteral("picture")},
             {QStringLiteral("args"),
              QJsonArray{QJsonObject{{QStringLiteral("_binary"), QStringLiteral("AAEC")}}, 7}}}));
    node.command(
        cmd(QStringLiteral("emitWithAck"), {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                                            {QStringLiteral("event"), QStringLiteral("question")},
                                            {QStringLiteral("tag"), QStringLiteral("q1")},
                                            {QStringLiteral("args"), QJsonArray{42}}}));
    node.command(cmd(QStringLiteral("emitWithAck"),
                     {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                      {QStringLiteral("event"), QStringLiteral("binary-question")},
                      {QStringLiteral("tag"), QStringLiteral("q2")}}));
    QTRY_COMPARE(events.size(), 4);
    QCOMPARE(events.at(0).name, QStringLiteral("news"));
    QCOMPARE(events.at(0).args, QJsonArray({QJsonObject{{QStringLiteral("n"), 1}}}));
    QCOMPARE(events.at(1).name, QStringLiteral("picture"));
    const QList<QByteArray> picture{QByteArray("\x00\x01\x02", 3)};
    QCOMPARE(events.at(1).attachments, picture);
    QVERIFY(SioCodec::isPlaceholder(events.at(1).args.at(0)));
    QCOMPARE(events.at(1).args.at(1).toInt(), 7);
    QVERIFY(events.at(2).wantsAck());
    QTRY_COMPARE(node.of(QStringLiteral("ack")).size(), 2);
    for (const QJsonObject &a : node.of(QStringLiteral("ack"))) {
        QVERIFY(a.value(QLatin1String("error")).isNull());
        if (a.value(QLatin1String("tag")) == QLatin1String("q1"))
            QCOMPARE(a.value(QLatin1String("args")).toArray(),
                     QJsonArray({QStringLiteral("answer"), 42}));
        else
            QCOMPARE(
                a.value(QLatin1String("args")).toArray(),
                QJsonArray({QJsonObject{{QStringLiteral("_binary"), QStringLiteral("yv4=")}}}));
    }
}

void tst_SioClientInterop::serverDisconnectDoesNotReconnect()
{
    NodePeer node;
    START(node);
    SioManager m(node.url(), fastOptions());
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QTRY_COMPARE(up.count(), 1);
    node.command(
        cmd(QStringLiteral("disconnect"), {{QStringLiteral("nsp"), QStringLiteral("/orders")}}));
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("io server disconnect"));
    QTest::qWait(500);
    QCOMPARE(up.count(), 1);
    QCOMPARE(scheduled.count(), 0);
    QCOMPARE(node.of(QStringLiteral("connection")).size(), 1);
    QCOMPARE(s->state(), SioManager::State::Disconnected);
    QCOMPARE(m.state(), SioManager::State::Disconnected);
}

void tst_SioClientInterop::serverKilledAndRestarted()
{
    auto node = std::make_unique<NodePeer>();
    START(*node);
    const quint16 port = node->port();
    SioClientOptions o = fastOptions();
    o.transports = {QStringLiteral("websocket")};
    o.reconnectionDelay = 100;
    o.reconnectionDelayMax = 400;
    SioManager m(node->url(), o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QSignalSpy scheduled(&m, &SioManager::reconnectScheduled);
    QSignalSpy reconnectErrors(&m, &SioManager::reconnectError);
    QSignalSpy reconnected(&m, &SioManager::reconnected);
    QTRY_COMPARE(up.count(), 1);
    QVERIFY(s->emitEvent(QStringLiteral("before")));
    QTRY_COMPARE(node->events(QStringLiteral("/orders")).size(), 1);

    node->kill();
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("transport close"));
    QVERIFY(s->emitEvent(QStringLiteral("while-down"), {1}));
    QVERIFY(s->emitEvent(QStringLiteral("while-down"), {2}));
    QCOMPARE(s->bufferedEmits(), 2);
    QTRY_VERIFY(reconnectErrors.count() >= 2); // it keeps trying, further apart

    node = std::make_unique<NodePeer>(QJsonObject{{QStringLiteral("port"), int(port)}});
    START(*node);
    QCOMPARE(node->port(), port);
    QTRY_COMPARE(up.count(), 2);
    QCOMPARE(reconnected.count(), 1);
    QVERIFY(reconnected.at(0).at(0).toInt() >= 3);
    // Delays grow (no jitter below the cap matters here: each is within its bounds).
    for (int i = 0; i < scheduled.count(); ++i) {
        const int attempt = scheduled.at(i).at(0).toInt();
        const int delay = scheduled.at(i).at(1).toInt();
        const double base = std::min(100.0 * (1 << std::min(attempt - 1, 20)), 400.0);
        QVERIFY2(delay >= std::min(base * 0.5, 400.0) && delay <= 400,
                 qPrintable(QStringLiteral("attempt %1 delay %2").arg(attempt).arg(delay)));
    }
    QTRY_COMPARE(node->events(QStringLiteral("/orders"), QStringLiteral("while-down")).size(), 2);
    QTest::qWait(300);
    const auto delivered = node->events(QStringLiteral("/orders"));
    QCOMPARE(delivered.size(), 2); // exactly once, and nothing from before
    QCOMPARE(delivered.at(0).value(QLatin1String("args")).toArray(), QJsonArray{1});
    QCOMPARE(delivered.at(1).value(QLatin1String("args")).toArray(), QJsonArray{2});
    QCOMPARE(s->bufferedEmits(), 0);
}

void tst_SioClientInterop::serverStopsPinging()
{
    NodePeer node(
        QJsonObject{{QStringLiteral("pingInterval"), 300}, {QStringLiteral("pingTimeout"), 400}});
    START(node);
    SioClientOptions o = fastOptions();
    o.transports = {QStringLiteral("websocket")};
    SioManager m(node.url(), o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QSignalSpy pings(&m, &SioManager::ping);
    QTRY_COMPARE(up.count(), 1);
    QTRY_VERIFY(pings.count() >= 2); // the heartbeat works before the freeze
    QCOMPARE(down.count(), 0);
    node.command(cmd(QStringLiteral("freezePings")));
    QTRY_COMPARE(node.of(QStringLiteral("frozen")).size(), 1);
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("ping timeout"));
    QTRY_COMPARE(up.count(), 2);
    QCOMPARE(node.of(QStringLiteral("engine")).size(), 2);
    QTRY_COMPARE(node.of(QStringLiteral("engineClose")).size(), 1);
}

void tst_SioClientInterop::connectionStateRecovery()
{
    NodePeer node(QJsonObject{{QStringLiteral("recovery"), true}});
    START(node);
    SioClientOptions o = fastOptions();
    o.auth = QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}};
    SioManager m(node.url(), o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QStringList order;
    connect(s, &SioSocket::connected, &m, [&] { order.append(QStringLiteral("connected")); });
    connect(s, &SioSocket::eventReceived, &m, [&](const SioEvent &e) { order.append(e.name); });
    QSignalSpy down(s, &SioSocket::disconnected);
    QTRY_COMPARE(order, QStringList{QStringLiteral("connected")});
    QVERIFY(!s->pid().isEmpty());
    QVERIFY(!s->recovered());
    const QString firstId = s->id();
    node.command(cmd(QStringLiteral("emit"), {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                                              {QStringLiteral("event"), QStringLiteral("e1")},
                                              {QStringLiteral("args"), QJsonArray{1}}}));
    QTRY_COMPARE(order.size(), 2);
    QVERIFY(!s->lastOffset().isEmpty());

    QJsonArray missed{QJsonObject{{QStringLiteral("event"), QStringLiteral("e2")},
                                  {QStringLiteral("args"), QJsonArray{2}}},
                      QJsonObject{{QStringLiteral("event"), QStringLiteral("e3")},
                                  {QStringLiteral("args"), QJsonArray{3}}}};
    order.clear();
    node.command(cmd(QStringLiteral("drop"), {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                                              {QStringLiteral("thenEmit"), missed}}));
    QTRY_COMPARE(down.count(), 1);
    QTRY_COMPARE(order, QStringList({QStringLiteral("connected"), QStringLiteral("e2"),
                                     QStringLiteral("e3")}));
    QVERIFY(s->recovered());
    QCOMPARE(s->id(), firstId);
    const auto connections = node.of(QStringLiteral("connection"));
    QCOMPARE(connections.size(), 2);
    QVERIFY(connections.at(1).value(QLatin1String("recovered")).toBool());
    // The recovered socket keeps working.
    s->emitEvent(QStringLiteral("after"));
    QTRY_COMPARE(node.events(QStringLiteral("/orders"), QStringLiteral("after")).size(), 1);
}

// The console's live path (SioClientOptions::liteEvents: EVENT frames read with LiteJson) against
// the Qt-tree path, two managers on one stock server receiving the same broadcasts: the 17
// contract envelopes map to the same CafeEvents, binary events and anything else keep the tree
// path, acks and on() handlers work, the recovery offset is read the same.
void tst_SioClientInterop::liteEventsAgreeWithTree()
{
    NodePeer node(QJsonObject{{QStringLiteral("recovery"), true}});
    START(node);
    SioClientOptions treeOptions = fastOptions();
    treeOptions.transports = {QStringLiteral("websocket")};
    SioClientOptions liteOptions = treeOptions;
    liteOptions.liteEvents = true;
    SioManager tree(node.url(), treeOptions);
    SioManager lite(node.url(), liteOptions);
    SioSocket *ts = tree.socket(QStringLiteral("/orders"));
    QSignalSpy treeUp(ts, &SioSocket::connected);
    QTRY_COMPARE(treeUp.count(), 1);
    // The lite socket connects second, so it is the one "emitWithAck" (latest socket) asks.
    SioSocket *ls = lite.socket(QStringLiteral("/orders"));
    QSignalSpy liteUp(ls, &SioSocket::connected);
    QTRY_COMPARE(liteUp.count(), 1);
    QList<SioEvent> treeEvents;
    QList<SioEvent> liteEvents;
    connect(ts, &SioSocket::eventReceived, &tree, [&](const SioEvent &e) { treeEvents.append(e); });
    connect(ls, &SioSocket::eventReceived, &lite, [&](const SioEvent &e) {
        liteEvents.append(e);
        if (e.wantsAck())
            ls->sendAck(e.ackId, {QStringLiteral("seen"), e.liteArg(0).toJsonValue()});
    });
    QJsonArray handled;
    ls->on(QStringLiteral("order:created"), &lite,
           [&](const SioEvent &e) { handled.append(QJsonValue(e.args)); });

    const QStringList files = QDir(QStringLiteral(TT_EVENT_FIXTURES))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 17);
    QStringList names;
    for (const QString &file : files) {
        QFile f(QStringLiteral(TT_EVENT_FIXTURES "/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject envelope = QJsonDocument::fromJson(f.readAll()).object();
        names.append(envelope.value(QLatin1String("event")).toString());
        node.command(
            cmd(QStringLiteral("emit"), {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                                         {QStringLiteral("broadcast"), true},
                                         {QStringLiteral("event"), names.last()},
                                         {QStringLiteral("args"), QJsonArray{envelope}}}));
    }
    // Binary: the tree path on both sides (placeholders and attachments).
    node.command(
        cmd(QStringLiteral("emit"),
            {{QStringLiteral("nsp"), QStringLiteral("/orders")},
             {QStringLiteral("broadcast"), true},
             {QStringLiteral("event"), QStringLiteral("picture")},
             {QStringLiteral("args"),
              QJsonArray{QJsonObject{{QStringLiteral("_binary"), QStringLiteral("AAEC")}}, 7}}}));
    QTRY_COMPARE(treeEvents.size(), 18);
    QTRY_COMPARE(liteEvents.size(), 18);
    for (int i = 0; i < 17; ++i) {
        const SioEvent &t = treeEvents.at(i);
        const SioEvent &l = liteEvents.at(i);
        QCOMPARE(l.name, names.at(i));
        QCOMPARE(t.name, names.at(i));
        QVERIFY(!t.lite);
        QVERIFY(l.lite);
        QVERIFY(l.args.isEmpty());
        // The envelope plus the recovery offset, the same values as the tree's.
        QCOMPARE(t.args.size(), 2);
        QCOMPARE(l.argCount(), 2);
        QCOMPARE(l.jsonArgs(), t.args);
        const auto fromTree = EventMapper::mapEvent(t.nsp, t.name, t.args.at(0));
        const auto fromLite = EventMapper::mapEvent(l.nsp, l.name, l.liteArg(0));
        QVERIFY2(fromTree.ok(), qPrintable(names.at(i)));
        QVERIFY(fromLite.ok());
        QCOMPARE(fromLite->name, fromTree->name);
        QCOMPARE(fromLite->nsp, fromTree->nsp);
        QCOMPARE(fromLite->meta.timestamp, fromTree->meta.timestamp);
        QCOMPARE(fromLite->meta.cafeId, fromTree->meta.cafeId);
        QCOMPARE(fromLite->meta.eventId, fromTree->meta.eventId);
        QCOMPARE(fromLite->payload.index(), fromTree->payload.index());
        QCOMPARE(fromLite->summary, fromTree->summary);
    }
    const SioEvent &picture = liteEvents.at(17);
    QVERIFY(!picture.lite);
    QCOMPARE(picture.attachments, QList<QByteArray>{QByteArray("\x00\x01\x02", 3)});
    QVERIFY(SioCodec::isPlaceholder(picture.args.at(0)));
    QCOMPARE(picture.args.at(1).toInt(), 7);
    QCOMPARE(picture.jsonArgs(), picture.args);
    // on() handlers get Qt's tree.
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.at(0).toArray(),
             treeEvents.at(names.indexOf(QStringLiteral("order:created"))).args);

    // An event asking for an ack, answered from the nodes.
    node.command(
        cmd(QStringLiteral("emitWithAck"), {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                                            {QStringLiteral("event"), QStringLiteral("question")},
                                            {QStringLiteral("tag"), QStringLiteral("q1")},
                                            {QStringLiteral("args"), QJsonArray{42}}}));
    QTRY_COMPARE(node.of(QStringLiteral("ack")).size(), 1);
    const QJsonObject ack = node.of(QStringLiteral("ack")).at(0);
    QVERIFY(ack.value(QLatin1String("error")).isNull());
    QCOMPARE(ack.value(QLatin1String("args")).toArray(), QJsonArray({QStringLiteral("seen"), 42}));
    QCOMPARE(liteEvents.size(), 19);
    QVERIFY(liteEvents.last().lite);
    QVERIFY(liteEvents.last().wantsAck());
    QCOMPARE(treeEvents.size(), 18);

    // The recovery offset of the last event, read from the nodes: the same as the tree's.
    node.command(cmd(QStringLiteral("emit"), {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                                              {QStringLiteral("broadcast"), true},
                                              {QStringLiteral("event"), QStringLiteral("tail")},
                                              {QStringLiteral("args"), QJsonArray{1}}}));
    QTRY_COMPARE(liteEvents.size(), 20);
    QTRY_COMPARE(treeEvents.size(), 19);
    QVERIFY(liteEvents.last().lite);
    QCOMPARE(liteEvents.last().argCount(), 2);
    QVERIFY(!ls->lastOffset().isEmpty());
    QCOMPARE(ls->lastOffset(), liteEvents.last().liteArg(1).toString());
    QCOMPARE(ls->lastOffset(), ts->lastOffset());
}

void tst_SioClientInterop::transports_data()
{
    QTest::addColumn<QStringList>("transports");
    QTest::addColumn<QString>("handshake");
    QTest::addColumn<QString>("final");
    QTest::newRow("polling only") << QStringList{QStringLiteral("polling")}
                                  << QStringLiteral("polling") << QStringLiteral("polling");
    QTest::newRow("websocket only") << QStringList{QStringLiteral("websocket")}
                                    << QStringLiteral("websocket") << QStringLiteral("websocket");
    QTest::newRow("polling then upgrade")
        << QStringList{QStringLiteral("polling"), QStringLiteral("websocket")}
        << QStringLiteral("polling") << QStringLiteral("websocket");
}

void tst_SioClientInterop::transports()
{
    QFETCH(QStringList, transports);
    QFETCH(QString, handshake);
    QFETCH(QString, final);
    NodePeer node;
    START(node);
    SioClientOptions o = fastOptions();
    o.transports = transports;
    SioManager m(node.url(), o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy changed(&m, &SioManager::transportChanged);
    QTRY_COMPARE(up.count(), 1);
    QTRY_COMPARE(m.transportName(), final);
    QTRY_COMPARE(node.of(QStringLiteral("engine")).size(), 1);
    QCOMPARE(node.of(QStringLiteral("engine")).at(0).value(QLatin1String("transport")).toString(),
             handshake);
    if (handshake != final) {
        QTRY_COMPARE(node.of(QStringLiteral("upgrade")).size(), 1);
        QCOMPARE(
            node.of(QStringLiteral("upgrade")).at(0).value(QLatin1String("transport")).toString(),
            final);
        QCOMPARE(changed.count(), 2);
    } else {
        QTest::qWait(200);
        QCOMPARE(node.of(QStringLiteral("upgrade")).size(), 0);
        QCOMPARE(changed.count(), 1);
    }
    QList<SioAckResult> acks;
    for (int i = 0; i < 3; ++i)
        s->emitWithAck(QStringLiteral("echo"), {i}, &m,
                       [&](const SioAckResult &r) { acks.append(r); });
    QTRY_COMPARE(acks.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(acks.at(i).args, QJsonArray{i});
    QCOMPARE(node.of(QStringLiteral("engine")).size(), 1);
}

void tst_SioClientInterop::pollingBodiesStayUnderMaxPayload()
{
    // A small maxHttpBufferSize: the server answers a bigger POST with 413 and drops us.
    NodePeer node(QJsonObject{{QStringLiteral("maxHttpBufferSize"), 1000}});
    START(node);
    SioClientOptions o = fastOptions();
    o.transports = {QStringLiteral("polling")};
    SioManager m(node.url(), o);
    SioSocket *s = m.socket(QStringLiteral("/orders"));
    QSignalSpy up(s, &SioSocket::connected);
    QSignalSpy down(s, &SioSocket::disconnected);
    QTRY_COMPARE(up.count(), 1);
    const QString chunk(400, QLatin1Char('x'));
    for (int i = 0; i < 8; ++i)
        s->emitEvent(QStringLiteral("big"), {i, chunk});
    QTRY_COMPARE(node.events(QStringLiteral("/orders"), QStringLiteral("big")).size(), 8);
    QCOMPARE(down.count(), 0);
    const auto got = node.events(QStringLiteral("/orders"), QStringLiteral("big"));
    for (int i = 0; i < 8; ++i)
        QCOMPARE(got.at(i).value(QLatin1String("args")).toArray().at(0).toInt(), i);
}

void tst_SioClientInterop::wssWithCustomCa()
{
    TestCerts certs;
    if (!certs.generate())
        QFAIL(qPrintable(certs.error));
    NodePeer node(QJsonObject{
        {QStringLiteral("tls"), QJsonObject{{QStringLiteral("key"), certs.serverKey()},
                                            {QStringLiteral("cert"), certs.serverPem()}}}});
    START(node);

    // Trusted through the custom CA: https polling, then the wss upgrade.
    {
        SioClientOptions o = fastOptions();
        o.caFile = certs.caPem();
        SioManager m(node.url(QStringLiteral("https")), o);
        SioSocket *s = m.socket(QStringLiteral("/orders"));
        QSignalSpy up(s, &SioSocket::connected);
        QTRY_COMPARE(up.count(), 1);
        QTRY_COMPARE(m.transportName(), QStringLiteral("websocket"));
        QList<SioAckResult> acks;
        s->emitWithAck(QStringLiteral("echo"), {QStringLiteral("tls")}, &m,
                       [&](const SioAckResult &r) { acks.append(r); });
        QTRY_COMPARE(acks.size(), 1);
        QCOMPARE(acks.at(0).args, QJsonArray{QStringLiteral("tls")});
    }
    // wss straight away, the CA given as certificates.
    {
        SioClientOptions o = fastOptions();
        o.transports = {QStringLiteral("websocket")};
        o.caCertificates = certs.ca();
        SioManager m(node.url(QStringLiteral("wss")), o);
        QSignalSpy up(m.socket(QStringLiteral("/orders")), &SioSocket::connected);
        QTRY_COMPARE(up.count(), 1);
    }
    // Without the CA: refused, for both transports.
    for (const QString &transport : {QStringLiteral("polling"), QStringLiteral("websocket")}) {
        SioClientOptions o = fastOptions();
        o.transports = {transport};
        o.reconnection = false;
        SioManager m(node.url(QStringLiteral("https")), o);
        SioSocket *s = m.socket(QStringLiteral("/orders"));
        QSignalSpy errors(s, &SioSocket::connectError);
        QSignalSpy up(s, &SioSocket::connected);
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(up.count(), 0);
        const QString message = errors.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("SSL"), Qt::CaseInsensitive)
                     || message.contains(QStringLiteral("TLS")),
                 qPrintable(message));
    }
    // The insecure opt-in connects without it.
    {
        SioClientOptions o = fastOptions();
        o.insecure = true;
        SioManager m(node.url(QStringLiteral("https")), o);
        QSignalSpy up(m.socket(QStringLiteral("/orders")), &SioSocket::connected);
        QTRY_COMPARE(up.count(), 1);
    }
}

QTEST_GUILESS_MAIN(tst_SioClientInterop)
#include "tst_sioclientinterop.moc"
