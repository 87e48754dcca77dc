// One QSQLITE connection with the hub's durability settings: WAL journal, synchronous=FULL,
// foreign keys on, a busy timeout so the admin CLI can write while the hub runs (the hub itself
// waits far less: its thread serves everyone).
// Query helpers throw StorageError, so a failed statement can never be silently ignored.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace TableTap {

class SqliteConnection final
{
public:
    // For the admin commands, which have no event loop to keep going.
    static constexpr int kToolBusyTimeoutMs = 5000;

    SqliteConnection();
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Opens (creating if needed) the file and applies the pragmas. False with a message on error.
    // A write waits up to kToolBusyTimeoutMs for another connection's write lock.
    bool open(const QString &path, QString *error);
    // How long a statement waits for another connection's lock before it fails (SQLITE_BUSY,
    // a StorageError). The hub's event loop uses a short wait (HubOptions::storageBusyTimeoutMs).
    void setBusyTimeout(int ms);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Runs one statement with positional bindings; throws StorageError on failure.
    QSqlQuery exec(const QString &sql, const QVariantList &binds = {});
    // The first column of the first row, or an invalid QVariant when there is no row.
    QVariant scalar(const QString &sql, const QVariantList &binds = {});

    // BEGIN IMMEDIATE: takes the write lock up front so a transaction never fails half-way
    // for lack of it.
    void begin();
    void commit();
    void rollback(); // never throws
    bool inTransaction() const { return m_inTransaction; }
    void savepoint(const QString &name);
    void releaseSavepoint(const QString &name);
    void rollbackToSavepoint(const QString &name); // never throws

    int userVersion();
    void setUserVersion(int version);

private:
    QString m_connectionName;
    QString m_path;
    bool m_inTransaction = false;
};

} // namespace TableTap
