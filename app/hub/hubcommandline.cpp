// HubCommandLine parsing: serve's options come from HubConfig's key table, so the command line,
// the configuration file and --help cannot drift apart.
#include "hubcommandline.h"

#include "admincommandline.h"
#include "restorecommand.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace TableTap {

namespace {

// Wraps text to `width` columns, every line after the first indented by `indent`.
QString wrap(const QString &text, int indent, int width = 79)
{
    QString out;
    int column = indent;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (column > indent && column + 1 + word.size() > width) {
            out += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (column > indent) {
            out += u' ';
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    return out;
}

QString optionLine(const QString &left, const QString &help)
{
    constexpr int column = 22;
    QString line = QStringLiteral("  ") + left;
    if (line.size() >= column)
        line += u'\n' + QString(column, u' ');
    else
        line += QString(column - line.size(), u' ');
    return line + wrap(help, column) + u'\n';
}

} // namespace

QString HubCommandLine::helpText()
{
    QString serveOptions;
    for (const HubConfig::Key &k : HubConfig::keys()) {
        if (!*k.option)
            continue;
        QString left = QStringLiteral("--") + QLatin1String(k.option);
        if (*k.valueName)
            left += u' ' + QLatin1String(k.valueName);
        serveOptions += optionLine(left, QString::fromLatin1(k.help));
    }
    serveOptions += optionLine(QStringLiteral("--config FILE"),
                               QStringLiteral("read the configuration file FILE (default: %1, "
                                              "when it exists); options given here win")
                                   .arg(HubConfig::defaultPath()));
    serveOptions
        += optionLine(QStringLiteral("--no-config"), QStringLiteral("read no configuration file"));
    serveOptions += optionLine(QStringLiteral("--check-config"),
                               QStringLiteral("check the configuration file and the options, "
                                              "print each mistake on its own line, and exit (0 "
                                              "when all is well, 2 otherwise)"));

    // The file's keys: each one the option named beside it; the file-only ones explained.
    QString fileKeys;
    QString section;
    for (const HubConfig::Key &k : HubConfig::keys()) {
        if (section != QLatin1String(k.section)) {
            section = QLatin1String(k.section);
            fileKeys += QStringLiteral("  [%1]\n").arg(section);
        }
        const QString value
            = *k.valueName ? QString::fromLatin1(k.valueName) : QStringLiteral("true|false");
        const QString left = QLatin1String(k.name) + QStringLiteral(" = ") + value;
        fileKeys += optionLine(QStringLiteral("  ") + left,
                               *k.option ? QStringLiteral("as --%1").arg(QLatin1String(k.option))
                                         : QString::fromLatin1(k.help));
    }

    return QStringLiteral(
               "Usage: tabletap-hub serve --data DIR [options]\n"
               "       tabletap-hub serve --config FILE [options]\n"
               "       tabletap-hub restore --from BACKUP --data DIR [--cafe ID]\n"
               "       tabletap-hub cafe|menu|staff|token|backup ... (admin commands, below)\n"
               "       tabletap-hub --version\n"
               "\n"
               "The in-store hub: the cafes' source of truth, serving consoles and devices over\n"
               "Socket.IO (namespaces /orders /inventory /employees /payments /system at\n"
               "/socket.io/), staff sign-in over HTTP (POST /api/auth/login, /api/auth/refresh),\n"
               "and GET /healthz and GET /metrics (Prometheus) for operators, on one port.\n"
               "\n"
               "serve options (each one overrides the same key of the configuration file):\n")
           + serveOptions
           + QStringLiteral(
               "\n"
               "Once listening, serve prints one line: listening on http://ADDRESS:PORT.\n"
               "SIGTERM and SIGINT stop it cleanly (clients are told the server is shutting "
               "down).\n"
               "It holds DIR/hub.lock while it runs: a second hub on the same folder and\n"
               "restore refuse to run meanwhile.\n"
               "\n"
               "Configuration file (INI; # starts a comment; see tabletap-hub.conf(5)):\n")
           + fileKeys + QStringLiteral("\n") + AdminCommandLine::usage()
           + QStringLiteral("  (admin commands and restore take --data, and admin commands "
                            "--database, from the configuration file when it is left out)\n")
           + RestoreCommand::usage()
           + QStringLiteral(
               "\n"
               "Environment: the hub's thread runs on an epoll event dispatcher (idle\n"
               "sockets cost nothing per loop turn); TABLETAP_EVENT_LOOP=poll (or\n"
               "--event-loop poll) falls back to Qt's UNIX dispatcher. QT_NO_GLIB=1 is set\n"
               "before Qt starts, for that fallback and other threads: the glib dispatcher\n"
               "does not scale to thousands of sockets. The soft limit on open files is\n"
               "raised to the hard limit at start. QT_LOGGING_RULES refines the log level\n"
               "(QT_LOGGING_RULES=\"tabletap.hub.*.debug=true\").\n"
               "\n"
               "Exit codes: 0 ok (serve: stopped by a signal), 1 could not start (port in use,\n"
               "unreadable TLS files, data folder in use) or storage failure, 2 usage error or\n"
               "a configuration mistake, 3 not found, 4 already exists or already so (restore:\n"
               "the data folder is in use), 5 invalid menu file (restore: the backup is damaged\n"
               "or not safe to restore).\n");
}

bool HubCommandLine::fail(const QString &message)
{
    m_errors.append(message);
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
    if (words.size() == 1 && (words.first() == u"--version" || words.first() == u"-v")) {
        version = true;
        return true;
    }
    if (words.isEmpty())
        return fail(QStringLiteral("missing command (serve, restore, %1); see --help")
                        .arg(AdminCommandLine::commands().join(QStringLiteral(", "))));
    command = words.first();
    if (command == u"help") {
        help = true;
        return true;
    }
    if (AdminCommandLine::commands().contains(command) || command == u"restore") {
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
    QList<QCommandLineOption> keyOptions;
    QList<const HubConfig::Key *> optionKeys;
    for (const HubConfig::Key &k : HubConfig::keys()) {
        if (!*k.option)
            continue;
        keyOptions.append(*k.valueName ? QCommandLineOption(QLatin1String(k.option), QString(),
                                                            QLatin1String(k.valueName))
                                       : QCommandLineOption(QLatin1String(k.option)));
        optionKeys.append(&k);
    }
    const QCommandLineOption configOption(QStringLiteral("config"), QString(),
                                          QStringLiteral("FILE"));
    const QCommandLineOption noConfigOption(QStringLiteral("no-config"));
    const QCommandLineOption checkOption(QStringLiteral("check-config"));
    p.addOptions(keyOptions);
    p.addOptions({configOption, noConfigOption, checkOption});
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve"));
    if (!p.parse(arguments))
        return fail(p.errorText());
    if (p.positionalArguments().size() != 1)
        return fail(QStringLiteral("unexpected argument \"%1\"; see --help")
                        .arg(p.positionalArguments().value(1)));

    checkConfig = p.isSet(checkOption);
    if (p.isSet(configOption) && p.isSet(noConfigOption))
        return fail(QStringLiteral("--config and --no-config do not go together"));

    // The file first, then the options on top: the command line wins.
    if (p.isSet(configOption)) {
        configPath = p.value(configOption);
    } else if (!p.isSet(noConfigOption) && QFileInfo::exists(HubConfig::defaultPath())) {
        configPath = HubConfig::defaultPath();
    }
    if (!configPath.isEmpty())
        config.loadFile(configPath, &m_errors);

    for (qsizetype i = 0; i < keyOptions.size(); ++i) {
        const QCommandLineOption &o = keyOptions.at(i);
        const HubConfig::Key &key = *optionKeys.at(i);
        if (!p.isSet(o))
            continue;
        QString value;
        if (key.kind == HubConfig::Kind::Bool)
            value = QStringLiteral("true");
        else if (key.kind == HubConfig::Kind::Origins || key.kind == HubConfig::Kind::Subnets)
            value = p.values(o).join(u','); // repeated or comma-separated
        else
            value = p.value(o);
        QString why;
        if (!config.set(key, value, &why))
            m_errors.append(QStringLiteral("--%1 %2").arg(QLatin1String(key.option), why));
        else
            config.setOrigin(key, QStringLiteral("--") + QLatin1String(key.option));
    }
    if (!config.simulate) {
        for (const char *option : {"speed", "seed", "sim-start", "sim-cafe"}) {
            if (p.isSet(QLatin1String(option))) {
                m_errors.append(
                    QStringLiteral("--speed, --seed, --sim-start and --sim-cafe need --simulate"));
                break;
            }
        }
    }
    return m_errors.isEmpty();
}

bool HubCommandLine::applyConfigToAdminArgs()
{
    QString path;
    bool explicitPath = false;
    QStringList args;
    bool hasData = false;
    for (qsizetype i = 0; i < adminArgs.size(); ++i) {
        const QString &a = adminArgs.at(i);
        if ((a == u"--config" || a == u"-config") && i + 1 < adminArgs.size()) {
            path = adminArgs.at(++i);
            explicitPath = true;
            continue;
        }
        if (a.startsWith(QLatin1String("--config="))) {
            path = a.mid(9);
            explicitPath = true;
            continue;
        }
        if (a == u"--data" || a == u"-data" || a.startsWith(QLatin1String("--data=")))
            hasData = true;
        if (a == u"--database" || a == u"-database" || a.startsWith(QLatin1String("--database=")))
            hasData = true;
        args.append(a);
    }
    adminArgs = args;
    if (hasData)
        return true;
    if (!explicitPath) {
        path = HubConfig::defaultPath();
        if (!QFileInfo::exists(path))
            return true;
    }
    HubConfig file;
    if (!file.loadFile(path, &m_errors))
        return false;
    if (!file.dataDir.isEmpty()) {
        adminArgs << QStringLiteral("--data") << file.dataDir;
        configPath = path;
    }
    if (!file.database.isEmpty()) {
        adminArgs << QStringLiteral("--database") << file.database;
        configPath = path;
    }
    return true;
}

} // namespace TableTap
