// Stock Node socket.io-client 4.8.4 (tests/interop/server-client.js) against OUR server,
// started in process: default transports with the upgrade, websocket only, polling only, two
// namespaces on one connection, acks both ways, binary both ways, rooms with except, middleware
// refusal, a client that stops answering pings, and connection state recovery.
#include "engineserver.h"
#include "enginesession.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "webserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace TableTap;

namespace {
constexpr int pingInterval = 300;
constexpr int pingTimeout = 200;
} // namespace

class tst_ServerInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaultTransportsUpgrade();
    void websocketOnly();
    void pollingOnly();
    void namespacesShareOneConnection();
    void acksBothWays();
    void roomsWithExcept();
    void middlewareRefusal();
    void silentClientDropped();
    void recoveryAfterDrop();

private:
    QJsonObject run(const QString &scenario);
    void setUpHub();

    std::unique_ptr<WebServer> m_web;
    std::unique_ptr<EngineServer> m_engine;
    std::unique_ptr<SioServer> m_io;
    QHash<QString, QString> m_reasons;   // socket name -> disconnect reason
    QHash<QString, qint64> m_lifetimes;  // socket name -> ms connected
    QHash<QString, QString> m_clientIds; // socket name -> Engine.IO session id
    QHash<QString, bool> m_recovered;    // socket name -> recovered on its last connect
};

void tst_ServerInterop::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    if (!QFile::exists(QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client")))
        QSKIP("run `npm ci` in tests/interop first");
    setUpHub();
    QVERIFY(m_web->listen());
}

void tst_ServerInterop::setUpHub()
{
    m_web = std::make_unique<WebServer>();
    EngineServer::Options eio;
    eio.pingInterval = pingInterval;
    eio.pingTimeout = pingTimeout;
    m_engine = std::make_unique<EngineServer>(eio);
    SioServer::Options sio;
    sio.connectionStateRecovery = true;
    m_io = std::make_unique<SioServer>(m_engine.get(), sio);
    m_web->mount(m_engine.get());

    SioNamespace *root = m_io->of("/");
    connect(root, &SioNamespace::connection, this, [this, root](SioServerSocket *s) {
        const QString name = s->handshake().auth.value("name").toString();
        m_clientIds.insert(name, s->client()->id());
        m_recovered.insert(name, s->isRecovered());
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        connect(s, &SioServerSocket::disconnected, this,
                [this, name, clock, root](const QString &reason) {
                    m_reasons.insert(name, reason);
                    m_lifetimes.insert(name, clock->elapsed());
                    if (name == "rec" && reason == "transport error") {
                        // Missed while away: replayed on recovery.
                        root->to("news").emitEvent("tick", {2});
                        root->to("news").emitEvent("tick", {3});
                    }
                });
        QPointer<SioServerSocket> guard(s);
        s->emitEvent("welcome",
                     {QJsonObject{{"transport", s->client()->session()->transportName()}}});
        s->on("echo", [](const QJsonArray &a, const QList<QByteArray> &, const auto &ack) {
            if (ack)
                ack(a, {});
        });
        s->on("bin", [](const QJsonArray &a, const QList<QByteArray> &att, const auto &ack) {
            if (ack)
                ack(a, att);
        });
        s->on("join", [guard](const QJsonArray &a, const QList<QByteArray> &, const auto &ack) {
            if (guard)
                guard->join(a.first().toString());
            if (ack)
                ack({}, {});
        });
        s->on("shout", [root](const QJsonArray &a, const QList<QByteArray> &, const auto &ack) {
            const QJsonObject o = a.first().toObject();
            QStringList to, except;
            for (const auto &v : o.value("to").toArray())
                to << v.toString();
            for (const auto &v : o.value("except").toArray())
                except << v.toString();
            root->to(to).except(except).emitEvent("heard", {o.value("msg")});
            if (ack)
                ack({}, {});
        });
        s->on("ask-me", [guard](const QJsonArray &a, const QList<QByteArray> &, const auto &) {
            if (!guard)
                return;
            guard->emitWithAck(
                "question", {a.first()},
                [guard](const SioServerSocket::AckReply &reply) {
                    if (guard)
                        guard->emitEvent("answer-received", {reply.ok() ? reply.args.first()
                                                                        : QJsonValue(reply.error)});
                },
                5000);
        });
        s->on("tick-me", [root](const QJsonArray &, const QList<QByteArray> &, const auto &) {
            root->to("news").emitEvent("tick", {1});
        });
        s->on("dropme", [guard](const QJsonArray &, const QList<QByteArray> &, const auto &) {
            QTimer::singleShot(0, [guard] {
                if (guard && guard->client() && guard->client()->session())
                    guard->client()->session()->abort("transport error", "dropped by the test");
            });
        });
    });
    for (const QString &name : {QStringLiteral("/a"), QStringLiteral("/b")}) {
        SioNamespace *nsp = m_io->of(name);
        connect(nsp, &SioNamespace::connection, this, [this, name](SioServerSocket *s) {
            m_clientIds.insert(name, s->client()->id());
            s->emitEvent("hello", {name});
            s->on("echo", [](const QJsonArray &a, const QList<QByteArray> &, const auto &ack) {
                if (ack)
                    ack(a, {});
            });
        });
    }
    m_io->of("/private")->use([](SioServerSocket *, const SioNamespace::Next &next) {
        next("not allowed", QJsonObject{{"code", 42}});
    });
}

QJsonObject tst_ServerInterop::run(const QString &scenario)
{
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(TT_INTEROP_DIR));
    node.start(QStringLiteral("node"), {QStringLiteral(TT_INTEROP_DIR "/server-client.js"),
                                        QString::number(m_web->serverPort()), scenario});
    if (!node.waitForStarted(5000))
        return {{"error", "node did not start"}};
    // The server runs in this thread: wait with the event loop turning.
    QElapsedTimer clock;
    clock.start();
    while (node.state() != QProcess::NotRunning && clock.elapsed() < 25000)
        QTest::qWait(10);
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished(2000);
    }
    const QByteArray err = node.readAllStandardError();
    if (!err.isEmpty())
        qWarning().noquote() << "node stderr:" << err.left(2000);
    for (const QByteArray &line : node.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value("done").toBool())
            return o.value("result").toObject();
    }
    return {{"error", "no result from node"}};
}

void tst_ServerInterop::defaultTransportsUpgrade()
{
    const QJsonObject r = run("default");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    QCOMPARE(r.value("firstTransport").toString(), "polling");
    QCOMPARE(r.value("upgradedTo").toString(), "websocket");
    QCOMPARE(r.value("welcome").toObject().value("transport").toString(), "polling");
    QCOMPARE(r.value("echo").toArray(),
             (QJsonArray{"hello", 42, QJsonObject{{"nested", QJsonArray{true}}}}));
    QCOMPARE(r.value("binaryBack").toArray(), (QJsonArray{1, 2, 3, 250}));
    QCOMPARE(r.value("serverGotAck").toObject().value("answer").toInt(), 42);
    QTRY_COMPARE(m_reasons.value("default"), QStringLiteral("client namespace disconnect"));
}

void tst_ServerInterop::websocketOnly()
{
    const QJsonObject r = run("websocket");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    QCOMPARE(r.value("firstTransport").toString(), "websocket");
    QCOMPARE(r.value("welcome").toObject().value("transport").toString(), "websocket");
    QCOMPARE(r.value("binaryBack").toArray(), (QJsonArray{1, 2, 3, 250}));
    QCOMPARE(r.value("serverGotAck").toObject().value("answer").toInt(), 42);
}

void tst_ServerInterop::pollingOnly()
{
    const QJsonObject r = run("polling");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    QCOMPARE(r.value("finalTransport").toString(), "polling");
    QCOMPARE(r.value("echo").toArray().size(), 3);
    QCOMPARE(r.value("binaryBack").toArray(), (QJsonArray{1, 2, 3, 250}));
    QCOMPARE(r.value("serverGotAck").toObject().value("answer").toInt(), 42);
}

void tst_ServerInterop::namespacesShareOneConnection()
{
    m_clientIds.clear();
    const QJsonObject r = run("namespaces");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    QCOMPARE(r.value("hello").toArray().at(0).toString(), "/a");
    QCOMPARE(r.value("hello").toArray().at(1).toString(), "/b");
    QVERIFY(r.value("sameEngine").toBool());
    QCOMPARE(r.value("echoA").toArray(), QJsonArray{"on a"});
    // One Engine.IO connection carries both namespaces.
    QCOMPARE(m_clientIds.value("/a"), r.value("engineId").toString());
    QCOMPARE(m_clientIds.value("/b"), r.value("engineId").toString());
}

void tst_ServerInterop::acksBothWays()
{
    const QJsonObject r = run("acks");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    QCOMPARE(r.value("echo").toArray(), (QJsonArray{1, "2", QJsonArray{3}}));
    QCOMPARE(r.value("timeoutError").toString(), "operation has timed out");
    QCOMPARE(r.value("serverGotAck").toObject().value("answer").toInt(), 10);
}

void tst_ServerInterop::roomsWithExcept()
{
    const QJsonObject r = run("rooms");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    const QJsonObject heard = r.value("heard").toObject();
    QCOMPARE(heard.value("r-a").toArray(), QJsonArray{"m1"});
    QCOMPARE(heard.value("r-b").toArray(), (QJsonArray{"m1", "m2"}));
    QCOMPARE(heard.value("r-c").toArray(), QJsonArray{"m2"});
}

void tst_ServerInterop::middlewareRefusal()
{
    const QJsonObject r = run("refusal");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    const QJsonObject e = r.value("connectError").toObject();
    QCOMPARE(e.value("message").toString(), "not allowed");
    QCOMPARE(e.value("data").toObject().value("code").toInt(), 42);
    QCOMPARE(r.value("active").toBool(), false); // no automatic retry after a refusal
}

void tst_ServerInterop::silentClientDropped()
{
    const QJsonObject r = run("silent");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    QCOMPARE(m_reasons.value("silent"), QStringLiteral("ping timeout"));
    // Dropped within pingInterval + pingTimeout of going silent (plus scheduling slack).
    QVERIFY2(m_lifetimes.value("silent") < pingInterval + pingTimeout + 700,
             QByteArray::number(m_lifetimes.value("silent")));
    QCOMPARE(r.value("clientReason").toString(), "transport close");
}

void tst_ServerInterop::recoveryAfterDrop()
{
    const QJsonObject r = run("recovery");
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    QCOMPARE(r.value("firstRecovered").toBool(), false);
    QCOMPARE(r.value("disconnectReason").toString(), "transport close");
    QCOMPARE(r.value("recovered").toBool(), true);
    QCOMPARE(r.value("sameId").toBool(), true);
    QCOMPARE(r.value("ticks").toArray(), (QJsonArray{1, 2, 3}));
    QVERIFY(m_recovered.value("rec"));
}

QTEST_GUILESS_MAIN(tst_ServerInterop)
#include "tst_serverinterop.moc"
