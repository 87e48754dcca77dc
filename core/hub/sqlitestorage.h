// The hub's SQLite store: a data folder holding the registry (hub.db) and one database per cafe
// (cafes/<id>.db), so cafes are isolated by construction: no query of one cafe can read another's
// rows. Connections come out open, with the durability settings of SqliteConnection and their
// schema migrated (HubSchema).
#pragma once

#include "storagebackend.h"

namespace TableTap {

class SqliteConnection;

class SqliteStorage final : public StorageBackend
{
public:
    // syncEveryCommit: HubOptions::syncEveryCommit (FULL, else NORMAL).
    explicit SqliteStorage(QString dataDir, bool syncEveryCommit = true);

    bool open(QString *error) override;
    std::unique_ptr<StoreConnection> registry(QString *error) override;
    std::unique_ptr<StoreConnection> cafe(const QString &cafeId, QString *error) override;
    std::unique_ptr<StoreConnection> createCafe(const QString &cafeId, QString *error) override;
    void dropCafe(const QString &cafeId) override;
    bool cafeExists(const QString &cafeId) override;
    // The data folder exists and its file system has at least minFreeBytes free.
    StorageHealth health(qint64 minFreeBytes) override;
    // SqliteBackup::backup: VACUUM INTO, files 0600, folders 0700, fsynced.
    AdminResult backup(const QString &target, const QString &cafeId, int *cafes) override;
    QString location() const override { return m_dataDir; }
    // HubSecret::loadOrCreate on the data folder.
    QByteArray tokenSecret(QString *error) override;

    QString dataDir() const { return m_dataDir; }
    QString registryPath() const;
    QString cafeDatabasePath(const QString &cafeId) const;

private:
    QString m_dataDir;
    bool m_syncEveryCommit = true;
};

} // namespace TableTap
