// The benchmark tooling at toy scale: tt_siobench drives tt-bench-server and stock socket.io with
// 50 clients for a second per step, the cluster part (one node against two joined by a
// redis-server it starts), runs the cafe path (tabletap-hub) with a few consoles on SQLite and on
// a PostgreSQL it starts, the console probe on the event stream, the codec benchmarks, the
// polling-only broadcast and sign-ins against the hub. Only that each part ran and printed its
// table is checked: timings are not assertions. The issue-20 targets table is checked on records
// made up here, against verdicts worked out by hand.
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
    void polling();
    void signIn();
    void scale();
    void targetsTable();

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

void tst_BenchSmoke::polling()
{
    QJsonArray runs;
    const QString table = run({"polling", "--servers", "socket.io,hub", "--clients", "30",
                               "--seconds", "1", "--ack-seconds", "1", "--fixed-rate", "300",
                               "--load-rate", "600", "--ladder", "1500"},
                              &runs);
    QVERIFY2(table.contains("### Long-polling broadcast, 30 polling-only clients"),
             qPrintable(table));
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &v : runs) {
        const QJsonObject r = v.toObject();
        QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
        QCOMPARE(r.value("kind").toString(), QStringLiteral("polling"));
        QCOMPARE(r.value("connect").toObject().value("count").toInt(), 30);
        // Every broadcast reached every client over its long poll; acks came back over POSTs.
        const QJsonObject fixed = r.value("fixed").toObject();
        QCOMPARE(fixed.value("received").toDouble(), fixed.value("expected").toDouble());
        QVERIFY(fixed.value("expected").toDouble() > 0);
        QVERIFY(r.value("ack_idle").toObject().value("count").toInt() > 0);
        QVERIFY(!r.contains("polling")); // no connect-and-upgrade phase: nobody upgrades
        QCOMPARE(r.value("dropped_clients").toInt(), 0);
    }
}

void tst_BenchSmoke::signIn()
{
    QJsonArray runs;
    const QString table
        = run({"signin", "--signin-staff", "3", "--signin-rate", "4", "--signin-seconds", "1"},
              &runs, 60000);
    QVERIFY2(table.contains("### Sign-in: 4 sign-ins/s for 1 s, 3 staff from 3 addresses"),
             qPrintable(table));
    QCOMPARE(runs.size(), 1);
    const QJsonObject r = runs.first().toObject();
    QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
    const QJsonObject signIns = r.value("sign_ins").toObject();
    QCOMPARE(signIns.value("attempted").toInt(), 4);
    // Right PINs from addresses of their own, within the hub's rate: every one gets a token.
    QVERIFY2(signIns.value("succeeded").toInt() == 4,
             QJsonDocument(signIns).toJson(QJsonDocument::Compact).constData());
    QVERIFY(r.value("probe_idle").toObject().value("count").toInt() > 0);
    QVERIFY(r.value("probe_load").toObject().value("count").toInt() > 0);
}

namespace {

// The cells of the targets table's row whose measure is `measure`: goal, reference, ours,
// ratio, verdict.
QStringList targetRow(const QString &table, const QString &measure)
{
    for (const QString &line : table.split(QLatin1Char('\n'))) {
        QStringList cells = line.split(QLatin1Char('|'));
        if (cells.size() < 9 || cells.at(2).trimmed() != measure)
            continue;
        QStringList out;
        for (int i = 3; i <= 7; ++i)
            out << cells.at(i).trimmed();
        return out;
    }
    return {};
}

QJsonObject record(const char *kind, const char *label, bool reference, int clients,
                   const QJsonObject &fields)
{
    QJsonObject r = fields;
    r.insert("kind", kind);
    r.insert("label", label);
    r.insert("reference", reference);
    if (clients > 0)
        r.insert("clients", clients);
    return r;
}

} // namespace

void tst_BenchSmoke::scale()
{
    // 60 clients from three source addresses (one per 20 here), two broadcasts to all of them a
    // second apart, a probe's acks in between, then 5 idle long-polling sessions.
    QJsonArray runs;
    const QString table
        = run({"scale", "--servers", "socket.io,hub", "--clients", "60", "--source-addresses", "3",
               "--seconds", "2", "--polling-clients", "5"},
              &runs, 60000);
    QVERIFY2(table.contains("### Scale: websocket clients held on one server"), qPrintable(table));
    QVERIFY2(table.contains("| 60 clients |"), qPrintable(table));
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &v : runs) {
        const QJsonObject r = v.toObject();
        QVERIFY2(!r.contains("error"), qPrintable(r.value("error").toString()));
        QCOMPARE(r.value("kind").toString(), QStringLiteral("scale"));
        QCOMPARE(r.value("source_addresses").toInt(), 3);
        const QJsonObject connect = r.value("connect").toObject();
        QCOMPARE(connect.value("failures").toInt(), 0);
        QCOMPARE(connect.value("count").toInt(), 60);
        const QJsonObject broadcast = r.value("broadcast").toObject();
        QVERIFY(broadcast.value("expected").toDouble() >= 60);
        QCOMPARE(broadcast.value("delivered").toDouble(), broadcast.value("expected").toDouble());
        QVERIFY2(r.value("ack_idle").toObject().value("count").toInt() > 0,
                 QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        QVERIFY(r.value("memory").toObject().contains("kernel_tcp_mem_kb_per_connection"));
        QCOMPARE(r.value("polling").toObject().value("connected").toInt(),
                 r.value("polling").toObject().value("clients").toInt());
    }
    // Not 50,000: the targets table leaves item 2 to a run of that size.
    QCOMPARE(targetRow(table, "50,000 clients connected in (s)").value(4),
             QStringLiteral("not run"));
}

void tst_BenchSmoke::targetsTable()
{
    QJsonArray runs;
    // Broadcast at 5,000 clients: capacities 3.8, 4.2 and 4.0 M (median 4.0 M against µWS's
    // 3.9 M: met, 1.03x); connect rates 30,000 (short of 48,000).
    for (double capacity : {3.8e6, 4.2e6, 4.0e6})
        runs << record("broadcast", "hub", false, 5000,
                       {{"capacity", capacity},
                        {"connect", QJsonObject{{"per_second", 30000}}},
                        {"memory", QJsonObject{{"kb_per_connection", 1.5}}}});
    runs << record("broadcast", "socket.io", true, 5000, {{"capacity", 900000}});
    // 10,000 clients: a p99 of 15 ms, but one of the two repeats lost messages, so only the
    // other counts (median 30 ms, short of 20).
    runs << record("broadcast", "hub", false, 10000,
                   {{"fixed", QJsonObject{{"delivered_fraction", 1.0},
                                          {"latency", QJsonObject{{"p99_ms", 30}}}}}});
    runs << record("broadcast", "hub", false, 10000,
                   {{"fixed", QJsonObject{{"delivered_fraction", 0.9},
                                          {"latency", QJsonObject{{"p99_ms", 15}}}}}});
    // Polling: 150,000 against socket.io's 100,000: 1.50x, met; 3 KB per session recorded.
    runs << record("polling", "hub", false, 2000,
                   {{"capacity", 150000}, {"memory", QJsonObject{{"kb_per_connection", 3.0}}}});
    runs << record("polling", "socket.io", true, 2000, {{"capacity", 100000}});
    // Sign-in: 20 per second met; probe p99 3 ms against 1 ms idle: 3.00x, short of 2x.
    runs << record("signin", "hub", false, 0,
                   {{"sign_ins", QJsonObject{{"per_second", 20}}},
                    {"probe_idle", QJsonObject{{"p99_ms", 1.0}}},
                    {"probe_load", QJsonObject{{"p99_ms", 3.0}}}});
    // Codec: encode 1 µs against 2 µs (0.50x, met); decode into Qt's tree 3 µs against 2 µs
    // (1.50x, short); decode with LiteJson 1.5 µs against the same 2 µs (0.75x, met).
    const auto bench = [](const char *name, double ns) {
        return QJsonObject{{"name", name}, {"cpu_time", ns}, {"time_unit", "ns"}};
    };
    runs << record(
        "codec", "tabletap", false, 0,
        {{"benchmarks", QJsonArray{bench("encode/order", 1000), bench("decode/order", 3000),
                                   bench("decode-lite/order", 1500)}}});
    runs << record(
        "codec", "socket.io-parser", true, 0,
        {{"benchmarks", QJsonArray{bench("encode/order", 2000), bench("decode/order", 2000)}}});
    // A part that failed counts as not run.
    runs << record("cafe", "hub", false, 0, {{"error", "cannot start"}, {"capacity", 5000}});

    const QString file = m_dir.filePath(QStringLiteral("targets.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{"runs", runs}}).toJson());
    f.close();
    QProcess p;
    p.start(QStringLiteral(TT_SIOBENCH), {"report", file});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    const QString table = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(table.startsWith("\n### Issue 20 targets"), qPrintable(table.left(300)));

    const QStringList capacity = targetRow(table, "broadcast capacity, 5,000 clients (msgs/s)");
    QCOMPARE(capacity,
             (QStringList{"≥ 3,900,000", "3,900,000 µWS (issue)", "4,000,000", "1.03x", "met"}));
    QCOMPARE(targetRow(table, "connect rate, 200 in flight, 5,000 clients (conn/s)").value(4),
             QStringLiteral("**short**"));
    // No record at 1,000 clients.
    QCOMPARE(targetRow(table, "connect rate, 200 in flight, 1,000 clients (conn/s)").value(4),
             QStringLiteral("not run"));
    QCOMPARE(targetRow(table, "memory growth per idle websocket, 5,000 clients (KB, user space)")
                 .value(4),
             QStringLiteral("met"));
    const QStringList tenK = targetRow(
        table, "broadcast p99, 10,000 clients at 20,000 msgs/s, delivered in full (ms)");
    QCOMPARE(tenK.value(2), QStringLiteral("30.0"));
    QCOMPARE(tenK.value(4), QStringLiteral("**short**"));
    const QStringList polling
        = targetRow(table, "broadcast capacity, 2,000 polling-only clients (msgs/s)");
    QCOMPARE(polling,
             (QStringList{"≥ 1× socket.io", "100,000 socket.io", "150,000", "1.50x", "met"}));
    QCOMPARE(
        targetRow(table, "memory growth per long-polling session, 2,000 clients (KB)").value(4),
        QStringLiteral("recorded"));
    QCOMPARE(targetRow(table, "sign-ins answered with a token per second").value(4),
             QStringLiteral("met"));
    const QStringList probe
        = targetRow(table, "probe ack p99 during 20 sign-ins/s (ms; reference: idle)");
    QCOMPARE(probe, (QStringList{"≤ 2× idle", "1.00 idle", "3.00", "3.00x", "**short**"}));
    const QStringList encode
        = targetRow(table, "encode time per call, 17 envelopes (µs, geometric-mean ratio)");
    QCOMPARE(encode.value(3), QStringLiteral("0.50x"));
    QCOMPARE(encode.value(4), QStringLiteral("met"));
    QCOMPARE(targetRow(table, "decode time per call into Qt's JSON tree, 17 envelopes (µs, "
                              "geometric-mean ratio)")
                 .value(4),
             QStringLiteral("**short**"));
    const QStringList lite = targetRow(table, "decode time per call, LiteJson (the console's live "
                                              "path), 17 envelopes (µs, geometric-mean ratio)");
    QCOMPARE(lite, (QStringList{"≤ 1× socket.io-parser", "2.00 socket.io-parser", "1.50", "0.75x",
                                "met"}));
    // Parts without a record, and a part that failed: not run.
    QCOMPARE(targetRow(table, "50,000 clients connected in (s)").value(4),
             QStringLiteral("not run"));
    QCOMPARE(targetRow(table, "100,000-order history scrolled and filtered, longest frame (ms)")
                 .value(4),
             QStringLiteral("not run"));
    QCOMPARE(targetRow(table, "create_order acknowledged per second, SQLite (capacity)").value(4),
             QStringLiteral("not run"));
    // met: capacity, memory, polling, sign-ins, encode, LiteJson decode.
    QVERIFY2(table.contains("\n6 met, 4 short, "), qPrintable(table));
}

QTEST_GUILESS_MAIN(tst_BenchSmoke)
#include "tst_benchsmoke.moc"
