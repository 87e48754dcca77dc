// tabletap-hub: the headless in-store hub. Composition root: parses the command line and wires
// the web server, Engine.IO endpoint, Socket.IO server and (for --bench) the bench contract.
#include "benchendpoint.h"
#include "engineserver.h"
#include "hubcommandline.h"
#include "sioserver.h"
#include "webserver.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace TableTap;

int main(int argc, char *argv[])
{
    // Qt's glib dispatcher degrades badly with thousands of sockets; the UNIX one does not.
    // It has to be chosen before the application object exists.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tabletap-hub"));

    HubCommandLine cli;
    if (!cli.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "tabletap-hub: %s\n", qPrintable(cli.error()));
        return HubCommandLine::UsageError;
    }
    if (cli.help) {
        std::fputs(qPrintable(cli.helpText()), stdout);
        return HubCommandLine::Ok;
    }

    WebServer::Options webOptions;
    webOptions.tlsCertificateFile = cli.tlsCertificate;
    webOptions.tlsKeyFile = cli.tlsKey;
    webOptions.cors.enabled = true;
    webOptions.cors.origins = {QByteArrayLiteral("*")};
    WebServer web(webOptions);
    EngineServer engine;
    web.mount(&engine);
    SioServer io(&engine);
    BenchEndpoint bench(&io, cli.benchToken);

    if (!web.listen(cli.bind, cli.port)) {
        std::fprintf(stderr, "tabletap-hub: cannot listen on %s:%u: %s\n",
                     qPrintable(cli.bind.toString()), unsigned(cli.port),
                     qPrintable(web.errorString()));
        return HubCommandLine::Failure;
    }
    const QJsonObject ready{{QStringLiteral("ready"), true},
                            {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                            {QStringLiteral("port"), web.serverPort()},
                            {QStringLiteral("impl"), QStringLiteral("tabletap-hub")}};
    std::printf("%s\n", QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
