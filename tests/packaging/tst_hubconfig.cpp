// tabletap-hub's configuration: the INI reader (one line per mistake, with file and line), each
// kind of value, the merged checks (data folder, TLS files, token file), the command line over
// the file, the default file next to the program's prefix, admin commands taking --data from
// the file, --check-config, and the structured log lines and levels, in-process and as a
// process.
#include "hubcommandline.h"
#include "hubconfig.h"
#include "hublogger.h"
#include "testcerts.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace TableTap;

namespace {

struct Run
{
    int exitCode = -1;
    QString out, err;
};

Run runHub(const QString &program, const QStringList &args,
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
           int timeoutMs = 30000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

const HubConfig::Key &key(const char *section, const char *name)
{
    return *HubConfig::findKey(QLatin1String(section), QLatin1String(name));
}

} // namespace

class TestHubConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKeyFromAFile();
    void mistakesOneLineEach_data();
    void mistakesOneLineEach();
    void valueKinds();
    void mergedChecks();
    void tlsFiles();
    void commandLineOverFile();
    void keyTableMatchesOptions();
    void clusterAndNodeKeys();
    void databaseKey();
    void logLines();
    void defaultFileBesideThePrefix();
    void processConfigErrorsAndCheck();
    void adminCommandsTakeDataFromTheFile();
    void processLogLevels();
};

void TestHubConfig::everyKeyFromAFile()
{
    HubConfig c;
    QStringList errors;
    const QString text
        = QStringLiteral("# comment\n"
                         "; another\n"
                         "\n"
                         "[hub]\n"
                         "data = /srv/hub  # trailing comment\n"
                         "bind = 127.0.0.1\n"
                         "port = 3100\n"
                         "cors_origins = http://192.168.1.20:8080, https://dash.example\n"
                         "ping_interval = 1000\n"
                         "ping_timeout = 2000\n"
                         "max_payload = 2048\n"
                         "event_loop = poll\n"
                         "sign_in_threads = 3\n"
                         "max_queued_sign_ins = 9\n"
                         "sign_ins_per_second = 7\n"
                         "[tls]\n"
                         "certificate = \"/etc/x/hub.crt\"\n"
                         "key = /etc/x/hub.key\n"
                         "[simulator]\n"
                         "enabled = yes\n"
                         "speed = 60\n"
                         "seed = 7\n"
                         "start = 11:45\n"
                         "cafe = downtown\n"
                         "  [ operations ]  \n"
                         "enabled = off\n"
                         "allow = 10.0.0.0/8, ::1, 192.168.1.5\n"
                         "token_file = /etc/x/token\n"
                         "min_free_mb = 10\n"
                         "[log]\n"
                         "level = DEBUG\n"
                         "format = journal\n");
    QVERIFY2(c.loadText(text, QStringLiteral("hub.conf"), &errors), qPrintable(errors.join(u'\n')));
    QCOMPARE(c.dataDir, QStringLiteral("/srv/hub"));
    QCOMPARE(c.bind, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c.port, 3100);
    QCOMPARE(c.corsOrigins, (QStringList{QStringLiteral("http://192.168.1.20:8080"),
                                         QStringLiteral("https://dash.example")}));
    QCOMPARE(c.pingInterval, 1000);
    QCOMPARE(c.pingTimeout, 2000);
    QCOMPARE(c.maxPayload, 2048);
    QCOMPARE(c.eventLoop, QStringLiteral("poll"));
    QCOMPARE(c.tlsCertificate, QStringLiteral("/etc/x/hub.crt"));
    QCOMPARE(c.tlsKey, QStringLiteral("/etc/x/hub.key"));
    QVERIFY(c.simulate);
    QCOMPARE(c.speed, 60.0);
    QCOMPARE(c.seed, 7u);
    QCOMPARE(c.simulationStart, QTime(11, 45));
    QCOMPARE(c.simulationCafe, QStringLiteral("downtown"));
    QVERIFY(!c.operationsEnabled);
    QCOMPARE(c.operationsAllow.size(), 3);
    QCOMPARE(c.operationsAllow.at(0).second, 8);
    QCOMPARE(c.operationsAllow.at(2),
             HubOperations::Subnet(QHostAddress(QStringLiteral("192.168.1.5")), 32));
    QCOMPARE(c.operationsTokenFile, QStringLiteral("/etc/x/token"));
    QCOMPARE(c.minFreeMegabytes, 10);
    QCOMPARE(c.logLevel, QStringLiteral("debug"));
    QCOMPARE(c.logFormat, QStringLiteral("journal"));
    QCOMPARE(c.originOf("hub", "port"), QStringLiteral("hub.conf:7"));
    QVERIFY(!c.isSet("hub", "nothing"));

    const HubServer::Options o = c.serverOptions();
    QCOMPARE(o.port, 3100);
    QCOMPARE(o.pingTimeout, 2000);
    QVERIFY(c.simulate);
    // The simulator on: the hub gets a demo hub's options (HubOptions::forSimulation at 60x).
    QVERIFY(!o.hub.syncEveryCommit);
    QCOMPARE(o.hub.cardProcessingDelayMs, 25);
    const CafeSimulator::Options sim = c.simulatorOptions();
    QCOMPARE(sim.speed, 60.0);
    QCOMPARE(sim.cafeId, QStringLiteral("downtown"));
    QCOMPARE(sim.startTime, QTime(11, 45));
    QCOMPARE(sim.seed, 7u);
    QCOMPARE(o.hub.randomSeed, 7u);
    QVERIFY(!o.operations.enabled);
    QCOMPARE(o.operations.minFreeBytes, 10LL * 1024 * 1024);
    QCOMPARE(o.signInThreads, 3);
    QCOMPARE(o.maxQueuedSignIns, 9);
    QCOMPARE(o.signInsPerSecond, 7);

    // Defaults: nothing set, simulator off, operations on for the loopback.
    HubConfig d;
    QVERIFY(d.loadText(QString(), QStringLiteral("empty"), &errors));
    QVERIFY(!d.simulate);
    QVERIFY(d.serverOptions().hub.syncEveryCommit);
    QCOMPARE(d.port, 3000);
    QVERIFY(d.operationsEnabled);
    QCOMPARE(d.operationsAllow, HubOperations::loopback());
}

void TestHubConfig::mistakesOneLineEach_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unknown key with a hint")
        << QStringLiteral("[hub]\nprot = 3000\n")
        << QStringList{QStringLiteral("f:2: unknown key prot in [hub] (did you mean port?)")};
    QTest::newRow("unknown key, no hint")
        << QStringLiteral("[hub]\nbanana = 1\n")
        << QStringList{QStringLiteral("f:2: unknown key banana in [hub]")};
    QTest::newRow("key of another section")
        << QStringLiteral("[tls]\nport = 1\n")
        << QStringList{QStringLiteral("f:2: unknown key port in [tls]")};
    QTest::newRow("unknown section reported once")
        << QStringLiteral("[database]\na = 1\nb = 2\n[hub]\nport = 1\n")
        << QStringList{QStringLiteral("f:1: unknown section [database] (known: [hub], [tls], "
                                      "[simulator], [operations], [log])")};
    QTest::newRow("outside a section")
        << QStringLiteral("port = 1\n")
        << QStringList{
               QStringLiteral("f:1: port is outside a section; put it under [hub] or another")};
    QTest::newRow("no equals sign")
        << QStringLiteral("[hub]\nport 3000\n")
        << QStringList{QStringLiteral("f:2: expected key = value, got \"port 3000\"")};
    QTest::newRow("broken section")
        << QStringLiteral("[hub\n")
        << QStringList{QStringLiteral("f:1: a section is written [name]")};
    QTest::newRow("twice") << QStringLiteral("[hub]\nport = 1\n\nport = 2\n")
                           << QStringList{QStringLiteral(
                                  "f:4: port is set twice in [hub] (first on line 2)")};
    QTest::newRow("port out of range")
        << QStringLiteral("[hub]\nport = 65536\n")
        << QStringList{QStringLiteral("f:2: port needs a number from 0 to 65535, got \"65536\"")};
    QTest::newRow("negative port")
        << QStringLiteral("[hub]\nport = -1\n")
        << QStringList{QStringLiteral("f:2: port needs a number from 0 to 65535, got \"-1\"")};
    QTest::newRow("not a number")
        << QStringLiteral("[hub]\nping_interval = soon\n")
        << QStringList{QStringLiteral(
               "f:2: ping_interval needs a number from 100 to 3600000, got \"soon\"")};
    QTest::newRow("bad address")
        << QStringLiteral("[hub]\nbind = cafe-pc\n")
        << QStringList{QStringLiteral(
               "f:2: bind needs an IP address such as 0.0.0.0 or 127.0.0.1, got \"cafe-pc\"")};
    QTest::newRow("bad origin")
        << QStringLiteral("[hub]\ncors_origins = http://ok:1, dash.example\n")
        << QStringList{QStringLiteral("f:2: cors_origins needs an origin such as "
                                      "http://192.168.1.20:8080 or *, got \"dash.example\"")};
    QTest::newRow("bad boolean") << QStringLiteral("[simulator]\nenabled = maybe\n")
                                 << QStringList{QStringLiteral(
                                        "f:2: enabled needs true or false, got \"maybe\"")};
    QTest::newRow("bad time")
        << QStringLiteral("[simulator]\nstart = 25:00\n")
        << QStringList{
               QStringLiteral("f:2: start needs a time of day such as 11:30, got \"25:00\"")};
    QTest::newRow("speed out of range")
        << QStringLiteral("[simulator]\nspeed = 0\n")
        << QStringList{QStringLiteral("f:2: speed needs a number from 0.1 to 3600, got \"0\"")};
    QTest::newRow("bad cafe id")
        << QStringLiteral("[simulator]\ncafe = two words\n")
        << QStringList{QStringLiteral(
               "f:2: cafe needs a cafe id (1 to 64 of A-Z a-z 0-9 _ -), got \"two words\"")};
    QTest::newRow("bad subnet") << QStringLiteral("[operations]\nallow = 127.0.0.1, 10.0.0.0/40\n")
                                << QStringList{QStringLiteral(
                                       "f:2: allow needs addresses or subnets such as 127.0.0.1, "
                                       "192.168.1.0/24, ::1, got \"10.0.0.0/40\"")};
    QTest::newRow("bad choice")
        << QStringLiteral("[log]\nlevel = loud\n")
        << QStringList{
               QStringLiteral("f:2: level needs one of debug, info, warning, error, got \"loud\"")};
    QTest::newRow("empty data") << QStringLiteral(
        "[hub]\ndata =\n") << QStringList{QStringLiteral("f:2: data needs a folder, got \"\"")};
    QTest::newRow("several at once")
        << QStringLiteral("[hub]\nport = x\nbind = y\n[log]\nformat = xml\n")
        << QStringList{QStringLiteral("f:2: port needs a number from 0 to 65535, got \"x\""),
                       QStringLiteral(
                           "f:3: bind needs an IP address such as 0.0.0.0 or 127.0.0.1, got \"y\""),
                       QStringLiteral("f:5: format needs one of auto, text, journal, got \"xml\"")};
}

void TestHubConfig::mistakesOneLineEach()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    HubConfig c;
    QStringList errors;
    QVERIFY(!c.loadText(text, QStringLiteral("f"), &errors));
    QCOMPARE(errors, expected);
    // A valid value that follows a mistake still counts.
    HubConfig after;
    errors.clear();
    QVERIFY(!after.loadText(QStringLiteral("[hub]\nport = nope\nmax_payload = 4096\n"),
                            QStringLiteral("f"), &errors));
    QCOMPARE(after.maxPayload, 4096);
}

void TestHubConfig::valueKinds()
{
    HubConfig c;
    QString why;
    for (const char *yes : {"true", "YES", "on", "1"}) {
        QVERIFY(c.set(key("simulator", "enabled"), QLatin1String(yes), &why));
        QVERIFY(c.simulate);
        QVERIFY(c.set(key("simulator", "enabled"), QStringLiteral("no"), &why));
        QVERIFY(!c.simulate);
    }
    QVERIFY(c.set(key("hub", "cors_origins"), QStringLiteral("*"), &why));
    QCOMPARE(c.corsOrigins, QStringList{QStringLiteral("*")});
    QVERIFY(c.set(key("hub", "cors_origins"), QString(), &why));
    QVERIFY(c.corsOrigins.isEmpty());
    QVERIFY(c.set(key("operations", "allow"), QString(), &why));
    QVERIFY(c.operationsAllow.isEmpty()); // nobody by address
    QVERIFY(c.set(key("hub", "bind"), QStringLiteral("::"), &why));
    QCOMPARE(c.bind.protocol(), QAbstractSocket::IPv6Protocol);
    QVERIFY(c.set(key("log", "level"), QStringLiteral("critical"), &why));
    QCOMPARE(c.logLevel, QStringLiteral("error"));
    QVERIFY(c.set(key("simulator", "seed"), QStringLiteral("4294967295"), &why));
    QCOMPARE(c.seed, 4294967295u);
    QVERIFY(!c.set(key("simulator", "seed"), QStringLiteral("4294967296"), &why));
    QVERIFY(!c.set(key("hub", "max_payload"), QStringLiteral("1023"), &why));
    QCOMPARE(why, QStringLiteral("needs a number from 1024 to 1073741824, got \"1023\""));
}

void TestHubConfig::mergedChecks()
{
    QTemporaryDir dir;
    HubConfig c;
    QStringList problems = c.validate();
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().startsWith(QStringLiteral("serve needs --data DIR")));

    // A file where the folder should be, named with where it was set.
    const QString file = dir.filePath(QStringLiteral("file"));
    QVERIFY(writeFile(file, "x"));
    QStringList errors;
    QVERIFY(c.loadText(QStringLiteral("[hub]\ndata = %1\n").arg(file), QStringLiteral("hub.conf"),
                       &errors));
    QCOMPARE(c.validate(),
             QStringList{QStringLiteral("hub.conf:2: data: %1 is not a folder").arg(file)});

    // A folder that serve will create, an existing one: fine.
    c.dataDir = dir.filePath(QStringLiteral("new/deeper"));
    QCOMPARE(c.validate(), QStringList());
    c.dataDir = dir.path();
    QCOMPARE(c.validate(), QStringList());

    // A token file too short to be a secret, and one that is not there.
    const QString token = dir.filePath(QStringLiteral("token"));
    QVERIFY(writeFile(token, "short\n"));
    c.operationsTokenFile = token;
    QCOMPARE(c.validate(), QStringList{QStringLiteral("token_file: %1 must hold a token of at "
                                                      "least 16 characters")
                                           .arg(token)});
    QVERIFY(writeFile(token, "0123456789abcdef0123\n"));
    QCOMPARE(c.validate(), QStringList());
    QCOMPARE(c.serverOptions().operations.token, QByteArray("0123456789abcdef0123"));
    c.operationsTokenFile = dir.filePath(QStringLiteral("missing"));
    QCOMPARE(
        c.validate(),
        QStringList{QStringLiteral("token_file: %1 does not exist").arg(c.operationsTokenFile)});
}

void TestHubConfig::tlsFiles()
{
    TestCerts certs;
    QVERIFY2(certs.generate(), qPrintable(certs.error));
    QTemporaryDir dir;
    HubConfig c;
    c.dataDir = dir.path();
    c.tlsCertificate = certs.serverPem();
    c.tlsKey = certs.serverKey();
    QCOMPARE(c.validate(), QStringList());

    c.tlsKey.clear();
    QStringList p = c.validate();
    QCOMPARE(p.size(), 1);
    QVERIFY(p.first().contains(QStringLiteral("--tls-cert and --tls-key go together")));

    const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
    QVERIFY(writeFile(garbage, "not a certificate\n"));
    c.tlsCertificate = garbage;
    c.tlsKey = certs.caPem(); // a certificate where the key should be
    QCOMPARE(
        c.validate(),
        (QStringList{
            QStringLiteral("certificate: %1 holds no PEM certificate").arg(garbage),
            QStringLiteral("key: %1 holds no unencrypted PEM private key").arg(certs.caPem())}));
    c.tlsCertificate = dir.filePath(QStringLiteral("gone.pem"));
    c.tlsKey = certs.serverKey();
    QCOMPARE(c.validate(),
             QStringList{QStringLiteral("certificate: %1 does not exist").arg(c.tlsCertificate)});
}

void TestHubConfig::commandLineOverFile()
{
    QTemporaryDir dir;
    const QString conf = dir.filePath(QStringLiteral("hub.conf"));
    QVERIFY(writeFile(conf, "[hub]\ndata = /from/file\nport = 4000\ncors_origins = http://a:1\n"
                            "[simulator]\nenabled = true\nspeed = 5\n"));
    HubCommandLine cli;
    QVERIFY2(
        cli.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                   QStringLiteral("--config"), conf, QStringLiteral("--port"),
                   QStringLiteral("4001"), QStringLiteral("--cors"), QStringLiteral("http://b:2"),
                   QStringLiteral("--cors"), QStringLiteral("http://c:3,http://d:4"),
                   QStringLiteral("--seed"), QStringLiteral("9")}),
        qPrintable(cli.errors().join(u'\n')));
    QCOMPARE(cli.configPath, conf);
    QCOMPARE(cli.config.dataDir, QStringLiteral("/from/file"));
    QCOMPARE(cli.config.port, 4001);
    QCOMPARE(cli.config.corsOrigins.size(), 3); // the command line's list replaces the file's
    QCOMPARE(cli.config.speed, 5.0);
    QCOMPARE(cli.config.seed, 9u); // --seed is fine: the file turned the simulator on
    QCOMPARE(cli.config.originOf("hub", "port"), QStringLiteral("--port"));
    QCOMPARE(cli.config.originOf("hub", "data"), conf + QStringLiteral(":2"));

    HubCommandLine none;
    QVERIFY(none.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                        QStringLiteral("--no-config"), QStringLiteral("--data"),
                        QStringLiteral("/d")}));
    QVERIFY(none.configPath.isEmpty());

    HubCommandLine both;
    QVERIFY(!both.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                         QStringLiteral("--config"), conf, QStringLiteral("--no-config")}));
    QCOMPARE(both.errors(),
             QStringList{QStringLiteral("--config and --no-config do not go together")});

    // Mistakes from both, each on its own line.
    QVERIFY(writeFile(conf, "[hub]\nport = big\n"));
    HubCommandLine bad;
    QVERIFY(!bad.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                        QStringLiteral("--config"), conf, QStringLiteral("--ping-timeout"),
                        QStringLiteral("5")}));
    QCOMPARE(bad.errors(),
             (QStringList{
                 conf + QStringLiteral(":2: port needs a number from 0 to 65535, got \"big\""),
                 QStringLiteral("--ping-timeout needs a number from 100 to 3600000, got \"5\"")}));

    HubCommandLine missing;
    QVERIFY(
        !missing.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                        QStringLiteral("--config"), dir.filePath(QStringLiteral("nope.conf"))}));
    QCOMPARE(missing.errors(), QStringList{QStringLiteral("configuration file %1 does not exist")
                                               .arg(dir.filePath(QStringLiteral("nope.conf")))});
}

void TestHubConfig::keyTableMatchesOptions()
{
    QSet<QString> seen;
    for (const HubConfig::Key &k : HubConfig::keys()) {
        const QString id = QLatin1String(k.section) + u'.' + QLatin1String(k.name);
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        QVERIFY(*k.help);
        if (*k.option) {
            QCOMPARE(HubConfig::findOption(QLatin1String(k.option)), &k);
            QVERIFY2(
                HubCommandLine::helpText().contains(QStringLiteral("--") + QLatin1String(k.option)),
                k.option);
        }
        QVERIFY2(HubCommandLine::helpText().contains(QLatin1String(k.name) + QStringLiteral(" = ")),
                 k.name);
    }
    QCOMPARE(seen.size(), 28);
}

void TestHubConfig::clusterAndNodeKeys()
{
    // From the file, then the command line over it; both reach HubServer::Options.
    HubConfig c;
    QStringList errors;
    QVERIFY2(c.loadText(QStringLiteral("[hub]\ndata = /srv/hub\ncluster = redis://10.0.0.5:6380\n"
                                       "node = hub-a\n"),
                        QStringLiteral("hub.conf"), &errors),
             qPrintable(errors.join(u'\n')));
    QCOMPARE(c.cluster, QStringLiteral("redis://10.0.0.5:6380"));
    QCOMPARE(c.node, QStringLiteral("hub-a"));
    QCOMPARE(c.serverOptions().clusterUrl, QStringLiteral("redis://10.0.0.5:6380"));
    QCOMPARE(c.serverOptions().node, QStringLiteral("hub-a"));

    HubCommandLine cli;
    QVERIFY2(cli.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                        QStringLiteral("--no-config"), QStringLiteral("--data"),
                        QStringLiteral("/srv/hub"), QStringLiteral("--cluster"),
                        QStringLiteral("redis://redis.lan"), QStringLiteral("--node"),
                        QStringLiteral("back.office_2")}),
             qPrintable(cli.errors().join(u'\n')));
    QCOMPARE(cli.config.cluster, QStringLiteral("redis://redis.lan"));
    QCOMPARE(cli.config.node, QStringLiteral("back.office_2"));

    // Nothing set: no cluster, and the node is named after the host.
    const HubServer::Options alone = HubConfig().serverOptions();
    QVERIFY(alone.clusterUrl.isEmpty());
    QVERIFY(alone.node.isEmpty());
    QVERIFY(HubServer::isValidNodeName(HubServer::defaultNodeName()));

    // What RedisCluster cannot honour is refused, not quietly dropped.
    const HubConfig::Key *cluster
        = HubConfig::findKey(QStringLiteral("hub"), QStringLiteral("cluster"));
    const HubConfig::Key *node = HubConfig::findKey(QStringLiteral("hub"), QStringLiteral("node"));
    QVERIFY(cluster && node);
    HubConfig k;
    QString why;
    QVERIFY(k.set(*cluster, QString(), &why)); // empty: alone
    for (const char *bad : {"http://10.0.0.5:6379", "redis://", "redis://:secret@10.0.0.5:6379",
                            "redis://10.0.0.5:6379/2", "redis://10.0.0.5:6379?tls=1",
                            "redis://10.0.0.5:99999", "10.0.0.5:6379"}) {
        QVERIFY2(!k.set(*cluster, QLatin1String(bad), &why), bad);
        QVERIFY2(why.startsWith(QStringLiteral("needs redis://HOST:PORT")), qPrintable(why));
    }
    for (const char *bad : {"", "hub a", "hub/a", "h\xc3\xbcb",
                            "a234567890123456789012345678901234567890123456789012345678901234"}) {
        QVERIFY2(!k.set(*node, QString::fromUtf8(bad), &why), bad);
        QVERIFY2(why.startsWith(QStringLiteral("needs a node name")), qPrintable(why));
    }
    QVERIFY(k.set(*node,
                  QStringLiteral("a23456789012345678901234567890123456789012345678901234567890123"),
                  &why));

    HubCommandLine wrong;
    QVERIFY(!wrong.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                          QStringLiteral("--no-config"), QStringLiteral("--data"),
                          QStringLiteral("/srv/hub"), QStringLiteral("--cluster"),
                          QStringLiteral("redis://h:1/0")}));
    QCOMPARE(wrong.errors(),
             QStringList{QStringLiteral("--cluster needs redis://HOST:PORT (no user, password, "
                                        "path or query), got \"redis://h:1/0\"")});
}

void TestHubConfig::databaseKey()
{
    // Default and "sqlite": the data folder's SQLite files (an empty databaseUrl).
    HubConfig c;
    QCOMPARE(c.serverOptions().hub.databaseUrl, QString());
    QStringList errors;
    QVERIFY(c.loadText(QStringLiteral("[hub]\ndatabase = sqlite\n"), QStringLiteral("f"), &errors));
    QCOMPARE(c.serverOptions().hub.databaseUrl, QString());
    // A PostgreSQL URL reaches HubOptions as written.
    const QString url = QStringLiteral("postgresql://tt:pw@db.example:5433/tabletap");
    HubConfig pg;
    QVERIFY(pg.loadText(QStringLiteral("[hub]\ndatabase = %1\n").arg(url), QStringLiteral("f"),
                        &errors));
    QCOMPARE(pg.serverOptions().hub.databaseUrl, url);
    // Anything else is one line naming the key and what it takes.
    for (const char *bad : {"mysql://db/x", "postgresql://db.example/x", "postgresql://u@db/",
                            "postgresql://u@db/x?sslmode=require"}) {
        HubConfig wrong;
        QStringList e;
        QVERIFY(!wrong.loadText(QStringLiteral("[hub]\ndatabase = %1\n").arg(QLatin1String(bad)),
                                QStringLiteral("f"), &e));
        QCOMPARE(e.size(), 1);
        QVERIFY2(
            e.first().startsWith(QStringLiteral("f:2: database needs sqlite or postgresql://")),
            qPrintable(e.first()));
    }
    // The serve option, too.
    HubCommandLine cli;
    QVERIFY(!cli.parse({QStringLiteral("tabletap-hub"), QStringLiteral("serve"),
                        QStringLiteral("--no-config"), QStringLiteral("--data"),
                        QStringLiteral("/tmp/x"), QStringLiteral("--database"),
                        QStringLiteral("redis://x")}));
    QCOMPARE(cli.errors().size(), 1);
    QVERIFY2(cli.errors().first().contains(QStringLiteral("postgresql://")),
             qPrintable(cli.errors().first()));
}

void TestHubConfig::logLines()
{
    const qint64 t
        = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 1, 234), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(HubLogger::formatLine(HubLogger::Format::Text, QtInfoMsg, "tabletap.hub.wiring",
                                   QStringLiteral("hub serving 1 cafe(s)"), t),
             QByteArray("ts=2024-05-01T10:00:01.234Z level=info category=tabletap.hub.wiring "
                        "msg=\"hub serving 1 cafe(s)\""));
    QCOMPARE(HubLogger::formatLine(HubLogger::Format::Journal, QtWarningMsg, "tabletap.hub.store",
                                   QStringLiteral("say \"x\"\\ then\nnext\tline"), t),
             QByteArray("<4>level=warning category=tabletap.hub.store "
                        "msg=\"say \\\"x\\\"\\\\ then\\nnext\\tline\""));
    QCOMPARE(HubLogger::formatLine(HubLogger::Format::Journal, QtCriticalMsg, nullptr,
                                   QStringLiteral("bad"), t),
             QByteArray("<3>level=error category=default msg=\"bad\""));
    QVERIFY(HubLogger::formatLine(HubLogger::Format::Journal, QtDebugMsg, "a", {}, t)
                .startsWith("<7>level=debug"));
    // A node of a cluster names itself on every line.
    HubLogger::setNode(QStringLiteral("hub-a"));
    QCOMPARE(HubLogger::formatLine(HubLogger::Format::Text, QtInfoMsg, "tabletap.hub.wiring",
                                   QStringLiteral("joined"), t),
             QByteArray("ts=2024-05-01T10:00:01.234Z level=info category=tabletap.hub.wiring "
                        "node=hub-a msg=\"joined\""));
    HubLogger::setNode(QString());
    QCOMPARE(HubLogger::formatFor(QStringLiteral("text")), HubLogger::Format::Text);
    QCOMPARE(HubLogger::formatFor(QStringLiteral("journal")), HubLogger::Format::Journal);
    QCOMPARE(HubLogger::rulesFor(QStringLiteral("info")), QStringLiteral("*.debug=false"));
    QCOMPARE(HubLogger::rulesFor(QStringLiteral("error")),
             QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
    QCOMPARE(HubLogger::rulesFor(QStringLiteral("debug")), QStringLiteral("tabletap.*.debug=true"));
}

void TestHubConfig::defaultFileBesideThePrefix()
{
    // A copy of the program under <root>/usr/bin looks in <root>/etc/tabletap; under <p>/bin in
    // <p>/etc/tabletap. The file's data folder lets --check-config tell which one it read.
    QTemporaryDir dir;
    struct Layout
    {
        QString bin;
        QString conf;
    };
    const QList<Layout> layouts{{dir.filePath(QStringLiteral("root/usr/bin")),
                                 dir.filePath(QStringLiteral("root/etc/tabletap/hub.conf"))},
                                {dir.filePath(QStringLiteral("opt/tt/bin")),
                                 dir.filePath(QStringLiteral("opt/tt/etc/tabletap/hub.conf"))}};
    for (const Layout &l : layouts) {
        QVERIFY(QDir().mkpath(l.bin));
        const QString program = l.bin + QStringLiteral("/tabletap-hub");
        QVERIFY(QFile::copy(QStringLiteral(TT_HUB_BINARY), program));
        QVERIFY(QFile::setPermissions(program, QFile::ExeOwner | QFile::ReadOwner));
        Run r = runHub(program, {QStringLiteral("serve"), QStringLiteral("--check-config")});
        QCOMPARE(r.exitCode, 2); // no file yet: no data folder
        QVERIFY2(r.err.contains(QStringLiteral("serve needs --data DIR")), qPrintable(r.err));
        QVERIFY(writeFile(l.conf,
                          "[hub]\ndata = " + dir.filePath(QStringLiteral("data")).toUtf8() + "\n"));
        r = runHub(program, {QStringLiteral("serve"), QStringLiteral("--check-config")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("configuration OK: %1\n").arg(l.conf));
        r = runHub(program, {QStringLiteral("serve"), QStringLiteral("--check-config"),
                             QStringLiteral("--no-config")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(runHub(program, {QStringLiteral("--help")}).out.contains(l.conf));
    }
}

void TestHubConfig::processConfigErrorsAndCheck()
{
    QTemporaryDir dir;
    const QString conf = dir.filePath(QStringLiteral("hub.conf"));
    QVERIFY(writeFile(conf, "[hub]\ndata = " + dir.filePath(QStringLiteral("d")).toUtf8()
                                + "\nport = 99999\nprot = 1\n[tls]\ncertificate = /nope.pem\n"
                                  "[log]\nlevel = chatty\n"));
    Run r = runHub(QStringLiteral(TT_HUB_BINARY),
                   {QStringLiteral("serve"), QStringLiteral("--config"), conf});
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(
        lines,
        (QStringList{
            QStringLiteral("tabletap-hub: %1:3: port needs a number from 0 to 65535, got \"99999\"")
                .arg(conf),
            QStringLiteral("tabletap-hub: %1:4: unknown key prot in [hub] (did you mean port?)")
                .arg(conf),
            QStringLiteral("tabletap-hub: %1:8: level needs one of debug, info, warning, error, "
                           "got \"chatty\"")
                .arg(conf)}));
    QVERIFY(r.out.isEmpty());

    // Syntax fine: the merged checks speak (TLS pair incomplete), still exit 2, nothing served.
    QVERIFY(writeFile(conf, "[hub]\ndata = " + dir.filePath(QStringLiteral("d")).toUtf8()
                                + "\n[tls]\ncertificate = /nope.pem\n"));
    r = runHub(QStringLiteral(TT_HUB_BINARY),
               {QStringLiteral("serve"), QStringLiteral("--config"), conf, QStringLiteral("--port"),
                QStringLiteral("0")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("tabletap-hub: %1:4: --tls-cert and --tls-key go together "
                                   "(certificate and key under [tls])\n")
                        .arg(conf));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("d"))));

    QVERIFY(writeFile(conf, "[hub]\ndata = " + dir.filePath(QStringLiteral("d")).toUtf8() + "\n"));
    r = runHub(QStringLiteral(TT_HUB_BINARY), {QStringLiteral("serve"), QStringLiteral("--config"),
                                               conf, QStringLiteral("--check-config")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("configuration OK: %1\n").arg(conf));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("d")))); // a check creates nothing
}

void TestHubConfig::adminCommandsTakeDataFromTheFile()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString conf = dir.filePath(QStringLiteral("hub.conf"));
    QVERIFY(writeFile(conf, "[hub]\ndata = " + data.toUtf8() + "\n"));
    Run r = runHub(QStringLiteral(TT_HUB_BINARY),
                   {QStringLiteral("cafe"), QStringLiteral("add"), QStringLiteral("--config"), conf,
                    QStringLiteral("--id"), QStringLiteral("c1"), QStringLiteral("--name"),
                    QStringLiteral("Corner")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(data + QStringLiteral("/cafes/c1.db")));
    r = runHub(QStringLiteral(TT_HUB_BINARY), {QStringLiteral("cafe"), QStringLiteral("list"),
                                               QStringLiteral("--config=") + conf});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("c1\tCorner\t")));
    // --data given wins over the file.
    r = runHub(QStringLiteral(TT_HUB_BINARY),
               {QStringLiteral("cafe"), QStringLiteral("list"), QStringLiteral("--config"), conf,
                QStringLiteral("--data"), dir.filePath(QStringLiteral("other"))});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    // A broken file is reported, not guessed around.
    QVERIFY(writeFile(conf, "[hub]\ndata = " + data.toUtf8() + "\nport = x\n"));
    r = runHub(QStringLiteral(TT_HUB_BINARY),
               {QStringLiteral("cafe"), QStringLiteral("list"), QStringLiteral("--config"), conf});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(conf + QStringLiteral(":3: port needs")), qPrintable(r.err));
}

void TestHubConfig::processLogLevels()
{
    QTemporaryDir dir;
    const auto serveOnce = [&](const QStringList &extra, const QProcessEnvironment &env) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TT_HUB_BINARY),
                QStringList{QStringLiteral("serve"), QStringLiteral("--no-config"),
                            QStringLiteral("--data"), dir.filePath(QStringLiteral("d")),
                            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                            QStringLiteral("127.0.0.1")}
                    + extra);
        QString out;
        (void)QTest::qWaitFor(
            [&] {
                out += QString::fromUtf8(p.readAllStandardOutput());
                return out.contains(u'\n') || p.state() == QProcess::NotRunning;
            },
            20000);
        p.terminate();
        p.waitForFinished(10000);
        return QString::fromUtf8(p.readAllStandardError());
    };
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.remove(QStringLiteral("JOURNAL_STREAM"));

    QString err = serveOnce({}, env);
    static const QRegularExpression text(
        QStringLiteral("^ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=info "
                       "category=tabletap\\.hub\\.wiring msg=\"hub serving 0 cafe\\(s\\) at "),
        QRegularExpression::MultilineOption);
    QVERIFY2(text.match(err).hasMatch(), qPrintable(err));

    err = serveOnce({QStringLiteral("--log-format"), QStringLiteral("journal")}, env);
    QVERIFY2(err.contains(QStringLiteral("\n<6>level=info category=tabletap.hub.wiring msg=\"hub "
                                         "serving"))
                 || err.startsWith(QStringLiteral("<6>level=info")),
             qPrintable(err));
    // The program's own one-line errors carry the error priority in the journal.
    QVERIFY2(err.contains(QStringLiteral("<3>tabletap-hub: this hub serves no cafe yet")),
             qPrintable(err));

    err = serveOnce({QStringLiteral("--log-level"), QStringLiteral("warning")}, env);
    QVERIFY2(!err.contains(QStringLiteral("level=info")), qPrintable(err));
    // QT_LOGGING_RULES refines the level.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tabletap.hub.wiring.info=true"));
    err = serveOnce({QStringLiteral("--log-level"), QStringLiteral("warning")}, env);
    QVERIFY2(
        err.contains(QStringLiteral("level=info category=tabletap.hub.wiring msg=\"hub serving")),
        qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("category=tabletap.hub.auth")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestHubConfig)
#include "tst_hubconfig.moc"
