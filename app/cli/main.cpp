// tabletap-cli: listen to or emit on any Socket.IO server from a shell, one JSON line per event.
// Meant for people who debug a hub, and for our own tests.
#include "enginesession.h"
#include "enginetransport.h"
#include "siocodec.h"
#include "siomanager.h"
#include "siosocket.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace TableTap;

namespace {

enum ExitCode {
    ExitOk = 0,
    ExitRuntime = 1,
    ExitUsage = 2,
    ExitConnectError = 3,
    ExitAckTimeout = 4,
    ExitConnectionLost = 5,
};

const char *const description = R"(A small scripting client for any Socket.IO server (v4 / EIO 4).

Commands:
  listen URL   print every event of the namespaces as one JSON line on stdout:
               {"nsp":"/orders","event":"order:created","args":[...]}
               binary attachments appear as {"_binary":"<base64>"}
  emit URL EVENT [JSON ...]
               send one event with the given arguments (each a JSON value; an object
               {"_binary":"<base64>"} is sent as a binary attachment); with --ack, print
               the ack arguments as one JSON array on stdout

Errors go to stderr, one line each.

Exit codes:
  0  ok
  1  runtime error
  2  usage error
  3  connect_error (the server refused the namespace, or could not be reached)
  4  ack timeout
  5  connection lost)";

int usageError(const QString &message)
{
    std::fprintf(stderr, "tabletap-cli: %s (see --help)\n", qPrintable(message));
    return ExitUsage;
}

void printError(const QString &message)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "tabletap-cli: %s\n", qPrintable(line));
    std::fflush(stderr);
}

QByteArray compact(const QJsonValue &value)
{
    return SioCodec::toJsonText(value);
}

// Placeholders -> {"_binary": base64}, recursively.
QJsonValue inlineBinary(const QJsonValue &value, const QList<QByteArray> &attachments)
{
    int num = -1;
    if (SioCodec::isPlaceholder(value, &num) && num < attachments.size())
        return QJsonObject{
            {QStringLiteral("_binary"), QString::fromLatin1(attachments.at(num).toBase64())}};
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(inlineBinary(v, attachments));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), inlineBinary(it.value(), attachments));
        return out;
    }
    return value;
}

// {"_binary": base64} -> placeholder + attachment, recursively.
QJsonValue extractBinary(const QJsonValue &value, QList<QByteArray> &attachments)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.size() == 1 && o.value(QLatin1String("_binary")).isString()) {
            attachments.append(
                QByteArray::fromBase64(o.value(QLatin1String("_binary")).toString().toLatin1()));
            return SioCodec::placeholder(int(attachments.size() - 1));
        }
        QJsonObject out;
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), extractBinary(it.value(), attachments));
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(extractBinary(v, attachments));
        return out;
    }
    return value;
}

std::optional<QJsonValue> parseJsonValue(const QString &text)
{
    QJsonParseError error{};
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

// SIGINT / SIGTERM end `listen` cleanly (exit 0) through the event loop.
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] { app.exit(ExitOk); });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

struct Settings
{
    QString command;
    QUrl url;
    QStringList namespaces;
    SioClientOptions options;
    int count = -1;
    int duration = -1;
    bool ack = false;
    int ackTimeout = 10000;
    QString event;
    QJsonArray args;
    QList<QByteArray> attachments;
    bool reconnect = true;
    bool verbose = false;
};

// Fills settings from the command line; returns an exit code on error.
std::optional<int> parse(const QCoreApplication &app, Settings &s)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(description));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("listen or emit"));
    parser.addPositionalArgument(QStringLiteral("url"),
                                 QStringLiteral("http(s):// or ws(s):// address of the server"));
    parser.addPositionalArgument(QStringLiteral("event"),
                                 QStringLiteral("emit: the event name, then its JSON arguments"),
                                 QStringLiteral("[EVENT [JSON ...]]"));
    const QCommandLineOption nspOption(
        {QStringLiteral("n"), QStringLiteral("namespace")},
        QStringLiteral("Namespace (repeatable for listen). Default: the URL's path, or /."),
        QStringLiteral("nsp"));
    const QCommandLineOption authOption(QStringLiteral("auth"),
                                        QStringLiteral("CONNECT auth payload (a JSON object)."),
                                        QStringLiteral("json"));
    const QCommandLineOption queryOption(QStringLiteral("query"),
                                         QStringLiteral("Handshake query parameter (repeatable)."),
                                         QStringLiteral("k=v"));
    const QCommandLineOption headerOption(QStringLiteral("header"),
                                          QStringLiteral("Extra HTTP header (repeatable)."),
                                          QStringLiteral("name:value"));
    const QCommandLineOption transportsOption(
        QStringLiteral("transports"),
        QStringLiteral("websocket, polling, or polling,websocket (the default: polling, then "
                       "upgrade)."),
        QStringLiteral("list"), QStringLiteral("polling,websocket"));
    const QCommandLineOption pathOption(QStringLiteral("path"),
                                        QStringLiteral("Engine.IO path on the server."),
                                        QStringLiteral("path"), QStringLiteral("/socket.io/"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("listen: exit 0 after N events."),
                                         QStringLiteral("n"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            QStringLiteral("listen: exit 0 after MS ms."),
                                            QStringLiteral("ms"));
    const QCommandLineOption noReconnectOption(
        QStringLiteral("no-reconnect"),
        QStringLiteral("listen: exit 5 when the connection is lost instead of reconnecting."));
    const QCommandLineOption ackOption(QStringLiteral("ack"),
                                       QStringLiteral("emit: wait for the ack and print it."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), QStringLiteral("emit: ack timeout in ms (default 10000)."),
        QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption connectTimeoutOption(
        QStringLiteral("connect-timeout"),
        QStringLiteral("Handshake timeout in ms (default 20000)."), QStringLiteral("ms"),
        QStringLiteral("20000"));
    const QCommandLineOption caOption(
        QStringLiteral("ca"), QStringLiteral("Trust this CA (PEM) on top of the system CAs."),
        QStringLiteral("file"));
    const QCommandLineOption insecureOption(
        QStringLiteral("insecure"),
        QStringLiteral("Do not verify the server's certificate (for tests only)."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Report connection changes on stderr."));
    parser.addOptions({nspOption, authOption, queryOption, headerOption, transportsOption,
                       pathOption, countOption, durationOption, noReconnectOption, ackOption,
                       timeoutOption, connectTimeoutOption, caOption, insecureOption,
                       verboseOption});
    if (!parser.parse(app.arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("tabletap-cli %s\n", qPrintable(app.applicationVersion()));
        return ExitOk;
    }

    const QStringList positional = parser.positionalArguments();
    s.command = positional.value(0);
    if (s.command != QLatin1String("listen") && s.command != QLatin1String("emit"))
        return usageError(s.command.isEmpty()
                              ? QStringLiteral("missing command: listen or emit")
                              : QStringLiteral("unknown command \"%1\"").arg(s.command));
    if (positional.size() < 2)
        return usageError(QStringLiteral("missing URL"));
    s.url = QUrl(positional.at(1), QUrl::StrictMode);
    const QString scheme = s.url.scheme();
    if (!s.url.isValid() || s.url.host().isEmpty()
        || !QStringList({QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("ws"),
                         QStringLiteral("wss")})
                .contains(scheme))
        return usageError(
            QStringLiteral("not an http(s):// or ws(s):// URL: %1").arg(positional.at(1)));

    s.namespaces = parser.values(nspOption);
    if (s.namespaces.isEmpty()) {
        const QString path = s.url.path();
        s.namespaces.append(path.isEmpty() ? QStringLiteral("/") : path);
    }
    for (QString &n : s.namespaces)
        if (!n.startsWith(QLatin1Char('/')))
            n.prepend(QLatin1Char('/'));

    if (s.command == QLatin1String("emit")) {
        if (s.namespaces.size() != 1)
            return usageError(QStringLiteral("emit takes one --namespace"));
        if (positional.size() < 3)
            return usageError(QStringLiteral("missing EVENT"));
        s.event = positional.at(2);
        if (SioCodec::isReservedEventName(s.event))
            return usageError(QStringLiteral("\"%1\" is a reserved event name").arg(s.event));
        for (qsizetype i = 3; i < positional.size(); ++i) {
            const auto value = parseJsonValue(positional.at(i));
            if (!value)
                return usageError(QStringLiteral("argument %1 is not valid JSON: %2")
                                      .arg(i - 2)
                                      .arg(positional.at(i)));
            s.args.append(extractBinary(*value, s.attachments));
        }
        s.ack = parser.isSet(ackOption);
        bool ok = false;
        s.ackTimeout = parser.value(timeoutOption).toInt(&ok);
        if (!ok || s.ackTimeout < 0)
            return usageError(QStringLiteral("--timeout wants a number of ms"));
    } else if (positional.size() > 2) {
        return usageError(QStringLiteral("listen takes no arguments after the URL"));
    }

    if (parser.isSet(countOption)) {
        bool ok = false;
        s.count = parser.value(countOption).toInt(&ok);
        if (!ok || s.count < 1)
            return usageError(QStringLiteral("--count wants a positive number"));
    }
    if (parser.isSet(durationOption)) {
        bool ok = false;
        s.duration = parser.value(durationOption).toInt(&ok);
        if (!ok || s.duration < 0)
            return usageError(QStringLiteral("--duration wants a number of ms"));
    }

    SioClientOptions &o = s.options;
    o.autoConnect = false;
    o.path = parser.value(pathOption);
    bool ok = false;
    o.timeout = parser.value(connectTimeoutOption).toInt(&ok);
    if (!ok)
        return usageError(QStringLiteral("--connect-timeout wants a number of ms"));
    if (parser.isSet(authOption)) {
        QJsonParseError error{};
        const QJsonDocument doc
            = QJsonDocument::fromJson(parser.value(authOption).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return usageError(QStringLiteral("--auth wants a JSON object"));
        o.auth = doc.object();
    }
    for (const QString &q : parser.values(queryOption)) {
        const qsizetype eq = q.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usageError(QStringLiteral("--query wants key=value, got \"%1\"").arg(q));
        o.query.append({q.left(eq), q.mid(eq + 1)});
    }
    for (const QString &h : parser.values(headerOption)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return usageError(QStringLiteral("--header wants name:value, got \"%1\"").arg(h));
        o.extraHeaders.append(
            {h.left(colon).trimmed().toLatin1(), h.mid(colon + 1).trimmed().toUtf8()});
    }
    o.transports = parser.value(transportsOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &t : o.transports)
        t = t.trimmed();
    if (o.transports.isEmpty() || o.transports.removeDuplicates() > 0
        || std::any_of(o.transports.cbegin(), o.transports.cend(), [](const QString &t) {
               return t != QLatin1String("polling") && t != QLatin1String("websocket");
           }))
        return usageError(
            QStringLiteral("--transports wants websocket, polling or polling,websocket"));
    if (parser.isSet(caOption)) {
        const QString file = parser.value(caOption);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly) || QSslCertificate::fromData(f.readAll()).isEmpty())
            return usageError(
                QStringLiteral("--ca: cannot read a PEM certificate from %1").arg(file));
        o.caFile = file;
    }
    o.insecure = parser.isSet(insecureOption);
    s.reconnect = !parser.isSet(noReconnectOption) && s.command == QLatin1String("listen");
    o.reconnection = s.reconnect;
    s.verbose = parser.isSet(verboseOption);
    return std::nullopt;
}

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int listen(QCoreApplication &app, const Settings &s)
{
    SioManager manager(s.url, s.options);
    int printed = 0;
    bool everConnected = false;
    if (s.verbose) {
        QObject::connect(&manager, &SioManager::reconnectScheduled, &app, [](int attempt, int ms) {
            printError(QStringLiteral("reconnecting (attempt %1) in %2 ms").arg(attempt).arg(ms));
        });
        QObject::connect(&manager, &SioManager::transportChanged, &app, [](const QString &name) {
            printError(QStringLiteral("transport: %1").arg(name));
        });
    }
    QObject::connect(&manager, &SioManager::reconnectFailed, &app, [&app] {
        printError(QStringLiteral("connection lost: gave up reconnecting"));
        app.exit(ExitConnectionLost);
    });
    for (const QString &nsp : s.namespaces) {
        SioSocket *socket = manager.socket(nsp);
        QObject::connect(socket, &SioSocket::connected, &app, [&, socket] {
            everConnected = true;
            if (s.verbose)
                printError(
                    QStringLiteral("connected to %1 (%2)%3")
                        .arg(socket->nsp(), manager.transportName(),
                             socket->recovered() ? QStringLiteral(", recovered") : QString()));
        });
        QObject::connect(socket, &SioSocket::eventReceived, &app, [&](const SioEvent &e) {
            QByteArray line = "{\"nsp\":" + compact(e.nsp) + ",\"event\":" + compact(e.name)
                              + ",\"args\":" + compact(inlineBinary(e.args, e.attachments)) + "}";
            printLine(line);
            if (s.count > 0 && ++printed >= s.count)
                app.exit(ExitOk);
        });
        QObject::connect(socket, &SioSocket::connectError, &app,
                         [&, socket](const QString &message, const QJsonValue &data) {
                             const QString detail
                                 = data.isUndefined()
                                       ? QString()
                                       : QStringLiteral(" ") + QString::fromUtf8(compact(data));
                             // A refusal by the namespace is final; an unreachable server is
                             // retried once we have been connected.
                             if (manager.isOpen() || !everConnected || !s.reconnect) {
                                 printError(QStringLiteral("connect_error on %1: %2%3")
                                                .arg(socket->nsp(), message, detail));
                                 app.exit(ExitConnectError);
                             } else if (s.verbose) {
                                 printError(QStringLiteral("still unreachable: %1").arg(message));
                             }
                         });
        QObject::connect(
            socket, &SioSocket::disconnected, &app,
            [&, socket](const QString &reason, const QString &detail) {
                if (reason == QLatin1String("io client disconnect"))
                    return;
                const bool final = !s.reconnect || reason == QLatin1String("io server disconnect");
                if (final || s.verbose)
                    printError(QStringLiteral("%1 disconnected: %2%3")
                                   .arg(socket->nsp(), reason,
                                        detail.isEmpty()
                                            ? QString()
                                            : QStringLiteral(" (") + detail + QLatin1Char(')')));
                if (final)
                    app.exit(ExitConnectionLost);
            });
        socket->open();
    }
    if (s.duration >= 0)
        QTimer::singleShot(s.duration, &app, [&app] { app.exit(ExitOk); });
    return app.exec();
}

int emitOne(QCoreApplication &app, const Settings &s)
{
    SioManager manager(s.url, s.options);
    SioSocket *socket = manager.socket(s.namespaces.first());
    bool done = false;
    const auto finish = [&](int code) {
        if (done)
            return;
        done = true;
        app.exit(code);
    };
    // Without an ack, "sent" means handed to the network: polling's POST was answered,
    // the websocket's bytes were written.
    QTimer flushed;
    flushed.setInterval(10);
    QObject::connect(&flushed, &QTimer::timeout, &app, [&] {
        EngineSession *session = manager.session();
        EngineTransport *t = session ? session->transport() : nullptr;
        if (!session || !t) {
            flushed.stop();
            finish(ExitConnectionLost);
            return;
        }
        if (session->bufferedPackets() == 0 && t->pendingBytes() == 0 && t->isWritable()
            && !session->isUpgrading()) {
            flushed.stop();
            finish(ExitOk);
            socket->close();
        }
    });
    QObject::connect(socket, &SioSocket::connected, &app, [&] {
        if (!s.ack) {
            if (!socket->emitEvent(s.event, s.args, s.attachments)) {
                printError(QStringLiteral("could not send \"%1\"").arg(s.event));
                finish(ExitRuntime);
                return;
            }
            flushed.start();
            return;
        }
        const qint64 id = socket->emitWithAck(
            s.event, s.args, &app,
            [&](const SioAckResult &r) {
                if (r.ok()) {
                    printLine(compact(inlineBinary(r.args, r.attachments)));
                    finish(ExitOk);
                    socket->close();
                } else if (r.error == QLatin1String("operation has timed out")) {
                    printError(QStringLiteral("no ack for \"%1\" within %2 ms")
                                   .arg(s.event)
                                   .arg(s.ackTimeout));
                    finish(ExitAckTimeout);
                } else {
                    printError(QStringLiteral("connection lost before the ack: %1").arg(r.error));
                    finish(ExitConnectionLost);
                }
            },
            s.ackTimeout, s.attachments);
        if (id < 0) {
            printError(QStringLiteral("could not send \"%1\"").arg(s.event));
            finish(ExitRuntime);
        }
    });
    QObject::connect(
        socket, &SioSocket::connectError, &app,
        [&](const QString &message, const QJsonValue &data) {
            printError(QStringLiteral("connect_error on %1: %2%3")
                           .arg(socket->nsp(), message,
                                data.isUndefined()
                                    ? QString()
                                    : QStringLiteral(" ") + QString::fromUtf8(compact(data))));
            finish(ExitConnectError);
        });
    QObject::connect(
        socket, &SioSocket::disconnected, &app, [&](const QString &reason, const QString &detail) {
            if (done)
                return;
            printError(QStringLiteral("connection lost: %1%2")
                           .arg(reason, detail.isEmpty()
                                            ? QString()
                                            : QStringLiteral(" (") + detail + QLatin1Char(')')));
            finish(ExitConnectionLost);
        });
    socket->open();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tabletap-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    Settings settings;
    if (const auto code = parse(app, settings))
        return *code;
    installSignalHandlers(app);
    return settings.command == QLatin1String("listen") ? listen(app, settings)
                                                       : emitOne(app, settings);
}
