// `tabletap-hub restore`: puts a backup made by `tabletap-hub backup` back into a data folder.
// Parses and prints; SqliteBackup::restore does the work (refuses while a hub serves the folder,
// checks the backup on a staging copy, keeps the replaced data in <data>/pre-restore-<time>/).
#pragma once

#include <QStringList>
#include <QTextStream>

namespace TableTap {

class RestoreCommand final
{
public:
    enum ExitCode {
        Ok = 0,
        StorageFailure = 1, // a file could not be copied, moved or checked
        UsageError = 2,
        NotFound = 3,   // no backup at --from, not a hub backup, or no such cafe
        InUse = 4,      // a hub is serving the data folder
        InvalidData = 5 // the backup does not pass its integrity check
    };

    RestoreCommand(QTextStream &out, QTextStream &err);

    // args: {"restore", "--from", PATH, "--data", DIR [, "--cafe", ID]}.
    int run(const QStringList &args);
    static QString usage();

private:
    int fail(int code, const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace TableTap
