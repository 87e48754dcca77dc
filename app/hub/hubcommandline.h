// tabletap-hub's command line: `serve` with its options over the configuration file
// (HubConfig), `restore`, the admin commands (handed to AdminCommandLine as they are), help, and
// the documented exit codes.
#pragma once

#include "hubconfig.h"

#include <QString>
#include <QStringList>

namespace TableTap {

class HubCommandLine
{
public:
    // The admin commands' codes (AdminCommandLine::ExitCode) and serve's share one table.
    enum ExitCode {
        Ok = 0,
        Failure = 1,    // could not start (port in use, unreadable TLS files, data folder in use)
                        // or a storage failure in an admin command
        UsageError = 2, // unknown command or option, a value or configuration key that does not fit
        NotFound = 3,   // no such cafe
        AlreadyExists = 4,
        InvalidMenu = 5,
    };

    // Parses argv (program name first) and, for serve, the configuration file. On failure
    // errors() has one line per mistake.
    bool parse(const QStringList &arguments);
    QStringList errors() const { return m_errors; }
    QString error() const { return m_errors.value(0); }
    static QString helpText();

    bool help = false;
    bool version = false;
    QString command; // "serve", "restore", or an admin command ("cafe", "menu", ...)
    QStringList
        adminArgs; // the words after the program name, for AdminCommandLine / RestoreCommand

    // serve
    HubConfig config;
    QString configPath; // the file read, empty when none
    bool checkConfig = false;

    // For the admin commands: when args have no --data, take it from the configuration file
    // (--config FILE among args, else the default file when it exists). Strips --config FILE.
    // False with errors() when the file is broken.
    bool applyConfigToAdminArgs();

private:
    bool parseServe(const QStringList &arguments);
    bool fail(const QString &message);
    QStringList m_errors;
};

} // namespace TableTap
