// HubCommandLine parsing.
#include "hubcommandline.h"

#include <QCommandLineParser>

namespace TableTap {

QString HubCommandLine::helpText() const
{
    return QStringLiteral(
        "Usage: tabletap-hub serve --bench [--port P] [--bind ADDRESS] [--tls-cert FILE --tls-key "
        "FILE]\n"
        "\n"
        "Commands:\n"
        "  serve            run the hub on one port (Engine.IO/Socket.IO at /socket.io/)\n"
        "\n"
        "Options for serve:\n"
        "  --bench          serve the benchmark contract (namespace /orders, echo, bench:start,\n"
        "                   publish); prints a line with \"ready\" once listening\n"
        "  --port P         TCP port (default 3000; 0 picks a free one)\n"
        "  --bind ADDRESS   address to listen on (default 127.0.0.1)\n"
        "  --tls-cert FILE  PEM certificate: the port then serves https and wss only\n"
        "  --tls-key FILE   PEM private key for --tls-cert\n"
        "  --bench-token T  token the bench namespace accepts (default bench-token)\n"
        "\n"
        "Environment: QT_NO_GLIB=1 is set by the program (Qt's UNIX event dispatcher scales to\n"
        "thousands of sockets, the glib one does not).\n"
        "\n"
        "Exit codes: 0 ok, 1 could not start (port in use, unreadable TLS files), 2 usage "
        "error.\n");
}

bool HubCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("help"));
    const QCommandLineOption benchOption(QStringLiteral("bench"), QStringLiteral("bench"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("port"),
                                        QStringLiteral("P"));
    const QCommandLineOption bindOption(QStringLiteral("bind"), QStringLiteral("bind"),
                                        QStringLiteral("ADDRESS"));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"), QStringLiteral("cert"),
                                        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"), QStringLiteral("key"),
                                       QStringLiteral("FILE"));
    const QCommandLineOption tokenOption(QStringLiteral("bench-token"), QStringLiteral("token"),
                                         QStringLiteral("T"));
    p.addOptions(
        {helpOption, benchOption, portOption, bindOption, certOption, keyOption, tokenOption});
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve"));
    if (!p.parse(arguments)) {
        m_error = p.errorText();
        return false;
    }
    help = p.isSet(helpOption);
    if (help)
        return true;
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        m_error = QStringLiteral("expected one command (serve); see --help");
        return false;
    }
    command = positional.first();
    if (command != QLatin1String("serve")) {
        m_error = QStringLiteral("unknown command \"%1\"; see --help").arg(command);
        return false;
    }
    bench = p.isSet(benchOption);
    if (p.isSet(portOption)) {
        bool ok = false;
        const uint value = p.value(portOption).toUInt(&ok);
        if (!ok || value > 65535) {
            m_error = QStringLiteral("--port needs a number from 0 to 65535");
            return false;
        }
        port = quint16(value);
    }
    if (p.isSet(bindOption) && !bind.setAddress(p.value(bindOption))) {
        m_error = QStringLiteral("--bind needs an IP address, got \"%1\"").arg(p.value(bindOption));
        return false;
    }
    tlsCertificate = p.value(certOption);
    tlsKey = p.value(keyOption);
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty()) {
        m_error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    if (p.isSet(tokenOption))
        benchToken = p.value(tokenOption);
    if (!bench) {
        m_error = QStringLiteral("serve needs --bench until the cafe hub is built in");
        return false;
    }
    return true;
}

} // namespace TableTap
