// The hub's SQLite store: a data folder of database files.
#include "sqlitestorage.h"

#include "hubschema.h"
#include "hubsecret.h"
#include "schemamigrator.h"
#include "sqlitebackup.h"
#include "sqliteconnection.h"
#include "storageerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/statvfs.h>

namespace TableTap {

namespace {
// Opens path and migrates it with steps; null with a message.
std::unique_ptr<StoreConnection> openMigrated(const QString &path,
                                              const QList<MigrationStep> &steps,
                                              bool syncEveryCommit, QString *error)
{
    auto db = std::make_unique<SqliteConnection>();
    if (!db->open(path, error) || !SchemaMigrator::migrate(*db, steps, error))
        return nullptr;
    if (!syncEveryCommit) {
        // WAL with NORMAL: consistent after a crash, the last commits may be lost.
        try {
            db->exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        } catch (const StorageError &e) {
            if (error)
                *error = e.message();
            return nullptr;
        }
    }
    return db;
}
} // namespace

SqliteStorage::SqliteStorage(QString dataDir, bool syncEveryCommit)
    : m_dataDir(std::move(dataDir))
    , m_syncEveryCommit(syncEveryCommit)
{}

QString SqliteStorage::registryPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("hub.db"));
}

QString SqliteStorage::cafeDatabasePath(const QString &cafeId) const
{
    return QDir(m_dataDir).filePath(QStringLiteral("cafes/") + cafeId + QStringLiteral(".db"));
}

bool SqliteStorage::open(QString *error)
{
    if (!QDir().mkpath(QDir(m_dataDir).filePath(QStringLiteral("cafes")))) {
        if (error)
            *error = QStringLiteral("cannot create the data folder %1").arg(m_dataDir);
        return false;
    }
    return true;
}

std::unique_ptr<StoreConnection> SqliteStorage::registry(QString *error)
{
    return openMigrated(registryPath(), HubSchema::registrySteps(), m_syncEveryCommit, error);
}

std::unique_ptr<StoreConnection> SqliteStorage::cafe(const QString &cafeId, QString *error)
{
    const QString path = cafeDatabasePath(cafeId);
    if (!QFile::exists(path)) {
        if (error)
            *error = QStringLiteral("cafe database %1 does not exist").arg(path);
        return nullptr;
    }
    return openMigrated(path, HubSchema::cafeSteps(), m_syncEveryCommit, error);
}

std::unique_ptr<StoreConnection> SqliteStorage::createCafe(const QString &cafeId, QString *error)
{
    const QString path = cafeDatabasePath(cafeId);
    if (QFile::exists(path)) {
        if (error)
            *error = QStringLiteral("%1 already exists").arg(path);
        return nullptr;
    }
    return openMigrated(path, HubSchema::cafeSteps(), m_syncEveryCommit, error);
}

void SqliteStorage::dropCafe(const QString &cafeId)
{
    const QString path = cafeDatabasePath(cafeId);
    QFile::remove(path);
    // A connection closed cleanly leaves no WAL behind; one that failed mid-way may.
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

bool SqliteStorage::cafeExists(const QString &cafeId)
{
    return QFile::exists(cafeDatabasePath(cafeId));
}

QByteArray SqliteStorage::tokenSecret(QString *error)
{
    return HubSecret::loadOrCreate(m_dataDir, error);
}

AdminResult SqliteStorage::backup(const QString &target, const QString &cafeId, int *cafes)
{
    return SqliteBackup::backup(*this, target, cafeId, cafes);
}

StorageHealth SqliteStorage::health(qint64 minFreeBytes)
{
    StorageHealth h;
    if (!QFileInfo(m_dataDir).isDir()) {
        h.problems.append(QStringLiteral("data folder %1 is missing").arg(m_dataDir));
        return h;
    }
    // statvfs on the folder itself: QStorageInfo looks the path up in the mount table, which
    // inside a chroot or a container names other paths and leaves it invalid.
    struct statvfs volume;
    if (::statvfs(QFile::encodeName(m_dataDir).constData(), &volume) == 0)
        h.freeBytes = qint64(volume.f_bavail) * qint64(volume.f_frsize);
    if (h.freeBytes >= 0 && h.freeBytes < minFreeBytes)
        h.problems.append(QStringLiteral("%1 MiB free in the data folder, below %2 MiB")
                              .arg(h.freeBytes / (1024 * 1024))
                              .arg(minFreeBytes / (1024 * 1024)));
    return h;
}

} // namespace TableTap
