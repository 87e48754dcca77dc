// Backups and restores of the SQLite data folder: copies taken with VACUUM INTO; a restore
// checked on a staging copy, then swapped in by renames inside the data folder (same file
// system) while holding the folder's lock.
#include "sqlitebackup.h"

#include "datafolderlock.h"
#include "hubregistry.h"
#include "hubsecret.h"
#include "privatefiles.h"
#include "sqliteconnection.h"
#include "sqlitestorage.h"
#include "storageerror.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QScopeGuard>

#include <sys/stat.h>
#include <unistd.h>

namespace TableTap {

namespace {
using Status = AdminResult::Status;

// "ok", or what integrity_check found first.
QString integrityOf(const QString &path)
{
    SqliteConnection db;
    QString error;
    if (!db.open(path, &error))
        return error;
    try {
        const QString result = db.scalar(QStringLiteral("PRAGMA integrity_check")).toString();
        return result;
    } catch (const StorageError &e) {
        return e.message();
    }
}

// The database file and its WAL companions, as they sit next to each other.
QStringList withCompanions(const QString &path)
{
    return {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
}

bool moveIfExists(const QString &from, const QString &to, QString *error)
{
    if (!QFileInfo::exists(from))
        return true;
    if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::rename(from, to)) {
        *error = QStringLiteral("cannot move %1 to %2").arg(from, to);
        return false;
    }
    return true;
}

// Run as root on a folder that belongs to the service's user: give the restored files to that
// user, or the hub could not write them.
void giveToOwnerOf(const QString &dataDir, const QStringList &paths)
{
    if (::geteuid() != 0)
        return;
    struct stat st = {};
    if (::stat(QFile::encodeName(dataDir).constData(), &st) != 0 || st.st_uid == 0)
        return;
    for (const QString &p : paths) {
        QStringList all{p};
        if (QFileInfo(p).isDir()) {
            QDirIterator it(p, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                all.append(it.next());
        }
        for (const QString &f : std::as_const(all)) {
            if (::lchown(QFile::encodeName(f).constData(), st.st_uid, st.st_gid) != 0) {
                // Best effort: a file we cannot hand over is reported by the hub when it starts.
            }
        }
    }
}

SqliteBackup::Restored refused(Status status, const QString &message)
{
    return {AdminResult::failure(status, message), {}, {}};
}

} // namespace

AdminResult SqliteBackup::backup(SqliteStorage &storage, const QString &out, const QString &cafeId,
                                 int *cafes)
{
    const auto refused = [](Status status, const QString &message) {
        return AdminResult::failure(status, message);
    };
    const QString dataDir = storage.dataDir();
    HubRegistry registry;
    QString error;
    if (!storage.open(&error) || !registry.open(storage, &error))
        return refused(Status::StorageFailure, error);
    // A backup holds every order, PIN hash and the token secret: nothing of it is ever readable
    // by others, not even for the moment between creating a file and fixing its mode.
    const mode_t previousMask = ::umask(077);
    const auto restoreMask = qScopeGuard([previousMask] { ::umask(previousMask); });
    // VACUUM INTO reads one consistent snapshot, so a running hub can keep writing meanwhile.
    // The copy is flushed to disk (the file, then the folder naming it) before it is reported.
    auto copyDb = [&](const QString &from, const QString &to) {
        SqliteConnection db;
        QString e;
        if (!db.open(from, &e))
            throw StorageError(e);
        db.exec(QStringLiteral("VACUUM INTO ?"), {to});
        if (!PrivateFiles::sealFile(to, &e))
            throw StorageError(e);
    };
    auto syncFolder = [](const QString &path) {
        QString e;
        if (!PrivateFiles::syncFolder(path, &e))
            throw StorageError(e);
    };
    const QFileInfo outInfo(out);
    if (!cafeId.isEmpty()) {
        if (!registry.cafe(cafeId))
            return refused(Status::NotFound, QStringLiteral("no cafe %1").arg(cafeId));
        if (outInfo.exists() || outInfo.isSymLink())
            return refused(Status::Conflict, QStringLiteral("%1 already exists").arg(out));
        copyDb(storage.cafeDatabasePath(cafeId), out);
        syncFolder(outInfo.absolutePath());
        if (cafes)
            *cafes = 1;
        return {};
    }
    QDir target(out);
    if (target.exists() && !target.isEmpty())
        return refused(Status::Conflict, QStringLiteral("%1 exists and is not empty").arg(out));
    if (outInfo.isSymLink() && !target.exists())
        return refused(Status::Conflict, QStringLiteral("%1 is a dangling symbolic link").arg(out));
    if (!PrivateFiles::makeFolder(out, &error)
        || !PrivateFiles::makeFolder(target.filePath(QStringLiteral("cafes")), &error))
        return refused(Status::StorageFailure, error);
    copyDb(storage.registryPath(), target.filePath(QStringLiteral("hub.db")));
    const QList<HubRegistry::Cafe> all = registry.cafes();
    for (const HubRegistry::Cafe &c : all)
        copyDb(storage.cafeDatabasePath(c.id),
               target.filePath(QStringLiteral("cafes/") + c.id + QStringLiteral(".db")));
    const QString secretPath = HubSecret::filePath(dataDir);
    if (QFile::exists(secretPath)) {
        if (!PrivateFiles::copyFile(secretPath, HubSecret::filePath(out), &error))
            return refused(Status::StorageFailure,
                           QStringLiteral("cannot copy the hub secret: ") + error);
    }
    syncFolder(target.filePath(QStringLiteral("cafes")));
    syncFolder(out);
    syncFolder(QFileInfo(target.absolutePath()).absolutePath());
    if (cafes)
        *cafes = int(all.size());
    return {};
}

SqliteBackup::Restored SqliteBackup::restore(const QString &from, const QString &dataDir,
                                             const QString &cafeId)
{
    if (!QDir().mkpath(dataDir))
        return refused(Status::StorageFailure, QStringLiteral("cannot create %1").arg(dataDir));
    DataFolderLock lock(dataDir);
    if (!lock.tryLock()) {
        if (lock.holderPid() > 0 || lock.errorString().startsWith(u"a hub"))
            return refused(Status::Conflict, lock.errorString()
                                                 + QStringLiteral("; stop it first (systemctl "
                                                                  "stop tabletap-hub)"));
        return refused(Status::StorageFailure, lock.errorString());
    }
    giveToOwnerOf(dataDir, {DataFolderLock::filePath(dataDir)});
    try {
        return cafeId.isEmpty() ? restoreHub(from, dataDir) : restoreCafe(from, dataDir, cafeId);
    } catch (const StorageError &e) {
        return refused(Status::StorageFailure, e.message());
    }
}

SqliteBackup::Restored SqliteBackup::restoreHub(const QString &from, const QString &dataDir)
{
    const QDir source(from);
    if (!QFileInfo(from).isDir() || !QFileInfo::exists(source.filePath(QStringLiteral("hub.db"))))
        return refused(Status::NotFound,
                       QStringLiteral("%1 is not a hub backup (no hub.db in it); a single cafe's "
                                      "file needs --cafe ID")
                           .arg(from));
    // A backup may come from anywhere: what it names is read only as plain files inside it, never
    // through a symbolic link (which could read the hub's secret from elsewhere, or point a
    // later write outside the data folder).
    const QString sourceCafes = source.filePath(QStringLiteral("cafes"));
    if (QFileInfo(sourceCafes).isSymLink())
        return refused(Status::InvalidData,
                       QStringLiteral("the backup's cafes folder is a symbolic link; refused"));
    const QString stamp
        = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QDir data(dataDir);
    const QString staging = data.filePath(QStringLiteral(".restore-") + stamp);
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(QDir(staging).filePath(QStringLiteral("cafes"))))
        return refused(Status::StorageFailure, QStringLiteral("cannot create %1").arg(staging));
    const auto cleanUp = qScopeGuard([staging] { QDir(staging).removeRecursively(); });

    // 1. Copy into staging and check there, so a bad backup never touches the folder.
    QString copyError;
    const auto copy = [&copyError](const QString &a, const QString &b) {
        return PrivateFiles::copyFile(a, b, &copyError);
    };
    if (!copy(source.filePath(QStringLiteral("hub.db")),
              QDir(staging).filePath(QStringLiteral("hub.db"))))
        return refused(Status::InvalidData,
                       QStringLiteral("the backup's hub.db: %1").arg(copyError));
    QStringList cafes;
    {
        SqliteStorage storage(staging);
        HubRegistry registry;
        QString error;
        if (!storage.open(&error) || !registry.open(storage, &error))
            return refused(Status::InvalidData,
                           QStringLiteral("the backup's hub.db: %1").arg(error));
        for (const HubRegistry::Cafe &c : registry.cafes()) {
            // Ids become file names: one that is not an id (../x, a/b) names no file of ours.
            if (!HubRegistry::isValidCafeId(c.id))
                return refused(Status::InvalidData,
                               QStringLiteral("the backup's hub.db lists a cafe id that is not "
                                              "valid (1 to 64 of A-Z a-z 0-9 _ -): %1")
                                   .arg(c.id.left(80)));
            cafes.append(c.id);
        }
    }
    const QString registryCheck = integrityOf(QDir(staging).filePath(QStringLiteral("hub.db")));
    if (registryCheck != u"ok")
        return refused(Status::InvalidData,
                       QStringLiteral("the backup's hub.db: %1").arg(registryCheck));
    for (const QString &id : std::as_const(cafes)) {
        const QString name = QStringLiteral("cafes/") + id + QStringLiteral(".db");
        if (!QFileInfo(source.filePath(name)).isSymLink()
            && !QFileInfo::exists(source.filePath(name)))
            return refused(Status::InvalidData,
                           QStringLiteral("the backup lists cafe %1 but has no %2").arg(id, name));
        if (!copy(source.filePath(name), QDir(staging).filePath(name)))
            return refused(Status::InvalidData,
                           QStringLiteral("the backup's %1: %2").arg(name, copyError));
        const QString check = integrityOf(QDir(staging).filePath(name));
        if (check != u"ok")
            return refused(Status::InvalidData,
                           QStringLiteral("the backup's %1: %2").arg(name, check));
    }
    const QFileInfo secretInfo(HubSecret::filePath(from));
    const bool hasSecret = secretInfo.exists() || secretInfo.isSymLink();
    if (hasSecret && !copy(HubSecret::filePath(from), HubSecret::filePath(staging)))
        return refused(Status::InvalidData,
                       QStringLiteral("the backup's hub.secret: %1").arg(copyError));
    // On disk before anything is moved: a crash after the swap must not leave empty files.
    QString syncError;
    if (!PrivateFiles::syncFolder(QDir(staging).filePath(QStringLiteral("cafes")), &syncError)
        || !PrivateFiles::syncFolder(staging, &syncError))
        return refused(Status::StorageFailure, syncError);

    // 2. Set the current data aside, then move the checked copy in.
    const QString aside = data.filePath(QStringLiteral("pre-restore-") + stamp);
    QString error;
    QStringList current = withCompanions(data.filePath(QStringLiteral("hub.db")));
    current << HubSecret::filePath(dataDir) << data.filePath(QStringLiteral("cafes"));
    for (const QString &path : std::as_const(current)) {
        if (!moveIfExists(path, QDir(aside).filePath(QFileInfo(path).fileName()), &error))
            return refused(Status::StorageFailure, error);
    }
    QStringList restored;
    for (const QString &name : {QStringLiteral("hub.db"), QStringLiteral("cafes"),
                                QFileInfo(HubSecret::filePath(staging)).fileName()}) {
        const QString to = data.filePath(name);
        if (!moveIfExists(QDir(staging).filePath(name), to, &error))
            return refused(Status::StorageFailure,
                           error + QStringLiteral("; the previous data is in ") + aside);
        if (QFileInfo::exists(to))
            restored.append(to);
    }
    if (!PrivateFiles::syncFolder(dataDir, &syncError))
        return refused(Status::StorageFailure, syncError);
    giveToOwnerOf(dataDir, restored + QStringList{aside});
    Restored done;
    done.done = QStringLiteral("restored %1 cafe(s) from %2 into %3")
                    .arg(cafes.size())
                    .arg(from, dataDir);
    if (QFileInfo::exists(aside))
        done.done += QStringLiteral("; the previous data is in ") + aside;
    if (!hasSecret)
        done.warning = QStringLiteral("the backup has no hub.secret: the hub makes a new one, and "
                                      "tokens minted before no longer work");
    return done;
}

SqliteBackup::Restored SqliteBackup::restoreCafe(const QString &from, const QString &dataDir,
                                                 const QString &cafeId)
{
    if (!QFileInfo(from).isFile())
        return refused(Status::NotFound, QStringLiteral("%1 is not a cafe backup file").arg(from));
    SqliteStorage storage(dataDir);
    HubRegistry registry;
    QString error;
    if (!QFileInfo::exists(storage.registryPath()))
        return refused(
            Status::NotFound,
            QStringLiteral("%1 has no hub.db; restore the whole hub first").arg(dataDir));
    if (!storage.open(&error) || !registry.open(storage, &error))
        return refused(Status::StorageFailure, error);
    if (!registry.cafe(cafeId))
        return refused(Status::NotFound, QStringLiteral("no cafe %1 in %2").arg(cafeId, dataDir));
    const QString target = storage.cafeDatabasePath(cafeId);
    registry.close();

    const QString stamp
        = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QDir data(dataDir);
    const QString staging = data.filePath(QStringLiteral(".restore-") + stamp);
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging))
        return refused(Status::StorageFailure, QStringLiteral("cannot create %1").arg(staging));
    const auto cleanUp = qScopeGuard([staging] { QDir(staging).removeRecursively(); });
    const QString copy = QDir(staging).filePath(cafeId + QStringLiteral(".db"));
    if (!PrivateFiles::copyFile(from, copy, &error))
        return refused(Status::InvalidData, error);
    const QString check = integrityOf(copy);
    if (check != u"ok")
        return refused(Status::InvalidData, QStringLiteral("%1: %2").arg(from, check));

    const QString aside = data.filePath(QStringLiteral("pre-restore-") + stamp);
    for (const QString &path : withCompanions(target)) {
        if (!moveIfExists(
                path, QDir(aside).filePath(QStringLiteral("cafes/")) + QFileInfo(path).fileName(),
                &error))
            return refused(Status::StorageFailure, error);
    }
    if (!moveIfExists(copy, target, &error))
        return refused(Status::StorageFailure,
                       error + QStringLiteral("; the previous data is in ") + aside);
    if (!PrivateFiles::syncFolder(QFileInfo(target).absolutePath(), &error))
        return refused(Status::StorageFailure, error);
    giveToOwnerOf(dataDir, {target, aside});
    Restored done;
    done.done = QStringLiteral("restored cafe %1 from %2 into %3").arg(cafeId, from, target);
    if (QFileInfo::exists(aside))
        done.done += QStringLiteral("; the previous data is in ") + aside;
    return done;
}

} // namespace TableTap
