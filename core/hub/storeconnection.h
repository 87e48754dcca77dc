// One connection to the hub's store: what the desks, the registry and the migrator need and no
// more, so a second backend (PostgreSQL, issue 19) slots in without touching them. SqliteConnection
// and PostgresConnection implement it. The SQL the desks write is the subset both databases run
// (times and money are 64-bit integers: INTEGER in SQLite, BIGINT in PostgreSQL, see
// HubSchema::forPostgres); anything else (PRAGMA, VACUUM INTO, the -wal/-shm files, search_path,
// advisory locks) stays inside the backend's own classes.
#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace TableTap {

class StoreConnection
{
public:
    virtual ~StoreConnection() = default;

    // Runs one statement with positional bindings; throws StorageError on failure.
    virtual QSqlQuery exec(const QString &sql, const QVariantList &binds = {}) = 0;
    // The first column of the first row, or an invalid QVariant when there is no row.
    virtual QVariant scalar(const QString &sql, const QVariantList &binds = {}) = 0;

    // Takes the write lock up front (SQLite BEGIN IMMEDIATE; PostgreSQL SERIALIZABLE), so a
    // transaction never fails half-way for lack of it.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    virtual bool inTransaction() const = 0;
    virtual void savepoint(const QString &name) = 0;
    virtual void releaseSavepoint(const QString &name) = 0;
    virtual void rollbackToSavepoint(const QString &name) noexcept = 0;

    // The version SchemaMigrator keeps (SQLite user_version; PostgreSQL a one-row table).
    virtual int schemaVersion() = 0;
    virtual void setSchemaVersion(int version) = 0;
    // A number that changes when another connection committed to the same store since the last
    // call, so cached rows (the staff roster) are re-read only then.
    virtual qint64 dataVersion() = 0;
    // How long a statement waits for another connection's lock before it fails with a
    // StorageError. The hub's event loop waits briefly; the admin command line longer.
    virtual void setBusyTimeout(int ms) = 0;
    // Empty when the store still answers a read on this connection and is still where it was
    // opened; otherwise what is wrong (for /healthz).
    virtual QString probe() = 0;

    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // Which store this is, for logs and messages (a file path, a server and schema).
    virtual QString describe() const = 0;

    // The one dialect difference the desks meet: an expression ordering a table's rows as they
    // were inserted, to break ties (SQLite rowid; PostgreSQL ctid, right for the insert-only
    // tables it is used on).
    virtual QString insertionOrder() const = 0;
};

} // namespace TableTap
