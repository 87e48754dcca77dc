// The hub's admin command line, as a class: `cafe add|list`, `menu import`, `staff add|list`,
// `token`, `backup`. tabletap-hub's main() passes its arguments after the program name; output
// goes to `out`, one-line errors to `err`, and the return value is the exit code.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace TableTap {

class HubClock;

class HubAdminCommands final
{
public:
    enum ExitCode {
        Ok = 0,
        StorageFailure = 1, // the data folder or a database could not be read or written
        UsageError = 2,     // unknown command, missing or malformed option
        NotFound = 3,       // no such cafe
        Conflict = 4,       // already exists (cafe id, employee code, backup target)
        InvalidData = 5     // a menu file that does not validate
    };

    HubAdminCommands(QTextStream &out, QTextStream &err, HubClock *clock = nullptr);

    // args: e.g. {"cafe", "add", "--data", "/var/lib/tabletap", "--id", "c1", "--name", "Cafe"}.
    int run(const QStringList &args);
    // The subcommands recognised by run() (the first word).
    static QStringList commands();
    static QString usage();
    // "12h", "30m", "7d", "45s" or plain seconds; -1 when malformed or not positive.
    static qint64 parseDuration(const QString &text);

private:
    int cafeAdd(const QStringList &args);
    int cafeList(const QStringList &args);
    int menuImport(const QStringList &args);
    int staffAdd(const QStringList &args);
    int staffList(const QStringList &args);
    int token(const QStringList &args);
    int backup(const QStringList &args);
    int fail(int code, const QString &message);
    qint64 nowMs() const;

    QTextStream &m_out;
    QTextStream &m_err;
    HubClock *m_clock;
};

} // namespace TableTap
