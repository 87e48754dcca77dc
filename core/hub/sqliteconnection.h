// One QSQLITE connection with the hub's durability settings: WAL journal, synchronous=FULL,
// foreign keys on, a busy timeout so the admin CLI can write while the hub runs (the hub itself
// waits far less: its thread serves everyone).
// Query helpers throw StorageError, so a failed statement can never be silently ignored.
// Inside a transaction, statements are prepared once and kept: a command batch runs the same few
// dozen statements for every command, and parsing them again each time cost more than running
// them (issue 20).
#pragma once

#include "storeconnection.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace TableTap {

class SqliteConnection final : public StoreConnection
{
public:
    // For the admin commands, which have no event loop to keep going.
    static constexpr int kToolBusyTimeoutMs = 5000;

    SqliteConnection();
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Opens (creating if needed) the file and applies the pragmas. False with a message on error.
    // A write waits up to kToolBusyTimeoutMs for another connection's write lock.
    bool open(const QString &path, QString *error);
    // How long a statement waits for another connection's lock before it fails (SQLITE_BUSY,
    // a StorageError). The hub's event loop uses a short wait (HubOptions::storageBusyTimeoutMs).
    void setBusyTimeout(int ms) override;
    void close() override;
    bool isOpen() const override;
    QString path() const { return m_path; }
    QString describe() const override { return m_path; }
    QString insertionOrder() const override { return QStringLiteral("rowid"); }

    QSqlQuery exec(const QString &sql, const QVariantList &binds = {}) override;
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) override;

    // BEGIN IMMEDIATE.
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    bool inTransaction() const override { return m_inTransaction; }
    void savepoint(const QString &name) override;
    void releaseSavepoint(const QString &name) override;
    void rollbackToSavepoint(const QString &name) noexcept override;

    // PRAGMA user_version.
    int schemaVersion() override;
    void setSchemaVersion(int version) override;
    // PRAGMA data_version: a look at the WAL index, no read of a table.
    qint64 dataVersion() override;
    // A read on this connection (PRAGMA schema_version), and the file still at its path (a file
    // deleted or unmounted under an open connection keeps answering from its old inode).
    QString probe() override;

    // Statements kept prepared (idle, ready for the next exec of the same text).
    int preparedStatements() const { return m_idleCount; }
    static constexpr int kMaxPreparedStatements = 256;

private:
    // Prepared statements are lent out by exec() inside a transaction and taken back (reset, so
    // no read stays open) at the next transaction or savepoint boundary, where no caller still
    // steps through a result: the desks run between those boundaries only.
    QSqlQuery takePrepared(const QString &sql);
    void reclaimPrepared();
    void dropPrepared();

    QString m_connectionName;
    QString m_path;
    bool m_inTransaction = false;
    QHash<QString, QList<QSqlQuery>> m_idle;
    QList<std::pair<QString, QSqlQuery>> m_lent;
    int m_idleCount = 0;
};

} // namespace TableTap
