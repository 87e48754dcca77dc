// `tabletap-hub restore`: puts a backup made by `tabletap-hub backup` back into a data folder.
// Refuses while a hub serves the folder (DataFolderLock), checks every database of the backup
// (integrity_check, the registry's cafes all present) on a staging copy before touching the
// folder, and keeps the data it replaces in <data>/pre-restore-<time>/.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace TableTap {

class HubRestore final
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

    HubRestore(QTextStream &out, QTextStream &err);

    // args: {"restore", "--from", PATH, "--data", DIR [, "--cafe", ID]}.
    int run(const QStringList &args);
    static QString usage();

private:
    int restoreHub(const QString &from, const QString &dataDir);
    int restoreCafe(const QString &from, const QString &dataDir, const QString &cafeId);
    int fail(int code, const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace TableTap
