// tabletap-hub: the headless in-store hub. Composition root: parses the command line and runs
// the hub (HubServer) or an admin command.
#include "admincommandline.h"
#include "datafolderlock.h"
#include "hubcommandline.h"
#include "hubdomain.h"
#include "hublogger.h"
#include "hubserver.h"
#include "hubserverlogging.h"
#include "pinprompt.h"
#include "postgresstorage.h"
#include "restorecommand.h"
#include "serverprocess.h"
#include "simulatorswitch.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace TableTap;

namespace {

// SIGINT / SIGTERM reach the event loop through a socket pair (a signal handler may only write).
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

void onTerminationSignal(QObject *context, std::function<void()> stop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, stop] {
        notifier->setEnabled(false);
        stop();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "%stabletap-hub: %s\n", HubLogger::errorPrefix().constData(),
                 qPrintable(message));
}

int runServe(const HubCommandLine &cli)
{
    const HubConfig &config = cli.config;
    HubLogger::install(HubLogger::formatFor(config.logFormat), config.logLevel);
    // One node of several: each line says which (a single hub's lines stay as they were).
    if (!config.cluster.isEmpty() || !config.node.isEmpty())
        HubLogger::setNode(config.node.isEmpty() ? HubServer::defaultNodeName() : config.node);
    if (!cli.configPath.isEmpty())
        qCInfo(lcHubWiring).noquote() << "configuration from" << cli.configPath;
    // One hub per data folder: a second one, or a restore, would pull it from under us.
    if (!QDir().mkpath(config.dataDir)) {
        printError(QStringLiteral("cannot create the data folder %1").arg(config.dataDir));
        return HubCommandLine::Failure;
    }
    DataFolderLock lock(config.dataDir);
    if (!lock.tryLock()) {
        printError(lock.errorString());
        return HubCommandLine::Failure;
    }
    HubServer hub(config.dataDir, config.serverOptions());
    // After the hub, so it goes first; it stops before the hub answers its last commands.
    SimulatorSwitch simulator(&hub.admin(), config.simulatorOptions());
    QObject::connect(&hub, &HubServer::aboutToStop, &simulator, &SimulatorSwitch::stop);
    hub.setSimulatorProbe([&simulator] { return simulator.isRunning(); });
    onTerminationSignal(&hub, [&hub] {
        hub.stop();
        QCoreApplication::exit(HubCommandLine::Ok);
    });
    if (!hub.start()) {
        printError(hub.errorString());
        return HubCommandLine::Failure;
    }
    if (QString error; config.simulate && !simulator.start(hub.url(), &error)) {
        hub.stop();
        printError(error);
        return HubCommandLine::Failure;
    }
    QUrl shown;
    shown.setScheme(hub.url().scheme());
    shown.setHost(config.bind.toString());
    shown.setPort(hub.port());
    QString where = QStringLiteral("data folder ") + config.dataDir;
    if (!config.database.isEmpty())
        where += QStringLiteral(", database ") + PostgresStorage(config.database).location();
    if (!config.cluster.isEmpty())
        where
            += QStringLiteral(", node %1 of the cluster at %2").arg(hub.nodeName(), config.cluster);
    std::printf("listening on %s (%s)\n", qPrintable(shown.toString()), qPrintable(where));
    std::fflush(stdout);
    if (!config.simulate && hub.service()->cafeIds().isEmpty()) {
        printError(QStringLiteral("this hub serves no cafe yet; add one with: tabletap-hub cafe "
                                  "add %1 --id ID --name NAME (or serve --simulate for a "
                                  "demo cafe)")
                       .arg(config.database.isEmpty() ? QStringLiteral("--data ") + config.dataDir
                                                      : QStringLiteral("--database URL")));
    }
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // The command line is read before Qt starts: it chooses the event dispatcher.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    HubCommandLine cli;
    const bool parsed = cli.parse(arguments);
    ServerProcess::prepare(parsed ? cli.config.eventLoop : QString());
    // Only `report --format pdf` draws (fonts, QPdfWriter): a QGuiApplication on the offscreen
    // platform then, so the hub never needs a display; everything else stays QCoreApplication.
    const bool gui = parsed && AdminCommandLine::needsGui(cli.adminArgs);
    if (gui)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app
        = gui ? std::make_unique<QGuiApplication>(argc, argv)
              : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tabletap-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TT_VERSION));

    if (!parsed) {
        for (const QString &e : cli.errors())
            printError(e);
        return HubCommandLine::UsageError;
    }
    if (cli.help) {
        std::fputs(qPrintable(HubCommandLine::helpText()), stdout);
        return HubCommandLine::Ok;
    }
    if (cli.version) {
        std::printf("tabletap-hub %s\n", TT_VERSION);
        return HubCommandLine::Ok;
    }
    if (!cli.adminArgs.isEmpty()) {
        if (!cli.applyConfigToAdminArgs()) {
            for (const QString &e : cli.errors())
                printError(e);
            return HubCommandLine::UsageError;
        }
        QTextStream out(stdout), err(stderr);
        AdminCommandLine admin(out, err);
        admin.setSecretReader(&PinPrompt::read);
        const int rc = cli.command == u"restore" ? RestoreCommand(out, err).run(cli.adminArgs)
                                                 : admin.run(cli.adminArgs);
        out.flush();
        err.flush();
        return rc;
    }
    // What only the merged settings can tell (files, the data folder), once Qt runs (TLS).
    const QStringList problems = cli.config.validate();
    for (const QString &p : problems)
        printError(p);
    if (!problems.isEmpty())
        return HubCommandLine::UsageError;
    if (cli.checkConfig) {
        std::printf("configuration OK%s\n",
                    cli.configPath.isEmpty() ? " (no configuration file: options and defaults)"
                                             : qPrintable(QStringLiteral(": ") + cli.configPath));
        return HubCommandLine::Ok;
    }
    return runServe(cli);
}
