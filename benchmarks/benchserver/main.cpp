// tt-bench-server: the bench contract (docs/performance.md, "The bench server and its contract")
// on the hub's own server stack, so tt_siobench can measure it against stock socket.io. A
// benchmark tool: built with the tests or the benchmarks, never installed, never in the package.
#include "benchendpoint.h"
#include "engineserver.h"
#include "rediscluster.h"
#include "serverprocess.h"
#include "sioserver.h"
#include "webserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <cstdio>

using namespace TableTap;

namespace {

enum ExitCode { Ok = 0, Failure = 1, UsageError = 2 };

const char *const usage
    = "Usage: tt-bench-server [--port P] [--bind ADDRESS] [--bench-token T]\n"
      "                       [--tls-cert FILE --tls-key FILE] [--event-loop epoll|poll]\n"
      "                       [--cluster redis://HOST:PORT [--node NAME]]\n"
      "       tt-bench-server --help | --version\n"
      "\n"
      "Serves the bench contract on the hub's server stack (Engine.IO v4 and Socket.IO v5 at\n"
      "/socket.io/): namespace /orders with a token, echo, bench:start and publish; see\n"
      "docs/performance.md. Once listening it prints one JSON line on stdout:\n"
      "{\"ready\":true,\"pid\":N,\"port\":P,\"impl\":\"tt-bench-server\"} (with --cluster also\n"
      "\"node\" and \"cluster\":{\"url\",\"connected\"}).\n"
      "\n"
      "  --port P              port to listen on, 0 for any free one (default 3000)\n"
      "  --bind ADDRESS        address to listen on (default 127.0.0.1)\n"
      "  --bench-token T       token /orders accepts (default bench-token)\n"
      "  --tls-cert FILE       PEM certificate; with --tls-key the port speaks only TLS\n"
      "  --tls-key FILE        PEM private key, unencrypted\n"
      "  --event-loop epoll|poll\n"
      "                        the main thread's dispatcher (default epoll, or\n"
      "                        TABLETAP_EVENT_LOOP; poll is Qt's own, to compare)\n"
      "  --cluster URL         one node of several on this Redis (redis://HOST:PORT), as\n"
      "                        tabletap-hub serve --cluster: broadcasts reach every node's\n"
      "                        clients; ready is printed once Redis answers (at most 10 s)\n"
      "  --node NAME           this node's name in the ready line (default bench)\n"
      "\n"
      "Like tabletap-hub it sets QT_NO_GLIB=1 and raises the open-file limit to the hard\n"
      "limit before Qt starts. CORS allows every origin; no configuration file is read.\n"
      "Exit codes: 0 ok, 1 could not listen, 2 usage error.\n";

struct Settings
{
    quint16 port = 3000;
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    QString token = QStringLiteral("bench-token");
    QString tlsCertificate;
    QString tlsKey;
    QString eventLoop; // empty: TABLETAP_EVENT_LOOP, else epoll
    QString cluster;   // redis://HOST:PORT; empty: alone
    QString node = QStringLiteral("bench");
    bool help = false;
    bool version = false;
};

// Reads the command line before Qt starts (it chooses the event dispatcher); false with the
// mistake in *error.
bool parse(const QStringList &arguments, Settings *s, QString *error)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption port(QStringLiteral("port"), QString(), QStringLiteral("P"));
    const QCommandLineOption bind(QStringLiteral("bind"), QString(), QStringLiteral("ADDRESS"));
    const QCommandLineOption token(QStringLiteral("bench-token"), QString(), QStringLiteral("T"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("tls-key"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption loop(QStringLiteral("event-loop"), QString(),
                                  QStringLiteral("epoll|poll"));
    const QCommandLineOption cluster(QStringLiteral("cluster"), QString(), QStringLiteral("URL"));
    const QCommandLineOption node(QStringLiteral("node"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption help(QStringList{QStringLiteral("help"), QStringLiteral("h")});
    const QCommandLineOption version(QStringLiteral("version"));
    p.addOptions({port, bind, token, cert, key, loop, cluster, node, help, version});
    if (!p.parse(arguments)) {
        *error = p.errorText();
        if (error->endsWith(u'.'))
            error->chop(1);
        return false;
    }
    s->help = p.isSet(help);
    s->version = p.isSet(version);
    if (s->help || s->version)
        return true;
    if (!p.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument \"%1\"").arg(p.positionalArguments().first());
        return false;
    }
    if (p.isSet(port)) {
        bool ok = false;
        const uint value = p.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            *error = QStringLiteral("--port needs a number from 0 to 65535, got \"%1\"")
                         .arg(p.value(port));
            return false;
        }
        s->port = quint16(value);
    }
    if (p.isSet(bind) && !s->bind.setAddress(p.value(bind))) {
        *error = QStringLiteral("--bind needs an IP address, got \"%1\"").arg(p.value(bind));
        return false;
    }
    if (p.isSet(token))
        s->token = p.value(token);
    s->tlsCertificate = p.value(cert);
    s->tlsKey = p.value(key);
    if (s->tlsCertificate.isEmpty() != s->tlsKey.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    if (p.isSet(cluster)) {
        s->cluster = p.value(cluster);
        bool ok = false;
        RedisCluster::fromUrl(QUrl(s->cluster), &ok);
        if (!ok) {
            *error
                = QStringLiteral("--cluster needs redis://HOST:PORT, got \"%1\"").arg(s->cluster);
            return false;
        }
    }
    if (p.isSet(node)) {
        s->node = p.value(node);
        static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9._-]{1,63}$"));
        if (!rule.match(s->node).hasMatch()) {
            *error = QStringLiteral("--node needs 1 to 63 of A-Z a-z 0-9 . _ -, got \"%1\"")
                         .arg(s->node);
            return false;
        }
    }
    if (p.isSet(loop)) {
        s->eventLoop = p.value(loop);
        if (s->eventLoop != u"epoll" && s->eventLoop != u"poll") {
            *error
                = QStringLiteral("--event-loop needs epoll or poll, got \"%1\"").arg(s->eventLoop);
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    Settings settings;
    QString error;
    const bool parsed = parse(arguments, &settings, &error);
    ServerProcess::prepare(settings.eventLoop);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tt-bench-server"));
    // Our categories' debug lines (a Redis that is not there yet: ten a second) only on request
    // (QT_LOGGING_RULES still wins).
    QLoggingCategory::setFilterRules(QStringLiteral("tabletap.*.debug=false"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TT_VERSION));
    if (!parsed) {
        std::fprintf(stderr, "tt-bench-server: %s; see --help\n", qPrintable(error));
        return UsageError;
    }
    if (settings.help) {
        std::fputs(usage, stdout);
        return Ok;
    }
    if (settings.version) {
        std::printf("tt-bench-server %s\n", TT_VERSION);
        return Ok;
    }

    WebServer::Options webOptions;
    webOptions.tlsCertificateFile = settings.tlsCertificate;
    webOptions.tlsKeyFile = settings.tlsKey;
    webOptions.cors.enabled = true; // as the reference (bench-server.js) sets it
    webOptions.cors.origins = {QByteArrayLiteral("*")};
    WebServer web(webOptions);
    EngineServer engine;
    web.mount(&engine);
    // With --cluster every namespace sits on Redis, as in tabletap-hub serve --cluster.
    std::unique_ptr<RedisCluster> cluster;
    SioServer::Options sioOptions;
    if (!settings.cluster.isEmpty()) {
        cluster = std::make_unique<RedisCluster>(RedisCluster::fromUrl(QUrl(settings.cluster)));
        sioOptions.adapterFactory = cluster->adapterFactory();
    }
    SioServer io(&engine, sioOptions);
    BenchEndpoint bench(&io, settings.token);
    if (!web.listen(settings.bind, settings.port)) {
        std::fprintf(stderr, "tt-bench-server: cannot listen on %s:%u: %s\n",
                     qPrintable(settings.bind.toString()), unsigned(settings.port),
                     qPrintable(web.errorString()));
        return Failure;
    }
    // A node is ready for the benchmark once its adapter listens on Redis.
    if (cluster && !cluster->isConnected()) {
        QEventLoop wait;
        QTimer::singleShot(10000, &wait, &QEventLoop::quit);
        QObject::connect(cluster.get(), &RedisCluster::connectedChanged, &wait,
                         [&wait](bool connected) {
                             if (connected)
                                 wait.quit();
                         });
        wait.exec();
    }
    // tt_siobench waits for a line with "ready" and reads "port" from it.
    QJsonObject ready{{QStringLiteral("ready"), true},
                      {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                      {QStringLiteral("port"), web.serverPort()},
                      {QStringLiteral("impl"), QStringLiteral("tt-bench-server")}};
    if (cluster) {
        ready.insert(QStringLiteral("node"), settings.node);
        ready.insert(QStringLiteral("cluster"),
                     QJsonObject{{QStringLiteral("url"), settings.cluster},
                                 {QStringLiteral("connected"), cluster->isConnected()}});
    }
    std::printf("%s\n", QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
