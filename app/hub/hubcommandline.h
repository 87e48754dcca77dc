// tabletap-hub's command line: subcommand, options, and the documented exit codes.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace TableTap {

class HubCommandLine
{
public:
    enum ExitCode {
        Ok = 0,
        Failure = 1,    // could not start (port in use, unreadable TLS files)
        UsageError = 2, // unknown command or option, missing value
    };

    // Parses argv; on failure error() says why in one line.
    bool parse(const QStringList &arguments);
    QString error() const { return m_error; }
    QString helpText() const;

    QString command;    // "serve"
    bool bench = false; // serve the benchmark contract (shared/bench/PROTOCOL.md)
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 3000;
    QString tlsCertificate;
    QString tlsKey;
    QString benchToken = QStringLiteral("bench-token");
    bool help = false;

private:
    QString m_error;
};

} // namespace TableTap
