// The hub's admin command line, as a class: `cafe add|list`, `menu import`,
// `staff add|list|disable|enable|set-role|set-pin|revoke`, `chain grant|revoke|list`, `token`,
// `board-token`, `backup`, `report day|service|staff`.
// tabletap-hub's main() passes its arguments after the program name; output goes to `out`, one-line
// errors to `err`, and the return value is the exit code. It parses and prints; the work is the
// admin API's (HubAdminService on the data folder's SqliteStorage), which writes the folder
// directly, also while a hub serves it (SQLite's locking; the hub notices staff changes within a
// second).
#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

class QCommandLineParser;

namespace TableTap {

class HubClock;
struct AdminResult;
struct TokenRequest;

class AdminCommandLine final
{
public:
    enum ExitCode {
        Ok = 0,
        StorageFailure = 1, // the data folder or a database could not be read or written
        UsageError = 2,     // unknown command, missing or malformed option
        NotFound = 3,       // no such cafe or staff member
        Conflict = 4,       // already exists (cafe id, employee code, backup target), or
                            // already so (a staff member already disabled, of that role)
        InvalidData = 5     // a menu file that does not validate
    };

    // Reads a secret (a new PIN) from outside the command line: prompt is what to ask; nullopt
    // with *error set when there is none to read.
    using SecretReader
        = std::function<std::optional<QString>(const QString &prompt, QString *error)>;

    AdminCommandLine(QTextStream &out, QTextStream &err, HubClock *clock = nullptr);
    // Where `staff set-pin` gets the PIN (tabletap-hub: standard input, or a prompt without echo
    // on a terminal). Without one, set-pin fails.
    void setSecretReader(SecretReader reader) { m_readSecret = std::move(reader); }

    // args: e.g. {"cafe", "add", "--data", "/var/lib/tabletap", "--id", "c1", "--name", "Cafe"}.
    int run(const QStringList &args);
    // The subcommands recognised by run() (the first word).
    static QStringList commands();
    static QString usage();
    // "12h", "30m", "7d", "45s" or plain seconds; -1 when malformed or not positive.
    static qint64 parseDuration(const QString &text);
    // Whether the command needs a QGuiApplication (report --format pdf draws its document);
    // every other command runs on a QCoreApplication, so the hub stays headless.
    static bool needsGui(const QStringList &args);

private:
    int cafeAdd(const QStringList &args);
    int cafeList(const QStringList &args);
    int menuImport(const QStringList &args);
    int menuExport(const QStringList &args);
    int report(const QStringList &args);
    int staffAdd(const QStringList &args);
    int staffList(const QStringList &args);
    int staffChange(const QString &sub, const QStringList &args);
    int chain(const QString &sub, const QStringList &args);
    int token(const QStringList &args);
    int boardToken(const QStringList &args);
    // token and board-token: --ttl, then mint through the admin API and print the token.
    int mintAndPrint(const QCommandLineParser &parser, TokenRequest request);
    int backup(const QStringList &args);
    int fail(int code, const QString &message);
    // The exit code of a failed admin call, after its message (`--option` when it names one).
    int fail(const AdminResult &result);

    QTextStream &m_out;
    QTextStream &m_err;
    HubClock *m_clock;
    SecretReader m_readSecret;
};

} // namespace TableTap
