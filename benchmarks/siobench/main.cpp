// tt_siobench: the project's own server benchmark. Starts stock socket.io (benchmarks/reference)
// and our server (tt-bench-server for the bench contract, tabletap-hub for the cafe path) in
// turn, pinned to one CPU, drives them from this process pinned to another with its own epoll
// load generator, and prints hub / socket.io ratios.
//
//   tt_siobench broadcast --bench-server PATH --reference DIR [--clients 1000,5000] --out F
//   tt_siobench cafe --hub PATH --reference DIR [--consoles 1000] [--repeats 3]
//                    [--servers socket.io,hub,hub-pg] --out F
//   tt_siobench cluster --bench-server PATH [--layouts one,two] [--clients 1000] --out F
//   tt_siobench client --console PATH --reference DIR [--repeats 3] --out F
//   tt_siobench codec --codec PATH --reference DIR --fixtures DIR --out F
//   tt_siobench polling --bench-server PATH --reference DIR [--clients 2000] --out F
//   tt_siobench signin --hub PATH --reference DIR [--signin-rate 20] --out F
//   tt_siobench scale --bench-server PATH [--reference DIR] [--clients 50000]
//                     [--servers hub,socket.io] [--source-addresses N] --out F
//   tt_siobench report F [F...]
#include "broadcastbench.h"
#include "cafebench.h"
#include "clientbench.h"
#include "clusterbench.h"
#include "ratioreport.h"
#include "scalebench.h"
#include "serverspec.h"
#include "signinbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <sched.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace TableTap;

namespace {

void pinTo(int cpu)
{
    if (cpu < 0)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        std::fprintf(stderr, "tt_siobench: cannot pin to CPU %d\n", cpu);
}

// Soft and hard (root may raise the hard limit): this process and the servers it starts
// (they inherit it) hold a descriptor per client.
void raiseFdLimit()
{
    ScaleBench::raiseFdLimit(200000);
}

QString readFirstLine(const QString &path, const QByteArray &prefix = {})
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // /proc files report a size of 0: read them whole instead of testing atEnd().
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (prefix.isEmpty())
            return QString::fromUtf8(line);
        if (line.startsWith(prefix))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

QJsonObject machine()
{
    utsname u{};
    uname(&u);
    return QJsonObject{
        {QStringLiteral("cpu"), readFirstLine(QStringLiteral("/proc/cpuinfo"), "model name")},
        {QStringLiteral("cpus"), int(sysconf(_SC_NPROCESSORS_ONLN))},
        {QStringLiteral("kernel"),
         QStringLiteral("%1 %2").arg(QString::fromUtf8(u.sysname), QString::fromUtf8(u.release))},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("loadavg"), readFirstLine(QStringLiteral("/proc/loadavg"))},
        {QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
}

QList<int> intList(const QString &text)
{
    QList<int> out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << p.trimmed().toInt();
    return out;
}

std::vector<double> doubleList(const QString &text)
{
    std::vector<double> out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.push_back(p.trimmed().toDouble());
    return out;
}

bool writeResults(const QString &path, const QJsonObject &machineInfo, const QJsonArray &runs)
{
    if (path.isEmpty())
        return true;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("machine"), machineInfo},
                                      {QStringLiteral("runs"), runs}})
                .toJson());
    return true;
}

// The broadcast part, and the polling part: the same phases with polling-only clients.
int runBroadcast(const QCommandLineParser &p, const QString &kind)
{
    const bool pollingOnly = kind == u"polling";
    const QString benchServer = p.value(QStringLiteral("bench-server"));
    const QString reference = p.value(QStringLiteral("reference"));
    const int serverCpu = p.value(QStringLiteral("server-cpu")).toInt();
    const int generatorCpu = p.value(QStringLiteral("generator-cpu")).toInt();
    pinTo(generatorCpu);
    raiseFdLimit();

    // The servers, in the order they take turns in every repeat.
    std::vector<ServerSpec> servers;
    const QStringList wanted = p.value(QStringLiteral("servers")).split(QLatin1Char(','));
    for (const QString &name : wanted) {
        ServerSpec s;
        if (name == u"socket.io" || name == u"ref") {
            s.label = "socket.io";
            s.isReference = true;
            s.argv = {p.value(QStringLiteral("node")).toStdString(),
                      QString(reference + QStringLiteral("/bench-server.js")).toStdString()};
            s.env = {"PORT=0", "NODE_ENV=production"};
        } else if (name == u"hub" || name.startsWith(u"hub:")) {
            // The hub's server stack serving the bench contract; labelled "hub" so reports compare
            // with earlier ones. hub:LABEL:VAR=VALUE[;VAR=VALUE] runs it with a different
            // environment (A/B).
            if (benchServer.isEmpty()) {
                std::fprintf(stderr, "tt_siobench: server %s needs --bench-server PATH\n",
                             qPrintable(name));
                return 2;
            }
            const QStringList parts = name.split(QLatin1Char(':'));
            s.label = name == u"hub" ? "hub" : parts.value(1).toStdString();
            s.argv = {benchServer.toStdString(), "--port", "0", "--bind", "127.0.0.1"};
            for (const QString &e : parts.value(2).split(QLatin1Char(';'), Qt::SkipEmptyParts))
                s.env.push_back(e.toStdString());
        } else {
            std::fprintf(stderr, "tt_siobench: unknown server %s\n", qPrintable(name));
            return 2;
        }
        servers.push_back(s);
    }

    BroadcastBench::Options o;
    o.serverCpu = serverCpu;
    o.stepSeconds = p.value(QStringLiteral("seconds")).toInt();
    o.concurrency = p.value(QStringLiteral("concurrency")).toInt();
    o.pollingClients = p.value(QStringLiteral("polling-clients")).toInt();
    o.runLadder = !p.isSet(QStringLiteral("no-ladder"));
    o.runPolling = !pollingOnly && !p.isSet(QStringLiteral("no-polling")) && o.pollingClients > 0;
    o.pollingOnly = pollingOnly;
    if (pollingOnly) {
        // Every delivery is an HTTP round trip: lower rates throughout (2,000 msgs/s is one
        // broadcast a second to 2,000 clients).
        o.ladder = {2e3, 5e3, 10e3, 20e3, 50e3, 100e3, 150e3, 200e3, 300e3, 400e3};
    }
    o.runAcks = !p.isSet(QStringLiteral("no-acks"));
    o.runFixed = !p.isSet(QStringLiteral("no-fixed"));
    o.settle = p.value(QStringLiteral("settle")).toDouble();
    o.fixedMessagesPerSecond = p.value(QStringLiteral("fixed-rate")).toDouble();
    o.loadMessagesPerSecond = p.value(QStringLiteral("load-rate")).toDouble();
    if (pollingOnly && !p.isSet(QStringLiteral("fixed-rate")))
        o.fixedMessagesPerSecond = 5000;
    if (pollingOnly && !p.isSet(QStringLiteral("load-rate")))
        o.loadMessagesPerSecond = 10000;
    o.serverLog = p.value(QStringLiteral("server-log")).toStdString();
    if (p.isSet(QStringLiteral("ladder")))
        o.ladder = doubleList(p.value(QStringLiteral("ladder")));
    if (p.isSet(QStringLiteral("ack-seconds")))
        o.ackSeconds = p.value(QStringLiteral("ack-seconds")).toInt();
    o.p99BoundMs = p.value(QStringLiteral("p99-bound")).toDouble();

    const QJsonObject machineInfo = machine();
    const QString out = p.value(QStringLiteral("out"));
    QJsonArray runs;
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());
    const QList<int> counts = pollingOnly && !p.isSet(QStringLiteral("clients"))
                                  ? QList<int>{2000}
                                  : intList(p.value(QStringLiteral("clients")));
    for (int rep = 1; rep <= repeats; ++rep) {
        for (int n : counts) {
            for (const ServerSpec &s : servers) {
                std::fprintf(stderr, "== %s repeat %d/%d, %s, %d clients\n", qPrintable(kind), rep,
                             repeats, s.label.c_str(), n);
                BroadcastBench bench(o);
                QJsonObject r = bench.run(s, n);
                r.insert(QStringLiteral("kind"), kind);
                r.insert(QStringLiteral("p99_bound_ms"), o.p99BoundMs);
                r.insert(QStringLiteral("repeat"), rep);
                r.insert(QStringLiteral("loadavg"), readFirstLine(QStringLiteral("/proc/loadavg")));
                runs.append(r);
                writeResults(out, machineInfo, runs);
            }
        }
    }
    RatioReport report;
    report.setMachine(machineInfo);
    for (const QJsonValue &r : runs)
        report.addRecord(r.toObject());
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

// The cluster part: the layouts take turns within every repeat, for each client count.
int runCluster(const QCommandLineParser &p)
{
    const int serverCpu = p.value(QStringLiteral("server-cpu")).toInt();
    const int generatorCpu = p.value(QStringLiteral("generator-cpu")).toInt();
    pinTo(generatorCpu);
    raiseFdLimit();
    ClusterBench::Options o;
    o.benchServer = p.value(QStringLiteral("bench-server")).toStdString();
    if (o.benchServer.empty()) {
        std::fprintf(stderr, "tt_siobench: cluster needs --bench-server PATH\n");
        return 2;
    }
    o.redisServer = p.value(QStringLiteral("redis-server")).toStdString();
    o.generatorCpu = generatorCpu;
    o.nodeCpus = {serverCpu, serverCpu};
    if (p.isSet(QStringLiteral("node-cpus"))) {
        const QList<int> cpus = intList(p.value(QStringLiteral("node-cpus")));
        o.nodeCpus.assign(cpus.begin(), cpus.end());
    }
    o.redisCpu = p.isSet(QStringLiteral("redis-cpu")) ? p.value(QStringLiteral("redis-cpu")).toInt()
                                                      : serverCpu;
    o.stepSeconds = p.value(QStringLiteral("seconds")).toInt();
    o.concurrency = p.value(QStringLiteral("concurrency")).toInt();
    o.settle = p.value(QStringLiteral("settle")).toDouble();
    o.fixedMessagesPerSecond = p.value(QStringLiteral("fixed-rate")).toDouble();
    o.runLadder = !p.isSet(QStringLiteral("no-ladder"));
    o.runFixed = !p.isSet(QStringLiteral("no-fixed"));
    o.serverLog = p.value(QStringLiteral("server-log")).toStdString();
    if (p.isSet(QStringLiteral("ladder")))
        o.ladder = doubleList(p.value(QStringLiteral("ladder")));
    std::vector<ClusterBench::Layout> layouts;
    for (const QString &name : p.value(QStringLiteral("layouts")).split(QLatin1Char(','))) {
        ClusterBench::Layout layout;
        if (!ClusterBench::parseLayout(name.trimmed().toStdString(), &layout)) {
            std::fprintf(stderr, "tt_siobench: unknown layout %s (one, one-redis, two)\n",
                         qPrintable(name));
            return 2;
        }
        layouts.push_back(layout);
    }
    const QJsonObject machineInfo = machine();
    const QString out = p.value(QStringLiteral("out"));
    QJsonArray runs;
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());
    const QList<int> counts = intList(p.value(QStringLiteral("clients")));
    for (int rep = 1; rep <= repeats; ++rep) {
        for (int n : counts) {
            for (const ClusterBench::Layout layout : layouts) {
                std::fprintf(stderr, "== cluster repeat %d/%d, %s, %d clients\n", rep, repeats,
                             ClusterBench::layoutLabel(layout), n);
                ClusterBench bench(o);
                QJsonObject r = bench.run(layout, n);
                r.insert(QStringLiteral("repeat"), rep);
                r.insert(QStringLiteral("loadavg"), readFirstLine(QStringLiteral("/proc/loadavg")));
                runs.append(r);
                writeResults(out, machineInfo, runs);
            }
        }
    }
    RatioReport report;
    report.setMachine(machineInfo);
    for (const QJsonValue &r : runs)
        report.addRecord(r.toObject());
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

int runCafe(const QCommandLineParser &p)
{
    pinTo(p.value(QStringLiteral("generator-cpu")).toInt());
    raiseFdLimit();
    CafeBench::Options o;
    o.serverCpu = p.value(QStringLiteral("server-cpu")).toInt();
    o.hub = p.value(QStringLiteral("hub")).toStdString();
    o.node = p.value(QStringLiteral("node")).toStdString();
    o.referenceDir = p.value(QStringLiteral("reference")).toStdString();
    o.postgresBin = p.value(QStringLiteral("postgres-bin")).toStdString();
    o.serverLog = p.value(QStringLiteral("server-log")).toStdString();
    o.consoles = p.value(QStringLiteral("consoles")).toInt();
    o.senders = std::max(1, std::min(o.consoles, p.value(QStringLiteral("senders")).toInt()));
    o.stepSeconds = p.value(QStringLiteral("seconds")).toInt();
    o.concurrency = p.value(QStringLiteral("concurrency")).toInt();
    o.settle = p.value(QStringLiteral("settle")).toDouble();
    if (p.isSet(QStringLiteral("cafe-rates")))
        o.rates = doubleList(p.value(QStringLiteral("cafe-rates")));
    o.allSteps = p.isSet(QStringLiteral("cafe-all-steps"));
    const QStringList servers = p.value(QStringLiteral("servers")).split(QLatin1Char(','));
    const QJsonObject machineInfo = machine();
    const QString out = p.value(QStringLiteral("out"));
    QJsonArray runs;
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());
    for (int rep = 1; rep <= repeats; ++rep) {
        for (const QString &name : servers) {
            CafeBench::Server server;
            if (!CafeBench::parseServer(name, &server))
                continue; // the cafe run compares stock settings only (no hub:LABEL:...)
            std::fprintf(stderr, "== cafe repeat %d/%d, %s\n", rep, repeats, qPrintable(name));
            CafeBench bench(o);
            QJsonObject r = bench.run(server);
            r.insert(QStringLiteral("repeat"), rep);
            r.insert(QStringLiteral("loadavg"), readFirstLine(QStringLiteral("/proc/loadavg")));
            runs.append(r);
            writeResults(out, machineInfo, runs);
        }
    }
    RatioReport report;
    report.setMachine(machineInfo);
    for (const QJsonValue &r : runs)
        report.addRecord(r.toObject());
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

int runClient(const QCommandLineParser &p)
{
    ClientBench::Options o;
    o.serverCpu = p.value(QStringLiteral("server-cpu")).toInt();
    o.clientCpu = p.value(QStringLiteral("generator-cpu")).toInt();
    pinTo(o.clientCpu);
    o.node = p.value(QStringLiteral("node")).toStdString();
    o.referenceDir = p.value(QStringLiteral("reference")).toStdString();
    o.console = p.value(QStringLiteral("console")).toStdString();
    o.serverLog = p.value(QStringLiteral("server-log")).toStdString();
    o.stepSeconds = p.value(QStringLiteral("seconds")).toInt();
    o.settle = p.value(QStringLiteral("settle")).toDouble();
    if (p.isSet(QStringLiteral("client-rates")))
        o.rates = doubleList(p.value(QStringLiteral("client-rates")));
    const QStringList clients = p.value(QStringLiteral("servers")).split(QLatin1Char(','));
    const QJsonObject machineInfo = machine();
    const QString out = p.value(QStringLiteral("out"));
    QJsonArray runs;
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());
    for (int rep = 1; rep <= repeats; ++rep) {
        for (const QString &name : clients) {
            const bool reference = name == u"socket.io" || name == u"ref";
            if (!reference && name != u"hub")
                continue;
            std::fprintf(stderr, "== client repeat %d/%d, %s\n", rep, repeats,
                         reference ? "socket.io-client" : "console");
            ClientBench bench(o);
            QJsonObject r = bench.run(reference);
            r.insert(QStringLiteral("repeat"), rep);
            r.insert(QStringLiteral("loadavg"), readFirstLine(QStringLiteral("/proc/loadavg")));
            runs.append(r);
            writeResults(out, machineInfo, runs);
        }
    }
    RatioReport report;
    report.setMachine(machineInfo);
    for (const QJsonValue &r : runs)
        report.addRecord(r.toObject());
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

// Codec micro-benchmarks: tt_bench_codec (Google Benchmark) and codec-bench.js (socket.io-parser)
// in turn on the generator's CPU; Google Benchmark's JSON kept per run.
int runCodec(const QCommandLineParser &p)
{
    pinTo(p.value(QStringLiteral("generator-cpu")).toInt()); // inherited by both programs
    const QString fixtures = p.value(QStringLiteral("fixtures"));
    const QString minTime = p.value(QStringLiteral("codec-min-time"));
    const QJsonObject machineInfo = machine();
    const QString out = p.value(QStringLiteral("out"));
    QJsonArray runs;
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());
    for (int rep = 1; rep <= repeats; ++rep) {
        for (const bool reference : {true, false}) {
            std::vector<std::string> argv;
            if (reference)
                argv = {p.value(QStringLiteral("node")).toStdString(),
                        QString(p.value(QStringLiteral("reference"))
                                + QStringLiteral("/codec-bench.js"))
                            .toStdString(),
                        fixtures.toStdString(), "--min-time", minTime.toStdString()};
            else
                argv = {p.value(QStringLiteral("codec")).toStdString(), "--fixtures",
                        fixtures.toStdString(), "--benchmark_format=json",
                        QString(QStringLiteral("--benchmark_min_time=") + minTime).toStdString()};
            std::fprintf(stderr, "== codec repeat %d/%d, %s\n", rep, repeats,
                         reference ? "socket.io-parser" : "tabletap");
            std::string text;
            const int rc = ChildProcess::run(argv, &text, 600000);
            const QJsonObject doc
                = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
            QJsonObject r{{QStringLiteral("kind"), QStringLiteral("codec")},
                          {QStringLiteral("label"), reference ? QStringLiteral("socket.io-parser")
                                                              : QStringLiteral("tabletap")},
                          {QStringLiteral("reference"), reference},
                          {QStringLiteral("repeat"), rep},
                          {QStringLiteral("benchmarks"), doc.value(QLatin1String("benchmarks"))}};
            if (rc != 0 || doc.isEmpty())
                r.insert(QStringLiteral("error"),
                         QStringLiteral("exit %1: %2")
                             .arg(rc)
                             .arg(QString::fromStdString(text.substr(0, 300))));
            runs.append(r);
            writeResults(out, machineInfo, runs);
        }
    }
    RatioReport report;
    report.setMachine(machineInfo);
    for (const QJsonValue &r : runs)
        report.addRecord(r.toObject());
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

// Sign-ins at a fixed rate against the hub while a probe's ack round trip is measured (no
// reference: stock socket.io has no sign-in).
int runSignIn(const QCommandLineParser &p)
{
    pinTo(p.value(QStringLiteral("generator-cpu")).toInt());
    raiseFdLimit();
    SignInBench::Options o;
    o.serverCpu = p.value(QStringLiteral("server-cpu")).toInt();
    o.hub = p.value(QStringLiteral("hub")).toStdString();
    o.referenceDir = p.value(QStringLiteral("reference")).toStdString();
    o.serverLog = p.value(QStringLiteral("server-log")).toStdString();
    o.rate = p.value(QStringLiteral("signin-rate")).toDouble();
    o.seconds = p.value(QStringLiteral("signin-seconds")).toInt();
    o.staff = p.value(QStringLiteral("signin-staff")).toInt();
    o.addresses = std::clamp(o.staff, 1, 250);
    o.hubSignInsPerSecond = p.value(QStringLiteral("hub-sign-ins-per-second")).toInt();
    if (o.hub.empty() || o.rate <= 0 || o.seconds <= 0 || o.staff <= 0) {
        std::fprintf(stderr, "tt_siobench: signin needs --hub PATH and positive rates\n");
        return 2;
    }
    const QJsonObject machineInfo = machine();
    const QString out = p.value(QStringLiteral("out"));
    QJsonArray runs;
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());
    for (int rep = 1; rep <= repeats; ++rep) {
        std::fprintf(stderr, "== signin repeat %d/%d\n", rep, repeats);
        SignInBench bench(o);
        QJsonObject r = bench.run();
        r.insert(QStringLiteral("repeat"), rep);
        r.insert(QStringLiteral("loadavg"), readFirstLine(QStringLiteral("/proc/loadavg")));
        runs.append(r);
        writeResults(out, machineInfo, runs);
    }
    RatioReport report;
    report.setMachine(machineInfo);
    for (const QJsonValue &r : runs)
        report.addRecord(r.toObject());
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

// The scale part: tens of thousands of websocket clients on one server, broadcast to once a
// second, a probe's acks meanwhile; the servers take turns within every repeat.
int runScale(const QCommandLineParser &p)
{
    const int serverCpu = p.value(QStringLiteral("server-cpu")).toInt();
    pinTo(p.value(QStringLiteral("generator-cpu")).toInt());
    raiseFdLimit();
    std::vector<ServerSpec> servers;
    for (const QString &name : p.value(QStringLiteral("servers")).split(QLatin1Char(','))) {
        ServerSpec s;
        if (name == u"socket.io" || name == u"ref") {
            s.label = "socket.io";
            s.isReference = true;
            s.argv = {
                p.value(QStringLiteral("node")).toStdString(),
                QString(p.value(QStringLiteral("reference")) + QStringLiteral("/bench-server.js"))
                    .toStdString()};
            s.env = {"PORT=0", "NODE_ENV=production"};
        } else if (name == u"hub") {
            if (!p.isSet(QStringLiteral("bench-server"))) {
                std::fprintf(stderr, "tt_siobench: scale needs --bench-server PATH\n");
                return 2;
            }
            s.label = "hub";
            s.argv = {p.value(QStringLiteral("bench-server")).toStdString(), "--port", "0",
                      "--bind", "127.0.0.1"};
        } else {
            std::fprintf(stderr, "tt_siobench: scale runs hub and socket.io, not %s\n",
                         qPrintable(name));
            return 2;
        }
        servers.push_back(s);
    }
    ScaleBench::Options o;
    o.serverCpu = serverCpu;
    o.concurrency = p.value(QStringLiteral("concurrency")).toInt();
    o.sourceAddresses = p.value(QStringLiteral("source-addresses")).toInt();
    if (p.isSet(QStringLiteral("polling-clients")))
        o.pollingClients = p.value(QStringLiteral("polling-clients")).toInt();
    o.broadcastSeconds
        = p.isSet(QStringLiteral("seconds")) ? p.value(QStringLiteral("seconds")).toInt() : 10;
    o.settle = p.value(QStringLiteral("settle")).toDouble();
    o.serverLog = p.value(QStringLiteral("server-log")).toStdString();
    const QList<int> counts = p.isSet(QStringLiteral("clients"))
                                  ? intList(p.value(QStringLiteral("clients")))
                                  : QList<int>{50000};
    const QJsonObject machineInfo = machine();
    const QString out = p.value(QStringLiteral("out"));
    QJsonArray runs;
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());
    for (int rep = 1; rep <= repeats; ++rep) {
        for (int n : counts) {
            for (const ServerSpec &s : servers) {
                std::fprintf(stderr, "== scale repeat %d/%d, %s, %d clients\n", rep, repeats,
                             s.label.c_str(), n);
                ScaleBench bench(o);
                QJsonObject r = bench.run(s, n);
                r.insert(QStringLiteral("repeat"), rep);
                r.insert(QStringLiteral("loadavg"), readFirstLine(QStringLiteral("/proc/loadavg")));
                runs.append(r);
                writeResults(out, machineInfo, runs);
            }
        }
    }
    RatioReport report;
    report.setMachine(machineInfo);
    for (const QJsonValue &r : runs)
        report.addRecord(r.toObject());
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

int runReport(const QStringList &files)
{
    RatioReport report;
    for (const QString &f : files) {
        QString error;
        if (!report.addFile(f, &error)) {
            std::fprintf(stderr, "tt_siobench: %s\n", qPrintable(error));
            return 1;
        }
    }
    std::printf("%s\n", qPrintable(report.render()));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Table Tap server benchmark against stock socket.io"));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("mode"),
                            QStringLiteral("broadcast | polling | cluster | cafe | client | codec "
                                           "| signin | scale | report"));
    p.addOptions({
        {QStringLiteral("bench-server"),
         QStringLiteral("broadcast: tt-bench-server binary (servers hub, hub:...)"),
         QStringLiteral("path")},
        {QStringLiteral("hub"), QStringLiteral("cafe: tabletap-hub binary"),
         QStringLiteral("path")},
        {QStringLiteral("reference"), QStringLiteral("benchmarks/reference folder"),
         QStringLiteral("dir")},
        {QStringLiteral("node"), QStringLiteral("node binary"), QStringLiteral("path"),
         QStringLiteral("node")},
        {QStringLiteral("servers"),
         QStringLiteral("servers in turn: socket.io, hub, hub:LABEL:VAR=VALUE;... (broadcast); "
                        "socket.io, hub, hub-pg (cafe)"),
         QStringLiteral("list"), QStringLiteral("socket.io,hub")},
        {QStringLiteral("clients"),
         QStringLiteral("client counts (broadcast: 1000,5000; polling: 2000)"),
         QStringLiteral("list"), QStringLiteral("1000,5000")},
        {QStringLiteral("repeats"), QStringLiteral("repeats (medians are reported)"),
         QStringLiteral("n"), QStringLiteral("3")},
        {QStringLiteral("seconds"), QStringLiteral("seconds per broadcast step"),
         QStringLiteral("s"), QStringLiteral("5")},
        {QStringLiteral("ack-seconds"), QStringLiteral("seconds of idle acks"),
         QStringLiteral("s")},
        {QStringLiteral("concurrency"), QStringLiteral("connects in flight"), QStringLiteral("n"),
         QStringLiteral("200")},
        {QStringLiteral("source-addresses"),
         QStringLiteral("scale: 127.0.0.2 ... addresses the clients connect from (0: one per "
                        "5,000 clients)"),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("polling-clients"), QStringLiteral("long-polling clients that upgrade"),
         QStringLiteral("n"), QStringLiteral("200")},
        {QStringLiteral("fixed-rate"), QStringLiteral("delivered msgs/s for the latency step"),
         QStringLiteral("n"), QStringLiteral("10000")},
        {QStringLiteral("load-rate"), QStringLiteral("delivered msgs/s for acks under load"),
         QStringLiteral("n"), QStringLiteral("50000")},
        {QStringLiteral("ladder"), QStringLiteral("delivered msgs/s per capacity step"),
         QStringLiteral("list")},
        {QStringLiteral("p99-bound"),
         QStringLiteral("a capacity step passes with p99 at most this (ms)"), QStringLiteral("ms"),
         QStringLiteral("100")},
        {QStringLiteral("no-ladder"), QStringLiteral("skip the capacity ladder")},
        {QStringLiteral("no-polling"), QStringLiteral("skip long-polling")},
        {QStringLiteral("no-acks"), QStringLiteral("skip ack round trips")},
        {QStringLiteral("no-fixed"), QStringLiteral("skip the fixed-rate latency step")},
        {QStringLiteral("server-cpu"), QStringLiteral("CPU for the server"), QStringLiteral("n"),
         QStringLiteral("0")},
        {QStringLiteral("generator-cpu"), QStringLiteral("CPU for this process"),
         QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("server-log"), QStringLiteral("append servers' stderr here"),
         QStringLiteral("file")},
        {QStringLiteral("out"), QStringLiteral("results JSON"), QStringLiteral("file")},
        {QStringLiteral("settle"), QStringLiteral("scale of the settling pauses (1 = as measured)"),
         QStringLiteral("x"), QStringLiteral("1")},
        {QStringLiteral("layouts"),
         QStringLiteral("cluster: one (no Redis), one-redis, two (two nodes joined by Redis)"),
         QStringLiteral("list"), QStringLiteral("one,two")},
        {QStringLiteral("node-cpus"),
         QStringLiteral("cluster: CPUs of node A and node B (default: --server-cpu for both)"),
         QStringLiteral("list")},
        {QStringLiteral("redis-cpu"), QStringLiteral("cluster: CPU of redis-server"),
         QStringLiteral("n")},
        {QStringLiteral("redis-server"), QStringLiteral("cluster: redis-server binary"),
         QStringLiteral("path"), QStringLiteral("redis-server")},
        {QStringLiteral("consoles"), QStringLiteral("cafe: consoles connected"),
         QStringLiteral("n"), QStringLiteral("1000")},
        {QStringLiteral("senders"), QStringLiteral("cafe: users sending commands"),
         QStringLiteral("n"), QStringLiteral("50")},
        {QStringLiteral("cafe-rates"), QStringLiteral("cafe: commands/s per step"),
         QStringLiteral("list")},
        {QStringLiteral("cafe-all-steps"),
         QStringLiteral("cafe: every rate, even after two failed steps (throughput when "
                        "overloaded)")},
        {QStringLiteral("postgres-bin"),
         QStringLiteral("cafe: PostgreSQL 15 programs for the server hub-pg"),
         QStringLiteral("dir"), QStringLiteral("/usr/lib/postgresql/15/bin")},
        {QStringLiteral("console"), QStringLiteral("client: tt_bench_console binary"),
         QStringLiteral("path")},
        {QStringLiteral("client-rates"), QStringLiteral("client: events/s per step"),
         QStringLiteral("list")},
        {QStringLiteral("codec"), QStringLiteral("codec: tt_bench_codec binary"),
         QStringLiteral("path")},
        {QStringLiteral("fixtures"), QStringLiteral("codec: the contract's envelopes"),
         QStringLiteral("dir")},
        {QStringLiteral("codec-min-time"), QStringLiteral("codec: seconds per measurement"),
         QStringLiteral("s"), QStringLiteral("0.5")},
        {QStringLiteral("signin-rate"), QStringLiteral("signin: sign-ins per second"),
         QStringLiteral("n"), QStringLiteral("20")},
        {QStringLiteral("signin-seconds"), QStringLiteral("signin: seconds of sign-ins"),
         QStringLiteral("s"), QStringLiteral("10")},
        {QStringLiteral("signin-staff"),
         QStringLiteral("signin: staff members (and loopback source addresses) signing in"),
         QStringLiteral("n"), QStringLiteral("40")},
        {QStringLiteral("hub-sign-ins-per-second"),
         QStringLiteral("signin: the hub's --sign-ins-per-second, its hub-wide budget of PIN "
                        "checks (0: the hub's default, 5)"),
         QStringLiteral("n"), QStringLiteral("20")},
    });
    p.process(app);
    const QStringList args = p.positionalArguments();
    const QString mode = args.value(0);
    if (mode == u"broadcast" || mode == u"polling")
        return runBroadcast(p, mode);
    if (mode == u"cluster")
        return runCluster(p);
    if (mode == u"cafe")
        return runCafe(p);
    if (mode == u"client")
        return runClient(p);
    if (mode == u"codec")
        return runCodec(p);
    if (mode == u"signin")
        return runSignIn(p);
    if (mode == u"scale")
        return runScale(p);
    if (mode == u"report")
        return runReport(args.mid(1));
    std::fprintf(stderr,
                 "tt_siobench: mode must be broadcast, polling, cluster, cafe, client, codec, "
                 "signin, scale or report\n");
    return 2;
}
