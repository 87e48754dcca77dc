// tabletap-cli end to end against a stock Node socket.io 4.8.4 server: listen and emit, the
// JSON lines it prints, and its exit codes (usage, connect_error, ack timeout, connection lost).
#include "nodepeer.h"
#include "testcerts.h"

#include <QJsonArray>
#include <QTest>

using namespace TableTap;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> result;
        for (const QByteArray &l : out.split('\n'))
            if (!l.trimmed().isEmpty())
                result.append(QJsonDocument::fromJson(l).object());
        return result;
    }
};

// Starts the CLI; the test drives the node server while it runs.
class Cli
{
public:
    explicit Cli(const QStringList &args)
    {
        m_process.start(QStringLiteral(TT_CLI), args);
        m_process.waitForStarted(10000);
    }
    ~Cli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // Waits without blocking the event loop the node peer needs.
    Run finish(int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_process.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(10);
        Run r;
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        } else {
            r.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
        }
        r.out = m_process.readAllStandardOutput();
        r.err = m_process.readAllStandardError();
        return r;
    }
    bool running() const { return m_process.state() == QProcess::Running; }

private:
    QProcess m_process;
};

Run runCli(const QStringList &args, int timeoutMs = 20000)
{
    return Cli(args).finish(timeoutMs);
}

QJsonObject cmd(const QString &name, QJsonObject fields = {})
{
    fields.insert(QStringLiteral("cmd"), name);
    return fields;
}

bool oneLine(const QByteArray &err)
{
    return err.trimmed().count('\n') == 0 && !err.trimmed().isEmpty();
}

} // namespace

class tst_CliInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpListsExitCodes();
    void usageErrors_data();
    void usageErrors();
    void listenPrintsEvents_data();
    void listenPrintsEvents();
    void emitSendsOneEvent();
    void emitWithAck();
    void binaryArgumentsBothWays();
    void ackTimeout();
    void connectErrorExitCode();
    void unreachableServer();
    void connectionLost();
    void wssNeedsTheCa();
};

#define START(peer) \
    do { \
        const QString error = (peer).start(); \
        if (!error.isEmpty()) \
            QFAIL(qPrintable(error)); \
    } while (false)

void tst_CliInterop::helpListsExitCodes()
{
    const Run r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *needle :
         {"listen URL", "emit URL EVENT", "0  ok", "1  runtime error", "2  usage error",
          "3  connect_error", "4  ack timeout", "5  connection lost", "--namespace", "--auth",
          "--query", "--transports", "--count", "--duration", "--ca", "--insecure", "--ack",
          "--timeout"})
        QVERIFY2(r.out.contains(needle), needle);
}

void tst_CliInterop::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString url = QStringLiteral("http://127.0.0.1:9");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("watch"), url};
    QTest::newRow("no url") << QStringList{QStringLiteral("listen")};
    QTest::newRow("bad url") << QStringList{QStringLiteral("listen"), QStringLiteral("ftp://x")};
    QTest::newRow("no event") << QStringList{QStringLiteral("emit"), url};
    QTest::newRow("bad json arg") << QStringList{QStringLiteral("emit"), url, QStringLiteral("e"),
                                                 QStringLiteral("{nope")};
    QTest::newRow("auth not object") << QStringList{
        QStringLiteral("listen"), url, QStringLiteral("--auth"), QStringLiteral("[1]")};
    QTest::newRow("query without =") << QStringList{QStringLiteral("listen"), url,
                                                    QStringLiteral("--query"), QStringLiteral("x")};
    QTest::newRow("bad transports")
        << QStringList{QStringLiteral("listen"), url, QStringLiteral("--transports"),
                       QStringLiteral("carrier-pigeon")};
    QTest::newRow("reserved event")
        << QStringList{QStringLiteral("emit"), url, QStringLiteral("connect")};
    QTest::newRow("missing ca") << QStringList{
        QStringLiteral("listen"), url, QStringLiteral("--ca"), QStringLiteral("/nonexistent.pem")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("listen"), url, QStringLiteral("--frobnicate")};
}

void tst_CliInterop::usageErrors()
{
    QFETCH(QStringList, args);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(oneLine(r.err), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_CliInterop::listenPrintsEvents_data()
{
    QTest::addColumn<QString>("transports");
    QTest::newRow("default") << QStringLiteral("polling,websocket");
    QTest::newRow("websocket") << QStringLiteral("websocket");
    QTest::newRow("polling") << QStringLiteral("polling");
}

void tst_CliInterop::listenPrintsEvents()
{
    QFETCH(QString, transports);
    NodePeer node;
    START(node);
    Cli cli({QStringLiteral("listen"), node.url().toString(), QStringLiteral("--namespace"),
             QStringLiteral("/orders"), QStringLiteral("-n"), QStringLiteral("/"),
             QStringLiteral("--query"), QStringLiteral("cafe_id=c1"), QStringLiteral("--auth"),
             QStringLiteral("{\"token\":\"t\"}"), QStringLiteral("--transports"), transports,
             QStringLiteral("--count"), QStringLiteral("3")});
    QTRY_COMPARE_WITH_TIMEOUT(node.of(QStringLiteral("connection")).size(), 2, 10000);
    const QJsonObject first = node.of(QStringLiteral("connection")).at(0);
    QCOMPARE(first.value(QLatin1String("query")).toObject().value(QLatin1String("cafe_id")),
             QJsonValue(QStringLiteral("c1")));
    QCOMPARE(first.value(QLatin1String("auth")).toObject().value(QLatin1String("token")),
             QJsonValue(QStringLiteral("t")));
    QCOMPARE(first.value(QLatin1String("transport")).toString(),
             transports.section(QLatin1Char(','), 0, 0));
    node.command(
        cmd(QStringLiteral("emit"),
            {{QStringLiteral("nsp"), QStringLiteral("/orders")},
             {QStringLiteral("event"), QStringLiteral("order:created")},
             {QStringLiteral("args"), QJsonArray{QJsonObject{{QStringLiteral("id"), 1}}}}}));
    node.command(cmd(QStringLiteral("emit"), {{QStringLiteral("nsp"), QStringLiteral("/")},
                                              {QStringLiteral("event"), QStringLiteral("hello")},
                                              {QStringLiteral("args"), QJsonArray{}}}));
    node.command(cmd(QStringLiteral("emit"),
                     {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                      {QStringLiteral("event"), QStringLiteral("blob")},
                      {QStringLiteral("args"),
                       QJsonArray{QStringLiteral("x"), QJsonObject{{QStringLiteral("_binary"),
                                                                    QStringLiteral("AAEC")}}}}}));
    const Run r = cli.finish();
    QCOMPARE(r.exitCode, 0);
    const auto lines = r.lines();
    QCOMPARE(lines.size(), 3);
    // One JSON object per line, keys in the documented order.
    QVERIFY(r.out.startsWith("{\"nsp\":"));
    QList<QJsonObject> orders;
    for (const QJsonObject &l : lines)
        if (l.value(QLatin1String("nsp")) == QLatin1String("/orders"))
            orders.append(l);
    QCOMPARE(orders.size(), 2);
    QCOMPARE(orders.at(0).value(QLatin1String("event")).toString(),
             QStringLiteral("order:created"));
    QCOMPARE(orders.at(0).value(QLatin1String("args")).toArray(),
             QJsonArray({QJsonObject{{QStringLiteral("id"), 1}}}));
    QCOMPARE(orders.at(1).value(QLatin1String("args")).toArray(),
             QJsonArray({QStringLiteral("x"),
                         QJsonObject{{QStringLiteral("_binary"), QStringLiteral("AAEC")}}}));
    bool sawMain = false;
    for (const QJsonObject &l : lines)
        sawMain |= l.value(QLatin1String("nsp")) == QLatin1String("/")
                   && l.value(QLatin1String("event")) == QLatin1String("hello");
    QVERIFY(sawMain);
}

void tst_CliInterop::emitSendsOneEvent()
{
    NodePeer node;
    START(node);
    for (const QString &transports : {QStringLiteral("websocket"), QStringLiteral("polling")}) {
        const Run r
            = runCli({QStringLiteral("emit"), node.url().toString(), QStringLiteral("-n"),
                      QStringLiteral("/orders"), QStringLiteral("ping:me"),
                      QStringLiteral("{\"a\":1}"), QStringLiteral("2"), QStringLiteral("\"three\""),
                      QStringLiteral("--transports"), transports});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
    QTRY_COMPARE(node.events(QStringLiteral("/orders"), QStringLiteral("ping:me")).size(), 2);
    for (const QJsonObject &e : node.events(QStringLiteral("/orders")))
        QCOMPARE(e.value(QLatin1String("args")).toArray(),
                 QJsonArray({QJsonObject{{QStringLiteral("a"), 1}}, 2, QStringLiteral("three")}));
}

void tst_CliInterop::emitWithAck()
{
    NodePeer node;
    START(node);
    const Run r
        = runCli({QStringLiteral("emit"), node.url().toString(), QStringLiteral("-n"),
                  QStringLiteral("/orders"), QStringLiteral("echo"), QStringLiteral("\"x\""),
                  QStringLiteral("{\"n\":[1,2]}"), QStringLiteral("--ack")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("[\"x\",{\"n\":[1,2]}]"));
    QVERIFY(r.err.isEmpty());
}

void tst_CliInterop::binaryArgumentsBothWays()
{
    NodePeer node;
    START(node);
    const Run r = runCli({QStringLiteral("emit"), node.url().toString(), QStringLiteral("-n"),
                          QStringLiteral("/orders"), QStringLiteral("echo"),
                          QStringLiteral("{\"_binary\":\"yv66vg==\"}"), QStringLiteral("--ack")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("[{\"_binary\":\"yv66vg==\"}]"));
    const auto e = node.events(QStringLiteral("/orders"), QStringLiteral("echo"));
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.at(0).value(QLatin1String("args")).toArray(),
             QJsonArray({QJsonObject{{QStringLiteral("_binary"), QStringLiteral("yv66vg==")}}}));
}

void tst_CliInterop::ackTimeout()
{
    NodePeer node;
    START(node);
    const Run r
        = runCli({QStringLiteral("emit"), node.url().toString(), QStringLiteral("-n"),
                  QStringLiteral("/orders"), QStringLiteral("noack"), QStringLiteral("--ack"),
                  QStringLiteral("--timeout"), QStringLiteral("300")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(oneLine(r.err), r.err.constData());
    QVERIFY(r.err.contains("300 ms"));
    QVERIFY(r.out.isEmpty());
}

void tst_CliInterop::connectErrorExitCode()
{
    NodePeer node;
    START(node);
    for (const QString &command : {QStringLiteral("emit"), QStringLiteral("listen")}) {
        QStringList args{command,
                         node.url().toString(),
                         QStringLiteral("-n"),
                         QStringLiteral("/admin"),
                         QStringLiteral("--auth"),
                         QStringLiteral("{\"token\":\"nope\"}")};
        if (command == QLatin1String("emit"))
            args.append(QStringLiteral("e"));
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(oneLine(r.err), r.err.constData());
        QVERIFY2(r.err.contains("not authorized") && r.err.contains("\"code\":401"),
                 r.err.constData());
    }
    // An unknown namespace, named by the URL's path.
    const Run r
        = runCli({QStringLiteral("listen"), node.url().toString() + QStringLiteral("/nowhere")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("Invalid namespace"), r.err.constData());
}

void tst_CliInterop::unreachableServer()
{
    quint16 port = 0;
    {
        NodePeer node;
        START(node);
        port = node.port();
    }
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    for (const QString &command : {QStringLiteral("listen"), QStringLiteral("emit")}) {
        QStringList args{command, url, QStringLiteral("-n"), QStringLiteral("/orders")};
        if (command == QLatin1String("emit"))
            args.append(QStringLiteral("e"));
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(oneLine(r.err), r.err.constData());
    }
}

void tst_CliInterop::connectionLost()
{
    NodePeer node;
    START(node);
    {
        // The server ends the namespace: no reconnection, exit 5.
        Cli cli({QStringLiteral("listen"), node.url().toString(), QStringLiteral("-n"),
                 QStringLiteral("/orders")});
        QTRY_COMPARE_WITH_TIMEOUT(node.of(QStringLiteral("connection")).size(), 1, 10000);
        node.command(cmd(QStringLiteral("disconnect"),
                         {{QStringLiteral("nsp"), QStringLiteral("/orders")}}));
        const Run r = cli.finish();
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(oneLine(r.err), r.err.constData());
        QVERIFY(r.err.contains("io server disconnect"));
    }
    {
        // --no-reconnect: a dropped transport ends it too.
        Cli cli({QStringLiteral("listen"), node.url().toString(), QStringLiteral("-n"),
                 QStringLiteral("/orders"), QStringLiteral("--no-reconnect"),
                 QStringLiteral("--transports"), QStringLiteral("websocket")});
        QTRY_COMPARE_WITH_TIMEOUT(node.of(QStringLiteral("connection")).size(), 2, 10000);
        node.command(
            cmd(QStringLiteral("drop"), {{QStringLiteral("nsp"), QStringLiteral("/orders")}}));
        const Run r = cli.finish();
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(oneLine(r.err), r.err.constData());
    }
    {
        // By default listen rides through a dropped transport and keeps printing.
        Cli cli({QStringLiteral("listen"), node.url().toString(), QStringLiteral("-n"),
                 QStringLiteral("/orders"), QStringLiteral("--count"), QStringLiteral("1"),
                 QStringLiteral("--transports"), QStringLiteral("websocket")});
        QTRY_COMPARE_WITH_TIMEOUT(node.of(QStringLiteral("connection")).size(), 3, 10000);
        node.command(
            cmd(QStringLiteral("drop"), {{QStringLiteral("nsp"), QStringLiteral("/orders")}}));
        QTRY_COMPARE_WITH_TIMEOUT(node.of(QStringLiteral("connection")).size(), 4, 10000);
        node.command(
            cmd(QStringLiteral("emit"), {{QStringLiteral("nsp"), QStringLiteral("/orders")},
                                         {QStringLiteral("event"), QStringLiteral("back")}}));
        const Run r = cli.finish();
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 1);
    }
}

void tst_CliInterop::wssNeedsTheCa()
{
    TestCerts certs;
    if (!certs.generate())
        QFAIL(qPrintable(certs.error));
    NodePeer node(QJsonObject{
        {QStringLiteral("tls"), QJsonObject{{QStringLiteral("key"), certs.serverKey()},
                                            {QStringLiteral("cert"), certs.serverPem()}}}});
    START(node);
    const QString url = node.url(QStringLiteral("wss")).toString();
    const QStringList base{QStringLiteral("emit"), url,
                           QStringLiteral("-n"),   QStringLiteral("/orders"),
                           QStringLiteral("echo"), QStringLiteral("1"),
                           QStringLiteral("--ack")};
    const Run refused = runCli(base);
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(oneLine(refused.err), refused.err.constData());
    const Run trusted = runCli(base + QStringList{QStringLiteral("--ca"), certs.caPem()});
    QCOMPARE(trusted.exitCode, 0);
    QCOMPARE(trusted.out.trimmed(), QByteArray("[1]"));
    const Run insecure = runCli(base + QStringList{QStringLiteral("--insecure")});
    QCOMPARE(insecure.exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_CliInterop)
#include "tst_cliinterop.moc"
