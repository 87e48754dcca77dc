// The benchmark tooling at toy scale: tt_siobench drives tt-bench-server and stock socket.io with
// 50 clients for a second per step, the cluster part (one node against two joined by a
// redis-server it starts), runs the cafe path (tabletap-hub) with a few consoles on SQLite and on
// a PostgreSQL it starts, the console probe on the event stream, and the codec benchmarks.
// Only that each part ran and printed its table is checked: timings are not assertions.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_BenchSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void broadcast();
    void cluster();
    void cafe();
    void cafePostgres();
    void client();
    void codec();

private:
    // Runs tt_siobench; returns its stdout (the table) and the records it wrote.
    QString run(const QStringList &args, QJsonArray *runs, int timeoutMs = 25000);
    QTemporaryDir m_dir;
};

void tst_BenchSmoke::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The references are part of the suite (scripts/deps.sh --test installs them), on Debian's
    // own Node 18 as on newer ones: a smoke test without them would prove half the tool.
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(), "no node on PATH");
    for (const char *module :
         {"socket.io", "socket.io-client", "socket.io-parser", "better-sqlite3"})
        QVERIFY2(QFile::exists(QStringLiteral(TT_REFERENCE_DIR "/node_modules/%1/package.json")
                                   .arg(QLatin1String(module))),
                 qPrintable(QStringLiteral("benchmarks/reference/node_modules/%1 is missing: run "
                                           "scripts/deps.sh --test")
                                .arg(QLatin1String(module))));
}

QString tst_BenchSmoke::run(const QStringList &args, QJsonArray *runs, int timeoutMs)
{
    const QString out = m_dir.filePath(QStringLiteral("%1.json").arg(args.first()));
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(TT_SIOBENCH),
            args
                + QStringList{"--bench-server", TT_BENCH_SERVER, "--hub", TT_HUB, "--reference",
                              TT_REFERENCE_DIR, "--out", out, "--server-log",
                              m_dir.filePath("servers.log"), "--repeats", "1", "--settle", "0.2"});
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(3000);
        qWarning() << "tt_siobench did not finish:" << p.readAllStandardError().right(2000);
        return {};
    }
    if (p.exitCode() != 0)
        qWarning() << "tt_siobench exit" << p.exitCode() << p.readAllStandardError().right(2000);
    QFile f(out);
    if (runs && f.open(QIODevice::ReadOnly))
        *runs = QJsonDocument::fromJson(f.readAll()).object().value("runs").toArray();
    return QString::fromUtf8(p.readAllStandardOutput());
}

void tst_BenchSmoke::broadcast()
{
    QJsonArray runs;
    const QString servers = QStringLiteral("socket.io,hub");
    const QString table = run({"broadcast", "--servers", servers, "--clients", "50", "--seconds",
                               "1", "--ack-seconds", "1", "--fixed-rate", "1000", "--load-rate",
                               "2000", "--ladder", "5000", "--polling-clients", "5"},
                              &runs);
    QVERIFY2(table.contains("### Broadcast benchmark, 50 clients"), qPrintable(table));
    QVERIFY(table.contains("| connect rate, 200 in flight (conn/s) |"));
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &v : runs) {
        const QJsonObject r = v.toObject();
        QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
        QCOMPARE(r.value("connect").toObject().value("count").toInt(), 50);
        QVERIFY(r.value("auth_refused").toBool());
        QVERIFY(r.value("fixed").toObject().value("received").toDouble() > 0);
        QCOMPARE(r.value("polling").toObject().value("count").toInt(), 5);
    }
}

void tst_BenchSmoke::cafe()
{
    QJsonArray runs;
    const QString servers = QStringLiteral("socket.io,hub");
    const QString table = run({"cafe", "--servers", servers, "--consoles", "10", "--senders", "2",
                               "--cafe-rates", "20", "--seconds", "1"},
                              &runs);
    QVERIFY2(table.contains("### Cafe run"), qPrintable(table));
    QVERIFY(!runs.isEmpty());
    for (const QJsonValue &v : runs) {
        const QJsonObject r = v.toObject();
        QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
        const QJsonObject step = r.value("steps").toArray().first().toObject();
        QCOMPARE(step.value("acked_ok").toInt(), step.value("sent").toInt());
        QVERIFY(step.value("delivered").toInt() > 0);
    }
}

void tst_BenchSmoke::cluster()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty(),
             "no redis-server on PATH (scripts/deps.sh --test)");
    QJsonArray runs;
    const QString table = run({"cluster", "--layouts", "one,two", "--clients", "20", "--seconds",
                               "1", "--fixed-rate", "200", "--ladder", "1000"},
                              &runs);
    QVERIFY2(table.contains("### Cluster: one node against two joined by Redis, 20 clients"),
             qPrintable(table));
    QVERIFY(table.contains("added cross-node latency p99: node B − one node (ms)"));
    QVERIFY(table.contains("Pinning: one node: node on CPU 0"));
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &v : runs) {
        const QJsonObject r = v.toObject();
        QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
        QCOMPARE(r.value("warmup_delivered_fraction").toDouble(), 1.0);
        const QJsonObject fixed = r.value("fixed").toObject();
        QCOMPARE(fixed.value("recipients").toInt(), 20);
        QVERIFY(fixed.value("received").toDouble() > 0);
        QVERIFY(!r.value("ladder").toArray().isEmpty());
        if (r.value("layout").toString() == u"two") {
            // Half the clients on each node; node B's got the broadcast through Redis.
            QCOMPARE(r.value("nodes").toInt(), 2);
            QCOMPARE(fixed.value("node0").toObject().value("recipients").toInt(), 10);
            QCOMPARE(fixed.value("node1").toObject().value("recipients").toInt(), 10);
            QVERIFY(fixed.value("node1").toObject().value("received").toDouble() > 0);
            QVERIFY(r.contains("redis_cpu"));
        } else {
            QCOMPARE(r.value("layout").toString(), QStringLiteral("one"));
            QVERIFY(!fixed.contains("node1"));
        }
    }
}

void tst_BenchSmoke::cafePostgres()
{
    QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")),
             "PostgreSQL 15 is not installed (scripts/deps.sh --test)");
    QJsonArray runs;
    const QString table = run({"cafe", "--servers", "hub,hub-pg", "--consoles", "10", "--senders",
                               "2", "--cafe-rates", "20", "--seconds", "1"},
                              &runs, 60000);
    QVERIFY2(table.contains("### Cafe run"), qPrintable(table));
    QVERIFY2(table.contains("| hub-pg / hub |"), qPrintable(table));
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &v : runs) {
        const QJsonObject r = v.toObject();
        QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
        const QJsonObject step = r.value("steps").toArray().first().toObject();
        QCOMPARE(step.value("acked_ok").toInt(), step.value("sent").toInt());
        QVERIFY(step.value("delivered").toInt() > 0);
        const bool pg = r.value("label").toString() == u"hub-pg";
        QCOMPARE(r.value("store").toString(),
                 pg ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
        QCOMPARE(step.contains("database_cpu_pct"), pg);
    }
}

void tst_BenchSmoke::client()
{
    QJsonArray runs;
    const QString table = run({"client", "--servers", "hub", "--console", TT_CONSOLE,
                               "--client-rates", "500", "--seconds", "1"},
                              &runs);
    QVERIFY2(table.contains("### Client:"), qPrintable(table));
    QCOMPARE(runs.size(), 1);
    const QJsonObject step = runs.first().toObject().value("steps").toArray().first().toObject();
    QVERIFY2(step.value("received").toInt() > 0,
             QJsonDocument(step).toJson(QJsonDocument::Compact).constData());
}

void tst_BenchSmoke::codec()
{
    QJsonArray runs;
    const QString table = run(
        {"codec", "--codec", TT_CODEC, "--fixtures", TT_FIXTURES_DIR, "--codec-min-time", "0.005"},
        &runs);
    QVERIFY2(table.contains("### Codec, the contract's 17 envelopes"), qPrintable(table));
    QCOMPARE(runs.size(), 2);
}

QTEST_GUILESS_MAIN(tst_BenchSmoke)
#include "tst_benchsmoke.moc"
