// Where the hub keeps its data: the registry of cafes and one store per cafe. HubDomain owns
// one and hands its connections to the registry and the cafes; SqliteStorage (a data folder with
// hub.db and cafes/<id>.db) is the embedded default, PostgresStorage (one schema per cafe in a
// shared database, for several hub nodes) the other. makeStorage() picks one from HubOptions.
#pragma once

#include "hubadmin.h"
#include "storeconnection.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace TableTap {

// The store's own condition, apart from any connection: for /healthz.
struct StorageHealth
{
    QStringList problems;  // empty: healthy
    qint64 freeBytes = -1; // free space for the store, -1 when unknown
};

class StorageBackend
{
public:
    virtual ~StorageBackend() = default;

    // Makes the store usable (creates the data folder). False with a message.
    virtual bool open(QString *error) = 0;
    // The registry's connection, its schema migrated; null with a message.
    virtual std::unique_ptr<StoreConnection> registry(QString *error) = 0;
    // An existing cafe's connection, its schema migrated; null with a message.
    virtual std::unique_ptr<StoreConnection> cafe(const QString &cafeId, QString *error) = 0;
    // A new, empty cafe store with the current schema; null when it exists already.
    virtual std::unique_ptr<StoreConnection> createCafe(const QString &cafeId, QString *error) = 0;
    // Undoes createCafe when filling the new store failed (the connection is closed first).
    virtual void dropCafe(const QString &cafeId) = 0;
    virtual bool cafeExists(const QString &cafeId) = 0;
    // minFreeBytes: less free space than this is a problem.
    virtual StorageHealth health(qint64 minFreeBytes) = 0;
    // A consistent copy while the hub runs (HubAdmin::backup): without cafeId, a whole store the
    // hub can serve as is; with it, that cafe's. *cafes: how many were copied. Throws StorageError.
    virtual AdminResult backup(const QString &target, const QString &cafeId, int *cafes) = 0;
    // Where the store is, for messages and /healthz ("data_dir").
    virtual QString location() const = 0;
    // The token-signing secret, the same for every hub process on this store (SQLite:
    // <data>/hub.secret; PostgreSQL: a row in the registry schema, made by the first node).
    // Empty with a message on failure.
    virtual QByteArray tokenSecret(QString *error) = 0;
};

} // namespace TableTap
