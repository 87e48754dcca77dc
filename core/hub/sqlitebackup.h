// Backups and restores of the SQLite data folder. A backup is a consistent copy taken while the
// hub runs (VACUUM INTO, one snapshot per database), private to the hub's user and flushed to
// disk before it is reported. A restore refuses while a hub serves the folder (DataFolderLock),
// checks every database of the backup on a staging copy (integrity_check, the registry's cafes
// all present, no symbolic links) before touching the folder, and keeps the data it replaces in
// <data>/pre-restore-<time>/.
#pragma once

#include "hubadmin.h"

#include <QString>

namespace TableTap {

class SqliteStorage;

class SqliteBackup final
{
public:
    // Without cafeId, target becomes a data folder (hub.db, cafes/*.db, hub.secret) the hub can
    // serve as is; with it, target is that cafe's database file. *cafes: how many were copied.
    static AdminResult backup(SqliteStorage &storage, const QString &target, const QString &cafeId,
                              int *cafes);

    struct Restored
    {
        AdminResult result; // Conflict: a hub serves the folder
        QString done;       // on success, what was restored and where the previous data is
        QString warning;    // on success, what the operator should know (no secret in it)
    };
    // from: a folder made by backup (the whole hub), or with cafeId that cafe's database file.
    static Restored restore(const QString &from, const QString &dataDir, const QString &cafeId);

private:
    static Restored restoreHub(const QString &from, const QString &dataDir);
    static Restored restoreCafe(const QString &from, const QString &dataDir, const QString &cafeId);
};

} // namespace TableTap
