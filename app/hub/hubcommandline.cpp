// HubCommandLine parsing.
#include "hubcommandline.h"

#include "hubadmincommands.h"

#include <QCommandLineParser>
#include <QUrl>

namespace TableTap {

QString HubCommandLine::helpText()
{
    return QStringLiteral(
               "Usage: tabletap-hub serve --data DIR [options]\n"
               "       tabletap-hub serve --bench [--port P] [--bind ADDRESS]\n"
               "       tabletap-hub cafe|menu|staff|token|backup ... (admin commands, below)\n"
               "\n"
               "The in-store hub: the cafes' source of truth, serving consoles and devices over\n"
               "Socket.IO (namespaces /orders /inventory /employees /payments /system at\n"
               "/socket.io/) and staff sign-in over HTTP (POST /api/auth/login, "
               "/api/auth/refresh)\n"
               "on one port.\n"
               "\n"
               "serve options:\n"
               "  --data DIR         the hub's data folder (created, with its secret, on first "
               "start)\n"
               "  --port P           TCP port (default 3000; 0 picks a free one)\n"
               "  --bind ADDRESS     address to listen on (default 0.0.0.0, the shop's network;\n"
               "                     127.0.0.1 keeps the hub to this machine)\n"
               "  --tls-cert FILE    PEM certificate: the port then serves https and wss only\n"
               "  --tls-key FILE     PEM private key for --tls-cert\n"
               "  --cors ORIGIN      a browser origin allowed to connect (http://host:port), or "
               "*;\n"
               "                     repeat or separate with commas (default: no cross-origin)\n"
               "  --ping-interval MS heartbeat interval (default 25000)\n"
               "  --ping-timeout MS  heartbeat timeout (default 20000)\n"
               "  --max-payload B    largest message accepted (default 1000000)\n"
               "  --simulate         drive a cafe day through the hub (devices on the loopback);\n"
               "                     creates a demo cafe and its staff when there are none\n"
               "  --speed X          simulated seconds per real second (default 1, up to 3600)\n"
               "  --seed N           seed of the simulation's decisions (default 1)\n"
               "  --sim-start HH:MM  simulated time of day at start (default 07:30)\n"
               "  --sim-cafe ID      the cafe to simulate (default: the first one)\n"
               "  --bench            serve the benchmark contract instead of the cafes (namespace\n"
               "                     /orders, echo, bench:start, publish); binds 127.0.0.1 unless\n"
               "                     --bind is given; prints a JSON line with \"ready\"\n"
               "  --bench-token T    token the bench namespace accepts (default bench-token)\n"
               "  --event-loop L     epoll (default) or poll (Qt's own dispatcher), to compare\n"
               "\n"
               "Once listening, serve prints one line: listening on http://ADDRESS:PORT.\n"
               "SIGTERM and SIGINT stop it cleanly (clients are told the server is shutting "
               "down).\n"
               "\n")
           + HubAdminCommands::usage()
           + QStringLiteral(
               "\n"
               "Environment: the hub's thread runs on an epoll event dispatcher (idle\n"
               "sockets cost nothing per loop turn); TABLETAP_EVENT_LOOP=poll (or\n"
               "--event-loop poll) falls back to Qt's UNIX dispatcher. QT_NO_GLIB=1 is set\n"
               "before Qt starts, for that fallback and other threads: the glib dispatcher\n"
               "does not scale to thousands of sockets. The soft limit on open files is\n"
               "raised to the hard limit at start.\n"
               "\n"
               "Exit codes: 0 ok (serve: stopped by a signal), 1 could not start (port in use,\n"
               "unreadable TLS files, data folder) or storage failure, 2 usage error, 3 not "
               "found,\n"
               "4 already exists, 5 invalid menu file.\n");
}

bool HubCommandLine::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool HubCommandLine::parse(const QStringList &arguments)
{
    const QStringList words = arguments.mid(1);
    for (const QString &w : words) {
        if (w == u"--help" || w == u"-h" || w == u"-help") {
            help = true;
            return true;
        }
    }
    if (words.isEmpty())
        return fail(QStringLiteral("missing command (serve, %1); see --help")
                        .arg(HubAdminCommands::commands().join(QStringLiteral(", "))));
    command = words.first();
    if (command == u"help") {
        help = true;
        return true;
    }
    if (HubAdminCommands::commands().contains(command)) {
        adminArgs = words;
        return true;
    }
    if (command != u"serve")
        return fail(QStringLiteral("unknown command \"%1\"; see --help").arg(command));
    return parseServe(arguments);
}

bool HubCommandLine::parseServe(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto value = [](const char *name, const char *valueName) {
        return QCommandLineOption(QLatin1String(name), QString(), QLatin1String(valueName));
    };
    const QCommandLineOption benchOption(QStringLiteral("bench"));
    const QCommandLineOption simulateOption(QStringLiteral("simulate"));
    const QCommandLineOption dataOption = value("data", "DIR");
    const QCommandLineOption portOption = value("port", "P");
    const QCommandLineOption bindOption = value("bind", "ADDRESS");
    const QCommandLineOption certOption = value("tls-cert", "FILE");
    const QCommandLineOption keyOption = value("tls-key", "FILE");
    const QCommandLineOption corsOption = value("cors", "ORIGIN");
    const QCommandLineOption pingIntervalOption = value("ping-interval", "MS");
    const QCommandLineOption pingTimeoutOption = value("ping-timeout", "MS");
    const QCommandLineOption maxPayloadOption = value("max-payload", "BYTES");
    const QCommandLineOption speedOption = value("speed", "X");
    const QCommandLineOption seedOption = value("seed", "N");
    const QCommandLineOption simStartOption = value("sim-start", "HH:MM");
    const QCommandLineOption simCafeOption = value("sim-cafe", "ID");
    const QCommandLineOption tokenOption = value("bench-token", "T");
    const QCommandLineOption eventLoopOption = value("event-loop", "epoll|poll");
    p.addOptions({benchOption, simulateOption, dataOption, portOption, bindOption, certOption,
                  keyOption, corsOption, pingIntervalOption, pingTimeoutOption, maxPayloadOption,
                  speedOption, seedOption, simStartOption, simCafeOption, tokenOption,
                  eventLoopOption});
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve"));
    if (!p.parse(arguments))
        return fail(p.errorText());
    if (p.positionalArguments().size() != 1)
        return fail(QStringLiteral("unexpected argument \"%1\"; see --help")
                        .arg(p.positionalArguments().value(1)));

    bench = p.isSet(benchOption);
    simulate = p.isSet(simulateOption);
    if (bench && simulate)
        return fail(QStringLiteral("--bench and --simulate do not go together"));
    dataDir = p.value(dataOption);
    if (!bench && dataDir.isEmpty())
        return fail(QStringLiteral("serve needs --data DIR (the hub's data folder)"));
    if (bench)
        bind = QHostAddress::LocalHost; // the benchmark's default
    if (p.isSet(portOption)) {
        bool ok = false;
        const uint v = p.value(portOption).toUInt(&ok);
        if (!ok || v > 65535)
            return fail(QStringLiteral("--port needs a number from 0 to 65535"));
        port = quint16(v);
    }
    if (p.isSet(bindOption) && !bind.setAddress(p.value(bindOption)))
        return fail(
            QStringLiteral("--bind needs an IP address, got \"%1\"").arg(p.value(bindOption)));
    tlsCertificate = p.value(certOption);
    tlsKey = p.value(keyOption);
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    for (const QString &list : p.values(corsOption)) {
        for (const QString &origin : list.split(u',', Qt::SkipEmptyParts)) {
            const QString o = origin.trimmed();
            const QUrl url(o);
            if (o != u"*"
                && (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
                    || url.host().isEmpty() || !url.path().isEmpty()))
                return fail(
                    QStringLiteral("--cors needs an origin such as http://192.168.1.20:8080 "
                                   "or *, got \"%1\"")
                        .arg(o));
            corsOrigins.append(o);
        }
    }
    const auto number = [&p](const QCommandLineOption &o, qint64 lo, qint64 hi, qint64 *out) {
        if (!p.isSet(o))
            return true;
        bool ok = false;
        const qint64 v = p.value(o).toLongLong(&ok);
        if (!ok || v < lo || v > hi)
            return false;
        *out = v;
        return true;
    };
    qint64 interval = pingInterval, timeout = pingTimeout, seedValue = seed;
    if (!number(pingIntervalOption, 100, 3600000, &interval))
        return fail(QStringLiteral("--ping-interval needs milliseconds from 100 to 3600000"));
    if (!number(pingTimeoutOption, 100, 3600000, &timeout))
        return fail(QStringLiteral("--ping-timeout needs milliseconds from 100 to 3600000"));
    if (!number(maxPayloadOption, 1024, 1LL << 30, &maxPayload))
        return fail(QStringLiteral("--max-payload needs bytes from 1024 to 1073741824"));
    if (!number(seedOption, 0, 4294967295LL, &seedValue))
        return fail(QStringLiteral("--seed needs a number from 0 to 4294967295"));
    pingInterval = int(interval);
    pingTimeout = int(timeout);
    seed = quint32(seedValue);
    if (p.isSet(speedOption)) {
        bool ok = false;
        speed = p.value(speedOption).toDouble(&ok);
        if (!ok || !(speed >= 0.1 && speed <= 3600))
            return fail(QStringLiteral("--speed needs a number from 0.1 to 3600"));
    }
    if (p.isSet(simStartOption)) {
        simulationStart = QTime::fromString(p.value(simStartOption), QStringLiteral("HH:mm"));
        if (!simulationStart.isValid())
            return fail(QStringLiteral("--sim-start needs a time of day such as 11:30"));
    }
    simulationCafe = p.value(simCafeOption);
    if (!simulate
        && (p.isSet(speedOption) || p.isSet(seedOption) || p.isSet(simStartOption)
            || p.isSet(simCafeOption)))
        return fail(QStringLiteral("--speed, --seed, --sim-start and --sim-cafe need --simulate"));
    if (p.isSet(tokenOption))
        benchToken = p.value(tokenOption);
    if (p.isSet(eventLoopOption)) {
        eventLoop = p.value(eventLoopOption);
        if (eventLoop != u"epoll" && eventLoop != u"poll")
            return fail(QStringLiteral("--event-loop needs epoll or poll"));
    }
    return true;
}

} // namespace TableTap
