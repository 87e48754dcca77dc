// tabletap-hub's command line: `serve` with its options, the admin commands (handed to
// HubAdminCommands as they are), help, and the documented exit codes.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTime>

namespace TableTap {

class HubCommandLine
{
public:
    // The admin commands' codes (HubAdminCommands::ExitCode) and serve's share one table.
    enum ExitCode {
        Ok = 0,
        Failure = 1,    // could not start (port in use, unreadable TLS files, data folder) or
                        // a storage failure in an admin command
        UsageError = 2, // unknown command or option, missing or malformed value
        NotFound = 3,   // no such cafe
        AlreadyExists = 4,
        InvalidMenu = 5,
    };

    // Parses argv (program name first); on failure error() says why in one line.
    bool parse(const QStringList &arguments);
    QString error() const { return m_error; }
    static QString helpText();

    bool help = false;
    QString command;       // "serve", or an admin command ("cafe", "menu", "staff", ...)
    QStringList adminArgs; // the words after the program name, for HubAdminCommands

    // serve
    bool bench = false; // serve the benchmark contract (shared/bench/PROTOCOL.md)
    QString dataDir;
    QHostAddress bind = QHostAddress::Any; // LocalHost with --bench
    quint16 port = 3000;
    QString tlsCertificate;
    QString tlsKey;
    QStringList corsOrigins;
    int pingInterval = 25000;
    int pingTimeout = 20000;
    qint64 maxPayload = 1000000;
    bool simulate = false;
    double speed = 1.0;
    quint32 seed = 1;
    QTime simulationStart{7, 30};
    QString simulationCafe;
    QString benchToken = QStringLiteral("bench-token");
    // The event dispatcher of the hub's thread: "epoll" (EpollEventDispatcher) or "poll" (Qt's
    // own UNIX dispatcher); TABLETAP_EVENT_LOOP sets the default. Chosen before Qt starts.
    QString eventLoop;

private:
    bool parseServe(const QStringList &arguments);
    bool fail(const QString &message);
    QString m_error;
};

} // namespace TableTap
